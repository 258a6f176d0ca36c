// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The Hub page (issue #17): the demo hub's cards, the problems hub's findings, a key without
// Manage, screenshots light and dark.

#include "client/explainer.h"
#include "client/hubclient.h"
#include "confirm.h"
#include "credentialdialog.h"
#include "credentialinput.h"
#include "emulator/emulatorhubconfig.h"
#include "emulator/faults.h"
#include "exchangeview.h"
#include "hubpage.h"
#include "hubpagedock.h"
#include "mainwindow.h"
#include "outcomeview.h"
#include "platformcard.h"
#include "uitestsupport.h"

#include <QAction>
#include <QDockWidget>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QRadioButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTest>
#include <QToolButton>
#include <memory>

using namespace Qt::Literals::StringLiterals;

class TestHubPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void demoHubShowsEveryPlatformConfigured();
    void problemsHubShowsEachProblem();
    void listenKeyShowsTheManageMessage();
    void cancelStopsTheRead();
    void screenshots();
    void hubMenuOpensThePage();
    void noTargetApplicationsLinksToTheHubPage();
    void productionEndpointMakesSandboxTokensInvalid();
    void removeShowsTheChangeThenSaves();
    void credentialInputs();
    void apnsDialogShowsOneModesFields();
    void pastedServiceAccountAddsFcmV1();
    void editDialogReplacesWns();
    void coverageFindingsOnTheCards();
    void coverageNoteWhenTruncated();
    void coverageIsCancellable();
    void coverageNoteWhenTheListingFails();

private:
    bool refreshAndWait();
    PlatformCard *card(Nh::PnsCredentialKind kind) const;
    bool hasFinding(const QString &id) const;
    void useHub(const QString &hub);

    std::unique_ptr<UiHarness> m_harness;
    std::unique_ptr<HubPage> m_page;
};

void TestHubPage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    UiTest::usePalette(UiTest::lightPalette());
}

void TestHubPage::init()
{
    m_harness = std::make_unique<UiHarness>();
    QVERIFY(m_harness->start());
    m_page = std::make_unique<HubPage>(&m_harness->client);
    m_page->resize(1100, 900);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
}

void TestHubPage::cleanup()
{
    m_page.reset();
    m_harness.reset();
}

bool TestHubPage::refreshAndWait()
{
    QSignalSpy loaded(m_page.get(), &HubPage::loaded);
    m_page->refresh();
    if (!m_page->isLoading())
        return false;
    if (!loaded.wait(10000) || m_page->isLoading())
        return false;
    // The registrations are counted after the read, in the background.
    if (m_page->isCountingRegistrations()) {
        QSignalSpy counted(m_page.get(), &HubPage::coverageChecked);
        if (!counted.wait(10000))
            return false;
    }
    // Let the cards settle at their width (their wrapped sentences set their heights).
    for (int i = 0; i < 3; ++i)
        QCoreApplication::processEvents();
    return true;
}

PlatformCard *TestHubPage::card(Nh::PnsCredentialKind kind) const
{
    for (PlatformCard *c : m_page->cards())
        if (c->data().kind == kind)
            return c;
    return nullptr;
}

bool TestHubPage::hasFinding(const QString &id) const
{
    for (const Nh::HubFinding &f : m_page->findings())
        if (f.id == id)
            return m_page->findChild<QWidget *>(u"finding-"_s + id) != nullptr;
    return false;
}

void TestHubPage::useHub(const QString &hub)
{
    Nh::HubConnection c = m_harness->client.connection();
    c.hub = hub;
    m_harness->client.setConnection(c);
}

