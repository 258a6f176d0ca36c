// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// What each template registration gets (issue #16), offscreen against the bundled emulator:
// the composer's property table offers the union of the targeted templates' properties and
// marks the unfilled; the reach preview renders the current registration with its empty
// substitution highlighted; a template test send shows, for each outcome row, the payload it
// was rendered into (one GET for a registration the preview had not fetched), kept in the
// history file and shown again by a new window even after the registration changed (a re-send
// renders anew); the registration editor refuses a broken body template with its position,
// underlined there.
// Screenshots, light and dark.

#include "client/hubclient.h"
#include "composerwidget.h"
#include "exchangeview.h"
#include "historypanel.h"
#include "mainwindow.h"
#include "models/outcomemodel.h"
#include "outcomeview.h"
#include "payloadeditor.h"
#include "protocol/templatelinter.h"
#include "reachpreview.h"
#include "registrationdialog.h"
#include "renderedpayloadview.h"
#include "store/historystore.h"
#include "templatepropertiestable.h"
#include "uitestsupport.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QTextBlock>

using namespace Qt::Literals::StringLiterals;
using Kind = Nh::RenderedPayload::Mark::Kind;

namespace {

constexpr QStringView kTag = u"tplui";
/// Uses only what the send fills in.
constexpr QStringView kFilledTemplate = uR"x({"aps":{"alert":"$(message)"}})x";
/// Also uses "subtitle", which the send leaves out: it renders empty.
constexpr QStringView kUnfilledTemplate =
    uR"x({"aps":{"alert":{"title":"$(subtitle)","body":"$(message)"}}})x";
constexpr const char *kSendBody = R"x({"message":"Hello","unused":"x"})x";

Nh::Registration templateRegistration(const QString &name, const QString &body, int n)
{
    Nh::Registration r;
    r.platform = Nh::Platform::Apple;
    r.isTemplate = true;
    r.templateName = name;
    r.bodyTemplate = body;
    r.tags = {kTag.toString()};
    r.handle = u"%1"_s.arg(qlonglong(n), 64, 16, QChar(u'0')).toUpper();
    return r;
}

} // namespace

class TestTemplateSend final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void propertyTableOffersTheUnionAndMarksTheUnfilled();
    void reachPreviewHighlightsTheEmptySubstitution();
    void outcomeShowsTheRenderedPayloadAndHistoryKeepsIt();
    void registrationEditorRefusesABrokenTemplateWithItsPosition_data();
    void registrationEditorRefusesABrokenTemplateWithItsPosition();
    void screenshots_data();
    void screenshots();

private:
    /** Creates a template registration on the emulator through HubClient; its id. */
    QString create(const QString &name, const QString &body, int n);
    /** A window whose composer is set for a template test send to kTag, reach fetched. */
    bool makeTemplateWindow();
    Nh::Exchange sendAndWait();
    void selectResult(const QString &registrationId);
    qsizetype operations(const QString &operation) const
    {
        const QList<Nh::EmulatorLogEntry> log = m_harness->emulator.log();
        return std::count_if(log.cbegin(), log.cend(), [&](const Nh::EmulatorLogEntry &entry) {
            return entry.operation == operation;
        });
    }

    std::unique_ptr<UiHarness> m_harness;
    std::unique_ptr<MainWindow> m_window;
    QString m_filled;
    QString m_unfilled;
};

void TestTemplateSend::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    UiTest::usePalette(UiTest::lightPalette());
}

void TestTemplateSend::init()
{
    m_harness = std::make_unique<UiHarness>();
    QVERIFY(m_harness->start());
    m_filled = create(u"filled"_s, kFilledTemplate.toString(), 1);
    m_unfilled = create(u"unfilled"_s, kUnfilledTemplate.toString(), 2);
    QVERIFY(!m_filled.isEmpty() && !m_unfilled.isEmpty());
}

void TestTemplateSend::cleanup()
{
    m_window.reset();
    m_harness.reset();
    UiTest::usePalette(UiTest::lightPalette());
}

QString TestTemplateSend::create(const QString &name, const QString &body, int n)
{
    Nh::HubJob *job = m_harness->client.createRegistration(templateRegistration(name, body, n));
    QSignalSpy finished(job, &Nh::HubJob::finished);
    if (!finished.wait(10000))
        return {};
    const auto e = finished.first().first().value<Nh::Exchange>();
    if (!e.ok() || !e.registration) {
        qWarning("create failed: %s", qPrintable(e.errorSentence));
        return {};
    }
    return e.registration->registrationId;
}

