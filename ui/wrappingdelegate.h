// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>
#include <QTextOption>

class QTableView;

/**
 * Paints a cell's text wrapped to the column's width, at word boundaries where there are some
 * and anywhere inside a word that is wider than the column (a SAS token, a handle), so nothing
 * is elided; sizeHint() gives the height that takes for the width the view hands it (a
 * QTableView does when its wordWrap is on). fitRows() keeps a table's row heights fitting as
 * its columns and size change. The wrap mode is readable as the "textWrapMode" property, for
 * tests that check a text is whole.
 */
class WrappingDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_PROPERTY(int textWrapMode READ textWrapMode CONSTANT)

public:
    explicit WrappingDelegate(QObject *parent = nullptr);

    static constexpr QTextOption::WrapMode kWrapMode = QTextOption::WrapAtWordBoundaryOrAnywhere;
    int textWrapMode() const { return int(kWrapMode); }

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    /**
     * Gives `table` this delegate for `columns`, turns its word wrap on and refits its row
     * heights whenever its rows, its columns' widths or its own width change.
     */
    static void install(QTableView *table, const QList<int> &columns);

private:
    /** The rectangle the style gives the text of `option` (icon and margins taken off). */
    static QRect textRect(const QStyleOptionViewItem &option);
    /** The height `text` takes wrapped in `width` pixels. */
    static int textHeight(const QString &text, const QFont &font, int width);
};
