// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "client/networkerrors.h"

#include "client/explainer.h"
#include "protocol/operation.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QHash>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

/** The translation context of this file's messages; lupdate reads it from here. */
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Nh::NetworkErrors)
};

QString trn(const char *text, qint64 n)
{
    return QCoreApplication::translate("Nh::NetworkErrors", text, nullptr, int(n));
}

constexpr qsizetype kMaxBodyBytes = 64 * 1024;

int effectivePort(const QUrl &url)
{
    return url.port(url.scheme().compare(u"http"_s, Qt::CaseInsensitive) == 0 ? 80 : 443);
}

/** "127.0.0.1:8443", "[::1]:8443", "contoso.servicebus.windows.net:443". */
QString hostAndPort(const QUrl &url)
{
    const QString host = url.host().contains(u':') ? u'[' + url.host() + u']' : url.host();
    return host + u':' + QString::number(effectivePort(url));
}

/** Ends a message that may or may not end in a period with exactly one. */
QString asSentence(QString text)
{
    text = text.trimmed();
    while (text.endsWith(u'.'))
        text.chop(1);
    return text.isEmpty() ? text : text + u'.';
}

QString header(const HttpHeaders &headers, QByteArrayView name)
{
    return QString::fromUtf8(headerValue(headers, name).value_or(QByteArray())).trimmed();
}

QString names(const QSslCertificate &c, bool issuer)
{
    const auto info = [&](QSslCertificate::SubjectInfo what) {
        return (issuer ? c.issuerInfo(what) : c.subjectInfo(what)).join(u", "_s);
    };
    QStringList parts;
    if (const QString cn = info(QSslCertificate::CommonName); !cn.isEmpty())
        parts << u"CN="_s + cn;
    if (const QString o = info(QSslCertificate::Organization); !o.isEmpty())
        parts << u"O="_s + o;
    if (parts.isEmpty())
        return issuer ? c.issuerDisplayName() : c.subjectDisplayName();
    return parts.join(u", "_s);
}

/** The names a certificate is valid for: its DNS and IP alternative names, else its CN. */
QString certificateHostNames(const QSslCertificate &c)
{
    QStringList out;
    const auto alt = c.subjectAlternativeNames();
    for (auto it = alt.cbegin(); it != alt.cend(); ++it)
        out << it.value();
    if (out.isEmpty())
        out = c.subjectInfo(QSslCertificate::CommonName);
    return out.isEmpty() ? Tr::tr("no host name") : out.join(u", "_s);
}

/** What to do about one TLS error; empty when its text says enough. */
QString tlsRemedy(const QSslError &error, const QString &host)
{
    const QSslCertificate c = error.certificate();
    switch (error.error()) {
    case QSslError::SelfSignedCertificate:
    case QSslError::SelfSignedCertificateInChain:
    case QSslError::UnableToGetLocalIssuerCertificate:
    case QSslError::UnableToGetIssuerCertificate:
    case QSslError::UnableToVerifyFirstCertificate:
    case QSslError::CertificateUntrusted:
    case QSslError::InvalidCaCertificate:
        return Tr::tr(
            "It is not issued by an authority this computer trusts: for the local emulator, "
            "add its certificate to the connection's trusted certificates (nhemulator "
            "prints its path); behind a TLS-inspecting proxy, add the proxy's CA.");
    case QSslError::HostNameMismatch:
        return Tr::tr("It is issued for %1, not for %2: connect with a host name the certificate "
                      "names.")
            .arg(c.isNull() ? Tr::tr("another host") : certificateHostNames(c), host);
    case QSslError::CertificateExpired:
    case QSslError::CertificateNotYetValid:
        if (c.isNull())
            return Tr::tr("Check this computer's clock, or renew the certificate.");
        return Tr::tr("It is valid from %1 to %2 (UTC) only: check this computer's clock, or renew "
                      "the certificate.")
            .arg(c.effectiveDate().toUTC().toString(Qt::ISODate),
                 c.expiryDate().toUTC().toString(Qt::ISODate));
    case QSslError::CertificateRevoked:
        return Tr::tr("Its issuer has revoked it: the server needs a new certificate.");
    default:
        return {};
    }
}

