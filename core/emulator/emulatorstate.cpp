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
#include <QTimer>
#include <QUuid>
#include <QVarLengthArray>
#include <algorithm>
#include <limits>
#include <string_view>

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

/** A payload as a delivery record keeps it: cut at EmulatorRender::kMaxLoggedBody. */
void setPayload(EmulatorDelivery &d, const QByteArray &payload)
{
    d.truncated = payload.size() > EmulatorRender::kMaxLoggedBody;
    d.payload = d.truncated ? payload.first(EmulatorRender::kMaxLoggedBody) : payload;
}

/** The headers a rendered template hands the PNS: its header templates, APNs expiry and
 *  priority. */
HttpHeaders renderedHeaders(const EmulatorRender &render)
{
    HttpHeaders h = render.headers;
    if (!render.expiry.isEmpty())
        h.append({"apns-expiration"_ba, render.expiry.toUtf8()});
    if (!render.priority.isEmpty())
        h.append({"apns-priority"_ba, render.priority.toUtf8()});
    return h;
}

/**
 * A handle as looked at by the PNS words of outcomeForHandle(): lower-cased once when it is
 * ASCII (a send looks for up to seven words in every handle it reaches), else compared by Qt's
 * case folding, which also knows that U+017F folds to 's'.
 */
class HandleWords
{
public:
    explicit HandleWords(const QString &handle)
        : m_handle(handle)
    {
        m_ascii =
            std::all_of(handle.cbegin(), handle.cend(), [](QChar c) { return c.unicode() < 0x80; });
        if (!m_ascii)
            return;
        m_lower.resize(handle.size());
        char *p = m_lower.data();
        for (const QChar c : handle) {
            const char16_t u = c.unicode();
            *p++ = char(u >= u'A' && u <= u'Z' ? u + (u'a' - u'A') : u);
        }
    }
    /** Whether the handle holds `word` (ASCII, lower case) case-insensitively. */
    bool contains(QLatin1StringView word) const
    {
        if (!m_ascii)
            return m_handle.contains(word, Qt::CaseInsensitive);
        return std::string_view(m_lower.constData(), size_t(m_lower.size()))
                   .find(std::string_view(word.data(), size_t(word.size())))
            != std::string_view::npos;
    }

private:
    const QString &m_handle;
    QVarLengthArray<char, 256> m_lower;
    bool m_ascii = false;
};

OutcomeKind outcomeForWords(const HandleWords &handle)
{
    if (handle.contains("expired"_L1))
        return OutcomeKind::ExpiredHandle;
    if (handle.contains("invalid"_L1))
        return OutcomeKind::InvalidHandle;
    if (handle.contains("badcredential"_L1))
        return OutcomeKind::BadCredentials;
    if (handle.contains("badpayload"_L1))
        return OutcomeKind::InvalidPayload;
    return OutcomeKind::Success;
}

/** The service's notification ids: 32 hex, a timestamp and two integers. */
QString newMessageId(const QDateTime &now)
{
    auto *rng = QRandomGenerator::global();
    return QUuid::createUuid().toString(QUuid::Id128) + u'-' + now.toString(u"yyyyMMddHHmmss"_s)
        + u'-' + QString::number(rng->bounded(10000000, 99999999)) + u'-'
        + QString::number(rng->bounded(1, 99));
}

} // namespace

/** A send whose matches are being worked through (see EmulatorState::deliver()). */
struct EmulatorState::SendJob
{
    std::weak_ptr<EmulatorHub> hub;
    QString messageId;
    std::optional<TagExpression> expression;
    std::optional<TemplatePropertyBag> bag;
    QList<int> classes;
    /// The id of the last registration examined: the next chunk resumes after it.
    QByteArray after;
    bool test = false;
    qint64 matched = 0;
    /// For the delivery records: the send's number, format, payload and platform headers.
    qint64 deliverySend = 0;
    Format format = Format::Template;
    QByteArray body;
    HttpHeaders headers;
    bool payloadRefused = false;
};

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
    // A registration an installation implies stays linked to it when it is written again.
    const QString installationId = registration.registrationId.isEmpty()
        ? QString()
        : hub.registrations.installationOf(registration.registrationId);
    putRegistration(hub, std::move(registration), installationId);
}

void EmulatorState::putRegistration(EmulatorHub &hub, Registration registration,
                                    const QString &installationId)
{
    if (registration.registrationId.isEmpty())
        registration.registrationId = newRegistrationId();
    hub.registrations.put(registration, installationId);
    if (m_store)
        m_store->saveRegistration(hub.name, registration, installationId);
}

