// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

/**
 * JSON and XML colouring for payload editors, plus a wavy underline at one located error
 * (line/column as Nh::Error gives them). Colours follow the document's editor palette; call
 * refreshPalette() after a palette change.
 */
class PayloadHighlighter final : public QSyntaxHighlighter
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PayloadHighlighter)

public:
    enum class Syntax { Plain, Json, Xml };

    explicit PayloadHighlighter(QTextDocument *document);

    void setSyntax(Syntax syntax);
    Syntax syntax() const { return m_syntax; }

    /** Underlines `length` characters (at least one) from 1-based `line`/`column`. */
    void setErrorSpan(int line, int column, int length);
    void clearErrorSpan();

    void refreshPalette(const QPalette &palette);

protected:
    void highlightBlock(const QString &text) override;

private:
    void highlightJson(const QString &text);
    void highlightXml(const QString &text);

    Syntax m_syntax = Syntax::Plain;
    int m_errorLine = 0;
    int m_errorColumn = 0;
    int m_errorLength = 0;
    QTextCharFormat m_key;
    QTextCharFormat m_string;
    QTextCharFormat m_number;
    QTextCharFormat m_keyword;
    QTextCharFormat m_punctuation;
    QTextCharFormat m_tag;
    QTextCharFormat m_attribute;
    QTextCharFormat m_comment;
    QTextCharFormat m_error;
};
