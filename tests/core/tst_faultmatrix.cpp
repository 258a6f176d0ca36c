// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The fault matrix (issue #8): every HubClient operation against every fault the emulator can
// inject, over real HTTPS. Each row asserts that the job finished exactly once, that the
// user-facing sentence names the cause, that the exchange reads back from a real history file
// with its status and error, and that what the user composed (payload, tags, headers, ids) is
// intact in the exchange and in the stored record.
//
// The expected phrases are written from what each fault means, not taken from the client's
// output. The cases run concurrently (a bounded number in flight, each on its own
// QNetworkAccessManager so a fault cannot leak into another case's keep-alive connection)
// when the suite starts; the rows then check one case each. cleanupTestCase() prints the number
// of cases passed; NH_FAULTMATRIX_TIMES=1 also prints the time each fault took.

#include "client/hubclient.h"
#include "emulator/emulatorstate.h"
#include "emulatorfixture.h"
#include "protocol/installation.h"
#include "store/historystore.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <functional>
#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace Nh;

namespace {

/** A quick transfer timeout for the rows that must time out; the others get kNormalTimeoutMs. */
constexpr int kShortTimeoutMs = 250;
constexpr int kNormalTimeoutMs = 15000;
constexpr int kMaxInFlight = 16;
const QString kFull = u"DefaultFullSharedAccessSignature"_s;
const QString kListen = u"DefaultListenSharedAccessSignature"_s;
const QString kSendOnly = u"FaultMatrixSendOnly"_s;
const QString kUnknownRule = u"NoSuchRule"_s;
const QString kWrongKey = u"bm90LXRoZS1rZXktbm90LXRoZS1rZXktbm90LXRoZS1rZXk="_s;

/**
 * A QNetworkAccessManager that adds the emulator's per-request fault header to the first
 * `faultedRequests` requests (-1: all) and can drop the Authorization header on the wire. The
 * exchange the client records is built before this, so it shows the request as composed.
 */
class FaultingNam final : public QNetworkAccessManager
{
public:
    QByteArray spec;
    int faultedRequests = -1;
    bool dropAuthorization = false;
    int requests = 0;

protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &original,
                                 QIODevice *outgoingData) override
    {
        QNetworkRequest request(original);
        ++requests;
        if (!spec.isEmpty() && (faultedRequests < 0 || requests <= faultedRequests))
            request.setRawHeader("X-Nh-Emulator-Fault", spec);
        if (dropAuthorization)
            request.setRawHeader("Authorization", QByteArray()); // a null value removes it
        return QNetworkAccessManager::createRequest(op, request, outgoingData);
    }
};

enum class Auth { Normal, NoToken, Expired, BadSignature, UnknownRule, MissingClaim };
enum class Claim { Listen, Send, Manage };

QString claimName(Claim r)
{
    switch (r) {
    case Claim::Listen:
        return u"Listen"_s;
    case Claim::Send:
        return u"Send"_s;
    case Claim::Manage:
        return u"Manage"_s;
    }
    return {};
}

/** What the user composed, to find intact in the exchange and in the stored record. */
struct Composed
{
    std::optional<QByteArray> bodyExact;
    QList<QByteArray> bodyContains;
    HttpHeaders headers; ///< each must be among the request headers with this value
    QString urlContains; ///< in the fully decoded URL
    QString target; ///< the history's target for a tag send (empty: not checked)
    QStringList tags; ///< the history's tags of a tag send
    QString entityId; ///< the id the operation is about, when it is about one
    QByteArray ifMatch; ///< the If-Match sent, when one is
};

struct Ctx
{
    EmulatorFixture &fixture;
    HubClient &client;
    int index;
    Composed &composed;
};

struct Operation
{
    QString label;
    QString name; ///< Exchange::operation
    Claim claim; ///< the claim the service requires
    bool expectsBody; ///< a 2xx body that is parsed (outcome, entry, feed, installation, details)
    std::function<HubJob *(Ctx &)> start;
    bool noContent = false; ///< succeeds with 204 No Content
};

struct FaultRow
{
    QString label;
    QByteArray spec; ///< X-Nh-Emulator-Fault; empty: none
    int faultedRequests = -1;
    int timeoutMs = kNormalTimeoutMs;
    Auth auth = Auth::Normal;
};

struct Case
{
    int op = 0;
    int fault = 0;
    Composed composed;
    Exchange exchange;
    int finishedCount = 0;
    int retryingCount = 0;
    bool started = false;
    bool done = false;
    qint64 elapsedMs = 0;
};

EmulatorHub &hubOf(EmulatorFixture &f)
{
    return *f.emulator.state().hub(f.hub());
}

