// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/templatetext.h"

#include "cli/clijson.h"
#include "protocol/platform.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

/** The translation context of this file's messages; lupdate reads it from here. */
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Nh::Cli)
};

QJsonArray stringArray(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

/** The line of `text` that holds `offset`, with a caret line under [offset, offset+length),
 *  cut to a window around the caret when the line is wider than `width`. */
QString caretBlock(const QString &text, qsizetype offset, qsizetype length, int width)
{
    if (offset < 0 || offset > text.size())
        return {};
    const qsizetype lineStart = text.lastIndexOf(u'\n', offset - 1) + 1;
    qsizetype lineEnd = text.indexOf(u'\n', offset);
    if (lineEnd < 0)
        lineEnd = text.size();
    QString line = TextRenderer::printable(text.mid(lineStart, lineEnd - lineStart));
    qsizetype column = offset - lineStart;
    qsizetype span = std::clamp<qsizetype>(length, 1, std::max<qsizetype>(1, lineEnd - offset));
    const qsizetype room = std::max(20, width - 4);
    if (line.size() > room) {
        // A window of `room` characters with the caret in its first third.
        qsizetype from = std::clamp<qsizetype>(column - room / 3, 0, line.size() - room);
        QString window = line.mid(from, room);
        if (from > 0) {
            window[0] = u'…';
        }
        if (from + room < line.size())
            window[window.size() - 1] = u'…';
        line = window;
        column -= from;
        span = std::min(span, room - column);
    }
    return u"    "_s + line + u'\n' + u"    "_s + QString(column, u' ')
        + QString(std::max<qsizetype>(span, 1), u'^') + u'\n';
}

/** The expression as written in its field: a JSON string token without its quotes. */
QString expressionText(const TemplateSource &source, const TemplateSubstitution &s)
{
    const QString field = templateFieldText(source, s.field, s.header);
    QString text = field.mid(s.templateOffset, s.templateLength);
    if (s.field == TemplateField::Body && text.size() >= 2 && text.startsWith(u'"')
        && text.endsWith(u'"'))
        text = text.mid(1, text.size() - 2);
    return text;
}

QString quoted(const QString &text)
{
    return u'"' + TextRenderer::printable(text).replace(u'\n', u' ') + u'"';
}

} // namespace

QString templateCheckName(TemplateFinding::Check check)
{
    using C = TemplateFinding::Check;
    switch (check) {
    case C::Syntax:
        return u"syntax"_s;
    case C::EmbeddedExpression:
        return u"embedded-expression"_s;
    case C::LeadingWhitespace:
        return u"leading-whitespace"_s;
    case C::TypographicQuotes:
        return u"typographic-quotes"_s;
    case C::ExpressionInKey:
        return u"expression-in-key"_s;
    case C::UnbracedChain:
        return u"unbraced-chain"_s;
    case C::BracedNumber:
        return u"braced-number"_s;
    case C::DefaultValue:
        return u"default-value"_s;
    case C::WrongBodyKind:
        return u"wrong-body-kind"_s;
    case C::FcmV1WithoutMessage:
        return u"fcmv1-without-message"_s;
    case C::NonStringData:
        return u"non-string-data"_s;
    case C::MissingWnsType:
        return u"missing-wns-type"_s;
    case C::EmptyHeader:
        return u"empty-header"_s;
    case C::ApnsHeadersInInstallation:
        return u"apns-headers-in-installation"_s;
    case C::NameTooLong:
        return u"name-too-long"_s;
    }
    return u"unknown"_s;
}

QString templateSeverityName(TemplateFinding::Severity severity)
{
    return severity == TemplateFinding::Severity::Error ? u"error"_s : u"warning"_s;
}

TextPosition textPositionAt(QStringView text, qsizetype offset)
{
    TextPosition p;
    const qsizetype end = std::clamp<qsizetype>(offset, 0, text.size());
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i < end; ++i) {
        if (text.at(i) == u'\n') {
            ++p.line;
            lineStart = i + 1;
        }
    }
    p.column = end - lineStart + 1;
    return p;
}

QString templateFieldLabel(TemplateField field, const QString &header)
{
    switch (field) {
    case TemplateField::Body:
        return u"BodyTemplate"_s;
    case TemplateField::Header:
        return header;
    case TemplateField::Expiry:
        return u"Expiry"_s;
    case TemplateField::Priority:
        return u"Priority"_s;
    }
    return {};
}

QString templateFieldText(const TemplateSource &source, TemplateField field, const QString &header)
{
    switch (field) {
    case TemplateField::Body:
        return source.body;
    case TemplateField::Header:
        for (const TemplateHeader &h : source.headers) {
            if (h.name.compare(header, Qt::CaseInsensitive) == 0)
                return h.value;
        }
        return {};
    case TemplateField::Expiry:
        return source.expiry;
    case TemplateField::Priority:
        return source.priority;
    }
    return {};
}

