// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace Nh {

/** How a line is shown; colours only reach a terminal (TextRenderer::colour). */
enum class Tone { Plain, Heading, Good, Bad, Warn, Dim };

struct TextLine
{
    QString text;
    Tone tone = Tone::Plain;
};

/** A titled block of lines: the request, the response, a resource. */
struct TextPanel
{
    QString title;
    QList<TextLine> lines;

    void add(const QString &text, Tone tone = Tone::Plain) { lines.append({text, tone}); }
    /** A "Label: value" line with the label padded to `labelWidth`. */
    void addField(const QString &label, const QString &value, int labelWidth = 16,
                  Tone tone = Tone::Plain);
};

/**
 * Plain-text layout for nhcli (issue #5): two panels side by side when the terminal is at least
 * Terminal::kSideBySideColumns wide, else one above the other, as the GUI's exchange view does;
 * tables that fit the width. Widths count QChars. Control characters from the network are
 * replaced before anything reaches the terminal, so a hostile body cannot move the cursor.
 */
class TextRenderer
{
public:
    TextRenderer(int columns, bool colour);

    int columns() const { return m_columns; }
    bool isSideBySide() const;

    /** Both panels, side by side or stacked; every line ends with '\n'. */
    QString panels(const TextPanel &left, const TextPanel &right) const;
    /** One panel over the full width. */
    QString panel(const TextPanel &panel) const;
    /**
     * A table with a header row; columns wider than the terminal allows are shortened from the
     * widest one down, the first column last (cells cut with "…").
     */
    QString table(const QStringList &header, const QList<QStringList> &rows) const;
    /** "label text" wrapped to the width, continuation lines indented; the label in `tone`. */
    QString labelled(const QString &label, const QString &text, Tone tone) const;
    /** `text` in the tone's colour, or unchanged without colour. */
    QString styled(const QString &text, Tone tone) const;

    /** `text` without control characters (tabs become spaces; others U+FFFD); keeps '\n'. */
    static QString printable(const QString &text);
    /**
     * Hard-wraps each line of `text` to `width` (at least 8), preferring to break after a space,
     * '&', ';' or ',' in the second half of the line; continuation lines are indented by two.
     */
    static QStringList wrap(const QString &text, int width);

private:
    QList<TextLine> wrapped(const TextPanel &panel, int width) const;

    int m_columns;
    bool m_colour;
};

} // namespace Nh