QString seedRegistration(EmulatorFixture &f, const QString &handle, const QStringList &tags,
                         Platform platform = Platform::Apple, bool isTemplate = false)
{
    Registration r;
    r.platform = platform;
    r.handle = handle;
    r.tags = tags;
    r.isTemplate = isTemplate;
    if (isTemplate)
        r.bodyTemplate = uR"x({"aps":{"alert":"$(msg)"}})x"_s;
    r.registrationId = EmulatorState::newRegistrationId();
    r.etag = 1;
    f.emulator.state().putRegistration(hubOf(f), r);
    return r.registrationId;
}

QString hexHandle(int index)
{
    return u"0A0B%1"_s.arg(index, 6, 16, QLatin1Char('0')).toUpper();
}

Notification notification(Format format, const QByteArray &body, const Target &target,
                          const HttpHeaders &headers = {})
{
    Notification n;
    n.format = format;
    n.body = body;
    n.target = target;
    n.headers = headers;
    return n;
}

/** A send: the body, the platform headers and the target the user typed must survive. */
HubJob *startSend(Ctx &c, const Notification &n, bool test)
{
    if (n.target.kind == TargetKind::Batch) {
        c.composed.bodyContains.append(n.body);
        for (const QString &h : n.target.deviceHandles)
            c.composed.bodyContains.append(h.toUtf8());
    } else {
        c.composed.bodyExact = n.body;
    }
    c.composed.headers = n.headers;
    if (n.target.kind == TargetKind::Tags) {
        c.composed.headers.append({"ServiceBusNotification-Tags", n.target.tagExpression.toUtf8()});
        c.composed.target = n.target.tagExpression;
    }
    if (n.target.kind == TargetKind::Device)
        c.composed.headers.append(
            {"ServiceBusNotification-DeviceHandle", n.target.deviceHandles.first().toUtf8()});
    return c.client.send(n, test);
}

