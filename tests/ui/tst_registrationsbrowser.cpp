// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// RegistrationsBrowser, RegistrationDialog, InstallationDialog and Nh::RegistrationModel,
// offscreen, against the bundled emulator over real HTTPS: paging as the table scrolls, cancel,
// by tag and by channel, create/edit/delete round trips checked on the hub, fault sentences,
// the send-test target, installations by id, the model tester, screenshots.

#include "emulator/emulatorstate.h"
#include "emulator/faults.h"
#include "installationdialog.h"
#include "models/registrationmodel.h"
#include "payloadeditor.h"
#include "registrationdialog.h"
#include "registrationsbrowser.h"
#include "uitestsupport.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTreeWidget>

using namespace Qt::Literals::StringLiterals;

class TestRegistrationsBrowser final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void modelPassesTheTester();
    void scrollingFetchesTheRest();
    void cancelStopsAPageInFlight();
    void byTag();
    void byChannel();
    void badTagIsRefusedInline();
    void createEditDeleteRoundTrip();
    void disconnectedEmptiesAndRefuses();
    void editWithStaleEtagShowsSentence();
    void listFault_data();
    void listFault();
    void detailsShowHubXmlAndFault();
    void sendTestTarget();
    void dialogRefusesBrokenXml();
    void installationGetEditPatchDelete();
    void installationFaultAndBrokenJson();
    void refreshIsF5();
    void screenshots_data();
    void screenshots();

private:
    Nh::EmulatorHub &hub()
    {
        return *m_harness->emulator.state().hub(m_harness->emulator.hubName());
    }
    void seed(int count, const QString &tag);
    void addFault(const QString &operation, const QString &spec, int count = 1);
    /** Refreshes and waits for the first page. */
    bool refreshAndWait();
    QStringList hubIdsWithTag(const QString &tag);

    std::unique_ptr<UiHarness> m_harness;
    std::unique_ptr<RegistrationsBrowser> m_browser;
};

void TestRegistrationsBrowser::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    UiTest::usePalette(UiTest::lightPalette());
}

void TestRegistrationsBrowser::init()
{
    m_harness = std::make_unique<UiHarness>();
    QVERIFY(m_harness->start());
    m_browser = std::make_unique<RegistrationsBrowser>(&m_harness->client);
    m_browser->resize(1100, 600);
    m_browser->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_browser.get()));
}

void TestRegistrationsBrowser::cleanup()
{
    m_browser.reset();
    m_harness.reset();
}

void TestRegistrationsBrowser::seed(int count, const QString &tag)
{
    for (int i = 0; i < count; ++i) {
        Nh::Registration r;
        r.platform = Nh::Platform::FcmV1;
        r.handle = u"bulk-token-%1"_s.arg(i);
        r.tags = {tag};
        r.registrationId = Nh::EmulatorState::newRegistrationId();
        r.etag = 1;
        m_harness->emulator.state().putRegistration(hub(), r);
    }
}

void TestRegistrationsBrowser::addFault(const QString &operation, const QString &spec, int count)
{
    const auto fault = Nh::Fault::parse(spec);
    QVERIFY2(fault.ok(), qPrintable(spec));
    Nh::FaultRule rule;
    rule.operation = operation;
    rule.fault = *fault;
    rule.count = count;
    m_harness->emulator.faults().add(rule);
}

bool TestRegistrationsBrowser::refreshAndWait()
{
    QSignalSpy page(m_browser->model(), &Nh::RegistrationModel::pageFinished);
    m_browser->refresh();
    return page.wait(10000);
}

QStringList TestRegistrationsBrowser::hubIdsWithTag(const QString &tag)
{
    QStringList ids;
    for (const auto &[id, r] : hub().registrations) {
        if (tag.isEmpty() || r.tags.contains(tag))
            ids << id;
    }
    return ids;
}

// --- the model ----------------------------------------------------------------------------------

