// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "client/trafficfeed.h"

#include "client/hubclient.h"
#include "client/networkerrors.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslConfiguration>
#include <QUrlQuery>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

/** What a poll may take beyond the time the emulator may hold it. */
constexpr int kTransferMarginMs = 10000;

} // namespace

TrafficFeed::TrafficFeed(QNetworkAccessManager *nam, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &TrafficFeed::poll);
}

TrafficFeed::~TrafficFeed()
{
    cancel();
}

void TrafficFeed::setEndpoint(const QUrl &origin, const QList<QSslCertificate> &caCertificates)
{
    m_origin = origin;
    m_ca = caCertificates;
}

void TrafficFeed::start(qint64 after)
{
    cancel();
    m_after = after;
    m_running = true;
    m_live = false;
    m_nextDelayMs = kFirstRetryMs;
    poll();
}

void TrafficFeed::cancel()
{
    m_running = false;
    m_retryTimer.stop();
    if (QNetworkReply *reply = m_reply) {
        m_reply = nullptr;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

void TrafficFeed::poll()
{
    if (!m_running)
        return;
    const int waitMs = m_reading == Reading::Follow ? m_waitMs : 0;
    QUrl url = m_origin;
    url.setPath(u"/$emulator/traffic"_s);
    QUrlQuery query;
    query.addQueryItem(u"after"_s, QString::number(m_after));
    query.addQueryItem(u"wait"_s, QString::number(waitMs));
    query.addQueryItem(u"limit"_s, QString::number(kLimit));
    url.setQuery(query);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::UserAgentHeader, HubClient::userAgent());
    request.setTransferTimeout(waitMs + kTransferMarginMs);
    if (url.scheme() == u"https") {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        if (!m_ca.isEmpty())
            tls.addCaCertificates(m_ca);
        tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
        request.setSslConfiguration(tls);
    }
    m_sslErrors.clear();
    QNetworkReply *reply = m_nam->get(request);
    m_reply = reply;
    connect(reply, &QNetworkReply::sslErrors, this, [this, reply](const QList<QSslError> &errors) {
        if (reply == m_reply)
            m_sslErrors = errors;
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onFinished(reply); });
}

void TrafficFeed::onFinished(QNetworkReply *reply)
{
    reply->deleteLater();
    if (reply != m_reply)
        return;
    m_reply = nullptr;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 0) {
        const int waitMs = m_reading == Reading::Follow ? m_waitMs : 0;
        fail(makeError(ErrorCode::Transport,
                       describeTransportError(reply->error(), reply->errorString(), reply->url(),
                                              m_sslErrors, AbortReason::None,
                                              waitMs + kTransferMarginMs)));
        return;
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(reply->readAll(), &error);
    const QJsonObject object = doc.object();
    if (status == 404) {
        fail(makeError(ErrorCode::HubRejected,
                       tr("The emulator at %1 answered %2 to the traffic stream "
                          "(/$emulator/traffic): it may be an older nhemulator.")
                           .arg(m_origin.toString(), QString::number(status))));
        return;
    }
    if (status != 200) {
        // The emulator's own sentence (§9.11: {"error": {"status", "message"}}), else Qt's.
        const QString message =
            object.value(u"error"_s).toObject().value(u"message"_s).toString(reply->errorString());
        fail(makeError(ErrorCode::HubRejected,
                       tr("The emulator at %1 answered %2: %3")
                           .arg(m_origin.toString())
                           .arg(status)
                           .arg(message)));
        return;
    }
    const QJsonValue entries = object.value(u"entries"_s);
    if (error.error != QJsonParseError::NoError || !entries.isArray()
        || !object.value(u"next"_s).isDouble()) {
        fail(makeError(ErrorCode::BadResponse,
                       tr("The traffic stream of %1 sent an answer that does not read as its "
                          "JSON (an object with \"entries\" and \"next\").")
                           .arg(m_origin.toString())));
        return;
    }
    QList<EmulatorLogEntry> read;
    const QJsonArray array = entries.toArray();
    for (const QJsonValue &v : array) {
        if (auto entry = EmulatorLogEntry::fromJson(v.toObject()))
            read.append(*entry);
    }
    // `next` is the `after` of the next poll; it may go back when the emulator restarted.
    m_after = object.value(u"next"_s).toInteger();
    m_nextDelayMs = kFirstRetryMs;
    if (!m_live) {
        m_live = true;
        emit connected();
    }
    if (!read.isEmpty())
        emit entriesReceived(read);
    if (!m_running)
        return; // cancelled by a receiver
    if (m_reading == Reading::Follow || array.size() >= kLimit) {
        poll();
        return;
    }
    m_running = false;
    emit finished({});
}

void TrafficFeed::fail(const Error &error)
{
    m_live = false;
    if (m_onFailure == OnFailure::Stop) {
        m_running = false;
        emit finished(error);
        return;
    }
    const int delay = m_nextDelayMs;
    m_nextDelayMs = std::min(m_nextDelayMs * 2, kMaxRetryMs);
    m_retryTimer.start(delay);
    emit failed(error.message, delay);
}

} // namespace Nh
