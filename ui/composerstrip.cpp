// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "composerstrip.h"

#include <QAction>
#include <QMouseEvent>
#include <QPainter>
#include <QStyle>
#include <QStyleOption>
#include <QToolButton>

using namespace Qt::Literals::StringLiterals;

ComposerStrip::ComposerStrip(QAction *unfold, QWidget *parent)
    : QWidget(parent)
    , m_unfold(unfold)
{
    setObjectName(u"composerStrip"_s);
    setCursor(Qt::PointingHandCursor);
    m_button = new QToolButton(this);
    m_button->setObjectName(u"unfoldComposerButton"_s);
    m_button->setArrowType(Qt::RightArrow);
    m_button->setAutoRaise(true);
    const QString tip =
        tr("Show the composer (%1)").arg(unfold->shortcut().toString(QKeySequence::NativeText));
    m_button->setToolTip(tip);
    setToolTip(tip);
    connect(m_button, &QToolButton::clicked, unfold, &QAction::trigger);
    m_button->move(0, 0);
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Preferred);
}

QSize ComposerStrip::sizeHint() const
{
    const QSize button = m_button->sizeHint();
    const int width = qMax(button.width(), fontMetrics().height() + 8);
    return {width, button.height() + fontMetrics().horizontalAdvance(tr("Compose")) + 16};
}

void ComposerStrip::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    QStyleOption option;
    option.initFrom(this);
    // A panel like the composer's frame: the strip is the composer, folded.
    painter.fillRect(rect(), palette().color(QPalette::Window));
    painter.setPen(palette().color(QPalette::Mid));
    painter.drawLine(rect().topRight(), rect().bottomRight());
    m_button->move((width() - m_button->width()) / 2, 0);

    QFont bold = font();
    bold.setBold(true);
    painter.setFont(bold);
    painter.setPen(palette().color(QPalette::WindowText));
    // Written downwards, below the button, as side tabs are.
    painter.translate((width() - QFontMetrics(bold).ascent() + QFontMetrics(bold).descent()) / 2,
                      m_button->height() + 8);
    painter.rotate(90);
    painter.drawText(0, 0, tr("Compose"));
}

void ComposerStrip::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && rect().contains(event->position().toPoint()))
        m_unfold->trigger();
    QWidget::mouseReleaseEvent(event);
}
