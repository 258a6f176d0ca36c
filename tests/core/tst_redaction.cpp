// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/redaction.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Nh;

class TestRedaction final : public QObject
{
    Q_OBJECT

private slots:
    void text_data();
    void text();
    void bytesKeepNonUtf8();
    void headers();
    void revealShowsEverything();
};

void TestRedaction::text_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");

    QTest::newRow("connection string")
        << u"Endpoint=sb://x.net/;SharedAccessKeyName=Full;SharedAccessKey=abc+/=="_s
        << u"Endpoint=sb://x.net/;SharedAccessKeyName=Full;SharedAccessKey=[redacted]"_s;
    QTest::newRow("key not last, lower case") << u"sharedaccesskey=abc=;Endpoint=sb://x/"_s
                                              << u"sharedaccesskey=[redacted];Endpoint=sb://x/"_s;
    QTest::newRow("SAS token keeps sr, se, skn")
        << u"SharedAccessSignature sr=https%3a%2f%2fx%2fhub&sig=dn0b%2F%3D&se=17&skn=Full"_s
        << u"SharedAccessSignature sr=https%3a%2f%2fx%2fhub&sig=[redacted]&se=17&skn=Full"_s;
    QTest::newRow("seed order, sig first")
        << u"SharedAccessSignature sig=a/b%3D&se=1&skn=r&sr=x"_s
        << u"SharedAccessSignature sig=[redacted]&se=1&skn=r&sr=x"_s;
    QTest::newRow("blob SAS URL") << u"https://blob/c?sv=2020&sig=Zm9v%2B&se=2026"_s
                                  << u"https://blob/c?sv=2020&sig=[redacted]&se=2026"_s;
    QTest::newRow("upper-case SIG") << u"?SIG=abc"_s << u"?SIG=[redacted]"_s;
    QTest::newRow("inside XML") << u"<Uri>https://b/c?sig=abc</Uri>"_s
                                << u"<Uri>https://b/c?sig=[redacted]</Uri>"_s;
    QTest::newRow("in JSON quotes")
        << u"{\"cs\":\"SharedAccessKey=abc\"}"_s << u"{\"cs\":\"SharedAccessKey=[redacted]\"}"_s;
    QTest::newRow("two secrets") << u"sig=a&x=1 SharedAccessKey=b;"_s
                                 << u"sig=[redacted]&x=1 SharedAccessKey=[redacted];"_s;
    QTest::newRow("not a sig parameter") << u"xsig=abc&design=1"_s << u"xsig=abc&design=1"_s;
    QTest::newRow("empty value untouched") << u"sig=&se=1"_s << u"sig=&se=1"_s;
    QTest::newRow("nothing secret")
        << u"ServiceBusNotification-Tags: sports"_s << u"ServiceBusNotification-Tags: sports"_s;
    // The bytes are scanned eight at a time: a secret, and a character that is not ASCII, at
    // each place of a word.
    for (int at = 0; at < 17; ++at) {
        const QString before = QString(at, u'x') + u"<a b=\"c\">"_s;
        QTest::addRow("sig after %d", at)
            << before + u"?sig=abc&se=1"_s << before + u"?sig=[redacted]&se=1"_s;
        QTest::addRow("key after %d", at)
            << before + u";SharedAccessKey=abc;"_s << before + u";SharedAccessKey=[redacted];"_s;
        QTest::addRow("é and sig after %d", at)
            << before + u"é?sig=abc"_s << before + u"é?sig=[redacted]"_s;
    }
}

void TestRedaction::text()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(redactSecrets(input), expected);
    QCOMPARE(redactSecrets(input.toUtf8()), expected.toUtf8());
}

void TestRedaction::bytesKeepNonUtf8()
{
    const QByteArray latin1 = "caf\xe9 <toast/>";
    QCOMPARE(redactSecrets(latin1), latin1);
}

void TestRedaction::headers()
{
    const HttpHeaders in {
        {"Content-Type"_ba, "application/json"_ba},
        {"Authorization"_ba, "SharedAccessSignature sr=x&sig=c2VjcmV0&se=1&skn=Full"_ba},
        {"proxy-authorization"_ba, "Basic dXNlcjpwYXNz"_ba},
        {"X-Debug"_ba, "Endpoint=sb://x/;SharedAccessKey=abc"_ba},
        {"ServiceBusNotification-Tags"_ba, "a || b"_ba},
    };
    const HttpHeaders out = redactHeaders(in);
    QCOMPARE(out.size(), in.size());
    QCOMPARE(out[0], in[0]);
    QCOMPARE(out[1].second, "SharedAccessSignature sr=x&sig=[redacted]&se=1&skn=Full"_ba);
    QCOMPARE(out[2].first, "proxy-authorization"_ba);
    QCOMPARE(out[2].second, "[redacted]"_ba);
    QCOMPARE(out[3].second, "Endpoint=sb://x/;SharedAccessKey=[redacted]"_ba);
    QCOMPARE(out[4], in[4]);
    for (const auto &h : out) {
        QVERIFY(!h.second.contains("c2VjcmV0"));
        QVERIFY(!h.second.contains("dXNlcjpwYXNz"));
    }
    // Redacting what is already redacted changes nothing (history stores redacted headers, and
    // views redact what they show again).
    QCOMPARE(redactHeaders(out), out);
    // …but the mark alone does not make a secret header safe to show.
    const HttpHeaders marked {{"Authorization"_ba, "Basic dXNlcjpwYXNz [redacted]"_ba}};
    QCOMPARE(redactHeaders(marked).at(0).second, "[redacted]"_ba);
    QVERIFY(isSecretHeader("AUTHORIZATION"));
    QVERIFY(!isSecretHeader("Content-Type"));
}

void TestRedaction::revealShowsEverything()
{
    const HttpHeaders in {
        {"Authorization"_ba, "SharedAccessSignature sr=x&sig=c2VjcmV0&se=1&skn=r"_ba}};
    QCOMPARE(redactHeaders(in, Reveal::Yes), in);
}

QTEST_GUILESS_MAIN(TestRedaction)
#include "tst_redaction.moc"
