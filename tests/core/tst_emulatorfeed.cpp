// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The emulator's registration listings written straight from its compact table
// (emulator/registrationtablefeed.h): a differential test against the protocol's own writer,
// registrationFeedXml() of the materialised registrations with the listing's never-expiring
// ExpirationTime, over randomised registrations (every platform, templates with headers and
// expiry, tags and ids that need escaping, non-ASCII and characters XML cannot carry, dates
// before 1970 and outside years 1..9999, installations, expired ones); then the same through the
// emulator's listings over HTTPS (by tag, by channel, all; $top, continuation, $filter). The
// random cases are seeded: NH_TEST_SEED=<n> repeats a run; a failure prints its seed.

#include "emulator/emulatorstate.h"
#include "emulator/registrationtable.h"
#include "emulator/registrationtablefeed.h"
#include "emulatorfixture.h"
#include "protocol/installation.h"
#include "protocol/registrationfeed.h"

#include <QRandomGenerator>
#include <QTest>
#include <algorithm>
#include <functional>
#include <iterator>

using namespace Qt::Literals::StringLiterals;
using namespace Nh;

namespace {

const QString kV = u"api-version=2020-06"_s;
/** The listing's never-expiring ExpirationTime (emulatorregistrations.cpp, kNeverRead). */
const QByteArray kNeverRead =
    QByteArrayLiteral("<ExpirationTime>9999-12-31T23:59:59.9999999Z</ExpirationTime>");

QByteArray neverWritten()
{
    return "<ExpirationTime>" + hubDateTimeTextWithMs(Registration::neverExpires()).toUtf8()
        + "</ExpirationTime>";
}

/** What the listing answered before it wrote from the table: the protocol writer's feed of the
 *  registrations, the never-expiring element replaced. */
QByteArray expectedFeed(const QList<Registration> &page, const FeedContext &context)
{
    QByteArray xml = registrationFeedXml(page, context);
    xml.replace(neverWritten(), kNeverRead);
    return xml;
}

quint32 testSeed()
{
    bool ok = false;
    const quint32 fixed = qEnvironmentVariable("NH_TEST_SEED").toUInt(&ok);
    return ok ? fixed : QRandomGenerator::global()->generate();
}

/** The first difference of two documents, for a failure message. */
QString firstDifference(const QByteArray &actual, const QByteArray &expected)
{
    qsizetype i = 0;
    while (i < actual.size() && i < expected.size() && actual[i] == expected[i])
        ++i;
    const qsizetype from = qMax<qsizetype>(0, i - 60);
    return u"at byte %1:\n  actual   …%2\n  expected …%3"_s.arg(i).arg(
        QString::fromUtf8(actual.mid(from, 160)), QString::fromUtf8(expected.mid(from, 160)));
}

} // namespace

class TestEmulatorFeed final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void tableFeedIsTheProtocolWritersFeed();
    void listingsAnswerTheProtocolWritersFeed();

private:
    /** A piece of text from fragments that need escaping, non-ASCII ones and plain ones. */
    QString randomText(int maxFragments);
    Registration randomRegistration(bool plainId);
    qint64 randomMs();
    QDateTime randomTime();

    quint32 m_seed = 0;
    QRandomGenerator m_rng;
    QStringList m_templates;
};

void TestEmulatorFeed::init()
{
    m_seed = testSeed();
    m_rng.seed(m_seed);
    // Shared between registrations (and platforms), as the table shares them.
    m_templates = {u"{\"aps\":{\"alert\":\"$(msg)\"}}"_s, u"<toast>$(msg) & <b/></toast>"_s,
                   u"a ]]> b ]]]]> c"_s, u"in CDATA: "_s + QString::fromUtf8(neverWritten()),
                   u"héllo 😀 $(name)"_s};
}