QJsonObject templateSourceToJson(const TemplateSource &source)
{
    QJsonArray headers;
    for (const TemplateHeader &h : source.headers)
        headers.append(QJsonArray {h.name, h.value});
    QJsonObject o {{u"platform"_s, installationPlatformName(source.platform)},
                   {u"templateName"_s, source.name},
                   {u"body"_s, source.body},
                   {u"headers"_s, headers}};
    if (!source.expiry.isEmpty())
        o.insert(u"expiry"_s, source.expiry);
    if (!source.priority.isEmpty())
        o.insert(u"priority"_s, source.priority);
    return o;
}

QJsonObject templateLintToJson(const TemplateLint &lint, const TemplateSource &source)
{
    QJsonArray findings;
    for (const TemplateFinding &f : lint.findings) {
        QJsonObject o {{u"severity"_s, templateSeverityName(f.severity)},
                       {u"check"_s, templateCheckName(f.check)},
                       {u"field"_s, templateFieldLabel(f.field, f.header)},
                       {u"offset"_s, qint64(f.offset)},
                       {u"length"_s, qint64(f.length)},
                       {u"message"_s, f.message},
                       {u"fix"_s, f.fix}};
        if (f.field == TemplateField::Header)
            o.insert(u"header"_s, f.header);
        if (f.offset >= 0) {
            const TextPosition p =
                textPositionAt(templateFieldText(source, f.field, f.header), f.offset);
            o.insert(u"line"_s, p.line);
            o.insert(u"column"_s, p.column);
        }
        if (f.code != ErrorCode::None)
            o.insert(u"code"_s, errorCodeName(f.code));
        findings.append(o);
    }
    return {{u"errors"_s, qint64(lint.ofSeverity(TemplateFinding::Severity::Error).size())},
            {u"warnings"_s, qint64(lint.ofSeverity(TemplateFinding::Severity::Warning).size())},
            {u"properties"_s, stringArray(lint.properties)},
            {u"findings"_s, findings}};
}

QJsonObject renderedTemplateToJson(const RenderedTemplate &rendered, const TemplateSource &source)
{
    QJsonArray substitutions;
    for (const TemplateSubstitution &s : rendered.substitutions) {
        QJsonObject o {{u"field"_s, templateFieldLabel(s.field, s.header)},
                       {u"path"_s, s.path},
                       {u"expression"_s, expressionText(source, s)},
                       {u"offset"_s, qint64(s.offset)},
                       {u"length"_s, qint64(s.length)},
                       {u"text"_s, s.text},
                       {u"properties"_s, stringArray(s.properties)},
                       {u"missing"_s, stringArray(s.missing)},
                       {u"empty"_s, s.empty},
                       {u"clipped"_s, s.clipped},
                       {u"number"_s, s.number},
                       {u"usedDefault"_s, s.usedDefault}};
        if (s.field == TemplateField::Header)
            o.insert(u"header"_s, s.header);
        substitutions.append(o);
    }
    QJsonObject validation {{u"ok"_s, rendered.validation.ok()},
                            {u"warnings"_s, warningsToJson(rendered.validation.warnings())}};
    if (!rendered.validation)
        validation.insert(u"error"_s, errorToJson(rendered.validation.error()));
    QJsonObject o {{u"platform"_s, installationPlatformName(rendered.platform)},
                   {u"body"_s, rendered.body},
                   {u"headers"_s, headersToJson(rendered.headers)},
                   {u"substitutions"_s, substitutions},
                   {u"missingProperties"_s, stringArray(rendered.missingProperties)},
                   {u"validation"_s, validation}};
    if (!rendered.expiry.isEmpty())
        o.insert(u"expiry"_s, rendered.expiry);
    if (!rendered.priority.isEmpty())
        o.insert(u"priority"_s, rendered.priority);
    return o;
}

