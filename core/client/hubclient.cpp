// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "client/hubclient.h"

#include "client/networkerrors.h"
#include "common/logging.h"
#include "protocol/draftcheck.h"
#include "protocol/operation.h"
#include "protocol/registrationfeed.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QSslConfiguration>
#include <QSysInfo>
#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

/** The translation context of this file's messages; lupdate reads it from here. */
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Nh::HubClient)
};

const QByteArray kAtomEntryType = "application/atom+xml;type=entry;charset=utf-8"_ba;

/** Percent-encodes a query component (RFC 3986 unreserved kept; '$' too, as every SDK sends). */
QString queryComponent(const QString &s)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(s, "$"));
}

/** Whether prepareSend() gives the same for both: the same notification, and no schedule
 *  (whose checks depend on the time). */
bool samePreparation(const Notification &a, const Notification &b)
{
    return !a.scheduleTime && a == b;
}

} // namespace

// --- HubJob -----------------------------------------------------------------------------------

HubJob::HubJob(HubClient *client, const HubRequest &request, const QList<Warning> &warnings)
    : QObject(client)
    , m_client(client)
    , m_request(request)
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &HubJob::attempt);
    Exchange &e = m_exchange;
    e.operation = request.operation;
    e.hub = client->connection().hub;
    e.method = request.method;
    e.requestBody = request.body;
    e.started = QDateTime::currentDateTimeUtc();
    e.warnings = warnings;
    // Started from the event loop, so finished() can never fire before the caller connects.
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (!m_finished)
                attempt();
        },
        Qt::QueuedConnection);
}

HubJob::HubJob(HubClient *client, const Exchange &refused)
    : QObject(client)
    , m_client(client)
    , m_exchange(refused)
{
    m_retryTimer.setSingleShot(true);
    QMetaObject::invokeMethod(this, &HubJob::finish, Qt::QueuedConnection);
}

void HubJob::cancel()
{
    if (m_finished)
        return;
    m_exchange.abortReason = AbortReason::User;
    if (m_retryTimer.isActive()) {
        m_retryTimer.stop();
        m_exchange.result = ExchangeResult::Cancelled;
        m_exchange.errorSentence = describeTransportError(QNetworkReply::OperationCanceledError, {},
                                                          m_exchange.url, {}, AbortReason::User, 0);
        QMetaObject::invokeMethod(this, &HubJob::finish, Qt::QueuedConnection);
        return;
    }
    if (m_reply)
        m_reply->abort(); // finished() follows through onReplyFinished
}

// --- HubClient --------------------------------------------------------------------------------

