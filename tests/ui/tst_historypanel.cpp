// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// HistoryPanel and CompareDialog over a real history file: rows newest first, selection loads
// the whole record, filters and free text, pin and label reach the file, delete asks first,
// exports (curl, JSON, HAR) never hold the key or a signature, header state round-trips, and
// the compare view shows the differences of two exchanges side by side.

#include "comparedialog.h"
#include "historypanel.h"
#include "models/historymodel.h"
#include "protocol/notificationoutcome.h"
#include "protocol/platform.h"
#include "store/historystore.h"

#include <QAction>
#include <QCheckBox>
#include <QFile>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

const QByteArray kKey = "c2VjcmV0LWtleS1vZi10aGUtaHVi"_ba;
const QByteArray kSig = "bGl2ZS1zaWduYXR1cmU%3d"_ba;

Nh::Exchange makeSend(const QString &tags, int status, int minutesAgo, const QByteArray &alert)
{
    Nh::Exchange e;
    e.operation = u"send.test"_s;
    e.hub = u"myhub"_s;
    e.started = QDateTime::currentDateTimeUtc().addSecs(-60 * minutesAgo);
    e.method = "POST";
    e.url = QUrl(u"https://ns.servicebus.windows.net/myhub/messages?api-version=2020-06&test"_s);
    const QByteArray token = "SharedAccessSignature sr=https%3a%2f%2fns.servicebus.windows.net%2f"
                             "myhub&sig="_ba
        + kSig + "&se=1772366400&skn=DefaultFullSharedAccessSignature"_ba;
    e.requestHeaders = {{"Authorization", token},
                        {"x-ms-version", "2020-06"},
                        {"ServiceBusNotification-Format", "apple"},
                        {"ServiceBusNotification-Tags", tags.toUtf8()},
                        {"Content-Type", "application/json;charset=utf-8"}};
    e.authorization = QString::fromLatin1(token);
    e.requestBody = "{\"aps\":{\"alert\":\"" + alert + "\"}}";
    e.status = status;
    e.reasonPhrase = status == 201 ? "Created"_ba : "Internal Server Error"_ba;
    e.responseHeaders = {{"Content-Type", "application/xml; charset=utf-8"},
                         {"TrackingId", QUuid::createUuid().toByteArray()}};
    if (status == 201) {
        Nh::NotificationOutcome o;
        o.success = 1;
        o.failure = 0;
        o.results = {{u"apple"_s, u"AA"_s, u"reg-1"_s, QString(Nh::kOutcomeSuccess)}};
        e.responseBody = Nh::notificationOutcomeXml(o);
        e.outcome = o;
        e.result = Nh::ExchangeResult::Success;
    } else {
        e.responseBody = "<Error><Code>500</Code><Detail>boom</Detail></Error>";
        e.result = Nh::ExchangeResult::HubError;
        e.errorSentence = u"The hub failed."_s;
    }
    e.totalMs = 40;
    return e;
}

} // namespace

class TestHistoryPanel final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void rowsNewestFirstAndSelectionLoadsRecord();
    void filtersAndSearch();
    void pinLabelAndDelete();
    void exportsHoldNoSecret_data();
    void exportsHoldNoSecret();
    void curlWithFreshTokens();
    void headerStateRoundTrips();
    void compareShowsDifferences();
    void formatColumnShowsEveryFormatWhole();

private:
    void addAndWait(const Nh::Exchange &e, const QString &profileId = u"p1"_s);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Nh::HistoryStore> m_store;
    std::unique_ptr<HistoryPanel> m_panel;
    QList<QUuid> m_ids; ///< in the order added (oldest first)
};

void TestHistoryPanel::init()
{
    QStandardPaths::setTestModeEnabled(true);
    m_dir = std::make_unique<QTemporaryDir>();
    auto opened = Nh::HistoryStore::open(m_dir->filePath(u"h.sqlite"_s));
    QVERIFY2(opened, opened ? "" : qPrintable(opened.error().message));
    m_store = std::move(opened).value();
    m_ids.clear();
    addAndWait(makeSend(u"sports"_s, 201, 90, "old news"));
    addAndWait(makeSend(u"user:alice"_s, 500, 30, "hello alice"));
    addAndWait(makeSend(u"sports"_s, 201, 1, "goal!"), u"p2"_s);
    m_panel = std::make_unique<HistoryPanel>(m_store.get(), nullptr);
    m_panel->resize(1000, 300);
    m_panel->show();
}

