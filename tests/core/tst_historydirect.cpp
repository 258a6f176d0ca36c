// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The history writer's statements run through SQLite's API (historydirect.h): on this platform
// the driver's handle is usable, every value the row codec binds is stored exactly as QSqlQuery
// stores it (type and bytes), and a failure reads as QSqlQuery's error text.

#include "store/history/historydirect.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Nh::HistoryDb;

class TestHistoryDirect : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, kName);
        // A file of its own per test function.
        db.setDatabaseName(m_dir.filePath(u"t%1.sqlite"_s.arg(++m_files)));
        QVERIFY(db.open());
        QSqlQuery q(db);
        // No column affinity: what is stored is what was bound.
        QVERIFY(q.exec(u"CREATE TABLE t (k INTEGER, v, u TEXT UNIQUE)"_s));
    }

    void cleanup()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(kName, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(kName);
    }

    void handleIsThisProcesssSqlite()
    {
        QSqlDatabase db = QSqlDatabase::database(kName);
        // Debian's Qt driver runs on the system libsqlite3, which nh_store links: the fast path
        // is the one taken there.
        QVERIFY(DirectStatement::handle(db) != nullptr);
    }

    void bindsAsTheDriver_data()
    {
        QTest::addColumn<QVariant>("value");
        QTest::newRow("invalid") << QVariant();
        QTest::newRow("null string") << QVariant(QMetaType::fromType<QString>());
        QTest::newRow("empty string") << QVariant(u""_s);
        QTest::newRow("text") << QVariant(u"héllo \U0001F600 wörld"_s);
        QTest::newRow("null bytes") << QVariant(QByteArray());
        QTest::newRow("empty bytes") << QVariant(QByteArray(""));
        QTest::newRow("bytes") << QVariant(QByteArray("a\0b\xff", 4));
        QTest::newRow("int") << QVariant(-42);
        QTest::newRow("bool") << QVariant(true);
        QTest::newRow("uint") << QVariant(4000000000u);
        QTest::newRow("longlong") << QVariant(qint64(1) << 40);
        QTest::newRow("double") << QVariant(1.5);
    }

    void bindsAsTheDriver()
    {
        QFETCH(QVariant, value);
        QVERIFY(DirectStatement::bindable(value));
        QSqlDatabase db = QSqlDatabase::database(kName);
        const QString insert = u"INSERT INTO t (k, v) VALUES (?, ?)"_s;

        QSqlQuery q(db);
        QVERIFY(q.prepare(insert));
        q.bindValue(0, 1);
        q.bindValue(1, value);
        QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        q.finish();

        auto direct = DirectStatement::prepare(DirectStatement::handle(db), insert);
        QVERIFY(direct);
        const QVariant values[] = {2, value};
        const auto error = direct->exec(values, 2);
        QVERIFY2(!error, qPrintable(error.value_or(QString())));
        QCOMPARE(direct->changes(), 1);

        QSqlQuery read(db);
        QVERIFY(read.exec(u"SELECT k, typeof(v), quote(v) FROM t ORDER BY k"_s));
        QVERIFY(read.next());
        const QString type = read.value(1).toString();
        const QString stored = read.value(2).toString();
        QVERIFY(read.next());
        QCOMPARE(read.value(0).toInt(), 2);
        QCOMPARE(read.value(1).toString(), type);
        QCOMPARE(read.value(2).toString(), stored);
    }

    void typesItDoesNotBindGoThroughQSqlQuery()
    {
        QVERIFY(!DirectStatement::bindable(QVariant(QDateTime::currentDateTimeUtc())));
        QVERIFY(!DirectStatement::bindable(QVariant(QStringList {u"a"_s})));
    }

    void failureReadsAsTheDriver()
    {
        QSqlDatabase db = QSqlDatabase::database(kName);
        const QString insert = u"INSERT INTO t (k, u) VALUES (?, ?)"_s;
        QSqlQuery first(db);
        QVERIFY(first.exec(u"INSERT INTO t (k, u) VALUES (1, 'same')"_s));

        QSqlQuery q(db);
        QVERIFY(q.prepare(insert));
        q.bindValue(0, 2);
        q.bindValue(1, u"same"_s);
        QVERIFY(!q.exec());
        const QString expected = q.lastError().text();
        q.finish();

        auto direct = DirectStatement::prepare(DirectStatement::handle(db), insert);
        QVERIFY(direct);
        const QVariant values[] = {3, u"same"_s};
        const auto error = direct->exec(values, 2);
        QVERIFY(error);
        QCOMPARE(*error, expected);

        // The statement is usable again after a failure, and reports its row.
        const QVariant other[] = {4, u"other"_s};
        QVERIFY(!direct->exec(other, 2));
        QCOMPARE(direct->changes(), 1);
        QSqlQuery last(db);
        QVERIFY(last.exec(u"SELECT rowid FROM t WHERE u = 'other'"_s) && last.next());
        QCOMPARE(direct->lastInsertId(), last.value(0).toLongLong());
    }

    void aConflictIgnoredChangesNothing()
    {
        QSqlDatabase db = QSqlDatabase::database(kName);
        auto direct = DirectStatement::prepare(
            DirectStatement::handle(db),
            u"INSERT INTO t (k, u) VALUES (?, ?) ON CONFLICT(u) DO NOTHING"_s);
        QVERIFY(direct);
        const QVariant values[] = {1, u"x"_s};
        QVERIFY(!direct->exec(values, 2));
        QCOMPARE(direct->changes(), 1);
        QVERIFY(!direct->exec(values, 2));
        QCOMPARE(direct->changes(), 0);
    }

    void aStatementThatDoesNotPrepareIsLeftToQSqlQuery()
    {
        QSqlDatabase db = QSqlDatabase::database(kName);
        QVERIFY(!DirectStatement::prepare(DirectStatement::handle(db), u"INSERT INTO nope"_s));
    }

private:
    const QString kName = u"tst_historydirect"_s;
    QTemporaryDir m_dir;
    int m_files = 0;
};

QTEST_GUILESS_MAIN(TestHistoryDirect)
#include "tst_historydirect.moc"
