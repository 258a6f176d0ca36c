// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// PreferencesDialog and the colour scheme override: the defaults shown, the scheme applied to
// the whole application live (and undone by Cancel), complete and readable Light/Dark palettes,
// tones that follow a scheme change, the retention written to a real history file with pinned
// exchanges kept and the deletion counted and confirmed first, Restore Defaults, the API version
// refused with a sentence, and everything persisted in the settings file.

#include "composerwidget.h"
#include "mainwindow.h"
#include "models/historymodel.h"
#include "preferencesdialog.h"
#include "store/historystore.h"
#include "store/settings.h"
#include "theme.h"
#include "uitestsupport.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QGroupBox>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStyle>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolTip>
#include <optional>

using namespace Qt::Literals::StringLiterals;
using Appearance = Nh::Settings::Appearance;

namespace {

Nh::Exchange exchangeAt(const QDateTime &started)
{
    Nh::Exchange e;
    e.operation = u"send.test"_s;
    e.hub = u"myhub"_s;
    e.started = started;
    e.method = "POST";
    e.url = QUrl(u"https://ns.servicebus.windows.net/myhub/messages?api-version=2020-06&test"_s);
    e.requestHeaders = {{"ServiceBusNotification-Format"_ba, "apple"_ba}};
    e.requestBody = "{\"aps\":{\"alert\":\"hello\"}}";
    e.status = 201;
    e.result = Nh::ExchangeResult::Success;
    return e;
}

/** WCAG 2 relative luminance and contrast ratio, computed here independently of Theme. */
double luminance(const QColor &c)
{
    const auto channel = [](double v) {
        return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

double contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (qMax(la, lb) + 0.05) / (qMin(la, lb) + 0.05);
}

bool windowDarkerThanText(const QPalette &p)
{
    return p.color(QPalette::Window).lightness() < p.color(QPalette::WindowText).lightness();
}

} // namespace

class TestPreferencesDialog final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void storedAppearance_data();
    void storedAppearance();
    void defaultsShown();
    void appearanceChangesTheApplicationPalette();
    void schemePalettesAreCompleteAndReadable_data();
    void schemePalettesAreCompleteAndReadable();
    void tonesFollowTheScheme();
    void iconsLegibleInBothSchemes_data();
    void iconsLegibleInBothSchemes();
    void retentionPrunesButKeepsPinned();
    void declinedDeletionChangesNothing();
    void retentionWithoutDeletionAsksNothing();
    void cancelChangesNothing();
    void restoreDefaults();
    void persistedAcrossNewSettings();
    void withoutHistory();
    void apiVersionRefusedWithASentence_data();
    void apiVersionRefusedWithASentence();
    void mainWindowInDark();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<Nh::HistoryStore> m_history;
    QPalette m_systemPalette;
    QColor m_systemToolTipBase;
};

void TestPreferencesDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    // What main() does first: the platform's look is remembered for "Follow the system".
    Theme::applyAppearance(Appearance::System);
    m_systemPalette = QApplication::palette();
    m_systemToolTipBase = QToolTip::palette().color(QPalette::ToolTipBase);
    QVERIFY2(!windowDarkerThanText(m_systemPalette), "the offscreen platform palette is light");
}

void TestPreferencesDialog::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings =
        std::make_unique<QSettings>(m_dir->filePath(u"nhconsole.ini"_s), QSettings::IniFormat);
    auto opened = Nh::HistoryStore::open(m_dir->filePath(u"history.sqlite"_s));
    QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message));
    m_history = std::move(opened).value();
}

void TestPreferencesDialog::cleanup()
{
    Theme::applyAppearance(Appearance::System);
    m_history.reset();
    m_settings.reset();
    m_dir.reset();
}

void TestPreferencesDialog::storedAppearance_data()
{
    QTest::addColumn<QVariant>("stored");
    QTest::addColumn<Appearance>("expected");
    QTest::newRow("missing") << QVariant() << Appearance::System;
    QTest::newRow("dark") << QVariant(u"dark"_s) << Appearance::Dark;
    QTest::newRow("light") << QVariant(u"light"_s) << Appearance::Light;
    QTest::newRow("hand-edited capitals") << QVariant(u" Dark "_s) << Appearance::Dark;
    QTest::newRow("unknown word") << QVariant(u"purple"_s) << Appearance::System;
    QTest::newRow("a number") << QVariant(2) << Appearance::System;
}