QList<Operation> operations()
{
    const QByteArray apple = R"({"aps":{"alert":"fault matrix ✓","badge":7}})";
    const QByteArray fcm = R"({"message":{"notification":{"title":"fault matrix","body":"ü"}}})";
    const HttpHeaders apns = {{"apns-push-type", "alert"}, {"apns-priority", "10"}};
    QList<Operation> ops;
    ops.append({u"test send, tags"_s, u"send.test"_s, Claim::Send, true, [=](Ctx &c) {
                    c.composed.tags = {u"fm"_s, u"vip"_s};
                    return startSend(
                        c, notification(Format::Apple, apple, Target::tags(u"fm || vip"_s), apns),
                        true);
                }});
    ops.append({u"test send, template broadcast"_s, u"send.test"_s, Claim::Send, true, [](Ctx &c) {
                    return startSend(
                        c,
                        notification(Format::Template, R"({"msg":"hello ✓"})", Target::broadcast()),
                        true);
                }});
    ops.append({u"send, tags"_s, u"send"_s, Claim::Send, false, [=](Ctx &c) {
                    c.composed.tags = {u"fm"_s};
                    return startSend(c, notification(Format::FcmV1, fcm, Target::tags(u"fm"_s)),
                                     false);
                }});
    ops.append({u"direct send"_s, u"send.direct"_s, Claim::Send, false, [=](Ctx &c) {
                    return startSend(c,
                                     notification(Format::Apple, apple,
                                                  Target::device(hexHandle(c.index)), apns),
                                     true);
                }});
    ops.append({u"direct batch send"_s, u"send.batch"_s, Claim::Send, false, [=](Ctx &c) {
                    return startSend(c,
                                     notification(Format::FcmV1, fcm,
                                                  Target::devices({u"fm-tok-1"_s, u"fm-tok-2"_s})),
                                     true);
                }});
    ops.append({u"scheduled send"_s, u"send.scheduled"_s, Claim::Send, false, [=](Ctx &c) {
                    Notification n =
                        notification(Format::Apple, apple, Target::tags(u"fm && vip"_s), apns);
                    n.scheduleTime = QDateTime::currentDateTimeUtc().addSecs(3600);
                    c.composed.tags = {u"fm"_s, u"vip"_s};
                    c.composed.headers.append({"ServiceBusNotification-ScheduleTime",
                                               formatScheduleTime(*n.scheduleTime)});
                    return startSend(c, n, true);
                }});
    ops.append({u"cancel scheduled"_s, u"schedules.cancel"_s, Claim::Send, false, [](Ctx &c) {
                    const QString id = c.fixture.emulator.state().schedule(
                        hubOf(c.fixture), Format::Apple, "{}", u"fm"_s,
                        QDateTime::currentDateTimeUtc().addSecs(3600));
                    c.composed.entityId = id;
                    c.composed.urlContains = u"schedulednotifications/"_s + id;
                    return c.client.cancelScheduled(id);
                }});
    ops.append({u"telemetry"_s, u"telemetry.get"_s, Claim::Send, true, [](Ctx &c) {
                    const QString id = c.fixture.emulator.state().recordDirect(
                        hubOf(c.fixture), Format::Apple, "{}", {hexHandle(c.index)});
                    c.composed.entityId = id;
                    c.composed.urlContains = u"messages/"_s + id;
                    return c.client.telemetry(id);
                }});
    ops.append(
        {u"registration id"_s, u"registrationids.create"_s, Claim::Listen, false, [](Ctx &c) {
             return c.client.createRegistrationId();
         }});
    ops.append(
        {u"create registration"_s, u"registrations.create"_s, Claim::Listen, true, [](Ctx &c) {
             Registration r;
             r.platform = Platform::Apple;
             r.handle = hexHandle(c.index);
             r.tags = {u"fm-created"_s, u"blue"_s};
             c.composed.bodyContains = {r.handle.toUtf8(), "fm-created", "blue"};
             return c.client.createRegistration(r);
         }});
    ops.append({u"update registration"_s, u"registrations.put"_s, Claim::Listen, true, [](Ctx &c) {
                    Registration r;
                    r.platform = Platform::Apple;
                    r.handle = hexHandle(c.index);
                    r.tags = {u"fm-old"_s};
                    r.registrationId = seedRegistration(c.fixture, r.handle, r.tags);
                    r.etag = 1;
                    r.tags = {u"fm-updated"_s, u"green"_s};
                    c.composed.bodyContains = {r.handle.toUtf8(), "fm-updated", "green"};
                    c.composed.entityId = r.registrationId;
                    c.composed.ifMatch = "\"1\"";
                    return c.client.putRegistration(r, 1);
                }});
    ops.append({u"read registration"_s, u"registrations.get"_s, Claim::Listen, true, [](Ctx &c) {
                    const QString id =
                        seedRegistration(c.fixture, hexHandle(c.index), {u"fm-read"_s});
                    c.composed.entityId = id;
                    c.composed.urlContains = u"registrations/"_s + id;
                    return c.client.getRegistration(id);
                }});
    ops.append(
        {u"delete registration"_s, u"registrations.delete"_s, Claim::Listen, false, [](Ctx &c) {
             const QString id = seedRegistration(c.fixture, hexHandle(c.index), {u"fm-delete"_s});
             c.composed.entityId = id;
             c.composed.urlContains = u"registrations/"_s + id;
             c.composed.ifMatch = "*";
             return c.client.deleteRegistration(id);
         }});
    ops.append({u"list registrations"_s, u"registrations.list"_s, Claim::Manage, true, [](Ctx &c) {
                    c.composed.urlContains = u"$top=7"_s;
                    HubClient::ListQuery q;
                    q.top = 7;
                    return c.client.listRegistrations(q);
                }});
    ops.append({u"list by tag"_s, u"registrations.bytag"_s, Claim::Manage, true, [](Ctx &c) {
                    c.composed.urlContains = u"tags/fm/registrations"_s;
                    HubClient::ListQuery q;
                    q.tag = u"fm"_s;
                    return c.client.listRegistrations(q);
                }});
    ops.append({u"list by channel"_s, u"registrations.list"_s, Claim::Listen, true, [](Ctx &c) {
                    HubClient::ListQuery q;
                    q.filter = HubClient::channelFilter(Platform::Apple, hexHandle(c.index));
                    c.composed.urlContains = u"DeviceToken eq '"_s + hexHandle(c.index);
                    return c.client.listRegistrations(q);
                }});
    ops.append({u"save installation"_s, u"installations.put"_s, Claim::Listen, false, [](Ctx &c) {
                    Installation inst;
                    inst.installationId = u"fm-put-%1"_s.arg(c.index);
                    inst.platform = Platform::Apple;
                    inst.pushChannel = hexHandle(c.index);
                    inst.tags = {u"fm-inst"_s, u"blue"_s};
                    c.composed.entityId = inst.installationId;
                    c.composed.bodyContains = {inst.installationId.toUtf8(),
                                               inst.pushChannel.toUtf8(), "fm-inst", "blue"};
                    return c.client.putInstallation(inst);
                }});
    const auto seedInstallation = [](Ctx &c, const QString &prefix) {
        Installation inst;
        inst.installationId = prefix + QString::number(c.index);
        inst.platform = Platform::Apple;
        inst.pushChannel = hexHandle(c.index);
        inst.tags = {u"fm-inst"_s};
        c.fixture.emulator.state().putInstallation(hubOf(c.fixture), inst);
        c.composed.entityId = inst.installationId;
        c.composed.urlContains = u"installations/"_s + inst.installationId;
        return inst.installationId;
    };
    ops.append({u"read installation"_s, u"installations.get"_s, Claim::Listen, true, [=](Ctx &c) {
                    return c.client.getInstallation(seedInstallation(c, u"fm-get-"_s));
                }});
    ops.append(
        {u"patch installation"_s, u"installations.patch"_s, Claim::Listen, false, [=](Ctx &c) {
             const QString id = seedInstallation(c, u"fm-patch-"_s);
             const QByteArray patch = R"([{"op":"add","path":"/tags","value":"patched-)"
                 + QByteArray::number(c.index) + R"("}])";
             c.composed.bodyExact = patch;
             return c.client.patchInstallation(id, patch);
         }});
    ops.append(
        {u"delete installation"_s, u"installations.delete"_s, Claim::Listen, false,
         [=](Ctx &c) { return c.client.deleteInstallation(seedInstallation(c, u"fm-del-"_s)); },
         true});
    ops.append({u"feedback container"_s, u"feedback.get"_s, Claim::Send, false, [](Ctx &c) {
                    return c.client.feedbackContainer();
                }});
    return ops;
}

