// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Nh::OutcomeModel and Nh::HeaderModel under QAbstractItemModelTester (docs/conventions.md R10).

#include "models/headermodel.h"
#include "models/outcomemodel.h"
#include "protocol/platform.h"
#include "protocol/sastoken.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Nh;

namespace {

NotificationOutcome sampleOutcome()
{
    NotificationOutcome o;
    o.success = 1;
    o.failure = 2;
    o.results = {
        {u"apple"_s, u"7603CF2F"_s, u"1-2-3"_s, QString(kOutcomeSuccess)},
        {u"fcmv1"_s, u"fcm-token"_s, u"4-5-6"_s, QString(kOutcomeExpiredHandle)},
        {u"newplatform"_s, u"h"_s, u"7-8-9"_s, u"Something else entirely"_s},
    };
    return o;
}

QByteArray sasHeader()
{
    const Sas::Token t =
        Sas::signEncoded(u"https%3a%2f%2fns.example%2fhub"_s, 2000000000,
                         u"DefaultFullSharedAccessSignature"_s, u"c2VjcmV0LWtleS1mb3ItdGVzdHM="_s);
    return t.header().toUtf8();
}

} // namespace

class TestExchangeModels final : public QObject
{
    Q_OBJECT

private slots:
    void outcomeRows();
    void outcomeAdviceByKind_data();
    void outcomeAdviceByKind();
    void outcomeResetAndClear();

    void headerRedactedByDefault();
    void headerRevealAndHide();
    void headerEditingCustomRows();
    void headerReplaceRowsKeepsCustom();
    void headerInsertRemove();
};

void TestExchangeModels::outcomeRows()
{
    OutcomeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setOutcome(sampleOutcome());
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.columnCount(), int(OutcomeModel::ColumnCount));
    // Known platforms get their display name; unknown ones are shown verbatim.
    QCOMPARE(model.index(0, OutcomeModel::Platform).data().toString(),
             platformDisplayName(Platform::Apple));
    QCOMPARE(model.index(2, OutcomeModel::Platform).data().toString(), u"newplatform"_s);
    QCOMPARE(model.index(0, OutcomeModel::Handle).data().toString(), u"7603CF2F"_s);
    QCOMPARE(model.index(1, OutcomeModel::RegistrationId).data().toString(), u"4-5-6"_s);
    QCOMPARE(model.index(1, OutcomeModel::Outcome).data().toString(),
             QString(kOutcomeExpiredHandle));
    QCOMPARE(model.index(0, 0).data(OutcomeModel::OutcomeKindRole).toInt(),
             int(OutcomeKind::Success));
    QCOMPARE(model.index(1, 0).data(OutcomeModel::OutcomeKindRole).toInt(),
             int(OutcomeKind::ExpiredHandle));
    QCOMPARE(model.index(2, 0).data(OutcomeModel::OutcomeKindRole).toInt(),
             int(OutcomeKind::Unknown));
    QCOMPARE(model.index(0, 0).data(OutcomeModel::SucceededRole).toBool(), true);
    QCOMPARE(model.index(1, 0).data(OutcomeModel::SucceededRole).toBool(), false);
    // The result column names the kind in a word or two; its tooltip has the hub's text, the
    // cause and the next step.
    QCOMPARE(model.index(0, OutcomeModel::Result).data().toString(), u"Accepted"_s);
    QCOMPARE(model.index(1, OutcomeModel::Result).data().toString(), u"Expired handle"_s);
    QCOMPARE(model.index(2, OutcomeModel::Result).data().toString(), u"Not recognised"_s);
    const QString cause = model.index(1, 0).data(OutcomeModel::CauseRole).toString();
    QVERIFY(!cause.isEmpty());
    const QString tip = model.index(1, OutcomeModel::Result).data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(QString(kOutcomeExpiredHandle)), qPrintable(tip));
    QVERIFY2(tip.contains(cause), qPrintable(tip));
    QVERIFY2(tip.contains(model.index(1, 0).data(OutcomeModel::NextStepRole).toString()),
             qPrintable(tip));
    QCOMPARE(model.headerData(OutcomeModel::Result, Qt::Horizontal).toString(), u"Result"_s);
    QCOMPARE(model.headerData(OutcomeModel::Outcome, Qt::Horizontal).toString(),
             u"Hub's outcome"_s);
}