void TestPreferencesDialog::storedAppearance()
{
    QFETCH(QVariant, stored);
    QFETCH(Appearance, expected);
    if (stored.isValid())
        m_settings->setValue(Nh::Settings::kAppearanceKey.toString(), stored);
    QCOMPARE(Nh::Settings(m_settings.get()).appearance(), expected);
}

void TestPreferencesDialog::defaultsShown()
{
    PreferencesDialog dialog(m_settings.get(), m_history.get());
    QCOMPARE(dialog.appearanceCombo()->currentText(), u"Follow the system"_s);
    QCOMPARE(dialog.appearance(), Appearance::System);
    QCOMPARE(dialog.maxCountSpin()->value(), 50000);
    QCOMPARE(dialog.maxAgeSpin()->value(), 0);
    QCOMPARE(dialog.maxAgeSpin()->text(), u"Never"_s);
    QCOMPARE(dialog.timeoutSpin()->value(), 30);
    QCOMPARE(dialog.timeoutSpin()->minimum(), 1);
    QCOMPARE(dialog.timeoutSpin()->maximum(), 600);
    QCOMPARE(dialog.sendTimeoutMs(), 30000);
    QCOMPARE(dialog.apiVersion(), u"2020-06"_s);
    QVERIFY(dialog.historyGroup()->isEnabled());
    QVERIFY(dialog.okButton()->isEnabled());
    const QString text = UiTest::visibleText(&dialog);
    QVERIFY2(text.contains(u"Pinned exchanges are always kept"_s), qPrintable(text));
    // Units are in the tool tips, and every field has a mnemonic label pointing at it.
    QVERIFY(dialog.timeoutSpin()->toolTip().contains(u"seconds"_s));
    QVERIFY(dialog.maxAgeSpin()->toolTip().contains(u"days"_s));
    QCOMPARE(dialog.maxCountSpin()->specialValueText(), u"Unlimited"_s);
    for (QWidget *field :
         {static_cast<QWidget *>(dialog.appearanceCombo()),
          static_cast<QWidget *>(dialog.maxCountSpin()),
          static_cast<QWidget *>(dialog.maxAgeSpin()), static_cast<QWidget *>(dialog.timeoutSpin()),
          static_cast<QWidget *>(dialog.apiVersionCombo())}) {
        bool found = false;
        for (const QLabel *label : dialog.findChildren<QLabel *>()) {
            if (label->buddy() == field) {
                found = label->text().contains(u'&');
                break;
            }
        }
        QVERIFY2(found, qPrintable(field->objectName()));
    }
}

void TestPreferencesDialog::appearanceChangesTheApplicationPalette()
{
    PreferencesDialog dialog(m_settings.get(), m_history.get());
    dialog.show();
    dialog.appearanceCombo()->setCurrentIndex(
        dialog.appearanceCombo()->findData(int(Appearance::Dark)));
    QCOMPARE(Theme::currentAppearance(), Appearance::Dark);
    QVERIFY2(windowDarkerThanText(QApplication::palette()),
             qPrintable(QApplication::palette().color(QPalette::Window).name()));
    QCOMPARE(QApplication::style()->name().toLower(), u"fusion"_s);
    // Tool tips too, in their own readable pair.
    const QPalette darkScheme = Theme::schemePalette(Appearance::Dark);
    QCOMPARE(QToolTip::palette().color(QPalette::ToolTipBase),
             darkScheme.color(QPalette::ToolTipBase));
    QCOMPARE(QToolTip::palette().color(QPalette::ToolTipText),
             darkScheme.color(QPalette::ToolTipText));
    // The dialog itself repaints in the new scheme.
    QVERIFY(windowDarkerThanText(dialog.palette()));
    QVERIFY(windowDarkerThanText(dialog.appearanceCombo()->palette()));

    dialog.appearanceCombo()->setCurrentIndex(
        dialog.appearanceCombo()->findData(int(Appearance::Light)));
    QVERIFY(!windowDarkerThanText(QApplication::palette()));

    // Back to the platform's own palette, colour for colour.
    dialog.appearanceCombo()->setCurrentIndex(
        dialog.appearanceCombo()->findData(int(Appearance::System)));
    QCOMPARE(Theme::currentAppearance(), Appearance::System);
    for (const auto role : {QPalette::Window, QPalette::WindowText, QPalette::Base,
                            QPalette::Highlight, QPalette::ToolTipBase}) {
        QCOMPARE(QApplication::palette().color(role), m_systemPalette.color(role));
    }
    QCOMPARE(QToolTip::palette().color(QPalette::ToolTipBase), m_systemToolTipBase);

    // OK keeps Dark and stores it.
    dialog.appearanceCombo()->setCurrentIndex(
        dialog.appearanceCombo()->findData(int(Appearance::Dark)));
    dialog.okButton()->click();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(windowDarkerThanText(QApplication::palette()));
    QCOMPARE(Nh::Settings(m_settings.get()).appearance(), Appearance::Dark);
    QCOMPARE(m_settings->value(Nh::Settings::kAppearanceKey.toString()).toString(), u"dark"_s);
}

