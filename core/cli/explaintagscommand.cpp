// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/explaintagscommand.h"

#include "cli/clijson.h"
#include "cli/clisession.h"
#include "cli/exchangetext.h"
#include "protocol/tagexpression.h"

#include <QJsonArray>
#include <QSet>
#include <QTextStream>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

ExplainTagsCommand::ExplainTagsCommand(CliSession &session, QObject *parent)
    : CliCommand(session, parent)
    , m_registrationTags(u"registration-tags"_s,
                         tr("Also tell whether a registration with these comma-separated tags "
                            "would be reached."),
                         u"tag,tag"_s)
{ }

QString ExplainTagsCommand::name() const
{
    return u"explain-tags"_s;
}

QString ExplainTagsCommand::summary() const
{
    return tr("Parse a tag expression: normalised form, tags, limits, matching.");
}

QString ExplainTagsCommand::description() const
{
    return tr("Parses a ServiceBusNotification-Tags expression as the hub reads it (!, &&, ||, "
              "parentheses; ! binds tighter than &&, && tighter than ||), prints it normalised "
              "with explicit parentheses, lists its tags and checks the service's limits (20 "
              "tags with only ||, else 6). No connection is needed. EXPR '-' reads standard "
              "input.\n\nExample:\n  nhcli explain-tags 'sports || news && !lang:fr' "
              "--registration-tags news,lang:en");
}

QString ExplainTagsCommand::syntax() const
{
    return u"EXPR"_s;
}

QList<QCommandLineOption> ExplainTagsCommand::options() const
{
    return {m_registrationTags};
}

void ExplainTagsCommand::start(const QCommandLineParser &parser, const QStringList &arguments)
{
    if (arguments.size() != 1)
        return fail(ErrorCode::Usage,
                    tr("explain-tags takes one expression; quote it so that the shell keeps it "
                       "whole: nhcli explain-tags 'a && !b'."));
    QString text = arguments.first();
    if (text == u"-"_s) {
        auto bytes = m_session.readArgument(text, u"EXPR"_s);
        if (!bytes)
            return fail(ErrorCode::Usage, bytes.error().message);
        text = QString::fromUtf8(*bytes).trimmed();
    }

    std::optional<bool> matches;
    QStringList registrationTags;
    if (parser.isSet(m_registrationTags)) {
        auto tags = parseTagList(parser.value(m_registrationTags));
        if (!tags)
            return fail(ErrorCode::Usage, tr("--registration-tags: %1").arg(tags.error().message));
        registrationTags = *tags;
    }

    const auto parsed = TagExpression::parse(text, TagExpression::Limits::Report);
    const TextRenderer r = m_session.renderer();
    QTextStream &out = m_session.out();
    if (!parsed) {
        const Error &e = parsed.error();
        const ExitCode code = exitCodeFor(e.code);
        if (m_session.json) {
            m_session.printJson({{u"ok"_s, false},
                                 {u"valid"_s, false},
                                 {u"expression"_s, text},
                                 {u"error"_s, errorToJson(e)}},
                                int(code));
        } else {
            out << r.labelled(tr("invalid:"), e.message, Tone::Bad)
                << caretLines(text, e.offset, e.length);
        }
        return done(code);
    }

    const TagExpression &x = *parsed;
    const Status limits = x.checkLimits();
    const int limit = x.usesOnlyOr() ? TagExpression::kMaxTagsOrOnly : TagExpression::kMaxTags;
    if (parser.isSet(m_registrationTags)) {
        const QSet<QString> set(registrationTags.cbegin(), registrationTags.cend());
        matches = x.matches(set);
    }
    const ExitCode code = limits ? ExitCode::Ok : exitCodeFor(limits.error().code);

    if (m_session.json) {
        QJsonObject o {{u"ok"_s, limits.ok()},
                       {u"valid"_s, true},
                       {u"expression"_s, text},
                       {u"normalized"_s, x.normalized()},
                       {u"tags"_s, QJsonArray::fromStringList(x.tags())},
                       {u"tagCount"_s, x.tagCount()},
                       {u"usesOnlyOr"_s, x.usesOnlyOr()},
                       {u"isSingleTag"_s, x.isSingleTag()},
                       {u"limit"_s, limit},
                       {u"withinLimits"_s, limits.ok()},
                       {u"warnings"_s, warningsToJson(parsed.warnings())}};
        if (!limits)
            o.insert(u"error"_s, errorToJson(limits.error()));
        if (matches)
            o.insert(u"matches"_s, *matches);
        m_session.printJson(o, int(code));
        return done(code);
    }

    TextPanel p;
    p.addField(tr("Expression"), text);
    p.addField(tr("Normalized"), x.normalized(), 16, Tone::Heading);
    p.addField(tr("Tags"), tr("%1 (%2 occurrences)").arg(x.tags().join(u", "_s)).arg(x.tagCount()));
    p.addField(tr("Limit"),
               x.usesOnlyOr() ? tr("%1 of %2 tags (only || is used)").arg(x.tagCount()).arg(limit)
                              : tr("%1 of %2 tags (&& or ! is used)").arg(x.tagCount()).arg(limit),
               16, limits ? Tone::Good : Tone::Bad);
    if (matches) {
        p.addField(tr("Registration"),
                   *matches ? tr("reached (tags %1)").arg(registrationTags.join(u","_s))
                            : tr("not reached (tags %1)").arg(registrationTags.join(u","_s)),
                   16, *matches ? Tone::Good : Tone::Bad);
    }
    out << r.panel(p);
    for (const Warning &w : parsed.warnings()) {
        out << r.labelled(tr("warning:"), w.message, Tone::Warn);
        if (w.offset >= 0)
            out << caretLines(text, w.offset, w.length);
    }
    if (!limits) {
        out << r.labelled(tr("refused by the hub:"), limits.error().message, Tone::Bad)
            << caretLines(text, limits.error().offset, limits.error().length);
    }
    done(code);
}

} // namespace Nh