HubClient::HubClient(QNetworkAccessManager *nam, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
{
    qRegisterMetaType<Nh::Exchange>();
}

void HubClient::setConnection(const HubConnection &connection)
{
    m_connection = connection;
    m_lastToken = {};
    m_tls.reset();
    m_lastRequest.reset();
    m_lastRedacted = {};
    m_lastDecoded = {};
}

HttpHeaders HubClient::redactedRequestHeaders(const HttpHeaders &headers) const
{
    return m_lastRedacted.get(headers, [](const HttpHeaders &h) { return redactHeaders(h); });
}

std::optional<Sas::DecodedToken> HubClient::decodedToken(const QString &authorization) const
{
    return m_lastDecoded.get(authorization,
                             [](const QString &a) -> std::optional<Sas::DecodedToken> {
                                 if (auto decoded = Sas::decode(a))
                                     return *decoded;
                                 return std::nullopt;
                             });
}

QSslConfiguration HubClient::tlsConfiguration() const
{
    // Built once per connection and default configuration, not per request: adding the CA
    // certificates copies the whole configuration.
    const QSslConfiguration base = QSslConfiguration::defaultConfiguration();
    if (m_tls && m_tls->base == base)
        return m_tls->tls;
    QSslConfiguration tls = base;
    if (!m_connection.caCertificates.isEmpty())
        tls.addCaCertificates(m_connection.caCertificates);
    tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
    m_tls = Tls {base, tls};
    return tls;
}

QString HubClient::authorizationFor(const QString &audience, const QDateTime &now) const
{
    // Signing per request keeps the clock fresh (docs/protocol.md §2.2); within one second the
    // token would come out the same, so a burst of sends signs once a second.
    const qint64 second = now.toSecsSinceEpoch();
    if (m_lastToken.second == second && m_lastToken.audience == audience)
        return m_lastToken.header;
    const Sas::Token token =
        Sas::generate(audience, m_connection.connectionString.keyName(),
                      m_connection.connectionString.key(), now, m_connection.sas);
    m_lastToken = {audience, second, token.header()};
    return m_lastToken.header;
}

QUrl HubClient::requestUrl(const HubRequest &r) const
{
    QUrl url;
    if (r.namespaceLevel) {
        url = m_connection.connectionString.endpointUrl();
        url.setPath(u'/' + r.path);
    } else {
        url = m_connection.connectionString.hubUrl(m_connection.hub);
        url.setPath(url.path() + u'/' + r.path);
    }
    QString query;
    if (r.withApiVersion)
        query = u"api-version="_s + queryComponent(m_connection.apiVersion);
    for (const auto &[name, value] : r.query) {
        if (!query.isEmpty())
            query += u'&';
        query += queryComponent(name);
        if (!value.isNull())
            query += u'=' + queryComponent(value);
    }
    if (!query.isEmpty())
        url.setQuery(query, QUrl::StrictMode);
    return url;
}

QByteArray HubClient::userAgent()
{
    static const QByteArray agent = [] {
        // The OS name sits in a comment (RFC 9110 §5.6.5): printable ASCII only, and nested
        // parentheses only when balanced ("Debian GNU/Linux 12 (bookworm)"); else '?'.
        QByteArray os = QSysInfo::prettyProductName().toUtf8();
        const bool balanced = os.count('(') == os.count(')') && os.indexOf(')') >= os.indexOf('(');
        for (char &c : os) {
            if (uchar(c) < 0x20 || uchar(c) > 0x7e || c == '\\'
                || (!balanced && (c == '(' || c == ')')))
                c = '?';
        }
        QByteArray value("nhconsole/" NH_VERSION " (Qt ");
        value.append(qVersion()).append("; ").append(os).append(')');
        return value;
    }();
    return agent;
}

namespace {

/**
 * What buildRequest() reads of a request: the rest (operation, method, expectation, and the body
 * but for whether there is one) cleared, so that two requests with the same shape give the same
 * QNetworkRequest within one second and connection. A field added to HubRequest is compared
 * unless it is cleared here.
 */
HubRequest requestShape(HubRequest r)
{
    r.operation.clear();
    r.method.clear();
    r.expect = Expect::Nothing;
    r.body = r.body.isEmpty() ? QByteArray() : QByteArray(" ");
    return r;
}

} // namespace

QNetworkRequest HubClient::buildRequest(const HubRequest &r, const QDateTime &now,
                                        QString *authorization) const
{
    // A burst of sends (--repeat, a resend loop) builds the same request again and again: the
    // last one is kept for its second, the token's resolution (authorizationFor()).
    const qint64 second = now.toSecsSinceEpoch();
    HubRequest shape = requestShape(r);
    if (m_lastRequest && m_lastRequest->second == second && m_lastRequest->shape == shape && m_tls
        && m_tls->base == QSslConfiguration::defaultConfiguration()) {
        if (authorization)
            *authorization = m_lastRequest->authorization;
        return m_lastRequest->request;
    }
    QString signedHeader;
    QNetworkRequest request = buildRequestNow(r, now, &signedHeader);
    m_lastRequest = LastRequest {std::move(shape), second, signedHeader, request};
    if (authorization)
        *authorization = signedHeader;
    return request;
}

QNetworkRequest HubClient::buildRequestNow(const HubRequest &r, const QDateTime &now,
                                           QString *authorization) const
{
    QNetworkRequest request(requestUrl(r));
    // A request below the namespace (the hub list) is outside a token signed for one hub.
    const Sas::Audience audienceStyle =
        r.namespaceLevel && m_connection.sas.audience == Sas::Audience::Hub
        ? Sas::Audience::Namespace
        : m_connection.sas.audience;
    const QString header =
        authorizationFor(Sas::audience(m_connection.connectionString, m_connection.hub,
                                       request.url(), audienceStyle),
                         now);
    if (authorization)
        *authorization = header;
    request.setRawHeader("Authorization", header.toUtf8());
    request.setRawHeader("x-ms-version", m_connection.apiVersion.toUtf8());
    request.setRawHeader("User-Agent", userAgent());
    for (const auto &[name, value] : r.headers)
        request.setRawHeader(name, value);
    if (!r.body.isEmpty() && !request.hasRawHeader("Content-Type"))
        request.setRawHeader("Content-Type", "application/xml;charset=utf-8");
    request.setTransferTimeout(m_connection.transferTimeoutMs);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);

    request.setSslConfiguration(tlsConfiguration());
    return request;
}

