// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Nh::explain*: every outcome string (docs/protocol.md §5.2), every hub error detail (§3.4, §12)
// and every exchange result maps to a cause and a next step.

#include "client/explainer.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Nh;

Q_DECLARE_METATYPE(Nh::HubErrorKind)
Q_DECLARE_METATYPE(Nh::AbortReason)

namespace {

const QString kSasDocs = u"https://learn.microsoft.com/rest/api/notificationhubs/common-concepts"_s;
const QString kTagDocs =
    u"https://learn.microsoft.com/azure/notification-hubs/notification-hubs-tags-segment-push-message"_s;
const QString kFcmDocs =
    u"https://learn.microsoft.com/azure/notification-hubs/notification-hubs-gcm-to-fcm"_s;
const QString kTemplateDocs = u"https://learn.microsoft.com/azure/notification-hubs/"
                              u"notification-hubs-templates-cross-platform-push-messages"_s;
const QString kFixerDocs =
    u"https://learn.microsoft.com/azure/notification-hubs/notification-hubs-push-notification-fixer"_s;

/** -1 in a data row means "no platform". */
std::optional<Platform> platformOf(int p)
{
    return p < 0 ? std::nullopt : std::optional<Platform>(Platform(p));
}

QString describe(const Explanation &x)
{
    return u"cause: "_s + x.cause + u"\nnext: "_s + x.nextStep + u"\ndocs: "_s + x.docsHint;
}

} // namespace

class TestExplainer final : public QObject
{
    Q_OBJECT

private slots:
    void classifyHubError_data();
    void classifyHubError();
    void explainHubError_data();
    void explainHubError();
    void requiredClaimFromDetail_data();
    void requiredClaimFromDetail();
    void requiredClaimForOperation_data();
    void requiredClaimForOperation();
    void explainOutcome_data();
    void explainOutcome();
    void explainTransportError_data();
    void explainTransportError();
    void explainExchange_data();
    void explainExchange();
    void explainPendingIsEmpty();
    void noSentenceIsSaidTwice_data();
    void noSentenceIsSaidTwice();
};

