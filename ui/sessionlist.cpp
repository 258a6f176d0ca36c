// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessionlist.h"

#include "theme.h"

#include <QEvent>
#include <QHeaderView>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace {

enum Column { Time, Operation, Target, Result, Status, Duration, ColumnCount };

Theme::Tone toneOf(const Nh::Exchange &e)
{
    if (e.result == Nh::ExchangeResult::Success)
        return e.outcome && e.outcome->failure > 0 ? Theme::Tone::Warning : Theme::Tone::Success;
    if (e.result == Nh::ExchangeResult::NoTargets)
        return Theme::Tone::Warning;
    if (e.result == Nh::ExchangeResult::Cancelled)
        return Theme::Tone::Info;
    return Theme::Tone::Failure;
}

QString targetOf(const Nh::Exchange &e)
{
    if (const auto tags = Nh::headerValue(e.requestHeaders, "ServiceBusNotification-Tags"))
        return QString::fromUtf8(*tags);
    if (const auto handle =
            Nh::headerValue(e.requestHeaders, "ServiceBusNotification-DeviceHandle"))
        return QString::fromUtf8(*handle);
    if (e.operation.startsWith(u"send"_s))
        return SessionList::tr("everyone");
    return {};
}

} // namespace

SessionList::SessionList(QWidget *parent)
    : QWidget(parent)
    , m_tree(new QTreeWidget(this))
{
    m_tree->setObjectName(u"sessionTree"_s);
    m_tree->setRootIsDecorated(false);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setColumnCount(ColumnCount);
    m_tree->setHeaderLabels({tr("Time"), tr("Operation"), tr("Target"), tr("Result"),
                             tr("Status"), tr("Duration")});
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(Target, QHeaderView::Stretch);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tree);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        const int row = item ? m_tree->indexOfTopLevelItem(item) : -1;
        if (row >= 0 && row < m_exchanges.size())
            emit exchangeSelected(m_exchanges.at(row));
    });
}

void SessionList::add(const Nh::Exchange &e)
{
    m_exchanges.prepend(e);
    auto *item = new QTreeWidgetItem;
    item->setText(Time, e.started.toLocalTime().toString(u"HH:mm:ss"_s));
    item->setText(Operation, e.operation);
    item->setText(Target, targetOf(e));
    item->setText(Result, Nh::exchangeResultDisplayName(e.result));
    if (e.outcome) {
        item->setText(Result, tr("%1 · %2 ok, %3 failed")
                                  .arg(Nh::exchangeResultDisplayName(e.result))
                                  .arg(e.outcome->success)
                                  .arg(e.outcome->failure));
    }
    item->setText(Status, e.status > 0 ? QString::number(e.status) : tr("—"));
    item->setText(Duration, e.totalMs >= 0 ? tr("%1 ms").arg(e.totalMs) : QString());
    item->setToolTip(Result, e.errorSentence);
    item->setIcon(Result, Theme::toneIcon(toneOf(e)));
    m_tree->blockSignals(true);
    m_tree->insertTopLevelItem(0, item);
    while (m_exchanges.size() > kMaxEntries) {
        m_exchanges.removeLast();
        delete m_tree->takeTopLevelItem(m_tree->topLevelItemCount() - 1);
    }
    m_tree->blockSignals(false);
    for (int c = 0; c < ColumnCount; ++c) {
        if (c != Target)
            m_tree->resizeColumnToContents(c);
    }
    repaintRows();
    select(0);
}

int SessionList::count() const
{
    return int(m_exchanges.size());
}

const Nh::Exchange &SessionList::exchangeAt(int row) const
{
    return m_exchanges.at(row);
}

void SessionList::select(int row)
{
    if (QTreeWidgetItem *item = m_tree->topLevelItem(row))
        m_tree->setCurrentItem(item);
}

void SessionList::repaintRows()
{
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        m_tree->topLevelItem(i)->setForeground(
            Result, Theme::foreground(toneOf(m_exchanges.at(i)), palette()));
    }
}

void SessionList::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        repaintRows();
}
