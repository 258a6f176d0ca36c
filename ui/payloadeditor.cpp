// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "payloadeditor.h"

#include "protocol/payloadbuilder.h"
#include "protocol/xmlutil.h"
#include "theme.h"

#include <QHelpEvent>
#include <QPaintEvent>
#include <QPainter>
#include <QTextBlock>
#include <QToolTip>

using namespace Qt::Literals::StringLiterals;

class PayloadEditor::LineNumberArea final : public QWidget
{
public:
    explicit LineNumberArea(PayloadEditor *editor)
        : QWidget(editor)
        , m_editor(editor)
    { }
    QSize sizeHint() const override { return {m_editor->lineNumberAreaWidth(), 0}; }

protected:
    void paintEvent(QPaintEvent *event) override { m_editor->paintLineNumbers(event); }

private:
    PayloadEditor *m_editor;
};

PayloadEditor::PayloadEditor(QWidget *parent)
    : QPlainTextEdit(parent)
    , m_highlighter(new PayloadHighlighter(document()))
    , m_lineNumbers(new LineNumberArea(this))
{
    setFont(Theme::monospace());
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setTabChangesFocus(true);
    m_highlighter->refreshPalette(palette());
    connect(this, &QPlainTextEdit::blockCountChanged, this,
            &PayloadEditor::updateLineNumberAreaWidth);
    connect(this, &QPlainTextEdit::updateRequest, this, &PayloadEditor::updateLineNumberArea);
    updateLineNumberAreaWidth();
}

void PayloadEditor::setSyntax(PayloadHighlighter::Syntax syntax)
{
    m_highlighter->setSyntax(syntax);
}

PayloadHighlighter::Syntax PayloadEditor::syntax() const
{
    return m_highlighter->syntax();
}

void PayloadEditor::guessSyntax()
{
    const QString t = toPlainText().trimmed();
    if (t.startsWith(u'{') || t.startsWith(u'['))
        setSyntax(PayloadHighlighter::Syntax::Json);
    else if (t.startsWith(u'<'))
        setSyntax(PayloadHighlighter::Syntax::Xml);
    else
        setSyntax(PayloadHighlighter::Syntax::Plain);
}

void PayloadEditor::setPayload(const QByteArray &utf8)
{
    const QString text = QString::fromUtf8(utf8);
    if (text == toPlainText())
        return;
    if (isReadOnly()) {
        setPlainText(text);
        return;
    }
    QTextCursor c(document());
    c.select(QTextCursor::Document);
    c.insertText(text);
}

QByteArray PayloadEditor::payload() const
{
    return toPlainText().toUtf8();
}

void PayloadEditor::setError(const Nh::Error &error)
{
    if (error.line <= 0) {
        clearError();
        m_errorMessage = error.message;
        return;
    }
    m_errorLine = int(error.line);
    m_errorColumn = int(qMax<qint64>(1, error.column));
    m_errorMessage = error.message;
    m_highlighter->setErrorSpan(m_errorLine, m_errorColumn, int(qMax<qsizetype>(1, error.length)));
    updateErrorSelection();
}

void PayloadEditor::clearError()
{
    if (m_errorLine == 0 && m_errorMessage.isEmpty())
        return;
    m_errorLine = 0;
    m_errorColumn = 0;
    m_errorMessage.clear();
    m_highlighter->clearErrorSpan();
    updateErrorSelection();
}

void PayloadEditor::updateErrorSelection()
{
    QList<QTextEdit::ExtraSelection> selections;
    if (m_errorLine > 0) {
        QTextEdit::ExtraSelection line;
        QColor tint = Theme::background(Theme::Tone::Failure, palette());
        line.format.setBackground(tint);
        line.format.setProperty(QTextFormat::FullWidthSelection, true);
        line.cursor = QTextCursor(document()->findBlockByNumber(m_errorLine - 1));
        selections.append(line);
    }
    setExtraSelections(selections);
    m_lineNumbers->update();
}

bool PayloadEditor::prettyPrint()
{
    const QByteArray text = payload();
    const QString trimmed = toPlainText().trimmed();
    std::optional<QByteArray> pretty;
    if (trimmed.startsWith(u'{') || trimmed.startsWith(u'['))
        pretty = prettyJson(text);
    else if (trimmed.startsWith(u'<'))
        pretty = Nh::Xml::pretty(text);
    if (!pretty)
        return false;
    setPayload(*pretty);
    return true;
}