void TestExplainer::classifyHubError_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("detail");
    QTest::addColumn<HubErrorKind>("kind");

    // Real service details (docs/protocol.md §3.4, §12), with their TrackingId suffix where seen.
    QTest::newRow("invalid tag chars")
        << 400
        << u"An invalid tag(s) '' was supplied. Valid tag characters are alphanumeric, _, @, -, "
           "., : and #.TrackingId:cc8c4f9b-fd82-4cfa-8f99-7a089eb4cd69_G3,TimeStamp:11/7/2018 "
           "12:18:37 AM"_s
        << HubErrorKind::InvalidTag;
    QTest::newRow("X-WNS-Type missing")
        << 400 << u"The mandatory HTTP header 'X-WNS-Type' is missing."_s
        << HubErrorKind::MissingWnsType;
    QTest::newRow("tags start with $")
        << 400 << u"Tags can not start with $."_s << HubErrorKind::TagStartsWithDollar;
    QTest::newRow("8000-byte tag cap")
        << 400
        << u"Registration Tags serialized size is more than maximum supported value. Actual "
           "Size: '8123' and Max Allowed Size: '8000'"_s
        << HubErrorKind::TagsTooLarge;
    QTest::newRow("InvalidSignature")
        << 401 << u"InvalidSignature: The token has an invalid signature."_s
        << HubErrorKind::InvalidSignature;
    QTest::newRow("40103") << 401 << u"40103: Invalid authorization token signature"_s
                           << HubErrorKind::InvalidSignature;
    QTest::newRow("ExpiredToken") << 401 << u"ExpiredToken: ."_s << HubErrorKind::ExpiredToken;
    QTest::newRow("InvalidAudience")
        << 401 << u"InvalidAudience: The token audience 'x' does not grant access to 'y'."_s
        << HubErrorKind::InvalidAudience;
    QTest::newRow("MissingToken") << 401
                                  << u"MissingToken: The request has no Authorization header."_s
                                  << HubErrorKind::MissingToken;
    QTest::newRow("MalformedToken")
        << 401 << u"MalformedToken: the token has no 'se' field"_s << HubErrorKind::MalformedToken;
    QTest::newRow("Manage claim (401)")
        << 401 << u"Manage claim is required for this operation."_s << HubErrorKind::ClaimRequired;
    QTest::newRow("Send claim (403)")
        << 403 << u"Send claim is required for this operation."_s << HubErrorKind::ClaimRequired;
    QTest::newRow("Listen claim, lower case")
        << 401 << u"listen claim is required for this operation"_s << HubErrorKind::ClaimRequired;
    QTest::newRow("bare 401") << 401 << QString() << HubErrorKind::Unauthorized;
    QTest::newRow("bare 403 (2022 recording)") << 403 << QString() << HubErrorKind::Forbidden;
    QTest::newRow("hub not found")
        << 404
        << u"The messaging entity 'sb://contoso.servicebus.windows.net/nohub' could not "
           "be found."_s
        << HubErrorKind::HubNotFound;
    QTest::newRow("installation not found")
        << 404
        << u"Installation not found.TrackingId:cc8c4f9b-fd82-4cfa-8f99-7a089eb4cd69_G3,"
           "TimeStamp:11/7/2018 12:18:37 AM"_s
        << HubErrorKind::InstallationNotFound;
    QTest::newRow("registration not found") << 404 << u"The registration '1-2-3' was not found."_s
                                            << HubErrorKind::RegistrationNotFound;
    QTest::newRow("notification not found")
        << 404 << u"The notification 'abc' was not found."_s << HubErrorKind::NotificationNotFound;
    QTest::newRow("no message branch") << 404 << u"No message branch at the URI '/myHub/nothing'."_s
                                       << HubErrorKind::NoMessageBranch;
    QTest::newRow("bare 404") << 404 << QString() << HubErrorKind::NotFound;
    QTest::newRow("template properties")
        << 400 << u"The template properties are invalid: the value of 'n' is not a string"_s
        << HubErrorKind::TemplateProperties;
    QTest::newRow("tag expression")
        << 400 << u"The tag expression 'a &&' is invalid: expected a tag at position 5"_s
        << HubErrorKind::InvalidTagExpression;
    QTest::newRow("format header missing")
        << 400 << u"The mandatory HTTP header 'ServiceBusNotification-Format' is missing."_s
        << HubErrorKind::MissingHeader;
    QTest::newRow("61 tags") << 400
                             << u"A registration can have at most 60 tags; this one has 61."_s
                             << HubErrorKind::TooManyTags;
    QTest::newRow("bare 400") << 400 << u"Something odd."_s << HubErrorKind::BadRequest;
    QTest::newRow("64 KB (413)")
        << 413 << u"The request body is 70000 bytes; the maximum is 65536 bytes (64 KB)."_s
        << HubErrorKind::BodyTooLarge;
    QTest::newRow("bare 413") << 413 << QString() << HubErrorKind::BodyTooLarge;
    QTest::newRow("429") << 429 << QString() << HubErrorKind::Throttled;
    QTest::newRow("503") << 503 << QString() << HubErrorKind::Throttled;
    QTest::newRow("403 quota (older service)")
        << 403 << u"The request was throttled: quota exceeded."_s << HubErrorKind::Throttled;
    QTest::newRow("412") << 412 << u"The ETag in If-Match (1) does not match."_s
                         << HubErrorKind::EtagMismatch;
    QTest::newRow("410") << 410 << QString() << HubErrorKind::RegistrationIdUnusable;
    QTest::newRow("409") << 409 << QString() << HubErrorKind::Conflict;
    QTest::newRow("405") << 405 << QString() << HubErrorKind::MethodNotAllowed;
    QTest::newRow("500") << 500 << u"An internal error occurred."_s << HubErrorKind::ServerError;
    QTest::newRow("504") << 504 << QString() << HubErrorKind::ServerError;
    QTest::newRow("418") << 418 << QString() << HubErrorKind::Unknown;
}

void TestExplainer::classifyHubError()
{
    QFETCH(int, status);
    QFETCH(QString, detail);
    QFETCH(HubErrorKind, kind);
    QCOMPARE(Nh::classifyHubError(status, detail), kind);
}

