// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "client/hublistjob.h"

#include "client/hubclient.h"
#include "common/logging.h"
#include "protocol/operation.h"

#include <QCoreApplication>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Nh::HubClient)
};

/** Whether list form (A)'s failure calls for form (B): the service answered, but not with a
 *  list we can read (an old form it no longer serves, or a body that does not parse). */
bool tryFallback(const Exchange &e)
{
    return e.result == ExchangeResult::HubError || e.result == ExchangeResult::BadResponse;
}

} // namespace

HubListJob::HubListJob(HubClient *client)
    : QObject(client)
    , m_client(client)
{
    // Started from the event loop, so finished() can never fire before the caller connects.
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (m_finished || m_cancelled)
                return;
            track(m_client->start({.operation = operationName(Operation::HubList),
                                   .method = "GET",
                                   .path = u"$Resources/NotificationHubs"_s,
                                   .expect = Expect::HubList,
                                   .namespaceLevel = true}),
                  &HubListJob::onFormA);
        },
        Qt::QueuedConnection);
}

const Exchange &HubListJob::lastExchange() const
{
    static const Exchange none;
    return m_exchanges.isEmpty() ? none : m_exchanges.constLast();
}

void HubListJob::cancel()
{
    if (m_finished)
        return;
    m_cancelled = true;
    if (m_job) {
        m_job->cancel(); // its finished() ends the listing as cancelled
        return;
    }
    m_error = makeError(ErrorCode::Cancelled, Tr::tr("The hub listing was cancelled."));
    QMetaObject::invokeMethod(this, &HubListJob::finish, Qt::QueuedConnection);
}

void HubListJob::track(HubJob *job, void (HubListJob::*next)(const Exchange &))
{
    m_job = job;
    connect(job, &HubJob::finished, this, [this, next](const Exchange &e) {
        m_job = nullptr;
        m_exchanges.append(e);
        if (m_finished)
            return;
        if (m_cancelled || e.result == ExchangeResult::Cancelled) {
            fail(e);
            return;
        }
        (this->*next)(e);
    });
}

void HubListJob::onFormA(const Exchange &e)
{
    if (e.ok() && e.hubList) {
        m_hubs = *e.hubList;
        fetchNext();
        return;
    }
    if (!tryFallback(e)) {
        fail(e);
        return;
    }
    qCInfo(lcClient).noquote() << "hub list form A failed with" << e.status
                               << "; listing with GET /";
    m_fallback = true;
    track(m_client->start({.operation = operationName(Operation::HubList),
                           .method = "GET",
                           .path = QString(),
                           .expect = Expect::HubList,
                           .namespaceLevel = true,
                           .withApiVersion = false}),
          &HubListJob::onFormB);
}

void HubListJob::onFormB(const Exchange &e)
{
    if (!e.ok() || !e.hubList) {
        fail(e);
        return;
    }
    m_hubs = *e.hubList;
    fetchNext();
}

void HubListJob::fetchNext()
{
    // Entries of form (B), and any of form (A) without a description, need their own GET.
    while (m_next < m_hubs.size() && m_hubs.at(m_next).description)
        ++m_next;
    if (m_next >= m_hubs.size()) {
        finish();
        return;
    }
    track(m_client->getHub(m_hubs.at(m_next).name), &HubListJob::onHub);
}

void HubListJob::onHub(const Exchange &e)
{
    if (!e.ok() || !e.hubDescription) {
        fail(e);
        return;
    }
    HubDescription d = *e.hubDescription;
    if (d.name.isEmpty())
        d.name = m_hubs.at(m_next).name;
    m_hubs[m_next].description = std::move(d);
    ++m_next;
    fetchNext();
}

void HubListJob::fail(const Exchange &e)
{
    m_error = e.error ? *e.error : makeError(errorCodeFor(e.result), e.errorSentence);
    if (m_error->message.isEmpty())
        m_error->message = e.errorSentence;
    finish();
}

void HubListJob::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    emit finished();
    deleteLater();
}

} // namespace Nh
