// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// ReachPreview offscreen against the bundled emulator: the local preview agrees with the
// emulator's real test-send outcome, the fetch note and its bound, cancel, a hub fault's
// sentence, a located parse error, a direct send's handles, the disconnected state, the compact
// form, screenshots.

#include "client/hubclient.h"
#include "emulator/emulatorstate.h"
#include "emulator/faults.h"
#include "models/registrationmodel.h"
#include "reachpreview.h"
#include "tagexpressionedit.h"
#include "uitestsupport.h"

#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestReachPreview final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void agreesWithEmulatorOutcome_data();
    void agreesWithEmulatorOutcome();
    void noteNamesCountAndTime();
    void templateCountsPerPlatform();
    void boundIsNoted();
    void cancelShowsSentence();
    void faultShowsSentence();
    void parseErrorIsLocated();
    void directSendListsTheHandle();
    void disconnectedForgetsAndRefusesToFetch();
    void compactHidesTheFields();
    void screenshots_data();
    void screenshots();

private:
    Nh::EmulatorHub &hub()
    {
        return *m_harness->emulator.state().hub(m_harness->emulator.hubName());
    }
    bool fetch();
    /** Registrations of the emulator's hub carrying `tag` (case-insensitively). */
    int tagged(const QString &tag)
    {
        int n = 0;
        for (const auto &[id, r] : hub().registrations)
            n += r.tags.contains(tag, Qt::CaseInsensitive);
        return n;
    }

    std::unique_ptr<UiHarness> m_harness;
    std::unique_ptr<ReachPreview> m_preview;
};

void TestReachPreview::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    UiTest::usePalette(UiTest::lightPalette());
}

void TestReachPreview::init()
{
    m_harness = std::make_unique<UiHarness>();
    QVERIFY(m_harness->start());
    m_preview = std::make_unique<ReachPreview>(&m_harness->client);
    m_preview->resize(900, 420);
}

void TestReachPreview::cleanup()
{
    m_preview.reset();
    m_harness.reset();
}

bool TestReachPreview::fetch()
{
    QSignalSpy reach(m_preview.get(), &ReachPreview::reachChanged);
    if (m_preview->isVisible())
        m_preview->refresh();
    else
        m_preview->show(); // the first show fetches by itself
    return reach.wait(10000);
}

void TestReachPreview::agreesWithEmulatorOutcome_data()
{
    QTest::addColumn<Nh::Format>("format");
    QTest::addColumn<QString>("expression");
    QTest::newRow("apple sports") << Nh::Format::Apple << u"sports"_s;
    QTest::newRow("apple sports && lang:fr") << Nh::Format::Apple << u"sports && lang:fr"_s;
    QTest::newRow("fcmv1 politics || user:bob") << Nh::Format::FcmV1 << u"politics || user:bob"_s;
    QTest::newRow("fcmv1 !politics") << Nh::Format::FcmV1 << u"!politics"_s;
    QTest::newRow("template user:alice || lang:fr")
        << Nh::Format::Template << u"user:alice || lang:fr"_s;
    QTest::newRow("windows broadcast") << Nh::Format::Windows << QString();
    QTest::newRow("gcm none") << Nh::Format::Gcm << u"politics"_s;
    QTest::newRow("installation tag")
        << Nh::Format::FcmV1 << u"$InstallationId:{8b3e1b9e-3c41-4a7b-9a21-0d6a9a8f2b11}"_s;
}