void TestExplainer::explainHubError_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("detail");
    QTest::addColumn<QString>("inCause");
    QTest::addColumn<QString>("inNext");
    QTest::addColumn<QString>("docs");

    const QString regDocs =
        u"https://learn.microsoft.com/azure/notification-hubs/notification-hubs-push-notification-registration-management"_s;
    QTest::newRow("invalid tag chars") << 400 << u"An invalid tag(s) 'a b' was supplied."_s
                                       << u"_ @ # . : -"_s << u"$InstallationId:{id}"_s << kTagDocs;
    QTest::newRow("X-WNS-Type missing")
        << 400 << u"The mandatory HTTP header 'X-WNS-Type' is missing."_s << u"X-WNS-Type"_s
        << u"wns/toast, wns/tile, wns/badge or wns/raw"_s
        << u"https://learn.microsoft.com/rest/api/notificationhubs/send-wns-native-notification"_s;
    QTest::newRow("tags start with $") << 400 << u"Tags can not start with $."_s
                                       << u"$InstallationId:{…}"_s << u"Remove the $"_s << kTagDocs;
    QTest::newRow("8000-byte tag cap")
        << 400 << u"Registration Tags serialized size is more than maximum supported value."_s
        << u"8000-byte"_s << u"fewer or shorter tags"_s << kTagDocs;
    QTest::newRow("too many tags") << 400 << u"A registration can have at most 60 tags."_s
                                   << u"60 per registration"_s << u"fewer tags"_s << kTagDocs;
    QTest::newRow("tag expression") << 400 << u"The tag expression 'a &&' is invalid"_s
                                    << u"tag expression"_s << u"at most 20 tags"_s << kTagDocs;
    QTest::newRow("InvalidSignature")
        << 401 << u"InvalidSignature: The token has an invalid signature."_s
        << u"not the current key"_s << u"SharedAccessKey belongs to SharedAccessKeyName"_s
        << kSasDocs;
    QTest::newRow("ExpiredToken") << 401 << u"ExpiredToken: ."_s << u"clock skew"_s
                                  << u"Compare the token's se with this computer's clock"_s
                                  << kSasDocs;
    QTest::newRow("InvalidAudience")
        << 401 << u"InvalidAudience: no"_s << u"does not cover this request"_s
        << u"https://<namespace>/<hub>"_s << kSasDocs;
    QTest::newRow("MissingToken") << 401 << u"MissingToken: none"_s
                                  << u"without an Authorization header"_s
                                  << u"SharedAccessKeyName and SharedAccessKey"_s << kSasDocs;
    QTest::newRow("MalformedToken") << 401 << u"MalformedToken: x"_s << u"could not read"_s
                                    << u"sr, sig, se and skn"_s << kSasDocs;
    const QString securityDocs =
        u"https://learn.microsoft.com/azure/notification-hubs/notification-hubs-push-notification-security"_s;
    QTest::newRow("Manage claim required")
        << 401 << u"Manage claim is required for this operation."_s << u"the Manage claim"_s
        << u"whose rule grants Manage"_s << securityDocs;
    QTest::newRow("Send claim required")
        << 401 << u"Send claim is required for this operation."_s << u"the Send claim"_s
        << u"whose rule grants Send"_s << securityDocs;
    QTest::newRow("Listen claim required")
        << 401 << u"Listen claim is required for this operation."_s << u"the Listen claim"_s
        << u"whose rule grants Listen"_s << securityDocs;
    QTest::newRow("bare 401") << 401 << QString() << u"refused the token"_s << u"clock"_s
                              << kSasDocs;
    QTest::newRow("403") << 403 << QString() << u"pricing tier"_s << u"Listen, Send, Manage"_s
                         << securityDocs;
    QTest::newRow("hub not found")
        << 404 << u"The messaging entity 'sb://x/y' could not be found."_s << u"no hub"_s
        << u"not the namespace's"_s << kSasDocs;
    QTest::newRow("installation not found")
        << 404 << u"Installation not found."_s << u"asynchronously"_s << u"Retry in a few seconds"_s
        << u"https://learn.microsoft.com/rest/api/notificationhubs/create-overwrite-installation"_s;
    QTest::newRow("registration not found")
        << 404 << u"The registration '1-2-3' was not found."_s << u"rejected its handle"_s
        << u"List the registrations"_s << regDocs;
    QTest::newRow("notification not found")
        << 404 << u"The notification 'n' was not found."_s << u"Standard tier"_s << u"30 minutes"_s
        << u"https://learn.microsoft.com/rest/api/notificationhubs/get-notification-message-telemetry"_s;
    QTest::newRow("bare 404") << 404 << QString() << u"nothing at this address"_s << u"hub name"_s
                              << regDocs;
    QTest::newRow("template properties")
        << 400 << u"The template properties are invalid: 'n' is not a string"_s
        << u"values are all strings"_s << u"\"5\", not 5"_s
        << u"https://learn.microsoft.com/azure/notification-hubs/notification-hubs-templates-cross-platform-push-messages"_s;
    QTest::newRow("missing header")
        << 400 << u"The mandatory HTTP header 'ServiceBusNotification-DeviceHandle' is missing"_s
        << u"header the hub requires"_s << u"-DeviceHandle for direct sends"_s << kSasDocs;
    QTest::newRow("bare 400") << 400 << u"Odd."_s << u"malformed"_s << u"detail"_s << kSasDocs;
    const QString faqDocs =
        u"https://learn.microsoft.com/azure/notification-hubs/notification-hubs-push-notification-faq"_s;
    QTest::newRow("64 KB") << 413 << QString() << u"64 KB"_s << u"APNs 4 KB"_s << faqDocs;
    QTest::newRow("throttling 429")
        << 429 << QString() << u"10 a minute"_s << u"Retry-After"_s << faqDocs;
    QTest::newRow("throttling 503")
        << 503 << QString() << u"throttling"_s << u"Retry-After"_s << faqDocs;
    QTest::newRow("412") << 412 << QString() << u"If-Match"_s << u"Reload the registration"_s
                         << regDocs;
    QTest::newRow("410") << 410 << QString() << u"410 Gone"_s << u"Create registration ID"_s
                         << regDocs;
    QTest::newRow("409") << 409 << QString() << u"too fast"_s << u"in parallel"_s << regDocs;
    QTest::newRow("405") << 405 << QString() << u"does not allow this method"_s << u"allowed"_s
                         << regDocs;
    QTest::newRow("500") << 500 << QString() << u"service side (500)"_s << u"TrackingId"_s
                         << faqDocs;
    QTest::newRow("unknown 418") << 418 << QString() << u"answered 418"_s << u"detail"_s << faqDocs;
}

