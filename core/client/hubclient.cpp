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

QString lastPathSegment(const QString &url)
{
    const QString path = QUrl(url).path();
    return path.section(u'/', -1, -1);
}

} // namespace

// --- HubJob -----------------------------------------------------------------------------------

HubJob::HubJob(QObject *parent)
    : QObject(parent)
{
    m_retryTimer.setSingleShot(true);
}

void HubJob::cancel()
{
    if (m_finished)
        return;
    m_exchange.abortReason = AbortReason::User;
    if (m_retryTimer.isActive()) {
        m_retryTimer.stop();
        auto *client = qobject_cast<HubClient *>(parent());
        m_exchange.result = ExchangeResult::Cancelled;
        m_exchange.errorSentence = describeTransportError(QNetworkReply::OperationCanceledError, {},
                                                          m_exchange.url, {}, AbortReason::User, 0);
        QMetaObject::invokeMethod(
            client,
            [client, self = QPointer<HubJob>(this)] {
                if (self)
                    client->finish(self);
            },
            Qt::QueuedConnection);
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
}

QUrl HubClient::requestUrl(const HubRequest &r) const
{
    QUrl url = m_connection.connectionString.hubUrl(m_connection.hub);
    url.setPath(url.path() + u'/' + r.path);
    QString query = u"api-version="_s + queryComponent(m_connection.apiVersion);
    for (const auto &[name, value] : r.query) {
        query += u'&' + queryComponent(name);
        if (!value.isNull())
            query += u'=' + queryComponent(value);
    }
    url.setQuery(query, QUrl::StrictMode);
    return url;
}

QNetworkRequest HubClient::buildRequest(const HubRequest &r, const QDateTime &now,
                                        QString *authorization) const
{
    QNetworkRequest request(requestUrl(r));
    const Sas::Token token =
        Sas::generate(Sas::audience(m_connection.connectionString, m_connection.hub, request.url(),
                                    m_connection.sas.audience),
                      m_connection.connectionString.keyName(), m_connection.connectionString.key(),
                      now, m_connection.sas);
    const QString header = token.header();
    if (authorization)
        *authorization = header;
    request.setRawHeader("Authorization", header.toUtf8());
    request.setRawHeader("x-ms-version", m_connection.apiVersion.toUtf8());
    for (const auto &[name, value] : r.headers)
        request.setRawHeader(name, value);
    if (!r.body.isEmpty() && !request.hasRawHeader("Content-Type"))
        request.setRawHeader("Content-Type", "application/xml;charset=utf-8");
    request.setTransferTimeout(m_connection.transferTimeoutMs);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);

    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    if (!m_connection.caCertificates.isEmpty())
        tls.addCaCertificates(m_connection.caCertificates);
    tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
    request.setSslConfiguration(tls);
    return request;
}

HubJob *HubClient::start(const HubRequest &request)
{
    auto *job = new HubJob(this);
    job->m_request = request;
    Exchange &e = job->m_exchange;
    e.operation = request.operation;
    e.hub = m_connection.hub;
    e.method = request.method;
    e.requestBody = request.body;
    e.started = QDateTime::currentDateTimeUtc();
    // Started from the event loop, so finished() can never fire before the caller connects.
    QMetaObject::invokeMethod(
        this,
        [this, job = QPointer<HubJob>(job)] {
            if (job && !job->m_finished)
                attempt(job);
        },
        Qt::QueuedConnection);
    return job;
}

