// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The emulator at a million registrations (issue #18): a hub generated in-process
// (EmulatorOptions::generate, as `nhemulator --generate`), then, over real HTTPS on one
// keep-alive connection, the rate of a one-registration GET and of each of: a test send to one
// user's tag, to a cohort, to `user && lang`, a broadcast test send, a by-tag listing ($top=10)
// of a tag with one member and of a tag with 1,000 members, and a by-channel listing. Each is
// printed as a ratio to the GET's rate in the same run (target >= 0.5), with the generation rate
// (target >= 50,000/s), the process's RSS and its growth per registration (targets <= 1.2 GB,
// <= 1 KB). Times are printed, never asserted. NH_BENCH_QUICK=1 (set by ctest) uses 20,000
// registrations; NH_BENCH_REGISTRATIONS=<n> overrides the count; NH_BENCH_CASE=<text> runs only
// the cases whose name contains it (for a profiler).
//
// A machine that is busy with something else changes speed within seconds, so each case is
// measured in blocks that alternate with blocks of the GET, and its ratio is the median of the
// ratios of neighbouring blocks.
//
// Every response is checked, the same way for every case: its status and how many entries or
// results it holds (a byte count, as cheap for a listing as for an outcome). The first response
// of each block is also read by the console's own parser (an outcome by
// parseNotificationOutcome, whose 10-result parse costs more than the emulator's whole answer),
// so a wrong answer still exits 1 without the client's parsing deciding the rate.

#include "benchsupport.h"
#include "emulator/emulatorstate.h"
#include "emulator/hubemulator.h"
#include "protocol/connectionstring.h"
#include "protocol/notificationoutcome.h"
#include "protocol/registrationfeed.h"
#include "protocol/sastoken.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QThread>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace {

using Bench::fail;

constexpr int kCaseDeadlineMs = 120000;

qint64 rssBytes()
{
    QFile f(u"/proc/self/status"_s);
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong() * 1024;
    }
    return 0;
}

struct Response
{
    int status = 0;
    QByteArray body;
};

/** How a case's responses are checked: every one cheaply, the first measured one in full. */
struct Check
{
    std::function<QString(const Response &)> every;
    std::function<QString(const Response &)> full;
};

qsizetype contentLength(QByteArrayView head)
{
    for (const QByteArray &line : head.toByteArray().split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0
            && line.first(colon).trimmed().compare("Content-Length", Qt::CaseInsensitive) == 0)
            return line.sliced(colon + 1).trimmed().toLongLong();
    }
    return -1;
}

/**
 * Sends `request` over one keep-alive HTTPS connection `warmup + measured` times, each after the
 * previous response; returns the seconds the measured ones took.
 */
double runCase(quint16 port, const QSslCertificate &ca, const QByteArray &request, int warmup,
               int measured, const Check &check)
{
    QObject owner;
    QEventLoop loop;
    QElapsedTimer clock;
    QSslSocket socket;
    QByteArray buffer;
    int completed = 0;
    double seconds = 0;
    QString error;
    const int total = warmup + measured;
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.addCaCertificate(ca);
    tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
    socket.setSslConfiguration(tls);
    socket.setSocketOption(QAbstractSocket::LowDelayOption, 1);
    const auto abortCase = [&](const QString &why) {
        if (error.isEmpty())
            error = why;
        loop.quit();
    };
    QObject::connect(&socket, &QSslSocket::encrypted, &owner, [&] {
        if (warmup == 0)
            clock.start();
        socket.write(request);
    });
    QObject::connect(&socket, &QSslSocket::readyRead, &owner, [&] {
        buffer += socket.readAll();
        for (;;) {
            const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
            if (headerEnd < 0)
                return;
            const QByteArrayView head(buffer.constData(), headerEnd);
            const qsizetype length = contentLength(head);
            if (length < 0)
                return abortCase(u"a response without Content-Length"_s);
            if (buffer.size() < headerEnd + 4 + length)
                return;
            Response r {head.sliced(9, 3).toInt(), buffer.sliced(headerEnd + 4, length)};
            buffer.remove(0, headerEnd + 4 + length);
            if (const QString why = check.every(r); !why.isEmpty())
                return abortCase(why);
            // Checked in full before the clock starts or after it stopped, never inside it.
            if (completed + 1 == warmup || (warmup == 0 && completed == 0)) {
                if (const QString why = check.full(r); !why.isEmpty())
                    return abortCase(why);
            }
            if (++completed == warmup)
                clock.start();
            if (completed == total) {
                seconds = double(clock.nsecsElapsed()) / 1e9;
                return loop.quit();
            }
            socket.write(request);
        }
    });
    QObject::connect(&socket, &QSslSocket::sslErrors, &owner,
                     [&](const QList<QSslError> &e) { abortCase(e.value(0).errorString()); });
    QObject::connect(&socket, &QSslSocket::disconnected, &owner,
                     [&] { abortCase(u"the server closed the connection"_s); });
    QTimer::singleShot(kCaseDeadlineMs, &owner, [&] { abortCase(u"no result in time"_s); });
    socket.connectToHostEncrypted(u"127.0.0.1"_s, port);
    loop.exec();
    if (!error.isEmpty())
        fail(error);
    socket.disconnect(&owner);
    socket.abort();
    return seconds;
}