QString describeTls(const QString &where, const QString &host, const QString &qtMessage,
                    const QList<QSslError> &sslErrors)
{
    const QString never = Tr::tr("Never turn certificate checks off.");
    if (sslErrors.isEmpty()) {
        return Tr::tr("The TLS handshake with %1 failed, so nothing was sent: %2 For the local "
                      "emulator, add its certificate to the connection's trusted certificates.")
                   .arg(where, asSentence(qtMessage))
            + u' ' + never;
    }
    // One clause per certificate, with every reason it was refused for.
    QList<QPair<QSslCertificate, QStringList>> byCertificate;
    QStringList remedies;
    for (const QSslError &error : sslErrors) {
        auto it = std::find_if(byCertificate.begin(), byCertificate.end(),
                               [&](const auto &g) { return g.first == error.certificate(); });
        if (it == byCertificate.end()) {
            byCertificate.append({error.certificate(), {}});
            it = std::prev(byCertificate.end());
        }
        if (!it->second.contains(error.errorString()))
            it->second << error.errorString();
        const QString remedy = tlsRemedy(error, host);
        if (!remedy.isEmpty() && !remedies.contains(remedy))
            remedies << remedy;
    }
    QStringList clauses;
    for (const auto &[certificate, reasons] : std::as_const(byCertificate)) {
        clauses << (certificate.isNull()
                        ? reasons.join(u"; "_s)
                        : Tr::tr("the certificate %1 was refused because: %2")
                              .arg(describeCertificate(certificate), reasons.join(u"; "_s)));
    }
    QString s = Tr::tr("The TLS handshake with %1 failed, so nothing was sent: %2")
                    .arg(where, asSentence(clauses.join(u"; "_s)));
    if (!remedies.isEmpty())
        s += u' ' + remedies.join(u' ');
    return s + u' ' + never;
}

/** The last path segment of the request: the registration, installation or message id. */
QString entityId(const Exchange &e)
{
    return e.url.path(QUrl::FullyDecoded).section(u'/', -1, -1);
}

QString expectedBody(const QString &operation)
{
    if (operation == operationName(Operation::SendTest))
        return Tr::tr("a NotificationOutcome (XML)");
    if (operation == operationName(Operation::RegistrationsList)
        || operation == operationName(Operation::RegistrationsByTag))
        return Tr::tr("a registration feed (Atom XML)");
    if (operation.startsWith(u"registrations."_s))
        return Tr::tr("a registration entry (Atom XML)");
    if (operation == operationName(Operation::InstallationsGet))
        return Tr::tr("an installation (JSON)");
    if (operation == operationName(Operation::TelemetryGet))
        return Tr::tr("NotificationDetails telemetry (XML)");
    return Tr::tr("the expected body");
}

/** What to say about Retry-After and the attempts of a throttled exchange. */
QString throttleAdvice(const Exchange &e)
{
    const qint64 attempts = std::max<qint64>(1, e.attempts.size());
    bool ok = false;
    const int retryAfter = header(e.responseHeaders, "Retry-After").toInt(&ok);
    // Only test sends have the fixed 10-a-minute limit; other calls meet the tier's quotas.
    const QString slowDown = e.operation == operationName(Operation::SendTest)
        ? Tr::tr("Slow down: test sends are limited to 10 a minute.")
        : Tr::tr("Slow down: the namespace's pricing tier limits how many calls a hub accepts; "
                 "space the calls out, or move the namespace to a higher tier.");
    if (ok && retryAfter >= 0) {
        return trn("nhconsole made %n attempt(s), honouring Retry-After; the hub's last "
                   "Retry-After asked to wait %1 s. Wait at least that long before trying again.",
                   attempts)
                   .arg(retryAfter)
            + u' ' + slowDown;
    }
    return trn("The hub sent no Retry-After, so nhconsole did not retry (%n attempt(s)). Wait a "
               "little before trying again.",
               attempts)
        + u' ' + slowDown;
}