void TestExchangeModels::outcomeAdviceByKind_data()
{
    QTest::addColumn<QString>("outcome");
    QTest::addColumn<QString>("platform");
    QTest::addColumn<QString>("causeMentions");
    QTest::addColumn<QString>("nextMentions");
    QTest::addColumn<QString>("label");
    QTest::newRow("success") << QString(kOutcomeSuccess) << u"apple"_s << u"accepted"_s
                             << u"apns-push-type"_s << u"Accepted"_s;
    QTest::newRow("invalid handle") << QString(kOutcomeInvalidHandle) << u"apple"_s << u"sandbox"_s
                                    << u"deleted this registration"_s << u"Invalid handle"_s;
    QTest::newRow("expired handle")
        << QString(kOutcomeExpiredHandle) << u"fcmv1"_s << u"uninstalled"_s << u"register again"_s
        << u"Expired handle"_s;
    QTest::newRow("wrong token, apple")
        << QString(kOutcomeWrongToken) << u"apple"_s << u"Apple (APNs) certificate"_s
        << u"Azure portal"_s << u"Bad credentials"_s;
    QTest::newRow("invalid token, fcm v1")
        << QString(kOutcomeInvalidToken) << u"fcmv1"_s << u"FCM v1) service account"_s
        << u"FCM v1) service account"_s << u"Bad credentials"_s;
    QTest::newRow("payload") << QString(kOutcomeInvalidPayload) << u"windows"_s
                             << u"refused the payload"_s << u"headers"_s << u"Payload refused"_s;
    QTest::newRow("unknown") << u"Throttled by the PNS"_s << u"gcm"_s << u"does not recognise"_s
                             << u"documentation"_s << u"Not recognised"_s;
}

void TestExchangeModels::outcomeAdviceByKind()
{
    QFETCH(QString, outcome);
    QFETCH(QString, platform);
    QFETCH(QString, causeMentions);
    QFETCH(QString, nextMentions);
    QFETCH(QString, label);
    OutcomeModel model;
    NotificationOutcome o;
    o.results = {{platform, u"h"_s, u"1"_s, outcome}};
    model.setOutcome(o);
    QCOMPARE(model.index(0, OutcomeModel::Result).data().toString(), label);
    QCOMPARE(model.index(0, OutcomeModel::Outcome).data().toString(), outcome);
    const QString cause = model.index(0, 0).data(OutcomeModel::CauseRole).toString();
    const QString next = model.index(0, 0).data(OutcomeModel::NextStepRole).toString();
    QVERIFY2(cause.contains(causeMentions), qPrintable(cause));
    QVERIFY2(next.contains(nextMentions), qPrintable(next));
}

void TestExchangeModels::outcomeResetAndClear()
{
    OutcomeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setOutcome(sampleOutcome());
    model.setOutcome(sampleOutcome());
    QCOMPARE(reset.size(), 2);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.outcome().results.size(), 0);
    // An empty result list (no target matched) is a valid, empty model.
    NotificationOutcome none;
    model.setOutcome(none);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.index(0, 0).isValid());
}

void TestExchangeModels::headerRedactedByDefault()
{
    HeaderModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QByteArray auth = sasHeader();
    const QByteArray signature = auth.mid(auth.indexOf("sig=") + 4).split('&').first();
    QVERIFY(!signature.isEmpty());
    model.setHeaders({{"Authorization", auth},
                      {"Content-Type", "application/json"},
                      {"Cookie", "session=abc123"},
                      {"X-Note", "Endpoint=sb://x/;SharedAccessKey=topsecret"}},
                     HeaderModel::Origin::Sent);
    QCOMPARE(model.reveal(), Reveal::No);
    QVERIFY(model.hasSecrets());
    for (int role : {int(Qt::DisplayRole), int(Qt::EditRole), int(Qt::ToolTipRole)}) {
        const QString shown = model.index(0, HeaderModel::Value).data(role).toString();
        QVERIFY2(!shown.contains(QString::fromUtf8(signature)), qPrintable(shown));
        QVERIFY2(shown.contains(u"sig=[redacted]"_s), qPrintable(shown));
        // What people debug with stays readable.
        QVERIFY2(shown.contains(u"skn=DefaultFullSharedAccessSignature"_s), qPrintable(shown));
    }
    QVERIFY(!model.index(2, HeaderModel::Value).data().toString().contains(u"abc123"_s));
    QVERIFY(!model.index(3, HeaderModel::Value).data().toString().contains(u"topsecret"_s));
    QCOMPARE(model.index(0, 0).data(HeaderModel::SecretRole).toBool(), true);
    QCOMPARE(model.index(1, 0).data(HeaderModel::SecretRole).toBool(), false);
    QCOMPARE(model.index(2, 0).data(HeaderModel::SecretRole).toBool(), true);
    QCOMPARE(model.index(3, 0).data(HeaderModel::SecretRole).toBool(), true);
    QCOMPARE(model.index(1, HeaderModel::Value).data().toString(), u"application/json"_s);
    QCOMPARE(model.index(0, 0).data(HeaderModel::OriginRole).toInt(),
             int(HeaderModel::Origin::Sent));
    // Exports use the shown form.
    const HttpHeaders shown = model.shownHeaders();
    QVERIFY(!shown.at(0).second.contains(signature));
    // Sent rows are read-only.
    QVERIFY(!(model.flags(model.index(0, 1)) & Qt::ItemIsEditable));
    QVERIFY(!model.setData(model.index(1, 1), u"text/plain"_s));
}