struct Server
{
    std::unique_ptr<Nh::HubEmulator> emulator;
    Nh::GenerateReport generated;
    qint64 rssBefore = 0;
    qint64 rssAfter = 0;
    QString oneId; ///< a registration to GET
    QString user; ///< an apple user tag with one registration
    QString lang; ///< that user's language tag
    QString handle; ///< that registration's device token
    qint64 serverMicros = 0; ///< time the emulator spent on the requests since the last take
    qint64 served = 0;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const bool quick = qEnvironmentVariableIntValue("NH_BENCH_QUICK") != 0;
    qint64 count = quick ? 20000 : 1000000;
    if (const qint64 n = qEnvironmentVariable("NH_BENCH_REGISTRATIONS").toLongLong(); n > 0)
        count = n;
    const int measured = quick ? 100 : 1000;
    const int warmup = quick ? 10 : 50;

    QThread thread;
    QObject context;
    context.moveToThread(&thread);
    thread.start();
    Server s;
    const auto inServer = [&](const std::function<void()> &f) {
        QMetaObject::invokeMethod(&context, f, Qt::BlockingQueuedConnection);
    };
    inServer([&] {
        s.emulator = std::make_unique<Nh::HubEmulator>();
        Nh::EmulatorOptions o;
        o.seedDemoData = false;
        o.listenIpv6 = false;
        if (const auto st = s.emulator->start(o); !st)
            fail(st.error().message);
        QObject::connect(s.emulator.get(), &Nh::HubEmulator::exchangeLogged, s.emulator.get(),
                         [&s](const Nh::EmulatorLogEntry &e) {
                             s.serverMicros += e.elapsedMicroseconds;
                             ++s.served;
                         });
        // Generated after the start, so that the RSS growth is the registrations' alone.
        Nh::EmulatorState &state = s.emulator->state();
        Nh::EmulatorHub &hub = *state.hub(s.emulator->hubName());
        s.rssBefore = rssBytes();
        s.generated = Nh::generateRegistrations(hub, {count, 1});
        s.rssAfter = rssBytes();
        for (qint64 i = count / 2; i < count && s.user.isEmpty(); ++i) {
            const QString tag = u"user:"_s + QString::number(i);
            auto cursor = hub.registrations.withTag(tag, {});
            const auto slot = cursor.next();
            if (!slot || hub.registrations.platform(*slot) != Nh::Platform::Apple
                || hub.registrations.isTemplate(*slot)
                || hub.registrations.handle(*slot).contains(u"expired"_s))
                continue;
            const Nh::Registration r = hub.registrations.registration(*slot);
            s.user = tag;
            s.lang = r.tags.value(2);
            s.handle = r.handle;
            s.oneId = r.registrationId;
        }
    });
    if (s.user.isEmpty())
        fail(u"no apple user in the generated hub"_s);

