// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "diagnosis/diagnosisengine.h"

#include "client/explainer.h"
#include "diagnosis/diagnosisengine_p.h"
#include "protocol/payloadbuilder.h"

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

using DiagnosisGather::channelHandle;

void DiagnosisEngine::Private::advance()
{
    if (pending > 0 || !running)
        return;
    if (stage == 1) {
        stage = 2;
        expand();
        if (pending > 0)
            return;
    }
    if (stage == 2)
        finishGathering();
    else if (stage == 3)
        finishAction();
}

void DiagnosisEngine::Private::emitCheck(DiagnosisCheckId id)
{
    DiagnosisCheck c = DiagnosisChecks::run(id, facts);
    if (DiagnosisCheck *slot = report.check(id))
        *slot = c;
    if (c.verdict != DiagnosisVerdict::Pending)
        emit q->checkFinished(c);
}

void DiagnosisEngine::Private::finishGathering()
{
    lookUpHistory();
    report.registrations = facts.registrations;
    if (!facts.installations.isEmpty())
        report.installation = facts.installations.constFirst();
    if (facts.testTag.isEmpty() && facts.whyNoTestSend.isEmpty()) {
        facts.whyNoTestSend = facts.registrations.isEmpty() && facts.installations.isEmpty()
            ? DiagnosisEngine::tr("the device has no registration to send to.")
            : DiagnosisEngine::tr("no tag reaches exactly this device.");
    }
    for (DiagnosisCheckId id : allDiagnosisChecks())
        emitCheck(id);
    running = false;
    stage = 0;
    report.finished = QDateTime::currentDateTimeUtc();
    emit q->finished(report);
}

void DiagnosisEngine::Private::beginAction()
{
    ++generation;
    running = true;
    stage = 3;
    report.finished = {};
    report.cancelled = false;
    facts.testSend.reset();
    facts.directSend.reset();
    facts.telemetry.reset();
    facts.telemetryPolls = 0;
}

void DiagnosisEngine::Private::finishAction()
{
    emitCheck(DiagnosisCheckId::HubConfiguration);
    emitCheck(DiagnosisCheckId::TestSend);
    running = false;
    stage = 0;
    report.finished = QDateTime::currentDateTimeUtc();
    emit q->finished(report);
}

void DiagnosisEngine::Private::pollTelemetry()
{
    const QString id = facts.directSend->notificationId;
    request(client->telemetry(id), DiagnosisEngine::tr("the send's telemetry"),
            [this](const Exchange &e) {
                facts.telemetry = e;
                ++facts.telemetryPolls;
                const bool waiting = e.ok() && e.details
                    && (e.details->state == NotificationState::Enqueued
                        || e.details->state == NotificationState::Processing
                        || e.details->state == NotificationState::Unknown);
                if (waiting && facts.telemetryPolls < maxPolls) {
                    // Shown as it stands; the next look comes from the timer (pending stays > 0).
                    emitCheck(DiagnosisCheckId::TestSend);
                    ++pending;
                    pollTimer.start(pollIntervalMs);
                }
            });
}

void DiagnosisEngine::Private::stopJobs()
{
    pollTimer.stop();
    const auto inFlight = jobs;
    jobs.clear();
    for (const QPointer<HubJob> &job : inFlight) {
        if (job && !job->isFinished())
            job->cancel();
    }
    pending = 0;
}

DiagnosisEngine::DiagnosisEngine(HubClient *client, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->q = this;
    d->client = client;
    d->pollTimer.setSingleShot(true);
    connect(&d->pollTimer, &QTimer::timeout, this, [this] {
        if (!d->running)
            return;
        --d->pending; // the look the timer stood for
        d->pollTelemetry();
    });
}

DiagnosisEngine::~DiagnosisEngine()
{
    ++d->generation;
    d->stopJobs();
}

void DiagnosisEngine::setHistory(HistoryReader *history)
{
    d->history = history;
}
void DiagnosisEngine::setProfileName(const QString &name)
{
    d->profileName = name;
}
void DiagnosisEngine::setTelemetryPolling(int intervalMs, int maxPolls)
{
    d->pollIntervalMs = std::max(0, intervalMs);
    d->maxPolls = std::max(1, maxPolls);
}

