// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "emulator/emulatoroperations.h"
#include "protocol/notificationdetails.h"

#include <QUuid>

using namespace Qt::Literals::StringLiterals;

namespace Nh::EmulatorOps {

EmulatorReply telemetry(Context &c, const QString &id)
{
    const auto it = c.hub->messages.constFind(id);
    if (it == c.hub->messages.cend())
        return c.error(404, Tr::tr("The notification '%1' was not found.").arg(id));
    NotificationDetails d;
    d.notificationId = it->id;
    d.location = u"sb://"_s + c.request.url.authority() + u'/' + c.hub->name + u"/messages/"_s
        + it->id + u"?api-version="_s + c.apiVersion;
    d.stateText = it->state;
    d.state = notificationStateFromName(it->state);
    d.enqueueTime = it->enqueueTime;
    d.startTime = it->enqueueTime;
    d.endTime = it->endTime;
    d.notificationBody = QString::fromUtf8(it->body);
    d.tags = it->tags;
    for (auto p = it->counts.cbegin(); p != it->counts.cend(); ++p) {
        d.targetPlatforms << platformWireName(p.key());
        PlatformOutcomeCounts pc;
        static const QHash<Platform, QString> kElement = {
            {Platform::Apple, u"Apns"_s},        {Platform::FcmV1, u"FcmV1"_s},
            {Platform::Gcm, u"Gcm"_s},           {Platform::Windows, u"Wns"_s},
            {Platform::WindowsPhone, u"Mpns"_s}, {Platform::Adm, u"Adm"_s},
            {Platform::Baidu, u"Baidu"_s},       {Platform::Browser, u"Browser"_s},
            {Platform::Xiaomi, u"Xiaomi"_s}};
        pc.platform = kElement.value(p.key());
        for (auto o = p->cbegin(); o != p->cend(); ++o)
            pc.outcomes.append({o.key(), o.value()});
        d.outcomeCounts.append(pc);
    }
    if (it->format == Format::Template)
        d.targetPlatforms = {u"template"_s};
    EmulatorReply r;
    r.headers = {{"Content-Type"_ba, kXml}};
    r.body = notificationDetailsXml(d);
    return r;
}

EmulatorReply feedbackContainer(Context &c)
{
    EmulatorReply r;
    r.headers = {{"Content-Type"_ba, "text/plain; charset=utf-8"_ba}};
    // A blob container SAS URL as the service hands out; it holds a signature like a real one.
    const QByteArray sig = QUuid::createUuid().toRfc4122().toBase64();
    r.body = (c.origin() + u"/"_s + c.hub->name.toLower() + u"-feedback?sv=2020-08-04&sr=c&se="_s
              + c.now.addDays(1).toString(Qt::ISODate) + u"&sp=rl&sig="_s)
                 .toUtf8()
        + QUrl::toPercentEncoding(QString::fromLatin1(sig));
    return r;
}

} // namespace Nh::EmulatorOps