/**
 * Every fault kind of emulator/faults.h, sent per request (X-Nh-Emulator-Fault). The 401 rows are
 * the emulator's real SAS validation refusing a token signed wrongly (no header, expired, wrong
 * key, unknown rule, a rule without the operation's claim), not a canned 401.
 */
QList<FaultRow> faults()
{
    return {
        {u"delay under the timeout"_s, "delay=40"},
        {u"delay over the timeout"_s, "delay=1500", -1, kShortTimeoutMs},
        {u"stall"_s, "stall", -1, kShortTimeoutMs},
        {u"reset"_s, "reset"},
        {u"401 missing token"_s, {}, -1, kNormalTimeoutMs, Auth::NoToken},
        {u"401 expired token"_s, {}, -1, kNormalTimeoutMs, Auth::Expired},
        {u"401 bad signature"_s, {}, -1, kNormalTimeoutMs, Auth::BadSignature},
        {u"401 unknown rule"_s, {}, -1, kNormalTimeoutMs, Auth::UnknownRule},
        {u"401 missing claim"_s, {}, -1, kNormalTimeoutMs, Auth::MissingClaim},
        {u"403"_s, "status=403"},
        {u"404"_s, "status=404"},
        {u"412"_s, "status=412"},
        {u"413"_s, "status=413"},
        {u"429 + Retry-After, always"_s, "status=429;retry-after=0"},
        {u"429 + Retry-After, once"_s, "status=429;retry-after=0", 1},
        {u"503 + Retry-After, always"_s, "status=503;retry-after=0"},
        {u"500"_s, "status=500"},
        {u"garbage"_s, "garbage"},
        {u"truncated"_s, "truncated"},
        {u"empty"_s, "empty"},
        {u"wrong content type (html)"_s, "html"},
        {u"oversized"_s, "oversized"},
    };
}

/** What a case must end in, written from the fault's meaning. */
struct Expectation
{
    ExchangeResult result = ExchangeResult::Success;
    HistoryStatus historyStatus = HistoryStatus::Success;
    int status = -1; ///< -1: any 2xx
    int attempts = 1;
    QList<QRegularExpression> phrases; ///< each must match the sentence
    QList<QRegularExpression> forbidden; ///< none may match it
};

QRegularExpression re(const QString &pattern)
{
    return QRegularExpression(pattern, QRegularExpression::CaseInsensitiveOption);
}

