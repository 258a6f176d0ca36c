// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The traffic view's core (issue #20): an emulator log entry read into an Exchange by the
// client's own interpret(), the request linter, the batched and bounded table with its filter,
// and the stream client for an emulator started elsewhere.

#include "client/explainer.h"
#include "client/requestlint.h"
#include "client/trafficexchange.h"
#include "client/trafficfeed.h"
#include "common/redaction.h"
#include "emulatorfixture.h"
#include "models/trafficfiltermodel.h"
#include "models/trafficmodel.h"
#include "protocol/sastoken.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <optional>

using namespace Qt::Literals::StringLiterals;
using namespace Nh;

namespace {

const QString kSendTest = u"/myHub/messages?api-version=2020-06&test"_s;
const QByteArray kHi = R"({"msg":"hi"})"_ba;

bool hasFlag(const QList<RequestFlag> &flags, RequestFlag::Kind kind)
{
    return std::any_of(flags.cbegin(), flags.cend(),
                       [kind](const RequestFlag &f) { return f.kind == kind; });
}

QStringList kinds(const QList<RequestFlag> &flags)
{
    QStringList out;
    for (const RequestFlag &f : flags)
        out.append(requestFlagKey(f.kind));
    return out;
}

EmulatorLogEntry entry(qint64 sequence, const QByteArray &agent, const QString &operation,
                       int status, const QByteArray &tags = {})
{
    EmulatorLogEntry e;
    e.sequence = sequence;
    e.time = QDateTime::currentDateTimeUtc();
    e.operation = operation;
    e.hub = u"myHub"_s;
    e.method = "GET";
    e.url = u"/myHub/registrations?api-version=2020-06"_s;
    e.requestHeaders = {{"User-Agent", agent}};
    if (!tags.isEmpty())
        e.requestHeaders.append({"ServiceBusNotification-Tags", tags});
    e.status = status;
    return e;
}

/** A page of the traffic stream as the emulator answers it: `count` entries from `from`. */
QByteArray trafficPage(qint64 from, int count)
{
    QJsonArray entries;
    for (int i = 0; i < count; ++i)
        entries.append(entry(from + i, "agent", u"send"_s, 201).toJson());
    return QJsonDocument(QJsonObject {{u"entries"_s, entries}, {u"next"_s, from + count - 1}})
        .toJson(QJsonDocument::Compact);
}

/** A one-shot HTTP server on 127.0.0.1 that answers each request with the next canned body. */
class CannedServer : public QObject
{
public:
    QTcpServer server;
    QList<QByteArray> bodies;
    QList<QByteArray> requestLines;
    QByteArray status = "200 OK"_ba;

    bool start()
    {
        connect(&server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    const QByteArray request = socket->readAll();
                    requestLines.append(request.left(request.indexOf("\r\n")));
                    const QByteArray body = bodies.isEmpty() ? "{}"_ba : bodies.takeFirst();
                    socket->write("HTTP/1.1 " + status
                                  + "\r\nContent-Type: application/json\r\n"
                                    "Connection: close\r\nContent-Length: "
                                  + QByteArray::number(body.size()) + "\r\n\r\n" + body);
                    socket->disconnectFromHost();
                });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
        return server.listen(QHostAddress::LocalHost);
    }
    QUrl origin() const { return QUrl(u"http://127.0.0.1:%1"_s.arg(server.serverPort())); }
};

} // namespace

class TestTraffic final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    // conversion
    void testSendReadAsExchange();
    void listingReadAsFeed();
    void noAnswerIsTransportError();
    void loggedTokenDecodes();
    // lint
    void missingFormatFlagged();
    void unknownFormatFlagged();
    void refusedPayloadFlagged();
    void reachedNothingFlagged();
    void unauthorizedFlaggedWithCause();
    void tokenNearExpiryAndAudience();
    void cleanSendHasNoFlags();
    // model and filter
    void modelBatchesInserts();
    void modelIsBounded();
    void modelPauseHoldsRows();
    void filterByClientOperationStatusTag();
    // feed
    void feedReadsEntriesAndPollsAgain();
    void feedBacksOffOnFailureAndCancels();
    void feedReadsToTheEnd();
    void feedStopsWithTheError();