HubJob *HubClient::start(const HubRequest &request)
{
    return new HubJob(this, request);
}

void HubJob::attempt()
{
    if (m_exchange.abortReason == AbortReason::User) {
        m_exchange.result = ExchangeResult::Cancelled;
        m_exchange.errorSentence =
            describeTransportError(QNetworkReply::OperationCanceledError, {},
                                   m_client->requestUrl(m_request), {}, AbortReason::User, 0);
        finish();
        return;
    }
    Exchange &e = m_exchange;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QNetworkRequest request = m_client->buildRequest(m_request, now, &e.authorization);
    // What was sent: a request's own Authorization header replaces (or removes) the signed one.
    e.authorization = QString::fromUtf8(request.rawHeader("Authorization"));
    e.url = request.url();
    e.requestHeaders.clear();
    for (const QByteArray &name : request.rawHeaderList())
        e.requestHeaders.append({name, request.rawHeader(name)});
    e.requestHeaders = m_client->redactedRequestHeaders(e.requestHeaders);
    e.token = m_client->decodedToken(e.authorization);
    e.attempts.append({now, 0, 0, -1});
    e.status = 0;
    e.responseHeaders.clear();
    e.responseBody.clear();
    e.timeToFirstByteMs = -1;
    m_sslErrors.clear();
    m_head.clear();
    m_tooLarge = false;
    m_clock.start();

    qCInfo(lcClient).noquote() << e.method << redactSecrets(e.url.toString());
    QNetworkReply *reply = m_client->networkAccessManager()->sendCustomRequest(
        request, m_request.method, m_request.body);
    m_reply = reply;
    connect(reply, &QNetworkReply::metaDataChanged, this, [this] {
        if (m_exchange.timeToFirstByteMs < 0)
            m_exchange.timeToFirstByteMs = m_clock.elapsed();
    });
    connect(reply, &QNetworkReply::sslErrors, this, [this](const QList<QSslError> &errors) {
        m_sslErrors = errors; // reported, never ignored
    });
    connect(reply, &QNetworkReply::uploadProgress, this, &HubJob::uploadProgress);
    connect(reply, &QNetworkReply::downloadProgress, this, &HubJob::downloadProgress);
    connect(reply, &QNetworkReply::downloadProgress, this, [this, reply](qint64 received, qint64) {
        if (received <= HubClient::kMaxResponseBytes || m_tooLarge)
            return;
        m_tooLarge = true;
        m_head = reply->read(HubClient::kKeptResponseBytes);
        reply->abort(); // finished() follows through onReplyFinished
    });
    connect(reply, &QNetworkReply::finished, this, &HubJob::onReplyFinished);
}

