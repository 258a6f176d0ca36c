// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "client/templaterendering.h"

#include "client/hubclient.h"
#include "protocol/operation.h"

#include <QTimer>
#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

bool isTemplateSendWithResults(const Exchange &exchange)
{
    if (!exchange.outcome || exchange.outcome->results.isEmpty())
        return false;
    if (!exchange.operation.startsWith(operationName(Operation::Send)))
        return false;
    const auto format = headerValue(exchange.requestHeaders, "ServiceBusNotification-Format");
    return format && format->trimmed().compare("template", Qt::CaseInsensitive) == 0;
}

TemplateRenderingJob::TemplateRenderingJob(HubClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{ }

void TemplateRenderingJob::start(const Exchange &exchange, const QList<Registration> &known)
{
    cancel();
    ++m_generation;
    m_exchange = exchange;
    m_exchange.rendered.clear();
    m_fetches = 0;
    const auto bag = TemplatePropertyBag::fromSendBody(exchange.requestBody);
    m_bag = bag ? *bag : TemplatePropertyBag();
    QHash<QString, const Registration *> byId;
    for (const Registration &r : known)
        byId.insert(r.registrationId, &r);
    const QList<RegistrationResult> &results = exchange.outcome->results;
    const int count = int(qMin<qsizetype>(results.size(), kMaxResults));
    for (int i = 0; i < count; ++i) {
        const QString &id = results.at(i).registrationId;
        if (!bag) {
            m_exchange.rendered.append(RenderedPayload::unavailable(
                id, tr("The send's properties could not be read: %1").arg(bag.error().message)));
        } else if (const Registration *r = byId.value(id)) {
            m_exchange.rendered.append(RenderedPayload::render(*r, m_bag));
        } else {
            // A placeholder until the registration arrives.
            m_exchange.rendered.append(
                RenderedPayload::unavailable(id, tr("Fetching its template…")));
            HubJob *job = m_client->getRegistration(id);
            ++m_fetches;
            ++m_pending;
            m_jobs.append(job);
            const quint64 generation = m_generation;
            connect(job, &HubJob::finished, this, [this, i, generation](const Exchange &answer) {
                if (generation == m_generation)
                    onFetched(i, answer);
            });
        }
    }
    if (m_pending == 0) {
        // finished() never comes from inside start().
        const quint64 generation = m_generation;
        QTimer::singleShot(0, this, [this, generation] {
            if (generation == m_generation)
                finish();
        });
    }
}

void TemplateRenderingJob::cancel()
{
    ++m_generation;
    const auto jobs = std::exchange(m_jobs, {});
    for (const QPointer<HubJob> &job : jobs) {
        if (job)
            job->cancel();
    }
    m_pending = 0;
}

void TemplateRenderingJob::onFetched(int index, const Exchange &answer)
{
    RenderedPayload &slot = m_exchange.rendered[index];
    if (answer.ok() && answer.registration)
        slot = RenderedPayload::render(*answer.registration, m_bag);
    else
        slot = RenderedPayload::unavailable(slot.registrationId,
                                            tr("Its template could not be fetched: %1")
                                                .arg(answer.errorSentence.isEmpty()
                                                         ? exchangeResultDisplayName(answer.result)
                                                         : answer.errorSentence));
    if (--m_pending == 0)
        finish();
}

void TemplateRenderingJob::finish()
{
    m_jobs.clear();
    emit finished(m_exchange);
}

} // namespace Nh
