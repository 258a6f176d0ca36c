// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "client/registrationcoverage.h"

#include "client/reach.h"

using namespace Qt::Literals::StringLiterals;

namespace Nh {

RegistrationCoverage::RegistrationCoverage(HubClient *client, QObject *parent)
    : QObject(parent)
    , m_collector(new RegistrationCollector(client, this))
{
    connect(m_collector, &RegistrationCollector::finished, this, &RegistrationCoverage::onFinished);
}

RegistrationCoverage::~RegistrationCoverage() = default;

void RegistrationCoverage::setLimit(int limit)
{
    m_collector->setLimit(limit);
}

void RegistrationCoverage::start()
{
    m_counts.reset();
    m_note.clear();
    m_truncated = false;
    m_cancelled = false;
    m_collector->start();
}

bool RegistrationCoverage::isRunning() const
{
    return m_collector->isRunning();
}

void RegistrationCoverage::cancel()
{
    m_collector->cancel();
}

void RegistrationCoverage::onFinished()
{
    if (m_collector->ok()) {
        m_counts = countRegistrations(m_collector->registrations());
        m_truncated = m_collector->isTruncated();
        if (m_truncated)
            m_note = tr("Only the first %1 registrations were counted.")
                         .arg(m_collector->registrations().size());
    } else if (m_collector->lastExchange().result == ExchangeResult::Cancelled) {
        m_cancelled = true;
        m_note = tr("Counting the registrations was cancelled; coverage was not checked.");
    } else {
        m_note = tr("The registrations could not be read (%1); coverage was not checked.")
                     .arg(m_collector->lastExchange().errorSentence);
    }
    emit finished();
}

} // namespace Nh