void HubJob::onReplyFinished()
{
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    m_answered = reply;
    Exchange &e = m_exchange;
    const qint64 elapsed = m_clock.elapsed();
    e.totalMs = elapsed;
    e.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    e.reasonPhrase = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray();
    for (const auto &h : reply->rawHeaderPairs())
        e.responseHeaders.append(h);
    if (reply->isOpen()) // an aborted reply is closed; reading it only warns
        e.responseBody = reply->readAll();
    Attempt &a = e.attempts.last();
    a.status = e.status;
    a.totalMs = elapsed;

    const QNetworkReply::NetworkError error = reply->error();
    if (m_tooLarge) {
        e.responseBody = m_head;
        e.result = ExchangeResult::BadResponse;
        e.error = makeError(ErrorCode::LimitExceeded,
                            Tr::tr("The response is larger than %1 MB, far more than any answer "
                                   "of the hub, so nhconsole stopped reading it")
                                .arg(HubClient::kMaxResponseBytes / (1024 * 1024)));
        e.errorSentence = describeBadResponse(e, *e.error);
        finish();
        return;
    }
    if (e.status == 0) {
        // No HTTP answer. A cancel that the user did not ask for is QNAM's transfer timeout.
        if (error == QNetworkReply::OperationCanceledError && e.abortReason != AbortReason::User)
            e.abortReason = AbortReason::Timeout;
        if (error == QNetworkReply::TimeoutError)
            e.abortReason = AbortReason::Timeout;
        e.networkError = error;
        e.result = e.abortReason == AbortReason::User ? ExchangeResult::Cancelled
            : e.abortReason == AbortReason::Timeout   ? ExchangeResult::Timeout
                                                      : ExchangeResult::TransportError;
        e.errorSentence =
            describeTransportError(error, reply->errorString(), e.url, m_sslErrors, e.abortReason,
                                   m_client->connection().transferTimeoutMs);
        e.error = makeError(errorCodeFor(e.result), e.errorSentence);
        finish();
        return;
    }

    // Throttled: honour Retry-After, a bounded number of times.
    if ((e.status == 429 || e.status == 503) && e.abortReason != AbortReason::User) {
        bool ok = false;
        const int retryAfter = headerValue(e.responseHeaders, "Retry-After")
                                   .value_or(QByteArray())
                                   .trimmed()
                                   .toInt(&ok);
        a.retryAfterSeconds = ok ? retryAfter : -1;
        if (ok && retryAfter >= 0 && retryAfter <= m_client->connection().maxRetryAfterSeconds
            && e.attempts.size() <= m_client->connection().maxRetries) {
            m_answered = nullptr;
            reply->deleteLater();
            m_retryTimer.start(retryAfter * 1000);
            // After start(), so a cancel() from a slot of retrying() stops the wait.
            emit retrying(int(e.attempts.size()), retryAfter);
            return;
        }
    }
    interpret(e, m_request.expect);
    // The answer broke off after its status line. A cancel or the transfer timeout says so; else
    // the connection closed before the body's Content-Length was reached, and even an operation
    // that expects no body did not get a whole answer, so it is no success.
    const bool stopped =
        error == QNetworkReply::OperationCanceledError || error == QNetworkReply::TimeoutError;
    if (stopped && e.result != ExchangeResult::HubError) {
        if (e.abortReason != AbortReason::User)
            e.abortReason = AbortReason::Timeout;
        e.result = e.abortReason == AbortReason::User ? ExchangeResult::Cancelled
                                                      : ExchangeResult::Timeout;
        e.errorSentence =
            describeTransportError(error, reply->errorString(), e.url, {}, e.abortReason,
                                   m_client->connection().transferTimeoutMs);
        e.error = makeError(errorCodeFor(e.result), e.errorSentence);
    } else if (error != QNetworkReply::NoError && error < QNetworkReply::ContentAccessDenied
               && e.ok()) {
        const QByteArray length =
            headerValue(e.responseHeaders, "Content-Length").value_or(QByteArray("?"));
        e.result = ExchangeResult::BadResponse;
        e.error = makeError(ErrorCode::Truncated,
                            Tr::tr("The connection closed after %1 byte(s) of a body announced "
                                   "as %2 byte(s) (Content-Length): the answer is incomplete")
                                .arg(e.responseBody.size())
                                .arg(QString::fromLatin1(length)));
        e.errorSentence = describeBadResponse(e, *e.error);
    }
    finish();
}