void TestHistoryPanel::cleanup()
{
    m_panel.reset();
    m_store.reset();
    m_dir.reset();
}

void TestHistoryPanel::addAndWait(const Nh::Exchange &e, const QString &profileId)
{
    QSignalSpy written(m_store.get(), &Nh::HistoryStore::written);
    Nh::HistoryContext ctx;
    ctx.profileId = profileId;
    ctx.profileName = profileId.toUpper();
    ctx.source = u"gui"_s;
    m_ids << m_store->add(e, ctx);
    QVERIFY(written.wait(5000));
}

void TestHistoryPanel::rowsNewestFirstAndSelectionLoadsRecord()
{
    QCOMPARE(m_panel->rowCount(), 3);
    QCOMPARE(m_panel->idAt(0), m_ids.at(2));
    QCOMPARE(m_panel->idAt(2), m_ids.at(0));
    QSignalSpy selected(m_panel.get(), &HistoryPanel::exchangeSelected);
    QVERIFY(m_panel->selectExchange(m_ids.at(1)));
    QCOMPARE(selected.size(), 1);
    const auto record = selected.first().first().value<Nh::HistoryRecord>();
    QCOMPARE(record.exchange.id, m_ids.at(1));
    QCOMPARE(record.exchange.status, 500);
    QCOMPARE(record.exchange.requestBody, "{\"aps\":{\"alert\":\"hello alice\"}}"_ba);
    QVERIFY(record.exchange.authorization.isEmpty());
    // Re-send and label want one row, compare exactly two.
    QVERIFY(m_panel->resendAction()->isEnabled());
    QVERIFY(!m_panel->compareAction()->isEnabled());
    m_panel->selectRows({0, 2});
    QVERIFY(m_panel->compareAction()->isEnabled());
    QVERIFY(!m_panel->resendAction()->isEnabled());
    QCOMPARE(m_panel->selectedIds(), (QList<QUuid> {m_ids.at(2), m_ids.at(0)}));
    // Re-send hands the whole record on.
    m_panel->selectRows({1});
    QSignalSpy resend(m_panel.get(), &HistoryPanel::resendRequested);
    m_panel->resendAction()->trigger();
    QCOMPARE(resend.size(), 1);
    QCOMPARE(resend.first().first().value<Nh::HistoryRecord>().exchange.id, m_ids.at(1));
}

void TestHistoryPanel::filtersAndSearch()
{
    m_panel->setSearchText(u"alice"_s);
    QTRY_COMPARE(m_panel->rowCount(), 1);
    QCOMPARE(m_panel->idAt(0), m_ids.at(1));
    m_panel->setSearchText(u"goal"_s);
    QTRY_COMPARE(m_panel->rowCount(), 1);
    QCOMPARE(m_panel->idAt(0), m_ids.at(2));
    m_panel->setSearchText({});
    QTRY_COMPARE(m_panel->rowCount(), 3);

    m_panel->setStatusFilter(Nh::HistoryStatus::Failure);
    QTRY_COMPARE(m_panel->rowCount(), 1);
    QCOMPARE(m_panel->idAt(0), m_ids.at(1));
    m_panel->setStatusFilter(Nh::HistoryStatus::Success);
    QTRY_COMPARE(m_panel->rowCount(), 2);
    m_panel->setStatusFilter({});

    m_panel->setTimeRange(HistoryPanel::TimeRange::LastHour);
    QTRY_COMPARE(m_panel->rowCount(), 2); // the 90-minute-old one is out
    m_panel->setTimeRange(HistoryPanel::TimeRange::Any);
    QTRY_COMPARE(m_panel->rowCount(), 3);

    m_panel->setFormatFilter(u"gcm"_s);
    QTRY_COMPARE(m_panel->rowCount(), 0);
    m_panel->setFormatFilter({});
    QTRY_COMPARE(m_panel->rowCount(), 3);
    m_panel->setProfileFilter(u"p2"_s); // not in the combo (no ProfileStore): no filter
    QTRY_COMPARE(m_panel->rowCount(), 3);
}