bool TestTemplateSend::makeTemplateWindow()
{
    m_window = std::make_unique<MainWindow>(m_harness->context());
    m_window->resize(1440, 900);
    m_window->show();
    ComposerWidget *composer = m_window->composer();
    composer->setFormat(Nh::Format::Template);
    composer->setPayload(kSendBody);
    composer->setTargetKind(Nh::TargetKind::Tags);
    composer->setTagExpression(kTag.toString());
    composer->setTestSend(true);
    composer->validateNow();
    ReachPreview *reach = m_window->reachPreview();
    reach->refresh();
    return QTest::qWaitFor([reach] { return !reach->isFetching() && reach->reachedCount() == 2; },
                           10000);
}

Nh::Exchange TestTemplateSend::sendAndWait()
{
    QSignalSpy finished(m_window->composer(), &ComposerWidget::exchangeFinished);
    m_window->findChild<QPushButton *>(u"sendButton"_s)->click();
    if (!finished.wait(15000))
        return {};
    return finished.first().first().value<Nh::Exchange>();
}

void TestTemplateSend::selectResult(const QString &registrationId)
{
    auto *table = m_window->findChild<QTableView *>(u"resultsTable"_s);
    QAbstractItemModel *model = table->model();
    for (int r = 0; r < model->rowCount(); ++r) {
        const QModelIndex id = model->index(r, Nh::OutcomeModel::RegistrationId);
        if (id.data().toString() == registrationId)
            table->setCurrentIndex(id);
    }
}

void TestTemplateSend::propertyTableOffersTheUnionAndMarksTheUnfilled()
{
    QVERIFY(makeTemplateWindow());
    auto *table = m_window->findChild<TemplatePropertiesTable *>(u"propertiesPane"_s);
    QVERIFY(table);
    // The union of what the two templates use; "subtitle" is offered though the send lacks it.
    QTRY_COMPARE(table->offeredProperties(), (QStringList {u"message"_s, u"subtitle"_s}));
    QCOMPARE(table->unfilledProperties(), QStringList {u"subtitle"_s});
    QCOMPARE(table->unusedProperties(), QStringList {u"unused"_s});
    QTableWidget *cells = table->table();
    QCOMPARE(cells->rowCount(), 3);
    QCOMPARE(cells->item(2, 0)->text(), u"subtitle"_s);
    QVERIFY(cells->item(2, 0)->font().italic());
    QVERIFY2(cells->item(2, 0)->toolTip().contains(u"Not filled in"_s),
             qPrintable(cells->item(2, 0)->toolTip()));
    QVERIFY(cells->item(1, 0)->toolTip().contains(u"No targeted template uses"_s));
    // The offered row is no property of the send until it gets a value...
    QCOMPARE(m_window->composer()->templateProperties().size(), 2);
    // ... and then it is: the JSON has it, nothing is unfilled any more.
    cells->item(2, 1)->setText(u"Evening"_s);
    QTRY_COMPARE(m_window->composer()->templateProperties().size(), 3);
    QVERIFY(QString::fromUtf8(m_window->composer()->payload()).contains(u"Evening"_s));
    QCOMPARE(table->unfilledProperties(), QStringList {});
    QTRY_COMPARE(m_window->reachPreview()->emptySubstitutionCount(), 0);
}

void TestTemplateSend::reachPreviewHighlightsTheEmptySubstitution()
{
    QVERIFY(makeTemplateWindow());
    ReachPreview *reach = m_window->reachPreview();
    QTRY_COMPARE(reach->emptySubstitutionCount(), 1);
    QVERIFY2(reach->summaryText().contains(u"empty substitution"_s),
             qPrintable(reach->summaryText()));
    // The registration that would get an empty value is the one shown, its "" highlighted.
    RenderedPayloadView *view = reach->renderedView();
    QVERIFY(view->isVisibleTo(reach));
    QTRY_VERIFY(view->hasPayload());
    QCOMPARE(view->payload().registrationId, m_unfilled);
    QCOMPARE(view->payload().missingProperties, QStringList {u"subtitle"_s});
    QCOMPARE(view->highlightedTexts(Kind::Empty), QStringList {u"\"\""_s});
    QVERIFY(view->textView()->toPlainText().contains(u"\"title\":\"\""_s));
    QVERIFY2(view->notesText().contains(u"subtitle"_s), qPrintable(view->notesText()));
    // The other registration renders whole.
    QTableView *rows = reach->table();
    for (int r = 0; r < rows->model()->rowCount(); ++r) {
        if (rows->model()->index(r, 0).data(Qt::UserRole).toString() == m_filled)
            rows->setCurrentIndex(rows->model()->index(r, 0));
    }
    QCOMPARE(view->payload().registrationId, m_filled);
    QCOMPARE(view->highlightedTexts(Kind::Empty), QStringList {});
    QCOMPARE(view->textView()->toPlainText(), uR"x({"aps":{"alert":"Hello"}})x"_s);
    // A native format renders nothing.
    m_window->composer()->setFormat(Nh::Format::Apple);
    m_window->composer()->validateNow();
    QTRY_VERIFY(!view->isVisibleTo(reach));
}