void HubJob::interpret(Exchange &e, Expect expect)
{
    e.trackingId =
        QString::fromUtf8(headerValue(e.responseHeaders, "TrackingId").value_or(QByteArray()));
    e.location =
        QString::fromUtf8(headerValue(e.responseHeaders, "Location").value_or(QByteArray()));
    e.etag = QString::fromUtf8(headerValue(e.responseHeaders, "ETag").value_or(QByteArray()));
    e.continuationToken = QString::fromUtf8(
        headerValue(e.responseHeaders, "x-ms-continuationtoken").value_or(QByteArray()));
    if (!e.location.isEmpty() && e.operation.startsWith(operationName(Operation::Send)))
        e.notificationId = notificationIdFromLocation(e.location);

    if (e.status < 200 || e.status > 299) {
        if (!e.responseBody.trimmed().isEmpty()) {
            if (auto body = parseErrorBody(e.responseBody))
                e.hubError = *body;
        }
        e.result = ExchangeResult::HubError;
        e.errorSentence = describeHubError(e);
        e.error = makeError(ErrorCode::HubRejected, e.errorSentence);
        return;
    }

    std::optional<Error> parseError;
    const auto take = [&](auto result, auto &into) {
        if (result)
            into = *result;
        else
            parseError = result.error();
    };
    switch (expect) {
    case Expect::Nothing:
    case Expect::Text:
        break;
    case Expect::Outcome:
        take(parseNotificationOutcome(e.responseBody), e.outcome);
        break;
    case Expect::Registration:
        take(parseRegistrationEntry(e.responseBody), e.registration);
        break;
    case Expect::Feed:
        take(parseRegistrationFeed(e.responseBody), e.feed);
        break;
    case Expect::Installation:
        take(parseInstallation(e.responseBody), e.installation);
        break;
    case Expect::Details:
        take(parseNotificationDetails(e.responseBody), e.details);
        break;
    case Expect::HubDescription: {
        const QString name = e.url.path().section(u'/', -1);
        auto description = parseHubDescription(e.responseBody, name);
        if (!description && description.error().code == ErrorCode::NotFound) {
            // The service's answer for a hub that does not exist: 200 with an empty feed.
            e.result = ExchangeResult::HubError;
            e.error = description.error();
            e.errorSentence = description.error().message;
            return;
        }
        take(std::move(description), e.hubDescription);
        break;
    }
    case Expect::HubList:
        take(parseHubList(e.responseBody), e.hubList);
        break;
    }
    // A hub never answers with an HTML page: a 2xx page comes from a proxy or captive portal,
    // and the operation did not reach the hub, even when no body was expected.
    const QString type = QString::fromLatin1(
        headerValue(e.responseHeaders, "Content-Type").value_or(QByteArray()).trimmed());
    if (!parseError && !e.responseBody.isEmpty()
        && type.startsWith(u"text/html"_s, Qt::CaseInsensitive)) {
        parseError = makeError(ErrorCode::UnexpectedRoot,
                               Tr::tr("The body is an HTML page, not an answer of the hub"));
    }
    if (parseError) {
        e.result = ExchangeResult::BadResponse;
        e.error = parseError;
        e.errorSentence = describeBadResponse(e, *parseError);
        return;
    }
    e.result = (e.outcome && e.outcome->results.isEmpty() && e.outcome->success == 0
                && e.outcome->failure == 0)
        ? ExchangeResult::NoTargets
        : ExchangeResult::Success;
}

void HubJob::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    Exchange &e = m_exchange;
    if (e.totalMs < 0 && !e.attempts.isEmpty())
        e.totalMs = e.attempts.first().started.msecsTo(QDateTime::currentDateTimeUtc());
    qCInfo(lcClient).noquote() << e.operation << exchangeResultName(e.result) << e.status
                               << e.totalMs << "ms";
    const QPointer<QNetworkReply> answered = std::exchange(m_answered, nullptr);
    emit finished(e);
    if (answered)
        answered->deleteLater();
    if (m_autoDelete)
        deleteLater();
}

