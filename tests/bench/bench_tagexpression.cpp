// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Throughput of TagExpression on realistic expressions, as ratios against two baselines measured
// in the same run: a bare QStringView scan that only finds the tags, and the .NET SDK's tag regex
// applied to each of them. Absolute figures depend on the machine; the ratios should not move
// much. NH_BENCH_QUICK=1 runs a few milliseconds per row (ctest does that, to keep the checks
// below running). Exits 1 if any result is wrong, so it can never measure nothing.

#include "protocol/tagexpression.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QSet>
#include <QStringList>
#include <cstdio>
#include <functional>

using namespace Qt::Literals::StringLiterals;
using Nh::TagExpression;

namespace {

struct Case
{
    QString text;
    bool matches; // against registrationTags()
    QString normalized; // expected normalized()
};

QSet<QString> registrationTags()
{
    return {u"follows_Cardinals"_s,
            u"location_Boston"_s,
            u"user:alice"_s,
            u"lang_en"_s,
            u"premium"_s,
            u"city_Seattle"_s,
            u"$InstallationId:{8b3e1b9e-0c3a-4f7d-b26e-2c1a8a1c2f3d}"_s};
}

QList<Case> cases()
{
    QStringList cities;
    for (const char *city :
         {"Amsterdam", "Berlin",   "Cairo",   "Dublin", "Edinburgh", "Florence", "Geneva",
          "Hanoi",     "Istanbul", "Jakarta", "Kyoto",  "Lisbon",    "Madrid",   "Nairobi",
          "Oslo",      "Paris",    "Quito",   "Rome",   "Sydney",    "Seattle"})
        cities << u"city_"_s + QString::fromLatin1(city);
    const QString cityOr = cities.join(u" || "_s);

    return {
        {u"sports"_s, false, u"sports"_s},
        // What the public Python sample sends: a set joined with " || ".
        {u"sports || politics"_s, false, u"sports || politics"_s},
        {u"(follows_RedSox || follows_Cardinals) && location_Boston"_s, true,
         u"(follows_RedSox || follows_Cardinals) && location_Boston"_s},
        {u"$InstallationId:{8b3e1b9e-0c3a-4f7d-b26e-2c1a8a1c2f3d}"_s, true,
         u"$InstallationId:{8b3e1b9e-0c3a-4f7d-b26e-2c1a8a1c2f3d}"_s},
        {u"user:alice && !muted"_s, true, u"user:alice && !muted"_s},
        {u"(lang_en || lang_fr) && (premium || trial) && !opted_out"_s, true,
         u"(lang_en || lang_fr) && (premium || trial) && !opted_out"_s},
        {u"breaking_news||sports&&!muted"_s, false, u"breaking_news || (sports && !muted)"_s},
        {u"$UserId:{alice@contoso.com} || $UserId:{bob@contoso.com}"_s, false,
         u"$UserId:{alice@contoso.com} || $UserId:{bob@contoso.com}"_s},
        {cityOr, true, cityOr},
    };
}

bool isDelimiter(QChar c)
{
    return c.isSpace() || c == u'&' || c == u'|' || c == u'!' || c == u'(' || c == u')';
}

/// The least any parser must do: find the tags. Returns how many there are; adds their lengths
/// to `sink` so that the loop cannot be optimised away.
int scanTags(QStringView text, qsizetype &sink, const std::function<void(QStringView)> &onTag = {})
{
    int count = 0;
    qsizetype i = 0;
    while (i < text.size()) {
        if (isDelimiter(text[i])) {
            ++i;
            continue;
        }
        const qsizetype start = i;
        while (i < text.size() && !isDelimiter(text[i]))
            ++i;
        ++count;
        sink += i - start;
        if (onTag)
            onTag(text.sliced(start, i - start));
    }
    return count;
}

struct Row
{
    const char *name;
    double opsPerSecond;
};

/// Runs `round` (one pass over all cases) until `seconds` have passed; expressions per second.
double measure(const std::function<void()> &round, qsizetype casesPerRound, double seconds)
{
    round(); // warm up
    QElapsedTimer timer;
    timer.start();
    qint64 rounds = 0;
    do {
        for (int i = 0; i < 16; ++i)
            round();
        rounds += 16;
    } while (timer.nsecsElapsed() < qint64(seconds * 1e9));
    return double(rounds * casesPerRound) / (double(timer.nsecsElapsed()) / 1e9);
}

int failures = 0;

void check(bool ok, const QString &what)
{
    if (!ok) {
        std::fprintf(stderr, "FAIL: %s\n", qPrintable(what));
        ++failures;
    }
}

} // namespace

