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
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const Registration &r : all) {
        const bool expired = r.expirationTime.isValid() && r.expirationTime < now;
        if (!expired && reaches(r, format, expression))
            reached.append(r);
    }
    return reached;
}

RegistrationCollector::RegistrationCollector(HubClient *client, QObject *parent)
    : QObject(parent)
    , m_pager(new RegistrationPager(client, this))
{
    // A page at a time: the bound decides how many entries the next page asks for.
    m_pager->setAutoContinue(false);
    connect(m_pager, &RegistrationPager::page, this, &RegistrationCollector::onPage);
    connect(m_pager, &RegistrationPager::finished, this,
            [this](const Status &result) { end(result.ok()); });
}

void RegistrationCollector::setLimit(int limit)
{
    m_limit = std::max(1, limit);
}

void RegistrationCollector::start(const HubClient::ListQuery &query)
{
    m_registrations.clear();
    m_truncated = false;
    m_ok = false;
    m_fetchedAt = {};
    m_running = true;
    HubClient::ListQuery q = query;
    q.top = std::min(kPageSize, m_limit);
    q.continuationToken.clear();
    m_pager->start(q); // a collection still running is abandoned silently
}

void RegistrationCollector::cancel()
{
    if (m_pager->isRunning())
        m_pager->cancel();
}

void RegistrationCollector::onPage(const QList<Registration> &entries)
{
    m_fetchedAt = QDateTime::currentDateTimeUtc();
    const qsizetype room = m_limit - m_registrations.size();
    m_registrations.append(entries.mid(0, room));
    emit progress(int(m_registrations.size()));
    if (!m_pager->hasMore()) {
        // The pager's finished() follows.
        m_truncated = entries.size() > room && m_registrations.size() >= m_limit;
        return;
    }
    if (m_registrations.size() < m_limit) {
        m_pager->setPageSize(int(std::min<qsizetype>(kPageSize, m_limit - m_registrations.size())));
        m_pager->fetchNext();
        return;
    }
    m_truncated = true;
    end(true);
}

void RegistrationCollector::end(bool ok)
{
    if (!m_running)
        return;
    m_running = false;
    m_ok = ok;
    emit finished();
}

} // namespace Nh
