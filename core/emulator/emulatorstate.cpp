// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "emulator/emulatorstate.h"

#include "emulator/emulatorhubconfig.h"
#include "emulator/emulatorstore.h"
#include "protocol/crypto.h"
#include "protocol/hubchecks.h"
#include "protocol/tagexpression.h"
#include "protocol/templaterenderer.h"

#include <QRandomGenerator>
#include <QSet>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

/** Telemetry is kept for this many sends per hub. */
constexpr qsizetype kMaxMessages = 2000;

QString telemetryName(OutcomeKind kind)
{
    switch (kind) {
    case OutcomeKind::Success:
        return u"Success"_s;
    case OutcomeKind::InvalidHandle:
        return u"BadChannel"_s;
    case OutcomeKind::ExpiredHandle:
        return u"ExpiredChannel"_s;
    case OutcomeKind::BadCredentials:
        return u"InvalidCredentials"_s;
    case OutcomeKind::InvalidPayload:
        return u"InvalidNotificationFormat"_s;
    case OutcomeKind::Unknown:
        break;
    }
    return u"UnknownError"_s;
}

/** The service's notification ids: 32 hex, a timestamp and two integers. */
QString newMessageId(const QDateTime &now)
{
    auto *rng = QRandomGenerator::global();
    return QUuid::createUuid().toString(QUuid::Id128) + u'-' + now.toString(u"yyyyMMddHHmmss"_s)
        + u'-' + QString::number(rng->bounded(10000000, 99999999)) + u'-'
        + QString::number(rng->bounded(1, 99));
}

bool reaches(const Registration &r, Format format)
{
    if (format == Format::Template)
        return r.isTemplate;
    return !r.isTemplate && platformForFormat(format) == r.platform;
}

} // namespace

EmulatorState::EmulatorState() = default;
EmulatorState::~EmulatorState() = default;

const SasRule *EmulatorState::rule(const QString &name) const
{
    for (const SasRule &r : rules) {
        if (r.name == name)
            return &r;
    }
    return nullptr;
}

EmulatorHub *EmulatorState::hub(const QString &name)
{
    // Hub paths are case-insensitive in the service (the seed lower-cases the hub in its token).
    for (const auto &h : m_hubs) {
        if (h->name.compare(name, Qt::CaseInsensitive) == 0)
            return h.get();
    }
    return nullptr;
}

const EmulatorHub *EmulatorState::hub(const QString &name) const
{
    return const_cast<EmulatorState *>(this)->hub(name);
}

EmulatorHub &EmulatorState::addHub(const QString &name)
{
    if (EmulatorHub *existing = hub(name))
        return *existing;
    auto h = std::make_shared<EmulatorHub>();
    h->name = name;
    h->description = defaultHubDescription(rules, QDateTime::currentDateTimeUtc());
    h->description.name = name;
    m_hubs.append(h);
    if (m_store)
        m_store->saveNamespace(*this);
    return *h;
}

void EmulatorState::saveHubDescription(EmulatorHub &hub)
{
    hub.descriptionChanged = true;
    if (m_store)
        m_store->saveHubDescription(hub.name, hub.description);
}

bool EmulatorState::removeHub(const QString &name)
{
    const qsizetype i =
        std::find_if(m_hubs.cbegin(), m_hubs.cend(),
                     [&](const auto &h) { return h->name.compare(name, Qt::CaseInsensitive) == 0; })
        - m_hubs.cbegin();
    if (i >= m_hubs.size())
        return false;
    if (m_store)
        m_store->removeHub(m_hubs.at(i)->name);
    m_hubs.removeAt(i);
    return true;
}

QStringList EmulatorState::hubNames() const
{
    QStringList names;
    for (const auto &h : m_hubs)
        names << h->name;
    return names;
}

QString EmulatorState::newRegistrationId()
{
    auto *rng = QRandomGenerator::global();
    const auto big = [rng] {
        return QString::number(
            rng->bounded(Q_INT64_C(1000000000000000000), std::numeric_limits<qint64>::max()));
    };
    return big() + u'-' + big() + u'-' + QString::number(rng->bounded(1, 10));
}

void EmulatorState::putRegistration(EmulatorHub &hub, Registration registration)
{
    if (registration.registrationId.isEmpty())
        registration.registrationId = newRegistrationId();
    const QString id = registration.registrationId;
    hub.registrations.insert_or_assign(id, registration);
    if (m_store)
        m_store->saveRegistration(hub.name, registration, hub.installationOf.value(id));
}

bool EmulatorState::removeRegistration(EmulatorHub &hub, const QString &idRef)
{
    // A copy: callers may pass the map's own key, which erase() frees (found by ASan).
    const QString id = idRef;
    const bool removed = hub.registrations.erase(id) > 0;
    hub.installationOf.remove(id);
    if (removed && m_store)
        m_store->removeRegistration(hub.name, id);
    return removed;
}

