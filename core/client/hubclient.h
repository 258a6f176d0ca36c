// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/exchange.h"
#include "common/recentresults.h"
#include "protocol/connectionstring.h"
#include "protocol/installation.h"
#include "protocol/notification.h"
#include "protocol/registration.h"
#include "protocol/sastoken.h"

#include <QElapsedTimer>
#include <QList>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslError>
#include <QTimer>
#include <optional>

class QNetworkAccessManager;
class QNetworkRequest;

namespace Nh {

class HubClient;
class HubListJob;

/** Where and how to talk to one hub. */
struct HubConnection
{
    ConnectionString connectionString;
    QString hub;
    QString apiVersion = QStringLiteral("2020-06");
    /** Inactivity timeout per attempt (QNetworkRequest::setTransferTimeout), ms. */
    int transferTimeoutMs = 30000;
    /** Extra trust anchors, e.g. the emulator's certificate. Never a blanket ignoreSslErrors. */
    QList<QSslCertificate> caCertificates;
    Sas::Options sas = Sas::Options::canonical();
    /** Retries after 429/503 that carry a Retry-After of at most maxRetryAfterSeconds. */
    int maxRetries = 2;
    int maxRetryAfterSeconds = 30;
};

/** What the body of a successful response is expected to be. */
enum class Expect {
    Nothing,
    Outcome,
    Registration,
    Feed,
    Installation,
    Details,
    Text,
    HubDescription, ///< a hub's Atom entry (the 200-with-empty-feed = the hub does not exist)
    HubList, ///< a namespace's hub-list feed, either form (docs/protocol.md §14.2)
};

/** One request to the hub before signing: the unit HubClient::start() sends. Written with
 *  designated initialisers (`{.operation = …, .method = "PUT", .path = …}`). */
struct HubRequest
{
    QString operation = {}; ///< "send.test", "registrations.get", …
    QByteArray method = "GET";
    QString path = {}; ///< below the hub: "messages", "registrations/{id}", …
    QList<QPair<QString, QString>> query = {}; ///< after api-version; empty value = a bare flag
    HttpHeaders headers = {};
    QByteArray body = {};
    Expect expect = Expect::Nothing;
    /// `path` is below the namespace, not below the hub (the hub-configuration calls); signed for
    /// the namespace when the connection signs for the hub.
    bool namespaceLevel = false;
    /// Adds `api-version=…` first in the query; off for the hub list (B), which has none.
    bool withApiVersion = true;

    friend bool operator==(const HubRequest &, const HubRequest &) = default;
};

/**
 * One call in flight (docs/conventions.md R4, R5). Returned by HubClient and parented to it. The
 * job owns its lifecycle: it signs and sends each attempt with its client's buildRequest(), retries
 * after a 429/503 with Retry-After, reads the answer into its Exchange and finishes.
 * finished() is emitted exactly once, asynchronously (never from inside the call that made the
 * job), also after cancel(); the job deletes itself later unless kept with setAutoDelete(false).
 */
class HubJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HubJob)

public:
    /**
     * Sends `request` through `client` (its parent, which must outlive it); the first attempt
     * starts from the event loop. `warnings` go into the exchange. HubClient::start() makes these.
     */
    HubJob(HubClient *client, const HubRequest &request, const QList<Warning> &warnings = {});
    /** A job that sends nothing: it finishes with `refused` (refused before sending). */
    HubJob(HubClient *client, const Exchange &refused);

    const Exchange &exchange() const { return m_exchange; }
    /**
     * Reads a complete answer (status, headers, the body `expect` names) into `e`: its result,
     * the parsed outcome, entry or feed, the error sentence. Also reads the exchanges another
     * client had with the emulator (the traffic view, trafficexchange.h).
     */
    static void interpret(Exchange &e, Expect expect);
    bool isFinished() const { return m_finished; }
    void setAutoDelete(bool on) { m_autoDelete = on; }

public slots:
    /** Aborts the request (or a pending retry); finished() reports Cancelled. */
    void cancel();

