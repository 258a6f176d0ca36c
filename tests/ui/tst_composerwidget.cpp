// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// ComposerWidget on its own, against the bundled emulator: the default draft sends, the draft
// follows the widgets, refusals come from the draft check, the template table and the JSON stay
// in sync, automatic headers follow the target, the send gate, the connection problem, known
// tags from the hub.

#include "composerwidget.h"
#include "emulator/emulatorstate.h"
#include "payloadeditor.h"
#include "tagexpressionedit.h"
#include "uitestsupport.h"

#include <QCheckBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

using Kind = Nh::TargetKind;

class TestComposerWidget final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { UiTest::usePalette(UiTest::lightPalette()); }

    void init()
    {
        m_harness = std::make_unique<UiHarness>();
        QVERIFY(m_harness->start());
        m_composer = std::make_unique<ComposerWidget>(&m_harness->client);
        m_composer->resize(900, 800);
        m_composer->show();
    }

    void cleanup()
    {
        m_composer.reset();
        m_harness.reset();
    }

    void keepsItsObjectNames()
    {
        for (const QString &name :
             {u"formatCombo"_s,       u"presetCombo"_s,       u"prettyPrintButton"_s,
              u"composerTabs"_s,      u"payloadEditor"_s,     u"payloadStatus"_s,
              u"payloadSplitter"_s,   u"propertiesPane"_s,    u"propertiesTable"_s,
              u"headersTable"_s,      u"addHeaderButton"_s,   u"targetBox"_s,
              u"tagExpressionEdit"_s, u"deviceHandlesEdit"_s, u"testSendCheck"_s,
              u"scheduleCheck"_s,     u"scheduleEdit"_s,      u"sendStatus"_s,
              u"sendProgress"_s,      u"cancelButton"_s,      u"sendButton"_s})
            QVERIFY2(m_composer->findChild<QWidget *>(name), qPrintable(name));
    }

    void defaultDraftSendsToTheEmulator()
    {
        QCOMPARE(m_composer->format(), Nh::Format::Apple);
        QCOMPARE(m_composer->targetKind(), Kind::Broadcast);
        QVERIFY(m_composer->isTestSend());
        QVERIFY2(m_composer->canSend(), qPrintable(m_composer->refusal()));
        QVERIFY2(status().startsWith(u"Ready: test send to every"_s), qPrintable(status()));

        QSignalSpy started(m_composer.get(), &ComposerWidget::sendStarted);
        QSignalSpy finished(m_composer.get(), &ComposerWidget::exchangeFinished);
        QSignalSpy sending(m_composer.get(), &ComposerWidget::sendingChanged);
        button(u"sendButton"_s)->click();
        QCOMPARE(started.count(), 1);
        QVERIFY(m_composer->isSending());
        QVERIFY(button(u"cancelButton"_s)->isEnabled());
        QVERIFY(!button(u"sendButton"_s)->isEnabled());
        QVERIFY(finished.wait(10000));
        const auto e = finished.first().first().value<Nh::Exchange>();
        QCOMPARE(e.result, Nh::ExchangeResult::Success);
        QCOMPARE(e.status, 201);
        QVERIFY(e.outcome.has_value());
        QVERIFY(!m_composer->isSending());
        QCOMPARE(sending.count(), 2);
        QVERIFY(button(u"sendButton"_s)->isEnabled());
    }

    void draftFollowsTheWidgets()
    {
        m_composer->setFormat(Nh::Format::Template);
        m_composer->setTargetKind(Kind::Tags);
        m_composer->setTagExpression(u"sports && lang:en"_s);
        const QDateTime when = QDateTime::currentDateTimeUtc().addSecs(7200);
        m_composer->setSchedule(when);
        m_composer->setCustomHeaders({{"X-Custom", "1"}});
        m_composer->setTestSend(true);
        const Nh::Draft d = m_composer->draft();
        QCOMPARE(d.format, Nh::Format::Template);
        QCOMPARE(d.payload, m_composer->payload());
        QCOMPARE(d.customHeaders, (Nh::HttpHeaders {{"X-Custom", "1"}}));
        QCOMPARE(d.target.kind, Nh::TargetKind::Tags);
        QCOMPARE(d.target.tagExpression, u"sports && lang:en"_s);
        QVERIFY(d.scheduleTime.has_value());
        // The editor shows minutes: the draft has the time to the minute.
        QVERIFY(qAbs(d.scheduleTime->secsTo(when)) < 60);
        QVERIFY(d.test);
        // A scheduled send cannot be a test send: the flag is greyed out, the check agrees.
        m_composer->validateNow();
        QVERIFY(!m_composer->isTestPossible());
        QVERIFY(!m_composer->findChild<QCheckBox *>(u"testSendCheck"_s)->isEnabled());
        QVERIFY(!m_composer->testSendAction()->isEnabled());
        QCOMPARE(m_composer->notification().target.tagExpression, d.target.tagExpression);
    }

    void refusalsComeFromTheDraftCheck_data()
    {
        QTest::addColumn<Kind>("kind");
        QTest::addColumn<QString>("tags");
        QTest::addColumn<QString>("handles");
        QTest::addColumn<QByteArray>("payload"); ///< empty: the preset
        QTest::addColumn<bool>("testPossible");
        QTest::newRow("ready") << Kind::Broadcast << QString() << QString() << QByteArray() << true;
        QTest::newRow("no handle")
            << Kind::Device << QString() << QString() << QByteArray() << false;
        QTest::newRow("one handle")
            << Kind::Device << QString() << u"ab12"_s << QByteArray() << false;
        QTest::newRow("broken tags")
            << Kind::Tags << u"a && ("_s << QString() << QByteArray() << true;
        QTest::newRow("broken payload")
            << Kind::Broadcast << QString() << QString() << "{\"aps\":"_ba << true;
    }

    void refusalsComeFromTheDraftCheck()
    {
        QFETCH(Kind, kind);
        QFETCH(QString, tags);
        QFETCH(QString, handles);
        QFETCH(QByteArray, payload);
        QFETCH(bool, testPossible);
        m_composer->setTargetKind(kind);
        m_composer->setTagExpression(tags);
        m_composer->setDeviceHandles(handles);
        if (!payload.isEmpty())
            m_composer->setPayload(payload);
        m_composer->validateNow();
        const Nh::DraftCheck check = Nh::checkDraft(m_composer->draft());
        QCOMPARE(m_composer->refusal(), check.refusal);
        QCOMPARE(m_composer->canSend(), check.canSend());
        QCOMPARE(button(u"sendButton"_s)->isEnabled(), check.canSend());
        QCOMPARE(m_composer->sendAction()->isEnabled(), check.canSend());
        QCOMPARE(m_composer->isTestPossible(), testPossible);
        QCOMPARE(check.testPossible, testPossible);
        if (!check.canSend()) {
            QVERIFY2(status().startsWith(u"<b>Cannot send:</b> "_s), qPrintable(status()));
            QVERIFY2(status().contains(check.refusal.toHtmlEscaped()), qPrintable(status()));
            // Ctrl+Enter does not send either.
            const int before = int(m_harness->emulator.log().size());
            QSignalSpy message(m_composer.get(), &ComposerWidget::message);
            m_composer->send();
            QCOMPARE(int(m_harness->emulator.log().size()), before);
            QCOMPARE(message.count(), 1);
            QCOMPARE(message.first().first().toString(), u"Not sent: "_s + check.refusal);
        }
    }

    void payloadErrorIsMarkedInTheEditor()
    {
        auto *editor = m_composer->findChild<PayloadEditor *>(u"payloadEditor"_s);
        editor->setPlainText(u"{\n  \"aps\": {\n    \"alert\": \"hi\",\n  }\n}"_s);
        QTRY_VERIFY(!m_composer->canSend());
        QCOMPARE(editor->errorLine(), 4);
        QCOMPARE(editor->errorColumn(), 3);
        QCOMPARE(m_composer->findChild<QTabWidget *>(u"composerTabs"_s)->tabIcon(0).isNull(),
                 false);
    }

    void templateTableAndJsonStayInSync()
    {
        m_composer->setFormat(Nh::Format::Template);
        auto *table = m_composer->findChild<QTableWidget *>(u"propertiesTable"_s);
        QVERIFY(m_composer->findChild<QWidget *>(u"propertiesPane"_s)->isVisible());
        // JSON to table.
        m_composer->setPayload("{\"title\":\"Hi\",\"count\":\"2\"}"_ba);
        QCOMPARE(table->rowCount(), 2);
        QCOMPARE(table->item(1, 0)->text(), u"count"_s);
        // Table to JSON (pretty-printed).
        table->item(0, 1)->setText(u"Hello"_s);
        const auto props = Nh::templateProperties(m_composer->payload());
        QVERIFY(props.ok());
        QCOMPARE(props->value(0).second, u"Hello"_s);
        QCOMPARE(props->size(), 2);
        QVERIFY(m_composer->payload().contains('\n'));
        // Broken JSON turns the table off until it is fixed.
        m_composer->setPayload("{\"title\":"_ba);
        QVERIFY(!table->isEnabled());
        m_composer->setPayload("{\"title\":\"x\"}"_ba);
        QVERIFY(table->isEnabled());
        QCOMPARE(table->rowCount(), 1);
        // Another format hides the table.
        m_composer->setFormat(Nh::Format::Apple);
        QVERIFY(!m_composer->findChild<QWidget *>(u"propertiesPane"_s)->isVisible());
    }

    void automaticHeadersFollowTheTarget()
    {
        m_composer->setTargetKind(Kind::Tags);
        m_composer->setTagExpression(u"sports"_s);
        m_composer->validateNow();
        const QStringList shown = headerNames();
        QVERIFY2(shown.contains(u"ServiceBusNotification-Tags"_s), qPrintable(shown.join(u',')));
        QVERIFY(shown.contains(u"Authorization"_s));
        QVERIFY(shown.contains(u"x-ms-version"_s));
        QVERIFY(shown.contains(u"ServiceBusNotification-Format"_s));
        auto *tabs = m_composer->findChild<QTabWidget *>(u"composerTabs"_s);
        QCOMPARE(tabs->tabText(1), u"Headers (%1)"_s.arg(shown.size()));
        // The user's header replaces the automatic one of its name.
        m_composer->setCustomHeaders({{"apns-priority", "5"}});
        m_composer->validateNow();
        QCOMPARE(headerNames().count(u"apns-priority"_s), 1);
        m_composer->setTargetKind(Kind::Broadcast);
        m_composer->validateNow();
        QVERIFY(!headerNames().contains(u"ServiceBusNotification-Tags"_s));
    }

    void targetChangedIsAnnouncedOnce()
    {
        QSignalSpy changed(m_composer.get(), &ComposerWidget::targetChanged);
        m_composer->setTargetKind(Kind::Tags);
        m_composer->setTagExpression(u"a"_s);
        m_composer->validateNow();
        QCOMPARE(changed.count(), 1);
        m_composer->validateNow();
        QCOMPARE(changed.count(), 1);
    }

    void sendGateDecides()
    {
        bool proceed = false;
        int asked = 0;
        m_composer->setSendGate([&](const std::function<void()> &go) {
            ++asked;
            if (proceed)
                go();
        });
        QSignalSpy started(m_composer.get(), &ComposerWidget::sendStarted);
        m_composer->requestSend();
        QCOMPARE(asked, 1);
        QCOMPARE(started.count(), 0);
        proceed = true;
        QSignalSpy finished(m_composer.get(), &ComposerWidget::exchangeFinished);
        m_composer->sendAction()->trigger();
        QCOMPARE(asked, 2);
        QCOMPARE(started.count(), 1);
        QVERIFY(finished.wait(10000));
    }

    void connectionProblemHoldsSend()
    {
        m_composer->setConnectionProblem(u"The emulator is not running"_s);
        QVERIFY(!m_composer->canSend());
        QVERIFY(!button(u"sendButton"_s)->isEnabled());
        QCOMPARE(status(), u"<b>Not connected:</b> The emulator is not running"_s);
        m_composer->setConnectionProblem({});
        QVERIFY(m_composer->canSend());
    }

    void knownTagsComeFromTheHub()
    {
        QSignalSpy message(m_composer.get(), &ComposerWidget::message);
        m_composer->refreshKnownTags();
        auto *tags = m_composer->findChild<TagExpressionEdit *>(u"tagExpressionEdit"_s);
        QTRY_VERIFY(tags->knownTags().contains(u"user:alice"_s));
        QTRY_COMPARE(message.count(), 1);
        QVERIFY2(message.first().first().toString().contains(u"known to the hub"_s),
                 qPrintable(message.first().first().toString()));
    }

    void knownTagsSayWhenTheHubIsLarger()
    {
        // More registrations than the 5 pages read for completion: the message says so.
        Nh::EmulatorHub &hub = *m_harness->emulator.state().hub(m_harness->emulator.hubName());
        for (int i = 0; i < 600; ++i) {
            Nh::Registration r;
            r.platform = Nh::Platform::FcmV1;
            r.handle = u"fcm-bulk-%1"_s.arg(i);
            r.tags = {u"bulk:%1"_s.arg(i)};
            r.registrationId = Nh::EmulatorState::newRegistrationId();
            r.etag = 1;
            m_harness->emulator.state().putRegistration(hub, r);
        }
        QSignalSpy message(m_composer.get(), &ComposerWidget::message);
        m_composer->refreshKnownTags();
        QTRY_COMPARE(message.count(), 1);
        QVERIFY2(message.first().first().toString().contains(u"first 500 registrations"_s),
                 qPrintable(message.first().first().toString()));
    }

private:
    QString status() const { return m_composer->findChild<QLabel *>(u"sendStatus"_s)->text(); }
    QPushButton *button(const QString &name) const
    {
        return m_composer->findChild<QPushButton *>(name);
    }
    QStringList headerNames() const
    {
        const QAbstractItemModel *model =
            m_composer->findChild<QTableView *>(u"headersTable"_s)->model();
        QStringList names;
        for (int r = 0; r < model->rowCount(); ++r)
            names << model->index(r, 0).data().toString();
        return names;
    }

    std::unique_ptr<UiHarness> m_harness;
    std::unique_ptr<ComposerWidget> m_composer;
};

QTEST_MAIN(TestComposerWidget)
#include "tst_composerwidget.moc"