void TestPreferencesDialog::schemePalettesAreCompleteAndReadable_data()
{
    QTest::addColumn<Appearance>("appearance");
    QTest::addColumn<bool>("dark");
    QTest::newRow("light") << Appearance::Light << false;
    QTest::newRow("dark") << Appearance::Dark << true;
}

void TestPreferencesDialog::schemePalettesAreCompleteAndReadable()
{
    QFETCH(Appearance, appearance);
    QFETCH(bool, dark);
    const QPalette p = Theme::schemePalette(appearance);
    QCOMPARE(Theme::isDark(p), dark);
    for (const auto group : {QPalette::Active, QPalette::Inactive, QPalette::Disabled}) {
        for (int role = 0; role < QPalette::NColorRoles; ++role) {
            if (QPalette::ColorRole(role) == QPalette::NoRole)
                continue;
            QVERIFY2(p.isBrushSet(group, QPalette::ColorRole(role)),
                     qPrintable(u"group %1 role %2 not set"_s.arg(int(group)).arg(role)));
        }
    }
    struct Pair
    {
        QPalette::ColorRole fg, bg;
        double min;
    };
    const Pair pairs[] = {
        {QPalette::WindowText, QPalette::Window, 7.0},
        {QPalette::Text, QPalette::Base, 7.0},
        {QPalette::ButtonText, QPalette::Button, 7.0},
        {QPalette::HighlightedText, QPalette::Highlight, 4.5},
        {QPalette::ToolTipText, QPalette::ToolTipBase, 7.0},
        {QPalette::Link, QPalette::Base, 4.5},
        {QPalette::LinkVisited, QPalette::Base, 4.5},
        {QPalette::PlaceholderText, QPalette::Base, 4.5},
        {QPalette::Text, QPalette::AlternateBase, 7.0},
    };
    for (const Pair &pair : pairs) {
        const double ratio =
            contrast(p.color(QPalette::Active, pair.fg), p.color(QPalette::Active, pair.bg));
        QVERIFY2(
            ratio >= pair.min,
            qPrintable(u"role %1 on %2: %3:1"_s.arg(int(pair.fg)).arg(int(pair.bg)).arg(ratio)));
    }
    // Disabled text is dimmer than enabled text, yet still legible.
    const QColor window = p.color(QPalette::Disabled, QPalette::Window);
    const double disabled = contrast(p.color(QPalette::Disabled, QPalette::WindowText), window);
    QVERIFY2(disabled >= 2.5, qPrintable(QString::number(disabled)));
    QVERIFY(disabled < contrast(p.color(QPalette::Active, QPalette::WindowText), window));
}