void TestHubPage::demoHubShowsEveryPlatformConfigured()
{
    QVERIFY(refreshAndWait());
    QCOMPARE(m_page->cards().size(), Nh::kPnsCredentialKindCount);
    for (PlatformCard *c : m_page->cards()) {
        QVERIFY2(c->data().configured, qPrintable(c->data().title));
        QVERIFY(c->findChild<QLabel *>(u"cardState"_s)->text() == u"Configured"_s);
    }
    PlatformCard *apns = card(Nh::PnsCredentialKind::Apns);
    QVERIFY(apns);
    QCOMPARE(apns->data().mode, u"Token"_s);
    QCOMPARE(apns->findChild<QLabel *>(u"environmentBadge"_s)->text(), u"Sandbox"_s);
    QVERIFY(apns->findChild<QLabel *>(u"cardMode"_s)->text().contains(u"Token"_s));
    // No secret on the page: the token and the rule keys stay out.
    const QString shown = UiTest::visibleText(m_page.get());
    QVERIFY(!shown.contains(m_harness->client.connection().connectionString.key()));
    // The rules, with the profile's marked.
    auto *rules = m_page->findChild<QTableWidget *>(u"rulesTable"_s);
    QVERIFY(rules->rowCount() >= 2);
    bool marked = false;
    for (int row = 0; row < rules->rowCount(); ++row)
        if (rules->item(row, 0)->text() == u"DefaultFullSharedAccessSignature"_s) {
            QCOMPARE(rules->item(row, 1)->text(), u"Listen, Send, Manage"_s);
            marked = rules->item(row, 2)->text() == u"Yes"_s;
        }
    QVERIFY(marked);
    QVERIFY(m_page->findChild<QLabel *>(u"hubFigures"_s)->text().contains(u"Registration TTL"_s));
}

void TestHubPage::problemsHubShowsEachProblem()
{
    useHub(QString(Nh::kProblemsDemoHub));
    QVERIFY(refreshAndWait());
    QVERIFY2(!card(Nh::PnsCredentialKind::FcmV1)->data().configured, "no FCM v1");
    QVERIFY(hasFinding(u"fcmv1-not-configured"_s));
    PlatformCard *apns = card(Nh::PnsCredentialKind::Apns);
    QCOMPARE(apns->findChild<QLabel *>(u"environmentBadge"_s)->text(), u"Production"_s);
    QVERIFY(hasFinding(u"apns-endpoint-production"_s));
    QVERIFY(hasFinding(u"apns-certificate-expired"_s));
    QVERIFY(apns->data().daysToExpiry && *apns->data().daysToExpiry < 0);
    QVERIFY(apns->findChild<QLabel *>(u"certificateExpiry"_s)->text().contains(u"expired"_s));
    QVERIFY(hasFinding(u"gcm-without-fcmv1"_s) || hasFinding(u"gcm-retired"_s));
    auto *rules = m_page->findChild<QTableWidget *>(u"rulesTable"_s);
    bool listenOnly = false;
    for (int row = 0; row < rules->rowCount(); ++row)
        listenOnly = listenOnly || rules->item(row, 1)->text() == u"Listen"_s;
    QVERIFY(listenOnly);
    QVERIFY(m_page->message().contains(u"to fix"_s));

    // A profile on the Listen-only rule: the page says it cannot send.
    Nh::HubJob *job = m_harness->client.getHub(QString(Nh::kProblemsDemoHub));
    QSignalSpy finished(job, &Nh::HubJob::finished);
    QVERIFY(finished.wait(10000));
    const auto exchange = finished.first().first().value<Nh::Exchange>();
    QVERIFY(exchange.hubDescription);
    const Nh::AuthorizationRule *listen =
        exchange.hubDescription->rule(u"AppBackendSharedAccessSignature");
    QVERIFY(listen);
    QCOMPARE(listen->rights, Nh::AccessRights(Nh::AccessRight::Listen));
    Nh::HubCheckContext context;
    context.profiles = {
        {u"App back end"_s, listen->keyName, listen->primaryKey, Nh::ProfileKey::Role::BackEnd}};
    m_page->showDescription(*exchange.hubDescription, context);
    QVERIFY(hasFinding(u"profile-cannot-send"_s));
    QVERIFY(!UiTest::visibleText(m_page.get()).contains(listen->primaryKey));
}

void TestHubPage::listenKeyShowsTheManageMessage()
{
    Nh::HubConnection c = m_harness->client.connection();
    c.connectionString =
        m_harness->emulator.connectionString(u"DefaultListenSharedAccessSignature"_s);
    m_harness->client.setConnection(c);
    QVERIFY(refreshAndWait());
    QVERIFY(m_page->cards().isEmpty());
    const QString text = m_page->message();
    QVERIFY2(text.contains(u"Manage"_s), qPrintable(text));
    QVERIFY2(text.contains(u"What to do"_s), qPrintable(text));
    QVERIFY2(text.contains(u"DefaultFullSharedAccessSignature"_s), qPrintable(text));
}