QString templateLintText(const TemplateLint &lint, const TemplateSource &source,
                         const TextRenderer &renderer)
{
    QString out;
    for (const TemplateFinding &f : lint.findings) {
        const bool error = f.severity == TemplateFinding::Severity::Error;
        const QString fieldText = templateFieldText(source, f.field, f.header);
        QString where = templateFieldLabel(f.field, f.header);
        if (f.offset >= 0) {
            const TextPosition p = textPositionAt(fieldText, f.offset);
            where +=
                u' ' + Tr::tr("%1:%2 (offset %3)").arg(p.line).arg(p.column).arg(qint64(f.offset));
        }
        out += where + u' '
            + renderer.styled(error ? Tr::tr("error:") : Tr::tr("warning:"),
                              error ? Tone::Bad : Tone::Warn)
            + u' ' + TextRenderer::printable(f.message) + u'\n';
        if (f.offset >= 0)
            out += caretBlock(fieldText, f.offset, f.length, renderer.columns());
        if (!f.fix.isEmpty())
            out += u"  "_s + Tr::tr("fix: %1").arg(TextRenderer::printable(f.fix)) + u'\n';
    }
    const auto errors = lint.ofSeverity(TemplateFinding::Severity::Error).size();
    const auto warnings = lint.ofSeverity(TemplateFinding::Severity::Warning).size();
    if (errors == 0 && warnings == 0) {
        out += renderer.styled(Tr::tr("No findings: the hub accepts this template as it is."),
                               Tone::Good)
            + u'\n';
    } else {
        out += renderer.styled(Tr::tr("%n error(s)", nullptr, int(errors)) + u", "_s
                                   + Tr::tr("%n warning(s)", nullptr, int(warnings)),
                               errors ? Tone::Bad : Tone::Warn)
            + u'\n';
    }
    if (!lint.properties.isEmpty())
        out += Tr::tr("Properties used: %1").arg(lint.properties.join(u", "_s)) + u'\n';
    return out;
}

QString renderedTemplateText(const RenderedTemplate &rendered, const TemplateSource &source,
                             const TextRenderer &renderer)
{
    QString out;
    out +=
        renderer.styled(Tr::tr("Rendered body (%1):").arg(platformDisplayName(rendered.platform)),
                        Tone::Heading)
        + u'\n';
    for (const QString &line : TextRenderer::printable(rendered.body).split(u'\n'))
        out += u"  "_s + line + u'\n';
    if (!rendered.headers.isEmpty()) {
        out += renderer.styled(Tr::tr("Headers:"), Tone::Heading) + u'\n';
        for (const auto &[name, value] : rendered.headers)
            out += u"  "_s + QString::fromLatin1(name) + u": "_s
                + TextRenderer::printable(QString::fromUtf8(value)) + u'\n';
    }
    if (!rendered.expiry.isEmpty())
        out += Tr::tr("Expiry: %1").arg(TextRenderer::printable(rendered.expiry)) + u'\n';
    if (!rendered.priority.isEmpty())
        out += Tr::tr("Priority: %1").arg(TextRenderer::printable(rendered.priority)) + u'\n';

    if (rendered.substitutions.isEmpty()) {
        out += Tr::tr("Substitutions: none (the template has no expressions).") + u'\n';
    } else {
        out += renderer.styled(Tr::tr("Substitutions:"), Tone::Heading) + u'\n';
        QList<QStringList> rows;
        for (const TemplateSubstitution &s : rendered.substitutions) {
            QStringList notes;
            if (!s.missing.isEmpty())
                notes << Tr::tr("MISSING %1").arg(s.missing.join(u", "_s));
            if (s.empty)
                notes << Tr::tr("EMPTY");
            if (s.clipped)
                notes << Tr::tr("clipped");
            if (s.number)
                notes << Tr::tr("number");
            if (s.usedDefault)
                notes << Tr::tr("default");
            const QString place =
                s.field == TemplateField::Body ? s.path : templateFieldLabel(s.field, s.header);
            rows.append({place, TextRenderer::printable(expressionText(source, s)), quoted(s.text),
                         notes.join(u", "_s)});
        }
        out += renderer.table(
            {Tr::tr("Place"), Tr::tr("Expression"), Tr::tr("Rendered"), Tr::tr("Note")}, rows);
    }
    if (!rendered.missingProperties.isEmpty()) {
        out += renderer.styled(Tr::tr("Missing properties (rendered as empty text): %1")
                                   .arg(rendered.missingProperties.join(u", "_s)),
                               Tone::Warn)
            + u'\n';
    }
    if (rendered.validation) {
        out +=
            renderer.styled(
                Tr::tr("Payload: a valid %1 payload.").arg(platformDisplayName(rendered.platform)),
                Tone::Good)
            + u'\n';
    } else {
        const Error &e = rendered.validation.error();
        out += renderer.styled(Tr::tr("Payload refused: %1").arg(e.message), Tone::Bad) + u'\n';
        out += u"  "_s
            + Tr::tr("The hub reports this registration as \"The Notification payload is "
                     "invalid\".")
            + u'\n';
        if (e.offset >= 0)
            out += caretBlock(rendered.body, e.offset, e.length, renderer.columns());
    }
    for (const Warning &w : rendered.validation.warnings())
        out += renderer.styled(Tr::tr("warning:"), Tone::Warn) + u' '
            + TextRenderer::printable(w.message) + u'\n';
    return out;
}

} // namespace Nh