void TestExplainer::explainHubError()
{
    QFETCH(int, status);
    QFETCH(QString, detail);
    QFETCH(QString, inCause);
    QFETCH(QString, inNext);
    QFETCH(QString, docs);
    const Explanation x = Nh::explainHubError(status, detail);
    QVERIFY2(x.cause.contains(inCause), qPrintable(describe(x)));
    QVERIFY2(x.nextStep.contains(inNext), qPrintable(describe(x)));
    QCOMPARE(x.docsHint, docs);
}

void TestExplainer::requiredClaimFromDetail_data()
{
    QTest::addColumn<QString>("detail");
    QTest::addColumn<QString>("claim");
    QTest::newRow("Manage") << u"Manage claim is required for this operation."_s << u"Manage"_s;
    QTest::newRow("Send, lower case") << u"send claim is required"_s << u"Send"_s;
    QTest::newRow("Listen in a sentence")
        << u"Listen claim is required for this operation. The rule 'r' does not grant it."_s
        << u"Listen"_s;
    QTest::newRow("no claim") << u"InvalidSignature: The token has an invalid signature."_s
                              << QString();
    QTest::newRow("unknown claim") << u"Admin claim is required"_s << QString();
    QTest::newRow("empty") << QString() << QString();
}

void TestExplainer::requiredClaimFromDetail()
{
    QFETCH(QString, detail);
    QFETCH(QString, claim);
    QCOMPARE(Nh::requiredClaimFromDetail(detail), claim);
}

void TestExplainer::requiredClaimForOperation_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("claim");
    const QString base = u"https://h/myHub/"_s;
    QTest::newRow("send") << u"send"_s << QString() << u"Send"_s;
    QTest::newRow("send.test") << u"send.test"_s << QString() << u"Send"_s;
    QTest::newRow("send.batch") << u"send.batch"_s << QString() << u"Send"_s;
    QTest::newRow("schedules.cancel") << u"schedules.cancel"_s << QString() << u"Send"_s;
    QTest::newRow("telemetry") << u"telemetry.get"_s << QString() << u"Send"_s;
    QTest::newRow("feedback") << u"feedback.get"_s << QString() << u"Send"_s;
    QTest::newRow("list all") << u"registrations.list"_s
                              << base + u"registrations?api-version=2020-06&$top=10"_s
                              << u"Manage"_s;
    QTest::newRow("list by channel")
        << u"registrations.list"_s
        << base + u"registrations?api-version=2020-06&%24filter=DeviceToken%20eq%20'AB'"_s
        << u"Listen"_s;
    QTest::newRow("list by tag") << u"registrations.bytag"_s << QString() << u"Manage"_s;
    QTest::newRow("registration get") << u"registrations.get"_s << QString() << u"Listen"_s;
    QTest::newRow("registration id") << u"registrationids.create"_s << QString() << u"Listen"_s;
    QTest::newRow("installation put") << u"installations.put"_s << QString() << u"Listen"_s;
}

void TestExplainer::requiredClaimForOperation()
{
    QFETCH(QString, operation);
    QFETCH(QString, url);
    QFETCH(QString, claim);
    QCOMPARE(Nh::requiredClaimForOperation(operation, QUrl(url)), claim);
}

