// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "client/reach.h"

#include "protocol/tagexpression.h"

#include <QSet>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

bool formatReaches(Format format, const Registration &registration)
{
    if (format == Format::Template)
        return registration.isTemplate;
    return !registration.isTemplate && platformForFormat(format) == registration.platform;
}

bool reaches(const Registration &registration, Format format, const TagExpression *expression)
{
    if (!formatReaches(format, registration))
        return false;
    if (!expression)
        return true;
    const QSet<QString> tags(registration.tags.cbegin(), registration.tags.cend());
    return expression->matches(tags);
}

QList<Registration> reachedRegistrations(const QList<Registration> &all, Format format,
                                         const TagExpression *expression)
{
    QList<Registration> reached;
    for (const Registration &r : all) {
        if (reaches(r, format, expression))
            reached.append(r);
    }
    return reached;
}

QString nextContinuationToken(const Exchange &exchange)
{
    if (!exchange.ok())
        return {};
    if (!exchange.continuationToken.isEmpty())
        return exchange.continuationToken;
    if (exchange.feed)
        return QString::fromLatin1(exchange.feed->continuationToken);
    return {};
}

RegistrationCollector::RegistrationCollector(HubClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{ }

void RegistrationCollector::setLimit(int limit)
{
    m_limit = std::max(1, limit);
}

void RegistrationCollector::start(const HubClient::ListQuery &query)
{
    if (m_job) {
        // A restart replaces the old collection: its late answer must not land in the new one.
        disconnect(m_job, nullptr, this, nullptr);
        m_job->cancel();
        m_job = nullptr;
    }
    m_query = query;
    m_registrations.clear();
    m_truncated = false;
    m_ok = false;
    m_pages = 0;
    m_fetchedAt = {};
    m_last = {};
    fetch({});
}

void RegistrationCollector::cancel()
{
    if (m_job)
        m_job->cancel();
}

void RegistrationCollector::fetch(const QString &continuationToken)
{
    HubClient::ListQuery q = m_query;
    q.top = std::min<qsizetype>(kPageSize, m_limit - m_registrations.size());
    q.continuationToken = continuationToken;
    m_token = continuationToken;
    m_job = m_client->listRegistrations(q);
    connect(m_job, &HubJob::finished, this, &RegistrationCollector::onPage);
}

void RegistrationCollector::onPage(const Exchange &exchange)
{
    m_job = nullptr;
    m_last = exchange;
    if (!exchange.ok() || !exchange.feed) {
        m_ok = false;
        emit finished();
        return;
    }
    ++m_pages;
    m_fetchedAt = QDateTime::currentDateTimeUtc();
    const QList<Registration> &entries = exchange.feed->entries;
    const qsizetype room = m_limit - m_registrations.size();
    m_registrations.append(entries.mid(0, room));
    emit progress(int(m_registrations.size()));

    const QString next = nextContinuationToken(exchange);
    // A hub that hands back the token it was given would page forever.
    const bool more = !next.isEmpty() && next != m_token;
    if (more && m_registrations.size() < m_limit) {
        fetch(next);
        return;
    }
    m_truncated = (more || entries.size() > room) && m_registrations.size() >= m_limit;
    m_ok = true;
    emit finished();
}

} // namespace Nh
