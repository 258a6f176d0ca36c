// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The reach preview at real size (issue #18, docs/reach.md): an in-process emulator holds N
// registrations (default 1,000,000, made by the generator of `nhemulator --generate`), and the
// preview's planner answers expressions over real HTTPS. For each expression it prints the requests
// made, the registrations fetched, whether the answer is exact or a bound, and the time as a ratio
// to a one-registration GET measured in the same run. Targets: a selective expression
// (`user:X && lang:en`) in at most 5 requests and under a second. A wrong reach (checked against
// the generated data) exits 1, so a fast wrong answer cannot pass for a fast one.
// NH_BENCH_QUICK=1 (set by ctest) uses 20,000 registrations; BENCH_N overrides.

#include "benchsupport.h"
#include "client/hubclient.h"
#include "client/reach.h"
#include "client/reachplan.h"
#include "client/reachquery.h"
#include "emulator/emulatorgenerator.h"
#include "emulator/emulatorstate.h"
#include "emulatorfixture.h"
#include "protocol/tagexpression.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <cstdlib>

using namespace Nh;
using namespace Qt::Literals::StringLiterals;

namespace {

using Bench::fail;
using Bench::median;
using Bench::waitFor;

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const bool quick = qEnvironmentVariableIntValue("NH_BENCH_QUICK") == 1;
    const int n = Bench::generatedCount();

    EmulatorFixture f;
    if (!f.start())
        fail(u"the emulator did not start"_s);
    f.resetHub();
    EmulatorHub &hub = *f.emulator.state().hub(f.hub());
    // The generator of `nhemulator --generate`: user:<i>, cohort:<i mod 1000>, lang:<xx>.
    const GenerateReport generated = generateRegistrations(hub, GenerateSpec {n, 1});
    std::printf("generated %lld registrations in %.1f s\n", static_cast<long long>(generated.count),
                generated.elapsedMs / 1000.0);
    const QString someId = hub.registrations.begin()->first;

    HubClient client(&f.nam);
    client.setConnection(f.hubConnection(u"DefaultFullSharedAccessSignature"_s, 120000));

    // The baseline: one registration by id, over the same connection.
    QList<double> gets;
    for (int i = 0; i < (quick ? 5 : 21); ++i) {
        QElapsedTimer t;
        t.start();
        HubJob *job = client.getRegistration(someId);
        waitFor(job, &HubJob::finished);
        gets << t.nsecsElapsed() / 1e6;
    }
    const double getMs = median(gets);
    std::printf("one-registration GET: %.2f ms (median)\n\n", getMs);

    // The selective case: one user and the language that user's registration has, so that the
    // reach is known (that user's registrations, a duplicate handle included).
    const int user = std::min(n - 1, 10);
    QString language;
    qsizetype userRegistrations = 0;
    {
        ReachQuery q(&client);
        const auto one = TagExpression::parse(u"user:%1"_s.arg(user));
        q.start(ReachPlan::forExpression(&*one));
        waitFor(&q, &ReachQuery::finished);
        if (!q.ok() || q.registrations().isEmpty())
            fail(u"user:%1 has no registration"_s.arg(user));
        userRegistrations = q.registrations().size();
        for (const QString &tag : q.registrations().first().tags) {
            if (tag.startsWith(u"lang:"_s))
                language = tag;
        }
    }
    struct Case
    {
        QString expression;
        qsizetype expected = -1; ///< exact reach over every format; -1: unchecked
    };
    const QList<Case> cases {
        {u"user:%1 && %2"_s.arg(user).arg(language), userRegistrations},
        {u"user:%1 || user:%2"_s.arg(user).arg(user + 1), -1},
        {u"cohort:7"_s, -1},
        {u"cohort:7 && lang:fr"_s, -1},
        {u"lang:de && !cohort:3"_s, -1},
        {QString(), -1},
    };
    std::printf("%-28s %9s %9s %10s %10s %9s  %s\n", "expression", "requests", "fetched", "reached",
                "ms", "x GET", "answer");
    for (const Case &k : cases) {
        std::optional<TagExpression> expression;
        if (!k.expression.isEmpty()) {
            auto parsed = TagExpression::parse(k.expression);
            if (!parsed)
                fail(k.expression + u" does not parse"_s);
            expression = *parsed;
        }
        const ReachPlan plan = ReachPlan::forExpression(expression ? &*expression : nullptr);
        ReachQuery q(&client);
        QElapsedTimer t;
        t.start();
        q.start(plan);
        waitFor(&q, &ReachQuery::finished);
        const double ms = t.nsecsElapsed() / 1e6;
        if (!q.ok())
            fail(k.expression + u": "_s + q.failure().errorSentence);
        // Every registration the expression matches, whatever its platform or template.
        qsizetype reached = 0;
        for (const Registration &r : q.registrations()) {
            const QSet<QString> tags(r.tags.cbegin(), r.tags.cend());
            reached += !expression || expression->matches(tags);
        }
        if (k.expected >= 0 && (reached != k.expected || !q.isComplete()))
            fail(u"%1 reached %2, expected %3"_s.arg(k.expression).arg(reached).arg(k.expected));
        std::printf("%-28s %9d %9lld %10lld %10.1f %9.1f  %s\n",
                    qPrintable(k.expression.isEmpty() ? u"(broadcast)"_s : k.expression),
                    q.requests(), static_cast<long long>(q.registrations().size()),
                    static_cast<long long>(reached), ms, ms / getMs,
                    q.isComplete() ? "exact" : "at least (bound)");
        if (&k == &cases.first())
            std::printf("  -> selective target: <= 5 requests (%s), < 1 s (%s)\n",
                        q.requests() <= 5 ? "met" : "MISSED", ms < 1000 ? "met" : "MISSED");
    }
    return 0;
}
