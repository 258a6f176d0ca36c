// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/hubchecks.h"

#include <QObject>
#include <QString>
#include <optional>

namespace Nh {

class HubClient;
class RegistrationCollector;

/**
 * Counts the hub's registrations per kind for the coverage checks of checkHub()
 * (docs/hub-checks.md, "Coverage"), as `nhcli hub check` and the Hub page use them (issue #17):
 * a bounded listing (RegistrationCollector), counted with countRegistrations(). A listing that
 * fails, is cancelled or stops at the bound is not a failure of the check: note() says so in
 * one sentence, and counts() is nullopt when nothing can be concluded. finished() comes once per
 * start(), never from inside start(); cancel() ends a listing in flight (finished() follows).
 */
class RegistrationCoverage final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RegistrationCoverage)

public:
    /** `client` must outlive the coverage. */
    explicit RegistrationCoverage(HubClient *client, QObject *parent = nullptr);
    ~RegistrationCoverage() override;

    /** At most this many registrations are counted (default RegistrationCollector's). */
    void setLimit(int limit);

    /** Lists and counts the connection's hub again; one in flight is dropped first. */
    void start();
    bool isRunning() const;

    /**
     * The counts per kind once finished: every registration, or the first limit() of them
     * (isTruncated()); nullopt before, and when the listing failed or was cancelled.
     */
    const std::optional<QList<RegistrationCount>> &counts() const { return m_counts; }
    /** True when only the first limit() registrations were counted. */
    bool isTruncated() const { return m_truncated; }
    /** True when the last listing was cancelled. */
    bool isCancelled() const { return m_cancelled; }
    /**
     * One sentence when the counts are not the whole story: only the first N were counted, the
     * registrations could not be read (and why), or counting was cancelled; empty otherwise.
     */
    const QString &note() const { return m_note; }

public slots:
    void cancel();

signals:
    void finished();

private:
    void onFinished();

    RegistrationCollector *m_collector;
    std::optional<QList<RegistrationCount>> m_counts;
    QString m_note;
    bool m_truncated = false;
    bool m_cancelled = false;
};

} // namespace Nh