void EmulatorState::putInstallation(EmulatorHub &hub, Installation installation)
{
    const QString id = installation.installationId;
    QStringList stale;
    for (auto it = hub.installationOf.cbegin(); it != hub.installationOf.cend(); ++it) {
        if (it.value() == id)
            stale << it.key();
    }
    for (const QString &regId : std::as_const(stale))
        removeRegistration(hub, regId);

    const QDateTime now = QDateTime::currentDateTimeUtc();
    installation.lastUpdate = now;
    hub.installations.insert_or_assign(id, installation);
    if (m_store)
        m_store->saveInstallation(hub.name, installation);
    // An installation whose channel the PNS refused keeps existing but reaches nothing.
    if (installation.pushChannelExpired.value_or(false))
        return;
    for (Registration r : registrationsForInstallation(installation)) {
        r.registrationId = newRegistrationId();
        r.etag = 1;
        r.published = now;
        r.updated = now;
        hub.installationOf.insert(r.registrationId, id);
        putRegistration(hub, r);
    }
}

bool EmulatorState::removeInstallation(EmulatorHub &hub, const QString &idRef)
{
    // A copy: callers may pass the map's own key, which erase() frees.
    const QString id = idRef;
    QStringList derived;
    for (auto it = hub.installationOf.cbegin(); it != hub.installationOf.cend(); ++it) {
        if (it.value() == id)
            derived << it.key();
    }
    for (const QString &regId : std::as_const(derived))
        removeRegistration(hub, regId);
    const bool removed = hub.installations.erase(id) > 0;
    if (removed && m_store)
        m_store->removeInstallation(hub.name, id);
    return removed;
}

OutcomeKind EmulatorState::outcomeForHandle(const QString &handle)
{
    if (handle.contains(u"expired"_s, Qt::CaseInsensitive))
        return OutcomeKind::ExpiredHandle;
    if (handle.contains(u"invalid"_s, Qt::CaseInsensitive))
        return OutcomeKind::InvalidHandle;
    if (handle.contains(u"badcredential"_s, Qt::CaseInsensitive))
        return OutcomeKind::BadCredentials;
    if (handle.contains(u"badpayload"_s, Qt::CaseInsensitive))
        return OutcomeKind::InvalidPayload;
    return OutcomeKind::Success;
}

OutcomeKind EmulatorState::outcomeFor(const EmulatorHub &hub, Platform platform,
                                      const QString &handle)
{
    const OutcomeKind kind = outcomeForHandle(handle);
    if (kind != OutcomeKind::Success)
        return kind;
    if (platform == Platform::Apple) {
        const PnsCredential *apns = hub.description.credential(PnsCredentialKind::Apns);
        const auto env = apns ? apnsEndpointEnvironment(apns->property(u"Endpoint"))
                              : ApnsEndpointEnvironment::Missing;
        const bool productionToken = handle.contains(u"production"_s, Qt::CaseInsensitive);
        const bool sandboxToken = handle.contains(u"sandbox"_s, Qt::CaseInsensitive)
            || handle.contains(u"development"_s, Qt::CaseInsensitive);
        if ((env == ApnsEndpointEnvironment::Sandbox && productionToken)
            || (env == ApnsEndpointEnvironment::Production && sandboxToken))
            return OutcomeKind::InvalidHandle;
    }
    if (platform == Platform::Gcm && hub.gcmRetired)
        return OutcomeKind::BadCredentials;
    return OutcomeKind::Success;
}

EmulatorState::Delivery EmulatorState::deliver(EmulatorHub &hub, Format format,
                                               const TagExpression *expression,
                                               const QByteArray &body, const QString &tagsText,
                                               bool testSend)
{
    return deliverInto(hub, format, expression, body, tagsText, testSend, {});
}

int EmulatorState::deliverDue(const QDateTime &now)
{
    int delivered = 0;
    for (const auto &hub : std::as_const(m_hubs)) {
        QList<SentMessage> due;
        for (const SentMessage &m : std::as_const(hub->messages)) {
            if (m.scheduled && m.scheduleTime <= now)
                due.append(m);
        }
        for (const SentMessage &m : std::as_const(due)) {
            std::optional<TagExpression> expression;
            if (!m.tags.isEmpty()) {
                // Validated when the schedule was accepted; a failure here reaches nothing.
                auto parsed = TagExpression::parse(m.tags);
                if (parsed)
                    expression = *parsed;
            }
            deliverInto(*hub, m.format, expression ? &*expression : nullptr, m.body, m.tags, false,
                        m.id);
            ++delivered;
        }
    }
    return delivered;
}