void HubClient::attempt(HubJob *job)
{
    if (job->m_exchange.abortReason == AbortReason::User) {
        job->m_exchange.result = ExchangeResult::Cancelled;
        job->m_exchange.errorSentence =
            describeTransportError(QNetworkReply::OperationCanceledError, {},
                                   requestUrl(job->m_request), {}, AbortReason::User, 0);
        finish(job);
        return;
    }
    Exchange &e = job->m_exchange;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QNetworkRequest request = buildRequest(job->m_request, now, &e.authorization);
    // What was sent: a request's own Authorization header replaces (or removes) the signed one.
    e.authorization = QString::fromUtf8(request.rawHeader("Authorization"));
    e.url = request.url();
    e.requestHeaders.clear();
    for (const QByteArray &name : request.rawHeaderList())
        e.requestHeaders.append({name, request.rawHeader(name)});
    e.requestHeaders = redactHeaders(e.requestHeaders);
    e.token.reset();
    if (auto decoded = Sas::decode(e.authorization))
        e.token = *decoded;
    e.attempts.append({now, 0, 0, -1});
    e.status = 0;
    e.responseHeaders.clear();
    e.responseBody.clear();
    e.timeToFirstByteMs = -1;
    job->m_sslErrors.clear();
    job->m_head.clear();
    job->m_tooLarge = false;
    job->m_clock.start();

    qCInfo(lcClient).noquote() << e.method << redactSecrets(e.url.toString());
    QNetworkReply *reply =
        m_nam->sendCustomRequest(request, job->m_request.method, job->m_request.body);
    job->m_reply = reply;
    connect(reply, &QNetworkReply::metaDataChanged, job, [job] {
        if (job->m_exchange.timeToFirstByteMs < 0)
            job->m_exchange.timeToFirstByteMs = job->m_clock.elapsed();
    });
    connect(reply, &QNetworkReply::sslErrors, job, [job](const QList<QSslError> &errors) {
        job->m_sslErrors = errors; // reported, never ignored
    });
    connect(reply, &QNetworkReply::uploadProgress, job, &HubJob::uploadProgress);
    connect(reply, &QNetworkReply::downloadProgress, job, &HubJob::downloadProgress);
    connect(reply, &QNetworkReply::downloadProgress, job, [job, reply](qint64 received, qint64) {
        if (received <= kMaxResponseBytes || job->m_tooLarge)
            return;
        job->m_tooLarge = true;
        job->m_head = reply->read(kKeptResponseBytes);
        reply->abort(); // finished() follows through onReplyFinished
    });
    connect(reply, &QNetworkReply::finished, job, [this, job] { onReplyFinished(job); });
}

void HubClient::onReplyFinished(HubJob *job)
{
    QNetworkReply *reply = job->m_reply;
    job->m_reply = nullptr;
    reply->deleteLater();
    Exchange &e = job->m_exchange;
    const qint64 elapsed = job->m_clock.elapsed();
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
    if (job->m_tooLarge) {
        e.responseBody = job->m_head;
        e.result = ExchangeResult::BadResponse;
        e.error = makeError(ErrorCode::LimitExceeded,
                            Tr::tr("The response is larger than %1 MB, far more than any answer "
                                   "of the hub, so nhconsole stopped reading it")
                                .arg(kMaxResponseBytes / (1024 * 1024)));
        e.errorSentence = describeBadResponse(e, *e.error);
        finish(job);
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
            describeTransportError(error, reply->errorString(), e.url, job->m_sslErrors,
                                   e.abortReason, m_connection.transferTimeoutMs);
        e.error = makeError(errorCodeFor(e.result), e.errorSentence);
        finish(job);
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
        if (ok && retryAfter >= 0 && retryAfter <= m_connection.maxRetryAfterSeconds
            && e.attempts.size() <= m_connection.maxRetries) {
            job->m_retryTimer.disconnect();
            connect(&job->m_retryTimer, &QTimer::timeout, this, [this, job] { attempt(job); });
            job->m_retryTimer.start(retryAfter * 1000);
            // After start(), so a cancel() from a slot of retrying() stops the wait.
            emit job->retrying(int(e.attempts.size()), retryAfter);
            return;
        }
    }
    interpret(e, job->m_request.expect);
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
        e.errorSentence = describeTransportError(error, reply->errorString(), e.url, {},
                                                 e.abortReason, m_connection.transferTimeoutMs);
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
    finish(job);
}