    const quint16 port = s.emulator->port();
    const QSslCertificate ca = s.emulator->certificate();
    const QString hub = s.emulator->hubName();
    // 127.0.0.1, not localhost: a bare chroot may have no /etc/hosts (docs/toolchain.md P7).
    const auto emulatorCs = s.emulator->connectionString();
    const auto cs = Nh::ConnectionString::fromParts(u"127.0.0.1"_s, port, emulatorCs.keyName(),
                                                    emulatorCs.key());
    const auto request = [&](const QByteArray &method, const QString &pathAndQuery,
                             const QByteArray &extra = {},
                             const QByteArray &body = {}) -> QByteArray {
        const QUrl url(u"https://127.0.0.1:%1/"_s.arg(port) + hub + pathAndQuery);
        const QString audience = Nh::Sas::audience(cs, hub, url, Nh::Sas::Audience::Hub);
        const auto token =
            Nh::Sas::generate(audience, cs.keyName(), cs.key(), QDateTime::currentDateTimeUtc());
        return method + " /"_ba + hub.toUtf8() + pathAndQuery.toUtf8()
            + " HTTP/1.1\r\nHost: 127.0.0.1:"_ba + QByteArray::number(port)
            + "\r\nAuthorization: "_ba + token.header().toUtf8()
            + "\r\nx-ms-version: 2020-06\r\n"_ba + extra + "Content-Length: "_ba
            + QByteArray::number(body.size()) + "\r\n\r\n"_ba + body;
    };
    const auto testSend = [&](const QString &tags) -> QByteArray {
        const QByteArray tagHeader = tags.isEmpty()
            ? QByteArray()
            : "ServiceBusNotification-Tags: "_ba + tags.toUtf8() + "\r\n";
        return request(
            "POST", u"/messages?api-version=2020-06&test"_s,
            "Content-Type: application/json\r\nServiceBusNotification-Format: apple\r\n"_ba
                + tagHeader,
            R"({"aps":{"alert":"bench"}})"_ba);
    };
    // A small (quick) hub's cohort has fewer than ten apple registrations.
    const auto counted = [](const QByteArray &element, int status, int min, int max) {
        return [=](const Response &r) -> QString {
            const int n = int(r.body.count(element));
            if (r.status != status || n < min || n > max)
                return u"status %1 with %2 × %3, expected %4 with %5..%6"_s.arg(r.status)
                    .arg(n)
                    .arg(QString::fromLatin1(element))
                    .arg(status)
                    .arg(min)
                    .arg(max);
            return {};
        };
    };
    const auto outcomeOf = [&](int results, int atLeast) -> Check {
        return {counted("<RegistrationResult>", 201, atLeast, results),
                [results, atLeast](const Response &r) -> QString {
                    const auto o = Nh::parseNotificationOutcome(r.body);
                    if (!o || o->results.size() > results || o->results.size() < atLeast)
                        return u"expected %1 results: %2"_s.arg(results).arg(
                            QString::fromUtf8(r.body.left(300)));
                    return {};
                }};
    };
    const auto entries = [&](int min, int max) -> Check {
        return {counted("<RegistrationId>", 200, min, max),
                [min, max](const Response &r) -> QString {
                    const auto feed = Nh::parseRegistrationFeed(r.body);
                    if (!feed || feed->entries.size() < min || feed->entries.size() > max)
                        return u"expected %1..%2 registrations: %3"_s.arg(min).arg(max).arg(
                            QString::fromUtf8(r.body.left(300)));
                    return {};
                }};
    };
    const Check oneEntry {counted("<RegistrationId>", 200, 1, 1), [](const Response &r) {
                              return Nh::parseRegistrationEntry(r.body)
                                  ? QString()
                                  : u"not a registration: %1"_s.arg(
                                      QString::fromUtf8(r.body.left(300)));
                          }};

    std::printf("bench_emulatorscale: %lld registrations generated in %lld ms: %.0f a second "
                "(target >= 50000)%s\n",
                qint64(s.generated.count), qint64(s.generated.elapsedMs), s.generated.rate(),
                quick ? " (NH_BENCH_QUICK)" : "");
    const double perRegistration = double(s.rssAfter - s.rssBefore) / double(count);
    std::printf("RSS %.0f MB (target <= 1200 at 1,000,000), growth %.0f bytes per registration "
                "(target <= 1024)\n\n",
                double(s.rssAfter) / 1e6, perRegistration);
    std::printf("%d measured requests per case, in blocks on keep-alive HTTPS connections that "
                "alternate with blocks of the GET\n",
                measured);
    std::printf("%-34s %10s %8s %12s\n", "case", "req/s", "ratio", "server us/req");