EmulatorState::Delivery EmulatorState::deliverInto(EmulatorHub &hub, Format format,
                                                   const TagExpression *expression,
                                                   const QByteArray &body, const QString &tagsText,
                                                   bool testSend, const QString &scheduledId)
{
    Delivery d;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    SentMessage message;
    message.id = scheduledId.isEmpty() ? newMessageId(now) : scheduledId;
    message.enqueueTime = now;
    message.endTime = now;
    message.body = body;
    message.format = format;
    message.tags = tagsText;

    // A template send: the hub renders every reached registration with one property bag. The
    // send was refused unless its body is a flat object of strings; a scheduled one whose body
    // is not renders with no properties.
    std::optional<TemplatePropertyBag> bag;
    if (format == Format::Template) {
        auto parsed = TemplatePropertyBag::fromSendBody(body);
        bag = parsed ? *parsed : TemplatePropertyBag();
    }

    QStringList refused;
    QSet<QString> refusedInstallations;
    for (const auto &[id, reg] : hub.registrations) {
        if (!reaches(reg, format))
            continue;
        if (expression) {
            const QSet<QString> tags(reg.tags.cbegin(), reg.tags.cend());
            if (!expression->matches(tags))
                continue;
        }
        ++d.matched;
        OutcomeKind kind = outcomeFor(hub, reg.platform, reg.handle);
        if (bag) {
            const bool logged = d.renders.size() < kTestSendLimit;
            EmulatorRender render = EmulatorTemplates::render(reg, *bag, logged);
            // As for a native payload the PNS refuses: only a handle that works gets that far.
            if (kind == OutcomeKind::Success && !render.problem.isEmpty())
                kind = OutcomeKind::InvalidPayload;
            render.outcome = outcomeText(kind);
            if (logged)
                d.renders.append(std::move(render));
        }
        message.counts[reg.platform][telemetryName(kind)] += 1;
        if (testSend && d.outcome.results.size() >= kTestSendLimit)
            continue;
        RegistrationResult r;
        r.applicationPlatform = platformWireName(reg.platform);
        r.pnsHandle = reg.handle;
        r.registrationId = id;
        r.outcome = outcomeText(kind);
        d.outcome.results.append(r);
        if (kind == OutcomeKind::Success)
            ++d.outcome.success;
        else
            ++d.outcome.failure;
        // The PNS said the handle is gone: the service deletes the registration.
        if (kind == OutcomeKind::InvalidHandle || kind == OutcomeKind::ExpiredHandle) {
            refused << id;
            if (const QString inst = hub.installationOf.value(id); !inst.isEmpty())
                refusedInstallations.insert(inst);
        }
    }
    if (!testSend)
        d.outcome.results.clear();
    for (const QString &id : std::as_const(refused))
        removeRegistration(hub, id);
    for (const QString &instId : std::as_const(refusedInstallations)) {
        auto it = hub.installations.find(instId);
        if (it != hub.installations.end()) {
            Installation inst = it->second;
            inst.pushChannelExpired = true;
            putInstallation(hub, inst);
        }
    }
    message.state = d.matched ? u"Completed"_s : u"NoTargetFound"_s;
    d.messageId = message.id;
    if (auto it = hub.messages.find(scheduledId);
        !scheduledId.isEmpty() && it != hub.messages.end()) {
        message.enqueueTime = it->enqueueTime;
        message.scheduleTime = it->scheduleTime;
        *it = std::move(message);
    } else {
        recordMessage(hub, std::move(message));
    }
    return d;
}

QString EmulatorState::recordDirect(EmulatorHub &hub, Format format, const QByteArray &body,
                                    const QStringList &handles)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    SentMessage message;
    message.id = newMessageId(now);
    message.enqueueTime = now;
    message.endTime = now;
    message.state = u"Completed"_s;
    message.body = body;
    message.format = format;
    if (const auto platform = platformForFormat(format)) {
        for (const QString &h : handles)
            message.counts[*platform][telemetryName(outcomeFor(hub, *platform, h))] += 1;
    }
    const QString id = message.id;
    recordMessage(hub, std::move(message));
    return id;
}

QString EmulatorState::schedule(EmulatorHub &hub, Format format, const QByteArray &body,
                                const QString &tagsText, const QDateTime &when)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    SentMessage message;
    // Scheduled ids look different in the service; any opaque string works for clients.
    message.id =
        QUuid::createUuid().toString(QUuid::Id128) + u'_' + now.toString(u"yyyyMMddHHmmss"_s);
    message.enqueueTime = now;
    message.state = u"Scheduled"_s;
    message.body = body;
    message.format = format;
    message.tags = tagsText;
    message.scheduled = true;
    message.scheduleTime = when;
    const QString id = message.id;
    recordMessage(hub, std::move(message));
    return id;
}

void EmulatorState::recordMessage(EmulatorHub &hub, SentMessage message)
{
    const QString id = message.id;
    hub.messages.insert(id, std::move(message));
    hub.messageOrder.append(id);
    while (hub.messageOrder.size() > kMaxMessages)
        hub.messages.remove(hub.messageOrder.takeFirst());
}

std::unique_ptr<EmulatorState> EmulatorState::createDefault(const QString &hubName)
{
    auto state = std::make_unique<EmulatorState>();
    state->host = u"localhost"_s;
    const auto key = [] {
        return QString::fromLatin1(Crypto::randomBytes(32).toBase64());
    };
    state->rules = {
        {u"DefaultFullSharedAccessSignature"_s, key(), Right::Listen | Right::Send | Right::Manage},
        {u"DefaultListenSharedAccessSignature"_s, key(), Right::Listen},
    };
    state->addHub(hubName);
    return state;
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
}

} // namespace Nh
