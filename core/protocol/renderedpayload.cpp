// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/renderedpayload.h"

#include "protocol/templatelinter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

using Mark = RenderedPayload::Mark;

/** A body substitution's span in the template and in the rendered body (whole tokens). */
struct Span
{
    qsizetype templateStart;
    qsizetype templateEnd;
    qsizetype renderedStart;
    qsizetype renderedEnd;
};

QList<Span> bodySpans(const RenderedTemplate &rendered, bool json)
{
    QList<Span> spans;
    for (const TemplateSubstitution &s : rendered.substitutions) {
        if (s.field != TemplateField::Body)
            continue;
        // In a JSON body the rendered text is inside the quotes of its string (a #() number
        // has none); the template span is the whole token.
        const qsizetype quote = json && !s.number ? 1 : 0;
        spans.append({s.templateOffset, s.templateOffset + s.templateLength, s.offset - quote,
                      s.offset + s.length + quote});
    }
    std::sort(spans.begin(), spans.end(),
              [](const Span &a, const Span &b) { return a.templateStart < b.templateStart; });
    return spans;
}

/** Where template offset `t` is in the rendered body; a substitution maps to its whole span. */
std::pair<qsizetype, qsizetype> mapSpan(const QList<Span> &spans, qsizetype start, qsizetype length)
{
    qsizetype delta = 0;
    for (const Span &s : spans) {
        if (start >= s.templateStart && start < s.templateEnd)
            return {s.renderedStart, s.renderedEnd - s.renderedStart};
        if (s.templateEnd <= start)
            delta = s.renderedEnd - s.templateEnd;
    }
    return {start + delta, length};
}

QString markKindName(Mark::Kind kind)
{
    switch (kind) {
    case Mark::Kind::Empty:
        return u"empty"_s;
    case Mark::Kind::Warning:
        return u"warning"_s;
    case Mark::Kind::Invalid:
        return u"invalid"_s;
    }
    return {};
}

std::optional<Mark::Kind> markKindFromName(const QString &name)
{
    for (const auto kind : {Mark::Kind::Empty, Mark::Kind::Warning, Mark::Kind::Invalid}) {
        if (markKindName(kind) == name)
            return kind;
    }
    return std::nullopt;
}

QString emptyNote(const TemplateSubstitution &s)
{
    if (!s.missing.isEmpty())
        return RenderedPayloadText::tr("Empty: the send has no property %1.")
            .arg(s.missing.join(u", "_s));
    return RenderedPayloadText::tr("Empty: the property %1 was sent empty.")
        .arg(s.properties.join(u", "_s));
}

} // namespace

QString findingSentence(const TemplateFinding &finding)
{
    QString text = finding.message.trimmed();
    if (finding.fix.isEmpty())
        return text;
    if (!text.isEmpty() && !text.endsWith(u'.') && !text.endsWith(u'!') && !text.endsWith(u'?'))
        text += u'.';
    return text + u' ' + finding.fix.trimmed();
}

bool RenderedPayload::hasEmptySubstitutions() const
{
    return std::any_of(marks.cbegin(), marks.cend(),
                       [](const Mark &m) { return m.kind == Mark::Kind::Empty; });
}

RenderedPayload RenderedPayload::unavailable(const QString &registrationId, const QString &why)
{
    RenderedPayload p;
    p.registrationId = registrationId;
    p.problem = why;
    return p;
}

