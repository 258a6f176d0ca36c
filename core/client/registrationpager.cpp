// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "client/registrationpager.h"

#include "client/networkerrors.h"

#include <QCoreApplication>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

/** The translation context of this file's messages; lupdate reads it from here. */
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Nh::RegistrationPager)
};

} // namespace

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

// --- ContinuationTokens -----------------------------------------------------------------------

void ContinuationTokens::reset(const QString &firstToken)
{
    m_current = firstToken;
    m_seen.clear();
    if (!firstToken.isEmpty())
        m_seen.insert(firstToken);
}

Result<QString> ContinuationTokens::advance(const Exchange &page)
{
    const QString next = nextContinuationToken(page);
    if (next.isEmpty())
        return QString();
    if (m_seen.contains(next)) {
        return makeError(ErrorCode::InvalidValue,
                         Tr::tr("The hub returned the continuation token '%1' a second time; "
                                "paging stopped here rather than read the same pages again")
                             .arg(next));
    }
    m_seen.insert(next);
    m_current = next;
    return next;
}

// --- RegistrationPager ------------------------------------------------------------------------

RegistrationPager::RegistrationPager(HubClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
    m_query.top = kDefaultPageSize;
}

void RegistrationPager::start(const HubClient::ListQuery &query)
{
    abandon(); // a restart replaces the old paging: its late answer must not land in the new one
    m_query = query;
    if (m_query.top <= 0)
        m_query.top = kDefaultPageSize;
    m_tokens.reset(query.continuationToken);
    m_next = query.continuationToken;
    m_more = true;
    m_pages = 0;
    m_last = {};
    m_active = true;
    request();
}

bool RegistrationPager::fetchNext()
{
    if (!m_active || isRunning() || !m_more)
        return false;
    request();
    return true;
}

void RegistrationPager::abandon()
{
    if (m_job) {
        disconnect(m_job, nullptr, this, nullptr);
        m_job->cancel();
        m_job = nullptr;
    }
    m_active = false;
    m_cancelRequested = false;
    ++m_generation;
}

void RegistrationPager::setPageSize(int rows)
{
    m_query.top = std::max(1, rows);
}

void RegistrationPager::setMaxPages(int pages)
{
    m_maxPages = std::max(0, pages);
}

void RegistrationPager::cancel()
{
    if (!m_active)
        return;
    if (m_job) {
        m_job->cancel(); // finished() follows through onExchange
        return;
    }
    if (m_inPageSignal) {
        m_cancelRequested = true; // onExchange ends the paging after the signal
        return;
    }
    // Waiting for fetchNext(): end from the event loop, as after a cancelled request.
    QMetaObject::invokeMethod(
        this,
        [this, generation = m_generation] {
            if (generation == m_generation && m_active && !m_job)
                end(cancelledError());
        },
        Qt::QueuedConnection);
}

Error RegistrationPager::cancelledError() const
{
    return makeError(ErrorCode::InvalidValue,
                     describeTransportError(QNetworkReply::OperationCanceledError, {}, m_last.url,
                                            {}, AbortReason::User, 0));
}

void RegistrationPager::request()
{
    HubClient::ListQuery q = m_query;
    q.continuationToken = m_next;
    m_job = m_client->listRegistrations(q);
    connect(m_job, &HubJob::finished, this, &RegistrationPager::onExchange);
}

void RegistrationPager::onExchange(const Exchange &exchange)
{
    m_job = nullptr;
    m_last = exchange;
    // A failed page keeps nextToken(): starting again there asks for the same page.
    if (!exchange.ok() || !exchange.feed) {
        // The sentence that names the failure is what a caller shows; the located error keeps
        // its code and place.
        Error error = exchange.error.value_or(makeError(ErrorCode::InvalidValue, {}));
        error.message = exchange.errorSentence.isEmpty() ? exchangeResultName(exchange.result)
                                                         : exchange.errorSentence;
        end(error);
        return;
    }
    auto next = m_tokens.advance(exchange);
    if (!next) {
        // The page itself is suspect: report it as a failed one, with the reason, and go no
        // further.
        m_next.clear();
        m_more = false;
        m_last.result = ExchangeResult::BadResponse;
        m_last.error = next.error();
        m_last.errorSentence = next.error().message;
        end(next.error());
        return;
    }
    ++m_pages;
    m_next = *next;
    m_more = !m_next.isEmpty();

    const quint64 generation = m_generation;
    m_inPageSignal = true;
    emit page(exchange.feed->entries);
    m_inPageSignal = false;
    if (generation != m_generation || !m_active)
        return; // a slot restarted the pager
    if (m_cancelRequested) {
        end(cancelledError());
        return;
    }
    if (!m_more || (m_maxPages > 0 && m_pages >= m_maxPages)) {
        end({});
        return;
    }
    if (m_autoContinue && !isRunning())
        request();
}

void RegistrationPager::end(const Status &result)
{
    m_active = false;
    m_cancelRequested = false;
    emit finished(result);
}

} // namespace Nh
