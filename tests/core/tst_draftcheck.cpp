// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/draftcheck.h"
#include "protocol/payloadbuilder.h"
#include "protocol/tagexpression.h"

#include <QTest>
#include <climits>

// No raw string literals in this file: moc (6.4) lexes R"(…)" as ordinary strings, and the
// quotes and braces of JSON inside them make it lose the slots that follow.

using namespace Qt::Literals::StringLiterals;
using Nh::DraftNote;
using Nh::Format;
using Nh::HttpHeaders;
using Tone = Nh::DraftNote::Tone;

Q_DECLARE_METATYPE(Nh::Format)
Q_DECLARE_METATYPE(Nh::Target)
Q_DECLARE_METATYPE(Nh::DraftNote::Tone)

namespace {

/** Seconds from kNow of the schedule time; kNoSchedule sends at once. */
constexpr int kNoSchedule = INT_MIN;
const QDateTime kNow(QDate(2026, 3, 1), QTime(8, 0), Qt::UTC);

QByteArray appleBody()
{
    return Nh::payloadBuilder(Format::Apple).defaultBody();
}

QByteArray templateBody()
{
    return "{\"title\":\"Hello\"}"_ba;
}

Nh::Draft draft(Format format, const QByteArray &payload, const HttpHeaders &headers,
                const Nh::Target &target, int scheduleSecs, bool test)
{
    Nh::Draft d;
    d.format = format;
    d.payload = payload;
    d.customHeaders = headers;
    d.target = target;
    if (scheduleSecs != kNoSchedule)
        d.scheduleTime = kNow.addSecs(scheduleSecs);
    d.test = test;
    return d;
}

QString validNote(Format format, qsizetype bytes)
{
    return QCoreApplication::translate("Nh::DraftCheck", "Valid %1 payload, %n byte(s).", nullptr,
                                       int(bytes))
        .arg(Nh::formatDisplayName(format));
}

} // namespace

class Tst_draftcheck : public QObject
{
    Q_OBJECT

private slots:
    void checkDraft_data()
    {
        QTest::addColumn<Format>("format");
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<HttpHeaders>("headers");
        QTest::addColumn<Nh::Target>("target");
        QTest::addColumn<int>("scheduleSecs");
        QTest::addColumn<QString>("refusal"); ///< a part of it; empty: can be sent
        QTest::addColumn<Tone>("payloadTone");
        QTest::addColumn<Tone>("headersTone");
        QTest::addColumn<Tone>("targetTone");
        QTest::addColumn<Tone>("scheduleTone");
        QTest::addColumn<bool>("testPossible");

        const HttpHeaders none;
        const auto broadcast = Nh::Target::broadcast();
        QTest::newRow("apple broadcast")
            << Format::Apple << appleBody() << none << broadcast << kNoSchedule << QString()
            << Tone::Success << Tone::None << Tone::None << Tone::None << true;
        QTest::newRow("broken JSON")
            << Format::Apple << "{\"aps\":"_ba << none << broadcast << kNoSchedule << u"Apple"_s
            << Tone::Failure << Tone::None << Tone::None << Tone::None << true;
        QTest::newRow("empty payload")
            << Format::Apple << " "_ba << none << broadcast << kNoSchedule << u"is empty"_s
            << Tone::Failure << Tone::None << Tone::None << Tone::None << true;
        QTest::newRow("reserved header")
            << Format::Apple << appleBody() << HttpHeaders {{"Authorization", "x"}} << broadcast
            << kNoSchedule
            << u"The header Authorization is set by nhconsole from the target, schedule and "
               "connection; remove it from the platform headers"_s
            << Tone::Failure << Tone::Failure << Tone::None << Tone::None << true;
        QTest::newRow("header without value")
            << Format::Apple << appleBody() << HttpHeaders {{"apns-topic", " "}} << broadcast
            << kNoSchedule << u"The header apns-topic has no value"_s << Tone::Failure
            << Tone::Failure << Tone::None << Tone::None << true;
        QTest::newRow("tags") << Format::Template << templateBody() << none
                              << Nh::Target::tags(u"a || b"_s) << kNoSchedule << QString()
                              << Tone::Success << Tone::None << Tone::Success << Tone::None << true;
        QTest::newRow("empty tag expression")
            << Format::Template << templateBody() << none << Nh::Target::tags(u"  "_s)
            << kNoSchedule
            << u"The tag expression is empty; choose a broadcast to reach every registration"_s
            << Tone::Success << Tone::None << Tone::Failure << Tone::None << true;
        QTest::newRow("tag syntax error")
            << Format::Template << templateBody() << none << Nh::Target::tags(u"sports &&"_s)
            << kNoSchedule << u"position"_s << Tone::Success << Tone::None << Tone::Failure
            << Tone::None << true;
        QTest::newRow("the payload is refused before the target")
            << Format::Apple << "{"_ba << none << Nh::Target::tags(QString()) << kNoSchedule
            << u"Apple"_s << Tone::Failure << Tone::None << Tone::Failure << Tone::None << true;
        QTest::newRow("no device handle")
            << Format::Apple << appleBody() << none << Nh::Target::devices({}) << kNoSchedule
            << u"Enter the device handle to send to."_s << Tone::Success << Tone::None << Tone::None
            << Tone::None << false;
        QTest::newRow("one device")
            << Format::Apple << appleBody() << none << Nh::Target::device(u"ab12"_s) << kNoSchedule
            << QString() << Tone::Success << Tone::None << Tone::None << Tone::None << false;
        QTest::newRow("a batch") << Format::Apple << appleBody() << none
                                 << Nh::Target::devices({u"ab12"_s, u"cd34"_s}) << kNoSchedule
                                 << QString() << Tone::Success << Tone::None << Tone::None
                                 << Tone::None << false;
        QTest::newRow("template to a device")
            << Format::Template << templateBody() << none << Nh::Target::device(u"ab12"_s)
            << kNoSchedule << u"A template notification cannot be sent to a device handle"_s
            << Tone::Success << Tone::None << Tone::None << Tone::None << false;
        QTest::newRow("browser device without keys")
            << Format::Browser << Nh::payloadBuilder(Format::Browser).defaultBody() << none
            << Nh::Target::device(u"https://push.example/x"_s) << kNoSchedule
            << u"A browser direct send needs the subscription's P256DH key"_s << Tone::Success
            << Tone::None << Tone::None << Tone::None << false;
        QTest::newRow("scheduled in an hour")
            << Format::Template << templateBody() << none << broadcast << 3600 << QString()
            << Tone::Success << Tone::None << Tone::None << Tone::None << false;
        QTest::newRow("scheduled in the past")
            << Format::Template << templateBody() << none << broadcast << -60
            << u"The schedule time 2026-03-01T07:59:00 UTC is in the past (now "
               "2026-03-01T08:00:00 UTC)"_s
            << Tone::Success << Tone::None << Tone::None << Tone::Failure << false;
        QTest::newRow("scheduled too far ahead")
            << Format::Template << templateBody() << none << broadcast << 8 * 24 * 3600
            << u"is more than 7 days ahead"_s << Tone::Success << Tone::None << Tone::None
            << Tone::Failure << false;
        QTest::newRow("scheduled direct send")
            << Format::Apple << appleBody() << none << Nh::Target::device(u"ab12"_s) << 3600
            << u"the hub cannot schedule a direct send"_s << Tone::Success << Tone::None
            << Tone::None << Tone::Failure << false;
    }