RenderedPayload RenderedPayload::render(const Registration &registration,
                                        const TemplatePropertyBag &properties)
{
    RenderedPayload p;
    p.registrationId = registration.registrationId;
    p.templateName = registration.templateName;
    p.platform = registration.platform;
    if (!registration.isTemplate) {
        p.problem = RenderedPayloadText::tr("A native registration: a template send does not "
                                            "reach it.");
        return p;
    }
    const auto document = TemplateDocument::parse(TemplateSource::fromRegistration(registration));
    if (!document) {
        p.problem = RenderedPayloadText::tr("Its template does not parse: %1")
                        .arg(document.error().message);
        return p;
    }
    const auto rendered = TemplateRenderer::render(*document, properties);
    if (!rendered) {
        p.problem = RenderedPayloadText::tr("Its template does not parse: %1")
                        .arg(rendered.error().message);
        return p;
    }
    p.body = rendered->body;
    p.missingProperties = rendered->missingProperties;
    const bool json = document->bodyKind() == TemplateDocument::BodyKind::Json;
    for (const TemplateSubstitution &s : rendered->substitutions) {
        if (!s.empty)
            continue;
        if (s.field != TemplateField::Body) {
            p.warnings << RenderedPayloadText::tr("The header %1 renders empty. %2")
                              .arg(s.header.isEmpty() ? s.path : s.header, emptyNote(s));
            continue;
        }
        // An empty value has no width: the quotes of its JSON string, or the tags around it.
        const qsizetype start = qBound<qsizetype>(0, s.offset - 1, p.body.size());
        const qsizetype end = qBound<qsizetype>(start, s.offset + s.length + 1, p.body.size());
        p.marks.append({Mark::Kind::Empty, start, end - start, emptyNote(s)});
    }
    const QList<Span> spans = bodySpans(*rendered, json);
    const TemplateLint lint = TemplateLinter::lint(*document);
    for (const TemplateFinding &f : lint.ofSeverity(TemplateFinding::Severity::Warning)) {
        const QString sentence = findingSentence(f);
        p.warnings << sentence;
        if (f.field != TemplateField::Body || f.offset < 0)
            continue;
        auto [start, length] = mapSpan(spans, f.offset, f.length);
        start = qBound<qsizetype>(0, start, p.body.size());
        length = qBound<qsizetype>(0, length, p.body.size() - start);
        p.marks.append({Mark::Kind::Warning, start, length, sentence});
    }
    if (!rendered->validation) {
        const Error &e = rendered->validation.error();
        p.invalid = e.message;
        if (e.offset >= 0 && e.offset < p.body.size())
            p.marks.append({Mark::Kind::Invalid, e.offset,
                            qBound<qsizetype>(1, e.length, p.body.size() - e.offset), e.message});
    }
    std::stable_sort(p.marks.begin(), p.marks.end(),
                     [](const Mark &a, const Mark &b) { return a.offset < b.offset; });
    return p;
}

QByteArray RenderedPayload::toJson(const QList<RenderedPayload> &payloads)
{
    QJsonArray array;
    for (const RenderedPayload &p : payloads) {
        QJsonArray marks;
        for (const Mark &m : p.marks)
            marks.append(QJsonObject {{u"kind"_s, markKindName(m.kind)},
                                      {u"offset"_s, double(m.offset)},
                                      {u"length"_s, double(m.length)},
                                      {u"note"_s, m.note}});
        QJsonObject o {{u"registrationId"_s, p.registrationId},
                       {u"templateName"_s, p.templateName},
                       {u"platform"_s, platformWireName(p.platform)},
                       {u"body"_s, p.body},
                       {u"marks"_s, marks},
                       {u"missing"_s, QJsonArray::fromStringList(p.missingProperties)},
                       {u"warnings"_s, QJsonArray::fromStringList(p.warnings)}};
        if (!p.invalid.isEmpty())
            o.insert(u"invalid"_s, p.invalid);
        if (!p.problem.isEmpty())
            o.insert(u"problem"_s, p.problem);
        array.append(o);
    }
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

QList<RenderedPayload> RenderedPayload::fromJson(const QByteArray &json)
{
    QList<RenderedPayload> payloads;
    const QJsonDocument doc = QJsonDocument::fromJson(json);
    const auto strings = [](const QJsonValue &v) {
        QStringList list;
        for (const QJsonValue &s : v.toArray())
            list << s.toString();
        return list;
    };
    for (const QJsonValue &v : doc.array()) {
        if (!v.isObject())
            continue;
        const QJsonObject o = v.toObject();
        RenderedPayload p;
        p.registrationId = o.value(u"registrationId"_s).toString();
        p.templateName = o.value(u"templateName"_s).toString();
        p.platform =
            platformFromWireName(o.value(u"platform"_s).toString()).value_or(Platform::Apple);
        p.body = o.value(u"body"_s).toString();
        for (const QJsonValue &mv : o.value(u"marks"_s).toArray()) {
            const QJsonObject m = mv.toObject();
            const auto kind = markKindFromName(m.value(u"kind"_s).toString());
            const auto offset = qsizetype(m.value(u"offset"_s).toDouble(-1));
            const auto length = qsizetype(m.value(u"length"_s).toDouble(-1));
            if (!kind || offset < 0 || length < 0 || offset + length > p.body.size())
                continue;
            p.marks.append({*kind, offset, length, m.value(u"note"_s).toString()});
        }
        p.missingProperties = strings(o.value(u"missing"_s));
        p.warnings = strings(o.value(u"warnings"_s));
        p.invalid = o.value(u"invalid"_s).toString();
        p.problem = o.value(u"problem"_s).toString();
        payloads.append(p);
    }
    return payloads;
}

} // namespace Nh