void TestHubPage::cancelStopsTheRead()
{
    QSignalSpy loaded(m_page.get(), &HubPage::loaded);
    m_page->refresh();
    QVERIFY(m_page->isLoading());
    QVERIFY(m_page->cancelAction()->isEnabled());
    m_page->cancelAction()->trigger();
    QVERIFY(!m_page->isLoading());
    QCOMPARE(loaded.size(), 1);
    QVERIFY(m_page->message().contains(u"cancelled"_s));
}

void TestHubPage::screenshots()
{
    for (const bool dark : {false, true}) {
        UiTest::usePalette(dark ? UiTest::darkPalette() : UiTest::lightPalette());
        const QString suffix = dark ? u"dark"_s : u"light"_s;
        useHub(m_harness->emulator.hubName());
        QVERIFY(refreshAndWait());
        QVERIFY(!UiTest::saveScreenshot(m_page.get(), u"hubpage-"_s + suffix).isEmpty());
        useHub(QString(Nh::kProblemsDemoHub));
        QVERIFY(refreshAndWait());
        QVERIFY(!UiTest::saveScreenshot(m_page.get(), u"hubpage-problems-"_s + suffix).isEmpty());
        Nh::HubConnection c = m_harness->client.connection();
        c.connectionString =
            m_harness->emulator.connectionString(u"DefaultListenSharedAccessSignature"_s);
        m_harness->client.setConnection(c);
        QVERIFY(refreshAndWait());
        QVERIFY(!UiTest::saveScreenshot(m_page.get(), u"hubpage-nomanage-"_s + suffix).isEmpty());
        CredentialDialog apns(Nh::PnsCredentialKind::Apns);
        apns.show();
        QVERIFY(QTest::qWaitForWindowExposed(&apns));
        QVERIFY(!UiTest::saveScreenshot(&apns, u"hubpage-apns-dialog-"_s + suffix).isEmpty());
        c.connectionString = m_harness->emulator.connectionString();
        m_harness->client.setConnection(c);
    }
    UiTest::usePalette(UiTest::lightPalette());
}

void TestHubPage::apnsDialogShowsOneModesFields()
{
    // Token and certificate are exclusive at the hub: only the chosen mode's fields show.
    CredentialDialog apns(Nh::PnsCredentialKind::Apns);
    apns.show();
    QVERIFY(QTest::qWaitForWindowExposed(&apns));
    const auto visible = [&apns](const QString &name) {
        auto *w = apns.findChild<QWidget *>(name);
        return w && w->isVisible();
    };
    QVERIFY(visible(u"keyId"_s) && visible(u"p8"_s) && visible(u"bundleId"_s));
    QVERIFY(!visible(u"p12Path"_s) && !visible(u"p12Password"_s));
    auto *certificate = apns.findChildren<QRadioButton *>().last();
    QVERIFY(certificate != apns.findChild<QRadioButton *>(u"tokenMode"_s));
    certificate->click();
    QVERIFY(visible(u"p12Path"_s) && visible(u"p12Password"_s));
    QVERIFY(!visible(u"keyId"_s) && !visible(u"p8"_s) && !visible(u"p8Load"_s));
}

void TestHubPage::hubMenuOpensThePage()
{
    m_page.reset();
    MainWindow window(m_harness->context());
    window.show();
    QTRY_VERIFY(window.isProfileReady());
    HubPageDock *dock = window.hubPageDock();
    QVERIFY(!dock->dock()->isVisible());
    // The exchange view's "Open the Hub page" link opens it too.
    emit window.exchangeView()->hubPageRequested();
    QVERIFY(dock->dock()->isVisible());
    dock->dock()->hide();
    auto *action = window.findChild<QAction *>(u"actionShowHubPage"_s);
    QVERIFY(action);
    QVERIFY(window.menuBar()->actions().size() > 0);
    QSignalSpy loaded(dock->page(), &HubPage::loaded);
    QSignalSpy written(m_harness->history.get(), &Nh::HistoryStore::written);
    action->trigger();
    QVERIFY(dock->dock()->isVisible());
    QVERIFY(loaded.wait(10000));
    QCOMPARE(dock->page()->cards().size(), Nh::kPnsCredentialKindCount);

    // The read is in the history, its secrets redacted: no rule key, no APNs token.
    QTRY_VERIFY_WITH_TIMEOUT(written.size() > 0, 10000);
    QByteArray stored;
    for (const QString &suffix : {QString(), u"-wal"_s}) {
        QFile file(m_harness->history->path() + suffix);
        if (file.open(QIODevice::ReadOnly))
            stored += file.readAll();
    }
    QVERIFY(stored.contains("hub.get") || stored.contains("NotificationHubDescription"));
    const QString key = m_harness->client.connection().connectionString.key();
    QVERIFY(!key.isEmpty());
    QVERIFY(!stored.contains(key.toUtf8()));
}

