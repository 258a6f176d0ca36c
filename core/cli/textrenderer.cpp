// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/textrenderer.h"

#include "cli/terminal.h"

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

constexpr int kMinWidth = 8;
constexpr int kContinuationIndent = 2;
const QString kEllipsis = u"…"_s;

bool isBreakAfter(QChar c)
{
    return c == u' ' || c == u'&' || c == u';' || c == u',';
}

QString padded(const QString &text, int width)
{
    return text.size() >= width ? text : text + QString(width - text.size(), u' ');
}

QString cut(const QString &text, int width)
{
    if (text.size() <= width)
        return text;
    return text.left(std::max(0, width - 1)) + kEllipsis;
}

} // namespace

void TextPanel::addField(const QString &label, const QString &value, int labelWidth, Tone tone)
{
    lines.append({padded(label + u':', labelWidth) + u' ' + value, tone});
}

TextRenderer::TextRenderer(int columns, bool colour)
    : m_columns(std::max(columns, 2 * kMinWidth + 3))
    , m_colour(colour)
{ }

bool TextRenderer::isSideBySide() const
{
    return m_columns >= Terminal::kSideBySideColumns;
}

QString TextRenderer::printable(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u == u'\n')
            out += c;
        else if (u == u'\t')
            out += u"    "_s;
        else if (u == u'\r')
            continue;
        else if (u < 0x20 || u == 0x7f || (u >= 0x80 && u < 0xa0))
            out += QChar(QChar::ReplacementCharacter);
        else
            out += c;
    }
    return out;
}

QStringList TextRenderer::wrap(const QString &text, int width)
{
    width = std::max(width, kMinWidth);
    QStringList out;
    const QStringList lines = printable(text).split(u'\n');
    for (const QString &line : lines) {
        QString rest = line;
        bool first = true;
        while (true) {
            const int room = first ? width : width - kContinuationIndent;
            const QString indent = first ? QString() : QString(kContinuationIndent, u' ');
            if (rest.size() <= room) {
                out << indent + rest;
                break;
            }
            qsizetype at = room;
            for (qsizetype i = room - 1; i >= room / 2; --i) {
                if (isBreakAfter(rest.at(i))) {
                    at = i + 1;
                    break;
                }
            }
            // Never split a surrogate pair.
            if (at > 0 && at < rest.size() && rest.at(at - 1).isHighSurrogate())
                --at;
            // The first part keeps the line's own indentation (a field under its heading).
            QString part = first ? rest.left(at) : rest.left(at).trimmed();
            while (first && !part.isEmpty() && part.back().isSpace())
                part.chop(1);
            out << indent + part;
            rest = rest.mid(at);
            first = false;
        }
    }
    return out;
}

QString TextRenderer::styled(const QString &text, Tone tone) const
{
    if (!m_colour || tone == Tone::Plain || text.isEmpty())
        return text;
    const char *code = "";
    switch (tone) {
    case Tone::Plain:
        return text;
    case Tone::Heading:
        code = "\x1b[1m";
        break;
    case Tone::Good:
        code = "\x1b[32m";
        break;
    case Tone::Bad:
        code = "\x1b[31m";
        break;
    case Tone::Warn:
        code = "\x1b[33m";
        break;
    case Tone::Dim:
        code = "\x1b[2m";
        break;
    }
    return QLatin1StringView(code) + text + u"\x1b[0m"_s;
}

QString TextRenderer::labelled(const QString &label, const QString &text, Tone tone) const
{
    const QStringList lines = wrap(label + u' ' + text, m_columns);
    QString out;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (i == 0 && lines.at(0).startsWith(label))
            out += styled(label, tone) + lines.at(0).mid(label.size()) + u'\n';
        else
            out += lines.at(i) + u'\n';
    }
    return out;
}

QList<TextLine> TextRenderer::wrapped(const TextPanel &panel, int width) const
{
    QList<TextLine> out;
    if (!panel.title.isEmpty())
        out.append({printable(panel.title), Tone::Heading});
    for (const TextLine &line : panel.lines) {
        const QStringList parts = wrap(line.text, width);
        for (const QString &part : parts)
            out.append({part, line.tone});
    }
    return out;
}

QString TextRenderer::panel(const TextPanel &p) const
{
    QString out;
    for (const TextLine &line : wrapped(p, m_columns))
        out += styled(line.text, line.tone) + u'\n';
    return out;
}

QString TextRenderer::panels(const TextPanel &left, const TextPanel &right) const
{
    if (!isSideBySide())
        return panel(left) + u'\n' + panel(right);
    const QString separator = m_colour ? u" │ "_s : u" | "_s;
    const int width = (m_columns - int(separator.size())) / 2;
    const QList<TextLine> l = wrapped(left, width);
    const QList<TextLine> r = wrapped(right, width);
    QString out;
    for (qsizetype i = 0; i < std::max(l.size(), r.size()); ++i) {
        const TextLine a = l.value(i);
        const TextLine b = r.value(i);
        QString row = styled(padded(a.text, width), a.tone) + separator + styled(b.text, b.tone);
        while (row.endsWith(u' '))
            row.chop(1);
        out += row + u'\n';
    }
    return out;
}

QString TextRenderer::table(const QStringList &header, const QList<QStringList> &rows) const
{
    const qsizetype count = header.size();
    if (count == 0)
        return {};
    QList<int> widths(count, 0);
    for (qsizetype c = 0; c < count; ++c)
        widths[c] = int(header.at(c).size());
    for (const QStringList &row : rows) {
        for (qsizetype c = 0; c < count; ++c)
            widths[c] = std::max(widths[c], int(printable(row.value(c)).size()));
    }
    const int gaps = int(count - 1) * 2;
    // Shrink the widest column until the table fits (no column below kMinWidth); the first
    // column holds the ids people copy, so it is cut last.
    while (true) {
        int total = gaps;
        for (int w : std::as_const(widths))
            total += w;
        if (total <= m_columns)
            break;
        auto widest = std::max_element(widths.begin() + 1, widths.end());
        if (widest == widths.end() || *widest <= kMinWidth)
            widest = widths.begin();
        if (*widest <= kMinWidth)
            break;
        --*widest;
    }
    const auto line = [&](const QStringList &cells) {
        QString out;
        for (qsizetype c = 0; c < count; ++c) {
            const QString cell = cut(printable(cells.value(c)).replace(u'\n', u' '), widths[c]);
            out += c + 1 < count ? padded(cell, widths[c]) + u"  "_s : cell;
        }
        return out;
    };
    QString out = styled(line(header).trimmed(), Tone::Heading) + u'\n';
    for (const QStringList &row : rows) {
        QString text = line(row);
        while (text.endsWith(u' '))
            text.chop(1);
        out += text + u'\n';
    }
    return out;
}

} // namespace Nh