bool EmulatorState::removeRegistration(EmulatorHub &hub, const QString &idRef)
{
    // A copy: callers may pass a string the removal frees (found by ASan).
    const QString id = idRef;
    const bool removed = hub.registrations.erase(id);
    if (removed && m_store)
        m_store->removeRegistration(hub.name, id);
    return removed;
}

void EmulatorState::putInstallation(EmulatorHub &hub, Installation installation)
{
    const QString id = installation.installationId;
    const QStringList stale = hub.registrations.idsOfInstallation(id);
    for (const QString &regId : stale)
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
        putRegistration(hub, r, id);
    }
}

bool EmulatorState::removeInstallation(EmulatorHub &hub, const QString &idRef)
{
    // A copy: callers may pass the map's own key, which erase() frees.
    const QString id = idRef;
    const QStringList derived = hub.registrations.idsOfInstallation(id);
    for (const QString &regId : derived)
        removeRegistration(hub, regId);
    const bool removed = hub.installations.erase(id) > 0;
    if (removed && m_store)
        m_store->removeInstallation(hub.name, id);
    return removed;
}

OutcomeKind EmulatorState::outcomeForHandle(const QString &handle)
{
    return outcomeForWords(HandleWords(handle));
}

OutcomeKind EmulatorState::outcomeFor(const EmulatorHub &hub, Platform platform,
                                      const QString &handle)
{
    const HandleWords words(handle);
    const OutcomeKind kind = outcomeForWords(words);
    if (kind != OutcomeKind::Success)
        return kind;
    if (platform == Platform::Apple) {
        const PnsCredential *apns = hub.description.credential(PnsCredentialKind::Apns);
        const auto env = apns ? apnsEndpointEnvironment(apns->property(u"Endpoint"))
                              : ApnsEndpointEnvironment::Missing;
        const bool productionToken = words.contains("production"_L1);
        const bool sandboxToken = words.contains("sandbox"_L1) || words.contains("development"_L1);
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
                                               bool testSend, const HttpHeaders &platformHeaders,
                                               bool payloadRefused)
{
    Delivery d = deliverInto(hub, format, expression, body, tagsText, testSend, {}, platformHeaders,
                             m_deliveries.beginSend(), payloadRefused);
    m_deliveries.flush();
    return d;
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
            const qint64 send = m.deliverySend ? m.deliverySend : m_deliveries.beginSend();
            deliverInto(*hub, m.format, expression ? &*expression : nullptr, m.body, m.tags, false,
                        m.id, m.platformHeaders, send);
            m_deliveries.flush();
            m_deliveries.notifyChanged(send);
            ++delivered;
        }
    }
    return delivered;
}

EmulatorState::Delivery EmulatorState::deliverInto(EmulatorHub &hub, Format format,
                                                   const TagExpression *expression,
                                                   const QByteArray &body, const QString &tagsText,
                                                   bool testSend, const QString &scheduledId,
                                                   const HttpHeaders &platformHeaders,
                                                   qint64 deliverySend, bool payloadRefused)
{
    Delivery d;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    auto job = std::make_unique<SendJob>();
    for (const auto &h : std::as_const(m_hubs)) {
        if (h.get() == &hub)
            job->hub = h;
    }
    job->classes = RegistrationTable::classesOf(format);
    job->test = testSend;
    job->deliverySend = deliverySend;
    job->format = format;
    job->body = body;
    job->headers = platformHeaders;
    job->payloadRefused = payloadRefused;
    d.deliverySend = deliverySend;
    if (expression)
        job->expression = *expression;
    // A template send: the hub renders every reached registration with one property bag. The
    // send was refused unless its body is a flat object of strings; a scheduled one whose body
    // is not renders with no properties.
    if (format == Format::Template) {
        auto parsed = TemplatePropertyBag::fromSendBody(body);
        job->bag = parsed ? *parsed : TemplatePropertyBag();
    }

    SentMessage message;
    message.id = scheduledId.isEmpty() ? newMessageId(now) : scheduledId;
    message.enqueueTime = now;
    message.endTime = now;
    message.body = body;
    message.format = format;
    message.tags = tagsText;
    message.state = u"Processing"_s;
    if (auto it = hub.messages.find(scheduledId);
        !scheduledId.isEmpty() && it != hub.messages.end()) {
        message.enqueueTime = it->enqueueTime;
        message.scheduleTime = it->scheduleTime;
        message.deliverySend = it->deliverySend;
        *it = std::move(message);
    } else {
        recordMessage(hub, std::move(message));
    }
    job->messageId = scheduledId.isEmpty() ? hub.messageOrder.constLast() : scheduledId;
    d.messageId = job->messageId;

    // A test send answers with its results, so it is worked here to its (early) end.
    const bool done = process(*job, testSend ? std::numeric_limits<int>::max() : m_chunkSize, &d);
    d.matched = job->matched;
    if (!testSend)
        d.outcome.results.clear();
    if (!done) {
        m_jobs.push_back(std::move(job));
        if (!m_pump) {
            m_pump = std::make_unique<QTimer>();
            m_pump->setInterval(0);
            QObject::connect(m_pump.get(), &QTimer::timeout, m_pump.get(), [this] {
                if (!runSendChunk())
                    m_pump->stop();
            });
        }
        m_pump->start();
    }
    return d;
}

