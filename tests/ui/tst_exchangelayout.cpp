// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Room to read the exchange (issue #16): after the demo test send, at 1440×900 (the default
// window, the README's screenshots) and at 1280×800, every request header value and every
// outcome row's text is whole on screen, with the window's own layout: no splitter dragged, no
// column widened, no horizontal scrolling. Light and dark screenshots of each size are written
// to the screenshot folder. The composer folds to a strip after a send and comes back as it was.

#include "composerfold.h"
#include "composerstrip.h"
#include "composerwidget.h"
#include "exchangeview.h"
#include "mainwindow.h"
#include "models/headermodel.h"
#include "models/outcomemodel.h"
#include "uitestsupport.h"

#include <QAbstractItemDelegate>
#include <QAction>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSplitter>
#include <QStandardPaths>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTest>
#include <QTextLayout>
#include <QToolButton>

using namespace Qt::Literals::StringLiterals;

namespace {

/** The style option a view's delegate paints a cell with (initStyleOption is protected). */
struct OptionReader : QStyledItemDelegate
{
    using QStyledItemDelegate::initStyleOption;
};

/**
 * Why the text of `index` is not whole in its cell as `table` shows it, or an empty string.
 * The text is laid out with the wrap mode the cell's delegate paints with (its "textWrapMode"
 * property when it has one; otherwise the style's: word wrap when the view wraps, one line
 * when not) in the width the style gives the text, and must fit that rectangle; the cell must
 * lie inside the viewport (no scrolling to see it).
 */
QString notWhole(QTableView *table, const QModelIndex &index)
{
    const QString text = index.data(Qt::DisplayRole).toString();
    const QString where = u"%1 row %2 column %3 (%4)"_s.arg(table->objectName())
                              .arg(index.row())
                              .arg(index.column())
                              .arg(text.left(60));
    const QRect cell = table->visualRect(index);
    if (!table->viewport()->rect().contains(cell)) {
        return where
            + u": cell %1,%2 %3×%4 is not inside the viewport %5×%6"_s.arg(cell.x())
                  .arg(cell.y())
                  .arg(cell.width())
                  .arg(cell.height())
                  .arg(table->viewport()->width())
                  .arg(table->viewport()->height());
    }
    QStyleOptionViewItem option;
    option.initFrom(table->viewport());
    option.font = table->font();
    option.decorationSize = table->iconSize();
    option.rect = cell;
    OptionReader reader;
    reader.initStyleOption(&option, index);
    option.rect = cell;
    if (table->wordWrap())
        option.features |= QStyleOptionViewItem::WrapText;
    QStyle *style = table->style();
    const int textMargin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, table) + 1;
    // Across, what the style leaves the text beside the icon; down, the whole cell (the style
    // sizes its text rectangle to the text as it would wrap it itself).
    QRect textRect = style->subElementRect(QStyle::SE_ItemViewItemText, &option, table)
                         .adjusted(textMargin, 0, -textMargin, 0);
    textRect.setTop(cell.top());
    textRect.setBottom(cell.bottom());

    QTextOption::WrapMode mode = table->wordWrap() ? QTextOption::WordWrap : QTextOption::NoWrap;
    const QVariant declared = table->itemDelegateForIndex(index)->property("textWrapMode");
    if (declared.isValid())
        mode = QTextOption::WrapMode(declared.toInt());
    QTextOption textOption;
    textOption.setWrapMode(mode);
    QTextLayout layout(text, option.font);
    layout.setTextOption(textOption);
    layout.beginLayout();
    qreal height = 0;
    qreal widest = 0;
    const qreal lineWidth = mode == QTextOption::NoWrap ? 1e9 : qreal(textRect.width());
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(lineWidth);
        height += line.height();
        widest = qMax(widest, line.naturalTextWidth());
    }
    layout.endLayout();
    if (widest > textRect.width() || height > textRect.height()) {
        return where
            + u": needs %1×%2 px, the cell (%3×%4) gives its text %5×%6"_s.arg(qCeil(widest))
                  .arg(qCeil(height))
                  .arg(cell.width())
                  .arg(cell.height())
                  .arg(textRect.width())
                  .arg(textRect.height());
    }
    return {};
}

