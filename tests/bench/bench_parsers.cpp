// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Parser throughput as a ratio to a bare QXmlStreamReader pass over the same bytes, measured in
// the same run, so the figure means the same on any machine: ratio 0.5 = the parser costs twice a
// plain tokenizing pass. Every document is parsed and its values checked before it is timed;
// a wrong value exits 1, so the benchmark cannot measure a parser that does nothing.
// NH_BENCH_QUICK=1 (set by ctest) runs a few iterations only.

#include "protocol/errorbody.h"
#include "protocol/notificationdetails.h"
#include "protocol/notificationoutcome.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QString>
#include <QXmlStreamReader>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <vector>

using namespace Qt::Literals::StringLiterals;

namespace {

/** One table row: a document, a parse that reports success, and a full check of its values. */
struct Row
{
    QString name;
    QByteArray document;
    std::function<bool(const QByteArray &)> parse;
    std::function<QString(const QByteArray &)> verify; ///< empty when every value is right
};

/** Builds a Row from any `Result<T> parser(const QByteArray &)` and a check of its T. */
template<typename Parser, typename Check>
Row row(const QString &name, const QByteArray &document, Parser parser, Check check)
{
    return Row {name, document, [parser](const QByteArray &xml) { return parser(xml).ok(); },
                [parser, check](const QByteArray &xml) -> QString {
                    const auto parsed = parser(xml);
                    if (!parsed.ok())
                        return parsed.error().message;
                    return check(parsed.value());
                }};
}

// --- NotificationOutcome: the most a test send returns (10 results), as the service writes it.

constexpr int kOutcomeResults = 10;
constexpr int kOutcomeSuccesses = 7;

QString outcomeHandle(int i)
{
    return u"%1"_s.arg(i, 64, 16, QChar(u'0')).toUpper();
}

QString outcomeRegistrationId(int i)
{
    return u"84952388423166060%1-248604613279522266-3"_s.arg(i);
}

QByteArray outcomeDocument()
{
    QByteArray xml =
        "<NotificationOutcome xmlns=\"http://schemas.microsoft.com/netservices/2010/10/"
        "servicebus/connect\" xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\">"
        "<Success>7</Success><Failure>3</Failure><Results>"_ba;
    for (int i = 0; i < kOutcomeResults; ++i) {
        const QLatin1StringView outcome =
            i < kOutcomeSuccesses ? Nh::kOutcomeSuccess : Nh::kOutcomeInvalidHandle;
        xml += "<RegistrationResult><ApplicationPlatform>"_ba + (i % 2 ? "fcmv1"_ba : "apple"_ba)
            + "</ApplicationPlatform><PnsHandle>"_ba + outcomeHandle(i).toUtf8()
            + "</PnsHandle><RegistrationId>"_ba + outcomeRegistrationId(i).toUtf8()
            + "</RegistrationId><Outcome>"_ba + QByteArray(outcome.data(), outcome.size())
            + "</Outcome></RegistrationResult>"_ba;
    }
    return xml + "</Results></NotificationOutcome>"_ba;
}

QString checkOutcome(const Nh::NotificationOutcome &outcome)
{
    if (outcome.success != kOutcomeSuccesses || outcome.failure != 3)
        return u"counts %1/%2, expected 7/3"_s.arg(outcome.success).arg(outcome.failure);
    if (outcome.results.size() != kOutcomeResults)
        return u"%1 results, expected %2"_s.arg(outcome.results.size()).arg(kOutcomeResults);
    for (int i = 0; i < kOutcomeResults; ++i) {
        const Nh::RegistrationResult &r = outcome.results.at(i);
        const QString platform = i % 2 ? u"fcmv1"_s : u"apple"_s;
        const Nh::OutcomeKind kind =
            i < kOutcomeSuccesses ? Nh::OutcomeKind::Success : Nh::OutcomeKind::InvalidHandle;
        if (r.applicationPlatform != platform || r.pnsHandle != outcomeHandle(i)
            || r.registrationId != outcomeRegistrationId(i)
            || Nh::classifyOutcome(r.outcome) != kind)
            return u"result %1 differs"_s.arg(i + 1);
    }
    return {};
}

// --- Error body: docs/protocol.md §3.4.

QByteArray errorDocument()
{
    return "<Error><Code>404</Code><Detail>Installation not found.TrackingId:cc8c4f9b-fd82-4cfa-"
           "8f99-7a089eb4cd69_G3,TimeStamp:11/7/2018 12:18:37 AM</Detail></Error>"_ba;
}

QString checkErrorBody(const Nh::HubErrorBody &body)
{
    if (body.code != 404 || body.text != u"Installation not found"_s
        || body.trackingId != u"cc8c4f9b-fd82-4cfa-8f99-7a089eb4cd69_G3"_s
        || body.timeStamp != u"11/7/2018 12:18:37 AM"_s)
        return u"got code %1, text \"%2\", tracking id \"%3\", time stamp \"%4\""_s.arg(body.code)
            .arg(body.text, body.trackingId, body.timeStamp);
    return {};
}

// --- NotificationDetails: docs/protocol.md §5.4 with two platforms.

QByteArray detailsDocument()
{
    return "<NotificationDetails xmlns=\"http://schemas.microsoft.com/netservices/2010/10/"
           "servicebus/connect\" xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\">"
           "<NotificationId>5b2c3a1e</NotificationId>"
           "<Location>sb://contoso.servicebus.windows.net/myhub/messages/5b2c3a1e?"
           "api-version=2015-04</Location><State>Completed</State>"
           "<EnqueueTime>2015-11-02T21:19:43Z</EnqueueTime>"
           "<StartTime>2015-11-02T21:19:43.9926996Z</StartTime>"
           "<EndTime>2015-11-02T21:19:44.0126996Z</EndTime>"
           "<NotificationBody>{\"aps\":{\"alert\":\"Hello\"}}</NotificationBody>"
           "<TargetPlatforms>apple,windows</TargetPlatforms>"
           "<ApnsOutcomeCounts><Outcome><Name>Success</Name><Count>8</Count></Outcome>"
           "<Outcome><Name>ExpiredChannel</Name><Count>1</Count></Outcome></ApnsOutcomeCounts>"
           "<WnsOutcomeCounts><Outcome><Name>Success</Name><Count>3</Count></Outcome>"
           "<Outcome><Name>WrongToken</Name><Count>1</Count></Outcome></WnsOutcomeCounts>"
           "</NotificationDetails>"_ba;
}

QString checkDetails(const Nh::NotificationDetails &details)
{
    const QDateTime end(QDate(2015, 11, 2), QTime(21, 19, 44, 12), Qt::UTC);
    if (details.state != Nh::NotificationState::Completed || details.endTime != end
        || details.targetPlatforms != QStringList {u"apple"_s, u"windows"_s}
        || details.outcomeCounts.size() != 2
        || details.outcomeCounts.at(1).outcomes.value(1).name != u"WrongToken"_s
        || details.outcomeCounts.at(0).outcomes.value(0).count != 8)
        return u"the parsed details differ"_s;
    return {};
}

// --- Timing.

/** A bare tokenizing pass: what any QXmlStreamReader-based parser must at least pay. */
bool baselinePass(const QByteArray &document)
{
    QXmlStreamReader reader(document);
    qint64 tokens = 0;
    while (!reader.atEnd()) {
        reader.readNext();
        ++tokens;
    }
    return !reader.hasError() && tokens > 0;
}

// Keeps the compiler from dropping calls whose results nobody reads.
volatile qint64 g_sink = 0;

/** Documents per second: batches double until one lasts at least `minNanoseconds`. */
double docsPerSecond(const std::function<bool(const QByteArray &)> &pass,
                     const QByteArray &document, qint64 minNanoseconds)
{
    for (qint64 batch = 1;; batch *= 2) {
        QElapsedTimer timer;
        timer.start();
        qint64 ok = 0;
        for (qint64 i = 0; i < batch; ++i)
            ok += pass(document) ? 1 : 0;
        const qint64 elapsed = timer.nsecsElapsed();
        g_sink = g_sink + ok;
        if (ok != batch) {
            std::fprintf(stderr, "bench_parsers: a timed pass failed\n");
            std::exit(1);
        }
        if (elapsed >= minNanoseconds)
            return double(batch) * 1e9 / double(elapsed);
    }
}

} // namespace

