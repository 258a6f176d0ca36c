// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The inside of DiagnosisEngine, shared by diagnosisengine.cpp (the runs and the actions of
// check 8) and diagnosisgather.cpp (the targeted queries). Internal to nh_diagnosis.

#include "client/hubclient.h"
#include "diagnosis/diagnosisengine.h"
#include "diagnosis/diagnosisfacts.h"

#include <QPointer>
#include <QSet>
#include <QTimer>
#include <functional>

namespace Nh {

class HistoryReader;

namespace DiagnosisGather {
/** The id in a registration's `$InstallationId:{id}` tag; empty when it has none. */
QString installationIdOf(const Registration &registration);
/** The handle a by-channel listing asks for: a browser installation's endpoint. */
QString channelHandle(const Installation &installation);
} // namespace DiagnosisGather

/**
 * One run's state: the report being built, the facts the checks read, the requests in flight
 * (`generation` drops the answers of a run that was cancelled or replaced), and check 8's
 * telemetry polling.
 */
struct DiagnosisEngine::Private
{
    DiagnosisEngine *q = nullptr;
    HubClient *client = nullptr;
    HistoryReader *history = nullptr;
    QString profileName;
    DiagnosisReport report;
    DiagnosisFacts facts;
    bool running = false;
    int generation = 0;
    int stage = 0; ///< 1: the subject's own queries, 2: what they lead to, 3: check 8
    int pending = 0;
    int done = 0;
    int total = 0;
    QList<QPointer<HubJob>> jobs;
    QSet<QString> listedChannels; ///< platform|handle already listed
    QSet<QString> readInstallations;
    QString probedTag;
    QTimer pollTimer;
    int pollIntervalMs = 3000;
    int maxPolls = 5;

    void request(HubJob *job, const QString &step, std::function<void(const Exchange &)> handler);
    void listing(const HubClient::ListQuery &query, const QString &step, bool channel, int page,
                 std::function<void(const QList<Registration> &)> extra = {});
    void addRegistrations(const QList<Registration> &found);
    void readInstallation(const QString &id, bool subject);
    void listChannel(Platform platform, const QString &handle);
    QString failureSentence(const Exchange &e) const;
    void startSubject();
    void expand();
    void planTestTag();
    void lookUpHistory();
    void advance();
    void finishGathering();
    /** Check 8's explicit actions start here: a fresh run of stage 3, earlier sends forgotten. */
    void beginAction();
    void finishAction();
    void pollTelemetry();
    void emitCheck(DiagnosisCheckId id);
    void stopJobs();
};

} // namespace Nh