void TestHubPage::noTargetApplicationsLinksToTheHubPage()
{
    // The problems hub has no FCM v1 credential: an fcmv1 send answers 400 "no target
    // applications", and the explanation offers the Hub page.
    useHub(QString(Nh::kProblemsDemoHub));
    Nh::Notification n;
    n.format = Nh::Format::FcmV1;
    n.target = Nh::Target::broadcast();
    n.body = R"({"message":{"notification":{"title":"hi"}}})";
    Nh::HubJob *job = m_harness->client.send(n);
    QSignalSpy finished(job, &Nh::HubJob::finished);
    QVERIFY(finished.wait(10000));
    const auto exchange = finished.first().first().value<Nh::Exchange>();
    QCOMPARE(exchange.status, 400);
    const Nh::Explanation why = Nh::explain(exchange);
    QVERIFY(why.hubConfiguration);

    OutcomeView view;
    view.resize(800, 500);
    view.show();
    view.setExchange(exchange);
    auto *advice = view.findChild<QLabel *>(u"resultAdvice"_s);
    QVERIFY(advice);
    QVERIFY2(advice->text().contains(QString(OutcomeView::kHubPageLink)),
             qPrintable(advice->text()));
    QSignalSpy requested(&view, &OutcomeView::hubPageRequested);
    emit advice->linkActivated(QString(OutcomeView::kHubPageLink));
    QCOMPARE(requested.size(), 1);
}

void TestHubPage::productionEndpointMakesSandboxTokensInvalid()
{
    // The demo hub's APNs credential moved to the production endpoint: its sandbox-token
    // registrations answer "handle invalid", and the explanation points at the Hub page.
    Nh::HubJob *get = m_harness->client.getHub(m_harness->emulator.hubName());
    QSignalSpy got(get, &Nh::HubJob::finished);
    QVERIFY(got.wait(10000));
    auto description = *got.first().first().value<Nh::Exchange>().hubDescription;
    description.credential(Nh::PnsCredentialKind::Apns)
        ->setProperty(u"Endpoint"_s, QString(Nh::kApnsProductionEndpoint));
    Nh::HubJob *update = m_harness->client.updateHub(description);
    QSignalSpy updated(update, &Nh::HubJob::finished);
    QVERIFY(updated.wait(10000));
    QCOMPARE(updated.first().first().value<Nh::Exchange>().result, Nh::ExchangeResult::Success);

    QVERIFY(refreshAndWait());
    QCOMPARE(card(Nh::PnsCredentialKind::Apns)->findChild<QLabel *>(u"environmentBadge"_s)->text(),
             u"Production"_s);

    Nh::Notification n;
    n.format = Nh::Format::Apple;
    n.target = Nh::Target::broadcast();
    n.body = R"({"aps":{"alert":"hi"}})";
    Nh::HubJob *job = m_harness->client.send(n, true);
    QSignalSpy finished(job, &Nh::HubJob::finished);
    QVERIFY(finished.wait(10000));
    const auto exchange = finished.first().first().value<Nh::Exchange>();
    QVERIFY2(exchange.outcome.has_value(), qPrintable(exchange.errorSentence));
    QVERIFY(exchange.outcome->failure > 0);
    const Nh::Explanation why = Nh::explain(exchange);
    QVERIFY2(why.hubConfiguration, qPrintable(why.cause));
    QVERIFY2(why.nextStep.contains(u"sandbox"_s), qPrintable(why.nextStep));

    OutcomeView view;
    view.show();
    view.setExchange(exchange);
    QVERIFY(view.findChild<QLabel *>(u"resultAdvice"_s)
                ->text()
                .contains(QString(OutcomeView::kHubPageLink)));
}