QString TestEmulatorFeed::randomText(int maxFragments)
{
    static const QStringList kFragments {
        u"a"_s,
        u"Z9"_s,
        u":"_s,
        u"-_.@#"_s,
        u"&"_s,
        u"<"_s,
        u">"_s,
        u"\""_s,
        u"'"_s,
        u"\r"_s,
        u"\n"_s,
        u"\t"_s,
        u" "_s,
        u"é"_s,
        u"日本"_s,
        u"😀"_s,
        u"%2B"_s,
        u"]]>"_s,
        QString(QChar(0x01)),
        QString(QChar(0xFFFE)),
        QString(QChar(0xD800)), // a lone surrogate: stored as UTF-8, it reads back replaced
    };
    QString text;
    const int n = int(m_rng.bounded(maxFragments + 1));
    for (int i = 0; i < n; ++i)
        text += kFragments.at(int(m_rng.bounded(kFragments.size())));
    return text;
}

qint64 TestEmulatorFeed::randomMs()
{
    // Before 1970, around now, the edges of years 1 and 9999, and outside them.
    static const qint64 kEdges[] = {
        -62135596800000, -62135596800001, 253402300799999, 253402300800000, -1, 0,
        951782400000 /* 2000-02-29 */};
    if (m_rng.bounded(4) == 0)
        return kEdges[m_rng.bounded(int(std::size(kEdges)))];
    return -70000000000000 + qint64(m_rng.bounded(330000000000000.0));
}

QDateTime TestEmulatorFeed::randomTime()
{
    if (m_rng.bounded(5) == 0)
        return {};
    return QDateTime::fromMSecsSinceEpoch(randomMs(), Qt::UTC);
}

Registration TestEmulatorFeed::randomRegistration(bool plainId)
{
    Registration r;
    r.platform = Platform(m_rng.bounded(kPlatformCount));
    r.isTemplate = m_rng.bounded(3) == 0;
    r.registrationId = QString::number(m_rng.bounded(1000000)) + u'-'
        + QString::number(m_rng.bounded(1000)) + u'-' + QString::number(m_rng.bounded(1, 10));
    if (!plainId && m_rng.bounded(4) == 0)
        r.registrationId += randomText(3);
    r.handle = u"h"_s + QString::number(m_rng.bounded(30)) + randomText(2);
    r.etag = m_rng.bounded(4) == 0 ? 0 : 1 + qint64(m_rng.bounded(1e12));
    switch (m_rng.bounded(4)) {
    case 0:
        r.expirationTime = QDateTime();
        break;
    case 1:
        r.expirationTime = randomTime(); // often in the past: expired
        break;
    default:
        r.expirationTime = Registration::neverExpires();
        break;
    }
    const int tags = int(m_rng.bounded(6));
    for (int i = 0; i < tags; ++i)
        r.tags << (m_rng.bounded(2) ? u"tag"_s + QString::number(m_rng.bounded(5)) : randomText(4));
    if (m_rng.bounded(6) == 0)
        r.pushVariables = u"{\"v\":\""_s + randomText(3) + u"\"}"_s;
    if ((r.platform == Platform::Windows || r.platform == Platform::WindowsPhone)
        && m_rng.bounded(2))
        r.secondaryTileName = randomText(3);
    if (r.platform == Platform::Baidu && m_rng.bounded(3))
        r.baiduUserId = u"user-"_s + randomText(2);
    if (r.platform == Platform::Browser) {
        r.p256dh = u"B"_s + randomText(2);
        r.auth = m_rng.bounded(4) ? u"auth"_s + QString::number(m_rng.bounded(3)) : QString();
    }
    if (r.isTemplate) {
        r.bodyTemplate = m_templates.at(int(m_rng.bounded(m_templates.size())));
        r.templateName = m_rng.bounded(3) ? u"greeting"_s : randomText(2);
        if (m_rng.bounded(3) == 0)
            r.expiry = u"$(expiry)"_s;
        if (m_rng.bounded(4) == 0)
            r.priority = u"10"_s;
        const int headers = int(m_rng.bounded(3));
        for (int i = 0; i < headers; ++i)
            r.headers.append({u"X-WNS-Type"_s, u"wns/"_s + randomText(2)});
    }
    r.published = randomTime();
    r.updated = m_rng.bounded(2) ? r.published : randomTime();
    return r;
}

