// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/httpheaders.h"
#include "emulator/emulatordeliveries.h"
#include "emulator/emulatortemplates.h"
#include "emulator/registrationtable.h"
#include "protocol/hubdescription.h"
#include "protocol/installation.h"
#include "protocol/notificationoutcome.h"
#include "protocol/platform.h"
#include "protocol/registration.h"

#include <QDateTime>
#include <QFlags>
#include <QHash>
#include <QList>
#include <QMap>
#include <QString>
#include <deque>
#include <map>
#include <memory>
#include <optional>

QT_BEGIN_NAMESPACE
class QTimer;
QT_END_NAMESPACE

namespace Nh {

class TagExpression;
class EmulatorStore;

/** The claims of a SAS rule (docs/protocol.md §2.2 rule 5). Manage implies the other two. */
enum class Right { Listen = 0x1, Send = 0x2, Manage = 0x4 };
Q_DECLARE_FLAGS(Rights, Right)
Q_DECLARE_OPERATORS_FOR_FLAGS(Rights)

struct SasRule
{
    QString name;
    QString key;
    Rights rights;

    bool grants(Right r) const { return rights.testFlag(r) || rights.testFlag(Right::Manage); }
};

/** What one registration's delivery came to; the service's outcome text comes with it. */
struct DeliveryResult
{
    Registration registration;
    OutcomeKind kind = OutcomeKind::Success;
    QString outcome;
};

/** A send the emulator accepted: what telemetry (GET messages/{id}) reports. */
struct SentMessage
{
    QString id;
    QDateTime enqueueTime;
    QDateTime endTime;
    QString state; ///< Completed, NoTargetFound, Scheduled, Canceled
    QByteArray body;
    Format format = Format::Template;
    QString tags;
    bool scheduled = false;
    QDateTime scheduleTime;
    /// platform → outcome name (Success, BadChannel, …) → count
    QMap<Platform, QMap<QString, qint64>> counts;
    /// A scheduled send: its delivery records' send (EmulatorDeliveries) and the platform
    /// headers it was sent with, for when it is delivered.
    qint64 deliverySend = 0;
    HttpHeaders platformHeaders;
};

struct EmulatorHub
{
    QString name;
    /// The hub's own configuration (credentials, rules, TTL; docs/protocol.md §9.10): what
    /// GET/PUT /{hub} read and write and what sends are checked against.
    HubDescription description;
    /// The legacy GCM API answers as Google's retired one: GCM registrations fail on a send.
    bool gcmRetired = false;
    /// The description was written over the API (PUT /{hub}): with a data file it is kept
    /// there and wins over --hub-config and the defaults at the next start.
    bool descriptionChanged = false;
    /// Data-plane requests served since start: the description's DailyApiCalls.
    qint64 apiCalls = 0;
    /// Ordered by id, so paging by continuation token is stable; indexed by tag, channel,
    /// platform and installation (RegistrationTable). Mutate through EmulatorState.
    RegistrationTable registrations;
    std::map<QString, Installation> installations;
    QHash<QString, SentMessage> messages;
    QList<QString> messageOrder;
};

/**
 * The emulated namespace: SAS rules and hubs with their registrations, installations and sends.
 * Lives in the emulator's thread; every mutation is written through to the EmulatorStore when
 * one is attached (`nhemulator --data`).
 */
class EmulatorState
{
public:
    EmulatorState();
    ~EmulatorState();
    Q_DISABLE_COPY_MOVE(EmulatorState)

    /** The namespace's host as clients name it (for Location headers and feed ids). */
    QString host;

    QList<SasRule> rules;
    const SasRule *rule(const QString &name) const;

    EmulatorHub *hub(const QString &name);
    const EmulatorHub *hub(const QString &name) const;
    /** The hub, made with the default configuration (every platform) when it is new. */
    EmulatorHub &addHub(const QString &name);
    /** Removes the hub and everything in it; false when there was none. */
    bool removeHub(const QString &name);
    QStringList hubNames() const;

    /** Registrations: ids like the service's ("8372532420827572008-85883004107185159-4"). */
    static QString newRegistrationId();
    void putRegistration(EmulatorHub &hub, Registration registration);
    bool removeRegistration(EmulatorHub &hub, const QString &id);

    /** Stores the installation and replaces the registrations it implies. */
    void putInstallation(EmulatorHub &hub, Installation installation);
    bool removeInstallation(EmulatorHub &hub, const QString &id);