void TestHubPage::removeShowsTheChangeThenSaves()
{
    QVERIFY(refreshAndWait());
    m_page->setProduction(true);
    QStringList asked;
    bool answer = false;
    Confirm::setAnswerForTesting([&](const Confirm::Question &q) {
        asked << q.text;
        return answer;
    });
    auto *remove =
        card(Nh::PnsCredentialKind::Xiaomi)->findChild<QToolButton *>(u"removeCredentialButton"_s);
    QVERIFY(remove);
    // Declined: nothing is sent.
    remove->click();
    QTRY_COMPARE(asked.size(), 1);
    QVERIFY2(asked.first().contains(u"XiaomiCredential"_s), qPrintable(asked.first()));
    QVERIFY(asked.first().contains(u"production"_s));
    QVERIFY(!m_page->isLoading());
    QVERIFY(card(Nh::PnsCredentialKind::Xiaomi)->data().configured);

    // Accepted: the hub is saved without it and read again.
    answer = true;
    QSignalSpy loaded(m_page.get(), &HubPage::loaded);
    card(Nh::PnsCredentialKind::Xiaomi)
        ->findChild<QToolButton *>(u"removeCredentialButton"_s)
        ->click();
    QTRY_VERIFY_WITH_TIMEOUT(loaded.size() > 0 && !m_page->isLoading(), 10000);
    Confirm::setAnswerForTesting({});
    QVERIFY2(m_page->cards().size() == Nh::kPnsCredentialKindCount, qPrintable(m_page->message()));
    QVERIFY(!card(Nh::PnsCredentialKind::Xiaomi)->data().configured);
    QVERIFY(card(Nh::PnsCredentialKind::Apns)->data().configured);
}

void TestHubPage::credentialInputs()
{
    const auto token = apnsTokenCredential(
        u"-----BEGIN PRIVATE KEY-----\nMIGTAgEA\nAwEHBG0w\n-----END PRIVATE KEY-----\n"_s,
        u"ABC123DEFG"_s, u"TEAM123456"_s, u"com.example.app"_s, ApnsTarget::Production);
    QVERIFY(token);
    QCOMPARE(token.value().property(u"Token"), u"MIGTAgEAAwEHBG0w"_s);
    QCOMPARE(token.value().property(u"Endpoint"), u"https://api.push.apple.com:443/3/device"_s);
    QCOMPARE(token.value().property(u"AppId"), u"TEAM123456"_s);
    QVERIFY(!apnsTokenCredential(u"MIGT"_s, {}, u"T"_s, u"b"_s, ApnsTarget::Sandbox));

    QFile p12(QStringLiteral(NH_TEST_DATA_DIR "/hubs/certs/apns-production-aes.p12"));
    QVERIFY(p12.open(QIODevice::ReadOnly));
    const QByteArray bytes = p12.readAll();
    const auto certificate =
        apnsCertificateCredential(bytes, u"nhconsole-test"_s, ApnsTarget::Production);
    QVERIFY2(certificate, qPrintable(certificate ? QString() : certificate.error().message));
    QCOMPARE(certificate.value().property(u"Endpoint"), u"gateway.push.apple.com"_s);
    QVERIFY(!certificate.value().property(u"Thumbprint")->isEmpty());
    QVERIFY(!apnsCertificateCredential(bytes, u"wrong"_s, ApnsTarget::Sandbox));

    QVERIFY(wnsCredential(u"ms-app://s-1-15-2-1"_s, u"secret"_s));
    QVERIFY(!wnsCredential(u"ms-app://s-1-15-2-1"_s, {}));
    QVERIFY(browserCredential(u"mailto:a@example.com"_s, u"BPub"_s, u"priv"_s));
    QVERIFY(!browserCredential(u"mailto:a@example.com"_s, u"BPub"_s, {}));
    QVERIFY(!fcmV1Credential("{\"project_id\":\"p\"}"));
    QVERIFY(!fcmV1Credential("not json"));
}