void TestExplainer::explainOutcome_data()
{
    QTest::addColumn<QString>("outcome");
    QTest::addColumn<int>("platform");
    QTest::addColumn<QString>("inCause");
    QTest::addColumn<QString>("inNext");

    const int none = -1;
    const int apple = int(Platform::Apple);
    const int fcmv1 = int(Platform::FcmV1);
    const int gcm = int(Platform::Gcm);
    const int wns = int(Platform::Windows);
    const int adm = int(Platform::Adm);
    const QString success =
        u"The Notification was successfully sent to the Push Notification System"_s;
    const QString invalid =
        u"The Push Notification System handle for the registration is invalid"_s;
    const QString expired =
        u"The Push Notification System handle for the registration is no longer valid"_s;
    const QString wrong = u"The Token obtained from the Token Provider is wrong"_s;
    const QString invalidToken = u"The Token obtained from the Token Provider is invalid"_s;
    const QString payload = u"The Notification payload is invalid"_s;

    QTest::newRow("success") << success << none << u"handed the notification"_s
                             << u"may show notifications"_s;
    QTest::newRow("success, lower case, period")
        << success.toLower() + u'.' << apple << u"handed the notification"_s
        << u"belongs to this app"_s;
    QTest::newRow("invalid handle, apple")
        << invalid << apple << u"refused this registration's"_s << u"sandbox APNs credential"_s;
    QTest::newRow("invalid handle, fcmv1")
        << invalid << fcmv1 << u"hub deletes"_s << u"Firebase project"_s;
    QTest::newRow("invalid handle, none") << invalid << none << u"invalid"_s << u"fresh handle"_s;
    QTest::newRow("expired handle, apple")
        << expired << apple << u"no longer valid"_s << u"fresh device token"_s;
    QTest::newRow("expired handle, wns") << expired << wns << u"uninstalled"_s << u"channel URI"_s;
    QTest::newRow("wrong token, apple")
        << wrong << apple << u"credentials"_s << u"Apple (APNs) settings"_s;
    QTest::newRow("invalid token, fcmv1")
        << invalidToken << fcmv1 << u"credentials"_s << u"FCM v1"_s;
    QTest::newRow("wrong token, gcm") << wrong << gcm << u"credentials"_s << u"2024-06-20"_s;
    QTest::newRow("wrong token, wns") << wrong << wns << u"credentials"_s << u"package SID"_s;
    QTest::newRow("wrong token, adm")
        << wrong << adm << u"credentials"_s << u"this platform's credentials"_s;
    QTest::newRow("payload, apple") << payload << apple << u"refused the payload"_s << u"\"aps\""_s;
    QTest::newRow("payload, fcmv1")
        << payload << fcmv1 << u"refused the payload"_s << u"{\"message\":{…}}"_s;
    QTest::newRow("payload, wns") << payload << wns << u"refused the payload"_s << u"X-WNS-Type"_s;
    QTest::newRow("payload, none")
        << payload << none << u"too large"_s << u"composer's validation"_s;
    QTest::newRow("unknown text") << u"Something new happened"_s << none
                                  << u"\"Something new happened\""_s << u"Send again"_s;
    QTest::newRow("empty text") << QString() << none << u"without an outcome text"_s
                                << u"Send again"_s;
}

void TestExplainer::explainOutcome()
{
    QFETCH(QString, outcome);
    QFETCH(int, platform);
    QFETCH(QString, inCause);
    QFETCH(QString, inNext);
    const Explanation x = Nh::explainOutcome(outcome, platformOf(platform));
    QVERIFY2(x.cause.contains(inCause), qPrintable(describe(x)));
    QVERIFY2(x.nextStep.contains(inNext), qPrintable(describe(x)));
    QVERIFY2(!x.docsHint.isEmpty(), qPrintable(describe(x)));
}

void TestExplainer::explainTransportError_data()
{
    QTest::addColumn<QNetworkReply::NetworkError>("error");
    QTest::addColumn<AbortReason>("reason");
    QTest::addColumn<QString>("inCause");
    QTest::addColumn<QString>("inNext");

    QTest::newRow("cancel wins over the error")
        << QNetworkReply::OperationCanceledError << AbortReason::User << u"You cancelled"_s
        << u"Send it again"_s;
    QTest::newRow("timeout wins over the error")
        << QNetworkReply::OperationCanceledError << AbortReason::Timeout << u"transfer timeout"_s
        << u"raise the timeout"_s;
    QTest::newRow("DNS") << QNetworkReply::HostNotFoundError << AbortReason::None << u"DNS"_s
                         << u"Endpoint"_s;
    QTest::newRow("refused") << QNetworkReply::ConnectionRefusedError << AbortReason::None
                             << u"Nothing accepts connections"_s << u"nhemulator"_s;
    QTest::newRow("reset") << QNetworkReply::RemoteHostClosedError << AbortReason::None
                           << u"closed the connection"_s << u"firewall"_s;
    QTest::newRow("TLS") << QNetworkReply::SslHandshakeFailedError << AbortReason::None
                         << u"certificate"_s << u"Never turn certificate checks off"_s;
    QTest::newRow("proxy") << QNetworkReply::ProxyConnectionRefusedError << AbortReason::None
                           << u"proxy"_s << u"HTTPS_PROXY"_s;
    QTest::newRow("network down") << QNetworkReply::TemporaryNetworkFailureError
                                  << AbortReason::None << u"network was unavailable"_s
                                  << u"Reconnect"_s;
    QTest::newRow("not HTTP") << QNetworkReply::ProtocolFailure << AbortReason::None
                              << u"did not answer in HTTP"_s << u"host and port"_s;
    QTest::newRow("other") << QNetworkReply::UnknownNetworkError << AbortReason::None
                           << u"below HTTP"_s << u"network"_s;
}