bool EmulatorState::process(SendJob &job, int budget, Delivery *d)
{
    const std::shared_ptr<EmulatorHub> hub = job.hub.lock();
    if (!hub)
        return true; // the hub was deleted meanwhile
    const RegistrationTable &table = hub->registrations;
    auto message = hub->messages.find(job.messageId);
    const TagExpression *expression = job.expression ? &*job.expression : nullptr;
    RegistrationTable::Cursor cursor = table.candidates(expression, job.classes, job.after);
    // Prepared per chunk: a mutation between chunks may give the expression's tags new keys.
    const RegistrationTable::Filter filter = table.filter(expression, job.classes);
    QStringList refused;
    QSet<QString> refusedInstallations;
    bool done = false;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const qint64 nowMs = now.toMSecsSinceEpoch();
    const QString formatName = formatWireName(job.format);
    for (int examined = 0;; ++examined) {
        if (examined >= budget)
            break;
        const auto slot = cursor.next();
        if (!slot) {
            done = true;
            break;
        }
        job.after = table.idBytes(*slot);
        if (!table.reaches(*slot, filter))
            continue;
        // A registration whose ExpirationTime has passed is no target any more: the service
        // keeps listing it until its clean-up removes it, but sends do not reach it
        // (docs/protocol.md §9.7 rule 28).
        if (table.hasExpired(*slot, nowMs))
            continue;
        const Platform platform = table.platform(*slot);
        ++job.matched;
        const QString handle = table.handle(*slot);
        OutcomeKind kind = outcomeFor(*hub, platform, handle);
        // The first deliveries of the send are recorded whole, the others counted.
        const bool keep = m_deliveries.wants(job.deliverySend);
        std::optional<EmulatorDelivery> delivery;
        if (keep) {
            // Only what the record needs: a native send renders nothing from the registration.
            delivery.emplace();
            delivery->time = now;
            delivery->hub = hub->name;
            delivery->registrationId = table.id(*slot);
            delivery->installationId = table.installationOf(*slot);
            delivery->platform = platform;
            delivery->handle = handle;
            delivery->format = formatName;
            delivery->tags = table.tags(*slot);
            delivery->test = job.test;
            if (!job.test)
                delivery->notificationId = job.messageId;
            if (!job.bag) {
                delivery->headers = job.headers;
                setPayload(*delivery, job.body);
            }
        }
        if (job.bag) {
            const bool logged = d && d->renders.size() < kTestSendLimit;
            EmulatorRender render = EmulatorTemplates::render(table.registration(*slot), *job.bag,
                                                              logged || keep, logged);
            // As for a native payload the PNS refuses: only a handle that works gets that far.
            if (kind == OutcomeKind::Success && !render.problem.isEmpty())
                kind = OutcomeKind::InvalidPayload;
            render.outcome = outcomeText(kind);
            if (delivery) {
                delivery->templateName = render.templateName;
                delivery->headers = renderedHeaders(render);
                delivery->payload = render.body.toUtf8();
                delivery->truncated = render.truncated;
            }
            if (logged)
                d->renders.append(std::move(render));
        }
        if (delivery) {
            delivery->outcome = outcomeText(job.payloadRefused && kind == OutcomeKind::Success
                                                ? OutcomeKind::InvalidPayload
                                                : kind);
            m_deliveries.add(job.deliverySend, std::move(*delivery));
        } else {
            m_deliveries.count(job.deliverySend);
        }
        if (message != hub->messages.end())
            message->counts[platform][telemetryName(kind)] += 1;
        if (d && job.test) {
            RegistrationResult r;
            r.applicationPlatform = platformWireName(platform);
            r.pnsHandle = handle;
            r.registrationId = table.id(*slot);
            r.outcome = outcomeText(kind);
            d->outcome.results.append(r);
            if (kind == OutcomeKind::Success)
                ++d->outcome.success;
            else
                ++d->outcome.failure;
        }
        // The PNS said the handle is gone: the service deletes the registration.
        if (kind == OutcomeKind::InvalidHandle || kind == OutcomeKind::ExpiredHandle) {
            const QString id = table.id(*slot);
            refused << id;
            if (const QString inst = table.installationOf(*slot); !inst.isEmpty())
                refusedInstallations.insert(inst);
        }
        // A test send delivers to at most kTestSendLimit registrations.
        if (job.test && job.matched >= kTestSendLimit) {
            done = true;
            break;
        }
    }
    for (const QString &id : std::as_const(refused))
        removeRegistration(*hub, id);
    for (const QString &instId : std::as_const(refusedInstallations)) {
        auto it = hub->installations.find(instId);
        if (it != hub->installations.end()) {
            Installation inst = it->second;
            inst.pushChannelExpired = true;
            putInstallation(*hub, inst);
        }
    }
    if (done) {
        message = hub->messages.find(job.messageId);
        if (message != hub->messages.end()) {
            message->state = job.matched ? u"Completed"_s : u"NoTargetFound"_s;
            message->endTime = QDateTime::currentDateTimeUtc();
        }
    }
    return done;
}