void TestHubPage::pastedServiceAccountAddsFcmV1()
{
    useHub(QString(Nh::kProblemsDemoHub));
    QVERIFY(refreshAndWait());
    QVERIFY(!card(Nh::PnsCredentialKind::FcmV1)->data().configured);
    const auto fcm = fcmV1Credential(R"({"type":"service_account","project_id":"nh-demo",
        "private_key":"-----BEGIN PRIVATE KEY-----\nMIIEvQ\n-----END PRIVATE KEY-----\n",
        "client_email":"push@nh-demo.iam.gserviceaccount.com"})");
    QVERIFY(fcm);
    QStringList asked;
    Confirm::setAnswerForTesting([&](const Confirm::Question &q) {
        asked << q.text;
        return true;
    });
    QSignalSpy loaded(m_page.get(), &HubPage::loaded);
    m_page->setCredential(fcm.value());
    QTRY_VERIFY_WITH_TIMEOUT(loaded.size() > 0 && !m_page->isLoading(), 10000);
    Confirm::setAnswerForTesting({});
    QCOMPARE(asked.size(), 1);
    QVERIFY2(asked.first().contains(u"FcmV1Credential"_s), qPrintable(asked.first()));
    QVERIFY(!asked.first().contains(u"MIIEvQ"_s)); // the private key is not in the change list
    QVERIFY2(card(Nh::PnsCredentialKind::FcmV1)->data().configured, qPrintable(m_page->message()));
    QVERIFY(!hasFinding(u"fcmv1-not-configured"_s));
}

void TestHubPage::editDialogReplacesWns()
{
    QVERIFY(refreshAndWait());
    Confirm::setAnswerForTesting([](const Confirm::Question &) { return true; });
    card(Nh::PnsCredentialKind::Wns)->findChild<QToolButton *>(u"editCredentialButton"_s)->click();
    auto *dialog = m_page->findChild<CredentialDialog *>(u"credentialDialog"_s);
    QVERIFY(dialog);
    // Empty: refused with the reason, the dialog stays.
    dialog->accept();
    QVERIFY(dialog->isVisible());
    QVERIFY(dialog->findChild<QLabel *>(u"credentialError"_s)->text().contains(u"PackageSid"_s));
    QVERIFY(!UiTest::saveScreenshot(dialog, u"hubpage-credential-light"_s).isEmpty());
    dialog->findChild<QLineEdit *>(u"packageSid"_s)->setText(u"ms-app://s-1-15-2-42"_s);
    dialog->findChild<QLineEdit *>(u"secret"_s)->setText(u"new-wns-secret"_s);
    QSignalSpy loaded(m_page.get(), &HubPage::loaded);
    dialog->accept();
    QTRY_VERIFY_WITH_TIMEOUT(loaded.size() > 0 && !m_page->isLoading(), 10000);
    Confirm::setAnswerForTesting({});
    const auto &properties = card(Nh::PnsCredentialKind::Wns)->data().properties;
    QVERIFY(properties.contains(std::pair {u"PackageSid"_s, u"ms-app://s-1-15-2-42"_s}));
    QVERIFY(!UiTest::visibleText(m_page.get()).contains(u"new-wns-secret"_s));
}

void TestHubPage::coverageFindingsOnTheCards()
{
    // The problems hub has no FCM v1 credential; FCM v1 registrations made over the API.
    useHub(QString(Nh::kProblemsDemoHub));
    QSignalSpy before(m_page.get(), &HubPage::coverageChecked);
    QVERIFY(refreshAndWait());
    QCOMPARE(before.size(), 1);
    int fcm = 0;
    for (const Nh::HubFinding &f : m_page->findings())
        if (f.id == u"coverage-no-credential"_s && f.credential == Nh::PnsCredentialKind::FcmV1)
            fcm = f.message.split(u' ').constFirst().toInt();
    QVERIFY(fcm >= 1); // the demo's own FCM v1 registration
    for (int i = 0; i < 3; ++i) {
        Nh::Registration r;
        r.platform = Nh::Platform::FcmV1;
        r.handle = u"fcm-coverage-token-%1"_s.arg(i);
        Nh::HubJob *job = m_harness->client.createRegistration(r);
        QSignalSpy created(job, &Nh::HubJob::finished);
        QVERIFY(created.wait(10000));
        QVERIFY(created.first().first().value<Nh::Exchange>().ok());
    }
    QVERIFY(refreshAndWait());
    const Nh::HubFinding *finding = nullptr;
    for (const Nh::HubFinding &f : m_page->findings())
        if (f.id == u"coverage-no-credential"_s && f.credential == Nh::PnsCredentialKind::FcmV1)
            finding = &f;
    QVERIFY(finding);
    QCOMPARE(finding->severity, Nh::HubCheckSeverity::Problem);
    QVERIFY2(finding->message.startsWith(QString::number(fcm + 3)), qPrintable(finding->message));
    QVERIFY(finding->message.contains(u"no target applications"_s));
    // On the FCM v1 card, and the legacy GCM registrations flagged on the GCM card.
    QVERIFY(card(Nh::PnsCredentialKind::FcmV1)
                ->findChild<QWidget *>(u"finding-coverage-no-credential"_s));
    QVERIFY(hasFinding(u"gcm-registrations"_s));
    QVERIFY(card(Nh::PnsCredentialKind::Gcm)->findChild<QWidget *>(u"finding-gcm-registrations"_s));
    QVERIFY(UiTest::visibleText(card(Nh::PnsCredentialKind::FcmV1))
                .contains(u"no target applications"_s));
    QVERIFY(m_page->coverageNote().isEmpty()); // every registration was counted
    for (const bool dark : {false, true}) {
        UiTest::usePalette(dark ? UiTest::darkPalette() : UiTest::lightPalette());
        QVERIFY(refreshAndWait());
        QVERIFY(!UiTest::saveScreenshot(m_page.get(),
                                        u"hubpage-coverage-"_s + (dark ? u"dark"_s : u"light"_s))
                     .isEmpty());
    }
    UiTest::usePalette(UiTest::lightPalette());

    // The demo hub has every credential: no coverage finding.
    useHub(m_harness->emulator.hubName());
    QVERIFY(refreshAndWait());
    QVERIFY(!m_page->findings().isEmpty());
    QVERIFY(!hasFinding(u"coverage-no-credential"_s));
    for (const Nh::HubFinding &f : m_page->findings())
        QVERIFY2(f.id != u"coverage-no-credential"_s, qPrintable(f.message));
}