Expectation expectationFor(const FaultRow &fault, const Operation &op, const Composed &composed,
                           quint16 port)
{
    Expectation x;
    const auto failure = [&](int status, const QList<QRegularExpression> &phrases) {
        x.result = ExchangeResult::HubError;
        x.historyStatus = HistoryStatus::Failure;
        x.status = status;
        x.phrases = phrases;
        x.phrases.append(re(u"\\b%1\\b"_s.arg(status)));
    };
    const auto unreadable = [&](const QList<QRegularExpression> &phrases) {
        x.result = ExchangeResult::BadResponse;
        x.historyStatus = HistoryStatus::Error;
        x.phrases = phrases;
    };
    const QString where = QRegularExpression::escape(u"127.0.0.1:%1"_s.arg(port));
    const QString id = QRegularExpression::escape(composed.entityId);
    // Any sentence that names a resource must name the one the user asked about, never a
    // collection segment of the URL as if it were an entity.
    x.forbidden.append(re(
        u"'(registrations|registrationIDs|messages|\\$batch|schedulednotifications|installations|"
        "feedbackcontainer)'"_s));

    const QByteArray &s = fault.spec;
    if (fault.auth != Auth::Normal) {
        switch (fault.auth) {
        case Auth::NoToken:
            failure(401, {re(u"Authorization"_s), re(u"without|missing|no "_s)});
            break;
        case Auth::Expired:
            failure(401, {re(u"expired"_s), re(u"clock"_s)});
            break;
        case Auth::BadSignature:
            failure(401, {re(u"signature"_s), re(u"not valid|invalid"_s), re(u"\\bkey\\b"_s)});
            break;
        case Auth::UnknownRule:
            failure(401, {re(u"'%1'"_s.arg(kUnknownRule)), re(u"no rule"_s)});
            break;
        case Auth::MissingClaim:
            failure(401, {re(u"\\b%1\\b.*claim|claim.*\\b%1\\b"_s.arg(claimName(op.claim)))});
            break;
        case Auth::Normal:
            break;
        }
    } else if (s.startsWith("delay=40")) {
        // Slower than usual, yet inside the timeout: the operation simply succeeds.
    } else if (s.startsWith("delay") || s == "stall") {
        x.result = ExchangeResult::Timeout;
        x.historyStatus = HistoryStatus::Error;
        x.status = 0;
        x.phrases = {re(u"timeout"_s), re(u"0\\.25 s"_s), re(where)};
    } else if (s == "reset") {
        x.result = ExchangeResult::TransportError;
        x.historyStatus = HistoryStatus::Error;
        x.status = 0;
        x.phrases = {re(u"connection (was )?reset|closed the connection"_s), re(where)};
    } else if (s == "status=403") {
        failure(403, {re(u"forbidden|refused|not allowed"_s)});
    } else if (s == "status=404") {
        if (!composed.entityId.isEmpty())
            failure(404, {re(u"'%1'"_s.arg(id)), re(u"does not exist|no |not found"_s)});
        else
            failure(404, {re(u"not found|nothing at|no hub|does not exist"_s)});
    } else if (s == "status=412") {
        failure(412, {re(u"precondition"_s)});
        if (!composed.ifMatch.isEmpty())
            x.phrases.append(re(QRegularExpression::escape(QString::fromLatin1(composed.ifMatch))));
    } else if (s == "status=413") {
        failure(413, {re(u"too large|limit"_s)});
        // A body well under the limit must not be called too big.
        x.forbidden.append(re(u"\\bis over\\b|\\bexceeds\\b"_s));
    } else if (s.startsWith("status=429") || s.startsWith("status=503")) {
        if (fault.faultedRequests == 1) {
            x.attempts = 2; // throttled once, then served
        } else {
            const bool unavailable = s.startsWith("status=503");
            failure(unavailable ? 503 : 429,
                    {re(unavailable ? u"unavailable"_s : u"throttl|too many"_s),
                     re(u"Retry-After"_s), re(u"\\b3 attempt"_s)});
            x.attempts = 3;
        }
    } else if (s == "status=500") {
        failure(500, {re(u"service side|internal|server"_s), re(u"try again|transient"_s)});
    } else if (s == "oversized") {
        // Far larger than any answer of the hub, whatever the operation expected.
        unreadable({re(u"too large|larger|limit|exceed|more than"_s)});
    } else if (s == "html") {
        // An HTML page is never the hub's answer, whatever the operation expected.
        unreadable({re(u"\\bHTML\\b"_s), re(u"proxy|gateway"_s)});
    } else if (s == "truncated") {
        // The connection closed before the announced Content-Length: never a success.
        unreadable({re(u"truncat|cut|incomplete|ends|closed|before the end"_s)});
    } else if (op.expectsBody) {
        if (s == "garbage")
            unreadable({re(u"not readable|unreadable|could not (be )?(read|parse)"_s)});
        else if (s == "empty")
            unreadable({re(u"\\bempty\\b"_s)});
    }
    // An operation that expects no body is decided by its status: garbage or an empty body
    // after a 2xx is kept as received, and the operation succeeded. That holds for a delete that
    // succeeds with 204 too: a body fault answers it with 200 and the body (faults.h), as a
    // misbehaving proxy would, so html, truncated and oversized are unreadable there as well.
    return x;
}

QStringList requestHeaderNamesWithout(const HttpHeaders &headers, QByteArrayView skip)
{
    QStringList out;
    for (const auto &h : headers) {
        if (h.first.compare(skip, Qt::CaseInsensitive) != 0)
            out << QString::fromLatin1(h.first);
    }
    return out;
}

} // namespace

class TestFaultMatrix final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void matrix_data();
    void matrix();
    void cleanupTestCase();