void TestRegistrationsBrowser::modelPassesTheTester()
{
    seed(120, u"bulk"_s);
    Nh::RegistrationModel model(&m_harness->client);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPageSize(50);
    QSignalSpy pages(&model, &Nh::RegistrationModel::pageFinished);
    model.setQuery({});
    while (model.isLoading() || model.canFetchMore({})) {
        if (!model.isLoading())
            model.fetchMore({});
        QVERIFY(pages.wait(10000));
    }
    QVERIFY2(model.lastExchange().ok(), qPrintable(model.lastExchange().errorSentence));
    QCOMPARE(model.rowCount(), int(hub().registrations.size()));
    QCOMPARE(model.pagesLoaded(), (int(hub().registrations.size()) + 49) / 50);
    QSet<QString> ids;
    for (const Nh::Registration &r : model.registrations())
        ids.insert(r.registrationId);
    QCOMPARE(ids.size(), model.rowCount());
    // Edits in place and removals keep the tester happy too.
    Nh::Registration r = model.registration(3);
    r.tags = {u"changed"_s};
    model.upsert(r);
    QCOMPARE(model.index(3, Nh::RegistrationModel::Tags).data().toString(), u"changed"_s);
    QVERIFY(model.remove(r.registrationId));
    QCOMPARE(model.rowOf(r.registrationId), -1);
    model.setRegistrations({r});
    QCOMPARE(model.rowCount(), 1);
    QVERIFY(!model.canFetchMore({}));
    QCOMPARE(model.index(0, Nh::RegistrationModel::Expiry).data().toString(), u"never"_s);
    QCOMPARE(model.index(0, Nh::RegistrationModel::Platform).data().toString(),
             r.isTemplate ? Nh::platformDisplayName(r.platform) + u" template"_s
                          : Nh::platformDisplayName(r.platform));
}

// --- paging -------------------------------------------------------------------------------------

void TestRegistrationsBrowser::scrollingFetchesTheRest()
{
    seed(75, u"bulk"_s);
    const int total = int(hub().registrations.size());
    QVERIFY(total > 80);
    m_browser->setPageSize(20);
    QVERIFY(refreshAndWait());
    auto *model = m_browser->model();
    QTableView *table = m_browser->table();
    // The view may already have asked for a second page to fill itself; never all of them.
    QTRY_VERIFY(!model->isLoading());
    QVERIFY(model->rowCount() < total);
    QVERIFY(model->hasMorePages());
    QVERIFY2(m_browser->findChild<QLabel *>(u"registrationsCount"_s)->text().contains(u"more"_s),
             qPrintable(m_browser->findChild<QLabel *>(u"registrationsCount"_s)->text()));

    // Scrolling to the end makes the view ask for the next page, until there is none.
    int guard = 0;
    while (model->rowCount() < total && ++guard < 20) {
        const int before = model->rowCount();
        table->scrollToBottom();
        table->verticalScrollBar()->setValue(table->verticalScrollBar()->maximum());
        QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > before || !model->hasMorePages(), 10000);
        QTRY_VERIFY(!model->isLoading());
    }
    QCOMPARE(model->rowCount(), total);
    QVERIFY(!model->hasMorePages());
    QCOMPARE(model->pagesLoaded(), (total + 19) / 20);
    QSet<QString> ids;
    for (const Nh::Registration &r : model->registrations())
        ids.insert(r.registrationId);
    QCOMPARE(ids.size(), total);
    QVERIFY(!m_browser->findChild<QProgressBar *>(u"registrationsProgress"_s)->isVisible());
}

