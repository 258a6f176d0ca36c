// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "client/networkerrors.h"

#include <QCoreApplication>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Nh::NetworkErrors", text);
}
} // namespace

QString describeTransportError(QNetworkReply::NetworkError error, const QString &qtMessage,
                               const QUrl &url, const QList<QSslError> &sslErrors,
                               AbortReason reason, int timeoutMs)
{
    const QString host = url.port() > 0 ? u"%1:%2"_s.arg(url.host()).arg(url.port()) : url.host();
    if (reason == AbortReason::User)
        return tr("Cancelled before %1 answered.").arg(host);
    if (reason == AbortReason::Timeout)
        return tr("No response from %1 within %2 s. The hub or the network is stalled; try again "
                  "or raise the timeout.")
            .arg(host)
            .arg(timeoutMs / 1000.0, 0, 'g', 3);
    switch (error) {
    case QNetworkReply::HostNotFoundError:
        return tr("The host name %1 could not be resolved. Check the Endpoint in the connection "
                  "string and your DNS.")
            .arg(url.host());
    case QNetworkReply::ConnectionRefusedError:
        return tr("%1 refused the connection: nothing listens on that port. Is the emulator or "
                  "proxy running?")
            .arg(host);
    case QNetworkReply::RemoteHostClosedError:
        return tr("%1 closed the connection before answering (connection reset).").arg(host);
    case QNetworkReply::SslHandshakeFailedError: {
        QStringList why;
        for (const QSslError &e : sslErrors) {
            const QString subject = e.certificate().isNull()
                ? QString()
                : e.certificate().subjectInfo(QSslCertificate::CommonName).join(u", "_s);
            why << (subject.isEmpty() ? e.errorString()
                                      : tr("%1 (certificate %2)").arg(e.errorString(), subject));
        }
        return tr("The TLS handshake with %1 failed: %2. For the local emulator, trust its "
                  "certificate; never turn verification off.")
            .arg(host, why.isEmpty() ? qtMessage : why.join(u"; "_s));
    }
    default:
        return tr("The request to %1 failed: %2").arg(host, qtMessage);
    }
}

QString describeHubError(const Exchange &e)
{
    const QString detail =
        e.hubError ? e.hubError->text : QString::fromUtf8(e.responseBody.left(300));
    return tr("The hub answered %1 %2: %3")
        .arg(e.status)
        .arg(QString::fromLatin1(e.reasonPhrase), detail.isEmpty() ? tr("(no details)") : detail);
}

QString describeBadResponse(const Exchange &e, const Error &parseError)
{
    return tr("The hub answered %1, but its body could not be read: %2")
        .arg(e.status)
        .arg(parseError.message);
}

} // namespace Nh