    /**
     * Delivers a send: selects the registrations the format and expression reach (a native
     * format reaches native registrations of its platform, `template` the template registrations
     * of every platform; a null expression is a broadcast), decides each outcome from the handle
     * (see outcomeForHandle()), removes registrations whose handle the "PNS" refused, as the
     * service does, and records telemetry. A test send delivers to at most `kTestSendLimit`
     * registrations and stops evaluating there; its telemetry counts those deliveries.
     *
     * The registrations come from the hub's indexes (RegistrationTable::candidates()). A real
     * send works through its matches in chunks of sendChunkSize() registrations: the first
     * before deliver() returns, the rest from the event loop (a zero-interval timer) between
     * requests; its telemetry says Processing until the last chunk, then Completed or
     * NoTargetFound, and counts per platform and outcome.
     *
     * A template send renders each reached registration's template with the body's properties
     * (docs/protocol.md §13.5): a payload the platform would refuse turns a success into
     * InvalidPayload. The first `kTestSendLimit` renders (the registrations a test send's outcome
     * lists) are kept for the request log.
     *
     * Every reached registration is recorded in deliveries() (the payload after rendering and
     * the platform headers: `platformHeaders` for a native send, the rendered ones for a
     * template send), the first EmulatorDeliveries::kPerSend of the send kept, all counted.
     * `payloadRefused` (a test send whose native payload the PNS would refuse, which the
     * answer reports as such) records the successes as InvalidPayload.
     */
    struct Delivery
    {
        NotificationOutcome outcome;
        QString messageId;
        qint64 matched = 0;
        QList<EmulatorRender> renders;
        qint64 deliverySend = 0; ///< the send's number in deliveries()
    };
    static constexpr int kTestSendLimit = 10;
    Delivery deliver(EmulatorHub &hub, Format format, const TagExpression *expression,
                     const QByteArray &body, const QString &tagsText, bool testSend,
                     const HttpHeaders &platformHeaders = {}, bool payloadRefused = false);

    /**
     * Delivers the scheduled sends whose time has come (as deliver() does, into the same
     * message id, so telemetry moves from Scheduled to Completed/NoTargetFound). Returns how many.
     */
    int deliverDue(const QDateTime &now);

    /** Records a direct (or direct batch) send to `handles`, which need no registration (a
     *  delivery each); `deliverySend` gets its number in deliveries(). */
    QString recordDirect(EmulatorHub &hub, Format format, const QByteArray &body,
                         const QStringList &handles, const HttpHeaders &platformHeaders = {},
                         qint64 *deliverySend = nullptr);

    /** Records a scheduled send (not delivered until its time); `deliverySend` gets the number
     *  its deliveries will have in deliveries(). */
    QString schedule(EmulatorHub &hub, Format format, const QByteArray &body,
                     const QString &tagsText, const QDateTime &when,
                     const HttpHeaders &platformHeaders = {}, qint64 *deliverySend = nullptr);

    /** What each reached registration received (docs/protocol.md §9.11). */
    EmulatorDeliveries &deliveries() { return m_deliveries; }
    const EmulatorDeliveries &deliveries() const { return m_deliveries; }

    /**
     * `POST /$emulator/reset`: every hub's registrations, installations and sends (scheduled
     * ones and telemetry included), the pending sends and the delivery records are gone, in the
     * store too; the hubs and their descriptions stay.
     */
    void clearContents();

    /**
     * Deterministic outcomes a tester sets up through the handle: a handle containing
     * "expired" → no longer valid, "invalid" → invalid, "badcredential" → the hub's PNS
     * credentials are wrong, "badpayload" → payload invalid (case-insensitive); else success.
     */
    static OutcomeKind outcomeForHandle(const QString &handle);
    /**
     * outcomeForHandle(), then what the hub's configuration makes of a handle that works
     * (docs/protocol.md §9.10): an APNs token marked "production" on a sandbox hub, or
     * "sandbox"/"development" on a production hub, is invalid; a GCM handle on a hub whose GCM
     * credential is marked retired gets the push service's refusal (BadCredentials).
     */
    static OutcomeKind outcomeFor(const EmulatorHub &hub, Platform platform, const QString &handle);

    /** Registrations a send examines per chunk (default 2000). */
    int sendChunkSize() const { return m_chunkSize; }
    void setSendChunkSize(int size) { m_chunkSize = qMax(1, size); }
    /** Sends whose matches are still being worked through. */
    int pendingSends() const { return int(m_jobs.size()); }
    /** Works one chunk of the oldest pending send; false when none is left. */
    bool runSendChunk();
    /** Works every pending send to its end (tests, shutdown). */
    void finishPendingSends();

    /** Demo data for a first start: registrations of every platform, one installation, and the
     *  diagnosis's demo devices (seedDemoDevices()). */
    void seedDemoData(EmulatorHub &hub);
    /** The demo devices of demodevices.h that the rest of the demo data lacks (part of
     *  seedDemoData()). */
    void seedDemoDevices(EmulatorHub &hub);

    /** Makes a namespace with the two default rules (random keys) and one hub. */
    static std::unique_ptr<EmulatorState> createDefault(const QString &hubName);

    void attachStore(EmulatorStore *store)
    {
        m_store = store;
        m_deliveries.attachStore(store);
    }
    /** Marks `hub`'s description as changed over the API and writes it through. */
    void saveHubDescription(EmulatorHub &hub);

private:
    struct SendJob;
    /** Works up to `budget` candidates of `job`; true when it is done. `d`: the inline part. */
    bool process(SendJob &job, int budget, Delivery *d);
    void putRegistration(EmulatorHub &hub, Registration registration,
                         const QString &installationId);
    Delivery deliverInto(EmulatorHub &hub, Format format, const TagExpression *expression,
                         const QByteArray &body, const QString &tagsText, bool testSend,
                         const QString &scheduledId, const HttpHeaders &platformHeaders,
                         qint64 deliverySend, bool payloadRefused = false);
    void recordMessage(EmulatorHub &hub, SentMessage message);

    QList<std::shared_ptr<EmulatorHub>> m_hubs;
    EmulatorStore *m_store = nullptr;
    std::deque<std::unique_ptr<SendJob>> m_jobs;
    std::unique_ptr<QTimer> m_pump;
    int m_chunkSize = 2000;
    EmulatorDeliveries m_deliveries;
};

} // namespace Nh