void TestTemplateSend::outcomeShowsTheRenderedPayloadAndHistoryKeepsIt()
{
    QVERIFY(makeTemplateWindow());
    // A third one the preview has not fetched: rendering it costs one GET.
    const QString late = create(u"late"_s, kUnfilledTemplate.toString(), 3);
    QVERIFY(!late.isEmpty());
    const qsizetype getsBefore = operations(u"registrations.get"_s);
    const Nh::Exchange e = sendAndWait();
    QCOMPARE(e.result, Nh::ExchangeResult::Success);
    QVERIFY(e.outcome);
    QCOMPARE(e.outcome->results.size(), 3);
    ExchangeView *exchangeView = m_window->exchangeView();
    QTRY_COMPARE(exchangeView->exchange().rendered.size(), 3);
    QCOMPARE(operations(u"registrations.get"_s) - getsBefore, 1);

    RenderedPayloadView *view = exchangeView->outcomeView()->renderedPayloadView();
    QVERIFY(view->isVisibleTo(exchangeView));
    selectResult(m_unfilled);
    QTRY_COMPARE(view->payload().registrationId, m_unfilled);
    QCOMPARE(view->highlightedTexts(Kind::Empty), QStringList {u"\"\""_s});
    QVERIFY(view->notesText().contains(u"subtitle"_s));
    selectResult(late);
    QCOMPARE(view->payload().registrationId, late);
    QCOMPARE(view->highlightedTexts(Kind::Empty), QStringList {u"\"\""_s});
    selectResult(m_filled);
    QCOMPARE(view->highlightedTexts(Kind::Empty), QStringList {});
    QCOMPARE(view->textView()->toPlainText(), uR"x({"aps":{"alert":"Hello"}})x"_s);

    // Stored with the exchange, in the history file.
    auto reader = Nh::HistoryReader::open(m_harness->history->path());
    QVERIFY(reader);
    std::optional<Nh::HistoryRecord> stored;
    QVERIFY(QTest::qWaitFor(
        [&] {
            auto r = reader.value()->load(e.id);
            if (r)
                stored = r.value();
            return stored.has_value();
        },
        10000));
    QCOMPARE(stored->exchange.rendered.size(), 3);
    QCOMPARE(stored->exchange.rendered, exchangeView->exchange().rendered);

    // The registration changes on the hub; a new window shows what was rendered then.
    m_window.reset();
    Nh::Registration changed = templateRegistration(u"unfilled"_s, kFilledTemplate.toString(), 2);
    changed.registrationId = m_unfilled;
    Nh::HubJob *put = m_harness->client.putRegistration(changed);
    QSignalSpy putDone(put, &Nh::HubJob::finished);
    QVERIFY(putDone.wait(10000));
    QVERIFY(putDone.first().first().value<Nh::Exchange>().ok());
    m_window = std::make_unique<MainWindow>(m_harness->context());
    m_window->show();
    HistoryPanel *history = m_window->historyPanel();
    QTRY_VERIFY(history->rowCount() >= 1);
    QVERIFY(history->selectExchange(e.id));
    QTRY_COMPARE(m_window->exchangeView()->exchange().id, e.id);
    view = m_window->exchangeView()->outcomeView()->renderedPayloadView();
    selectResult(m_unfilled);
    QTRY_COMPARE(view->payload().registrationId, m_unfilled);
    QCOMPARE(view->highlightedTexts(Kind::Empty), QStringList {u"\"\""_s});
    QVERIFY(view->textView()->toPlainText().contains(u"\"title\":\"\""_s));

    // Sent again: rendered again, from what the registration holds now.
    QVERIFY(history->resendAction()->isEnabled());
    history->resendAction()->trigger();
    QTRY_VERIFY(m_window->exchangeView()->exchange().id != e.id);
    QTRY_COMPARE(m_window->exchangeView()->exchange().rendered.size(), 3);
    selectResult(m_unfilled);
    QTRY_COMPARE(view->payload().registrationId, m_unfilled);
    QCOMPARE(view->highlightedTexts(Kind::Empty), QStringList {});
    QCOMPARE(view->textView()->toPlainText(), uR"x({"aps":{"alert":"Hello"}})x"_s);
}

void TestTemplateSend::registrationEditorRefusesABrokenTemplateWithItsPosition_data()
{
    QTest::addColumn<QString>("broken");
    // Text after an expression without '+': the SDK's grammar refuses it.
    QTest::newRow("text after an expression") << u"$(message) tail"_s;
    QTest::newRow("unclosed expression") << u"$(message"_s;
}