void TestPreferencesDialog::tonesFollowTheScheme()
{
    QWidget parent;
    auto *label = new QLabel(u"failed"_s, &parent);
    auto *neutral = new QLabel(u"plain"_s, &parent);
    auto *banner = new QWidget(&parent);
    parent.show();
    Theme::applyAppearance(Appearance::Light);
    Theme::paintLabel(label, Theme::Tone::Failure);
    Theme::paintLabel(neutral, Theme::Tone::Neutral);
    Theme::paintBanner(banner, Theme::Tone::Warning);
    const QPalette light = Theme::schemePalette(Appearance::Light);
    QCOMPARE(label->palette().color(QPalette::WindowText),
             Theme::foreground(Theme::Tone::Failure, light));
    QCOMPARE(banner->palette().color(QPalette::Window),
             Theme::background(Theme::Tone::Warning, light));

    // Nobody repaints them: the tones follow the new scheme by themselves.
    Theme::applyAppearance(Appearance::Dark);
    const QPalette dark = Theme::schemePalette(Appearance::Dark);
    QCOMPARE(label->palette().color(QPalette::WindowText),
             Theme::foreground(Theme::Tone::Failure, dark));
    QVERIFY(label->palette().color(QPalette::WindowText)
            != Theme::foreground(Theme::Tone::Failure, light));
    QCOMPARE(neutral->palette().color(QPalette::WindowText), dark.color(QPalette::WindowText));
    QCOMPARE(banner->palette().color(QPalette::Window),
             Theme::background(Theme::Tone::Warning, dark));
    QCOMPARE(banner->palette().color(QPalette::WindowText), dark.color(QPalette::WindowText));
    QVERIFY(contrast(label->palette().color(QPalette::WindowText), dark.color(QPalette::Window))
            >= 4.5);
    // Painting again changes the tone, not the number of keepers.
    Theme::paintLabel(label, Theme::Tone::Success);
    QCOMPARE(label->palette().color(QPalette::WindowText),
             Theme::foreground(Theme::Tone::Success, dark));
    QCOMPARE(label->findChildren<QObject *>(QString(), Qt::FindDirectChildrenOnly).size(), 1);
}

void TestPreferencesDialog::iconsLegibleInBothSchemes_data()
{
    QTest::addColumn<QString>("name");
    const QStringList files = QDir(u":/icons"_s).entryList({u"*.svg"_s}, QDir::Files);
    QVERIFY(files.size() >= 17);
    for (const QString &file : files)
        QTest::newRow(qPrintable(file)) << QFileInfo(file).completeBaseName();
}

void TestPreferencesDialog::iconsLegibleInBothSchemes()
{
    QFETCH(QString, name);
    const QImage image =
        Theme::icon(name).pixmap(48, 48).toImage().convertToFormat(QImage::Format_ARGB32);
    QVERIFY(!image.isNull());
    // Its outline (drawn pixels next to transparent ones) must stand apart from the window
    // behind it in either scheme: a dark-on-transparent glyph vanishes on the dark window, a
    // pale one on the light window. What lies inside (white glyphs on a fill) is not at stake.
    const auto drawn = [&image](int x, int y) {
        return x >= 0 && y >= 0 && x < image.width() && y < image.height()
            && image.pixelColor(x, y).alphaF() >= 0.5;
    };
    for (const Appearance appearance : {Appearance::Light, Appearance::Dark}) {
        const QColor window = Theme::schemePalette(appearance).color(QPalette::Window);
        int outline = 0;
        int visible = 0;
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x) {
                if (!drawn(x, y)
                    || (drawn(x - 1, y) && drawn(x + 1, y) && drawn(x, y - 1) && drawn(x, y + 1)))
                    continue;
                ++outline;
                QColor c = image.pixelColor(x, y);
                c.setAlpha(255);
                if (contrast(c, window) >= 2.5)
                    ++visible;
            }
        }
        QVERIFY2(outline > 0, qPrintable(name));
        QVERIFY2(visible * 10 >= outline * 9,
                 qPrintable(u"%1 on %2: %3 of %4 outline pixels stand out"_s.arg(
                     name, window.name(), QString::number(visible), QString::number(outline))));
    }
}

