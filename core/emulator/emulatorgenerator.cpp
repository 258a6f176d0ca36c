// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Synthetic registrations: the demo data of a first start, and generated hubs of any size
// (`nhemulator --generate N`).

#include "emulator/emulatorgenerator.h"

#include "emulator/demodevices.h"
#include "emulator/emulatorstate.h"

#include <QElapsedTimer>
#include <QRandomGenerator64>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

constexpr int kCohorts = 1000;

QString randomText(QRandomGenerator64 &rng, int length, QLatin1StringView alphabet)
{
    QString out(length, Qt::Uninitialized);
    QChar *p = out.data();
    for (int i = 0; i < length; ++i)
        p[i] = QLatin1Char(alphabet[int(rng.bounded(quint32(alphabet.size())))]);
    return out;
}

QString randomDigits(QRandomGenerator64 &rng)
{
    // 19 digits, first not 0: as the service's id parts.
    return QString::number(
        rng.bounded(Q_INT64_C(1000000000000000000), std::numeric_limits<qint64>::max()));
}

} // namespace

GenerateReport generateRegistrations(EmulatorHub &hub, const GenerateSpec &spec)
{
    QElapsedTimer timer;
    timer.start();
    QRandomGenerator64 rng(spec.seed);
    constexpr auto kHex = "0123456789ABCDEF"_L1;
    constexpr auto kToken = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"_L1;
    static const QString kLangs[] = {u"lang:en"_s, u"lang:en"_s, u"lang:en"_s, u"lang:en"_s,
                                     u"lang:en"_s, u"lang:fr"_s, u"lang:de"_s, u"lang:es"_s,
                                     u"lang:ja"_s, u"lang:fr"_s};
    QStringList cohorts;
    cohorts.reserve(kCohorts);
    for (int k = 0; k < kCohorts; ++k)
        cohorts << u"cohort:"_s + QString::number(k);
    // The templates are shared strings, as a real app registers the same few everywhere.
    const QString appleTemplate = u"{\"aps\":{\"alert\":{\"title\":\"$(title)\","
                                  "\"body\":\"$(body)\"}}}"_s;
    const QString fcmTemplate = u"{\"message\":{\"notification\":{\"title\":\"$(title)\","
                                "\"body\":\"$(body)\"}}}"_s;
    const QString wnsTemplate =
        u"<toast><visual><binding template=\"ToastText01\"><text id=\"1\">$(body)</text>"
        "</binding></visual></toast>"_s;
    const QList<TemplateHeader> wnsHeaders {{u"X-WNS-Type"_s, u"wns/toast"_s}};
    const QString templateName = u"greeting"_s;
    const QDateTime base = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);

    QString previousHandle;
    Platform previousPlatform = Platform::Apple;
    QString previousP256dh; // a browser handle comes with its keys
    QString previousAuth;
    hub.registrations.beginBulk();
    for (qint64 i = 0; i < spec.count; ++i) {
        Registration r;
        const quint32 p = rng.bounded(100u);
        r.platform = p < 45 ? Platform::Apple
            : p < 85        ? Platform::FcmV1
            : p < 91        ? Platform::Windows
            : p < 96        ? Platform::Browser
            : p < 98        ? Platform::Gcm
                            : Platform::Adm;
        r.isTemplate = rng.bounded(5u) == 0
            && (r.platform == Platform::Apple || r.platform == Platform::FcmV1
                || r.platform == Platform::Windows);
        r.registrationId = randomDigits(rng) + u'-' + randomDigits(rng) + u'-'
            + QString::number(rng.bounded(1, 10));
        const bool expired = i % 500 == 249;
        if (i % 1000 == 999 && !previousHandle.isEmpty()) {
            r.platform = previousPlatform; // the same device, registered twice
            r.handle = previousHandle;
            r.p256dh = previousP256dh;
            r.auth = previousAuth;
        } else {
            switch (r.platform) {
            case Platform::Apple:
                r.handle = randomText(rng, 64, kHex);
                break;
            case Platform::Windows:
                r.handle = u"https://db5.notify.windows.com/?token=AwYAAAB"_s
                    + randomText(rng, 40, kToken);
                break;
            case Platform::Browser:
                r.handle = u"https://fcm.googleapis.com/fcm/send/"_s + randomText(rng, 40, kToken);
                r.p256dh = u"B"_s + randomText(rng, 86, kToken);
                r.auth = randomText(rng, 22, kToken);
                break;
            case Platform::Adm:
                r.handle = u"amzn1.adm-registration.v3."_s + randomText(rng, 60, kToken);
                break;
            default:
                r.handle = randomText(rng, 22, kToken) + u":APA91b"_s + randomText(rng, 80, kToken);
                break;
            }
            if (expired)
                r.handle += u"-expired"_s;
        }
        previousHandle = r.handle;
        previousPlatform = r.platform;
        previousP256dh = r.p256dh;
        previousAuth = r.auth;
        if (r.isTemplate) {
            r.templateName = templateName;
            r.bodyTemplate = r.platform == Platform::Apple ? appleTemplate
                : r.platform == Platform::FcmV1            ? fcmTemplate
                                                           : wnsTemplate;
            if (r.platform == Platform::Windows)
                r.headers = wnsHeaders;
        }
        r.tags = {u"user:"_s + QString::number(i), cohorts.at(int(i % kCohorts)),
                  kLangs[rng.bounded(10u)]};
        r.etag = 1;
        r.published = base.addSecs(qint64(rng.bounded(30u * 24 * 3600)));
        r.updated = r.published;
        hub.registrations.put(r);
    }
    hub.registrations.endBulk();
    return {spec.count, timer.elapsed()};
}