void DiagnosisEngine::start(const DiagnosisSubject &subject,
                            const std::optional<DiagnosisSend> &send)
{
    ++d->generation;
    d->stopJobs();
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
    d->facts = {};
    d->facts.subject = subject;
    d->facts.send = send;
    d->facts.profileName = d->profileName;
    d->facts.keyName = d->client->connection().connectionString.keyName();
    d->facts.key = d->client->connection().connectionString.key();
    if (send && !send->tagExpression.trimmed().isEmpty()) {
        auto parsed = TagExpression::parse(send->tagExpression, TagExpression::Limits::Report);
        if (parsed)
            d->facts.expression = *parsed;
        else
            d->facts.expressionError = parsed.error().message;
    }
    d->listedChannels.clear();
    d->readInstallations.clear();
    d->probedTag.clear();
    d->done = d->total = 0;
    d->running = true;
    d->stage = 1;
    // The requests start from the event loop; finished() can never come from inside start().
    d->startSubject();
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
    QString why;
    if (d->running)
        why = tr("the diagnosis is still running.");
    else if (d->report.checks.isEmpty())
        why = tr("no device has been diagnosed yet.");
    else if (d->facts.testTag.isEmpty())
        why = d->facts.whyNoTestSend;
    if (whyNot)
        *whyNot = why;
    return why.isEmpty();
}

void DiagnosisEngine::sendTest()
{
    QString why;
    if (!canSendTest(&why)) {
        qWarning("DiagnosisEngine::sendTest(): %s", qPrintable(why));
        return;
    }
    const DiagnosisFacts &f = d->facts;
    Notification n;
    const std::optional<Format> sent = f.send ? f.send->format : std::nullopt;
    n.format = sent
        ? *sent
        : (f.registrations.isEmpty() ? nativeFormat(f.installations.constFirst().platform)
                                     : (f.registrations.constFirst().isTemplate
                                            ? Format::Template
                                            : nativeFormat(f.registrations.constFirst().platform)));
    if (n.format == Format::Template) {
        TemplateProperties props;
        if (f.send) {
            for (auto it = f.send->properties.cbegin(); it != f.send->properties.cend(); ++it)
                props.append({it.key(), it.value()});
        }
        n.body = templateBody(props);
    } else {
        n.body =
            sent && !f.send->body.isEmpty() ? f.send->body : payloadBuilder(n.format).defaultBody();
    }
    if (f.send)
        n.headers = f.send->headers;
    n.target = Target::tags(f.testTag);

    d->beginAction();
    d->request(d->client->send(n, true), tr("test send to %1").arg(f.testTag),
               [this](const Exchange &e) { d->facts.testSend = e; });
}

void DiagnosisEngine::sendDirect()
{
    const DiagnosisFacts &f = d->facts;
    if (d->running || (f.registrations.isEmpty() && f.installations.isEmpty())) {
        qWarning("DiagnosisEngine::sendDirect(): no device to send to");
        return;
    }
    // The device's native registration (a direct send has no template form).
    Platform platform = Platform::Apple;
    QString handle;
    QByteArray p256dh, auth;
    for (const Registration &r : f.registrations) {
        if (!r.isTemplate || handle.isEmpty()) {
            platform = r.platform;
            handle = r.handle;
            p256dh = r.p256dh.toUtf8();
            auth = r.auth.toUtf8();
            if (!r.isTemplate)
                break;
        }
    }
    if (handle.isEmpty()) {
        const Installation &i = f.installations.constFirst();
        platform = i.platform;
        handle = channelHandle(i);
        if (const auto b = i.browserPushChannel()) {
            p256dh = b->p256dh.toUtf8();
            auth = b->auth.toUtf8();
        }
    }
    Notification n;
    n.format = nativeFormat(platform);
    const bool sameFormat = f.send && f.send->format == n.format && !f.send->body.isEmpty();
    n.body = sameFormat ? f.send->body : payloadBuilder(n.format).defaultBody();
    if (sameFormat)
        n.headers = f.send->headers;
    n.target = Target::device(handle, p256dh, auth);

    d->beginAction();
    d->request(d->client->send(n, false), tr("direct send"), [this](const Exchange &e) {
        d->facts.directSend = e;
        if (e.ok() && !e.notificationId.isEmpty())
            d->pollTelemetry();
    });
}

void DiagnosisEngine::cancel()
{
    if (!d->running)
        return;
    d->running = false;
    d->stage = 0;
    d->report.cancelled = true;
    const int generation = ++d->generation;
    d->stopJobs();
    QTimer::singleShot(0, this, [this, generation] {
        if (generation == d->generation)
            emit finished(d->report);
    });
}

} // namespace Nh
