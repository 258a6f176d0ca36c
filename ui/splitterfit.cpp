// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "splitterfit.h"

#include <QAbstractItemModel>
#include <QEvent>
#include <QHeaderView>
#include <QPointer>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <utility>

namespace {

class RowsInView final : public QObject
{
public:
    RowsInView(QSplitter *splitter, QTableView *table, std::function<int()> keepForSecond)
        : QObject(splitter)
        , m_splitter(splitter)
        , m_table(table)
        , m_keep(std::move(keepForSecond))
    {
        // Once the rows have their heights: they are fitted on a zero timer too.
        m_timer.setSingleShot(true);
        m_timer.setInterval(0);
        connect(&m_timer, &QTimer::timeout, this, &RowsInView::fit);
        const auto later = [this] {
            m_timer.start();
        };
        connect(table->verticalHeader(), &QHeaderView::sectionResized, this, later);
        connect(table->model(), &QAbstractItemModel::modelReset, this, later);
        splitter->installEventFilter(this);
    }

protected:
    // Installed on the splitter only; not touched here (it may be in its destructor).
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Resize || event->type() == QEvent::Show)
            m_timer.start();
        return false;
    }

private:
    void fit()
    {
        if (!m_splitter || !m_table || !m_table->isVisible())
            return;
        const QList<int> sizes = m_splitter->sizes();
        const int rows = m_table->model()->rowCount();
        if (sizes.size() != 2 || sizes.at(0) <= 0 || rows == 0)
            return;
        int needed = m_table->horizontalHeader()->height() + 2 * m_table->frameWidth();
        for (int row = 0; row < rows; ++row)
            needed += m_table->rowHeight(row);
        const int shortfall = needed - m_table->height();
        const int move = qMin(shortfall, sizes.at(1) - m_keep());
        if (shortfall > 0 && move > 0)
            m_splitter->setSizes({sizes.at(0) + move, sizes.at(1) - move});
    }

    QPointer<QSplitter> m_splitter;
    QPointer<QTableView> m_table;
    std::function<int()> m_keep;
    QTimer m_timer;
};

} // namespace

void keepRowsInView(QSplitter *splitter, QTableView *table, std::function<int()> keepForSecond)
{
    new RowsInView(splitter, table, keepForSecond);
}