void EmulatorState::seedDemoData(EmulatorHub &hub)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto add = [&](Platform p, const QString &handle, const QStringList &tags,
                         const QString &bodyTemplate = {},
                         const QString &templateName = u"greeting"_s) {
        Registration r;
        r.platform = p;
        r.isTemplate = !bodyTemplate.isEmpty();
        r.handle = handle;
        r.tags = tags;
        r.etag = 1;
        r.published = now;
        r.updated = now;
        if (r.isTemplate) {
            r.bodyTemplate = bodyTemplate;
            r.templateName = templateName;
            if (p == Platform::Windows)
                r.headers = {{u"X-WNS-Type"_s, u"wns/toast"_s}};
        }
        if (p == Platform::Browser) {
            r.p256dh =
                u"BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM"_s;
            r.auth = u"tBHItJI5svbpez7KI4CCXg"_s;
        }
        putRegistration(hub, r);
    };
    const QString apnsAlice = u"62BCD3484834B7E2DC56733AC5509259230CC1BA82BA1AE7D06E91908A05A8FA"_s;
    add(Platform::Apple, apnsAlice, {u"sports"_s, u"user:alice"_s, u"lang:en"_s});
    add(Platform::Apple, u"7603CF2F5537AADF272DEA23B4FB4D33B56F0F8FE697F57777EC459594910786"_s,
        {u"politics"_s, u"lang:fr"_s});
    add(Platform::Apple, u"00FC13ADFF785122B4AD28809A3420982341241421348097878E577C991DEinvalid"_s,
        {u"sports"_s, u"lang:fr"_s});
    add(Platform::FcmV1, u"fcm-token-bob-d8Ks1eQ:APA91bHun4MxP5egoKMwt2KZFBaFUH"_s,
        {u"sports"_s, u"politics"_s, u"user:bob"_s, u"lang:en"_s});
    add(Platform::FcmV1, u"fcm-token-carol-expired-APA91bE7tJx"_s, {u"politics"_s, u"lang:fr"_s});
    add(Platform::Gcm, u"gcm-legacy-token-APA91bGHXQBB"_s, {u"sports"_s});
    add(Platform::Windows, u"https://db5.notify.windows.com/?token=AwYAAAB%2bdemo"_s,
        {u"sports"_s, u"user:alice"_s});
    add(Platform::Adm, u"amzn1.adm-registration.v3.demo"_s, {u"politics"_s});
    add(Platform::Browser, u"https://fcm.googleapis.com/fcm/send/demo-endpoint"_s, {u"lang:fr"_s});
    add(Platform::Apple, apnsAlice, {u"user:alice"_s},
        u"{\"aps\":{\"alert\":\"$(greeting_en)\"}}"_s);
    add(Platform::Windows, u"https://db5.notify.windows.com/?token=AwYAAAB%2btemplate"_s,
        {u"lang:fr"_s},
        u"<toast><visual><binding template=\"ToastText01\"><text id=\"1\">$(greeting_fr)</text></binding></visual></toast>"_s);
    // Template registrations that show the traps (docs/protocol.md §13.3), reached by the demo's
    // "sports || politics" with the composer's default properties (title, body):
    // the alert's text is $(message), which the composer does not send: it renders empty;
    add(Platform::Apple, u"4F1D9C0B7E2A6D3358C1E0B9A7F4D2C6E8B1A3F5D7C9E0B2A4C6E8F0A2B4C6D8"_s,
        {u"sports"_s, u"lang:en"_s},
        u"{\"aps\":{\"alert\":{\"title\":\"$(title)\",\"body\":\"$(message)\"}}}"_s,
        u"unsent-property"_s);
    // "Breaking: $(body)" starts with a letter, so it is a literal, sent as written;
    add(Platform::Browser, u"https://fcm.googleapis.com/fcm/send/demo-template-endpoint"_s,
        {u"politics"_s, u"lang:en"_s}, u"{\"title\":\"$(title)\",\"body\":\"Breaking: $(body)\"}"_s,
        u"embedded-expression"_s);
    // an FCM v1 template as Google wants it, with its "message" wrapper;
    add(Platform::FcmV1, u"fcm-token-dave-template-eX4mPl3:APA91bH"_s,
        {u"sports"_s, u"user:dave"_s},
        u"{\"message\":{\"notification\":{\"title\":\"$(title)\",\"body\":\"$(body)\"},"
        u"\"data\":{\"source\":\"nhconsole demo\"}}}"_s,
        u"fcm-v1"_s);
    // and one without it: the hub accepts it, Google refuses what it renders into.
    add(Platform::FcmV1, u"fcm-token-erin-template-nOwR4pP:APA91bK"_s,
        {u"politics"_s, u"user:erin"_s},
        u"{\"notification\":{\"title\":\"$(title)\",\"body\":\"$(body)\"}}"_s,
        u"fcm-v1-no-message"_s);

    Installation inst;
    inst.installationId = u"8b3e1b9e-3c41-4a7b-9a21-0d6a9a8f2b11"_s;
    inst.userId = u"alice"_s;
    inst.platform = Platform::FcmV1;
    inst.pushChannel = u"fcm-token-alice-pixel-cZ3x1:APA91bF"_s;
    inst.tags = {u"sports"_s, u"lang:en"_s};
    putInstallation(hub, inst);

    seedDemoDevices(hub);
}