private:
    HubConnection connectionFor(const FaultRow &fault, const Operation &op);
    void launch(int index);
    void checkComposed(const Composed &composed, const Exchange &e, const QString &what);

    EmulatorFixture m_fixture;
    QTemporaryDir m_dir;
    std::unique_ptr<HistoryStore> m_store;
    QSet<QUuid> m_written;
    QList<Operation> m_ops = operations();
    QList<FaultRow> m_faults = faults();
    QList<Case> m_cases;
    QList<int> m_order; ///< launch order: indices into m_cases
    int m_inFlight = 0;
    int m_next = 0;
    int m_passed = 0;
    qint64 m_runMs = 0;
};

void TestFaultMatrix::initTestCase()
{
    QVERIFY(m_fixture.start());
    QVERIFY(m_dir.isValid());
    // A rule with Send only, so that the operations needing Listen can miss a claim too.
    m_fixture.emulator.state().rules.append(
        {kSendOnly, u"c2VuZC1vbmx5LWtleS1zZW5kLW9ubHkta2V5LXNlbmQtb25seQ=="_s, Nh::Right::Send});
    // Registrations the sends reach: a tagged Apple one, a template one, an FCM v1 one.
    seedRegistration(m_fixture, u"0A0B0C0D"_s, {u"fm"_s, u"vip"_s});
    seedRegistration(m_fixture, u"0A0B0C0E"_s, {u"fm"_s}, Platform::Apple, true);
    seedRegistration(m_fixture, u"fm-fcm-token"_s, {u"fm"_s}, Platform::FcmV1);

    auto store = HistoryStore::open(m_dir.filePath(u"history.sqlite"_s));
    QVERIFY2(store.ok(), qPrintable(store.ok() ? QString() : store.error().message));
    m_store = std::move(store).value();
    connect(m_store.get(), &HistoryStore::written, this,
            [this](const QUuid &id, qint64) { m_written.insert(id); });

    for (int f = 0; f < m_faults.size(); ++f) {
        for (int o = 0; o < m_ops.size(); ++o)
            m_cases.append({o, f, {}, {}, 0, 0, false, false, 0});
    }
    QElapsedTimer clock;
    clock.start();
    // Launched operation by operation, so that the few costly faults (the 24 MB oversized
    // body, the timeouts) are spread over the run rather than all in flight at once.
    for (int o = 0; o < m_ops.size(); ++o) {
        for (int f = 0; f < m_faults.size(); ++f)
            m_order.append(f * int(m_ops.size()) + o);
    }
    while (m_next < m_order.size() && m_inFlight < kMaxInFlight)
        launch(m_order.at(m_next++));
    const bool allDone = QTest::qWaitFor(
        [this] {
            return std::all_of(m_cases.cbegin(), m_cases.cend(),
                               [](const Case &c) { return c.done; });
        },
        120000);
    QVERIFY2(allDone, "some cases never finished");
    QVERIFY2(QTest::qWaitFor([this] { return m_written.size() == m_cases.size(); }, 30000),
             "not every exchange was written to the history");
    m_runMs = clock.elapsed();
}

HubConnection TestFaultMatrix::connectionFor(const FaultRow &fault, const Operation &op)
{
    HubConnection c;
    QString rule = kFull;
    if (fault.auth == Auth::MissingClaim)
        rule = op.claim == Claim::Listen ? kSendOnly : kListen;
    const auto *known = m_fixture.emulator.state().rule(rule);
    c.connectionString = ConnectionString::fromParts(u"127.0.0.1"_s, m_fixture.emulator.port(),
                                                     rule, known ? known->key : QString());
    if (fault.auth == Auth::BadSignature)
        c.connectionString = ConnectionString::fromParts(u"127.0.0.1"_s, m_fixture.emulator.port(),
                                                         kFull, kWrongKey);
    if (fault.auth == Auth::UnknownRule)
        c.connectionString = ConnectionString::fromParts(u"127.0.0.1"_s, m_fixture.emulator.port(),
                                                         kUnknownRule, kWrongKey);
    if (fault.auth == Auth::Expired)
        c.sas.ttlSeconds = -120;
    c.hub = m_fixture.hub();
    c.caCertificates = {m_fixture.emulator.certificate()};
    c.transferTimeoutMs = fault.timeoutMs;
    return c;
}

