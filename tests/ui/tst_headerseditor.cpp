// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// HeadersEditor on its own: the user's headers, automatic rows hidden by them, their notes, the
// Add menu per format, Remove, and the status line.

#include "headerseditor.h"
#include "models/headermodel.h"
#include "uitestsupport.h"

#include <QLabel>
#include <QMenu>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QToolButton>

using namespace Qt::Literals::StringLiterals;

using Nh::HttpHeaders;

Q_DECLARE_METATYPE(Nh::Format)

class TestHeadersEditor final : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_editor = std::make_unique<HeadersEditor>();
        m_editor->resize(600, 300);
        m_editor->show();
    }
    void cleanup() { m_editor.reset(); }

    void keepsItsObjectNames()
    {
        for (const QString &name :
             {u"headersTable"_s, u"addHeaderButton"_s, u"removeHeaderButton"_s, u"headersStatus"_s})
            QVERIFY2(m_editor->findChild<QWidget *>(name), qPrintable(name));
    }

    void customHeadersRoundTrip()
    {
        QSignalSpy changed(m_editor.get(), &HeadersEditor::customHeadersChanged);
        const HttpHeaders headers {{"apns-push-type", "alert"}, {"apns-priority", "10"}};
        m_editor->setCustomHeaders(headers);
        QCOMPARE(m_editor->customHeaders(), headers);
        QVERIFY(changed.count() >= 1);
        QCOMPARE(m_editor->rowCount(), 2);
    }

    void automaticRowsGiveWayToTheUsers()
    {
        m_editor->setCustomHeaders({{"Content-Type", "text/plain"}});
        m_editor->setAutomaticHeaders({{"x-ms-version", "2020-06"},
                                       {"ServiceBusNotification-Format", "apple"},
                                       {"content-type", "application/json"}});
        QCOMPARE(m_editor->rowCount(), 3);
        QCOMPARE(names(),
                 (QStringList {u"x-ms-version"_s, u"ServiceBusNotification-Format"_s,
                               u"Content-Type"_s}));
        // The user's headers are still theirs only.
        QCOMPARE(m_editor->customHeaders(), (HttpHeaders {{"Content-Type", "text/plain"}}));
    }

    void automaticRowsSayWhereTheyComeFrom_data()
    {
        QTest::addColumn<QByteArray>("name");
        QTest::addColumn<QString>("note");
        QTest::newRow("format") << "ServiceBusNotification-Format"_ba
                                << u"From the format picker."_s;
        QTest::newRow("tags") << "ServiceBusNotification-Tags"_ba
                              << u"From the tag expression, as written."_s;
        QTest::newRow("schedule") << "ServiceBusNotification-ScheduleTime"_ba
                                  << u"From the schedule time, in UTC."_s;
        QTest::newRow("version") << "x-ms-version"_ba
                                 << u"The REST API version nhconsole speaks."_s;
        QTest::newRow("derived") << "apns-push-type"_ba
                                 << u"Derived from the payload; add a header of the same name "
                                    "to override it."_s;
    }

    void automaticRowsSayWhereTheyComeFrom()
    {
        QFETCH(QByteArray, name);
        QFETCH(QString, note);
        m_editor->setAutomaticHeaders({{name, "v"}});
        const QModelIndex index = m_editor->table()->model()->index(0, Nh::HeaderModel::Name);
        QCOMPARE(index.data(Nh::HeaderModel::NoteRole).toString(), note);
        QCOMPARE(index.data(Nh::HeaderModel::OriginRole).toInt(),
                 int(Nh::HeaderModel::Origin::Automatic));
    }

    void addMenuOffersTheFormatsHeaders_data()
    {
        QTest::addColumn<Nh::Format>("format");
        QTest::addColumn<QStringList>("offered");
        QTest::newRow("apple") << Nh::Format::Apple
                               << QStringList {u"apns-push-type"_s,   u"apns-priority"_s,
                                               u"apns-expiration"_s,  u"apns-topic"_s,
                                               u"apns-collapse-id"_s, u"apns-id"_s};
        QTest::newRow("browser") << Nh::Format::Browser << QStringList {u"P256DH"_s, u"Auth"_s};
        QTest::newRow("template") << Nh::Format::Template << QStringList {};
    }

    void addMenuOffersTheFormatsHeaders()
    {
        QFETCH(Nh::Format, format);
        QFETCH(QStringList, offered);
        m_editor->setFormat(format);
        QMenu *menu = m_editor->addButton()->menu();
        emit menu->aboutToShow();
        QStringList texts;
        for (QAction *a : menu->actions()) {
            if (!a->isSeparator())
                texts << a->text();
        }
        QCOMPARE(texts, offered + QStringList {u"Other header…"_s});
    }

    void addingAKnownHeaderMakesACustomRow()
    {
        m_editor->setFormat(Nh::Format::Apple);
        m_editor->setCustomHeaders({{"apns-topic", "com.example"}});
        QMenu *menu = m_editor->addButton()->menu();
        emit menu->aboutToShow();
        QAction *topic = nullptr;
        QAction *priority = nullptr;
        for (QAction *a : menu->actions()) {
            if (a->text() == u"apns-topic"_s)
                topic = a;
            if (a->text() == u"apns-priority"_s)
                priority = a;
        }
        QVERIFY(topic && priority);
        // A header the user already has is not offered twice.
        QVERIFY(!topic->isEnabled());
        QVERIFY(priority->isEnabled());
        priority->trigger();
        QCOMPARE(m_editor->rowCount(), 2);
        QCOMPARE(names().last(), u"apns-priority"_s);
    }

    void removeDropsOnlyTheUsersRows()
    {
        m_editor->setCustomHeaders({{"apns-topic", "t"}});
        m_editor->setAutomaticHeaders({{"x-ms-version", "2020-06"}});
        QSignalSpy changed(m_editor.get(), &HeadersEditor::customHeadersChanged);
        m_editor->table()->selectAll();
        m_editor->findChild<QToolButton *>(u"removeHeaderButton"_s)->click();
        QCOMPARE(changed.count(), 1);
        QVERIFY(m_editor->customHeaders().isEmpty());
        QCOMPARE(names(), QStringList {u"x-ms-version"_s});
    }

    void statusLineShowsAndHides()
    {
        auto *status = m_editor->findChild<QLabel *>(u"headersStatus"_s);
        QVERIFY(!status->isVisible());
        m_editor->setStatus(u"The header Host is set by nhconsole"_s);
        QVERIFY(status->isVisible());
        QCOMPARE(status->text(), u"The header Host is set by nhconsole"_s);
        m_editor->setStatus({});
        QVERIFY(!status->isVisible());
    }

private:
    QStringList names() const
    {
        QStringList out;
        const QAbstractItemModel *model = m_editor->table()->model();
        for (int r = 0; r < model->rowCount(); ++r)
            out << model->index(r, Nh::HeaderModel::Name).data().toString();
        return out;
    }

    std::unique_ptr<HeadersEditor> m_editor;
};

QTEST_MAIN(TestHeadersEditor)
#include "tst_headerseditor.moc"