// --- operations -------------------------------------------------------------------------------

Result<PreparedSend> HubClient::preparedSend(const Notification &notification) const
{
    if (m_lastPrepared && samePreparation(m_lastPrepared->notification, notification))
        return m_lastPrepared->prepared;
    Result<PreparedSend> prepared = prepareSend(notification);
    if (notification.scheduleTime)
        m_lastPrepared.reset();
    else
        m_lastPrepared = LastPrepared {notification, prepared};
    return prepared;
}

HubJob *HubClient::send(const Notification &notification, bool test)
{
    auto prepared = preparedSend(notification);
    if (!prepared) {
        // Refused before sending: report it through the job like any other failure.
        Exchange refused;
        refused.operation = operationName(Operation::Send);
        refused.hub = m_connection.hub;
        refused.method = "POST";
        refused.started = QDateTime::currentDateTimeUtc();
        refused.requestBody = notification.body;
        refused.result = ExchangeResult::Invalid;
        refused.error = prepared.error();
        refused.errorSentence = prepared.error().message;
        refused.warnings = prepared.warnings();
        return new HubJob(this, refused);
    }
    HubRequest r;
    r.method = "POST";
    r.path = prepared->path;
    r.headers = prepared->headers;
    r.body = prepared->body;
    const bool direct = prepared->queryFlags.contains(u"direct"_s);
    const bool scheduled = prepared->path.startsWith(u"schedulednotifications"_s);
    for (const QString &flag : std::as_const(prepared->queryFlags))
        r.query.append({flag, QString()});
    if (direct)
        r.operation = prepared->path.endsWith(u"$batch"_s) ? operationName(Operation::SendBatch)
                                                           : operationName(Operation::SendDirect);
    else if (scheduled)
        r.operation = operationName(Operation::SendScheduled);
    else if (test) {
        r.operation = operationName(Operation::SendTest);
        r.query.append({u"test"_s, QString()});
        r.expect = Expect::Outcome;
    } else {
        r.operation = operationName(Operation::Send);
    }
    return new HubJob(this, r, prepared.warnings());
}

HubJob *HubClient::cancelScheduled(const QString &scheduledId)
{
    return start({.operation = operationName(Operation::SchedulesCancel),
                  .method = "DELETE",
                  .path = u"schedulednotifications/"_s + scheduledId});
}

HubJob *HubClient::telemetry(const QString &notificationId)
{
    return start({.operation = operationName(Operation::TelemetryGet),
                  .method = "GET",
                  .path = u"messages/"_s + notificationId,
                  .expect = Expect::Details});
}

HubJob *HubClient::createRegistrationId()
{
    return start({.operation = operationName(Operation::RegistrationIdsCreate),
                  .method = "POST",
                  .path = u"registrationIDs"_s,
                  .headers = {{"Content-Type", kAtomEntryType}}});
}

HubJob *HubClient::createRegistration(const Registration &registration)
{
    return start({.operation = operationName(Operation::RegistrationsCreate),
                  .method = "POST",
                  .path = u"registrations"_s,
                  .headers = {{"Content-Type", kAtomEntryType}},
                  .body = registrationRequestXml(registration),
                  .expect = Expect::Registration});
}

HubJob *HubClient::putRegistration(const Registration &registration, std::optional<qint64> ifMatch)
{
    HubRequest r {.operation = operationName(Operation::RegistrationsPut),
                  .method = "PUT",
                  .path = u"registrations/"_s + registration.registrationId,
                  .headers = {{"Content-Type", kAtomEntryType}},
                  .body = registrationRequestXml(registration),
                  .expect = Expect::Registration};
    if (ifMatch)
        r.headers.append(
            {"If-Match", *ifMatch == 0 ? "*"_ba : '"' + QByteArray::number(*ifMatch) + '"'});
    return start(r);
}

