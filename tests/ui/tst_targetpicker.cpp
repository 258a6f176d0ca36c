// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// TargetPicker on its own: the target per kind and typed text, which field is on, typing picks
// the target, the tag note with its error mark, the Ready wording, and the change signal.

#include "tagexpressionedit.h"
#include "targetpicker.h"
#include "uitestsupport.h"

#include <QLabel>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

using Kind = Nh::TargetKind;

class TestTargetPicker final : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_picker = std::make_unique<TargetPicker>();
        m_picker->resize(600, 200);
        m_picker->show();
    }
    void cleanup() { m_picker.reset(); }

    void keepsItsObjectNames()
    {
        for (const QString &name :
             {u"targetBox"_s, u"targetTags"_s, u"targetDevices"_s, u"targetBroadcast"_s,
              u"tagExpressionEdit"_s, u"tagStatus"_s, u"deviceHandlesEdit"_s, u"broadcastNote"_s})
            QVERIFY2(m_picker->findChild<QWidget *>(name), qPrintable(name));
    }

    void startsAtEveryone()
    {
        QCOMPARE(m_picker->kind(), Kind::Broadcast);
        QCOMPARE(m_picker->target().kind, Nh::TargetKind::Broadcast);
    }

    void targetPerKind_data()
    {
        QTest::addColumn<Kind>("kind");
        QTest::addColumn<QString>("tags");
        QTest::addColumn<QString>("handles");
        QTest::addColumn<int>("targetKind"); ///< int(Nh::TargetKind)
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QStringList>("deviceHandles");
        QTest::newRow("tags, as typed")
            << Kind::Tags << u" a || b "_s << u"h1"_s << int(Nh::TargetKind::Tags) << u" a || b "_s
            << QStringList();
        QTest::newRow("one handle: direct")
            << Kind::Device << u"a"_s << u" h1 "_s << int(Nh::TargetKind::Device) << QString()
            << QStringList {u"h1"_s};
        QTest::newRow("several: batch")
            << Kind::Device << QString() << u"h1, h2\th3,,h4"_s << int(Nh::TargetKind::Batch)
            << QString() << QStringList {u"h1"_s, u"h2"_s, u"h3"_s, u"h4"_s};
        QTest::newRow("none: an empty batch")
            << Kind::Device << QString() << u" , "_s << int(Nh::TargetKind::Batch) << QString()
            << QStringList();
        QTest::newRow("everyone ignores the fields")
            << Kind::Broadcast << u"a"_s << u"h1"_s << int(Nh::TargetKind::Broadcast) << QString()
            << QStringList();
    }

    void targetPerKind()
    {
        QFETCH(Kind, kind);
        QFETCH(QString, tags);
        QFETCH(QString, handles);
        QFETCH(int, targetKind);
        QFETCH(QString, expression);
        QFETCH(QStringList, deviceHandles);
        m_picker->setTagExpression(tags);
        m_picker->setDeviceHandles(handles);
        m_picker->setKind(kind);
        const Nh::Target t = m_picker->target();
        QCOMPARE(int(t.kind), targetKind);
        QCOMPARE(t.tagExpression, expression);
        QCOMPARE(t.deviceHandles, deviceHandles);
    }

    void devicesAreOneFieldForTwoKinds()
    {
        // Device and Batch pick the same field; its handles decide which the target is.
        auto *devices = m_picker->findChild<QRadioButton *>(u"targetDevices"_s);
        m_picker->setDeviceHandles(u"h1"_s);
        m_picker->setKind(Kind::Batch);
        QVERIFY(devices->isChecked());
        QCOMPARE(m_picker->kind(), Kind::Device);
        m_picker->setDeviceHandles(u"h1 h2"_s);
        QCOMPARE(m_picker->kind(), Kind::Batch);
        QCOMPARE(m_picker->target().kind, Kind::Batch);
        // No send goes to None or Resource: they pick everyone.
        for (const Kind kind : {Kind::None, Kind::Resource}) {
            m_picker->setKind(Kind::Tags);
            m_picker->setKind(kind);
            QCOMPARE(m_picker->kind(), Kind::Broadcast);
        }
    }

    void onlyThePickedFieldIsOn()
    {
        auto *tags = m_picker->findChild<TagExpressionEdit *>(u"tagExpressionEdit"_s);
        auto *handles = m_picker->findChild<QLineEdit *>(u"deviceHandlesEdit"_s);
        m_picker->setKind(Kind::Tags);
        QVERIFY(tags->isEnabled());
        QVERIFY(!handles->isEnabled());
        m_picker->setKind(Kind::Device);
        QVERIFY(!tags->isEnabled());
        QVERIFY(handles->isEnabled());
        m_picker->setKind(Kind::Broadcast);
        QVERIFY(!tags->isEnabled());
        QVERIFY(!handles->isEnabled());
    }

    void typingPicksItsTarget()
    {
        auto *handles = m_picker->findChild<QLineEdit *>(u"deviceHandlesEdit"_s);
        m_picker->setKind(Kind::Device);
        auto *tags = m_picker->findChild<TagExpressionEdit *>(u"tagExpressionEdit"_s);
        // A user edit (textEdited) in the tags field picks the tags, even from elsewhere.
        tags->setEnabled(true);
        QTest::keyClicks(tags, u"x"_s);
        QCOMPARE(m_picker->kind(), Kind::Tags);
        m_picker->setKind(Kind::Broadcast);
        handles->setEnabled(true);
        QTest::keyClicks(handles, u"h"_s);
        QCOMPARE(m_picker->kind(), Kind::Device);
        QCOMPARE(m_picker->deviceHandles(), QStringList {u"h"_s});
    }

    void changesAreSignalled()
    {
        QSignalSpy changed(m_picker.get(), &TargetPicker::changed);
        m_picker->setKind(Kind::Tags);
        QCOMPARE(changed.count(), 1);
        m_picker->setKind(Kind::Tags); // no change
        QCOMPARE(changed.count(), 1);
        m_picker->setTagExpression(u"a"_s);
        QCOMPARE(changed.count(), 2);
        m_picker->setDeviceHandles(u"h"_s);
        QCOMPARE(changed.count(), 3);
    }

    void tagNoteMarksTheError()
    {
        auto *tags = m_picker->findChild<TagExpressionEdit *>(u"tagExpressionEdit"_s);
        auto *label = m_picker->findChild<QLabel *>(u"tagStatus"_s);
        m_picker->setKind(Kind::Tags);
        m_picker->setTagExpression(u"sports || ) x"_s);
        Nh::Error error;
        error.message = u"Unexpected ')' at position 11"_s;
        error.offset = 10;
        error.length = 1;
        m_picker->showTagNote({error.message, Nh::DraftNote::Tone::Failure, error});
        QCOMPARE(tags->errorOffset(), 10);
        QVERIFY(label->isVisible());
        QCOMPARE(label->text(), error.message);
        // A note without an error clears the mark; an empty note hides the line.
        m_picker->showTagNote({u"Reads as <tt>a</tt>"_s, Nh::DraftNote::Tone::Success, {}});
        QCOMPARE(tags->errorOffset(), -1);
        QVERIFY(label->isVisible());
        m_picker->showTagNote({});
        QVERIFY(!label->isVisible());
        // The note belongs to the tags: it hides with another target.
        m_picker->showTagNote({u"note"_s, Nh::DraftNote::Tone::Success, {}});
        m_picker->setKind(Kind::Broadcast);
        QVERIFY(!label->isVisible());
    }

    void describesTheTarget_data()
    {
        QTest::addColumn<Kind>("kind");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("description");
        QTest::newRow("tags") << Kind::Tags << u" a && <b> "_s
                              << u"tags <tt>a &amp;&amp; "
                                 "&lt;b&gt;</tt>"_s;
        // No translator here: the plural form reads as written in the source.
        QTest::newRow("one device") << Kind::Device << u"h1"_s << u"1 device(s)"_s;
        QTest::newRow("devices") << Kind::Device << u"h1 h2"_s << u"2 device(s)"_s;
        QTest::newRow("everyone") << Kind::Broadcast << QString()
                                  << u"every %1 registration"_s.arg(
                                         Nh::formatDisplayName(Nh::Format::Apple));
    }

    void describesTheTarget()
    {
        QFETCH(Kind, kind);
        QFETCH(QString, text);
        QFETCH(QString, description);
        m_picker->setTagExpression(text);
        m_picker->setDeviceHandles(text);
        m_picker->setKind(kind);
        QCOMPARE(m_picker->describe(Nh::Format::Apple), description);
    }

    void focusTagExpressionPicksTags()
    {
        m_picker->focusTagExpression();
        QCOMPARE(m_picker->kind(), Kind::Tags);
    }

    void knownTagsAreOffered()
    {
        m_picker->setKnownTags({u"sports"_s, u"lang:en"_s});
        auto *tags = m_picker->findChild<TagExpressionEdit *>(u"tagExpressionEdit"_s);
        QVERIFY(tags->knownTags().contains(u"sports"_s));
        QVERIFY(tags->knownTags().contains(u"lang:en"_s));
    }

private:
    std::unique_ptr<TargetPicker> m_picker;
};

QTEST_MAIN(TestTargetPicker)
#include "tst_targetpicker.moc"