void TestExplainer::explainTransportError()
{
    QFETCH(QNetworkReply::NetworkError, error);
    QFETCH(AbortReason, reason);
    QFETCH(QString, inCause);
    QFETCH(QString, inNext);
    const Explanation x = Nh::explainTransportError(error, reason);
    QVERIFY2(x.cause.contains(inCause), qPrintable(describe(x)));
    QVERIFY2(x.nextStep.contains(inNext), qPrintable(describe(x)));
}

void TestExplainer::explainExchange_data()
{
    QTest::addColumn<Exchange>("exchange");
    QTest::addColumn<QString>("inCause");
    QTest::addColumn<QString>("inNext");
    QTest::addColumn<QString>("docs");

    const auto send = [](ExchangeResult result, const QString &operation) {
        Exchange e;
        e.operation = operation;
        e.result = result;
        e.status = 201;
        e.requestHeaders = {{"Authorization", "SharedAccessSignature sig=[redacted]"},
                            {"ServiceBusNotification-Format", "apple"}};
        return e;
    };

    {
        Exchange e = send(ExchangeResult::NoTargets, u"send.test"_s);
        e.requestHeaders.append({"ServiceBusNotification-Tags"_ba, "sports && !muted"_ba});
        e.outcome = NotificationOutcome {};
        QTest::newRow("no targets, tag expression")
            << e
            << u"reached no registration of this format: \"sports && !muted\" matched no "
               "apple registration"_s
            << u"reach preview or list registrations by tag"_s << kTagDocs;
    }
    {
        Exchange e = send(ExchangeResult::NoTargets, u"send.test"_s);
        e.requestHeaders[1].second = "template";
        e.outcome = NotificationOutcome {};
        QTest::newRow("no targets, template broadcast")
            << e << u"broadcast reached no registration: the hub has no template registration"_s
            << u"template sends reach only template registrations"_s << kTagDocs;
    }
    {
        Exchange e = send(ExchangeResult::Success, u"send.test"_s);
        NotificationOutcome o;
        o.success = 1;
        o.failure = 1;
        o.results = {{u"apple"_s, u"AB"_s, u"1-2-3"_s,
                      u"The Notification was successfully sent to the Push Notification System"_s},
                     {u"apple"_s, u"CD"_s, u"4-5-6"_s,
                      u"The Token obtained from the Token Provider is wrong"_s}};
        e.outcome = o;
        QTest::newRow("test send with a failing result")
            << e << u"1 registration(s) failed and 1 succeeded"_s << u"Apple (APNs) settings"_s
            << u"https://learn.microsoft.com/azure/notification-hubs/push-notification-updates-ios-13"_s;
    }
    {
        // A template send: the refused payload is what a registration's template rendered.
        for (const QByteArray &format : {"fcmv1"_ba, "template"_ba}) {
            Exchange e = send(ExchangeResult::Success, u"send.test"_s);
            e.requestHeaders[1].second = format;
            NotificationOutcome o;
            o.success = 0;
            o.failure = 1;
            o.results = {{u"fcmv1"_s, u"a"_s, u"1"_s, u"The Notification payload is invalid"_s}};
            e.outcome = o;
            if (format == "template")
                QTest::newRow("template send, a rendered payload refused")
                    << e << u"a registration's template rendered into"_s
                    << u"fix its template (nhcli templates lint"_s << kTemplateDocs;
            else
                QTest::newRow("native send, the payload refused")
                    << e << u"refused the payload: it is not what this platform accepts"_s
                    << u"Wrap the payload"_s << kFcmDocs;
        }
    }
    {
        Exchange e = send(ExchangeResult::Success, u"send.test"_s);
        NotificationOutcome o;
        o.success = 2;
        o.results = {{u"fcmv1"_s, u"a"_s, u"1"_s,
                      u"The Notification was successfully sent to the Push Notification System"_s}};
        e.outcome = o;
        QTest::newRow("test send, all succeeded")
            << e << u"for 2 registration(s)"_s << u"may show notifications"_s << kFixerDocs;
    }
    {
        Exchange e = send(ExchangeResult::Success, u"send"_s);
        e.notificationId = u"abc-20260101-1-2"_s;
        QTest::newRow("send with Location")
            << e << u"queued"_s << u"telemetry of notification abc-20260101-1-2"_s << kFixerDocs;
    }
    {
        Exchange e = send(ExchangeResult::Success, u"send.direct"_s);
        QTest::newRow("send without Location (Free/Basic)")
            << e << u"Free and Basic tiers"_s << u"test send"_s << kFixerDocs;
    }
    {
        Exchange e = send(ExchangeResult::Success, u"send.scheduled"_s);
        e.notificationId = u"s1"_s;
        QTest::newRow("scheduled send") << e << u"schedule time"_s << u"telemetry"_s << kFixerDocs;
    }
    {
        Exchange e;
        e.operation = u"registrations.get"_s;
        e.result = ExchangeResult::Success;
        e.status = 200;
        QTest::newRow("plain success") << e << u"answered 200"_s << QString() << QString();
    }
    {
        Exchange e;
        e.operation = u"telemetry.get"_s;
        e.result = ExchangeResult::Success;
        e.status = 200;
        NotificationDetails d;
        d.state = NotificationState::Completed;
        d.stateText = u"Completed"_s;
        d.outcomeCounts = {{u"Apns"_s, {{u"Success"_s, 3}, {u"WrongToken"_s, 1}}}};
        e.details = d;
        QTest::newRow("telemetry with a failure")
            << e << u"1 of 4 deliveries failed"_s << u"fresh device token"_s << kFixerDocs;
    }
    {
        Exchange e;
        e.operation = u"telemetry.get"_s;
        e.result = ExchangeResult::Success;
        e.status = 200;
        NotificationDetails d;
        d.state = NotificationState::Enqueued;
        d.stateText = u"Enqueued"_s;
        e.details = d;
        QTest::newRow("telemetry enqueued")
            << e << u"not finished processing"_s << u"about 10 seconds"_s
            << u"https://learn.microsoft.com/rest/api/notificationhubs/get-notification-message-telemetry"_s;
    }
    {
        Exchange e;
        e.operation = u"telemetry.get"_s;
        e.result = ExchangeResult::Success;
        e.status = 200;
        NotificationDetails d;
        d.state = NotificationState::NoTargetFound;
        d.tags = u"sports"_s;
        e.details = d;
        QTest::newRow("telemetry no target")
            << e << u"\"sports\" matched no registration"_s << u"reach preview"_s << kTagDocs;
    }
    {
        Exchange e;
        e.operation = u"registrations.get"_s;
        e.result = ExchangeResult::HubError;
        e.status = 404;
        QTest::newRow("bare 404 on a registration")
            << e << u"registration does not exist"_s << u"List the registrations"_s
            << u"https://learn.microsoft.com/azure/notification-hubs/notification-hubs-push-notification-registration-management"_s;
    }
    {
        Exchange e;
        e.operation = u"installations.get"_s;
        e.result = ExchangeResult::HubError;
        e.status = 404;
        e.hubError = errorBodyFromDetail(404, u"Installation not found.TrackingId:x_G1"_s);
        QTest::newRow("installation 404")
            << e << u"asynchronously"_s << u"Retry in a few seconds"_s
            << u"https://learn.microsoft.com/rest/api/notificationhubs/create-overwrite-installation"_s;
    }
    {
        Exchange e;
        e.operation = u"telemetry.get"_s;
        e.result = ExchangeResult::HubError;
        e.status = 404;
        QTest::newRow("bare 404 on telemetry")
            << e << u"Standard tier"_s << u"30 minutes"_s
            << u"https://learn.microsoft.com/rest/api/notificationhubs/get-notification-message-telemetry"_s;
    }
    {
        Exchange e;
        e.operation = u"send.test"_s;
        e.result = ExchangeResult::HubError;
        e.status = 403;
        e.responseHeaders = {{"Retry-After", "7"}};
        QTest::newRow("403 with Retry-After is throttling")
            << e << u"throttling"_s << u"Retry-After"_s
            << u"https://learn.microsoft.com/azure/notification-hubs/notification-hubs-push-notification-faq"_s;
    }
    {
        Exchange e;
        e.operation = u"send"_s;
        e.result = ExchangeResult::HubError;
        e.status = 401;
        e.hubError = errorBodyFromDetail(401, u"ExpiredToken: .TrackingId:t_G2"_s);
        QTest::newRow("hub error detail") << e << u"clock skew"_s << u"se"_s << kSasDocs;
    }
    {
        Exchange e;
        e.operation = u"send"_s;
        e.result = ExchangeResult::HubError;
        e.status = 400;
        e.responseBody = "The mandatory HTTP header 'X-WNS-Type' is missing.";
        QTest::newRow("hub error as plain text")
            << e << u"X-WNS-Type"_s << u"wns/raw"_s
            << u"https://learn.microsoft.com/rest/api/notificationhubs/send-wns-native-notification"_s;
    }
    {
        Exchange e;
        e.operation = u"send.test"_s;
        e.result = ExchangeResult::BadResponse;
        e.status = 201;
        e.responseHeaders = {{"Content-Type", "text/html; charset=utf-8"}};
        e.responseBody = "<!DOCTYPE html><html></html>";
        e.error = makeError(ErrorCode::UnexpectedRoot, u"The root is html at line 1"_s);
        QTest::newRow("bad response, HTML")
            << e << u"line 1"_s << u"proxy or gateway"_s << kFixerDocs;
    }
    {
        Exchange e;
        e.operation = u"send.test"_s;
        e.result = ExchangeResult::BadResponse;
        e.status = 201;
        e.error = makeError(ErrorCode::Empty, u"The body is empty"_s);
        QTest::newRow("bad response, empty")
            << e << u"body is empty"_s << u"was empty"_s << kFixerDocs;
    }
    {
        Exchange e;
        e.operation = u"send.test"_s;
        e.result = ExchangeResult::BadResponse;
        e.status = 201;
        e.responseBody = "<Notif\x01";
        e.error = makeError(ErrorCode::Syntax, u"Garbage at line 1, column 7"_s);
        QTest::newRow("bad response, garbage")
            << e << u"column 7"_s << u"raw bytes"_s << kFixerDocs;
    }
    {
        Exchange e;
        e.operation = u"send"_s;
        e.result = ExchangeResult::Invalid;
        e.error = makeError(ErrorCode::Syntax, u"Unexpected ')' at position 14"_s, 13, 1);
        QTest::newRow("invalid, not sent")
            << e << u"position 14"_s << u"marked part"_s << QString();
    }
    {
        Exchange e;
        e.result = ExchangeResult::TransportError;
        e.networkError = QNetworkReply::HostNotFoundError;
        QTest::newRow("transport, DNS") << e << u"DNS"_s << u"Endpoint"_s << kSasDocs;
    }
    {
        Exchange e;
        e.result = ExchangeResult::Timeout;
        e.abortReason = AbortReason::Timeout;
        e.networkError = QNetworkReply::OperationCanceledError;
        QTest::newRow("timeout") << e << u"transfer timeout"_s << u"raise the timeout"_s
                                 << QString();
    }
    {
        Exchange e;
        e.result = ExchangeResult::Cancelled;
        e.abortReason = AbortReason::User;
        e.networkError = QNetworkReply::OperationCanceledError;
        QTest::newRow("cancelled") << e << u"You cancelled"_s << u"Send it again"_s << QString();
    }
}

