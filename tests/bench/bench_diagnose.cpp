// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// A device diagnosis at real size (issue #19, docs/diagnosis-cli.md): an in-process emulator
// started with EmulatorOptions::generate (`nhemulator --generate N`, default 1,000,000
// registrations), and the DiagnosisEngine diagnoses devices of it over real HTTPS: by handle
// with the send that did not arrive, by handle alone, by registration id, and the handle the
// generator registered twice. For each it prints the requests made and the time as a ratio to a
// one-registration GET measured in the same run. The target: a handful of requests (<= 12),
// whatever N, since the checks query by channel, by tag and by id, never the whole hub.
// NH_BENCH_QUICK=1 (set by ctest) uses 20,000 registrations; BENCH_N overrides.

#include "benchsupport.h"
#include "client/hubclient.h"
#include "diagnosis/diagnosisengine.h"
#include "emulator/emulatorstate.h"
#include "emulatorfixture.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <cstdlib>

using namespace Nh;
using namespace Qt::Literals::StringLiterals;

namespace {

using Bench::fail;
using Bench::median;
using Bench::waitFor;

/** The most requests a diagnosis may make, whatever the hub's size. */
constexpr int kRequestTarget = 12;

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const bool quick = qEnvironmentVariableIntValue("NH_BENCH_QUICK") == 1;
    const int n = Bench::generatedCount();

    EmulatorFixture f;
    EmulatorOptions options = EmulatorFixture::defaultOptions();
    options.generate = GenerateSpec {n, 1};
    QElapsedTimer started;
    started.start();
    if (!f.start(options))
        fail(u"the emulator did not start"_s);
    std::printf("emulator with %lld generated registrations started in %.1f s\n",
                static_cast<long long>(f.emulator.generated().count), started.elapsed() / 1000.0);

    // The devices: a native registration with its user tag, and the generator's duplicate
    // (every 1000th registration repeats the handle of the one before).
    const EmulatorHub &hub = *f.emulator.state().hub(f.hub());
    std::optional<Registration> device;
    std::optional<Registration> twice;
    {
        QHash<QString, Registration> byHandle;
        int seen = 0;
        for (auto it = hub.registrations.begin(); it != hub.registrations.end(); ++it) {
            const Registration r = it->second;
            if (!device && !r.isTemplate && r.platform == Platform::FcmV1)
                device = r;
            if (!twice && !r.isTemplate) {
                if (const auto other = byHandle.constFind(r.handle); other != byHandle.cend())
                    twice = r;
                byHandle.insert(r.handle, r);
            }
            if ((device && twice) || ++seen > 5000)
                break;
        }
    }
    if (!device)
        fail(u"no FCM v1 registration among the first ones"_s);

    HubClient client(&f.nam);
    client.setConnection(f.hubConnection(u"DefaultFullSharedAccessSignature"_s, 120000));

    // The baseline: one registration by id, over the same connection.
    QList<double> gets;
    for (int i = 0; i < (quick ? 5 : 21); ++i) {
        QElapsedTimer t;
        t.start();
        HubJob *job = client.getRegistration(device->registrationId);
        waitFor(job, &HubJob::finished);
        gets << t.nsecsElapsed() / 1e6;
    }
    const double getMs = median(gets);
    std::printf("one-registration GET: %.2f ms (median)\n\n", getMs);

    QString userTag;
    for (const QString &tag : device->tags)
        userTag = tag.startsWith(u"user:"_s) ? tag : userTag;
    DiagnosisSend send;
    send.format = Format::FcmV1;
    send.tagExpression = userTag + u" && lang:xx"_s; // a send that excluded the device

    struct Case
    {
        const char *name;
        DiagnosisSubject subject;
        std::optional<DiagnosisSend> send;
    };
    const auto handle = [](const Registration &r) {
        DiagnosisSubject s;
        s.kind = DiagnosisSubject::Kind::Handle;
        s.value = r.handle;
        s.platform = r.platform;
        return s;
    };
    DiagnosisSubject byId;
    byId.kind = DiagnosisSubject::Kind::Registration;
    byId.value = device->registrationId;
    QList<Case> cases {
        {"handle + send", handle(*device), send},
        {"handle", handle(*device), std::nullopt},
        {"registration id", byId, std::nullopt},
    };
    if (twice)
        cases.append({"duplicate handle", handle(*twice), std::nullopt});

    std::printf("%-20s %9s %10s %9s  %s\n", "device", "requests", "ms", "x GET", "likely cause");
    bool within = true;
    for (const Case &k : cases) {
        DiagnosisEngine engine(&client);
        QElapsedTimer t;
        t.start();
        engine.start(k.subject, k.send);
        waitFor(&engine, &DiagnosisEngine::finished);
        const double ms = t.nsecsElapsed() / 1e6;
        const DiagnosisReport &report = engine.report();
        if (report.cancelled)
            fail(QString::fromLatin1(k.name) + u": cancelled"_s);
        const DiagnosisCheck *cause = report.likelyCause();
        std::printf("%-20s %9d %10.1f %9.1f  %s\n", k.name, report.requests(), ms, ms / getMs,
                    cause ? qPrintable(diagnosisCheckKey(cause->id)) : "-");
        within = within && report.requests() <= kRequestTarget;
    }
    std::printf("  -> a handful of requests whatever the size: <= %d each (%s)\n", kRequestTarget,
                within ? "met" : "MISSED");
    return 0;
}