void TestRegistrationsBrowser::cancelStopsAPageInFlight()
{
    addFault(u"registrations.list"_s, u"stall"_s);
    QSignalSpy page(m_browser->model(), &Nh::RegistrationModel::pageFinished);
    m_browser->refresh();
    // The stall must be consumed by this request (the rule goes once it has served it).
    QTRY_VERIFY_WITH_TIMEOUT(m_harness->emulator.faults().rules().isEmpty(), 10000);
    auto *progress = m_browser->findChild<QProgressBar *>(u"registrationsProgress"_s);
    auto *cancel = m_browser->findChild<QPushButton *>(u"cancelRegistrations"_s);
    QVERIFY(progress->isVisible());
    QVERIFY(cancel->isVisible());
    QVERIFY(m_browser->model()->isLoading());
    QVERIFY(m_browser->cancelAction()->isEnabled());
    QCOMPARE(page.size(), 0);
    cancel->click();
    QTRY_COMPARE_WITH_TIMEOUT(page.size(), 1, 5000);
    const auto e = page.first().first().value<Nh::Exchange>();
    QCOMPARE(e.result, Nh::ExchangeResult::Cancelled);
    QCOMPARE(m_browser->errorText(), e.errorSentence);
    QVERIFY(!m_browser->errorText().isEmpty());
    QVERIFY(!progress->isVisible());
    // The view does not re-ask by itself; Load more does.
    QVERIFY(!m_browser->model()->canFetchMore({}));
    auto *more = m_browser->findChild<QPushButton *>(u"loadMoreRegistrations"_s);
    QVERIFY(more->isVisible());
    page.clear();
    more->click();
    QVERIFY2(m_browser->model()->isLoading(), "Load more asks for the page again");
    QVERIFY(page.wait(10000));
    QVERIFY2(page.first().first().value<Nh::Exchange>().ok(),
             qPrintable(page.first().first().value<Nh::Exchange>().errorSentence));
    QCOMPARE(m_browser->model()->rowCount(), int(hub().registrations.size()));
}

void TestRegistrationsBrowser::byTag()
{
    const QStringList expected = hubIdsWithTag(u"user:alice"_s);
    QVERIFY(expected.size() >= 2);
    m_browser->setListing(RegistrationsBrowser::Listing::ByTag, u"user:alice"_s);
    QVERIFY(refreshAndWait());
    QCOMPARE(m_browser->model()->lastExchange().operation, u"registrations.bytag"_s);
    QStringList got;
    for (const Nh::Registration &r : m_browser->model()->registrations())
        got << r.registrationId;
    got.sort();
    QStringList want = expected;
    want.sort();
    QCOMPARE(got, want);
}

void TestRegistrationsBrowser::byChannel()
{
    const QString alice = u"62BCD3484834B7E2DC56733AC5509259230CC1BA82BA1AE7D06E91908A05A8FA"_s;
    int expected = 0;
    for (const auto &[id, r] : hub().registrations)
        expected += r.platform == Nh::Platform::Apple && r.handle == alice;
    QCOMPARE(expected, 2); // the demo data: a native and a template registration
    // Apple handles are matched upper-cased: a lower-case paste finds them too.
    m_browser->setListing(RegistrationsBrowser::Listing::ByChannel, alice.toLower(),
                          Nh::Platform::Apple);
    QVERIFY(refreshAndWait());
    QCOMPARE(m_browser->model()->rowCount(), expected);
    for (const Nh::Registration &r : m_browser->model()->registrations())
        QCOMPARE(r.handle, alice);
    QVERIFY(m_browser->model()
                ->lastExchange()
                .url.query(QUrl::FullyDecoded)
                .contains(u"DeviceToken eq '"_s + alice + u'\''));
}

void TestRegistrationsBrowser::badTagIsRefusedInline()
{
    m_browser->setListing(RegistrationsBrowser::Listing::ByTag, u"bad tag"_s);
    m_browser->refresh();
    QVERIFY(!m_browser->model()->isLoading());
    QVERIFY2(m_browser->errorText().contains(u"position 4"_s), qPrintable(m_browser->errorText()));
}

// --- create, edit, delete -----------------------------------------------------------------------