void TestPreferencesDialog::retentionPrunesButKeepsPinned()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const Nh::Exchange oldPinned = exchangeAt(now.addDays(-40));
    const Nh::Exchange old = exchangeAt(now.addDays(-35));
    const Nh::Exchange e3 = exchangeAt(now.addSecs(-5 * 3600));
    const Nh::Exchange recentPinned = exchangeAt(now.addSecs(-4 * 3600));
    const Nh::Exchange e5 = exchangeAt(now.addSecs(-3 * 3600));
    const Nh::Exchange e6 = exchangeAt(now.addSecs(-2 * 3600));
    const Nh::Exchange e7 = exchangeAt(now.addSecs(-3600));
    QSignalSpy written(m_history.get(), &Nh::HistoryStore::written);
    for (const Nh::Exchange &e : {oldPinned, old, e3, recentPinned, e5, e6, e7})
        m_history->add(e);
    QTRY_COMPARE(written.size(), 7);
    QSignalSpy updated(m_history.get(), &Nh::HistoryStore::updated);
    m_history->setPinned(oldPinned.id, true);
    m_history->setPinned(recentPinned.id, true);
    QTRY_COMPARE(updated.size(), 2);

    PreferencesDialog dialog(m_settings.get(), m_history.get());
    dialog.show();
    dialog.maxCountSpin()->setValue(2);
    dialog.maxAgeSpin()->setValue(30);
    // Age: `old` goes; count: of e3, e5, e6, e7 the newest two stay.
    QCOMPARE(dialog.exchangesToDelete(), 3);

    QSignalSpy removed(m_history.get(), &Nh::HistoryStore::removed);
    dialog.okButton()->click();
    QMessageBox *box = dialog.confirmation();
    QVERIFY2(box && box->isVisible(), "deleting exchanges is confirmed first");
    QVERIFY2(box->text().contains(u"3 exchanges"_s), qPrintable(box->text()));
    QVERIFY2(box->informativeText().contains(u"Pinned"_s), qPrintable(box->informativeText()));
    QVERIFY(dialog.isVisible());
    QCOMPARE(removed.size(), 0);
    QVERIFY(!UiTest::saveScreenshot(box, u"preferences-confirm-delete"_s).isEmpty());
    auto *confirm = box->findChild<QPushButton *>(u"confirmDeleteButton"_s);
    QVERIFY(confirm);
    confirm->click();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(removed.wait(5000));
    QList<QUuid> gone = removed.first().first().value<QList<QUuid>>();
    std::sort(gone.begin(), gone.end());
    QList<QUuid> expectedGone {old.id, e3.id, e5.id};
    std::sort(expectedGone.begin(), expectedGone.end());
    QCOMPARE(gone, expectedGone);
    QCOMPARE(m_history->retention(), (Nh::RetentionPolicy {2, 30}));

    const auto rows = m_history->reader().page({}, {}, nullptr, 20);
    QVERIFY(rows);
    QSet<QUuid> kept;
    for (const Nh::HistorySummary &row : rows.value())
        kept.insert(row.id);
    QCOMPARE(kept, (QSet<QUuid> {oldPinned.id, recentPinned.id, e6.id, e7.id}));
    // The policy is in the file, for the next run and for nhcli.
    auto reader = Nh::HistoryReader::open(m_history->path());
    QVERIFY(reader);
    QCOMPARE(reader.value()->retention(), (Nh::RetentionPolicy {2, 30}));
}

void TestPreferencesDialog::declinedDeletionChangesNothing()
{
    QSignalSpy written(m_history.get(), &Nh::HistoryStore::written);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int i = 0; i < 4; ++i)
        m_history->add(exchangeAt(now.addSecs(-60 * (i + 1))));
    QTRY_COMPARE(written.size(), 4);

    PreferencesDialog dialog(m_settings.get(), m_history.get());
    dialog.show();
    dialog.maxCountSpin()->setValue(1);
    dialog.timeoutSpin()->setValue(45);
    dialog.okButton()->click();
    QMessageBox *box = dialog.confirmation();
    QVERIFY(box);
    QVERIFY2(box->text().contains(u"3 exchanges"_s), qPrintable(box->text()));
    box->button(QMessageBox::Cancel)->click();
    QVERIFY(!dialog.confirmation());
    // The dialog stays open with the form as it was; nothing was written or deleted.
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.maxCountSpin()->value(), 1);
    QCOMPARE(m_history->retention(), Nh::RetentionPolicy());
    QCOMPARE(m_history->reader().count().value(), 4);
    QCOMPARE(Nh::Settings(m_settings.get()).sendTimeoutMs(), 30000);
}

void TestPreferencesDialog::retentionWithoutDeletionAsksNothing()
{
    PreferencesDialog dialog(m_settings.get(), m_history.get());
    dialog.show();
    dialog.maxCountSpin()->setValue(0); // unlimited
    dialog.maxAgeSpin()->setValue(90);
    QCOMPARE(dialog.maxCountSpin()->text(), u"Unlimited"_s);
    QCOMPARE(dialog.exchangesToDelete(), 0);
    dialog.okButton()->click();
    QVERIFY(!dialog.confirmation());
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QTRY_COMPARE(m_history->retention(), (Nh::RetentionPolicy {0, 90}));
}