void TestHistoryPanel::pinLabelAndDelete()
{
    m_panel->selectRows({2});
    QSignalSpy updated(m_store.get(), &Nh::HistoryStore::updated);
    m_panel->pinAction()->trigger();
    QVERIFY(updated.wait(5000));
    QVERIFY(m_store->reader().load(m_ids.at(0)).value().pinned);
    // The model's Label column is the label editor (F2).
    QAbstractItemModel *model = m_panel->table()->model();
    QVERIFY(model->setData(model->index(2, Nh::HistoryModel::Label), u"baseline"_s));
    QVERIFY(updated.wait(5000));
    QCOMPARE(m_store->reader().load(m_ids.at(0)).value().label, u"baseline"_s);

    // Delete asks; Cancel keeps, Delete removes.
    m_panel->selectRows({0, 1});
    m_panel->deleteAction()->trigger();
    auto *box = m_panel->findChild<QMessageBox *>(u"confirmDeleteExchanges"_s);
    QVERIFY(box);
    box->reject();
    QTRY_VERIFY(!m_panel->findChild<QMessageBox *>(u"confirmDeleteExchanges"_s));
    QCOMPARE(m_store->reader().count().value(), 3);
    m_panel->deleteAction()->trigger();
    box = m_panel->findChild<QMessageBox *>(u"confirmDeleteExchanges"_s);
    QSignalSpy removed(m_store.get(), &Nh::HistoryStore::removed);
    box->findChild<QPushButton *>(u"confirmDeleteButton"_s)->click();
    QVERIFY(removed.wait(5000));
    QCOMPARE(m_store->reader().count().value(), 1);
    QTRY_COMPARE(m_panel->rowCount(), 1);
    QCOMPARE(m_panel->idAt(0), m_ids.at(0));
}

void TestHistoryPanel::exportsHoldNoSecret_data()
{
    QTest::addColumn<int>("format");
    QTest::addColumn<QString>("mustContain");
    QTest::newRow("curl") << int(HistoryPanel::ExportFormat::Curl) << u"${NH_SAS_TOKEN}"_s;
    QTest::newRow("json") << int(HistoryPanel::ExportFormat::Json) << u"nhconsole-history"_s;
    QTest::newRow("har") << int(HistoryPanel::ExportFormat::Har) << u"\"version\": \"1.2\""_s;
}

void TestHistoryPanel::exportsHoldNoSecret()
{
    QFETCH(int, format);
    QFETCH(QString, mustContain);
    const QString path = m_dir->filePath(u"export.out"_s);
    const Nh::Status done = m_panel->exportTo(m_ids, HistoryPanel::ExportFormat(format), path);
    QVERIFY2(done, done ? "" : qPrintable(done.error().message));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray data = file.readAll();
    QVERIFY2(data.contains(mustContain.toUtf8()), data.left(400).constData());
    QVERIFY(data.contains("hello alice"));
    QVERIFY(data.contains("goal!"));
    QVERIFY(!data.contains(kSig));
    QVERIFY(!data.contains("bGl2ZS1zaWduYXR1cmU"));
    QVERIFY(!data.contains(kKey));
    // A folder that does not exist is an error that names the file.
    const QString bad = m_dir->filePath(u"no/such/dir/x"_s);
    const Nh::Status failed = m_panel->exportTo(m_ids, HistoryPanel::ExportFormat(format), bad);
    QVERIFY(!failed);
    QVERIFY2(failed.error().message.contains(bad), qPrintable(failed.error().message));
}

void TestHistoryPanel::curlWithFreshTokens()
{
    const QString path = m_dir->filePath(u"fresh.sh"_s);
    // Without a signer the option is off and the placeholder stays.
    m_panel->selectRows({0});
    QVERIFY(!m_panel->exportCurlTokenAction()->isEnabled());
    // The signer sees redacted records only, and may decline (another hub).
    QList<QUuid> seen;
    m_panel->setTokenSigner([&seen](const Nh::HistoryRecord &r) -> QString {
        seen << r.exchange.id;
        if (!r.exchange.authorization.isEmpty() || r.exchange.requestBody.contains("old news"))
            return {};
        return u"SharedAccessSignature sr=x&sig=FRESH&se=1&skn=r"_s;
    });
    m_panel->selectRows({0});
    QVERIFY(m_panel->exportCurlTokenAction()->isEnabled());
    QVERIFY(m_panel->exportTo(m_ids, HistoryPanel::ExportFormat::Curl, path, true));
    QCOMPARE(seen.size(), 3);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray data = file.readAll();
    QCOMPARE(data.count("sig=FRESH"), 2);
    QVERIFY(data.contains("${NH_SAS_TOKEN}")); // the declined one
    QVERIFY(!data.contains(kSig));
    // Signed tokens are secrets until they expire: the file is its owner's only.
    QCOMPARE(file.permissions()
                 & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup
                    | QFileDevice::WriteOther),
             QFileDevice::Permissions());
}

