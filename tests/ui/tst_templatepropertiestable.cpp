// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// TemplatePropertiesTable on its own: showing properties without echo, edits, add and remove,
// blank names, and the state for a template body that cannot be read.

#include "templatepropertiestable.h"
#include "uitestsupport.h"

#include <QLabel>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <QToolButton>

using namespace Qt::Literals::StringLiterals;

using Props = Nh::TemplateProperties;

class TestTemplatePropertiesTable final : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_table = std::make_unique<TemplatePropertiesTable>();
        m_table->resize(500, 300);
        m_table->show();
    }
    void cleanup() { m_table.reset(); }

    void keepsItsObjectNames()
    {
        QCOMPARE(m_table->objectName(), u"propertiesPane"_s);
        for (const QString &name : {u"propertiesTable"_s, u"propertiesNote"_s,
                                    u"addPropertyButton"_s, u"removePropertyButton"_s})
            QVERIFY2(m_table->findChild<QWidget *>(name), qPrintable(name));
    }

    void setPropertiesDoesNotEcho_data()
    {
        QTest::addColumn<Props>("properties");
        QTest::newRow("none") << Props {};
        QTest::newRow("one") << Props {{u"title"_s, u"Hello"_s}};
        QTest::newRow("in order") << Props {{u"b"_s, u"2"_s}, {u"a"_s, u"1"_s}, {u"c"_s, {}}};
    }

    void setPropertiesDoesNotEcho()
    {
        QFETCH(Props, properties);
        QSignalSpy edited(m_table.get(), &TemplatePropertiesTable::propertiesEdited);
        m_table->setProperties({{u"old"_s, u"x"_s}});
        m_table->setProperties(properties);
        QCOMPARE(m_table->table()->rowCount(), int(properties.size()));
        QCOMPARE(m_table->properties(), properties);
        QCOMPARE(edited.count(), 0);
    }

    void editingAValueReportsAllProperties()
    {
        m_table->setProperties({{u"a"_s, u"1"_s}, {u"b"_s, u"2"_s}});
        QSignalSpy edited(m_table.get(), &TemplatePropertiesTable::propertiesEdited);
        m_table->table()->item(1, 1)->setText(u"two"_s);
        QCOMPARE(edited.count(), 1);
        const Props expected {{u"a"_s, u"1"_s}, {u"b"_s, u"two"_s}};
        QCOMPARE(edited.first().first().value<Props>(), expected);
    }

    void blankNamesAreLeftOutAndNamesTrimmed()
    {
        m_table->setProperties({{u" a "_s, u"1"_s}, {u"  "_s, u"lost"_s}, {u"b"_s, u" 2 "_s}});
        const Props expected {{u"a"_s, u"1"_s}, {u"b"_s, u" 2 "_s}};
        QCOMPARE(m_table->properties(), expected);
    }

    void addMakesANamedRow()
    {
        m_table->setProperties({{u"a"_s, u"1"_s}});
        QSignalSpy edited(m_table.get(), &TemplatePropertiesTable::propertiesEdited);
        m_table->findChild<QToolButton *>(u"addPropertyButton"_s)->click();
        QCOMPARE(m_table->table()->rowCount(), 2);
        QCOMPARE(edited.count(), 1);
        const Props expected {{u"a"_s, u"1"_s}, {u"name2"_s, QString()}};
        QCOMPARE(edited.first().first().value<Props>(), expected);
    }

    void removeDropsTheSelectedRows()
    {
        m_table->setProperties({{u"a"_s, u"1"_s}, {u"b"_s, u"2"_s}, {u"c"_s, u"3"_s}});
        QSignalSpy edited(m_table.get(), &TemplatePropertiesTable::propertiesEdited);
        QTableWidget *table = m_table->table();
        table->setSelectionMode(QAbstractItemView::MultiSelection);
        table->selectRow(0);
        table->selectRow(2);
        m_table->findChild<QToolButton *>(u"removePropertyButton"_s)->click();
        QCOMPARE(edited.count(), 1);
        const Props expected {{u"b"_s, u"2"_s}};
        QCOMPARE(m_table->properties(), expected);
    }

    void unreadableBodyTurnsTheTableOff()
    {
        auto *note = m_table->findChild<QLabel *>(u"propertiesNote"_s);
        const QString readable = note->text();
        QVERIFY(readable.contains(u"$(name)"_s));
        m_table->setBodyReadable(false);
        QVERIFY(!m_table->table()->isEnabled());
        QCOMPARE(note->text(), u"Fix the JSON below to edit the properties as a table."_s);
        m_table->setBodyReadable(true);
        QVERIFY(m_table->table()->isEnabled());
        QCOMPARE(note->text(), readable);
    }

private:
    std::unique_ptr<TemplatePropertiesTable> m_table;
};

QTEST_MAIN(TestTemplatePropertiesTable)
#include "tst_templatepropertiestable.moc"