void TestFaultMatrix::launch(int index)
{
    Case &k = m_cases[index];
    const FaultRow &fault = m_faults.at(k.fault);
    const Operation &op = m_ops.at(k.op);
    auto *nam = new FaultingNam;
    nam->spec = fault.spec;
    nam->faultedRequests = fault.faultedRequests;
    nam->dropAuthorization = fault.auth == Auth::NoToken;
    auto *client = new HubClient(nam);
    client->setConnection(connectionFor(fault, op));
    Ctx ctx {m_fixture, *client, index, k.composed};
    HubJob *job = op.start(ctx);
    k.started = true;
    ++m_inFlight;
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    connect(job, &HubJob::retrying, this, [this, index] { ++m_cases[index].retryingCount; });
    connect(job, &HubJob::finished, this, [this, index, nam, clock](const Exchange &e) {
        Case &c = m_cases[index];
        if (++c.finishedCount > 1)
            return;
        c.exchange = e;
        c.elapsedMs = clock->elapsed();
        c.done = true;
        m_store->add(e);
        --m_inFlight;
        // The manager owns the client and the job; drop it (and its connections) once the
        // job's finished() has returned.
        nam->deleteLater();
        while (m_next < m_order.size() && m_inFlight < kMaxInFlight)
            launch(m_order.at(m_next++));
    });
    client->setParent(nam);
}

void TestFaultMatrix::checkComposed(const Composed &composed, const Exchange &e,
                                    const QString &what)
{
    const auto fail = [&](const QString &m) {
        return (what + u": "_s + m).toUtf8();
    };
    if (composed.bodyExact)
        QVERIFY2(e.requestBody == *composed.bodyExact,
                 fail(u"the body is not the one composed: "_s + QString::fromUtf8(e.requestBody))
                     .constData());
    for (const QByteArray &part : composed.bodyContains)
        QVERIFY2(e.requestBody.contains(part),
                 fail(u"the body lost \""_s + QString::fromUtf8(part) + u'"').constData());
    for (const auto &[name, value] : composed.headers) {
        QVERIFY2(headerValue(e.requestHeaders, name) == std::optional<QByteArray>(value),
                 fail(u"the header %1: %2 is missing or changed"_s.arg(QString::fromLatin1(name),
                                                                       QString::fromUtf8(value)))
                     .constData());
    }
    if (!composed.ifMatch.isEmpty())
        QVERIFY2(headerValue(e.requestHeaders, "If-Match")
                     == std::optional<QByteArray>(composed.ifMatch),
                 fail(u"the If-Match is missing or changed"_s).constData());
    const QString url = QUrl::fromPercentEncoding(e.url.toEncoded());
    if (!composed.urlContains.isEmpty())
        QVERIFY2(url.contains(composed.urlContains),
                 fail(u"the URL %1 lost \"%2\""_s.arg(url, composed.urlContains)).constData());
    if (!composed.entityId.isEmpty())
        QVERIFY2(url.contains(composed.entityId), fail(u"the URL lost the id"_s).constData());
}

void TestFaultMatrix::matrix_data()
{
    QTest::addColumn<int>("index");
    // Built here too: rows are named before initTestCase has run the cases.
    const QList<Operation> ops = operations();
    const QList<FaultRow> rows = faults();
    int index = 0;
    for (const FaultRow &f : rows) {
        for (const Operation &op : ops) {
            QTest::addRow("%s | %s", qPrintable(f.label), qPrintable(op.label)) << index;
            ++index;
        }
    }
}

