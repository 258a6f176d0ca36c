// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "lazywidget.h"

#include <QVBoxLayout>
#include <utility>

LazyWidget::LazyWidget(Factory factory, QWidget *parent)
    : QWidget(parent)
    , m_factory(std::move(factory))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
}

QWidget *LazyWidget::widget()
{
    if (m_factory) {
        // Taken first: a factory that asks for the widget again must not recurse.
        const Factory factory = std::exchange(m_factory, nullptr);
        m_widget = factory(this);
        layout()->addWidget(m_widget);
        emit built(m_widget);
    }
    return m_widget;
}

void LazyWidget::showEvent(QShowEvent *event)
{
    widget();
    QWidget::showEvent(event);
}