void EmulatorState::seedDemoDevices(EmulatorHub &hub)
{
    // The devices of the diagnosis (demodevices.cpp), each showing exactly one failure for the
    // send of its row. "healthy" (Bob's FCM v1 registration above), "legacy-gcm" and
    // "template-property" (the GCM and the unsent-property registrations above) are already here.
    const auto subject = [](QLatin1StringView name) {
        for (const DemoDevice &d : demoDevices()) {
            if (d.name == name)
                return QString(d.subject);
        }
        Q_ASSERT_X(false, "seedDemoDevices", "a row of demodevices.cpp is missing");
        return QString();
    };
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto add = [&](Platform p, const QString &handle, const QStringList &tags,
                         const QDateTime &expires = Registration::neverExpires()) {
        Registration r;
        r.platform = p;
        r.handle = handle;
        r.tags = tags;
        r.etag = 1;
        r.published = now;
        r.updated = now;
        r.expirationTime = expires;
        putRegistration(hub, r);
    };
    // "duplicate": the same FCM token in two native registrations (an app that registered again
    // without its stored id): "sports || politics" pushes it twice.
    const QString twice = subject("duplicate"_L1);
    add(Platform::FcmV1, twice, {u"sports"_s, u"user:frank"_s, u"lang:en"_s});
    add(Platform::FcmV1, twice, {u"sports"_s, u"user:frank"_s, u"lang:en"_s});
    // "expired": an Apple registration whose ExpirationTime passed a week ago (a hub whose
    // RegistrationTtl was short). Listed and read with that time; sends no longer reach it.
    add(Platform::Apple, subject("expired"_L1), {u"sports"_s, u"user:ivan"_s, u"lang:en"_s},
        now.addDays(-7));
    // "apns-environment": a production build's token; the demo hub's APNs endpoint is the
    // sandbox, so a send answers "invalid handle" (outcomeFor()) and the hub deletes it.
    add(Platform::Apple, subject("apns-environment"_L1),
        {u"politics"_s, u"user:judy"_s, u"lang:en"_s});
    // "tags-excluded": an installation whose tags "sports || politics" does not reach.
    Installation excluded;
    excluded.installationId = subject("tags-excluded"_L1);
    excluded.userId = u"karl"_s;
    excluded.platform = Platform::FcmV1;
    excluded.pushChannel = u"fcm-token-karl-weather-hT5:APA91bW"_s;
    excluded.tags = {u"weather"_s, u"lang:de"_s};
    putInstallation(hub, excluded);
}

} // namespace Nh