signals:
    void finished(const Nh::Exchange &exchange);
    void uploadProgress(qint64 sent, qint64 total);
    void downloadProgress(qint64 received, qint64 total);
    /** A 429/503 with Retry-After: the next attempt starts after `delaySeconds`. */
    void retrying(int attempt, int delaySeconds);

private:
    void attempt();
    void onReplyFinished();
    void finish();

    HubClient *m_client;
    Exchange m_exchange;
    HubRequest m_request;
    QPointer<QNetworkReply> m_reply;
    /// The reply just read: deleted once finished() went out, so that a next request started
    /// from a slot of finished() goes first (the deletion waits with the network, not before it).
    QPointer<QNetworkReply> m_answered;
    QTimer m_retryTimer;
    QElapsedTimer m_clock;
    QList<QSslError> m_sslErrors;
    QByteArray m_head; ///< the start of a response that grew over kMaxResponseBytes
    bool m_tooLarge = false;
    bool m_finished = false;
    bool m_autoDelete = true;
};

/**
 * The one piece that talks to a hub (issue #5), shared by the GUI and nhcli. Every request is
 * built by buildRequest() (docs/conventions.md R3): SAS, x-ms-version, Content-Type, the
 * ServiceBusNotification-* and platform headers, the transfer timeout and TLS trust. The
 * QNetworkAccessManager is injected (R2); keep-alive connections are reused across calls.
 * Lives in the thread of its QNetworkAccessManager; nothing blocks.
 */
class HubClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HubClient)

public:
    /**
     * A response body larger than this is never the hub's (a feed page of 100 registrations is
     * well under 1 MB): the client stops reading it, keeps its first kKeptResponseBytes and
     * reports ExchangeResult::BadResponse, so an endless body cannot exhaust memory.
     */
    static constexpr qint64 kMaxResponseBytes = 4 * 1024 * 1024;
    static constexpr qint64 kKeptResponseBytes = 64 * 1024;

    explicit HubClient(QNetworkAccessManager *nam, QObject *parent = nullptr);

    QNetworkAccessManager *networkAccessManager() const { return m_nam; }

    void setConnection(const HubConnection &connection);
    const HubConnection &connection() const { return m_connection; }

    /**
     * What nhconsole and nhcli send as User-Agent, so a hub's owner can tell their traffic apart:
     * `nhconsole/<version> (Qt <runtime Qt version>; <operating system>)`.
     */
    static QByteArray userAgent();

    /** The request for `r` signed at `now`; `authorization` receives the real token. */
    QNetworkRequest buildRequest(const HubRequest &r, const QDateTime &now,
                                 QString *authorization) const;
    QUrl requestUrl(const HubRequest &r) const;

    /** Sends any request; the typed calls below are built on it. */
    HubJob *start(const HubRequest &request);

    /**
     * A send as `notification` describes it (tag expression, broadcast, device, batch, scheduled).
     * `test` adds the `test` flag to tag and broadcast sends, so the hub answers with a
     * NotificationOutcome (it is ignored for direct and scheduled sends, which the service does
     * not support). A notification that fails validation is never sent: the job finishes with
     * ExchangeResult::Invalid and the located error.
     */
    HubJob *send(const Notification &notification, bool test = true);
    HubJob *cancelScheduled(const QString &scheduledId);
    HubJob *telemetry(const QString &notificationId);

    HubJob *createRegistrationId();
    HubJob *createRegistration(const Registration &registration);
    /** PUT registrations/{id}: no If-Match creates or replaces; an etag (0 = "*") updates only
     *  that version (412 otherwise). */
    HubJob *putRegistration(const Registration &registration,
                            std::optional<qint64> ifMatch = std::nullopt);
    HubJob *getRegistration(const QString &id);
    HubJob *deleteRegistration(const QString &id, qint64 ifMatch = 0);

    struct ListQuery
    {
        int top = 100;
        QString continuationToken; ///< as the previous page's x-ms-continuationtoken gave it
        QString tag; ///< by tag (Manage)
        QString filter; ///< $filter, e.g. "DeviceToken eq 'ABC'" (by channel, Listen)
    };
    HubJob *listRegistrations(const ListQuery &query);
    /** The $filter that finds the registrations of a handle on a platform, as the SDKs build it. */
    static QString channelFilter(Platform platform, const QString &handle);

    HubJob *putInstallation(const Installation &installation);
    HubJob *getInstallation(const QString &id);
    HubJob *patchInstallation(const QString &id, const QByteArray &jsonPatch);
    HubJob *deleteInstallation(const QString &id);
    HubJob *feedbackContainer();

    // The hub's own configuration (docs/protocol.md §14; hubclient_hubs.cpp). All need Manage.

    /** GET /{name}: the description lands in Exchange::hubDescription; a hub that does not exist
     *  (the service's 200 with an empty feed) ends as HubError with ErrorCode::NotFound. */
    HubJob *getHub(const QString &name);
    /** PUT /{name} without If-Match: 201 and the new hub's entry. */
    HubJob *createHub(const HubDescription &description);
    /**
     * PUT /{name} with `If-Match: *`: always the whole description, as the service resets what
     * is left out. Refused before sending (ExchangeResult::Invalid, no request) while any secret
     * is empty or masked (maskedSecrets()).
     */
    HubJob *updateHub(const HubDescription &description);
    HubJob *deleteHub(const QString &name);
    /** Lists the namespace's hubs: form (A), else (B) and one GET per hub. */
    HubListJob *listHubs();

    /**
     * The secrets of `description` that cannot be saved as they are: a secret credential
     * property or rule key that is empty, only '#' or '*' characters, or kRedacted. Each as
     * "ApnsCredential/CertificateKey" or "AuthorizationRules/NAME/PrimaryKey"; empty = saveable.
     */
    static QStringList maskedSecrets(const HubDescription &description);

