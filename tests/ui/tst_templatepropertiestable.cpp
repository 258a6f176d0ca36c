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

    void offersTheTemplatesPropertiesAndMarksTheUnfilled()
    {
        // The send carries message (filled), badge (empty) and extra (no template uses it).
        const Props sent {{u"message"_s, u"Hi"_s}, {u"badge"_s, {}}, {u"extra"_s, u"x"_s}};
        m_table->setProperties(sent);
        QSignalSpy edited(m_table.get(), &TemplatePropertiesTable::propertiesEdited);
        m_table->setOfferedProperties({u"badge"_s, u"Message"_s, u"title"_s});
        QCOMPARE(edited.count(), 0);
        QTableWidget *cells = m_table->table();
        QCOMPARE(cells->rowCount(), 4); // title offered in a row of its own
        QCOMPARE(cells->item(3, 0)->text(), u"title"_s);
        QVERIFY(cells->item(3, 0)->font().italic());
        QCOMPARE(m_table->properties(), sent); // not a property until it has a value
        QCOMPARE(m_table->unfilledProperties(), (QStringList {u"badge"_s, u"title"_s}));
        QCOMPARE(m_table->unusedProperties(), QStringList {u"extra"_s});
        auto *note = m_table->findChild<QLabel *>(u"propertiesNote"_s);
        QVERIFY2(note->text().contains(u"Not filled in: badge, title"_s), qPrintable(note->text()));
        QVERIFY2(note->text().contains(u"No targeted template uses: extra"_s),
                 qPrintable(note->text()));

        // Given a value, the offered row is the send's: reported, and no longer unfilled.
        cells->item(3, 1)->setText(u"Evening"_s);
        QCOMPARE(edited.count(), 1);
        Props withTitle = sent;
        withTitle.append({u"title"_s, u"Evening"_s});
        QCOMPARE(edited.first().first().value<Props>(), withTitle);
        QCOMPARE(m_table->unfilledProperties(), QStringList {u"badge"_s});
        // The JSON coming back with it leaves the rows as they are.
        m_table->setProperties(withTitle);
        QCOMPARE(cells->rowCount(), 4);
        QVERIFY(!cells->item(3, 0)->font().italic());

        // No template known: nothing offered, nothing marked, the usual note.
        m_table->setOfferedProperties({});
        QCOMPARE(cells->rowCount(), 4);
        QVERIFY(m_table->unfilledProperties().isEmpty());
        QVERIFY(m_table->unusedProperties().isEmpty());
        QVERIFY(note->text().contains(u"$(name)"_s));
        QVERIFY(cells->item(2, 0)->toolTip().isEmpty());
    }

private:
    std::unique_ptr<TemplatePropertiesTable> m_table;
};

QTEST_MAIN(TestTemplatePropertiesTable)
#include "tst_templatepropertiestable.moc"
