// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/clicommand.h"
#include "store/historystore.h"

#include <QDateTime>
#include <memory>
#include <optional>

namespace Nh {

struct CliProfiles;

/**
 * The history file of an nhcli run: `--history PATH`, else HistoryStore::defaultPath().
 * Shared by `send` (which writes every exchange, source "cli") and `history`.
 */
QString cliHistoryPath(const QString &option);

/**
 * A time as `--since`/`--until` take it, relative to `now`: "30m", "2h", "7d", "45s" ago, or
 * ISO 8601 (a date, a date and time in UTC, or with Z or an offset). nullopt when unreadable.
 */
std::optional<QDateTime> parseCliTime(const QString &text, const QDateTime &now);

/**
 * `nhcli history list|show|resend|export|prune` (issue #6) over the history the GUI and
 * `nhcli send` write, with the filters of HistoryFilter: --profile, --since, --until, --format,
 * --tag, --status, --search, --pinned, and --limit.
 *
 * `show ID` and `resend ID` take an exchange id or `last` (the newest passing the filters);
 * `resend` sends it again under --profile or the connection of the environment, and writes the
 * new exchange to the history. `export [ID...]` writes curl commands, JSON or HAR 1.2 (--format
 * curl|json|har); `prune --keep N` / `--older-than DAYS` deletes old exchanges but never pinned
 * ones.
 */
class HistoryCommand final : public CliCommand
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryCommand)

public:
    static constexpr int kDefaultLimit = 50;

    HistoryCommand(CliSession &session, QObject *parent);
    ~HistoryCommand() override;

    QString name() const override;
    QString summary() const override;
    QString description() const override;
    QString syntax() const override;
    QList<QCommandLineOption> options() const override;
    void start(const QCommandLineParser &parser, const QStringList &arguments) override;

private:
    bool buildFilter(const QCommandLineParser &parser);
    bool openReader();
    /** `id` or "last"; fails the command and returns nullopt when there is no such exchange. */
    std::optional<HistoryRecord> recordFor(const QString &id);
    void list();
    void show(const QString &id);
    void resend(const QCommandLineParser &parser, const QString &id);
    void resendWith(const HistoryRecord &record, const HistoryContext &context);
    void exportRecords(const QString &format, const QStringList &ids, const QString &output);
    void prune(const QCommandLineParser &parser);

    QCommandLineOption m_history;
    QCommandLineOption m_profile;
    QCommandLineOption m_since;
    QCommandLineOption m_until;
    QCommandLineOption m_format;
    QCommandLineOption m_tag;
    QCommandLineOption m_status;
    QCommandLineOption m_search;
    QCommandLineOption m_pinned;
    QCommandLineOption m_limit;
    QCommandLineOption m_output;
    QCommandLineOption m_keep;
    QCommandLineOption m_olderThan;

    QString m_path;
    HistoryFilter m_filter;
    int m_limitRows = kDefaultLimit;
    std::unique_ptr<HistoryReader> m_reader;
    std::unique_ptr<HistoryStore> m_store;
    std::unique_ptr<CliProfiles> m_profiles;
};

} // namespace Nh