void TestHubPage::coverageNoteWhenTruncated()
{
    useHub(QString(Nh::kProblemsDemoHub));
    m_page->setRegistrationLimit(2);
    QVERIFY(refreshAndWait());
    QVERIFY2(m_page->coverageNote().contains(u"Only the first 2 registrations were counted"_s),
             qPrintable(m_page->coverageNote()));
    QVERIFY(m_page->findChild<QLabel *>(u"hubCoverageNote"_s)->isVisible());
    QVERIFY(!UiTest::saveScreenshot(m_page.get(), u"hubpage-coverage-truncated-light"_s).isEmpty());
}

void TestHubPage::coverageIsCancellable()
{
    useHub(QString(Nh::kProblemsDemoHub));
    QSignalSpy loaded(m_page.get(), &HubPage::loaded);
    QSignalSpy counted(m_page.get(), &HubPage::coverageChecked);
    m_page->refresh();
    QVERIFY(loaded.wait(10000));
    // The description shows while the registrations are counted; the UI stays usable.
    QVERIFY(!m_page->cards().isEmpty());
    QVERIFY(m_page->isCountingRegistrations());
    QVERIFY(m_page->cancelAction()->isEnabled());
    QVERIFY(m_page->coverageNote().contains(u"Counting"_s));
    m_page->cancelAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(counted.size(), 1, 10000);
    QVERIFY(!m_page->isCountingRegistrations());
    QVERIFY(!m_page->cancelAction()->isEnabled());
    QVERIFY2(m_page->coverageNote().contains(u"cancelled"_s), qPrintable(m_page->coverageNote()));
    QVERIFY(!hasFinding(u"coverage-no-credential"_s));
}

void TestHubPage::coverageNoteWhenTheListingFails()
{
    useHub(QString(Nh::kProblemsDemoHub));
    Nh::FaultRule rule;
    rule.operation = u"registrations"_s;
    rule.hub = QString(Nh::kProblemsDemoHub);
    rule.fault = *Nh::Fault::parse(u"status=500"_s);
    m_harness->emulator.faults().add(rule);
    QVERIFY(refreshAndWait());
    // The description is shown with its own findings; coverage says why it was not checked.
    QVERIFY(!m_page->cards().isEmpty());
    QVERIFY(hasFinding(u"fcmv1-not-configured"_s));
    QVERIFY(!hasFinding(u"coverage-no-credential"_s));
    QVERIFY2(m_page->coverageNote().contains(u"could not be read"_s),
             qPrintable(m_page->coverageNote()));
    QVERIFY(m_page->coverageNote().contains(u"500"_s) || m_page->coverageNote().size() > 60);
}

QTEST_MAIN(TestHubPage)
#include "tst_hubpage.moc"