QString clockAdvice(const Exchange &e)
{
    if (!e.token) {
        return Tr::tr("Compare the token's se with this computer's clock; if the clock is off, set "
                      "it right (clock skew).");
    }
    const QDateTime sent = e.attempts.isEmpty() ? e.started : e.attempts.last().started;
    const qint64 left = e.token->secondsLeft(sent);
    const QString expires = e.token->expiresAt().toString(Qt::ISODate);
    const QString clock = sent.toUTC().toString(Qt::ISODate);
    if (left > 0) {
        return Tr::tr(
                   "By this computer's clock the token was still valid for %1 s when it was sent "
                   "(se=%2, %3; clock %4), so the hub's clock is at least %1 s ahead of this "
                   "computer's (clock skew). Set this computer's clock right (automatic time).")
            .arg(left)
            .arg(e.token->expiry)
            .arg(expires, clock);
    }
    return Tr::tr("The token had already expired by this computer's clock when it was sent "
                  "(se=%1, %2; clock %3, %4 s later): sign tokens with a positive lifetime, and "
                  "check this computer's clock (clock skew).")
        .arg(e.token->expiry)
        .arg(expires, clock)
        .arg(-left);
}

} // namespace

QString describeCertificate(const QSslCertificate &c)
{
    if (c.isNull())
        return Tr::tr("(no certificate)");
    const QString subject = names(c, false);
    const QString issuer =
        c.issuerInfo(QSslCertificate::CommonName) == c.subjectInfo(QSslCertificate::CommonName)
            && c.issuerInfo(QSslCertificate::Organization)
                == c.subjectInfo(QSslCertificate::Organization)
        ? Tr::tr("issued by itself")
        : Tr::tr("issued by %1").arg(names(c, true));
    // The first 8 bytes are enough to compare with what the server prints.
    const QString fingerprint =
        QString::fromLatin1(c.digest(QCryptographicHash::Sha256).first(8).toHex(':').toUpper())
        + u"…"_s;
    return Tr::tr("\"%1\" (%2, SHA-256 %3, valid %4 to %5)")
        .arg(subject, issuer, fingerprint, c.effectiveDate().toUTC().date().toString(Qt::ISODate),
             c.expiryDate().toUTC().date().toString(Qt::ISODate));
}

QString operationDisplayName(const QString &operation)
{
    return operationDescription(operation);
}

QString describeTransportError(QNetworkReply::NetworkError error, const QString &qtMessage,
                               const QUrl &url, const QList<QSslError> &sslErrors,
                               AbortReason reason, int timeoutMs)
{
    const QString where = hostAndPort(url);
    if (reason == AbortReason::User)
        return Tr::tr("Cancelled: you stopped the request to %1 before it answered; the hub may "
                      "still have received it.")
            .arg(where);
    if (reason == AbortReason::Timeout)
        return Tr::tr(
                   "No response from %1 within %2 s (the transfer timeout), so the request was "
                   "abandoned; the hub may still have received it. Check the network and the hub, "
                   "then try again, or raise the timeout in the settings.")
            .arg(where)
            .arg(timeoutMs / 1000.0, 0, 'g', 3);
    switch (error) {
    case QNetworkReply::HostNotFoundError:
        return Tr::tr(
                   "The host name %1 could not be resolved (DNS), so nothing was sent to port %2. "
                   "Check the Endpoint in the connection string for typos "
                   "(sb://<namespace>.servicebus.windows.net/) and this computer's network and "
                   "DNS.")
            .arg(url.host())
            .arg(effectivePort(url));
    case QNetworkReply::ConnectionRefusedError:
        return Tr::tr("%1 refused the connection: nothing listens on port %2 of %3, so nothing was "
                      "sent. Check the port in the Endpoint; for the local emulator, start "
                      "nhemulator on that port.")
            .arg(where)
            .arg(effectivePort(url))
            .arg(url.host());
    case QNetworkReply::RemoteHostClosedError:
        return Tr::tr(
                   "%1 closed the connection before answering (connection reset); the hub may or "
                   "may not have received the request. Try again; if it repeats, a proxy, firewall "
                   "or TLS inspection is dropping the connection.")
            .arg(where);
    case QNetworkReply::SslHandshakeFailedError:
        return describeTls(where, url.host(), qtMessage, sslErrors);
    case QNetworkReply::TimeoutError:
        return Tr::tr(
                   "No response from %1 in time, so the request was abandoned; the hub may still "
                   "have received it. Try again, or raise the timeout in the settings.")
            .arg(where);
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::ProxyAuthenticationRequiredError:
    case QNetworkReply::UnknownProxyError:
        return Tr::tr(
                   "The proxy on the way to %1 failed: %2 Check the proxy settings (HTTPS_PROXY) "
                   "and credentials.")
            .arg(where, asSentence(qtMessage));
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
        return Tr::tr(
                   "The network was unavailable, so nothing reached %1. Reconnect and try again.")
            .arg(where);
    case QNetworkReply::ProtocolFailure:
        return Tr::tr("%1 did not answer in HTTP: %2 Something other than a hub may listen there; "
                      "check the host and port of the Endpoint.")
            .arg(where, asSentence(qtMessage));
    default:
        return Tr::tr(
                   "The request to %1 failed without an answer from the hub: %2 Check the network "
                   "and try again.")
            .arg(where, asSentence(qtMessage));
    }
}