void TestRegistrationsBrowser::createEditDeleteRoundTrip()
{
    // What the window records in its history: the changes, not the reads.
    QSignalSpy exchanges(m_browser.get(), &RegistrationsBrowser::exchangeFinished);
    QVERIFY(refreshAndWait());
    const int before = int(hub().registrations.size());

    // Create.
    m_browser->newAction()->trigger();
    auto *dialog = m_browser->findChild<RegistrationDialog *>(u"registrationDialog"_s);
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    auto *kind = dialog->findChild<QComboBox *>(u"registrationKind"_s);
    kind->setCurrentIndex(kind->findData(int(Nh::Platform::FcmV1) * 2));
    emit kind->activated(kind->currentIndex());
    QByteArray xml = dialog->editor()->payload();
    QVERIFY(xml.contains("FcmV1RegistrationDescription"));
    xml.replace("sample-registration-token", "round-trip-token");
    xml.replace("sample-tag", "round,trip");
    dialog->editor()->setPayload(xml);
    QVERIFY2(dialog->registration().has_value(), qPrintable(dialog->errorText()));
    QSignalSpy messages(m_browser.get(), &RegistrationsBrowser::message);
    dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    QTRY_COMPARE_WITH_TIMEOUT(int(hub().registrations.size()), before + 1, 10000);
    QString id;
    for (const auto &[rid, r] : hub().registrations) {
        if (r.handle == u"round-trip-token")
            id = rid;
    }
    QVERIFY(!id.isEmpty());
    QCOMPARE(hub().registrations.at(id).tags, (QStringList {u"round"_s, u"trip"_s}));
    QTRY_VERIFY(m_browser->currentRegistration().has_value());
    QCOMPARE(m_browser->currentRegistration()->registrationId, id);
    QVERIFY(m_browser->errorText().isEmpty());

    // Edit: the current one, new tags; If-Match its ETag.
    QTRY_VERIFY(!m_browser->detailsXml().contains(u"Loading"_s));
    m_browser->editAction()->trigger();
    QTRY_VERIFY(m_browser->findChild<RegistrationDialog *>(u"registrationDialog"_s));
    dialog = m_browser->findChild<RegistrationDialog *>(u"registrationDialog"_s);
    QVERIFY(dialog->isEditing());
    xml = dialog->editor()->payload();
    QVERIFY2(xml.contains("round,trip"), xml.constData());
    xml.replace("round,trip", "edited");
    dialog->editor()->setPayload(xml);
    QVERIFY(dialog->registration().has_value());
    dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    QTRY_COMPARE_WITH_TIMEOUT(hub().registrations.at(id).tags, QStringList {u"edited"_s}, 10000);
    QTRY_COMPARE(m_browser->model()->registration(m_browser->model()->rowOf(id)).tags,
                 QStringList {u"edited"_s});

    // Delete: Cancel in the confirmation keeps it, Yes deletes it.
    QVERIFY(m_browser->selectRegistration(id));
    m_browser->deleteAction()->trigger();
    auto *box = m_browser->findChild<QMessageBox *>(u"confirmDelete"_s);
    QVERIFY(box);
    QVERIFY2(box->text().contains(id), qPrintable(box->text()));
    box->button(QMessageBox::Cancel)->click();
    // Once the box is gone its answer has been handled: nothing was deleted.
    QTRY_VERIFY(!m_browser->findChild<QMessageBox *>(u"confirmDelete"_s));
    QVERIFY(hub().registrations.count(id) == 1);
    m_browser->deleteAction()->trigger();
    box = m_browser->findChild<QMessageBox *>(u"confirmDelete"_s);
    QVERIFY(box);
    box->button(QMessageBox::Yes)->click();
    QTRY_COMPARE_WITH_TIMEOUT(int(hub().registrations.count(id)), 0, 10000);
    QTRY_COMPARE(m_browser->model()->rowOf(id), -1);
    QVERIFY(m_browser->errorText().isEmpty());
    QStringList operations;
    for (const QList<QVariant> &args : std::as_const(exchanges))
        operations << args.first().value<Nh::Exchange>().operation;
    QCOMPARE(operations,
             (QStringList {u"registrations.create"_s, u"registrations.put"_s,
                           u"registrations.delete"_s}));
}

void TestRegistrationsBrowser::disconnectedEmptiesAndRefuses()
{
    QVERIFY(refreshAndWait());
    QVERIFY(m_browser->model()->rowCount() > 0);
    m_browser->setConnected(false, u"Not connected: test."_s);
    QVERIFY(!m_browser->isConnected());
    QCOMPARE(m_browser->model()->rowCount(), 0);
    QCOMPARE(m_browser->errorText(), u"Not connected: test."_s);
    QVERIFY(!m_browser->refreshAction()->isEnabled());
    QVERIFY(!m_browser->newAction()->isEnabled());
    const qsizetype requests = m_harness->emulator.log().size();
    m_browser->refresh();
    QVERIFY(!m_browser->model()->isLoading());
    QCOMPARE(m_harness->emulator.log().size(), requests);

    m_browser->setConnected(true);
    QVERIFY(m_browser->errorText().isEmpty());
    QVERIFY(m_browser->newAction()->isEnabled());
    QVERIFY(refreshAndWait());
    QCOMPARE(m_browser->model()->rowCount(), int(hub().registrations.size()));
}

