// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/trafficfollower.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslConfiguration>
#include <QUrlQuery>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

/** The translation context of this file's messages; lupdate reads it from here. */
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Nh::Cli)
};

/** Entries asked for at once. */
constexpr int kLimit = 1000;

} // namespace

TrafficFollower::TrafficFollower(QNetworkAccessManager *nam, const QUrl &base,
                                 const QList<QSslCertificate> &trusted, bool follow,
                                 QObject *parent)
    : QObject(parent)
    , m_nam(nam)
    , m_base(base)
    , m_trusted(trusted)
    , m_follow(follow)
{ }

TrafficFollower::~TrafficFollower()
{
    stop();
}

void TrafficFollower::start()
{
    m_stopped = false;
    request();
}

void TrafficFollower::stop()
{
    m_stopped = true;
    if (m_reply) {
        QNetworkReply *reply = m_reply;
        m_reply = nullptr;
        reply->abort();
        reply->deleteLater();
    }
}

void TrafficFollower::request()
{
    QUrl url = m_base;
    url.setPath(u"/$emulator/traffic"_s);
    QUrlQuery query;
    query.addQueryItem(u"after"_s, QString::number(m_after));
    query.addQueryItem(u"limit"_s, QString::number(kLimit));
    query.addQueryItem(u"wait"_s, QString::number(m_follow ? kWaitMs : 0));
    url.setQuery(query);
    QNetworkRequest request(url);
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.addCaCertificates(m_trusted);
    request.setSslConfiguration(tls);
    // The emulator holds a long poll for up to kWaitMs; a little more before giving up.
    request.setTransferTimeout(kWaitMs + 20000);
    m_reply = m_nam->get(request);
    QNetworkReply *reply = m_reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        if (reply != m_reply)
            return; // stopped
        m_reply = nullptr;
        reply->deleteLater();
        read(reply);
    });
}

void TrafficFollower::read(QNetworkReply *reply)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QJsonObject body = QJsonDocument::fromJson(reply->readAll()).object();
    if (reply->error() != QNetworkReply::NoError && status == 0) {
        emit finished(makeError(ErrorCode::Transport,
                                Tr::tr("Could not read the emulator's traffic at %1: %2")
                                    .arg(m_base.toString(), reply->errorString())));
        return;
    }
    if (status != 200) {
        const QString message =
            body.value(u"error"_s).toObject().value(u"message"_s).toString(reply->errorString());
        emit finished(makeError(ErrorCode::HubRejected,
                                Tr::tr("The emulator at %1 answered %2: %3")
                                    .arg(m_base.toString())
                                    .arg(status)
                                    .arg(message)));
        return;
    }
    if (!body.value(u"entries"_s).isArray() || !body.value(u"next"_s).isDouble()) {
        emit finished(makeError(ErrorCode::BadResponse,
                                Tr::tr("The answer from %1 is not the emulator's traffic "
                                       "stream.")
                                    .arg(m_base.toString())));
        return;
    }
    const QJsonArray entries = body.value(u"entries"_s).toArray();
    for (const QJsonValue &v : entries) {
        if (const auto e = EmulatorLogEntry::fromJson(v.toObject()))
            emit entry(*e);
        if (m_stopped)
            return;
    }
    m_after = body.value(u"next"_s).toInteger();
    if (m_follow || entries.size() >= kLimit)
        request();
    else
        emit finished({});
}

} // namespace Nh