void TestExplainer::explainExchange()
{
    QFETCH(Exchange, exchange);
    QFETCH(QString, inCause);
    QFETCH(QString, inNext);
    QFETCH(QString, docs);
    const Explanation x = explain(exchange);
    QVERIFY2(x.cause.contains(inCause), qPrintable(describe(x)));
    if (inNext.isEmpty())
        QVERIFY2(x.nextStep.isEmpty(), qPrintable(describe(x)));
    else
        QVERIFY2(x.nextStep.contains(inNext), qPrintable(describe(x)));
    QCOMPARE(x.docsHint, docs);
}

void TestExplainer::explainPendingIsEmpty()
{
    Exchange e;
    QVERIFY(explain(e).isEmpty());
    QVERIFY(explain(e).docsHint.isEmpty());
}

void TestExplainer::noSentenceIsSaidTwice_data()
{
    QTest::addColumn<Exchange>("exchange");
    const RegistrationResult ok {
        u"apple"_s, u"AB"_s, u"1-2-3"_s,
        u"The Notification was successfully sent to the Push Notification System"_s};
    for (const int count : {1, 2, 3}) {
        Exchange e;
        e.operation = u"send.test"_s;
        e.result = ExchangeResult::Success;
        e.status = 201;
        NotificationOutcome o;
        o.success = count;
        o.results = QList<RegistrationResult>(count, ok);
        e.outcome = o;
        QTest::addRow("test send, %d succeeded", count) << e;
    }
    Exchange failed;
    failed.operation = u"send.test"_s;
    failed.result = ExchangeResult::Success;
    failed.status = 201;
    NotificationOutcome o;
    o.success = 1;
    o.failure = 1;
    o.results = {ok,
                 {u"apple"_s, u"CD"_s, u"4-5-6"_s,
                  u"The Push Notification System handle for the registration is invalid"_s}};
    failed.outcome = o;
    QTest::newRow("test send, one failed") << failed;
}

void TestExplainer::noSentenceIsSaidTwice()
{
    // "The hub handed the notification to the push service for 2 registration(s). The hub
    // handed the notification to the push service." said the same thing twice.
    QFETCH(Exchange, exchange);
    const Explanation x = explain(exchange);
    for (const QString &text : {x.cause, x.nextStep}) {
        QStringList seen;
        for (QString sentence : text.split(u". "_s, Qt::SkipEmptyParts)) {
            sentence = sentence.trimmed();
            if (sentence.endsWith(u'.'))
                sentence.chop(1);
            // The sentence without its count: "for 2 registration(s)" repeats "…service".
            const QString gist = sentence.section(u" for "_s, 0, 0).toLower();
            QVERIFY2(!seen.contains(gist), qPrintable(describe(x)));
            seen << gist;
        }
    }
}

QTEST_GUILESS_MAIN(TestExplainer)
#include "tst_explainer.moc"