void TestRegistrationsBrowser::editWithStaleEtagShowsSentence()
{
    QVERIFY(refreshAndWait());
    const Nh::Registration first = m_browser->model()->registration(0);
    addFault(u"registrations.get"_s, u"status=500"_s); // keep the list's (stale) ETag
    QVERIFY(m_browser->selectRegistration(first.registrationId));
    // Someone else changes it meanwhile: its ETag moves on.
    Nh::Registration changed = hub().registrations.at(first.registrationId);
    changed.etag += 5;
    m_harness->emulator.state().putRegistration(hub(), changed);
    QTRY_VERIFY(!m_browser->errorText().isEmpty()); // the 500 of the details
    m_browser->editAction()->trigger();
    auto *dialog = m_browser->findChild<RegistrationDialog *>(u"registrationDialog"_s);
    QVERIFY(dialog);
    dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    QTRY_VERIFY_WITH_TIMEOUT(m_browser->errorText().contains(u"412"_s)
                                 || m_browser->errorText().contains(u"changed"_s),
                             10000);
}

void TestRegistrationsBrowser::listFault_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<int>("status");
    QTest::newRow("401") << u"status=401"_s << 401;
    QTest::newRow("404") << u"status=404"_s << 404;
    QTest::newRow("403") << u"status=403"_s << 403;
}

void TestRegistrationsBrowser::listFault()
{
    QFETCH(QString, spec);
    QFETCH(int, status);
    addFault(u"registrations.list"_s, spec);
    QSignalSpy page(m_browser->model(), &Nh::RegistrationModel::pageFinished);
    m_browser->refresh();
    QVERIFY(page.wait(10000));
    const auto e = page.first().first().value<Nh::Exchange>();
    QCOMPARE(e.status, status);
    QCOMPARE(e.result, Nh::ExchangeResult::HubError);
    QVERIFY(!e.errorSentence.isEmpty());
    QCOMPARE(m_browser->errorText(), e.errorSentence);
    QVERIFY(m_browser->findChild<QFrame *>(u"registrationsError"_s)->isVisible());
    QCOMPARE(m_browser->model()->rowCount(), 0);
    QCOMPARE(m_browser->findChild<QPushButton *>(u"loadMoreRegistrations"_s)->text(), u"Retry"_s);
    // A later success clears it.
    QVERIFY(refreshAndWait());
    QVERIFY(m_browser->errorText().isEmpty());
    QVERIFY(m_browser->model()->rowCount() > 0);
}

void TestRegistrationsBrowser::detailsShowHubXmlAndFault()
{
    QVERIFY(refreshAndWait());
    const Nh::Registration r = m_browser->model()->registration(1);
    QVERIFY(m_browser->selectRegistration(r.registrationId));
    QTRY_VERIFY_WITH_TIMEOUT(m_browser->detailsXml().contains(r.kindName()), 10000);
    QVERIFY2(m_browser->detailsXml().contains(u"<RegistrationId>"_s + r.registrationId),
             qPrintable(m_browser->detailsXml()));
    // The hub's own document, indented, with its prefixes and no invented declaration.
    QVERIFY2(m_browser->detailsXml().startsWith(u"<entry "_s), qPrintable(m_browser->detailsXml()));
    auto *fields = m_browser->findChild<QTreeWidget *>(u"registrationFields"_s);
    QVERIFY(!fields->findItems(r.handle, Qt::MatchExactly, 1).isEmpty());
    QVERIFY(!fields->findItems(r.handleElementName(), Qt::MatchExactly, 0).isEmpty());

    // Deleted behind the browser's back: the hub's 404 sentence, inline.
    m_harness->emulator.state().removeRegistration(
        hub(), m_browser->model()->registration(2).registrationId);
    QVERIFY(m_browser->selectRegistration(m_browser->model()->registration(2).registrationId));
    QTRY_VERIFY_WITH_TIMEOUT(!m_browser->errorText().isEmpty(), 10000);
    QVERIFY2(m_browser->errorText().contains(u"404"_s)
                 || m_browser->errorText().contains(u"not found"_s, Qt::CaseInsensitive),
             qPrintable(m_browser->errorText()));
    QCOMPARE(m_browser->findChild<QLabel *>(u"registrationDetailsNote"_s)->text(),
             m_browser->errorText());
}