private:
    /** Makes a call and returns the log entry it left. */
    EmulatorLogEntry logged(const QByteArray &method, const QString &pathAndQuery,
                            const HttpHeaders &headers = {}, const QByteArray &body = {},
                            bool sign = true);
    QUrl origin() const { return QUrl(u"https://127.0.0.1:%1"_s.arg(f.emulator.port())); }

    EmulatorFixture f;
};

void TestTraffic::initTestCase()
{
    EmulatorOptions o = EmulatorFixture::defaultOptions();
    o.seedDemoData = true;
    QVERIFY(f.start(o));
}

void TestTraffic::init() { }

EmulatorLogEntry TestTraffic::logged(const QByteArray &method, const QString &pathAndQuery,
                                     const HttpHeaders &headers, const QByteArray &body, bool sign)
{
    EmulatorFixture::Call call;
    call.method = method;
    call.pathAndQuery = pathAndQuery;
    call.headers = headers;
    call.body = body;
    call.sign = sign;
    QSignalSpy spy(&f.emulator, &HubEmulator::exchangeLogged);
    const auto response = f.call(call);
    if (!response.finished || spy.isEmpty())
        qWarning("no log entry for %s", qPrintable(call.pathAndQuery));
    return spy.isEmpty() ? EmulatorLogEntry {} : spy.last().at(0).value<EmulatorLogEntry>();
}

void TestTraffic::testSendReadAsExchange()
{
    const auto e = logged(
        "POST", kSendTest,
        {{"ServiceBusNotification-Format", "template"}, {"User-Agent", "my-backend/1.0"}}, kHi);
    QCOMPARE(e.status, 201);
    const Exchange x = exchangeFromLogEntry(e, origin());
    QCOMPARE(x.operation, u"send.test"_s);
    QCOMPARE(x.hub, u"myHub"_s);
    QCOMPARE(x.method, "POST"_ba);
    QCOMPARE(x.url.host(), u"127.0.0.1"_s);
    QCOMPARE(x.url.path(), u"/myHub/messages"_s);
    QVERIFY(x.url.query().contains(u"test"_s));
    QCOMPARE(x.status, 201);
    QVERIFY(x.outcome.has_value());
    QVERIFY(x.ok());
    QVERIFY(!x.notificationId.isEmpty() || x.location.isEmpty());
    QVERIFY(x.token.has_value());
    QCOMPARE(x.token->keyName, u"DefaultFullSharedAccessSignature"_s);
    // The signature stays redacted in the headers the record carries.
    const QByteArray auth = headerValue(x.requestHeaders, "Authorization").value_or(QByteArray());
    QVERIFY(auth.contains(kRedacted.toUtf8()));
    QVERIFY(x.authorization.isEmpty());
}

void TestTraffic::listingReadAsFeed()
{
    const auto e = logged("GET", u"/myHub/registrations?api-version=2020-06"_s, {}, {});
    QCOMPARE(e.status, 200);
    const Exchange x = exchangeFromLogEntry(e, origin());
    QCOMPARE(x.operation, u"registrations.list"_s);
    QVERIFY(x.feed.has_value());
    QVERIFY(!x.feed->entries.isEmpty());
    QCOMPARE(x.result, ExchangeResult::Success);
    QCOMPARE(expectForOperation(u"registrations.get"_s), Expect::Registration);
    QCOMPARE(expectForOperation(u"nonsense"_s), Expect::Nothing);
}

void TestTraffic::noAnswerIsTransportError()
{
    EmulatorLogEntry e = entry(1, "curl/8", u"send"_s, 0);
    e.fault = u"reset"_s;
    const Exchange x = exchangeFromLogEntry(e, origin());
    QCOMPARE(x.result, ExchangeResult::TransportError);
    QVERIFY(x.errorSentence.contains(u"reset"_s));
}

