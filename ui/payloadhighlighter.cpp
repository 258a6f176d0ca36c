// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "payloadhighlighter.h"

#include "theme.h"

#include <QTextDocument>

using namespace Qt::Literals::StringLiterals;

namespace {

// Block states for constructs that span lines.
constexpr int kInXmlComment = 1;
constexpr int kInCData = 2;

QTextCharFormat colour(const QColor &c, bool bold = false)
{
    QTextCharFormat f;
    f.setForeground(c);
    if (bold)
        f.setFontWeight(QFont::DemiBold);
    return f;
}

bool isXmlNameChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c == u'-' || c == u'.' || c == u':';
}

} // namespace

PayloadHighlighter::PayloadHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
    refreshPalette(QPalette());
}

void PayloadHighlighter::setSyntax(Syntax syntax)
{
    if (syntax == m_syntax)
        return;
    m_syntax = syntax;
    rehighlight();
}

void PayloadHighlighter::setErrorSpan(int line, int column, int length)
{
    const int oldLine = m_errorLine;
    m_errorLine = line;
    m_errorColumn = column;
    m_errorLength = qMax(1, length);
    if (oldLine > 0 && oldLine != line)
        rehighlightBlock(document()->findBlockByNumber(oldLine - 1));
    if (line > 0)
        rehighlightBlock(document()->findBlockByNumber(line - 1));
}

void PayloadHighlighter::clearErrorSpan()
{
    const int oldLine = m_errorLine;
    m_errorLine = 0;
    if (oldLine > 0)
        rehighlightBlock(document()->findBlockByNumber(oldLine - 1));
}

void PayloadHighlighter::refreshPalette(const QPalette &palette)
{
    const bool dark = Theme::isDark(palette);
    m_key = colour(dark ? QColor(0x9c, 0xdc, 0xfe) : QColor(0x0b, 0x4f, 0x9e));
    m_string = colour(dark ? QColor(0xce, 0x91, 0x78) : QColor(0xa3, 0x15, 0x15));
    m_number = colour(dark ? QColor(0xb5, 0xce, 0xa8) : QColor(0x09, 0x86, 0x58));
    m_keyword = colour(dark ? QColor(0x56, 0x9c, 0xd6) : QColor(0x00, 0x00, 0xff), true);
    m_punctuation = colour(dark ? QColor(0xa0, 0xa8, 0xb0) : QColor(0x5a, 0x62, 0x6a));
    m_tag = colour(dark ? QColor(0x56, 0x9c, 0xd6) : QColor(0x80, 0x00, 0x00), true);
    m_attribute = colour(dark ? QColor(0x9c, 0xdc, 0xfe) : QColor(0xe5, 0x00, 0x00));
    m_comment = colour(dark ? QColor(0x6a, 0x99, 0x55) : QColor(0x00, 0x80, 0x00));
    m_comment.setFontItalic(true);
    m_error = QTextCharFormat();
    m_error.setUnderlineStyle(QTextCharFormat::WaveUnderline);
    m_error.setUnderlineColor(Theme::foreground(Theme::Tone::Failure, palette));
    m_error.setBackground(Theme::background(Theme::Tone::Failure, palette));
    rehighlight();
}

void PayloadHighlighter::highlightBlock(const QString &text)
{
    setCurrentBlockState(0);
    if (m_syntax == Syntax::Json)
        highlightJson(text);
    else if (m_syntax == Syntax::Xml)
        highlightXml(text);

    if (m_errorLine > 0 && currentBlock().blockNumber() == m_errorLine - 1) {
        // A column past the end (an error at end of line) still gets a visible mark.
        const int start = qBound(0, m_errorColumn - 1, qMax(0, int(text.size()) - 1));
        const int length = text.isEmpty() ? 0 : qMin(m_errorLength, int(text.size()) - start);
        for (int i = start; i < start + length; ++i) {
            QTextCharFormat f = format(i);
            f.merge(m_error);
            setFormat(i, 1, f);
        }
    }
}

