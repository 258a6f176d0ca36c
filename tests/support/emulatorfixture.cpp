// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "emulatorfixture.h"

#include "emulator/emulatorhubconfig.h"
#include "emulator/emulatorstate.h"
#include "emulator/faults.h"

#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

Nh::EmulatorOptions EmulatorFixture::defaultOptions()
{
    Nh::EmulatorOptions o;
    o.seedDemoData = false;
    return o;
}

bool EmulatorFixture::start(Nh::EmulatorOptions options)
{
    const auto st = emulator.start(options);
    if (!st)
        qWarning("emulator did not start: %s", qPrintable(st.error().message));
    return st.ok();
}

QString EmulatorFixture::url(const QString &pathAndQuery) const
{
    // 127.0.0.1, not localhost: a bare chroot may have no /etc/hosts (docs/toolchain.md P7).
    return u"https://127.0.0.1:%1"_s.arg(emulator.port()) + pathAndQuery;
}

Nh::ConnectionString EmulatorFixture::connectionString(const QString &rule) const
{
    const auto cs = emulator.connectionString(rule);
    return Nh::ConnectionString::fromParts(u"127.0.0.1"_s, emulator.port(), cs.keyName(), cs.key());
}

Nh::HubConnection EmulatorFixture::hubConnection(const QString &rule, int transferTimeoutMs) const
{
    Nh::HubConnection c;
    c.connectionString = connectionString(rule);
    c.hub = hub();
    c.caCertificates = {emulator.certificate()};
    c.transferTimeoutMs = transferTimeoutMs;
    return c;
}

QSslConfiguration EmulatorFixture::tls(bool trust) const
{
    QSslConfiguration c = QSslConfiguration::defaultConfiguration();
    if (trust)
        c.addCaCertificate(emulator.certificate());
    c.setPeerVerifyMode(QSslSocket::VerifyPeer);
    return c;
}

void EmulatorFixture::resetHub()
{
    Nh::EmulatorHub *h = emulator.state().hub(hub());
    while (!h->registrations.empty())
        emulator.state().removeRegistration(*h, h->registrations.begin()->first);
    while (!h->installations.empty())
        emulator.state().removeInstallation(*h, h->installations.begin()->first);
    h->messages.clear();
    h->messageOrder.clear();
    emulator.faults().clear();
}

void EmulatorFixture::resetHubConfiguration()
{
    resetHub();
    for (const QString &name : emulator.state().hubNames()) {
        if (name != hub())
            emulator.state().removeHub(name);
    }
    Nh::EmulatorHub *h = emulator.state().hub(hub());
    h->description =
        Nh::defaultHubDescription(emulator.state().rules, QDateTime::currentDateTimeUtc());
    h->description.name = hub();
    h->gcmRetired = false;
    h->descriptionChanged = false;
}

EmulatorFixture::Response EmulatorFixture::call(const Call &c)
{
    QNetworkRequest request {QUrl(url(c.pathAndQuery))};
    request.setSslConfiguration(tls(c.trust));
    request.setTransferTimeout(c.transferTimeoutMs);
    for (const auto &[name, value] : c.headers)
        request.setRawHeader(name, value);
    if (c.sign) {
        const auto cs = connectionString(c.rule);
        const QString tokenHub = c.hubForToken.isEmpty() ? hub() : c.hubForToken;
        const QString audience = Nh::Sas::audience(cs, tokenHub, request.url(), c.sas.audience);
        const auto token = Nh::Sas::generate(audience, cs.keyName(), cs.key(),
                                             QDateTime::currentDateTimeUtc(), c.sas);
        request.setRawHeader("Authorization", token.header().toUtf8());
    }
    // A client that does not trust the CA is another client: QNAM caches TLS state per host.
    QNetworkAccessManager untrusting;
    QNetworkReply *reply =
        (c.trust ? nam : untrusting).sendCustomRequest(request, c.method, c.body);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    Response r;
    if (!finished.wait(30000)) {
        reply->abort();
        reply->deleteLater();
        return r;
    }
    r.finished = true;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.error = reply->error();
    r.errorString = reply->errorString();
    for (const auto &h : reply->rawHeaderPairs())
        r.headers.append(h);
    r.body = reply->readAll();
    reply->deleteLater();
    return r;
}

EmulatorFixture::Response EmulatorFixture::send(const QString &pathAndQuery, const QByteArray &body,
                                                const Nh::HttpHeaders &headers)
{
    Call c;
    c.method = "POST";
    c.pathAndQuery = pathAndQuery;
    c.body = body;
    c.headers = headers;
    return call(c);
}