bool EmulatorState::runSendChunk()
{
    if (m_jobs.empty())
        return false;
    const qint64 send = m_jobs.front()->deliverySend;
    const qint64 before = m_deliveries.countOf(send);
    if (process(*m_jobs.front(), m_chunkSize, nullptr))
        m_jobs.pop_front();
    m_deliveries.flush();
    if (m_deliveries.countOf(send) != before)
        m_deliveries.notifyChanged(send);
    return !m_jobs.empty();
}

void EmulatorState::clearContents()
{
    m_jobs.clear();
    if (m_pump)
        m_pump->stop();
    for (const auto &hub : std::as_const(m_hubs)) {
        hub->registrations.clear();
        hub->installations.clear();
        hub->messages.clear();
        hub->messageOrder.clear();
        if (m_store)
            m_store->clearHubContents(hub->name);
    }
    m_deliveries.clear();
}

void EmulatorState::finishPendingSends()
{
    while (runSendChunk()) { }
}

QString EmulatorState::recordDirect(EmulatorHub &hub, Format format, const QByteArray &body,
                                    const QStringList &handles, const HttpHeaders &platformHeaders,
                                    qint64 *deliverySend)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    SentMessage message;
    message.id = newMessageId(now);
    message.enqueueTime = now;
    message.endTime = now;
    message.state = u"Completed"_s;
    message.body = body;
    message.format = format;
    const qint64 send = m_deliveries.beginSend();
    if (deliverySend)
        *deliverySend = send;
    if (const auto platform = platformForFormat(format)) {
        for (const QString &h : handles) {
            const OutcomeKind kind = outcomeFor(hub, *platform, h);
            message.counts[*platform][telemetryName(kind)] += 1;
            if (!m_deliveries.wants(send)) {
                m_deliveries.count(send);
                continue;
            }
            EmulatorDelivery d;
            d.time = now;
            d.hub = hub.name;
            d.platform = *platform;
            d.handle = h;
            d.format = formatWireName(format);
            d.headers = platformHeaders;
            setPayload(d, body);
            d.outcome = outcomeText(kind);
            d.notificationId = message.id;
            m_deliveries.add(send, std::move(d));
        }
    }
    m_deliveries.flush();
    const QString id = message.id;
    recordMessage(hub, std::move(message));
    return id;
}

QString EmulatorState::schedule(EmulatorHub &hub, Format format, const QByteArray &body,
                                const QString &tagsText, const QDateTime &when,
                                const HttpHeaders &platformHeaders, qint64 *deliverySend)
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
    message.deliverySend = m_deliveries.beginSend();
    message.platformHeaders = platformHeaders;
    if (deliverySend)
        *deliverySend = message.deliverySend;
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

} // namespace Nh