void TestPreferencesDialog::cancelChangesNothing()
{
    const Nh::RetentionPolicy before = m_history->retention();
    PreferencesDialog dialog(m_settings.get(), m_history.get());
    dialog.show();
    dialog.appearanceCombo()->setCurrentIndex(
        dialog.appearanceCombo()->findData(int(Appearance::Dark)));
    QVERIFY(windowDarkerThanText(QApplication::palette())); // previewed
    dialog.maxCountSpin()->setValue(10);
    dialog.maxAgeSpin()->setValue(3);
    dialog.timeoutSpin()->setValue(120);
    dialog.apiVersionCombo()->setCurrentText(u"2017-04"_s);
    QTest::keyClick(&dialog, Qt::Key_Escape);
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY(!dialog.isVisible());

    QCOMPARE(Theme::currentAppearance(), Appearance::System);
    QCOMPARE(QApplication::palette().color(QPalette::Window),
             m_systemPalette.color(QPalette::Window));
    m_settings->sync();
    QCOMPARE(m_settings->allKeys(), QStringList());
    QCOMPARE(m_history->retention(), before);
}

void TestPreferencesDialog::restoreDefaults()
{
    {
        Nh::Settings s(m_settings.get());
        s.setAppearance(Appearance::Dark);
        s.setSendTimeoutMs(90000);
        s.setDefaultApiVersion(u"2017-04"_s);
    }
    m_history->setRetention({10, 7});
    QTRY_COMPARE(m_history->retention(), (Nh::RetentionPolicy {10, 7}));

    PreferencesDialog dialog(m_settings.get(), m_history.get());
    dialog.show();
    QCOMPARE(dialog.appearance(), Appearance::Dark);
    QCOMPARE(dialog.timeoutSpin()->value(), 90);
    QCOMPARE(dialog.apiVersion(), u"2017-04"_s);
    QCOMPARE(dialog.retention(), (Nh::RetentionPolicy {10, 7}));

    dialog.restoreDefaultsButton()->click();
    QCOMPARE(dialog.appearance(), Appearance::System);
    QCOMPARE(dialog.timeoutSpin()->value(), 30);
    QCOMPARE(dialog.apiVersion(), u"2020-06"_s);
    QCOMPARE(dialog.retention(), Nh::RetentionPolicy());
    QVERIFY(dialog.isVisible());
    // Not saved before OK.
    QCOMPARE(Nh::Settings(m_settings.get()).sendTimeoutMs(), 90000);
    QCOMPARE(m_history->retention(), (Nh::RetentionPolicy {10, 7}));

    dialog.okButton()->click();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    const Nh::Settings s(m_settings.get());
    QCOMPARE(s.appearance(), Appearance::System);
    QCOMPARE(s.sendTimeoutMs(), 30000);
    QCOMPARE(s.defaultApiVersion(), u"2020-06"_s);
    QTRY_COMPARE(m_history->retention(), Nh::RetentionPolicy());
}

void TestPreferencesDialog::persistedAcrossNewSettings()
{
    {
        PreferencesDialog dialog(m_settings.get(), m_history.get());
        dialog.appearanceCombo()->setCurrentIndex(
            dialog.appearanceCombo()->findData(int(Appearance::Light)));
        dialog.timeoutSpin()->setValue(75);
        dialog.apiVersionCombo()->setCurrentText(u"2015-01-31-preview"_s);
        dialog.okButton()->click();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }
    const QString file = m_settings->fileName();
    m_settings.reset(); // writes the file
    QSettings again(file, QSettings::IniFormat);
    const Nh::Settings s(&again);
    QCOMPARE(s.appearance(), Appearance::Light);
    QCOMPARE(s.sendTimeoutMs(), 75000);
    QCOMPARE(s.defaultApiVersion(), u"2015-01-31-preview"_s);
    PreferencesDialog dialog(&again, m_history.get());
    QCOMPARE(dialog.appearanceCombo()->currentText(), u"Light"_s);
    QCOMPARE(dialog.timeoutSpin()->value(), 75);
    QCOMPARE(dialog.apiVersion(), u"2015-01-31-preview"_s);
}

void TestPreferencesDialog::withoutHistory()
{
    PreferencesDialog dialog(m_settings.get(), nullptr);
    dialog.show();
    QVERIFY(!dialog.historyGroup()->isEnabled());
    const QString text = UiTest::visibleText(&dialog);
    QVERIFY2(text.contains(u"No history file is open"_s), qPrintable(text));
    QCOMPARE(dialog.exchangesToDelete(), 0);
    dialog.timeoutSpin()->setValue(5);
    dialog.okButton()->click();
    QVERIFY(!dialog.confirmation());
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(Nh::Settings(m_settings.get()).sendTimeoutMs(), 5000);
}