void TestEmulatorFeed::tableFeedIsTheProtocolWritersFeed()
{
    RegistrationTable table;
    for (int i = 0; i < 400; ++i) {
        const Registration r = randomRegistration(false);
        // Some implied by an installation, as the installation's registrations are.
        table.put(
            r, m_rng.bounded(5) == 0 ? u"inst-"_s + QString::number(m_rng.bounded(4)) : QString());
        if (i % 37 == 36) // replaced and removed ones leave reused slots behind
            table.erase(r.registrationId);
    }
    std::vector<RegistrationTable::Slot> all;
    auto cursor = table.all({});
    while (const auto slot = cursor.next())
        all.push_back(*slot);
    QVERIFY(all.size() > 300);

    static const QStringList kBases {u"https://127.0.0.1:5443/myHub"_s,
                                     u"https://host/hub&<x>\"/"_s, u"https://hôte/h"_s};
    static const QStringList kCollections {u"resources"_s, u"tags/a&b/registrations"_s};
    static const QStringList kQueries {
        u"api-version=2020-06&$top=10"_s, QString(),
        u"api-version=2020-06&$filter=ChannelUri%20eq%20'a%26b'&continuationtoken=MzE%3D"_s,
        u"a=<b>&c=\"d\"&é=1"_s};
    for (int round = 0; round < 300; ++round) {
        QList<RegistrationTable::Slot> page;
        QList<Registration> registrations;
        const std::size_t first = m_rng.bounded(quint32(all.size()));
        const int size = round < 5 ? 0 : int(m_rng.bounded(25));
        for (std::size_t i = first; i < all.size() && page.size() < size; ++i) {
            if (m_rng.bounded(3) == 0)
                continue; // a page of a by-tag or filtered listing skips some
            page.append(all[i]);
            registrations.append(table.registration(all[i]));
        }
        FeedContext context;
        context.baseUrl = kBases.at(int(m_rng.bounded(kBases.size())));
        context.collectionPath = kCollections.at(int(m_rng.bounded(kCollections.size())));
        context.query = kQueries.at(int(m_rng.bounded(kQueries.size())));
        context.updated = m_rng.bounded(6)
            ? QDateTime::fromMSecsSinceEpoch(qint64(m_rng.bounded(2e12)), Qt::UTC)
            : QDateTime();
        if (m_rng.bounded(2) && !page.isEmpty())
            context.continuationToken = table.idBytes(page.constLast()).toBase64();

        const QByteArray actual = registrationTableFeedXml(table, page, context, kNeverRead);
        const QByteArray expected = expectedFeed(registrations, context);
        QVERIFY2(actual == expected,
                 qPrintable(u"round %1, seed %2, %3"_s.arg(round).arg(m_seed).arg(
                     firstDifference(actual, expected))));
    }
}