void TestFaultMatrix::matrix()
{
    QFETCH(int, index);
    QVERIFY(index < m_cases.size());
    const Case &k = m_cases.at(index);
    const Operation &op = m_ops.at(k.op);
    const FaultRow &fault = m_faults.at(k.fault);
    const Exchange &e = k.exchange;
    const Expectation x = expectationFor(fault, op, k.composed, m_fixture.emulator.port());
    const QString sentence = e.errorSentence;
    const auto why = [&](const QString &m) {
        return (m + u"\n  result: "_s + exchangeResultName(e.result) + u", status "_s
                + QString::number(e.status) + u"\n  sentence: "_s + sentence)
            .toUtf8();
    };

    // Finished exactly once, as the operation the user started.
    QVERIFY2(k.done, "the job never finished");
    QCOMPARE(k.finishedCount, 1);
    QCOMPARE(e.operation, op.name);

    // The outcome the fault means.
    QVERIFY2(e.result == x.result || (x.result == ExchangeResult::Success && e.ok()),
             why(u"expected "_s + exchangeResultName(x.result)).constData());
    if (x.status == -1)
        QVERIFY2(e.status >= 200 && e.status < 300, why(u"expected a 2xx"_s).constData());
    else
        QCOMPARE(e.status, x.status);
    QCOMPARE(int(e.attempts.size()), x.attempts);
    QCOMPARE(k.retryingCount, x.attempts - 1);
    if (x.result == ExchangeResult::Timeout) {
        QCOMPARE(e.abortReason, AbortReason::Timeout);
        QVERIFY2(k.elapsedMs < 5000, why(u"the timeout took %1 ms"_s.arg(k.elapsedMs)).constData());
    }
    if (x.result == ExchangeResult::TransportError)
        QCOMPARE(e.networkError, QNetworkReply::RemoteHostClosedError);

    // The sentence names the cause (and only failures have one).
    if (e.ok()) {
        QVERIFY2(sentence.isEmpty(), why(u"a success with an error sentence"_s).constData());
    } else {
        QVERIFY2(e.error.has_value(), why(u"a failure without an error"_s).constData());
        for (const QRegularExpression &p : x.phrases)
            QVERIFY2(p.match(sentence).hasMatch(),
                     why(u"the sentence does not match /%1/"_s.arg(p.pattern())).constData());
        for (const QRegularExpression &p : x.forbidden)
            QVERIFY2(!p.match(sentence).hasMatch(),
                     why(u"the sentence matches /%1/, which is wrong here"_s.arg(p.pattern()))
                         .constData());
    }
    // Bytes a 2xx carried are kept as received; of an oversized body, its start.
    // A body never comes with a 204 (RFC 9110 §15.3.5): on a 204 operation, a body fault says 200.
    const bool bodyFault =
        fault.spec == "garbage" || fault.spec == "html" || fault.spec == "oversized";
    if (bodyFault)
        QVERIFY2(e.status == 200 || e.status == 201,
                 why(u"a body fault must come with 200 or 201"_s).constData());
    if (bodyFault && op.noContent)
        QCOMPARE(e.status, 200);
    if (fault.spec == "oversized")
        QVERIFY2(e.responseBody.startsWith("<NotificationOutcome>xxx")
                     && e.responseBody.size() <= HubClient::kKeptResponseBytes,
                 why(u"the start of the oversized body was not kept"_s).constData());
    if (fault.spec == "garbage")
        QVERIFY2(e.responseBody.startsWith("<NotificationOutcome><Succ"),
                 why(u"the garbage body was not kept"_s).constData());

    // Nothing the user composed is lost, however the exchange ended.
    checkComposed(k.composed, e, u"exchange"_s);
    if (QTest::currentTestFailed())
        return;

    // The history has it, with its status, error and request.
    const auto stored = m_store->reader().load(e.id);
    QVERIFY2(stored.ok(), qPrintable(stored.ok() ? QString() : stored.error().message));
    const HistoryRecord &r = *stored;
    QCOMPARE(r.exchange.operation, e.operation);
    QCOMPARE(r.exchange.result, e.result);
    QCOMPARE(r.exchange.status, e.status);
    QCOMPARE(r.exchange.abortReason, e.abortReason);
    QCOMPARE(r.exchange.errorSentence, e.errorSentence);
    QCOMPARE(r.exchange.error.has_value(), e.error.has_value());
    if (e.error)
        QCOMPARE(r.exchange.error->code, e.error->code);
    QCOMPARE(int(r.exchange.attempts.size()), int(e.attempts.size()));
    const bool noTargets =
        x.result == ExchangeResult::Success && e.result == ExchangeResult::NoTargets;
    QCOMPARE(r.status, noTargets ? HistoryStatus::NoTargets : x.historyStatus);
    QCOMPARE(r.exchange.requestBody, e.requestBody);
    QCOMPARE(r.exchange.url, e.url);
    QCOMPARE(requestHeaderNamesWithout(r.exchange.requestHeaders, "Authorization"),
             requestHeaderNamesWithout(e.requestHeaders, "Authorization"));
    checkComposed(k.composed, r.exchange, u"stored record"_s);
    if (!k.composed.target.isEmpty()) {
        QCOMPARE(r.context.target, k.composed.target);
        QStringList tags = r.tags;
        tags.sort();
        QCOMPARE(tags, k.composed.tags);
    }
    ++m_passed;
}

void TestFaultMatrix::cleanupTestCase()
{
    if (qEnvironmentVariableIsSet("NH_FAULTMATRIX_TIMES")) {
        for (int f = 0; f < m_faults.size(); ++f) {
            qint64 sum = 0, most = 0;
            for (const Case &c : std::as_const(m_cases)) {
                if (c.fault == f) {
                    sum += c.elapsedMs;
                    most = std::max(most, c.elapsedMs);
                }
            }
            qInfo("%-32s total %6lld ms, slowest %5lld ms", qPrintable(m_faults.at(f).label), sum,
                  most);
        }
    }
    qInfo("fault matrix: %d of %d cases passed (%d operations x %d faults), run in %lld ms",
          m_passed, int(m_cases.size()), int(m_ops.size()), int(m_faults.size()), m_runMs);
}

QTEST_GUILESS_MAIN(TestFaultMatrix)
#include "tst_faultmatrix.moc"