std::optional<QByteArray> PayloadEditor::prettyJson(const QByteArray &json)
{
    if (!Nh::JsonDocument::parse(json, QString()))
        return std::nullopt;
    QByteArray out;
    out.reserve(json.size() * 2);
    int depth = 0;
    const auto newline = [&] {
        out.append('\n');
        out.append(QByteArray(depth * 2, ' '));
    };
    const qsizetype n = json.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char c = json.at(i);
        if (c == '"') {
            qsizetype j = i + 1;
            while (j < n && json.at(j) != '"') {
                if (json.at(j) == '\\')
                    ++j;
                ++j;
            }
            out.append(json.mid(i, j - i + 1));
            i = j;
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
            continue;
        if (c == '{' || c == '[') {
            qsizetype k = i + 1;
            while (k < n && QByteArrayView(" \t\r\n").contains(json.at(k)))
                ++k;
            if (k < n && (json.at(k) == '}' || json.at(k) == ']')) {
                out.append(c);
                out.append(json.at(k));
                i = k;
                continue;
            }
            out.append(c);
            ++depth;
            newline();
        } else if (c == '}' || c == ']') {
            --depth;
            newline();
            out.append(c);
        } else if (c == ',') {
            out.append(c);
            newline();
        } else if (c == ':') {
            out.append(": ");
        } else {
            out.append(c);
        }
    }
    return out;
}

int PayloadEditor::lineNumberAreaWidth() const
{
    int digits = 1;
    for (int max = qMax(1, blockCount()); max >= 10; max /= 10)
        ++digits;
    return 10 + fontMetrics().horizontalAdvance(u'9') * qMax(2, digits);
}

void PayloadEditor::updateLineNumberAreaWidth()
{
    setViewportMargins(lineNumberAreaWidth(), 0, 0, 0);
}

void PayloadEditor::updateLineNumberArea(const QRect &rect, int dy)
{
    if (dy)
        m_lineNumbers->scroll(0, dy);
    else
        m_lineNumbers->update(0, rect.y(), m_lineNumbers->width(), rect.height());
    if (rect.contains(viewport()->rect()))
        updateLineNumberAreaWidth();
}

void PayloadEditor::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    const QRect cr = contentsRect();
    m_lineNumbers->setGeometry(QRect(cr.left(), cr.top(), lineNumberAreaWidth(), cr.height()));
}

void PayloadEditor::changeEvent(QEvent *event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        m_highlighter->refreshPalette(palette());
        updateErrorSelection();
    }
}

bool PayloadEditor::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip && m_errorLine > 0) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QTextCursor at = cursorForPosition(viewport()->mapFromGlobal(help->globalPos()));
        if (at.blockNumber() == m_errorLine - 1) {
            QToolTip::showText(help->globalPos(), m_errorMessage, this);
            return true;
        }
    }
    return QPlainTextEdit::event(event);
}

void PayloadEditor::paintLineNumbers(QPaintEvent *event)
{
    QPainter painter(m_lineNumbers);
    const QPalette pal = palette();
    painter.fillRect(event->rect(), pal.color(QPalette::AlternateBase));
    QTextBlock block = firstVisibleBlock();
    int number = block.blockNumber();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    int bottom = top + qRound(blockBoundingRect(block).height());
    const int width = m_lineNumbers->width() - 5;
    while (block.isValid() && top <= event->rect().bottom()) {
        if (block.isVisible() && bottom >= event->rect().top()) {
            const bool isError = number == m_errorLine - 1;
            painter.setPen(isError ? Theme::foreground(Theme::Tone::Failure, pal)
                                   : pal.color(QPalette::Disabled, QPalette::Text));
            QFont f = font();
            f.setBold(isError);
            painter.setFont(f);
            painter.drawText(0, top, width, fontMetrics().height(), Qt::AlignRight,
                             QString::number(number + 1));
        }
        block = block.next();
        top = bottom;
        bottom = top + qRound(blockBoundingRect(block).height());
        ++number;
    }
}