    void checkDraft()
    {
        QFETCH(Format, format);
        QFETCH(QByteArray, payload);
        QFETCH(HttpHeaders, headers);
        QFETCH(Nh::Target, target);
        QFETCH(int, scheduleSecs);
        QFETCH(QString, refusal);
        QFETCH(Tone, payloadTone);
        QFETCH(Tone, headersTone);
        QFETCH(Tone, targetTone);
        QFETCH(Tone, scheduleTone);
        QFETCH(bool, testPossible);

        const Nh::Draft d = draft(format, payload, headers, target, scheduleSecs, true);
        const Nh::DraftCheck check = Nh::checkDraft(d, kNow);
        if (refusal.isEmpty()) {
            QVERIFY2(check.canSend(), qPrintable(check.refusal));
            QVERIFY(check.prepared.has_value());
            QCOMPARE(check.sendHeaders, check.prepared->headers);
        } else {
            QVERIFY(!check.canSend());
            QVERIFY2(check.refusal.contains(refusal), qPrintable(check.refusal));
            QVERIFY(!check.prepared.has_value());
        }
        QCOMPARE(check.payload.tone, payloadTone);
        QCOMPARE(check.headers.tone, headersTone);
        QCOMPARE(check.target.tone, targetTone);
        QCOMPARE(check.schedule.tone, scheduleTone);
        // A failing field's note is its error, and an error is the refusal only if it is first.
        for (const DraftNote *note :
             {&check.payload, &check.headers, &check.target, &check.schedule}) {
            QCOMPARE(note->error.has_value(), note->tone == Tone::Failure);
            if (note->error)
                QCOMPARE(note->text, note->error->message);
        }
        QCOMPARE(check.testPossible, testPossible);
        QCOMPARE(check.test, testPossible);
        QCOMPARE(
            Nh::checkDraft(draft(format, payload, headers, target, scheduleSecs, false), kNow).test,
            false);
    }

    void preparesAsHubClientDoes_data()
    {
        QTest::addColumn<Format>("format");
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<Nh::Target>("target");
        QTest::addColumn<int>("scheduleSecs");
        QTest::newRow("broadcast")
            << Format::Apple << appleBody() << Nh::Target::broadcast() << kNoSchedule;
        QTest::newRow("tags") << Format::Template << templateBody()
                              << Nh::Target::tags(u" a && b "_s) << kNoSchedule;
        QTest::newRow("device") << Format::Apple << appleBody() << Nh::Target::device(u"ab"_s)
                                << kNoSchedule;
        QTest::newRow("batch") << Format::Apple << appleBody()
                               << Nh::Target::devices({u"ab"_s, u"cd"_s}) << kNoSchedule;
        QTest::newRow("scheduled")
            << Format::Template << templateBody() << Nh::Target::broadcast() << 600;
    }