void TestReachPreview::agreesWithEmulatorOutcome()
{
    QFETCH(Nh::Format, format);
    QFETCH(QString, expression);
    m_preview->setFormat(format);
    m_preview->setTagExpression(expression);
    QVERIFY(fetch());
    QVERIFY(m_preview->reachedCount() >= 0);
    QVERIFY(m_preview->reachedCount() <= Nh::EmulatorState::kTestSendLimit);
    QSet<QString> preview;
    for (const Nh::Registration &r : m_preview->model()->registrations())
        preview.insert(r.registrationId);
    QCOMPARE(preview.size(), m_preview->reachedCount());

    // The real thing: a test send to the emulator with the same target.
    Nh::Notification n;
    n.format = format;
    n.target = expression.isEmpty() ? Nh::Target::broadcast() : Nh::Target::tags(expression);
    switch (format) {
    case Nh::Format::Template:
        n.body = R"({"greeting_en":"hi","greeting_fr":"salut"})";
        break;
    case Nh::Format::Apple:
        n.body = R"({"aps":{"alert":"hi"}})";
        break;
    case Nh::Format::Windows:
        n.body = "<toast><visual><binding template=\"ToastText01\"><text id=\"1\">hi</text>"
                 "</binding></visual></toast>";
        n.headers = {{"X-WNS-Type", "wns/toast"}};
        break;
    case Nh::Format::Gcm:
        n.body = R"({"notification":{"title":"hi"}})";
        break;
    default:
        n.body = R"({"message":{"notification":{"title":"hi"}}})";
        break;
    }
    Nh::HubJob *job = m_harness->client.send(n, true);
    QSignalSpy finished(job, &Nh::HubJob::finished);
    QVERIFY(finished.wait(10000));
    const auto e = finished.first().first().value<Nh::Exchange>();
    QVERIFY2(e.ok(), qPrintable(e.errorSentence));
    QSet<QString> sent;
    if (e.outcome) {
        for (const Nh::RegistrationResult &r : e.outcome->results)
            sent.insert(r.registrationId);
    }
    QCOMPARE(preview, sent);
}

void TestReachPreview::noteNamesCountAndTime()
{
    m_preview->setFormat(Nh::Format::Apple);
    m_preview->setTagExpression(u"sports"_s);
    QVERIFY(fetch());
    // The plan fetched the by-tag listing of `sports`, not the hub, in one request.
    const int sports = tagged(u"sports"_s);
    QVERIFY(sports > 0 && sports < int(hub().registrations.size()));
    QCOMPARE(m_preview->fetchedCount(), sports);
    QCOMPARE(m_preview->requestCount(), 1);
    QVERIFY(!m_preview->isLowerBound());
    const QString note = m_preview->noteText();
    QVERIFY2(note.contains(u"Evaluated locally from %1 registration"_s.arg(sports)),
             qPrintable(note));
    QVERIFY2(note.contains(u"tagged sports"_s), qPrintable(note));
    QVERIFY2(note.contains(m_preview->fetchedAt().toLocalTime().toString(u"HH:mm"_s)),
             qPrintable(note));

    // An edit the fetched listing covers re-evaluates at once, without a request.
    const qsizetype requests = m_harness->emulator.log().size();
    QSignalSpy reach(m_preview.get(), &ReachPreview::reachChanged);
    m_preview->setTagExpression(u"sports && lang:en"_s);
    QCOMPARE(reach.size(), 1);
    QVERIFY(!m_preview->isFetching());
    QVERIFY(m_preview->reachedCount() >= 0);
    QCOMPARE(m_harness->emulator.log().size(), requests);

    // One it does not cover fetches what it needs once typing pauses.
    m_preview->setTagExpression(u"politics"_s);
    QVERIFY(m_preview->isFetching());
    QCOMPARE(m_preview->reachedCount(), -1);
    QTRY_VERIFY_WITH_TIMEOUT(!m_preview->isFetching(), 10000);
    int politicsApple = 0;
    for (const auto &[id, r] : hub().registrations)
        politicsApple +=
            r.platform == Nh::Platform::Apple && !r.isTemplate && r.tags.contains(u"politics"_s);
    QCOMPARE(m_preview->reachedCount(), politicsApple);
    QVERIFY2(m_preview->summaryText().contains(u"Reaches %1 registration"_s.arg(politicsApple)),
             qPrintable(m_preview->summaryText()));
}

void TestReachPreview::templateCountsPerPlatform()
{
    m_preview->setFormat(Nh::Format::Template);
    QVERIFY(fetch()); // a broadcast: the whole (small) hub
    QCOMPARE(m_preview->fetchedCount(), int(hub().registrations.size()));
    QMap<Nh::Platform, int> expected;
    for (const auto &[id, r] : hub().registrations)
        expected[r.platform] += r.isTemplate;
    QVERIFY(m_preview->reachedCount() > 0);
    for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
        if (it.value() == 0)
            continue;
        const QString count = u"%1 %2"_s.arg(Nh::platformDisplayName(it.key())).arg(it.value());
        QVERIFY2(m_preview->summaryText().contains(count),
                 qPrintable(m_preview->summaryText() + u" lacks "_s + count));
    }
}