void TestPreferencesDialog::apiVersionRefusedWithASentence_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("shown");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("month") << u"2017-04"_s << u"2017-04"_s << true;
    QTest::newRow("preview") << u"2015-01-31-preview"_s << u"2015-01-31-preview"_s << true;
    QTest::newRow("unfinished month") << u"2020-1"_s << u"2020-1"_s << false;
    QTest::newRow("year only") << u"2020"_s << u"2020"_s << false;
    QTest::newRow("empty") << QString() << QString() << false;
    // The validator keeps what cannot become a version out of the field.
    QTest::newRow("letters") << u"latest"_s << QString() << false;
    QTest::newRow("letters after a version") << u"2020-06x"_s << u"2020-06"_s << true;
}

void TestPreferencesDialog::apiVersionRefusedWithASentence()
{
    QFETCH(QString, typed);
    QFETCH(QString, shown);
    QFETCH(bool, accepted);
    PreferencesDialog dialog(m_settings.get(), m_history.get());
    dialog.show();
    QLineEdit *edit = dialog.apiVersionCombo()->lineEdit();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Delete);
    QTest::keyClicks(edit, typed);
    QCOMPARE(dialog.apiVersion(), shown);
    QCOMPARE(dialog.okButton()->isEnabled(), accepted);
    QCOMPARE(dialog.errorLabel()->isVisible(), !accepted);
    if (accepted)
        return;
    QVERIFY2(dialog.errorLabel()->text().startsWith(u"Default API version:"_s),
             qPrintable(dialog.errorLabel()->text()));
    QVERIFY2(dialog.errorLabel()->text().contains(u"YYYY-MM"_s),
             qPrintable(dialog.errorLabel()->text()));
    if (!shown.isEmpty())
        QVERIFY(dialog.errorLabel()->text().contains(u"“"_s + shown + u"”"_s));
    // OK is refused and nothing is stored.
    dialog.accept();
    QVERIFY(dialog.isVisible());
    QCOMPARE(Nh::Settings(m_settings.get()).defaultApiVersion(), u"2020-06"_s);
}