void TestEmulatorFeed::listingsAnswerTheProtocolWritersFeed()
{
    EmulatorFixture f;
    QVERIFY(f.start());
    EmulatorState &state = f.emulator.state();
    EmulatorHub *hub = state.hub(f.hub());
    QVERIFY(hub);
    static const QStringList kListed {u"Many"_s, u"few"_s, u"user:1"_s};
    for (int i = 0; i < 150; ++i) {
        Registration r = randomRegistration(true);
        r.registrationId = EmulatorState::newRegistrationId();
        // Listed tags (in any case) besides the random ones, which need escaping in the answer.
        if (m_rng.bounded(3))
            r.tags.prepend(m_rng.bounded(2) ? u"Many"_s : u"mAnY"_s);
        if (m_rng.bounded(5) == 0)
            r.tags.append(kListed.at(1 + int(m_rng.bounded(2))));
        r.handle = u"shared-"_s + QString::number(m_rng.bounded(4));
        state.putRegistration(*hub, r);
    }
    for (int i = 0; i < 3; ++i) {
        Installation inst;
        inst.installationId = u"inst-"_s + QString::number(i);
        inst.platform = Platform::Apple;
        inst.pushChannel = u"shared-1"_s;
        inst.tags = {u"Many"_s, u"x&y"_s};
        state.putInstallation(*hub, inst);
    }

    // Every registration, materialised, in id order: what the brute force selects from.
    QList<Registration> all;
    for (const auto &[id, r] : hub->registrations)
        all << r;

    struct Listing
    {
        QString path; ///< before the query
        QString filter; ///< the $filter, percent-encoded, or empty
        std::function<bool(const Registration &)> selects;
    };
    const auto hasTag = [](const QString &tag) {
        return [tag](const Registration &r) {
            return std::any_of(r.tags.cbegin(), r.tags.cend(), [&](const QString &t) {
                return t.compare(tag, Qt::CaseInsensitive) == 0;
            });
        };
    };
    const QString base = u"/"_s + f.hub();
    const QList<Listing> listings {
        {base + u"/tags/many/registrations"_s, {}, hasTag(u"many"_s)},
        {base + u"/tags/few/registrations"_s, {}, hasTag(u"few"_s)},
        {base + u"/tags/user:1/registrations"_s, {}, hasTag(u"user:1"_s)},
        {base + u"/tags/absent/registrations"_s, {}, hasTag(u"absent"_s)},
        {base + u"/registrations"_s,
         {},
         [](const Registration &) {
             return true;
         }},
        {base + u"/registrations"_s, u"ChannelUri%20eq%20'SHARED-1'"_s,
         [](const Registration &r) {
             return r.handle.compare(u"shared-1"_s, Qt::CaseInsensitive) == 0;
         }},
        {base + u"/registrations"_s, u"DeviceToken%20eq%20'shared-2'"_s,
         [](const Registration &r) {
             return r.platform == Platform::Apple
                 && r.handle.compare(u"shared-2"_s, Qt::CaseInsensitive) == 0;
         }},
        {base + u"/registrations"_s, u"Auth%20eq%20'auth1'"_s,
         [](const Registration &r) {
             return r.platform == Platform::Browser && r.auth == u"auth1";
         }},
    };
    const auto between = [](const QByteArray &body, QByteArrayView open, QByteArrayView close) {
        const qsizetype from = body.indexOf(open) + open.size();
        return body.mid(from, body.indexOf(close, from) - from);
    };
    for (const Listing &listing : listings) {
        QList<Registration> selected;
        std::copy_if(all.cbegin(), all.cend(), std::back_inserter(selected), listing.selects);
        for (const int top : {1, 7, 100}) {
            const QString where =
                u"%1 %2 $top=%3 (seed %4)"_s.arg(listing.path, listing.filter).arg(top).arg(m_seed);
            QByteArray token;
            qsizetype at = 0; // selected[at] is the first of the next page
            for (int pages = 0; pages < 200; ++pages) {
                EmulatorFixture::Call c;
                c.pathAndQuery = listing.path + u'?' + kV
                    + (top != 100 ? u"&$top="_s + QString::number(top) : QString())
                    + (listing.filter.isEmpty() ? QString() : u"&$filter="_s + listing.filter)
                    + (token.isEmpty() ? QString()
                                       : u"&continuationtoken="_s + QString::fromLatin1(token));
                const auto r = f.call(c);
                QVERIFY2(r.status == 200, qPrintable(u"status %1: "_s.arg(r.status) + where));

                // The answer's head names what the listing's context was: where and when.
                const QString self =
                    QString::fromUtf8(between(r.body, "<id>", "</id>")).replace(u"&amp;"_s, u"&"_s);
                const qsizetype resources = self.indexOf(u"/resources"_s);
                QVERIFY2(resources > 0, qPrintable(self + where));
                FeedContext context;
                context.baseUrl = self.left(resources);
                context.collectionPath = u"resources"_s;
                context.query = self.mid(resources + 11);
                context.updated =
                    parseHubDateTime(QString::fromUtf8(between(r.body, "<updated>", "</updated>")))
                        .value_or(QDateTime());
                QVERIFY(context.updated.isValid());

                const QList<Registration> page = selected.mid(at, top);
                at += page.size();
                const bool more = at < selected.size();
                if (more)
                    context.continuationToken = page.constLast().registrationId.toUtf8().toBase64();
                const QByteArray expected = expectedFeed(page, context);
                QVERIFY2(r.body == expected,
                         qPrintable(where + u", page %1: "_s.arg(pages)
                                    + firstDifference(r.body, expected)));
                token = r.header("x-ms-continuationtoken");
                QCOMPARE(token,
                         more ? encodeContinuationToken(context.continuationToken) : QByteArray());
                if (!more)
                    break;
            }
            QCOMPARE(at, selected.size());
        }
    }
}

QTEST_GUILESS_MAIN(TestEmulatorFeed)
#include "tst_emulatorfeed.moc"