private:
    /** The Authorization value for `audience` at `now`: signed, or the one signed earlier in the
     *  same second for the same audience (byte-identical: `se` counts whole seconds). */
    QString authorizationFor(const QString &audience, const QDateTime &now) const;

    QNetworkAccessManager *m_nam;
    HubConnection m_connection;
    struct SignedToken
    {
        QString audience;
        qint64 second = -1;
        QString header;
    };
    mutable SignedToken m_lastToken;
    /** The TLS configuration of every request: the default one (`base`) with the
     *  connection's CA certificates. */
    QSslConfiguration tlsConfiguration() const;
    struct Tls
    {
        QSslConfiguration base;
        QSslConfiguration tls;
    };
    mutable std::optional<Tls> m_tls;
    /** buildRequest() without the memory of the last request. */
    QNetworkRequest buildRequestNow(const HubRequest &r, const QDateTime &now,
                                    QString *authorization) const;
    /** The last request buildRequest() made: for the same shape in the same second, the same. */
    struct LastRequest
    {
        HubRequest shape;
        qint64 second = -1;
        QString authorization;
        QNetworkRequest request;
    };
    mutable std::optional<LastRequest> m_lastRequest;

    friend class HubJob;
    /** redactHeaders() and Sas::decode() for HubJob, each kept for the last value: a burst of
     *  sends sends the same headers and token again and again (the token for a second). */
    HttpHeaders redactedRequestHeaders(const HttpHeaders &headers) const;
    std::optional<Sas::DecodedToken> decodedToken(const QString &authorization) const;
    mutable RecentResults<HttpHeaders, HttpHeaders> m_lastRedacted;
    mutable RecentResults<QString, std::optional<Sas::DecodedToken>> m_lastDecoded;
    /** prepareSend(), kept for the last notification: `--repeat` sends the same one again and
     *  again. */
    Result<PreparedSend> preparedSend(const Notification &notification) const;
    struct LastPrepared
    {
        Notification notification;
        Result<PreparedSend> prepared;
    };
    mutable std::optional<LastPrepared> m_lastPrepared;
};

} // namespace Nh
