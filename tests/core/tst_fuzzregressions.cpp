// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Replays every input the fuzzers once crashed on (tests/data/fuzz-regressions/<target>/) and
// the hand-written seeds (tests/data/fuzz-seeds/<target>/) through the fuzz targets' own entry
// functions, in the normal gcc build, so fixed bugs stay fixed without clang. An entry that
// finds a broken invariant aborts, which fails this suite.
#include "fuzzentries.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestFuzzRegressions final : public QObject
{
    Q_OBJECT

private slots:
    void folderNamesAreTargets_data();
    void folderNamesAreTargets();
    void replay_data();
    void replay();
    void everyTargetHasSeeds();

private:
    static QStringList roots();
};

QStringList TestFuzzRegressions::roots()
{
    const QString data = QString::fromUtf8(NH_TEST_DATA_DIR);
    return {data + u"/fuzz-regressions"_s, data + u"/fuzz-seeds"_s};
}

void TestFuzzRegressions::folderNamesAreTargets_data()
{
    QTest::addColumn<QString>("folder");
    for (const QString &root : roots()) {
        const QDir dir(root);
        for (const QString &name : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            const QString path = dir.filePath(name);
            QTest::newRow(
                qPrintable(QDir(QString::fromUtf8(NH_TEST_DATA_DIR)).relativeFilePath(path)))
                << path;
        }
    }
}

void TestFuzzRegressions::folderNamesAreTargets()
{
    QFETCH(QString, folder);
    const QString name = QFileInfo(folder).fileName();
    QVERIFY2(Nh::Fuzz::target(name.toUtf8()),
             qPrintable(u"%1 is not the name of a fuzz target (tests/fuzz/fuzzentries.cpp)"_s.arg(
                 folder)));
}

void TestFuzzRegressions::replay_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("file");
    const QDir data(QString::fromUtf8(NH_TEST_DATA_DIR));
    for (const QString &root : roots()) {
        for (const Nh::Fuzz::Target &t : Nh::Fuzz::targets()) {
            const QDir dir(root + u'/' + QString::fromLatin1(t.name));
            for (const QString &f : dir.entryList(QDir::Files, QDir::Name)) {
                const QString path = dir.filePath(f);
                QTest::newRow(qPrintable(data.relativeFilePath(path)))
                    << QString::fromLatin1(t.name) << path;
            }
        }
    }
}

void TestFuzzRegressions::replay()
{
    QFETCH(QString, target);
    QFETCH(QString, file);
    QFile f(file);
    QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(f.errorString()));
    const QByteArray input = f.readAll();
    const Nh::Fuzz::Target *t = Nh::Fuzz::target(target.toUtf8());
    QVERIFY(t);
    t->entry(input); // aborts on a crash or a broken invariant
}

void TestFuzzRegressions::everyTargetHasSeeds()
{
    // Targets without hand-written seeds get theirs from the fixtures (tests/fuzz/CMakeLists.txt);
    // the ones that have none there must have some here, or the fuzzer starts from nothing.
    const QStringList needSeeds = {u"connectionstring"_s,  u"sastoken"_s,
                                   u"tagexpression"_s,     u"template"_s,
                                   u"installationpatch"_s, u"emulator"_s};
    for (const QString &name : needSeeds) {
        const QDir dir(roots().at(1) + u'/' + name);
        QVERIFY2(!dir.entryList(QDir::Files).isEmpty(),
                 qPrintable(u"no seeds in %1"_s.arg(dir.path())));
    }
}

QTEST_GUILESS_MAIN(TestFuzzRegressions)
#include "tst_fuzzregressions.moc"