// --- send test ----------------------------------------------------------------------------------

void TestRegistrationsBrowser::sendTestTarget()
{
    QVERIFY(refreshAndWait());
    QSignalSpy requested(m_browser.get(), &RegistrationsBrowser::sendTestRequested);
    // A native browser registration: its handle, format and keys.
    int browserRow = -1, templateRow = -1, installationRow = -1;
    for (int i = 0; i < m_browser->model()->rowCount(); ++i) {
        const Nh::Registration r = m_browser->model()->registration(i);
        if (r.platform == Nh::Platform::Browser && !r.isTemplate)
            browserRow = i;
        if (r.isTemplate && r.platform == Nh::Platform::Windows)
            templateRow = i;
        if (r.tags.contains(u"$InstallationId:{8b3e1b9e-3c41-4a7b-9a21-0d6a9a8f2b11}"_s))
            installationRow = i;
    }
    QVERIFY(browserRow >= 0 && templateRow >= 0 && installationRow >= 0);
    const Nh::Registration browser = m_browser->model()->registration(browserRow);
    m_browser->selectRegistration(browser.registrationId);
    m_browser->sendTestAction()->trigger();
    QCOMPARE(requested.size(), 1);
    SendTestTarget t = requested.takeFirst().first().value<SendTestTarget>();
    QCOMPARE(t.registrationId, browser.registrationId);
    QCOMPARE(t.format, Nh::Format::Browser);
    QCOMPARE(t.deviceHandle, browser.handle);
    QCOMPARE(t.p256dh, browser.p256dh.toUtf8());
    QCOMPARE(t.auth, browser.auth.toUtf8());
    QVERIFY(t.tagExpression.isEmpty());

    // A template registration: by its tags.
    const Nh::Registration tmpl = m_browser->model()->registration(templateRow);
    t = RegistrationsBrowser::sendTestTarget(tmpl);
    QCOMPARE(t.format, Nh::Format::Template);
    QVERIFY(t.deviceHandle.isEmpty());
    QCOMPARE(t.tagExpression, tmpl.tags.join(u" && "_s));

    // A template made from an installation would be reached by its installation tag.
    Nh::Registration fromInstallation = m_browser->model()->registration(installationRow);
    fromInstallation.isTemplate = true;
    t = RegistrationsBrowser::sendTestTarget(fromInstallation);
    QCOMPARE(t.tagExpression, u"$InstallationId:{8b3e1b9e-3c41-4a7b-9a21-0d6a9a8f2b11}"_s);
}

// --- the editor ---------------------------------------------------------------------------------

void TestRegistrationsBrowser::dialogRefusesBrokenXml()
{
    RegistrationDialog dialog;
    auto *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QVERIFY(ok->isEnabled());
    QByteArray xml = dialog.editor()->payload();
    xml.replace("</DeviceToken>", "</DeviceTokn>");
    dialog.editor()->setPayload(xml);
    QVERIFY2(!dialog.registration().has_value(), xml.constData());
    QVERIFY(!ok->isEnabled());
    QVERIFY2(dialog.errorText().contains(u"line"_s), qPrintable(dialog.errorText()));
    QVERIFY(dialog.editor()->errorLine() > 1);
    // A template without its BodyTemplate is named.
    dialog.editor()->setPayload(
        "<entry xmlns=\"http://www.w3.org/2005/Atom\"><content type=\"application/xml\">"
        "<AppleTemplateRegistrationDescription "
        "xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\" "
        "xmlns=\"http://schemas.microsoft.com/netservices/2010/10/servicebus/connect\">"
        "<DeviceToken>AB</DeviceToken></AppleTemplateRegistrationDescription></content></entry>");
    QVERIFY(!ok->isEnabled());
    QVERIFY2(dialog.errorText().contains(u"BodyTemplate"_s), qPrintable(dialog.errorText()));
}

