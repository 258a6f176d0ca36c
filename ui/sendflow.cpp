// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sendflow.h"

#include "client/hubclient.h"
#include "client/profilesession.h"
#include "client/resend.h"
#include "client/templaterendering.h"
#include "composerwidget.h"
#include "confirm.h"

using namespace Qt::Literals::StringLiterals;

SendFlow::SendFlow(Nh::ProfileSession *session, Nh::HubClient *client, Nh::HistoryStore *history,
                   ComposerWidget *composer, QWidget *window)
    : QObject(window)
    , m_session(session)
    , m_client(client)
    , m_history(history)
    , m_composer(composer)
    , m_window(window)
{
    // Every send passes here first, so a production profile can ask before it goes out.
    m_composer->setSendGate([this](const std::function<void()> &proceed) { gate(proceed); });
    connect(m_composer, &ComposerWidget::sendStarted, this, [this](const Nh::Notification &n) {
        m_lastNotification = n;
        emit note(tr("Sending… press Esc to cancel"), NoteKind::Busy);
    });
    connect(m_composer, &ComposerWidget::exchangeFinished, this, &SendFlow::composerFinished);
    connect(m_session, &Nh::ProfileSession::stateChanged, this, &SendFlow::sendWhenConnected);
}

bool SendFlow::checkConnected()
{
    if (m_session->isReady())
        return true;
    emit note(tr("Not sent: “%1” is not connected. %2")
                  .arg(m_session->profile().name, m_session->problem()),
              NoteKind::Problem);
    return false;
}

void SendFlow::confirm(const QString &what, const std::function<void()> &go)
{
    const Nh::Profile &p = m_session->profile();
    if (!p.production) {
        go();
        return;
    }
    Confirm::Question question;
    question.objectName = u"confirmProductionSend"_s;
    question.title = tr("Production hub");
    question.text = tr("“%1” is a production hub (%2): %3 reaches real devices. Send anyway?")
                        .arg(p.name, p.hub, what);
    question.acceptText = tr("Send to Production");
    question.acceptObjectName = u"confirmProductionSendButton"_s;
    const QUuid id = p.id;
    Confirm::ask(m_window, question, [this, id, go] {
        if (m_session->profile().id == id)
            go();
    });
}

void SendFlow::gate(const std::function<void()> &proceed)
{
    if (m_composer->isSending())
        return;
    using State = Nh::ProfileSession::State;
    if (m_session->state() == State::Connecting || m_session->state() == State::ReadingKey) {
        // Pressed while the console is starting (or a profile is connecting): it goes out as
        // soon as the connection is in place.
        m_waiting = proceed;
        emit note(tr("Waiting for the connection; the notification is sent as soon as it is "
                     "ready…"),
                  NoteKind::Busy);
        return;
    }
    if (!checkConnected())
        return;
    confirm(tr("this notification"), proceed);
}

void SendFlow::sendWhenConnected(Nh::ProfileSession::State state)
{
    using State = Nh::ProfileSession::State;
    if (!m_waiting || state == State::Connecting || state == State::ReadingKey)
        return;
    const std::function<void()> proceed = std::exchange(m_waiting, {});
    // Queued: the composer takes the new state (its Send enabled) before it sends.
    QMetaObject::invokeMethod(
        this, [this, proceed] { gate(proceed); }, Qt::QueuedConnection);
}

void SendFlow::resend(const Nh::HistoryRecord &record)
{
    if (!checkConnected())
        return;
    const auto request = Nh::resendRequest(record.exchange);
    if (!request) {
        emit note(request.error().message, NoteKind::Problem);
        return;
    }
    QStringList notes;
    for (const Nh::Warning &w : request.warnings())
        notes << w.message;
    const Nh::HubRequest r = request.value();
    Nh::HistoryContext context = record.context;
    confirm(tr("this re-sent request"), [this, r, context, notes] {
        Nh::HubJob *job = m_client->start(r);
        emit note(notes.isEmpty() ? tr("Re-sending… press Esc to cancel") : notes.join(u' '),
                  NoteKind::Busy);
        connect(job, &Nh::HubJob::finished, this, [this, context](const Nh::Exchange &e) {
            const auto done = [this, context](const Nh::Exchange &exchange) {
                this->record(exchange, context);
                emit exchangeFinished(exchange);
                emit note(tr("Re-sent: %1").arg(Nh::exchangeResultDisplayName(exchange.result)),
                          NoteKind::Info);
            };
            if (!Nh::isTemplateSendWithResults(e)) {
                done(e);
                return;
            }
            // A template send is kept and shown with what its registrations were rendered into.
            auto *rendering = new Nh::TemplateRenderingJob(m_client, this);
            connect(rendering, &Nh::TemplateRenderingJob::finished, this,
                    [rendering, done](const Nh::Exchange &rendered) {
                        done(rendered);
                        rendering->deleteLater();
                    });
            rendering->start(e, m_known ? m_known() : QList<Nh::Registration>());
        });
    });
}

void SendFlow::record(const Nh::Exchange &exchange, Nh::HistoryContext context)
{
    if (!m_history)
        return;
    context.profileId = m_session->profile().id.toString(QUuid::WithoutBraces);
    context.profileName = m_session->profile().name;
    context.source = u"gui"_s;
    write(exchange, context);
}

void SendFlow::write(const Nh::Exchange &exchange, const Nh::HistoryContext &context)
{
    if (m_history)
        m_history->add(exchange, context);
}

void SendFlow::composerFinished(const Nh::Exchange &exchange)
{
    Nh::HistoryContext context;
    context.describe(m_lastNotification);
    // The exchange view first: the history's written() then selects its row.
    emit exchangeFinished(exchange);
    if (Nh::isTemplateSendWithResults(exchange)) {
        // Rendered first (a GET for each result not fetched yet), then recorded with them,
        // under the profile that sent it.
        context.profileId = m_session->profile().id.toString(QUuid::WithoutBraces);
        context.profileName = m_session->profile().name;
        context.source = u"gui"_s;
        auto *job = new Nh::TemplateRenderingJob(m_client, this);
        connect(job, &Nh::TemplateRenderingJob::finished, this,
                [this, job, context](const Nh::Exchange &rendered) {
                    emit renderedPayloadsReady(rendered);
                    write(rendered, context);
                    job->deleteLater();
                });
        job->start(exchange, m_known ? m_known() : QList<Nh::Registration>());
    } else {
        record(exchange, context);
    }
    QString text = Nh::exchangeResultDisplayName(exchange.result);
    if (exchange.outcome) {
        text = tr("%1: %2 delivered, %3 failed")
                   .arg(text)
                   .arg(exchange.outcome->success)
                   .arg(exchange.outcome->failure);
    }
    if (exchange.totalMs >= 0)
        text += tr(" (%1 ms)").arg(exchange.totalMs);
    emit note(text, NoteKind::Info);
}