int main()
{
    const bool quick = qEnvironmentVariableIntValue("NH_BENCH_QUICK") != 0;
    const qint64 minNanoseconds = quick ? 5'000'000 : 250'000'000;
    const int rounds = quick ? 1 : 3;

    // One line per parser; the registration feed parser can join with its own document and check.
    const std::vector<Row> rows {
        row(u"NotificationOutcome, 10 results"_s, outcomeDocument(), Nh::parseNotificationOutcome,
            checkOutcome),
        row(u"Error body"_s, errorDocument(), Nh::parseErrorBody, checkErrorBody),
        row(u"NotificationDetails, 2 platforms"_s, detailsDocument(), Nh::parseNotificationDetails,
            checkDetails),
    };

    int failures = 0;
    for (const Row &r : rows) {
        if (!baselinePass(r.document)) {
            std::fprintf(stderr, "bench_parsers: %s: the document is not well-formed\n",
                         qPrintable(r.name));
            ++failures;
        } else if (const QString problem = r.verify(r.document); !problem.isEmpty()) {
            std::fprintf(stderr, "bench_parsers: %s: wrong values: %s\n", qPrintable(r.name),
                         qPrintable(problem));
            ++failures;
        }
    }
    if (failures)
        return 1;

    std::printf("bench_parsers%s: ratio = parser throughput / bare QXmlStreamReader pass over the "
                "same bytes (best of %d)\n",
                quick ? " (NH_BENCH_QUICK)" : "", rounds);
    std::printf("%-34s %7s %9s %11s %13s %7s\n", "name", "bytes", "MB/s", "docs/s", "baseline MB/s",
                "ratio");
    for (const Row &r : rows) {
        double parser = 0;
        double baseline = 0;
        // Alternating the two evens out drift (frequency scaling, other load) between them.
        for (int i = 0; i < rounds; ++i) {
            baseline = std::max(baseline, docsPerSecond(baselinePass, r.document, minNanoseconds));
            parser = std::max(parser, docsPerSecond(r.parse, r.document, minNanoseconds));
        }
        const double megabytes = double(r.document.size()) / 1e6;
        std::printf("%-34s %7lld %9.1f %11.0f %13.1f %7.2f\n", qPrintable(r.name),
                    static_cast<long long>(r.document.size()), parser * megabytes, parser,
                    baseline * megabytes, parser / baseline);
    }
    return 0;
}
