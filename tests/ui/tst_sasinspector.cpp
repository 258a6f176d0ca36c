// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// SasInspector on its own, over a client with a fixed connection: the decoded token (resource,
// rule, expiry), the signature redacted until Reveal, never the key, the countdown's wording,
// regenerate for another lifetime, and a profile without a key.

#include "client/hubclient.h"
#include "protocol/connectionstring.h"
#include "sasinspector.h"
#include "uitestsupport.h"

#include <QCheckBox>
#include <QClipboard>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSpinBox>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

const QString kKey = u"c2VjcmV0LWtleS1vZi10aGUtaHVi"_s;

} // namespace

class TestSasInspector final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void decodesTheCurrentToken();
    void revealShowsSignatureAndAllowsCopy();
    void countdown_data();
    void countdown();
    void regenerateUsesTheLifetime();
    void noKeyNoToken();

private:
    QNetworkAccessManager m_nam;
    std::unique_ptr<Nh::HubClient> m_client;
};

void TestSasInspector::init()
{
    m_client = std::make_unique<Nh::HubClient>(&m_nam);
    Nh::HubConnection c;
    c.connectionString = Nh::ConnectionString::fromParts(
        u"contoso.servicebus.windows.net"_s, -1, u"DefaultFullSharedAccessSignature"_s, kKey);
    c.hub = u"Orders"_s;
    m_client->setConnection(c);
}

void TestSasInspector::decodesTheCurrentToken()
{
    SasInspector inspector(m_client.get());
    inspector.show();
    const Nh::Sas::DecodedToken &t = inspector.token();
    // The canonical audience: https, the hub lower-cased, no query.
    QCOMPARE(t.resource, u"https://contoso.servicebus.windows.net/orders"_s);
    QCOMPARE(t.keyName, u"DefaultFullSharedAccessSignature"_s);
    const qint64 left = t.secondsLeft(QDateTime::currentDateTimeUtc());
    QVERIFY2(left > 3590 && left <= 3600, qPrintable(QString::number(left)));
    QCOMPARE(inspector.findChild<QLabel *>(u"sasResource"_s)->text(), t.resource);
    QCOMPARE(inspector.findChild<QLabel *>(u"sasRule"_s)->text(), t.keyName);
    QVERIFY2(inspector.findChild<QLabel *>(u"sasExpiry"_s)
                 ->text()
                 .startsWith(t.expiresAt().toString(u"yyyy-MM-dd HH:mm:ss"_s)),
             qPrintable(inspector.findChild<QLabel *>(u"sasExpiry"_s)->text()));
    // Redacted by default; the key never shows.
    QCOMPARE(inspector.findChild<QLineEdit *>(u"sasSignature"_s)->text(), u"[redacted]"_s);
    const QString header = inspector.findChild<QLineEdit *>(u"sasHeader"_s)->text();
    QVERIFY2(header.contains(u"sig=[redacted]&"_s), qPrintable(header));
    // Its start shows ("SharedAccessSignature sr=…"), the whole on hover.
    QVERIFY(header.startsWith(u"SharedAccessSignature sr="_s));
    QCOMPARE(inspector.findChild<QLineEdit *>(u"sasHeader"_s)->cursorPosition(), 0);
    QCOMPARE(inspector.findChild<QLineEdit *>(u"sasHeader"_s)->toolTip(), header);
    QVERIFY(!header.contains(t.rawSig));
    QVERIFY(!UiTest::visibleText(&inspector).contains(kKey));
    QVERIFY(!header.contains(kKey));
    QVERIFY(!inspector.findChild<QPushButton *>(u"sasCopy"_s)->isEnabled());
}

void TestSasInspector::revealShowsSignatureAndAllowsCopy()
{
    SasInspector inspector(m_client.get());
    inspector.findChild<QCheckBox *>(u"sasReveal"_s)->setChecked(true);
    QVERIFY(inspector.isRevealed());
    QCOMPARE(inspector.findChild<QLineEdit *>(u"sasSignature"_s)->text(),
             inspector.token().signature);
    QVERIFY(inspector.shownAuthorization().contains(inspector.token().rawSig));
    auto *copy = inspector.findChild<QPushButton *>(u"sasCopy"_s);
    QVERIFY(copy->isEnabled());
    copy->click();
    QCOMPARE(QGuiApplication::clipboard()->text(), inspector.shownAuthorization());
    // Another profile (refresh) hides it again.
    inspector.refresh();
    QVERIFY(!inspector.isRevealed());
    QCOMPARE(inspector.findChild<QLineEdit *>(u"sasSignature"_s)->text(), u"[redacted]"_s);
}

void TestSasInspector::countdown_data()
{
    QTest::addColumn<int>("offset");
    QTest::addColumn<QString>("text");
    QTest::newRow("an hour") << -3600 << u"expires in 1:00:00"_s;
    QTest::newRow("a minute and a second") << -61 << u"expires in 01:01"_s;
    QTest::newRow("now") << 0 << u"expires in 00:00"_s;
    QTest::newRow("expired") << 3 << u"expired 00:03 ago"_s;
    QTest::newRow("long expired") << 7322 << u"expired 2:02:02 ago"_s;
}

void TestSasInspector::countdown()
{
    QFETCH(int, offset);
    QFETCH(QString, text);
    SasInspector inspector(m_client.get());
    const QDateTime expiry = inspector.token().expiresAt();
    QCOMPARE(inspector.countdownText(expiry.addSecs(offset)), text);
}

void TestSasInspector::regenerateUsesTheLifetime()
{
    SasInspector inspector(m_client.get());
    inspector.findChild<QSpinBox *>(u"sasLifetime"_s)->setValue(5);
    inspector.findChild<QPushButton *>(u"sasRegenerate"_s)->click();
    const qint64 left = inspector.token().secondsLeft(QDateTime::currentDateTimeUtc());
    QVERIFY2(left > 290 && left <= 300, qPrintable(QString::number(left)));
    QVERIFY2(inspector.findChild<QLabel *>(u"sasCountdown"_s)->text().startsWith(u"expires in 0"_s),
             qPrintable(inspector.findChild<QLabel *>(u"sasCountdown"_s)->text()));
}

void TestSasInspector::noKeyNoToken()
{
    Nh::HubConnection c = m_client->connection();
    c.connectionString = Nh::ConnectionString::fromParts(u"contoso.servicebus.windows.net"_s, -1,
                                                         u"Listen"_s, QString());
    m_client->setConnection(c);
    SasInspector inspector(m_client.get());
    inspector.show();
    QCOMPARE(inspector.token().expiry, 0);
    auto *problem = inspector.findChild<QLabel *>(u"sasProblem"_s);
    QVERIFY(problem->isVisible());
    QVERIFY2(problem->text().contains(u"no key"_s), qPrintable(problem->text()));
    QVERIFY(inspector.findChild<QLabel *>(u"sasCountdown"_s)->text().isEmpty());
    QVERIFY(inspector.findChild<QLineEdit *>(u"sasHeader"_s)->text().isEmpty());
}

QTEST_MAIN(TestSasInspector)
#include "tst_sasinspector.moc"
