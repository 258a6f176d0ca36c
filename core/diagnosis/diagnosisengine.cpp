// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "diagnosis/diagnosisengine.h"

#include "client/hubclient.h"

#include <QTimer>

namespace Nh {

// The checks themselves come in the following commits; until then every check says it cannot
// tell, so the views and the CLI can be built against the finished interface.
struct DiagnosisEngine::Private
{
    HubClient *client = nullptr;
    HistoryReader *history = nullptr;
    QString profileName;
    DiagnosisReport report;
    bool running = false;
    int generation = 0;
};

DiagnosisEngine::DiagnosisEngine(HubClient *client, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->client = client;
}

DiagnosisEngine::~DiagnosisEngine() = default;

void DiagnosisEngine::setHistory(HistoryReader *history)
{
    d->history = history;
}
void DiagnosisEngine::setProfileName(const QString &name)
{
    d->profileName = name;
}

void DiagnosisEngine::start(const DiagnosisSubject &subject,
                            const std::optional<DiagnosisSend> &send)
{
    const int generation = ++d->generation;
    d->report = {};
    d->report.hub = d->client->connection().hub;
    d->report.profileName = d->profileName;
    d->report.subject = subject;
    d->report.send = send;
    d->report.started = QDateTime::currentDateTimeUtc();
    for (DiagnosisCheckId id : allDiagnosisChecks()) {
        DiagnosisCheck check;
        check.id = id;
        d->report.checks.append(check);
    }
    d->running = true;
    QTimer::singleShot(0, this, [this, generation] {
        if (generation != d->generation || !d->running)
            return;
        for (DiagnosisCheck &c : d->report.checks) {
            if (c.id == DiagnosisCheckId::TestSend)
                continue;
            c.verdict = DiagnosisVerdict::CannotTell;
            emit checkFinished(c);
        }
        d->running = false;
        d->report.finished = QDateTime::currentDateTimeUtc();
        emit finished(d->report);
    });
}

bool DiagnosisEngine::isRunning() const
{
    return d->running;
}
const DiagnosisReport &DiagnosisEngine::report() const
{
    return d->report;
}

bool DiagnosisEngine::canSendTest(QString *whyNot) const
{
    if (whyNot)
        *whyNot = tr("Not implemented yet.");
    return false;
}

void DiagnosisEngine::sendTest() { }
void DiagnosisEngine::sendDirect() { }

void DiagnosisEngine::cancel()
{
    if (!d->running)
        return;
    d->running = false;
    d->report.cancelled = true;
    ++d->generation;
    QTimer::singleShot(0, this, [this] { emit finished(d->report); });
}

} // namespace Nh
