// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/clicommand.h"
#include "client/exchange.h"
#include "protocol/notification.h"

#include <QElapsedTimer>
#include <QMap>
#include <memory>
#include <optional>

namespace Nh {

class HubClient;
class HistoryStore;
class TemplatePropertyCheck;
struct TemplatePropertyReport;
struct CliProfiles;

/**
 * `nhcli send`: one notification (a test send unless --no-test), or --repeat N of them with up
 * to --concurrency C in flight, then a summary: sends/s, p50/p99 latency, results, errors.
 * Needs a target (--tags, --handle or --broadcast) so that nothing is broadcast by accident.
 */
class SendCommand final : public CliCommand
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SendCommand)

public:
    /** --concurrency above this is refused (QNAM opens at most 6 connections per host anyway,
     *  the rest wait in its queue). */
    static constexpr int kMaxConcurrency = 256;

    SendCommand(CliSession &session, QObject *parent);
    ~SendCommand() override;

    QString name() const override;
    QString summary() const override;
    QString description() const override;
    QList<QCommandLineOption> options() const override;
    void start(const QCommandLineParser &parser, const QStringList &arguments) override;
    void cancel() override;

private:
    bool build(const QCommandLineParser &parser);
    /** After the connection is known (--profile resolved): builds and sends. */
    void proceed(const QCommandLineParser &parser);
    /** After the template property check (or without one): opens the history and sends. */
    void dispatch(const QCommandLineParser &parser, bool prepared);
    /** Prints what the property check found; false when --require-properties refuses. */
    bool reportCheck(const QCommandLineParser &parser);
    /** The property check's JSON into `o`, when one ran. */
    void addCheck(QJsonObject &o) const;
    void openHistory(const QCommandLineParser &parser);
    /** Writes `exchange` to the history (when one is open). */
    void record(const Exchange &exchange);
    /** Commits what was written, then ends the command. */
    void finishWith(int code);
    void sendOnce();
    void launch();
    void completed(const Exchange &exchange, qint64 latencyNs);
    void showProgress(bool last);
    void finishRepeat();

    QCommandLineOption m_format;
    QCommandLineOption m_payload;
    QCommandLineOption m_template;
    QCommandLineOption m_tags;
    QCommandLineOption m_handle;
    QCommandLineOption m_broadcast;
    QCommandLineOption m_header;
    QCommandLineOption m_schedule;
    QCommandLineOption m_noTest;
    QCommandLineOption m_repeat;
    QCommandLineOption m_concurrency;
    QCommandLineOption m_profile;
    QCommandLineOption m_history;
    QCommandLineOption m_noHistory;
    QCommandLineOption m_noPropertyCheck;
    QCommandLineOption m_requireProperties;

    HubClient *m_client = nullptr;
    Notification m_notification;
    bool m_test = true;
    QList<Warning> m_warnings;
    std::unique_ptr<CliProfiles> m_profiles;
    std::unique_ptr<HistoryStore> m_historyStore;
    QString m_profileId;
    QString m_profileName;
    TemplatePropertyCheck *m_check = nullptr;
    std::unique_ptr<TemplatePropertyReport> m_checkReport;

    // --repeat
    int m_count = 1;
    int m_parallel = 1;
    int m_launched = 0;
    int m_completed = 0;
    bool m_cancelled = false;
    QElapsedTimer m_clock;
    qint64 m_lastProgressMs = -1;
    QList<qint64> m_latenciesNs;
    QMap<ExchangeResult, int> m_results;
    std::optional<Exchange> m_firstFailure;
};

} // namespace Nh