// --- installations ------------------------------------------------------------------------------

void TestRegistrationsBrowser::installationGetEditPatchDelete()
{
    const QString id = u"8b3e1b9e-3c41-4a7b-9a21-0d6a9a8f2b11"_s;
    QVERIFY(refreshAndWait());
    // From a registration the installation made, the dialog opens on that installation.
    for (int i = 0; i < m_browser->model()->rowCount(); ++i) {
        if (m_browser->model()->registration(i).tags.contains(u"$InstallationId:{"_s + id + u'}'))
            m_browser->table()->selectRow(i);
    }
    m_browser->installationsAction()->trigger();
    InstallationDialog *dialog = m_browser->installationDialog();
    QVERIFY(dialog && dialog->isVisible());
    QCOMPARE(dialog->installationId(), id);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->loadedInstallation().has_value(), 10000);
    QVERIFY(dialog->editedInstallation().has_value());
    QCOMPARE(dialog->editedInstallation()->userId, u"alice"_s);

    // Edit the JSON and save: the hub has the new tag.
    Nh::Installation edited = *dialog->editedInstallation();
    edited.tags.append(u"edited-in-dialog"_s);
    dialog->jsonEditor()->setPayload(Nh::installationJson(edited));
    QVERIFY(dialog->editedInstallation().has_value());
    QSignalSpy changed(dialog, &InstallationDialog::installationChanged);
    dialog->findChild<QPushButton *>(u"saveInstallation"_s)->click();
    QVERIFY(changed.wait(10000));
    QVERIFY(hub().installations.at(id).tags.contains(u"edited-in-dialog"_s));

    // Patch: checked locally first, then sent and reloaded.
    dialog->patchEditor()->setPlainText(
        u"[{\"op\":\"add\",\"path\":\"/tags\",\"value\":\"patched\"}]"_s);
    auto *patch = dialog->findChild<QPushButton *>(u"patchInstallation"_s);
    QVERIFY(patch->isEnabled());
    changed.clear();
    patch->click();
    QVERIFY(changed.wait(10000));
    QVERIFY(hub().installations.at(id).tags.contains(u"patched"_s));
    QTRY_VERIFY_WITH_TIMEOUT(dialog->loadedInstallation()
                                 && dialog->loadedInstallation()->tags.contains(u"patched"_s),
                             10000);

    // Delete, confirmed.
    changed.clear();
    dialog->findChild<QPushButton *>(u"deleteInstallation"_s)->click();
    auto *box = dialog->findChild<QMessageBox *>(u"confirmDelete"_s);
    QVERIFY(box);
    box->button(QMessageBox::Yes)->click();
    QVERIFY(changed.wait(10000));
    QCOMPARE(int(hub().installations.count(id)), 0);
    // The browser reloads: the installation's registrations are gone from the list.
    QTRY_VERIFY_WITH_TIMEOUT(!m_browser->model()->isLoading(), 10000);
    for (const Nh::Registration &r : m_browser->model()->registrations())
        QVERIFY(!r.tags.contains(u"$InstallationId:{"_s + id + u'}'));
}