void TestTraffic::loggedTokenDecodes()
{
    const auto token = Sas::generate(u"https://ns.example/hub"_s, u"Rule"_s, u"key"_s,
                                     QDateTime::currentDateTimeUtc());
    const HttpHeaders redacted =
        redactHeaders({{"Authorization", token.header().toUtf8()}}, Reveal::No);
    const auto decoded = decodeLoggedToken(redacted.first().second);
    QVERIFY(decoded.has_value());
    QCOMPARE(decoded->keyName, u"Rule"_s);
    QCOMPARE(decoded->expiry, token.expiry);
    QCOMPARE(decoded->resource, u"https://ns.example/hub"_s);
    QVERIFY(!decodeLoggedToken("Bearer abc").has_value());
}

void TestTraffic::missingFormatFlagged()
{
    const auto e = logged("POST", kSendTest, {}, "{}"_ba);
    QCOMPARE(e.status, 400);
    const Exchange x = exchangeFromLogEntry(e, origin());
    QCOMPARE(x.result, ExchangeResult::HubError);
    const auto flags = lintRequest(x);
    QCOMPARE(kinds(flags), QStringList {u"missing-format"_s});
    QCOMPARE(flags.first().severity, RequestFlag::Severity::Problem);
    QVERIFY(flags.first().sentence.contains(u"ServiceBusNotification-Format"_s));
}

void TestTraffic::unknownFormatFlagged()
{
    const auto e = logged("POST", kSendTest, {{"ServiceBusNotification-Format", "iphone"}},
                          R"({"aps":{}})"_ba);
    const auto flags = lintRequest(exchangeFromLogEntry(e, origin()));
    QVERIFY2(hasFlag(flags, RequestFlag::Kind::UnknownFormat), qPrintable(kinds(flags).join(u',')));
}

void TestTraffic::refusedPayloadFlagged()
{
    const auto e =
        logged("POST", kSendTest, {{"ServiceBusNotification-Format", "apple"}}, "<toast/>"_ba);
    const auto flags = lintRequest(exchangeFromLogEntry(e, origin()));
    QVERIFY2(hasFlag(flags, RequestFlag::Kind::RefusedPayload),
             qPrintable(kinds(flags).join(u',')));
    QVERIFY(flags.first().sentence.contains(u"apple"_s));
}

void TestTraffic::reachedNothingFlagged()
{
    const auto e = logged("POST", kSendTest,
                          {{"ServiceBusNotification-Format", "template"},
                           {"ServiceBusNotification-Tags", "no-such-tag-anywhere"}},
                          kHi);
    QCOMPARE(e.status, 201);
    const Exchange x = exchangeFromLogEntry(e, origin());
    QCOMPARE(x.result, ExchangeResult::NoTargets);
    const auto flags = lintRequest(x);
    QCOMPARE(kinds(flags), QStringList {u"reached-nothing"_s});
    QVERIFY(flags.first().sentence.contains(u"no-such-tag-anywhere"_s));
}

void TestTraffic::unauthorizedFlaggedWithCause()
{
    const auto e = logged("GET", u"/myHub/registrations?api-version=2020-06"_s, {}, {}, false);
    QCOMPARE(e.status, 401);
    const Exchange x = exchangeFromLogEntry(e, origin());
    QVERIFY(x.hubError.has_value());
    QCOMPARE(classifyHubError(401, x.hubError->detail), HubErrorKind::MissingToken);
    const auto flags = lintRequest(x);
    QCOMPARE(kinds(flags), QStringList {u"unauthorized"_s});
    QVERIFY(flags.first().sentence.startsWith(u"401 Unauthorized: "_s));
    QVERIFY(flags.first().sentence.contains(explainHubError(401, x.hubError->detail).cause));
}