void TestReachPreview::boundIsNoted()
{
    m_preview->setLimit(5);
    QVERIFY(fetch());
    QCOMPARE(m_preview->fetchedCount(), 5);
    QVERIFY(m_preview->isLowerBound());
    QVERIFY2(m_preview->summaryText().contains(u"at least"_s),
             qPrintable(m_preview->summaryText()));
    QVERIFY2(m_preview->noteText().contains(u"the rest was not fetched"_s),
             qPrintable(m_preview->noteText()));
    // The same plan is not fetched again by an edit; the bound stays reported.
    m_preview->setFormat(Nh::Format::Apple);
    QVERIFY(!m_preview->isFetching());
    QVERIFY(m_preview->isLowerBound());
}

void TestReachPreview::cancelShowsSentence()
{
    Nh::FaultRule stall;
    stall.operation = u"registrations.list"_s;
    stall.fault.kind = Nh::FaultKind::Stall;
    stall.count = 1;
    m_harness->emulator.faults().add(stall);
    m_preview->show();
    QVERIFY(m_preview->isFetching());
    auto *cancel = m_preview->findChild<QPushButton *>(u"cancelReach"_s);
    QVERIFY(cancel->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(m_harness->emulator.faults().rules().isEmpty(), 10000);
    cancel->click();
    QTRY_VERIFY_WITH_TIMEOUT(!m_preview->isFetching(), 5000);
    QVERIFY(!m_preview->errorText().isEmpty());
    QVERIFY(!cancel->isVisible());
    QCOMPARE(m_preview->reachedCount(), -1);
}

void TestReachPreview::faultShowsSentence()
{
    Nh::FaultRule rule;
    rule.operation = u"registrations.list"_s;
    rule.fault.kind = Nh::FaultKind::Status;
    rule.fault.status = 401;
    rule.count = 1;
    m_harness->emulator.faults().add(rule);
    m_preview->show();
    QTRY_VERIFY_WITH_TIMEOUT(!m_preview->isFetching(), 10000);
    QVERIFY2(m_preview->errorText().contains(u"401"_s), qPrintable(m_preview->errorText()));
    // After a good fetch the sentence goes.
    QVERIFY(fetch());
    QVERIFY(m_preview->errorText().isEmpty());
    QVERIFY(m_preview->reachedCount() >= 0);
}

void TestReachPreview::parseErrorIsLocated()
{
    QVERIFY(fetch());
    m_preview->setTagExpression(u"sports && (lang:en"_s);
    QCOMPARE(m_preview->reachedCount(), -1);
    QCOMPARE(m_preview->model()->rowCount(), 0);
    QVERIFY2(m_preview->errorText().contains(u"position"_s), qPrintable(m_preview->errorText()));
    QVERIFY(m_preview->findChild<TagExpressionEdit *>(u"reachTags"_s)->errorOffset() >= 0);
    m_preview->setTagExpression(u"sports && (lang:en)"_s);
    QVERIFY(m_preview->errorText().isEmpty());
    QVERIFY(m_preview->reachedCount() >= 0);
}

void TestReachPreview::directSendListsTheHandle()
{
    QVERIFY(fetch());
    // A copy: the emulator's table hands out registrations by value.
    std::optional<Nh::Registration> apple;
    for (const auto &[id, r] : hub().registrations) {
        if (r.platform == Nh::Platform::Apple && !r.isTemplate) {
            apple = r;
            break;
        }
    }
    QVERIFY(apple);
    QStringList carrying;
    for (const auto &[id, r] : hub().registrations) {
        if (r.platform == Nh::Platform::Apple && !r.isTemplate && r.handle == apple->handle)
            carrying << r.registrationId;
    }
    m_preview->setFormat(Nh::Format::Apple);
    QSignalSpy reach(m_preview.get(), &ReachPreview::reachChanged);
    m_preview->setDeviceHandles({apple->handle, u"unregistered-handle"_s});
    QCOMPARE(reach.size(), 1);
    // Both handles are sent to; only the registered one is listed.
    QCOMPARE(m_preview->reachedCount(), 2);
    QVERIFY2(m_preview->summaryText().contains(u"2 device handle"_s),
             qPrintable(m_preview->summaryText()));
    QStringList listed;
    for (const Nh::Registration &r : m_preview->model()->registrations())
        listed << r.registrationId;
    listed.sort();
    carrying.sort();
    QCOMPARE(listed, carrying);
    QVERIFY2(m_preview->noteText().contains(u": %1."_s.arg(carrying.size())),
             qPrintable(m_preview->noteText()));
    QVERIFY(!m_preview->isFetching());
    // Another format's registrations with that handle are not the direct send's.
    m_preview->setFormat(Nh::Format::FcmV1);
    QCOMPARE(m_preview->model()->rowCount(), 0);
    // A tag expression again leaves the direct send.
    m_preview->setTagExpression(u"sports"_s);
    QVERIFY2(m_preview->summaryText().startsWith(u"Reaches"_s),
             qPrintable(m_preview->summaryText()));
}

void TestReachPreview::disconnectedForgetsAndRefusesToFetch()
{
    m_preview->setFormat(Nh::Format::Apple);
    m_preview->setTagExpression(u"sports"_s);
    QVERIFY(fetch());
    QVERIFY(m_preview->reachedCount() > 0);
    m_preview->setConnected(false, u"Not connected: test."_s);
    QVERIFY(!m_preview->isConnected());
    QCOMPARE(m_preview->fetchedCount(), -1);
    QCOMPARE(m_preview->reachedCount(), -1);
    QCOMPARE(m_preview->model()->rowCount(), 0);
    QCOMPARE(m_preview->summaryText(), u"Not connected: test."_s);
    QVERIFY(m_preview->errorText().isEmpty());
    QVERIFY(!m_preview->refreshAction()->isEnabled());
    const qsizetype requests = m_harness->emulator.log().size();
    m_preview->refresh();
    QVERIFY(!m_preview->isFetching());
    QCOMPARE(m_harness->emulator.log().size(), requests);
    // Typing still says "not connected", without an error.
    m_preview->setTagExpression(u"politics"_s);
    QCOMPARE(m_preview->summaryText(), u"Not connected: test."_s);

    m_preview->setConnected(true);
    QVERIFY(m_preview->refreshAction()->isEnabled());
    QVERIFY(fetch());
    // Only what `politics` needs: its by-tag listing.
    QCOMPARE(m_preview->fetchedCount(), tagged(u"politics"_s));
}

void TestReachPreview::compactHidesTheFields()
{
    m_preview->show();
    auto *tags = m_preview->findChild<TagExpressionEdit *>(u"reachTags"_s);
    QVERIFY(tags->isVisible());
    m_preview->setCompact(true);
    QVERIFY(!tags->isVisible());
    QVERIFY(!m_preview->findChild<QWidget *>(u"reachFormat"_s)->isVisible());
    auto *table = m_preview->findChild<QTableView *>(u"reachTable"_s);
    QVERIFY(table->isColumnHidden(Nh::RegistrationModel::Expiry));
    QVERIFY(!table->isColumnHidden(Nh::RegistrationModel::Tags));
    // The summary shares the row with Refresh: on the same line.
    auto *summary = m_preview->findChild<QLabel *>(u"reachSummary"_s);
    auto *refresh = m_preview->findChild<QPushButton *>(u"refreshReach"_s);
    QTRY_VERIFY(summary->geometry().intersects(
        QRect(0, refresh->geometry().top(), m_preview->width(), refresh->height())));
    m_preview->setCompact(false);
    QVERIFY(tags->isVisible());
    QVERIFY(!table->isColumnHidden(Nh::RegistrationModel::Expiry));
}

void TestReachPreview::screenshots_data()
{
    QTest::addColumn<bool>("dark");
    QTest::newRow("light") << false;
    QTest::newRow("dark") << true;
}

void TestReachPreview::screenshots()
{
    QFETCH(bool, dark);
    UiTest::usePalette(dark ? UiTest::darkPalette() : UiTest::lightPalette());
    m_preview->setFormat(Nh::Format::Apple);
    m_preview->setTagExpression(u"sports || user:alice"_s);
    QVERIFY(fetch());
    const QString suffix = dark ? u"dark"_s : u"light"_s;
    QVERIFY(!UiTest::saveScreenshot(m_preview.get(), u"reach-preview-"_s + suffix).isEmpty());
    m_preview->setTagExpression(u"sports && (lang:en"_s);
    QVERIFY(!UiTest::saveScreenshot(m_preview.get(), u"reach-preview-error-"_s + suffix).isEmpty());
    UiTest::usePalette(UiTest::lightPalette());
}

QTEST_MAIN(TestReachPreview)
#include "tst_reachpreview.moc"