HubJob *HubClient::getRegistration(const QString &id)
{
    return start({.operation = operationName(Operation::RegistrationsGet),
                  .method = "GET",
                  .path = u"registrations/"_s + id,
                  .expect = Expect::Registration});
}

HubJob *HubClient::deleteRegistration(const QString &id, qint64 ifMatch)
{
    return start({.operation = operationName(Operation::RegistrationsDelete),
                  .method = "DELETE",
                  .path = u"registrations/"_s + id,
                  .headers = {{"If-Match",
                               ifMatch == 0 ? "*"_ba : '"' + QByteArray::number(ifMatch) + '"'}}});
}

HubJob *HubClient::listRegistrations(const ListQuery &q)
{
    HubRequest r;
    r.operation = q.tag.isEmpty() ? operationName(Operation::RegistrationsList)
                                  : operationName(Operation::RegistrationsByTag);
    r.path = q.tag.isEmpty() ? u"registrations"_s : u"tags/"_s + q.tag + u"/registrations"_s;
    r.expect = Expect::Feed;
    if (q.top > 0)
        r.query.append({u"$top"_s, QString::number(q.top)});
    if (!q.filter.isEmpty())
        r.query.append({u"$filter"_s, q.filter});
    if (!q.continuationToken.isEmpty()) {
        // The header value is already URL-encoded: send it as it came (docs/protocol.md §7.5).
        r.query.append(
            {u"continuationtoken"_s, QUrl::fromPercentEncoding(q.continuationToken.toUtf8())});
    }
    return start(r);
}

QString HubClient::channelFilter(Platform platform, const QString &handle)
{
    QString value = handle;
    value.replace(u'\'', u"''"_s);
    switch (platform) {
    case Platform::Apple:
        return u"DeviceToken eq '"_s + value.toUpper() + u'\'';
    case Platform::Gcm:
        return u"GcmRegistrationId eq '"_s + value + u'\'';
    case Platform::FcmV1:
        return u"FcmV1RegistrationId eq '"_s + value + u'\'';
    case Platform::Adm:
        return u"AdmRegistrationId eq '"_s + value + u'\'';
    case Platform::Xiaomi:
        return u"XiaomiRegistrationId eq '"_s + value + u'\'';
    case Platform::Baidu:
        return u"BaiduChannelId eq '"_s + value + u'\'';
    case Platform::Browser:
        return u"Endpoint eq '"_s + value + u'\'';
    case Platform::Windows:
    case Platform::WindowsPhone:
        break;
    }
    return u"ChannelUri eq '"_s + value + u'\'';
}

HubJob *HubClient::putInstallation(const Installation &installation)
{
    return start({.operation = operationName(Operation::InstallationsPut),
                  .method = "PUT",
                  .path = u"installations/"_s + installation.installationId,
                  .headers = {{"Content-Type", "application/json"}},
                  .body = installationJson(installation)});
}

HubJob *HubClient::getInstallation(const QString &id)
{
    return start({.operation = operationName(Operation::InstallationsGet),
                  .method = "GET",
                  .path = u"installations/"_s + id,
                  .expect = Expect::Installation});
}

HubJob *HubClient::patchInstallation(const QString &id, const QByteArray &jsonPatch)
{
    return start({.operation = operationName(Operation::InstallationsPatch),
                  .method = "PATCH",
                  .path = u"installations/"_s + id,
                  .headers = {{"Content-Type", "application/json-patch+json"}},
                  .body = jsonPatch});
}

HubJob *HubClient::deleteInstallation(const QString &id)
{
    return start({.operation = operationName(Operation::InstallationsDelete),
                  .method = "DELETE",
                  .path = u"installations/"_s + id});
}

HubJob *HubClient::feedbackContainer()
{
    return start({.operation = operationName(Operation::FeedbackGet),
                  .method = "GET",
                  .path = u"feedbackcontainer"_s,
                  .expect = Expect::Text});
}

} // namespace Nh