QString describeHubError(const Exchange &e)
{
    const QString op = operationDisplayName(e.operation);
    const QString reason =
        e.reasonPhrase.isEmpty() ? QString() : u' ' + QString::fromLatin1(e.reasonPhrase);
    const QString head = Tr::tr("The hub answered %1%2 to %3").arg(e.status).arg(reason, op);

    QString text;
    QString says;
    if (e.hubError) {
        text = e.hubError->text;
        if (text.isEmpty())
            says = Tr::tr("It sent no details.");
        else if (e.hubError->trackingId.isEmpty())
            says = Tr::tr("The hub says: \"%1\".").arg(text);
        else
            says =
                Tr::tr("The hub says: \"%1\" (TrackingId %2).").arg(text, e.hubError->trackingId);
    } else if (e.responseBody.trimmed().isEmpty()) {
        says = Tr::tr("It sent no details.");
    } else {
        // Not the hub's <Error> body: a proxy's page or plain text; show its start.
        text = QString::fromUtf8(e.responseBody.left(200).simplified());
        says = Tr::tr("The body is not the hub's <Error> XML; it starts: \"%1\".").arg(text);
    }

    const QString rule = e.token ? e.token->keyName : Tr::tr("(unknown)");
    const QString host = hostAndPort(e.url);
    const QString id = entityId(e);
    const Explanation advice = explainHubError(e.status, text);
    HubErrorKind kind = classifyHubError(e.status, text);
    if (e.status == 403 && hasHeader(e.responseHeaders, "Retry-After"))
        kind = HubErrorKind::Throttled; // the older service's throttling (docs/protocol.md §3.5)

    // A 404 is about the hub or about the entity the operation names (docs/protocol.md §3.5).
    if (e.status == 404 && kind != HubErrorKind::HubNotFound) {
        if (e.operation.startsWith(u"installations."_s))
            kind = HubErrorKind::InstallationNotFound;
        else if (e.operation == operationName(Operation::RegistrationsGet)
                 || e.operation == operationName(Operation::RegistrationsPut)
                 || e.operation == operationName(Operation::RegistrationsDelete))
            kind = HubErrorKind::RegistrationNotFound; // only these name a registration
        else if (e.operation == operationName(Operation::TelemetryGet)
                 || e.operation == operationName(Operation::SchedulesCancel))
            kind = HubErrorKind::NotificationNotFound;
        else
            kind = HubErrorKind::NotFound;
    }

    QString what;
    QString next = advice.nextStep;
    switch (kind) {
    case HubErrorKind::InvalidSignature:
        what = Tr::tr("the signature of the SAS token of rule '%1' is not valid (InvalidSignature)")
                   .arg(rule);
        next =
            Tr::tr("The key in the connection string is not the current key of rule '%1', or the "
                   "namespace has no rule of that name: copy the connection string again from the "
                   "portal's Access Policies; keys change when they are regenerated.")
                .arg(rule);
        break;
    case HubErrorKind::ExpiredToken:
        what = Tr::tr("the SAS token of rule '%1' has expired (ExpiredToken)").arg(rule);
        next = clockAdvice(e);
        break;
    case HubErrorKind::InvalidAudience:
        what = Tr::tr("the SAS token of rule '%1' was signed for %2, which does not cover %3 "
                      "(InvalidAudience)")
                   .arg(rule, e.token ? e.token->resource : Tr::tr("another resource"),
                        e.url.toString(QUrl::RemoveQuery));
        next =
            Tr::tr("Sign the hub URL (https://<namespace>/<hub>) or the namespace root, using the "
                   "host, port and hub name of the request.");
        break;
    case HubErrorKind::ClaimRequired: {
        QString claim = requiredClaimFromDetail(text);
        if (claim.isEmpty())
            claim = requiredClaimForOperation(e.operation, e.url);
        what = Tr::tr("rule '%1' does not grant the %2 claim that %3 needs").arg(rule, claim, op);
        next =
            Tr::tr("Use a connection string whose rule grants %1 (DefaultFullSharedAccessSignature "
                   "grants Listen, Send and Manage; DefaultListenSharedAccessSignature only "
                   "Listen).")
                .arg(claim);
        break;
    }
    case HubErrorKind::MissingToken:
        what = Tr::tr("the request arrived without an Authorization header (MissingToken)");
        break;
    case HubErrorKind::MalformedToken:
        what =
            Tr::tr("the hub could not read the SAS token of rule '%1' (MalformedToken)").arg(rule);
        break;
    case HubErrorKind::Unauthorized:
        what = Tr::tr("the hub refused the SAS token of rule '%1'").arg(rule);
        next = Tr::tr("Check the key of rule '%1' and this computer's clock.").arg(rule);
        break;
    case HubErrorKind::Forbidden:
        what = Tr::tr("the request was refused (Forbidden)");
        next = Tr::tr("Either rule '%1' lacks the %2 right this operation needs (newer hubs answer "
                      "403 where older ones said \"claim is required\"), or the hub's pricing tier "
                      "lacks the feature (telemetry and scheduled sends need Standard). Check the "
                      "rule's claims and the hub's tier in the portal.")
                   .arg(rule, requiredClaimForOperation(e.operation, e.url));
        break;
    case HubErrorKind::HubNotFound:
        what = Tr::tr("there is no hub named '%1' in the namespace at %2").arg(e.hub, host);
        break;
    case HubErrorKind::RegistrationNotFound:
        what = Tr::tr("registration '%1' does not exist on hub '%2'").arg(id, e.hub);
        next = explainHubError(404, u"registration").nextStep;
        break;
    case HubErrorKind::InstallationNotFound:
        what = Tr::tr("installation '%1' does not exist on hub '%2'").arg(id, e.hub);
        next = explainHubError(404, u"Installation not found").nextStep;
        break;
    case HubErrorKind::NotificationNotFound:
        if (e.operation == operationName(Operation::SchedulesCancel)) {
            what = Tr::tr("hub '%1' has no scheduled notification '%2'").arg(e.hub, id);
            next = Tr::tr("It was already sent or cancelled, or the id is wrong.");
        } else {
            what = Tr::tr("hub '%1' has no telemetry for notification '%2'").arg(e.hub, id);
            next = Tr::tr("Telemetry exists only after the hub has processed the send, and only on "
                          "the Standard tier: read it again every 10 seconds or so, for up to 30 "
                          "minutes, with the id from the send's Location.");
        }
        break;
    case HubErrorKind::NotFound:
    case HubErrorKind::NoMessageBranch:
        what = Tr::tr("hub '%1' has nothing at %2").arg(e.hub, e.url.path());
        next = Tr::tr("Check the hub name and the id in the request.");
        break;
    case HubErrorKind::EtagMismatch: {
        const QString ifMatch = header(e.requestHeaders, "If-Match");
        if (ifMatch.isEmpty()) {
            // No precondition of ours failed, so there is no entity version to blame.
            what = Tr::tr("a precondition of %1 failed (Precondition Failed), although nhconsole "
                          "sent no If-Match")
                       .arg(op);
            next = Tr::tr("Something between nhconsole and the hub may add conditions to requests "
                          "(a proxy or gateway); send again, and check the proxy if it repeats.");
            break;
        }
        what = Tr::tr("registration '%1' does not match the If-Match ETag %2 (Precondition Failed)")
                   .arg(id, ifMatch.isEmpty() ? Tr::tr("(none sent)") : ifMatch);
        next =
            Tr::tr("It changed since it was read, or is gone: reload it to get its current ETag, "
                   "apply the change again and save, or use If-Match: * to overwrite it.");
        break;
    }
    case HubErrorKind::BodyTooLarge:
        if (e.requestBody.size() <= kMaxBodyBytes) {
            // The body is within the hub's limit: something else found the request too large.
            what = Tr::tr("the request was refused as too large, although its body of %1 bytes is "
                          "within the hub's limit of 64 KB (%2 bytes)")
                       .arg(e.requestBody.size())
                       .arg(kMaxBodyBytes);
            next = Tr::tr("A proxy or gateway in the way may have a lower limit, or the headers "
                          "(tags, template headers) are too large; check the proxy and shorten "
                          "the headers.");
            break;
        }
        what = Tr::tr("the request body of %1 bytes is over the hub's limit of 64 KB (%2 bytes)")
                   .arg(e.requestBody.size())
                   .arg(kMaxBodyBytes);
        break;
    case HubErrorKind::Throttled:
        what = e.status == 503 ? Tr::tr("the hub is unavailable or throttling requests")
                               : Tr::tr("the hub is throttling requests");
        next = throttleAdvice(e);
        break;
    case HubErrorKind::ServerError:
        what = Tr::tr("the hub failed on the service side");
        next = e.hubError && !e.hubError->trackingId.isEmpty()
            ? Tr::tr("This is usually transient: try again in a moment; if it persists, give Azure "
                     "support the TrackingId %1.")
                  .arg(e.hubError->trackingId)
            : Tr::tr("This is usually transient: try again in a moment.");
        break;
    case HubErrorKind::RegistrationIdUnusable:
        what = Tr::tr("the hub will not use registration id '%1' (Gone)").arg(id);
        break;
    case HubErrorKind::InvalidTag:
    case HubErrorKind::TagStartsWithDollar:
    case HubErrorKind::TagsTooLarge:
    case HubErrorKind::TooManyTags:
    case HubErrorKind::InvalidTagExpression:
    case HubErrorKind::MissingWnsType:
    case HubErrorKind::MissingHeader:
    case HubErrorKind::TemplateProperties:
    case HubErrorKind::BadRequest:
        what = Tr::tr("the hub refused the request as invalid (Bad Request)");
        break;
    case HubErrorKind::MethodNotAllowed:
    case HubErrorKind::Conflict:
    case HubErrorKind::Unknown:
        return head + u". "_s + advice.cause + u' ' + says + u' ' + next;
    }
    return head + u": "_s + what + u". "_s + says + u' ' + next;
}

QString describeBadResponse(const Exchange &e, const Error &parseError)
{
    const QString reason =
        e.reasonPhrase.isEmpty() ? QString() : u' ' + QString::fromLatin1(e.reasonPhrase);
    const QString type = header(e.responseHeaders, "Content-Type");
    QString s = Tr::tr("The hub answered %1%2 to %3, but the body is not readable as %4: %5")
                    .arg(e.status)
                    .arg(reason, operationDisplayName(e.operation), expectedBody(e.operation),
                         asSentence(parseError.message));
    if (e.responseBody.isEmpty())
        return s + u' ' + Tr::tr("The body is empty; send again to see whether it repeats.");
    s += u' '
        + trn("The %n raw byte(s) are kept in the exchange (Content-Type %1).",
              e.responseBody.size())
              .arg(type.isEmpty() ? Tr::tr("none") : type);
    if (type.startsWith(u"text/html"_s, Qt::CaseInsensitive))
        return s + u' '
            + Tr::tr("An HTML page comes from a proxy or gateway in front of the hub, not from the "
                     "hub: check the Endpoint and any proxy.");
    return s + u' '
        + Tr::tr("A cut connection or a proxy can mangle a response; send again to see whether it "
                 "repeats.");
}

} // namespace Nh
