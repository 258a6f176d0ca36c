// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the diagnosis suites share: making a device's situation over the hub's API and running a
// diagnosis to its end (docs/diagnosis.md).

#include "client/hubclient.h"
#include "diagnosis/diagnosisengine.h"
#include "emulatorfixture.h"

#include <QSignalSpy>
#include <QTest>

namespace DiagnosisTest {

/** Waits for `job` and returns its exchange (an empty one when it did not finish). */
inline Nh::Exchange await(Nh::HubJob *job)
{
    QSignalSpy spy(job, &Nh::HubJob::finished);
    if (!spy.wait(5000))
        return {};
    return spy.first().first().value<Nh::Exchange>();
}

/** Creates `r` over the API (POST registrations); returns the id the hub gave. */
inline QString createRegistration(Nh::HubClient &client, const Nh::Registration &r)
{
    const Nh::Exchange e = await(client.createRegistration(r));
    return e.ok() && e.registration ? e.registration->registrationId : QString();
}

inline Nh::Registration native(Nh::Platform platform, const QString &handle,
                               const QStringList &tags)
{
    Nh::Registration r;
    r.platform = platform;
    r.handle = handle;
    r.tags = tags;
    return r;
}

inline Nh::Registration templated(Nh::Platform platform, const QString &handle,
                                  const QStringList &tags, const QString &body)
{
    Nh::Registration r = native(platform, handle, tags);
    r.isTemplate = true;
    r.templateName = QStringLiteral("main");
    r.bodyTemplate = body;
    return r;
}

/** Puts `installation` over the API; true when the hub took it. */
inline bool putInstallation(Nh::HubClient &client, const Nh::Installation &installation)
{
    return await(client.putInstallation(installation)).ok();
}

inline Nh::DiagnosisSubject subject(Nh::DiagnosisSubject::Kind kind, const QString &value)
{
    Nh::DiagnosisSubject s;
    s.kind = kind;
    s.value = value;
    return s;
}

inline Nh::DiagnosisSend send(Nh::Format format, const QString &tags,
                              const QMap<QString, QString> &properties = {})
{
    Nh::DiagnosisSend s;
    s.format = format;
    s.tagExpression = tags;
    s.properties = properties;
    return s;
}

/** Runs `engine` to its finished(); false when it did not come (or came twice). */
inline bool run(Nh::DiagnosisEngine &engine, const Nh::DiagnosisSubject &subject,
                const std::optional<Nh::DiagnosisSend> &send = {})
{
    QSignalSpy finished(&engine, &Nh::DiagnosisEngine::finished);
    engine.start(subject, send);
    if (!finished.wait(5000))
        return false;
    return finished.size() == 1 && !engine.isRunning();
}

/** The key of the most likely cause, or "" when every check passed. */
inline QString cause(const Nh::DiagnosisReport &report)
{
    const Nh::DiagnosisCheck *c = report.likelyCause();
    return c ? Nh::diagnosisCheckKey(c->id) : QString();
}

inline Nh::DiagnosisVerdict verdict(const Nh::DiagnosisReport &report, Nh::DiagnosisCheckId id)
{
    const Nh::DiagnosisCheck *c = report.check(id);
    return c ? c->verdict : Nh::DiagnosisVerdict::Pending;
}

} // namespace DiagnosisTest