void TestPreferencesDialog::mainWindowInDark()
{
    UiHarness harness;
    QVERIFY(harness.start());
    MainWindow window(harness.context());
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *banner = window.findChild<QWidget *>(u"emulatorBanner"_s);
    QVERIFY(banner);
    const QColor lightBanner = banner->palette().color(QPalette::Window);
    // One test send, so the outcome view's banner and rows and the history's status decoration
    // are there to follow the scheme.
    QTRY_VERIFY(window.isProfileReady());
    QSignalSpy finished(window.findChild<ComposerWidget *>(), &ComposerWidget::exchangeFinished);
    window.findChild<QPushButton *>(u"sendButton"_s)->click();
    QVERIFY(finished.wait(15000));
    auto *resultBanner = window.findChild<QWidget *>(u"resultBanner"_s);
    auto *resultsTable = window.findChild<QTableView *>(u"resultsTable"_s);
    QVERIFY(resultBanner && resultsTable);
    QTRY_VERIFY(resultsTable->isVisible() && resultsTable->model()->rowCount() > 0);
    const QColor lightResult = resultBanner->palette().color(QPalette::Window);
    auto *historyTable = window.findChild<QTableView *>(u"historyTable"_s);
    QVERIFY(historyTable);
    QTRY_COMPARE(historyTable->model()->rowCount(), 1);
    const auto statusColour = [historyTable] {
        return historyTable->model()
            ->index(0, Nh::HistoryModel::Status)
            .data(Qt::ForegroundRole)
            .value<QColor>();
    };
    // Which tone the row has (the demo hub's test send may report failed registrations).
    std::optional<Theme::Tone> statusTone;
    for (const auto tone :
         {Theme::Tone::Success, Theme::Tone::Warning, Theme::Tone::Failure, Theme::Tone::Info}) {
        if (statusColour() == Theme::foreground(tone, window.palette()))
            statusTone = tone;
    }
    QVERIFY2(statusTone, qPrintable(statusColour().name()));

    // Dark through Edit ▸ Preferences…, as a user picks it.
    auto *action = window.findChild<QAction *>(u"actionPreferences"_s);
    QVERIFY(action);
    QVERIFY(!action->shortcut().isEmpty());
    action->trigger();
    auto *dialog = window.findChild<PreferencesDialog *>();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QVERIFY(dialog->historyGroup()->isEnabled()); // the window's history
    dialog->appearanceCombo()->setCurrentIndex(
        dialog->appearanceCombo()->findData(int(Appearance::Dark)));
    QVERIFY(windowDarkerThanText(dialog->palette()));
    QVERIFY(!UiTest::saveScreenshot(dialog, u"preferences-dark"_s).isEmpty());
    dialog->okButton()->click();
    QCOMPARE(Nh::Settings(harness.settings.get()).appearance(), Appearance::Dark);

    QVERIFY(windowDarkerThanText(window.palette()));
    // The banner is re-tinted for the dark window and its text stays readable on it.
    const QColor darkBanner = banner->palette().color(QPalette::Window);
    QVERIFY2(darkBanner != lightBanner, qPrintable(darkBanner.name()));
    QVERIFY2(darkBanner.lightness() < window.palette().color(QPalette::WindowText).lightness(),
             qPrintable(darkBanner.name()));
    QVERIFY(contrast(banner->palette().color(QPalette::WindowText), darkBanner) >= 4.5);
    QCOMPARE(statusColour(),
             Theme::foreground(*statusTone, Theme::schemePalette(Appearance::Dark)));
    const QColor darkResult = resultBanner->palette().color(QPalette::Window);
    QVERIFY2(darkResult != lightResult && Theme::isDark(resultBanner->palette()),
             qPrintable(darkResult.name()));
    // Every coloured cell of the outcome rows stays readable on the dark table.
    const QColor base = resultsTable->palette().color(QPalette::Base);
    for (int row = 0; row < resultsTable->model()->rowCount(); ++row) {
        for (int column = 0; column < resultsTable->model()->columnCount(); ++column) {
            const QVariant fg = resultsTable->model()->index(row, column).data(Qt::ForegroundRole);
            if (!fg.isValid())
                continue;
            const QColor c =
                fg.canConvert<QBrush>() ? fg.value<QBrush>().color() : fg.value<QColor>();
            QVERIFY2(contrast(c, base) >= 4.5,
                     qPrintable(u"row %1 column %2: %3 on %4"_s.arg(row).arg(column).arg(
                         c.name(), base.name())));
        }
    }
    for (QLabel *label : window.findChildren<QLabel *>()) {
        if (!label->isVisible() || label->text().isEmpty())
            continue;
        const QColor fg = label->palette().color(
            label->isEnabled() ? QPalette::Active : QPalette::Disabled, QPalette::WindowText);
        const QColor bg = label->autoFillBackground()
            ? label->palette().color(QPalette::Window)
            : label->parentWidget()->palette().color(QPalette::Window);
        QVERIFY2(contrast(fg, bg) >= 3.0,
                 qPrintable(u"%1: %2 on %3"_s.arg(label->objectName(), fg.name(), bg.name())));
    }
    // Links in rich text are drawn in the dark scheme's link colour, not the light one's.
    auto *advice = window.findChild<QLabel *>(u"resultAdvice"_s);
    QVERIFY(advice && advice->isVisible());
    QVERIFY2(advice->text().contains(u"<a "_s), qPrintable(advice->text()));
    const QImage adviceImage = advice->grab().toImage();
    const QColor darkLink = Theme::schemePalette(Appearance::Dark).color(QPalette::Link);
    int linkPixels = 0;
    for (int y = 0; y < adviceImage.height(); ++y) {
        for (int x = 0; x < adviceImage.width(); ++x) {
            const QColor c = adviceImage.pixelColor(x, y);
            QVERIFY2(c.rgb() != m_systemPalette.color(QPalette::Link).rgb(),
                     "a link keeps the light scheme's colour");
            if (c.rgb() == darkLink.rgb())
                ++linkPixels;
        }
    }
    QVERIFY2(linkPixels > 20, qPrintable(QString::number(linkPixels)));
    QVERIFY(!UiTest::saveScreenshot(&window, u"mainwindow-dark-override"_s).isEmpty());

    Theme::applyAppearance(Appearance::System);
    QVERIFY(!windowDarkerThanText(window.palette()));
    QCOMPARE(banner->palette().color(QPalette::Window), lightBanner);
    PreferencesDialog light(harness.settings.get(), harness.history.get(), &window);
    light.show();
    QVERIFY(!UiTest::saveScreenshot(&light, u"preferences-light"_s).isEmpty());
}

QTEST_MAIN(TestPreferencesDialog)
#include "tst_preferencesdialog.moc"