void HubClient::interpret(Exchange &e, Expect expect) const
{
    e.trackingId =
        QString::fromUtf8(headerValue(e.responseHeaders, "TrackingId").value_or(QByteArray()));
    e.location =
        QString::fromUtf8(headerValue(e.responseHeaders, "Location").value_or(QByteArray()));
    e.etag = QString::fromUtf8(headerValue(e.responseHeaders, "ETag").value_or(QByteArray()));
    e.continuationToken = QString::fromUtf8(
        headerValue(e.responseHeaders, "x-ms-continuationtoken").value_or(QByteArray()));
    if (!e.location.isEmpty() && e.operation.startsWith(operationName(Operation::Send)))
        e.notificationId = lastPathSegment(e.location);

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

void HubClient::finish(HubJob *job)
{
    if (job->m_finished)
        return;
    job->m_finished = true;
    Exchange &e = job->m_exchange;
    if (e.totalMs < 0 && !e.attempts.isEmpty())
        e.totalMs = e.attempts.first().started.msecsTo(QDateTime::currentDateTimeUtc());
    qCInfo(lcClient).noquote() << e.operation << exchangeResultName(e.result) << e.status
                               << e.totalMs << "ms";
    emit job->finished(e);
    if (job->m_autoDelete)
        job->deleteLater();
}

// --- operations -------------------------------------------------------------------------------

HubJob *HubClient::send(const Notification &notification, bool test)
{
    auto prepared = prepareSend(notification);
    if (!prepared) {
        // Refused before sending: report it through the job like any other failure.
        auto *job = new HubJob(this);
        job->m_exchange.operation = operationName(Operation::Send);
        job->m_exchange.hub = m_connection.hub;
        job->m_exchange.method = "POST";
        job->m_exchange.started = QDateTime::currentDateTimeUtc();
        job->m_exchange.requestBody = notification.body;
        job->m_exchange.result = ExchangeResult::Invalid;
        job->m_exchange.error = prepared.error();
        job->m_exchange.errorSentence = prepared.error().message;
        job->m_exchange.warnings = prepared.warnings();
        QMetaObject::invokeMethod(
            this,
            [this, job = QPointer<HubJob>(job)] {
                if (job)
                    finish(job);
            },
            Qt::QueuedConnection);
        return job;
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
    HubJob *job = start(r);
    job->m_exchange.warnings = prepared.warnings();
    return job;
}

HubJob *HubClient::cancelScheduled(const QString &scheduledId)
{
    return start({operationName(Operation::SchedulesCancel),
                  "DELETE",
                  u"schedulednotifications/"_s + scheduledId,
                  {},
                  {},
                  {},
                  Expect::Nothing});
}

HubJob *HubClient::telemetry(const QString &notificationId)
{
    return start({operationName(Operation::TelemetryGet),
                  "GET",
                  u"messages/"_s + notificationId,
                  {},
                  {},
                  {},
                  Expect::Details});
}

HubJob *HubClient::createRegistrationId()
{
    return start({operationName(Operation::RegistrationIdsCreate),
                  "POST",
                  u"registrationIDs"_s,
                  {},
                  {{"Content-Type", kAtomEntryType}},
                  {},
                  Expect::Nothing});
}

HubJob *HubClient::createRegistration(const Registration &registration)
{
    return start({operationName(Operation::RegistrationsCreate),
                  "POST",
                  u"registrations"_s,
                  {},
                  {{"Content-Type", kAtomEntryType}},
                  registrationRequestXml(registration),
                  Expect::Registration});
}

HubJob *HubClient::putRegistration(const Registration &registration, std::optional<qint64> ifMatch)
{
    HubRequest r {operationName(Operation::RegistrationsPut),
                  "PUT",
                  u"registrations/"_s + registration.registrationId,
                  {},
                  {{"Content-Type", kAtomEntryType}},
                  registrationRequestXml(registration),
                  Expect::Registration};
    if (ifMatch)
        r.headers.append(
            {"If-Match", *ifMatch == 0 ? "*"_ba : '"' + QByteArray::number(*ifMatch) + '"'});
    return start(r);
}

HubJob *HubClient::getRegistration(const QString &id)
{
    return start({operationName(Operation::RegistrationsGet),
                  "GET",
                  u"registrations/"_s + id,
                  {},
                  {},
                  {},
                  Expect::Registration});
}

HubJob *HubClient::deleteRegistration(const QString &id, qint64 ifMatch)
{
    return start({operationName(Operation::RegistrationsDelete),
                  "DELETE",
                  u"registrations/"_s + id,
                  {},
                  {{"If-Match", ifMatch == 0 ? "*"_ba : '"' + QByteArray::number(ifMatch) + '"'}},
                  {},
                  Expect::Nothing});
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
        // The header value is already URL-encoded: send it as it came (nh-rest.md §7.5).
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
    return start({operationName(Operation::InstallationsPut),
                  "PUT",
                  u"installations/"_s + installation.installationId,
                  {},
                  {{"Content-Type", "application/json"}},
                  installationJson(installation),
                  Expect::Nothing});
}

HubJob *HubClient::getInstallation(const QString &id)
{
    return start({operationName(Operation::InstallationsGet),
                  "GET",
                  u"installations/"_s + id,
                  {},
                  {},
                  {},
                  Expect::Installation});
}

HubJob *HubClient::patchInstallation(const QString &id, const QByteArray &jsonPatch)
{
    return start({operationName(Operation::InstallationsPatch),
                  "PATCH",
                  u"installations/"_s + id,
                  {},
                  {{"Content-Type", "application/json-patch+json"}},
                  jsonPatch,
                  Expect::Nothing});
}

HubJob *HubClient::deleteInstallation(const QString &id)
{
    return start({operationName(Operation::InstallationsDelete),
                  "DELETE",
                  u"installations/"_s + id,
                  {},
                  {},
                  {},
                  Expect::Nothing});
}

HubJob *HubClient::feedbackContainer()
{
    return start({operationName(Operation::FeedbackGet),
                  "GET",
                  u"feedbackcontainer"_s,
                  {},
                  {},
                  {},
                  Expect::Text});
}

} // namespace Nh
