// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "wrappingdelegate.h"

#include <QAbstractItemModel>
#include <QApplication>
#include <QEvent>
#include <QHeaderView>
#include <QPainter>
#include <QPointer>
#include <QTableView>
#include <QTextLayout>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;

namespace {

/** Vertical room around the text, as the views' one-line rows have (font height + 6). */
constexpr int kVerticalPadding = 3;

/// The other columns of a wrapping table: one line, elided as the view says (a handle or an id
/// would otherwise break at every '-', since the view's word wrap is on for the wrapping ones).
class OneLineDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        option->features &= ~QStyleOptionViewItem::WrapText;
    }
};

/**
 * Refits a table's row heights, once per burst of changes (a splitter drag resizes the view
 * many times), after the view has laid out its columns for the new width.
 */
class RowFitter final : public QObject
{
public:
    explicit RowFitter(QTableView *table)
        : QObject(table)
        , m_table(table)
    {
        m_timer.setSingleShot(true);
        m_timer.setInterval(0);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            if (m_table)
                m_table->resizeRowsToContents();
        });
        table->installEventFilter(this);
        // A scroll bar that comes or goes changes the viewport's width, not the table's.
        table->viewport()->installEventFilter(this);
        connect(table->horizontalHeader(), &QHeaderView::sectionResized, &m_timer,
                qOverload<>(&QTimer::start));
        QAbstractItemModel *model = table->model();
        Q_ASSERT(model);
        connect(model, &QAbstractItemModel::modelReset, &m_timer, qOverload<>(&QTimer::start));
        connect(model, &QAbstractItemModel::layoutChanged, &m_timer, qOverload<>(&QTimer::start));
        connect(model, &QAbstractItemModel::rowsInserted, &m_timer, qOverload<>(&QTimer::start));
        connect(model, &QAbstractItemModel::dataChanged, &m_timer, qOverload<>(&QTimer::start));
    }

protected:
    // Installed on the table and its viewport only. Neither is touched here: the viewport sends
    // events while the table is being destroyed, when it is no longer a QTableView.
    bool eventFilter(QObject *, QEvent *event) override
    {
        switch (event->type()) {
        case QEvent::Resize:
        case QEvent::Show:
        case QEvent::FontChange:
        case QEvent::StyleChange:
            m_timer.start();
            break;
        default:
            break;
        }
        return false;
    }

private:
    QPointer<QTableView> m_table;
    QTimer m_timer;
};

} // namespace

WrappingDelegate::WrappingDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{ }

QRect WrappingDelegate::textRect(const QStyleOptionViewItem &option)
{
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 1;
    // Across: beside the icon, within the style's margins. Down: the whole cell (the style's
    // own text rectangle is as tall as the text would be wrapped at word boundaries only).
    QRect rect = style->subElementRect(QStyle::SE_ItemViewItemText, &option, widget)
                     .adjusted(margin, 0, -margin, 0);
    rect.setTop(option.rect.top());
    rect.setBottom(option.rect.bottom());
    return rect;
}

int WrappingDelegate::textHeight(const QString &text, const QFont &font, int width)
{
    QTextOption textOption;
    textOption.setWrapMode(kWrapMode);
    QTextLayout layout(text, font);
    layout.setTextOption(textOption);
    layout.beginLayout();
    qreal height = 0;
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(qMax(1, width));
        height += line.height();
    }
    layout.endLayout();
    return qCeil(height);
}

void WrappingDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                             const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.features |= QStyleOptionViewItem::WrapText;
    const QString text = opt.text;
    const QRect rect = textRect(opt);
    // Background, selection, focus and icon as the style draws them; the text is ours.
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette::ColorGroup group = !(opt.state & QStyle::State_Enabled) ? QPalette::Disabled
        : (opt.state & QStyle::State_Active)                                ? QPalette::Active
                                                                            : QPalette::Inactive;
    painter->save();
    painter->setFont(opt.font);
    painter->setPen(
        opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text));
    QTextOption textOption;
    textOption.setWrapMode(kWrapMode);
    textOption.setTextDirection(opt.direction);
    textOption.setAlignment(QStyle::visualAlignment(opt.direction, opt.displayAlignment));
    const int height = textHeight(text, opt.font, rect.width());
    // Centred like the one-line cells beside it while it fits; from the top when it does not.
    QRect box = rect;
    if (height < rect.height() && (opt.displayAlignment & Qt::AlignVCenter))
        box.setTop(rect.top() + (rect.height() - height) / 2);
    painter->setClipRect(rect);
    painter->drawText(QRectF(box), text, textOption);
    painter->restore();
}

QSize WrappingDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    // The one-line size, for the width the column would like.
    opt.features &= ~QStyleOptionViewItem::WrapText;
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    if (option.rect.width() <= 0)
        return size;
    opt.rect = option.rect;
    opt.features |= QStyleOptionViewItem::WrapText;
    const int height = textHeight(opt.text, opt.font, textRect(opt).width());
    size.setHeight(qMax(size.height(), height + 2 * kVerticalPadding));
    return size;
}

void WrappingDelegate::install(QTableView *table, const QList<int> &columns)
{
    auto *delegate = new WrappingDelegate(table);
    for (const int column : columns)
        table->setItemDelegateForColumn(column, delegate);
    if (table->itemDelegate()
        && table->itemDelegate()->metaObject() == &QStyledItemDelegate::staticMetaObject)
        table->setItemDelegate(new OneLineDelegate(table));
    table->setWordWrap(true);
    new RowFitter(table);
}