    const QByteArray getOne =
        request("GET", u"/registrations/"_s + s.oneId + u"?api-version=2020-06"_s);
    // Server time per request: what the emulator itself spent (its request log's figure).
    const auto takeServerMicros = [&] {
        double perRequest = 0;
        inServer([&] {
            perRequest = s.served ? double(s.serverMicros) / double(s.served) : 0;
            s.serverMicros = 0;
            s.served = 0;
        });
        return perRequest;
    };
    struct Case
    {
        const char *name;
        QByteArray request;
        Check check;
    };
    const QString cohort = u"cohort:42"_s;
    const QList<Case> cases {
        {"test send, one user's tag", testSend(s.user), outcomeOf(1, 1)},
        {"test send, a cohort", testSend(cohort), outcomeOf(10, quick ? 1 : 10)},
        {"test send, user && lang", testSend(s.user + u" && "_s + s.lang), outcomeOf(1, 1)},
        {"test send, broadcast", testSend({}), outcomeOf(10, 10)},
        {"by tag, one member ($top=10)",
         request("GET", u"/tags/"_s + s.user + u"/registrations?api-version=2020-06&$top=10"_s),
         entries(1, 1)},
        {"by tag, 1,000 members ($top=10)",
         request("GET", u"/tags/"_s + cohort + u"/registrations?api-version=2020-06&$top=10"_s),
         entries(quick ? 1 : 10, 10)},
        {"by channel",
         request("GET",
                 u"/registrations?api-version=2020-06&$filter=DeviceToken%20eq%20'"_s + s.handle
                     + u"'"_s),
         entries(1, 2)},
    };
    const QString only = qEnvironmentVariable("NH_BENCH_CASE");

    // One unmeasured round first: the first requests after generating pay for cold caches.
    runCase(port, ca, getOne, warmup, measured, oneEntry);
    takeServerMicros();
    // Each case: `blocks` blocks of its requests, each after a block of GETs on a connection of
    // its own; the ratio is the median of the blocks' ratios.
    const int blocks = quick ? 2 : 10;
    const int perBlock = measured / blocks;
    const int blockWarmup = qMax(2, warmup / blocks);
    QList<double> getRates;
    QList<double> getMicros;
    struct Row
    {
        const char *name;
        double rate;
        double ratio;
        double micros;
    };
    QList<Row> rows;
    for (const Case &c : cases) {
        if (!only.isEmpty() && !QString::fromLatin1(c.name).contains(only))
            continue;
        QList<double> rates;
        QList<double> ratios;
        double micros = 0;
        for (int b = 0; b < blocks; ++b) {
            const double get =
                perBlock / runCase(port, ca, getOne, blockWarmup, perBlock, oneEntry);
            getMicros << takeServerMicros();
            getRates << get;
            const double rate =
                perBlock / runCase(port, ca, c.request, blockWarmup, perBlock, c.check);
            micros += takeServerMicros() / blocks;
            rates << rate;
            ratios << rate / get;
        }
        rows.append({c.name, Bench::median(rates), Bench::median(ratios), micros});
    }
    std::printf("%-34s %10.0f %8s %12.0f   (median of %lld blocks, %.0f..%.0f/s)\n",
                "GET one registration", Bench::median(getRates), "1.00", Bench::median(getMicros),
                qint64(getRates.size()), *std::min_element(getRates.cbegin(), getRates.cend()),
                *std::max_element(getRates.cbegin(), getRates.cend()));
    double worst = 1e9;
    for (const Row &row : std::as_const(rows)) {
        worst = qMin(worst, row.ratio);
        std::printf("%-34s %10.0f %8.2f %12.0f\n", row.name, row.rate, row.ratio, row.micros);
    }
    std::printf("\nlowest ratio to the one-registration GET (median of the blocks' ratios): %.2f "
                "(target >= 0.5)\n",
                worst);

    inServer([&] { s.emulator.reset(); });
    thread.quit();
    thread.wait();
    return 0;
}