int main()
{
    const bool quick = qEnvironmentVariableIntValue("NH_BENCH_QUICK") == 1;
    const double seconds = quick ? 0.02 : 0.5;
    const QList<Case> all = cases();
    const QSet<QString> tags = registrationTags();
    // The validation regex of the .NET SDK (docs/protocol.md §6.1).
    const QRegularExpression tagRegex(
        u"^(\\$(InstallationId|UserId):\\{[-_@#.:=\\w]+\\}|[-_@#.:\\w]+)$"_s,
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    tagRegex.optimize();

    // Verify first: every expression parses, evaluates, normalizes as expected and agrees with
    // both baselines on its tags.
    QList<TagExpression> parsed;
    for (const Case &c : all) {
        const auto result = TagExpression::parse(c.text);
        check(result.ok(),
              u"parse: "_s + c.text + u" → "_s
                  + (result.ok() ? QString() : result.error().message));
        if (!result.ok())
            continue;
        parsed << result.value();
        check(result->matches(tags) == c.matches, u"matches: "_s + c.text);
        check(result->normalized() == c.normalized,
              u"normalized: "_s + c.text + u" → "_s + result->normalized());
        qsizetype sink = 0;
        bool regexOk = true;
        const int scanned = scanTags(c.text, sink, [&](QStringView tag) {
            regexOk = regexOk && tag.size() <= TagExpression::kMaxTagLength
                && tagRegex.match(tag).hasMatch();
        });
        check(scanned == result->tagCount(), u"scan count: "_s + c.text);
        check(regexOk, u"regex: "_s + c.text);
    }
    if (failures > 0 || parsed.size() != all.size())
        return 1;

    qsizetype sink = 0;
    int matched = 0;
    QList<Row> rows;
    rows.append({"scan (baseline)",
                 measure(
                     [&] {
                         for (const Case &c : all)
                             scanTags(c.text, sink);
                     },
                     all.size(), seconds)});
    rows.append({"regex per tag (baseline)",
                 measure(
                     [&] {
                         for (const Case &c : all) {
                             scanTags(c.text, sink, [&](QStringView tag) {
                                 sink += tagRegex.match(tag).hasMatch() ? 1 : 0;
                             });
                         }
                     },
                     all.size(), seconds)});
    rows.append({"parse",
                 measure(
                     [&] {
                         for (const Case &c : all)
                             sink += TagExpression::parse(c.text)->tagCount();
                     },
                     all.size(), seconds)});
    rows.append({"parse + match",
                 measure(
                     [&] {
                         for (const Case &c : all)
                             matched += TagExpression::parse(c.text)->matches(tags);
                     },
                     all.size(), seconds)});
    rows.append({"match (parsed)",
                 measure(
                     [&] {
                         for (const TagExpression &e : parsed)
                             matched += e.matches(tags);
                     },
                     all.size(), seconds)});
    rows.append({"match case-sensitive",
                 measure(
                     [&] {
                         for (const TagExpression &e : parsed)
                             matched += e.matches(tags, Qt::CaseSensitive);
                     },
                     all.size(), seconds)});
    rows.append({"normalized",
                 measure(
                     [&] {
                         for (const TagExpression &e : parsed)
                             sink += e.normalized().size();
                     },
                     all.size(), seconds)});

    // The matches above must have happened: 5 of the cases match, in every round.
    if (matched == 0 || sink == 0) {
        std::fprintf(stderr, "FAIL: measured loops did no work\n");
        return 1;
    }

    const double baseline = rows.first().opsPerSecond;
    std::printf("%lld expressions per round%s; ratio = ops/s divided by the scan baseline's\n",
                static_cast<long long>(all.size()), quick ? " (quick run)" : "");
    std::printf("%-26s %14s %8s\n", "name", "ops/s", "ratio");
    for (const Row &row : rows)
        std::printf("%-26s %14.0f %8.3f\n", row.name, row.opsPerSecond,
                    row.opsPerSecond / baseline);
    return 0;
}