/** Every row's `columns` whole, the table shown and never scrolled sideways. */
void verifyWhole(QTableView *table, const QList<int> &columns)
{
    QVERIFY(table);
    QVERIFY2(table->isVisible(), qPrintable(table->objectName()));
    QVERIFY2(!table->horizontalScrollBar()->isVisible(), qPrintable(table->objectName()));
    QVERIFY2(table->model()->rowCount() > 0, qPrintable(table->objectName()));
    QStringList problems;
    for (int row = 0; row < table->model()->rowCount(); ++row) {
        for (const int column : columns) {
            const QString problem = notWhole(table, table->model()->index(row, column));
            if (!problem.isEmpty())
                problems << problem;
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

/** No row taller than its text needs: no empty bands in the table. */
bool rowsTight(QTableView *table)
{
    for (int r = 0; r < table->model()->rowCount(); ++r) {
        if (table->rowHeight(r) > static_cast<QAbstractItemView *>(table)->sizeHintForRow(r))
            return false;
    }
    return true;
}

/** No room lost between the result banner and the counts under it. */
bool bannerFits(const QWidget *banner, const QWidget *summary)
{
    return summary->y() - banner->geometry().bottom() <= 12;
}

} // namespace

class TestExchangeLayout final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void demoSendIsReadable_data();
    void demoSendIsReadable();
    void composerFoldsAfterASendAndComesBack();
    void templateSendLeavesRoomForTheRenderedPayload();

private:
    /** Sends what the composer holds (its Send action, the toolbar's); the exchange. */
    Nh::Exchange sendAndWait()
    {
        QSignalSpy finished(m_window->composer(), &ComposerWidget::exchangeFinished);
        m_window->composer()->sendAction()->trigger();
        if (!finished.wait(15000))
            return {};
        return finished.first().first().value<Nh::Exchange>();
    }

    std::unique_ptr<UiHarness> m_harness;
    std::unique_ptr<MainWindow> m_window;
};

void TestExchangeLayout::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestExchangeLayout::init()
{
    m_harness = std::make_unique<UiHarness>();
    QVERIFY(m_harness->start());
}

void TestExchangeLayout::cleanup()
{
    m_window.reset();
    m_harness.reset();
    UiTest::usePalette(UiTest::lightPalette());
}

void TestExchangeLayout::demoSendIsReadable_data()
{
    QTest::addColumn<QSize>("size");
    QTest::addColumn<bool>("dark");
    QTest::newRow("1440x900 light") << QSize(1440, 900) << false;
    QTest::newRow("1440x900 dark") << QSize(1440, 900) << true;
    QTest::newRow("1280x800 light") << QSize(1280, 800) << false;
    QTest::newRow("1280x800 dark") << QSize(1280, 800) << true;
}

void TestExchangeLayout::demoSendIsReadable()
{
    QFETCH(QSize, size);
    QFETCH(bool, dark);
    UiTest::usePalette(dark ? UiTest::darkPalette() : UiTest::lightPalette());
    m_window = std::make_unique<MainWindow>(m_harness->context());
    m_window->resize(size);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QCOMPARE(m_window->size(), size);

    // The first run's composer: a test send to the demo registrations tagged sports or politics.
    auto *send = m_window->findChild<QPushButton *>(u"sendButton"_s);
    QVERIFY(send);
    QTRY_VERIFY2(send->isEnabled(), qPrintable(m_window->composer()->refusal()));
    QSignalSpy finished(m_window->composer(), &ComposerWidget::exchangeFinished);
    send->click();
    QVERIFY(finished.wait(15000));
    const auto exchange = finished.first().first().value<Nh::Exchange>();
    QCOMPARE(exchange.result, Nh::ExchangeResult::Success);
    // Four Apple registrations: two delivered, a bad handle and a production token on the
    // sandbox hub (the diagnosis's demo devices, issue #19).
    QVERIFY(exchange.outcome && exchange.outcome->results.size() == 4);

    auto *headers = m_window->findChild<QTableView *>(u"requestHeadersTable"_s);
    auto *results = m_window->findChild<QTableView *>(u"resultsTable"_s);
    QVERIFY(headers && results);
    QTRY_VERIFY(results->isVisible());
    QCOMPARE(headers->model()->rowCount(), exchange.requestHeaders.size());
    // Laid out: whatever the window does after a send (rows fitted, panes moved) is done. A
    // layout that never gets there fails below, with the screenshot written.
    const auto valuesWhole = [&] {
        for (int r = 0; r < headers->model()->rowCount(); ++r) {
            if (!notWhole(headers, headers->model()->index(r, Nh::HeaderModel::Value)).isEmpty())
                return false;
        }
        return true;
    };
    // No room lost between the result banner and the counts under it (the banner is as tall
    // as its text at the pane's final width).
    auto *banner = m_window->findChild<QWidget *>(u"resultBannerScroll"_s);
    auto *summary = m_window->findChild<QWidget *>(u"outcomeSummary"_s);
    QVERIFY(banner && summary);
    const auto bannerFits = [&] {
        return ::bannerFits(banner, summary);
    };
    // And no row taller than its text needs: no empty bands in the tables (rowsTight()).
    const bool settled = QTest::qWaitFor(
        [&] { return valuesWhole() && bannerFits() && rowsTight(headers) && rowsTight(results); },
        5000);
    const QString name = u"exchange-%1x%2-%3"_s.arg(size.width())
                             .arg(size.height())
                             .arg(dark ? u"dark"_s : u"light"_s);
    UiTest::saveScreenshot(m_window.get(), name);

    if (!settled)
        qWarning("the header values were not whole after 5 s; the checks say which");
    QVERIFY2(
        bannerFits(),
        qPrintable(u"banner ends at %1, the counts start at %2"_s.arg(banner->geometry().bottom())
                       .arg(summary->y())));
    QVERIFY(rowsTight(headers));
    QVERIFY(rowsTight(results));
    verifyWhole(headers, {Nh::HeaderModel::Name, Nh::HeaderModel::Value});
    verifyWhole(results,
                {Nh::OutcomeModel::Platform, Nh::OutcomeModel::Result, Nh::OutcomeModel::Outcome});
}

void TestExchangeLayout::composerFoldsAfterASendAndComesBack()
{
    m_window = std::make_unique<MainWindow>(m_harness->context());
    m_window->resize(1440, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    ComposerWidget *composer = m_window->composer();
    ComposerFold *fold = m_window->composerFold();
    auto *strip = m_window->findChild<ComposerStrip *>(u"composerStrip"_s);
    QVERIFY(strip);
    // Nothing sent yet: the composer is open, no strip.
    QVERIFY(composer->isVisible());
    QVERIFY(!strip->isVisible());
    QVERIFY(fold->foldAfterSendAction()->isChecked());
    const int composerWidth = composer->width();
    const int exchangeWidth = m_window->exchangeView()->width();

    QCOMPARE(sendAndWait().result, Nh::ExchangeResult::Success);
    // Folded: the strip in its place, the exchange view as wide as the composer was.
    QTRY_VERIFY(strip->isVisible());
    QVERIFY(!composer->isVisible());
    QVERIFY(fold->isFolded());
    QVERIFY(!fold->showAction()->isChecked());
    QTRY_VERIFY2(
        m_window->exchangeView()->width() > exchangeWidth + composerWidth / 2,
        qPrintable(u"%1 → %2"_s.arg(exchangeWidth).arg(m_window->exchangeView()->width())));
    QVERIFY(strip->width() < composerWidth / 5);

    // A click on the strip brings it back at its width; Go to Payload focuses it.
    QTest::mouseClick(strip, Qt::LeftButton, {}, QPoint(strip->width() / 2, strip->height() / 2));
    QTRY_VERIFY(composer->isVisible());
    QVERIFY(!strip->isVisible());
    QTRY_COMPARE(composer->width(), composerWidth);
    QCOMPARE(m_window->exchangeView()->width(), exchangeWidth);

    // Folded by its own button, unfolded by Go to Payload.
    auto *foldButton = composer->findChild<QToolButton *>(u"foldComposerButton"_s);
    QVERIFY(foldButton && foldButton->isVisible());
    foldButton->click();
    QTRY_VERIFY(strip->isVisible());
    m_window->findChild<QAction *>(u"actionFocusPayload"_s)->trigger();
    QTRY_VERIFY(composer->isVisible());

    // Kept open after sending once that is turned off; the choice outlives the window.
    fold->foldAfterSendAction()->trigger();
    QVERIFY(!fold->foldAfterSendAction()->isChecked());
    QCOMPARE(sendAndWait().result, Nh::ExchangeResult::Success);
    QVERIFY(composer->isVisible());
    QVERIFY(!strip->isVisible());
    // Saved while folded, the composer's width is still what comes back.
    fold->setFolded(true);
    m_window->close();
    m_window.reset();
    m_window = std::make_unique<MainWindow>(m_harness->context());
    m_window->resize(1440, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(!m_window->composerFold()->foldAfterSendAction()->isChecked());
    QVERIFY(m_window->composer()->isVisible());
    QTRY_COMPARE(m_window->composer()->width(), composerWidth);
}

void TestExchangeLayout::templateSendLeavesRoomForTheRenderedPayload()
{
    // The demo's template send reaches four template registrations whose rows wrap; the rows
    // must not take the page from the payload a selected row was rendered into.
    m_window = std::make_unique<MainWindow>(m_harness->context());
    m_window->resize(1440, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->composer()->setFormat(Nh::Format::Template);
    auto *send = m_window->findChild<QPushButton *>(u"sendButton"_s);
    QTRY_VERIFY2(send->isEnabled(), qPrintable(m_window->composer()->refusal()));
    const Nh::Exchange e = sendAndWait();
    QCOMPARE(e.result, Nh::ExchangeResult::Success);
    QVERIFY(e.outcome && e.outcome->results.size() >= 3);
    QTRY_COMPARE(m_window->exchangeView()->exchange().rendered.size(), e.outcome->results.size());
    auto *split = m_window->findChild<QSplitter *>(u"resultsSplitter"_s);
    QVERIFY(split && split->isVisible());
    auto *results = m_window->findChild<QTableView *>(u"resultsTable"_s);
    auto *banner = m_window->findChild<QWidget *>(u"resultBannerScroll"_s);
    auto *summary = m_window->findChild<QWidget *>(u"outcomeSummary"_s);
    QVERIFY(results && banner && summary);
    const auto detailRoom = [split] {
        return split->sizes().value(1);
    };
    const bool roomy = QTest::qWaitFor(
        [&] {
            return detailRoom() >= split->height() * 2 / 5 - 2 && rowsTight(results)
                && bannerFits(banner, summary);
        },
        5000);
    UiTest::saveScreenshot(m_window.get(), u"exchange-template-1440x900"_s);
    QVERIFY2(roomy,
             qPrintable(u"the detail has %1 of %2 px"_s.arg(detailRoom()).arg(split->height())));
    // One line per handle: rows wrap the hub's words, not the handles at every '-'.
    const int line = results->fontMetrics().lineSpacing();
    for (int r = 0; r < results->model()->rowCount(); ++r)
        QVERIFY2(results->rowHeight(r) <= line * 3, qPrintable(QString::number(r)));
}

QTEST_MAIN(TestExchangeLayout)
#include "tst_exchangelayout.moc"