void TestRegistrationsBrowser::installationFaultAndBrokenJson()
{
    InstallationDialog dialog(&m_harness->client);
    dialog.show();
    // Unknown id: the hub's 404 as the client's sentence.
    dialog.setInstallationId(u"no-such-installation"_s);
    QSignalSpy finished(&dialog, &InstallationDialog::exchangeFinished);
    dialog.load();
    QVERIFY(finished.wait(10000));
    const auto e = finished.first().first().value<Nh::Exchange>();
    QCOMPARE(e.status, 404);
    QCOMPARE(dialog.statusText(), e.errorSentence);

    // An injected 401.
    addFault(u"installations.get"_s, u"status=401"_s);
    finished.clear();
    dialog.setInstallationId(u"8b3e1b9e-3c41-4a7b-9a21-0d6a9a8f2b11"_s);
    dialog.load();
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.first().first().value<Nh::Exchange>().status, 401);
    QVERIFY(!dialog.statusText().isEmpty());
    QCOMPARE(dialog.statusText(), finished.first().first().value<Nh::Exchange>().errorSentence);

    // Broken JSON is marked where it breaks and cannot be saved.
    dialog.jsonEditor()->setPlainText(u"{\n  \"installationId\": \"x\",\n  \"platform\": }"_s);
    QVERIFY(!dialog.editedInstallation().has_value());
    QCOMPARE(dialog.jsonEditor()->errorLine(), 3);
    QVERIFY(!dialog.findChild<QPushButton *>(u"saveInstallation"_s)->isEnabled());
    // A patch with an unknown path is refused before it is sent.
    dialog.patchEditor()->setPlainText(u"[{\"op\":\"add\",\"path\":\"/nope\",\"value\":1}]"_s);
    QVERIFY(!dialog.findChild<QPushButton *>(u"patchInstallation"_s)->isEnabled());
    QVERIFY2(dialog.findChild<QLabel *>(u"installationPatchStatus"_s)->text().contains(u"/nope"_s),
             qPrintable(dialog.findChild<QLabel *>(u"installationPatchStatus"_s)->text()));
}

void TestRegistrationsBrowser::refreshIsF5()
{
    QCOMPARE(m_browser->refreshAction()->shortcut(), QKeySequence(Qt::Key_F5));
    QSignalSpy page(m_browser->model(), &Nh::RegistrationModel::pageFinished);
    m_browser->table()->setFocus();
    QTest::keyClick(m_browser->table(), Qt::Key_F5);
    QVERIFY(page.wait(10000));
    QCOMPARE(m_browser->model()->rowCount(), int(hub().registrations.size()));
}

// --- screenshots --------------------------------------------------------------------------------

void TestRegistrationsBrowser::screenshots_data()
{
    QTest::addColumn<bool>("dark");
    QTest::newRow("light") << false;
    QTest::newRow("dark") << true;
}

void TestRegistrationsBrowser::screenshots()
{
    QFETCH(bool, dark);
    UiTest::usePalette(dark ? UiTest::darkPalette() : UiTest::lightPalette());
    const QString suffix = dark ? u"dark"_s : u"light"_s;
    QVERIFY(refreshAndWait());
    QTRY_VERIFY(!m_browser->model()->isLoading());
    m_browser->table()->selectRow(0);
    QTRY_VERIFY_WITH_TIMEOUT(m_browser->detailsXml().contains(u"RegistrationId"_s), 10000);
    QVERIFY(!UiTest::saveScreenshot(m_browser.get(), u"registrations-"_s + suffix).isEmpty());
    auto *tabs = m_browser->findChild<QTabWidget *>(u"registrationDetailsTabs"_s);
    tabs->setCurrentIndex(1);
    QVERIFY(!UiTest::saveScreenshot(m_browser.get(), u"registrations-xml-"_s + suffix).isEmpty());
    tabs->setCurrentIndex(0);
    const Nh::Registration first = m_browser->model()->registration(0);

    addFault(u"registrations.list"_s, u"status=401"_s);
    QVERIFY(refreshAndWait());
    QVERIFY(!UiTest::saveScreenshot(m_browser.get(), u"registrations-error-"_s + suffix).isEmpty());

    m_browser->installationsAction()->trigger();
    InstallationDialog *dialog = m_browser->installationDialog();
    dialog->setInstallationId(u"8b3e1b9e-3c41-4a7b-9a21-0d6a9a8f2b11"_s);
    dialog->load();
    QTRY_VERIFY_WITH_TIMEOUT(dialog->loadedInstallation().has_value(), 10000);
    dialog->patchEditor()->setPlainText(
        u"[{\"op\":\"add\",\"path\":\"/tags\",\"value\":\"vip\"}]"_s);
    QVERIFY(!UiTest::saveScreenshot(dialog, u"installation-"_s + suffix).isEmpty());

    RegistrationDialog editor(first);
    editor.show();
    QVERIFY(!UiTest::saveScreenshot(&editor, u"registration-editor-"_s + suffix).isEmpty());
    UiTest::usePalette(UiTest::lightPalette());
}

QTEST_MAIN(TestRegistrationsBrowser)
#include "tst_registrationsbrowser.moc"