void PayloadHighlighter::highlightJson(const QString &text)
{
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        const QChar c = text.at(i);
        if (c == u'"') {
            qsizetype j = i + 1;
            while (j < n && text.at(j) != u'"') {
                if (text.at(j) == u'\\')
                    ++j;
                ++j;
            }
            const qsizetype end = qMin(n, j + 1);
            qsizetype k = end;
            while (k < n && text.at(k).isSpace())
                ++k;
            const bool isKey = k < n && text.at(k) == u':';
            setFormat(int(i), int(end - i), isKey ? m_key : m_string);
            i = end;
        } else if (c.isDigit() || c == u'-') {
            qsizetype j = i + 1;
            while (j < n
                   && (text.at(j).isDigit() || text.at(j) == u'.' || text.at(j) == u'e'
                       || text.at(j) == u'E' || text.at(j) == u'+' || text.at(j) == u'-'))
                ++j;
            setFormat(int(i), int(j - i), m_number);
            i = j;
        } else if (c.isLetter()) {
            qsizetype j = i;
            while (j < n && text.at(j).isLetter())
                ++j;
            const QStringView word = QStringView(text).mid(i, j - i);
            if (word == u"true" || word == u"false" || word == u"null")
                setFormat(int(i), int(j - i), m_keyword);
            i = j;
        } else {
            if (u"{}[]:,"_s.contains(c))
                setFormat(int(i), 1, m_punctuation);
            ++i;
        }
    }
}

void PayloadHighlighter::highlightXml(const QString &text)
{
    const qsizetype n = text.size();
    qsizetype i = 0;
    const int previous = previousBlockState();
    if (previous == kInXmlComment || previous == kInCData) {
        const QString close = previous == kInXmlComment ? u"-->"_s : u"]]>"_s;
        const qsizetype end = text.indexOf(close);
        if (end < 0) {
            setFormat(0, int(n), previous == kInXmlComment ? m_comment : m_string);
            setCurrentBlockState(previous);
            return;
        }
        i = end + close.size();
        setFormat(0, int(i), previous == kInXmlComment ? m_comment : m_string);
    }
    while (i < n) {
        if (QStringView(text).mid(i).startsWith(u"<!--")) {
            const qsizetype end = text.indexOf(u"-->"_s, i + 4);
            if (end < 0) {
                setFormat(int(i), int(n - i), m_comment);
                setCurrentBlockState(kInXmlComment);
                return;
            }
            setFormat(int(i), int(end + 3 - i), m_comment);
            i = end + 3;
        } else if (QStringView(text).mid(i).startsWith(u"<![CDATA[")) {
            const qsizetype end = text.indexOf(u"]]>"_s, i + 9);
            if (end < 0) {
                setFormat(int(i), int(n - i), m_string);
                setCurrentBlockState(kInCData);
                return;
            }
            setFormat(int(i), int(end + 3 - i), m_string);
            i = end + 3;
        } else if (text.at(i) == u'<') {
            qsizetype j = i + 1;
            if (j < n && (text.at(j) == u'/' || text.at(j) == u'?' || text.at(j) == u'!'))
                ++j;
            while (j < n && isXmlNameChar(text.at(j)))
                ++j;
            setFormat(int(i), int(j - i), m_tag);
            i = j;
            // Attributes up to the end of the tag (or of the line).
            while (i < n && text.at(i) != u'>') {
                const QChar c = text.at(i);
                if (c == u'"' || c == u'\'') {
                    const qsizetype end = text.indexOf(c, i + 1);
                    const qsizetype stop = end < 0 ? n : end + 1;
                    setFormat(int(i), int(stop - i), m_string);
                    i = stop;
                } else if (isXmlNameChar(c)) {
                    qsizetype k = i;
                    while (k < n && isXmlNameChar(text.at(k)))
                        ++k;
                    setFormat(int(i), int(k - i), m_attribute);
                    i = k;
                } else {
                    if (c == u'/' || c == u'?' || c == u'=')
                        setFormat(int(i), 1, m_tag);
                    ++i;
                }
            }
            if (i < n) {
                setFormat(int(i), 1, m_tag);
                ++i;
            }
        } else if (text.at(i) == u'&') {
            const qsizetype end = text.indexOf(u';', i);
            const qsizetype stop = end < 0 ? i + 1 : end + 1;
            setFormat(int(i), int(stop - i), m_keyword);
            i = stop;
        } else {
            ++i;
        }
    }
}
