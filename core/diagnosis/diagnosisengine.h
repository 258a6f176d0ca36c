// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "diagnosis/diagnosis.h"

#include <QObject>
#include <QPointer>
#include <memory>

namespace Nh {

class HubClient;
class HistoryReader;

/**
 * Runs the device checklist (issue #19, docs/diagnosis.md) over a HubClient: targeted queries only
 * (by channel, by tag through the reach planner, one installation, one hub description), never a
 * listing of the whole hub. Asynchronous and cancellable (docs/conventions.md R4): checkFinished()
 * as each check completes, finished() exactly once per start(), never from inside it.
 *
 * Nothing it does on its own pushes to a device: the automatic checks only read. sendTest() and
 * sendDirect() are the explicit actions of check 8 (a button, `--send-test`, `--send-direct`).
 */
class DiagnosisEngine final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiagnosisEngine)

public:
    /** `client` must outlive the engine; its connection is the hub diagnosed. */
    explicit DiagnosisEngine(HubClient *client, QObject *parent = nullptr);
    ~DiagnosisEngine() override;

    /** The local history, for check 1 ("the hub reported this handle expired on …"); optional. */
    void setHistory(HistoryReader *history);
    /** The profile's name for the report's title; optional. */
    void setProfileName(const QString &name);
    /** How sendDirect() polls the telemetry: every `intervalMs`, at most `maxPolls` times
     *  (defaults 3000 ms, 5). */
    void setTelemetryPolling(int intervalMs, int maxPolls);

    /** Starts a diagnosis; one still running is cancelled first (its finished() is not sent). */
    void start(const DiagnosisSubject &subject, const std::optional<DiagnosisSend> &send = {});
    bool isRunning() const;
    /** The report so far (checks Pending until they finish). */
    const DiagnosisReport &report() const;

    /** Whether check 8 can reach exactly this device with a test send, and why not. */
    bool canSendTest(QString *whyNot = nullptr) const;
    /** Check 8 on request: the targeted test send; checkFinished(TestSend) then finished(). */
    void sendTest();
    /** Check 8 on request when no test send can target the device: a real direct send, then the
     *  per-message telemetry lookup (Standard tier); PNS results as they arrive. */
    void sendDirect();

public slots:
    /** Stops every request; finished() reports the report with `cancelled` set. */
    void cancel();

signals:
    /** `done` of `total` steps; `step` names what is being asked ("registrations for the handle").
     */
    void progress(int done, int total, const QString &step);
    void checkFinished(const Nh::DiagnosisCheck &check);
    /** An exchange the diagnosis made, as soon as it finished (for a live evidence list). */
    void exchangeAdded(const Nh::Exchange &exchange);
    void finished(const Nh::DiagnosisReport &report);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Nh
