// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Template rendering (docs/protocol.md §13) at the scale of a template send: 10,000 template
// registrations, each with its own body, rendered for one property bag, as a ratio to parsing the
// same JSON bodies with QJsonDocument in the same run, so the figure means the same on any
// machine: ratio 0.25 = rendering a registration costs four QJsonDocument parses of its template.
// Every rendered payload is checked before anything is timed; a wrong one exits 1, so the
// benchmark cannot measure a renderer that does nothing. NH_BENCH_QUICK=1 (set by ctest) renders
// a few hundred registrations once.

#include "protocol/templatedocument.h"
#include "protocol/templatelinter.h"
#include "protocol/templaterenderer.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <vector>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int kRegistrations = 10'000;
constexpr int kQuickRegistrations = 300;

/** The bodies the registrations of a real app carry: a few shapes, each with its own literals. */
Nh::TemplateSource registrationTemplate(int i)
{
    Nh::TemplateSource s;
    const QString n = QString::number(i);
    switch (i % 4) {
    case 0:
        s.platform = Nh::Platform::Apple;
        s.body =
            uR"T({"aps":{"alert":{"title":"$(title)","body":"{'Hi ' + $(name) + ', ' + $(body)}"},"badge":"#(badge)","sound":"default"},"id":"reg-)T"_s
            + n + uR"T("})T"_s;
        break;
    case 1:
        s.platform = Nh::Platform::FcmV1;
        s.body =
            uR"T({"message":{"notification":{"title":".(title, 24)","body":"$(body, 80)"},"data":{"url":"{'https://contoso.example/r?id=' + %(name) + '&n=)T"_s
            + n + uR"T('}","kind":"news"}}})T"_s;
        break;
    case 2:
        s.platform = Nh::Platform::Apple;
        s.body = uR"T({"aps":{"alert":"{$(title) + ': ' + $(body)}","category":"cat)T"_s + n
            + uR"T(","thread-id":"$(thread)"},"missing":"$(not_sent)"})T"_s;
        break;
    default:
        s.platform = Nh::Platform::FcmV1;
        s.body =
            uR"T({"message":{"android":{"priority":"high","notification":{"title":"$(TITLE)","body":"$(Body)","tag":"t)T"_s
            + n + uR"T("}},"data":{"badge":"$(badge)"}}})T"_s;
        break;
    }
    return s;
}

Nh::TemplatePropertyBag bag()
{
    return Nh::TemplatePropertyBag({{u"title"_s, u"Breaking: the weather turns"_s},
                                    {u"body"_s, u"Rain from noon, clearing by the evening."_s},
                                    {u"name"_s, u"Ann Lee"_s},
                                    {u"badge"_s, u"3"_s},
                                    {u"thread"_s, u"weather"_s}});
}

/// Checks one rendered registration against what its shape must give; empty when right.
QString verify(int i, const Nh::Result<Nh::RenderedTemplate> &r)
{
    if (!r)
        return r.error().message;
    if (!r->validation.ok())
        return r->validation.error().message;
    const QJsonObject o = QJsonDocument::fromJson(r->bodyUtf8()).object();
    switch (i % 4) {
    case 0:
        if (o[u"aps"_s][u"alert"_s][u"body"_s].toString()
                != u"Hi Ann Lee, Rain from noon, clearing by the evening."_s
            || o[u"aps"_s][u"badge"_s].toInt() != 3)
            return r->body;
        break;
    case 1:
        if (o[u"message"_s][u"notification"_s][u"title"_s].toString()
                != u"Breaking: the weather..."_s
            || !o[u"message"_s][u"data"_s][u"url"_s].toString().contains(u"Ann%20Lee"_s))
            return r->body;
        break;
    case 2:
        if (r->missingProperties != QStringList {u"not_sent"_s} || !r->hasEmptySubstitutions())
            return r->body;
        break;
    default:
        if (o[u"message"_s][u"android"_s][u"notification"_s][u"title"_s].toString()
            != u"Breaking: the weather turns"_s)
            return r->body;
        break;
    }
    return {};
}

