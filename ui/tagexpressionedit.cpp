// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tagexpressionedit.h"

#include "theme.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QCoreApplication>
#include <QInputMethodEvent>
#include <QKeyEvent>
#include <QScrollBar>
#include <QStringListModel>
#include <QTextCharFormat>

using namespace Qt::Literals::StringLiterals;

namespace {

bool isTagChar(QChar c)
{
    // Tag characters (docs/protocol.md §6.1) plus the braces and '$' of system tags.
    return c.isLetterOrNumber() || u"_@#.:-${}"_s.contains(c);
}

} // namespace

TagExpressionEdit::TagExpressionEdit(QWidget *parent)
    : QLineEdit(parent)
    , m_completer(new QCompleter(this))
    , m_tags(new QStringListModel(this))
{
    setFont(Theme::monospace());
    setClearButtonEnabled(true);
    m_completer->setModel(m_tags);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setFilterMode(Qt::MatchStartsWith);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    m_completer->setWidget(this);
    connect(m_completer, qOverload<const QString &>(&QCompleter::activated), this,
            &TagExpressionEdit::insertCompletion);
    connect(this, &QLineEdit::textEdited, this, [this] {
        clearErrorSpan();
        complete();
    });
}

void TagExpressionEdit::setKnownTags(const QStringList &tags)
{
    m_tags->setStringList(tags);
}

QStringList TagExpressionEdit::knownTags() const
{
    return m_tags->stringList();
}

QString TagExpressionEdit::tagAt(const QString &text, int cursor, int *start)
{
    int s = qBound(0, cursor, int(text.size()));
    while (s > 0 && isTagChar(text.at(s - 1)))
        --s;
    if (start)
        *start = s;
    return text.mid(s, cursor - s);
}

void TagExpressionEdit::complete()
{
    int start = 0;
    const QString prefix = tagAt(text(), cursorPosition(), &start);
    if (prefix.isEmpty() || m_tags->rowCount() == 0) {
        m_completer->popup()->hide();
        return;
    }
    m_completer->setCompletionPrefix(prefix);
    if (m_completer->completionCount() == 0
        || (m_completer->completionCount() == 1 && m_completer->currentCompletion() == prefix)) {
        m_completer->popup()->hide();
        return;
    }
    QRect r = cursorRect();
    r.setWidth(m_completer->popup()->sizeHintForColumn(0)
               + m_completer->popup()->verticalScrollBar()->sizeHint().width() + 8);
    m_completer->complete(r);
}

void TagExpressionEdit::insertCompletion(const QString &tag)
{
    int start = 0;
    const int cursor = cursorPosition();
    tagAt(text(), cursor, &start);
    QString t = text();
    t.replace(start, cursor - start, tag);
    setText(t);
    setCursorPosition(start + int(tag.size()));
    emit textEdited(t);
}

void TagExpressionEdit::keyPressEvent(QKeyEvent *event)
{
    if (m_completer->popup()->isVisible()) {
        switch (event->key()) {
        case Qt::Key_Enter:
        case Qt::Key_Return:
        case Qt::Key_Escape:
        case Qt::Key_Tab:
        case Qt::Key_Backtab:
            event->ignore();
            return; // the completer handles these
        default:
            break;
        }
    }
    QLineEdit::keyPressEvent(event);
}

void TagExpressionEdit::setErrorSpan(int offset, int length)
{
    m_errorOffset = qMax(0, offset);
    m_errorLength = qMax(1, length);
    applyFormats();
}

void TagExpressionEdit::clearErrorSpan()
{
    if (m_errorOffset < 0)
        return;
    m_errorOffset = -1;
    m_errorLength = 0;
    applyFormats();
}

void TagExpressionEdit::changeEvent(QEvent *event)
{
    QLineEdit::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_errorOffset >= 0)
        applyFormats();
}

void TagExpressionEdit::applyFormats()
{
    // QLineEdit has no public per-range formatting; an input method event with TextFormat
    // attributes and no preedit text sets formats without touching the text or the undo stack.
    QList<QInputMethodEvent::Attribute> attributes;
    if (m_errorOffset >= 0 && !text().isEmpty()) {
        const int start = qMin(m_errorOffset, int(text().size()) - 1);
        const int length = qMin(m_errorLength, int(text().size()) - start);
        QTextCharFormat f;
        f.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        f.setUnderlineColor(Theme::foreground(Theme::Tone::Failure, palette()));
        f.setBackground(Theme::background(Theme::Tone::Failure, palette()));
        attributes.append(QInputMethodEvent::Attribute(QInputMethodEvent::TextFormat,
                                                       start - cursorPosition(), length, f));
    }
    QInputMethodEvent event(QString(), attributes);
    QCoreApplication::sendEvent(this, &event);
}