void TestHistoryPanel::headerStateRoundTrips()
{
    QHeaderView *header = m_panel->table()->horizontalHeader();
    header->resizeSection(Nh::HistoryModel::Target, 321);
    header->hideSection(Nh::HistoryModel::Format);
    const QByteArray state = m_panel->headerState();
    HistoryPanel other(m_store.get(), nullptr);
    QVERIFY(other.restoreHeaderState(state));
    QCOMPARE(other.table()->horizontalHeader()->sectionSize(Nh::HistoryModel::Target), 321);
    QVERIFY(other.table()->horizontalHeader()->isSectionHidden(Nh::HistoryModel::Format));
}

void TestHistoryPanel::compareShowsDifferences()
{
    const auto records = m_store->reader().load({m_ids.at(0), m_ids.at(1)});
    QVERIFY(records);
    CompareDialog dialog(records.value().at(0), records.value().at(1));
    const Nh::ExchangeDiff &d = dialog.diff();
    QVERIFY(!d.isEquivalent());
    // Fields: the status differs, 201 against 500, side by side.
    QTableWidget *fields = dialog.fieldsTable();
    int statusRow = -1;
    for (int r = 0; r < fields->rowCount(); ++r) {
        if (fields->item(r, 1)->text() == u"201"_s && fields->item(r, 2)->text() == u"500"_s)
            statusRow = r;
    }
    QVERIFY2(statusRow >= 0, "no 201 | 500 row in the fields table");
    // Headers: the Tags header, volatile TrackingId hidden until asked.
    const auto headerNames = [&dialog] {
        QStringList names;
        for (int r = 0; r < dialog.headersTable()->rowCount(); ++r)
            names << dialog.headersTable()->item(r, 0)->text();
        return names;
    };
    QVERIFY(headerNames().contains(u"ServiceBusNotification-Tags"_s));
    QVERIFY(!headerNames().contains(u"TrackingId"_s));
    dialog.findChild<QCheckBox *>(u"compareShowVolatile"_s)->setChecked(true);
    QVERIFY(headerNames().contains(u"TrackingId"_s));
    // The request bodies differ in their alert line: one removed on the left, one added on
    // the right.
    QTableWidget *body = dialog.requestBodyTable();
    bool left = false;
    bool right = false;
    for (int r = 0; r < body->rowCount(); ++r) {
        left = left || body->item(r, 1)->text().contains(u"old news"_s);
        right = right || body->item(r, 3)->text().contains(u"hello alice"_s);
        QVERIFY(!body->item(r, 1)->text().contains(u"hello alice"_s));
    }
    QVERIFY(left && right);
    QVERIFY(dialog.tabs()
                ->tabText(CompareDialog::FieldsTab)
                .contains(QString::number(d.fields.size())));
}

void TestHistoryPanel::formatColumnShowsEveryFormatWhole()
{
    // "template" and "windowsphone" were elided ("te…te") in a column sized for "apple".
    auto *table = m_panel->findChild<QTableView *>(u"historyTable"_s);
    QVERIFY(table);
    const int margin =
        (table->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, table) + 1) * 2;
    for (int i = 0; i < Nh::kFormatCount; ++i) {
        const QString name = Nh::formatWireName(Nh::Format(i));
        QVERIFY2(table->fontMetrics().horizontalAdvance(name) + margin
                     <= table->columnWidth(Nh::HistoryModel::Format),
                 qPrintable(name));
    }
}

QTEST_MAIN(TestHistoryPanel)
#include "tst_historypanel.moc"