void TestExchangeModels::headerRevealAndHide()
{
    HeaderModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QByteArray auth = sasHeader();
    model.setHeaders({{"Content-Type", "application/json"}, {"Authorization", auth}},
                     HeaderModel::Origin::Sent);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reveal(&model, &HeaderModel::revealChanged);
    model.setReveal(Reveal::Yes);
    QCOMPARE(reveal.size(), 1);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(model.index(1, HeaderModel::Value).data().toString(), QString::fromUtf8(auth));
    model.setReveal(Reveal::Yes); // no change, no signal
    QCOMPARE(reveal.size(), 1);
    model.setReveal(Reveal::No);
    QCOMPARE(reveal.size(), 2);
    QVERIFY(model.index(1, HeaderModel::Value).data().toString().contains(u"[redacted]"_s));
    // Without any secret there is nothing to reveal.
    model.setHeaders({{"Content-Type", "application/json"}}, HeaderModel::Origin::Received);
    QVERIFY(!model.hasSecrets());
}

void TestExchangeModels::headerEditingCustomRows()
{
    HeaderModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRows({{"ServiceBusNotification-Format", "apple", HeaderModel::Origin::Automatic,
                    u"From the format picker"_s}});
    QSignalSpy custom(&model, &HeaderModel::customHeadersChanged);
    const int row = model.appendCustom("apns-push-type", "alert");
    QCOMPARE(row, 1);
    QCOMPARE(custom.size(), 1);
    QVERIFY(model.flags(model.index(row, HeaderModel::Value)) & Qt::ItemIsEditable);
    QVERIFY(!(model.flags(model.index(0, HeaderModel::Value)) & Qt::ItemIsEditable));
    QVERIFY(model.setData(model.index(row, HeaderModel::Value), u"  background "_s));
    QCOMPARE(custom.size(), 2);
    QVERIFY(model.setData(model.index(row, HeaderModel::Name), u"apns-push-type"_s));
    QCOMPARE(custom.size(), 2); // unchanged value: no signal
    QCOMPARE(model.headers(HeaderModel::Origin::Custom),
             HttpHeaders({{"apns-push-type", "background"}}));
    QCOMPARE(model.headers(HeaderModel::Origin::Automatic),
             HttpHeaders({{"ServiceBusNotification-Format", "apple"}}));
    QCOMPARE(model.index(0, 0).data(HeaderModel::NoteRole).toString(), u"From the format picker"_s);
    QVERIFY(model.index(0, 1).data(Qt::ToolTipRole).toString().contains(u"format picker"_s));
    // Automatic rows refuse edits.
    QVERIFY(!model.setData(model.index(0, HeaderModel::Value), u"gcm"_s));
    QCOMPARE(model.index(0, HeaderModel::Value).data().toString(), u"apple"_s);
}

void TestExchangeModels::headerReplaceRowsKeepsCustom()
{
    HeaderModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.appendCustom("apns-priority", "10");
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    const QList<HeaderModel::Row> automatic {
        {"ServiceBusNotification-Format", "apple", HeaderModel::Origin::Automatic, {}},
        {"Content-Type", "application/json", HeaderModel::Origin::Automatic, {}},
    };
    model.replaceRows(HeaderModel::Origin::Automatic, automatic);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(0, 0).data().toString(), u"ServiceBusNotification-Format"_s);
    QCOMPARE(model.index(2, 0).data().toString(), u"apns-priority"_s);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(reset.size(), 0);
    // The same rows again change nothing.
    model.replaceRows(HeaderModel::Origin::Automatic, automatic);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(removed.size(), 0);
    // Fewer automatic rows: the old ones go, the custom row stays.
    model.replaceRows(HeaderModel::Origin::Automatic, {automatic.first()});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(model.headers(HeaderModel::Origin::Custom), HttpHeaders({{"apns-priority", "10"}}));
    // Replacing custom rows appends them after the automatic ones.
    model.replaceRows(HeaderModel::Origin::Custom,
                      {{"X-WNS-Type", "wns/raw", HeaderModel::Origin::Custom, {}}});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(1, 0).data().toString(), u"X-WNS-Type"_s);
    model.replaceRows(HeaderModel::Origin::Automatic, {});
    QCOMPARE(model.rowCount(), 1);
}

void TestExchangeModels::headerInsertRemove()
{
    HeaderModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.insertRows(0, 2));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, 0).data(HeaderModel::OriginRole).toInt(),
             int(HeaderModel::Origin::Custom));
    // Empty names are not headers yet.
    QVERIFY(model.headers(HeaderModel::Origin::Custom).isEmpty());
    QVERIFY(model.setData(model.index(1, 0), u"X-WNS-TTL"_s));
    QVERIFY(model.setData(model.index(1, 1), u"60"_s));
    QCOMPARE(model.headers(HeaderModel::Origin::Custom), HttpHeaders({{"X-WNS-TTL", "60"}}));
    QVERIFY(!model.insertRows(5, 1));
    QVERIFY(!model.insertRows(0, 0));
    QVERIFY(!model.removeRows(1, 2));
    QVERIFY(model.removeRows(0, 1));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, 0).data().toString(), u"X-WNS-TTL"_s);
    QVERIFY(!model.setData(model.index(0, 0), u"x"_s, Qt::DisplayRole + 100));
}

QTEST_GUILESS_MAIN(TestExchangeModels)
#include "tst_exchangemodels.moc"
