// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "emulator/emulatorlog.h"

#include "protocol/platform.h"

#include <QCoreApplication>
#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

/** The translation context of this file's messages; lupdate reads it from here. */
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Nh::EmulatorLogEntry)
};

} // namespace

QJsonObject EmulatorLogEntry::toJson() const
{
    const auto headers = [](const HttpHeaders &h) {
        QJsonArray a;
        for (const auto &[n, v] : h)
            a.append(QJsonArray {QString::fromUtf8(n), QString::fromUtf8(v)});
        return a;
    };
    QJsonObject o {{u"sequence"_s, sequence},
                   {u"time"_s, time.toString(Qt::ISODateWithMs)},
                   {u"operation"_s, operation},
                   {u"hub"_s, hub},
                   {u"method"_s, QString::fromLatin1(method)},
                   {u"url"_s, url},
                   {u"requestHeaders"_s, headers(requestHeaders)},
                   {u"requestBody"_s, QString::fromUtf8(requestBody)},
                   {u"status"_s, status},
                   {u"responseHeaders"_s, headers(responseHeaders)},
                   {u"responseBody"_s, QString::fromUtf8(responseBody)},
                   {u"fault"_s, fault},
                   {u"elapsedMicroseconds"_s, elapsedMicroseconds}};
    if (!renders.isEmpty()) {
        QJsonArray a;
        for (const EmulatorRender &r : renders)
            a.append(r.toJson());
        o.insert(u"renders"_s, a);
    }
    return o;
}

QString EmulatorLogEntry::summary() const
{
    const QString result = status ? QString::number(status) : Tr::tr("(no response)");
    QString line = time.toLocalTime().toString(u"hh:mm:ss.zzz"_s) + u' '
        + QString::fromLatin1(method) + u' ' + url + u' ' + result + u' ' + operation + u' '
        + QString::number(double(elapsedMicroseconds) / 1000.0, 'f', 1) + u" ms"_s;
    if (!fault.isEmpty())
        line += u" [fault: "_s + fault + u']';
    return line;
}

QString EmulatorLogEntry::text() const
{
    QString out = summary();
    const auto line = [&out](int indent, const QString &text) {
        out += u'\n' + QString(indent, u' ') + text;
    };
    for (const EmulatorRender &r : renders) {
        const QString name =
            r.templateName.isEmpty() ? QString() : u" \""_s + r.templateName + u'"';
        line(2,
             Tr::tr("%1 template%2 %3: %4")
                 .arg(platformWireName(r.platform), name, r.registrationId, r.outcome));
        if (!r.problem.isEmpty())
            line(4, Tr::tr("refused: %1").arg(r.problem));
        for (const auto &[n, v] : r.headers)
            line(4, QString::fromUtf8(n) + u": "_s + QString::fromUtf8(v));
        if (!r.expiry.isEmpty())
            line(4, Tr::tr("expiry: %1").arg(r.expiry));
        if (!r.priority.isEmpty())
            line(4, Tr::tr("priority: %1").arg(r.priority));
        if (!r.body.isEmpty() || r.problem.isEmpty())
            line(4,
                 r.truncated ? Tr::tr("payload (cut): %1").arg(r.body)
                             : Tr::tr("payload: %1").arg(r.body));
        if (!r.missingProperties.isEmpty())
            line(4, Tr::tr("not sent, rendered empty: %1").arg(r.missingProperties.join(u", "_s)));
        if (!r.emptySubstitutions.isEmpty())
            line(4, Tr::tr("empty: %1").arg(r.emptySubstitutions.join(u", "_s)));
        for (const QString &w : r.warnings)
            line(4, Tr::tr("warning: %1").arg(w));
    }
    return out;
}

} // namespace Nh