void TestTemplateSend::registrationEditorRefusesABrokenTemplateWithItsPosition()
{
    QFETCH(QString, broken);
    Nh::Registration r = templateRegistration(u"broken"_s, kFilledTemplate.toString(), 9);
    RegistrationDialog dialog(r);
    dialog.show();
    QVERIFY(dialog.registration().has_value());
    PayloadEditor *editor = dialog.editor();
    const QString valid = editor->toPlainText();
    const qsizetype at = valid.indexOf(u"$(message)"_s);
    QVERIFY(at > 0);
    QString text = valid;
    text.replace(at, 10, broken);
    editor->setPlainText(text);

    // Refused: no registration, OK off, the sentence gives the position.
    QVERIFY(!dialog.registration().has_value());
    auto *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QVERIFY(!ok->isEnabled());
    const QString error = dialog.errorText();
    QVERIFY2(error.contains(u"character"_s), qPrintable(error));

    // Underlined where the linter says, in the XML.
    Nh::Registration parsed = r;
    parsed.bodyTemplate = kFilledTemplate.toString().replace(u"$(message)"_s, broken);
    const Nh::TemplateLint lint =
        Nh::TemplateLinter::lint(Nh::TemplateSource::fromRegistration(parsed));
    QVERIFY(lint.hasErrors());
    const Nh::TemplateFinding f = lint.ofSeverity(Nh::TemplateFinding::Severity::Error).first();
    const qsizetype inTemplate = parsed.bodyTemplate.indexOf(broken);
    const qsizetype expected = at + (f.offset - inTemplate);
    const QTextBlock block = editor->document()->findBlock(int(expected));
    QCOMPARE(editor->errorLine(), block.blockNumber() + 1);
    QCOMPARE(editor->errorColumn(), int(expected - block.position()) + 1);
    QVERIFY2(error.contains(u"character %1"_s.arg(f.offset + 1)), qPrintable(error));

    // Fixed: accepted again.
    editor->setPlainText(valid);
    QVERIFY(dialog.registration().has_value());
    QVERIFY(ok->isEnabled());
    QCOMPARE(editor->errorLine(), 0);
}

void TestTemplateSend::screenshots_data()
{
    QTest::addColumn<bool>("dark");
    QTest::newRow("light") << false;
    QTest::newRow("dark") << true;
}

void TestTemplateSend::screenshots()
{
    QFETCH(bool, dark);
    UiTest::usePalette(dark ? UiTest::darkPalette() : UiTest::lightPalette());
    const QString suffix = dark ? u"-dark"_s : u"-light"_s;
    const QString dir = UiTest::screenshotDir() + u"/template-send"_s;
    QVERIFY(QDir().mkpath(dir));
    QVERIFY(makeTemplateWindow());
    ComposerWidget *composer = m_window->composer();
    QTRY_COMPARE(m_window->reachPreview()->emptySubstitutionCount(), 1);
    QVERIFY(m_window->findChild<TemplatePropertiesTable *>(u"propertiesPane"_s)
                ->grab()
                .save(dir + u"/properties"_s + suffix + u".png"_s));
    composer->showPage(m_window->reachPreview());
    QTRY_VERIFY(m_window->reachPreview()->isVisible());
    QVERIFY(m_window->reachPreview()->grab().save(dir + u"/reach"_s + suffix + u".png"_s));
    const Nh::Exchange e = sendAndWait();
    QCOMPARE(e.result, Nh::ExchangeResult::Success);
    QTRY_COMPARE(m_window->exchangeView()->exchange().rendered.size(), 2);
    selectResult(m_unfilled);
    QCoreApplication::processEvents();
    QVERIFY(m_window->grab().save(dir + u"/window"_s + suffix + u".png"_s));
    QVERIFY(m_window->exchangeView()->grab().save(dir + u"/exchange"_s + suffix + u".png"_s));

    Nh::Registration r = templateRegistration(u"broken"_s, kFilledTemplate.toString(), 9);
    RegistrationDialog dialog(r);
    dialog.show();
    QString text = dialog.editor()->toPlainText();
    text.replace(u"$(message)"_s, u"$(message) tail"_s);
    dialog.editor()->setPlainText(text);
    QVERIFY(!dialog.registration().has_value());
    QCoreApplication::processEvents(); // the status line's new height is laid out
    QVERIFY(dialog.grab().save(dir + u"/registration-dialog"_s + suffix + u".png"_s));
}

QTEST_MAIN(TestTemplateSend)
#include "tst_templatesend.moc"
