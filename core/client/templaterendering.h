// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/exchange.h"
#include "protocol/registration.h"
#include "protocol/renderedpayload.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>

namespace Nh {

class HubClient;
class HubJob;

/** True for a template send whose outcome lists registrations (what renderPayloads() is for). */
bool isTemplateSendWithResults(const Exchange &exchange);

/**
 * Renders, for a finished template test send, the payload each registration of its outcome
 * received (issue #16): from the registration's template and the properties the send carried
 * (TemplatePropertyBag::fromSendBody of the request body). Registrations already known (e.g. the
 * reach preview's fetch) are rendered at once; each other one costs one GET through HubClient,
 * at most one per result (the outcome lists at most about ten). Asynchronous and cancellable
 * (docs/conventions.md R4): finished() comes exactly once per start(), after the last answer,
 * or at once when nothing needs fetching.
 */
class TemplateRenderingJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TemplateRenderingJob)

public:
    /** Results rendered at most; a longer outcome is cut there. */
    static constexpr int kMaxResults = 10;

    /** `client` must outlive the job. */
    explicit TemplateRenderingJob(HubClient *client, QObject *parent = nullptr);

    /**
     * Starts for `exchange` (which must pass isTemplateSendWithResults()), with `known`
     * registrations looked up by id first. A job still running is cancelled first, silently.
     */
    void start(const Exchange &exchange, const QList<Registration> &known);
    bool isRunning() const { return m_pending > 0; }
    /** The exchange given to start(), its `rendered` filled once finished() came. */
    const Exchange &exchange() const { return m_exchange; }
    /** GETs made by the last start(). */
    int fetches() const { return m_fetches; }

public slots:
    void cancel();

signals:
    /** The exchange with `rendered` set, one payload per result (in the outcome's order). */
    void finished(const Nh::Exchange &exchange);

private:
    void onFetched(int index, const Exchange &answer);
    void finish();

    HubClient *m_client;
    Exchange m_exchange;
    TemplatePropertyBag m_bag;
    QList<QPointer<HubJob>> m_jobs;
    int m_pending = 0;
    int m_fetches = 0;
    quint64 m_generation = 0;
};

} // namespace Nh
