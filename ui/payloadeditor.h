// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "payloadhighlighter.h"

#include <QByteArray>
#include <QPlainTextEdit>
#include <optional>

/**
 * A payload editor: line numbers, JSON/XML highlighting, one marked error (wavy underline at
 * its line and column, the line tinted, the message as a tooltip there) and pretty-printing
 * that keeps the order of JSON keys (templates and APNs care about it).
 */
class PayloadEditor final : public QPlainTextEdit
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PayloadEditor)

public:
    explicit PayloadEditor(QWidget *parent = nullptr);

    void setSyntax(PayloadHighlighter::Syntax syntax);
    PayloadHighlighter::Syntax syntax() const;
    /** JSON when the text starts with '{' or '[', XML with '<', plain otherwise. */
    void guessSyntax();

    /** Replaces the text (as one undoable step when the editor is writable). */
    void setPayload(const QByteArray &utf8);
    QByteArray payload() const;

    /** Marks `error` when it is located by line; otherwise only clears the old mark. */
    void setError(const Nh::Error &error);
    void clearError();
    int errorLine() const { return m_errorLine; }
    int errorColumn() const { return m_errorColumn; }
    QString errorMessage() const { return m_errorMessage; }

    /** Re-indents well-formed JSON or XML; returns false and changes nothing otherwise. */
    bool prettyPrint();

    /** Two-space indented JSON with keys in document order; nullopt when not valid JSON. */
    static std::optional<QByteArray> prettyJson(const QByteArray &json);

    int lineNumberAreaWidth() const;

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;
    bool event(QEvent *event) override;

private:
    class LineNumberArea;
    friend class LineNumberArea;
    void paintLineNumbers(QPaintEvent *event);
    void updateLineNumberAreaWidth();
    void updateLineNumberArea(const QRect &rect, int dy);
    void updateErrorSelection();

    PayloadHighlighter *m_highlighter = nullptr;
    QWidget *m_lineNumbers = nullptr;
    int m_errorLine = 0;
    int m_errorColumn = 0;
    QString m_errorMessage;
};