volatile qint64 g_sink = 0;

/** Registrations per second of `pass` over all of them, best of `rounds`. */
double rate(const std::function<qint64()> &pass, qsizetype count, int rounds)
{
    double best = 0;
    for (int round = 0; round < rounds; ++round) {
        QElapsedTimer timer;
        timer.start();
        g_sink = g_sink + pass();
        const qint64 ns = std::max<qint64>(1, timer.nsecsElapsed());
        best = std::max(best, double(count) * 1e9 / double(ns));
    }
    return best;
}

} // namespace

int main()
{
    const bool quick = qEnvironmentVariableIntValue("NH_BENCH_QUICK") != 0;
    const int count = quick ? kQuickRegistrations : kRegistrations;
    const int rounds = quick ? 1 : 5;

    std::vector<Nh::TemplateSource> sources;
    std::vector<QByteArray> bodies;
    std::vector<Nh::TemplateDocument> documents;
    sources.reserve(count);
    for (int i = 0; i < count; ++i) {
        sources.push_back(registrationTemplate(i));
        bodies.push_back(sources.back().body.toUtf8());
    }
    const Nh::TemplatePropertyBag properties = bag();

    // Check every registration before timing anything.
    qint64 bytes = 0;
    for (int i = 0; i < count; ++i) {
        auto doc = Nh::TemplateDocument::parse(sources[i]);
        if (!doc) {
            std::fprintf(stderr, "bench_templates: registration %d: %s\n", i,
                         qPrintable(doc.error().message));
            return 1;
        }
        documents.push_back(*doc);
        if (const QString problem = verify(i, Nh::TemplateRenderer::render(sources[i], properties));
            !problem.isEmpty()) {
            std::fprintf(stderr, "bench_templates: registration %d renders wrong: %s\n", i,
                         qPrintable(problem));
            return 1;
        }
        if (QJsonDocument::fromJson(bodies[i]).isNull()) {
            std::fprintf(stderr, "bench_templates: registration %d is not JSON\n", i);
            return 1;
        }
        bytes += bodies[i].size();
    }

    const auto baseline = [&] {
        qint64 n = 0;
        for (const QByteArray &b : bodies)
            n += QJsonDocument::fromJson(b).object().size();
        return n;
    };
    struct Row
    {
        const char *name;
        std::function<qint64()> pass;
    };
    const std::vector<Row> rows {
        {"parse + render + validate",
         [&] {
             qint64 n = 0;
             for (const Nh::TemplateSource &s : sources)
                 n += Nh::TemplateRenderer::render(s, properties)->body.size();
             return n;
         }},
        {"render + validate (parsed once)",
         [&] {
             qint64 n = 0;
             for (const Nh::TemplateDocument &d : documents)
                 n += Nh::TemplateRenderer::render(d, properties)->body.size();
             return n;
         }},
        {"lint",
         [&] {
             qint64 n = 0;
             for (const Nh::TemplateSource &s : sources)
                 n += Nh::TemplateLinter::lint(s).findings.size();
             return n;
         }},
    };

    std::printf("bench_templates%s: %d registrations (%lld bytes of templates), one property bag; "
                "ratio = rate / QJsonDocument::fromJson of the same bodies (best of %d)\n",
                quick ? " (NH_BENCH_QUICK)" : "", count, static_cast<long long>(bytes), rounds);
    std::printf("%-34s %14s %16s %7s\n", "name", "registrations/s", "QJsonDocument/s", "ratio");
    for (const Row &r : rows) {
        double measured = 0;
        double base = 0;
        // Alternating the two evens out drift (frequency scaling, other load) between them.
        for (int i = 0; i < rounds; ++i) {
            base = std::max(base, rate(baseline, count, 1));
            measured = std::max(measured, rate(r.pass, count, 1));
        }
        std::printf("%-34s %14.0f %16.0f %7.3f\n", r.name, measured, base, measured / base);
    }
    return 0;
}
