// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/exchange.h"

#include <QList>
#include <QWidget>

class QTreeWidget;

/**
 * The exchanges of this session, newest first, kept in memory only (at most kMaxEntries).
 * Selecting one shows it again.
 */
// TODO(#7): replace with HistoryPanel over Nh::HistoryStore (persisted, searchable, re-send).
class SessionList final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionList)

public:
    static constexpr int kMaxEntries = 200;

    explicit SessionList(QWidget *parent = nullptr);

    /** Adds `exchange` at the top and selects it. */
    void add(const Nh::Exchange &exchange);
    int count() const;
    const Nh::Exchange &exchangeAt(int row) const;
    void select(int row);
    QTreeWidget *tree() const { return m_tree; }

signals:
    void exchangeSelected(const Nh::Exchange &exchange);

protected:
    void changeEvent(QEvent *event) override;

private:
    void repaintRows();

    QTreeWidget *m_tree = nullptr;
    QList<Nh::Exchange> m_exchanges; ///< newest first, as the rows
};