void TestTraffic::tokenNearExpiryAndAudience()
{
    const QDateTime now = QDateTime::fromSecsSinceEpoch(1'800'000'000, Qt::UTC);
    Sas::Options shortLived;
    shortLived.ttlSeconds = 30;
    const auto token =
        Sas::generate(u"https://other.example/myHub"_s, u"Rule"_s, u"key"_s, now, shortLived);
    Exchange x;
    x.operation = u"registrations.list"_s;
    x.method = "GET";
    x.started = now;
    x.url = QUrl(u"https://127.0.0.1:9443/myHub/registrations?api-version=2020-06"_s);
    x.requestHeaders =
        redactHeaders({{"Host", "127.0.0.1:9443"}, {"Authorization", token.header().toUtf8()}});
    x.token = decodeLoggedToken(headerValue(x.requestHeaders, "Authorization").value());
    QVERIFY(x.token.has_value());
    x.status = 200;
    x.result = ExchangeResult::Success;
    auto flags = lintRequest(x);
    QCOMPARE(kinds(flags), (QStringList {u"token-near-expiry"_s, u"wrong-audience"_s}));
    QVERIFY(flags.at(1).sentence.contains(u"other.example"_s));
    QCOMPARE(worstSeverity(flags), RequestFlag::Severity::Problem);

    x.started = now.addSecs(40);
    flags = lintRequest(x);
    QVERIFY(hasFlag(flags, RequestFlag::Kind::TokenExpired));

    // The namespace root and the hub cover the request.
    for (const QString &sr : {u"https://127.0.0.1:9443/"_s, u"https://127.0.0.1:9443/myhub"_s}) {
        const auto good = Sas::generate(sr, u"Rule"_s, u"key"_s, now);
        x.started = now;
        x.token = decodeLoggedToken(
            redactHeaders({{"Authorization", good.header().toUtf8()}}).first().second);
        QVERIFY(lintRequest(x).isEmpty());
    }
}

void TestTraffic::cleanSendHasNoFlags()
{
    const auto e = logged("POST", kSendTest, {{"ServiceBusNotification-Format", "template"}}, kHi);
    const Exchange x = exchangeFromLogEntry(e, origin());
    QVERIFY2(lintRequest(x).isEmpty(), qPrintable(kinds(lintRequest(x)).join(u',')));
}

void TestTraffic::modelBatchesInserts()
{
    TrafficModel model;
    QAbstractItemModelTester tester(&model);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    for (int i = 1; i <= 50; ++i)
        model.append(entry(i, "agent", u"registrations.list"_s, 200), origin());
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.pendingCount(), 50);
    QTRY_COMPARE(model.rowCount(), 50);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(model.lastSequence(), 50);
    QCOMPARE(model.index(0, 0).data(TrafficModel::SequenceRole).toLongLong(), 1);
    QCOMPARE(model.index(49, TrafficModel::StatusColumn).data().toInt(), 200);
    QCOMPARE(model.row(3).client, u"agent"_s);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestTraffic::modelIsBounded()
{
    TrafficModel model;
    QAbstractItemModelTester tester(&model);
    model.setCapacity(10);
    for (int i = 1; i <= 25; ++i)
        model.append(entry(i, "agent", u"send"_s, 201), origin());
    QCOMPARE(model.pendingCount(), 10); // the queue is bounded too
    model.flush();
    QCOMPARE(model.rowCount(), 10);
    for (int i = 26; i <= 30; ++i)
        model.append(entry(i, "agent", u"send"_s, 201), origin());
    model.flush();
    QCOMPARE(model.rowCount(), 10);
    QCOMPARE(model.index(0, 0).data(TrafficModel::SequenceRole).toLongLong(), 21);
    QCOMPARE(model.index(9, 0).data(TrafficModel::SequenceRole).toLongLong(), 30);
    QCOMPARE(model.droppedCount(), 20);
}

void TestTraffic::modelPauseHoldsRows()
{
    TrafficModel model;
    model.setPaused(true);
    model.append(entry(1, "agent", u"send"_s, 201), origin());
    model.flush();
    QCOMPARE(model.rowCount(), 0);
    QSignalSpy flushed(&model, &TrafficModel::flushed);
    model.setPaused(false);
    QVERIFY(flushed.wait());
    QCOMPARE(model.rowCount(), 1);
}

void TestTraffic::filterByClientOperationStatusTag()
{
    TrafficModel model;
    model.append(entry(1, "azure-sdk-for-js/1.0", u"send.test"_s, 201, "lang:en"), origin());
    model.append(entry(2, "python-requests/2.31", u"send"_s, 400, "user:7"), origin());
    model.append(entry(3, "python-requests/2.31", u"registrations.list"_s, 200), origin());
    model.flush();
    TrafficFilterModel filter;
    QAbstractItemModelTester tester(&filter);
    filter.setSourceModel(&model);
    QCOMPARE(filter.rowCount(), 3);
    filter.setClient(u"PYTHON"_s);
    QCOMPARE(filter.rowCount(), 2);
    filter.setOperation(u"send"_s);
    QCOMPARE(filter.rowCount(), 1);
    filter.setClient({});
    QCOMPARE(filter.rowCount(), 2);
    filter.setStatus(u"4"_s);
    QCOMPARE(filter.rowCount(), 1);
    QCOMPARE(filter.index(0, 0).data(TrafficModel::SequenceRole).toLongLong(), 2);
    filter.setStatus({});
    filter.setTag(u"lang"_s);
    QCOMPARE(filter.rowCount(), 1);
    QCOMPARE(filter.index(0, 0).data(TrafficModel::SequenceRole).toLongLong(), 1);
    filter.setTag({});
    filter.setOperation({});
    filter.setFlaggedOnly(true);
    QCOMPARE(filter.rowCount(), 0);
}

void TestTraffic::feedReadsEntriesAndPollsAgain()
{
    CannedServer server;
    QVERIFY(server.start());
    server.bodies = {trafficPage(5, 2), trafficPage(7, 1)};
    TrafficFeed feed(&f.nam);
    feed.setEndpoint(server.origin(), {});
    feed.setWaitMs(200);
    QSignalSpy received(&feed, &TrafficFeed::entriesReceived);
    QSignalSpy connected(&feed, &TrafficFeed::connected);
    feed.start(4);
    QTRY_COMPARE(received.count(), 2);
    QCOMPARE(connected.count(), 1);
    const auto first = received.at(0).at(0).value<QList<EmulatorLogEntry>>();
    QCOMPARE(first.size(), 2);
    QCOMPARE(first.at(1).sequence, 6);
    QCOMPARE(feed.after(), 7);
    QVERIFY(server.requestLines.at(0).contains("/$emulator/traffic?after=4&wait=200"));
    QTRY_VERIFY(server.requestLines.size() >= 3);
    QVERIFY(server.requestLines.at(1).contains("after=6"));
    feed.cancel();
    QVERIFY(!feed.isRunning());
}

void TestTraffic::feedBacksOffOnFailureAndCancels()
{
    // A port nobody listens on: refused, then retried later and later.
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 port = closed.serverPort();
    closed.close();
    TrafficFeed feed(&f.nam);
    feed.setEndpoint(QUrl(u"https://127.0.0.1:%1"_s.arg(port)), {f.emulator.certificate()});
    QSignalSpy failed(&feed, &TrafficFeed::failed);
    feed.start();
    QTRY_COMPARE(failed.count(), 2);
    QCOMPARE(failed.at(0).at(1).toInt(), TrafficFeed::kFirstRetryMs);
    QCOMPARE(failed.at(1).at(1).toInt(), 2 * TrafficFeed::kFirstRetryMs);
    QVERIFY(!failed.at(0).at(0).toString().isEmpty());
    feed.cancel();
    QCOMPARE(feed.retryDelayMs(), 0);

    // The in-process emulator over HTTPS, trusted through its certificate: an answer other
    // than the stream's (this build may not serve it) is reported, not read.
    TrafficFeed https(&f.nam);
    https.setEndpoint(origin(), {f.emulator.certificate()});
    QSignalSpy httpsFailed(&https, &TrafficFeed::failed);
    QSignalSpy httpsReceived(&https, &TrafficFeed::entriesReceived);
    QSignalSpy httpsConnected(&https, &TrafficFeed::connected);
    https.setWaitMs(100);
    https.start();
    QTRY_VERIFY(httpsFailed.count() + httpsConnected.count() > 0);
    if (!httpsFailed.isEmpty())
        QVERIFY(!httpsFailed.first().at(0).toString().contains(u"SSL"_s, Qt::CaseInsensitive));
    https.cancel();
}

void TestTraffic::feedReadsToTheEnd()
{
    // Reading::ToEnd: no waiting at the emulator; a full page asks again, a shorter one ends.
    CannedServer server;
    QVERIFY(server.start());
    server.bodies = {trafficPage(1, TrafficFeed::kLimit), trafficPage(TrafficFeed::kLimit + 1, 2)};
    TrafficFeed feed(&f.nam);
    feed.setEndpoint(server.origin(), {});
    feed.setReading(TrafficFeed::Reading::ToEnd);
    QSignalSpy received(&feed, &TrafficFeed::entriesReceived);
    std::optional<Status> result;
    connect(&feed, &TrafficFeed::finished, this, [&result](const Status &s) { result = s; });
    feed.start();
    QTRY_VERIFY(result.has_value());
    QVERIFY(*result);
    QVERIFY(!feed.isRunning());
    QCOMPARE(received.count(), 2);
    QCOMPARE(received.at(1).at(0).value<QList<EmulatorLogEntry>>().constLast().sequence,
             TrafficFeed::kLimit + 2);
    QCOMPARE(server.requestLines.size(), 2);
    QVERIFY(server.requestLines.at(0).contains("after=0&wait=0&limit=1000"));
    const QByteArray second = "after=" + QByteArray::number(TrafficFeed::kLimit) + "&wait=0";
    QVERIFY(server.requestLines.at(1).contains(second));
}

void TestTraffic::feedStopsWithTheError()
{
    // OnFailure::Stop: finished() with the Error and its code, no failed(), no retry.
    // A manager of its own each time: no connection kept from a trusted handshake.
    const auto stopped = [this](const QUrl &origin, const QList<QSslCertificate> &ca) {
        QNetworkAccessManager nam;
        TrafficFeed feed(&nam);
        feed.setEndpoint(origin, ca);
        feed.setWaitMs(100);
        feed.setOnFailure(TrafficFeed::OnFailure::Stop);
        QSignalSpy failed(&feed, &TrafficFeed::failed);
        std::optional<Status> result;
        connect(&feed, &TrafficFeed::finished, this, [&result](const Status &s) { result = s; });
        feed.start();
        const bool done = QTest::qWaitFor([&result] { return result.has_value(); }, 10000);
        const bool quiet = failed.isEmpty() && feed.retryDelayMs() == 0 && !feed.isRunning();
        return done && quiet ? *result : Status(makeError(ErrorCode::None, u"still running"_s));
    };

    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 port = closed.serverPort();
    closed.close();
    const Status refused = stopped(QUrl(u"https://127.0.0.1:%1"_s.arg(port)), {});
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::Transport);
    QVERIFY(!refused.error().message.isEmpty());

    // The in-process emulator, its certificate not trusted: a transport error too.
    const Status untrusted = stopped(origin(), {});
    QVERIFY(!untrusted);
    QCOMPARE(untrusted.error().code, ErrorCode::Transport);

    CannedServer server;
    QVERIFY(server.start());
    server.bodies = {"{}"_ba};
    const Status unreadable = stopped(server.origin(), {});
    QVERIFY(!unreadable);
    QCOMPARE(unreadable.error().code, ErrorCode::BadResponse);

    server.status = "503 Service Unavailable"_ba;
    server.bodies = {R"({"error": {"status": 503, "message": "Too many waiting."}})"_ba};
    const Status busy = stopped(server.origin(), {});
    QVERIFY(!busy);
    QCOMPARE(busy.error().code, ErrorCode::HubRejected);
    QVERIFY2(busy.error().message.contains(u"Too many waiting."_s),
             qPrintable(busy.error().message));

    server.status = "404 Not Found"_ba;
    server.bodies = {"{}"_ba};
    const Status older = stopped(server.origin(), {});
    QVERIFY(!older);
    QCOMPARE(older.error().code, ErrorCode::HubRejected);
    QVERIFY(older.error().message.contains(u"404"_s));
}

QTEST_GUILESS_MAIN(TestTraffic)
#include "tst_traffic.moc"