    void preparesAsHubClientDoes()
    {
        QFETCH(Format, format);
        QFETCH(QByteArray, payload);
        QFETCH(Nh::Target, target);
        QFETCH(int, scheduleSecs);
        const Nh::Draft d = draft(format, payload, {}, target, scheduleSecs, false);
        const Nh::DraftCheck check = Nh::checkDraft(d, kNow);
        const auto prepared = Nh::prepareSend(d.notification(), kNow);
        QVERIFY2(prepared.ok(), qPrintable(prepared.ok() ? QString() : prepared.error().message));
        QVERIFY(check.prepared.has_value());
        QCOMPARE(check.prepared->path, prepared->path);
        QCOMPARE(check.prepared->queryFlags, prepared->queryFlags);
        QCOMPARE(check.prepared->headers, prepared->headers);
        QCOMPARE(check.prepared->body, prepared->body);
    }

    void invalidDraftShowsWhatIsKnown()
    {
        // A broken body still has a format and a Content-Type to show.
        const Nh::Draft d =
            draft(Format::Apple, "{"_ba, {}, Nh::Target::broadcast(), kNoSchedule, false);
        const Nh::DraftCheck check = Nh::checkDraft(d, kNow);
        QVERIFY(!check.canSend());
        QVERIFY(check.sendHeaders.size() >= 2);
        QCOMPARE(check.sendHeaders.at(0).first, "ServiceBusNotification-Format"_ba);
        QCOMPARE(check.sendHeaders.at(0).second, "apple"_ba);
        QCOMPARE(check.sendHeaders.at(1).first, "Content-Type"_ba);
        QVERIFY(check.payload.error.has_value());
        QVERIFY(check.payload.error->isLocated());
    }

    void notes()
    {
        Nh::Draft d =
            draft(Format::Apple, appleBody(), {}, Nh::Target::broadcast(), kNoSchedule, false);
        QCOMPARE(Nh::checkDraft(d, kNow).payload.text, validNote(Format::Apple, d.payload.size()));

        d.format = Format::Template;
        d.payload = templateBody();
        d.target = Nh::Target::tags(u"a||b"_s);
        QString text = Nh::checkDraft(d, kNow).target.text;
        QVERIFY2(text.startsWith(u"Reads as <tt>a || b</tt> · 2 of %1 tags"_s.arg(
                     Nh::TagExpression::kMaxTagsOrOnly)),
                 qPrintable(text));
        d.target = Nh::Target::tags(u"a && !b"_s);
        text = Nh::checkDraft(d, kNow).target.text;
        QVERIFY2(text.contains(u"of %1 tags"_s.arg(Nh::TagExpression::kMaxTags)), qPrintable(text));

        // The tag error keeps its place in the expression for the editor to mark.
        d.target = Nh::Target::tags(u"sports && )"_s);
        const Nh::DraftCheck broken = Nh::checkDraft(d, kNow);
        QVERIFY(broken.target.error.has_value());
        QVERIFY(broken.target.error->offset >= 0);
        QCOMPARE(broken.refusal, broken.target.text);
    }

    void payloadWarningIsANote()
    {
        // APNs refuses more than 4 KB; the hub takes it: a warning, and the draft can be sent.
        const QByteArray body = "{\"aps\":{\"alert\":\""_ba + QByteArray(5000, 'x') + "\"}}"_ba;
        const Nh::DraftCheck check = Nh::checkDraft(
            draft(Format::Apple, body, {}, Nh::Target::broadcast(), kNoSchedule, false), kNow);
        QVERIFY2(check.canSend(), qPrintable(check.refusal));
        QCOMPARE(check.payload.tone, Tone::Warning);
        QVERIFY(!check.payload.text.isEmpty());
        QVERIFY(!check.payload.error.has_value());
    }

    void draftNotification()
    {
        const Nh::Draft d = draft(Format::Apple, appleBody(), {{"apns-topic", "t"}},
                                  Nh::Target::tags(u"x"_s), 60, true);
        const Nh::Notification n = d.notification();
        QCOMPARE(n.format, Format::Apple);
        QCOMPARE(n.body, appleBody());
        QCOMPARE(n.headers, d.customHeaders);
        QCOMPARE(n.target.kind, Nh::TargetKind::Tags);
        QCOMPARE(n.target.tagExpression, u"x"_s);
        QCOMPARE(n.scheduleTime.value(), kNow.addSecs(60));
    }
};

QTEST_GUILESS_MAIN(Tst_draftcheck)
#include "tst_draftcheck.moc"
