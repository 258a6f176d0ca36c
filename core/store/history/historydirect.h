// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QVariant>
#include <memory>
#include <optional>

struct sqlite3;
struct sqlite3_stmt;

/**
 * A write statement of the history writer run through SQLite's own API on the connection's
 * handle, when the Qt SQLite driver runs on this process's libsqlite3 (Linux distributions build
 * it against the system library). QSqlQuery's positional binding costs a formatted placeholder
 * name and a hash lookup per value, more than the INSERT itself; this binds each value as the
 * driver does (docs/architecture.md, "The history writer"). Internal to nh_store.
 */
namespace Nh::HistoryDb {

class DirectStatement
{
public:
    /** The connection's handle, when statements can be prepared on it directly; else nullptr
     *  (another SQLite than this process's, or a build without SQLite's headers). */
    static sqlite3 *handle(QSqlDatabase &db);
    /** `sql` prepared on `handle`; nullptr when it does not prepare (the QSqlQuery path then
     *  reports the error as before). */
    static std::unique_ptr<DirectStatement> prepare(sqlite3 *handle, const QString &sql);

    ~DirectStatement();
    DirectStatement(const DirectStatement &) = delete;
    DirectStatement &operator=(const DirectStatement &) = delete;

    /** Whether values of these types are bound here exactly as the Qt driver binds them. */
    static bool bindable(const QVariant &value);
    /** Binds `count` values in order, runs the statement to its first row or its end and resets
     *  it; on failure the driver's text, as QSqlQuery::lastError().text() would give it. */
    std::optional<QString> exec(const QVariant *values, qsizetype count);
    /** Rows the last exec() changed (QSqlQuery::numRowsAffected()). */
    qint64 changes() const;
    /** The row id of the last insert on the connection (QSqlQuery::lastInsertId()). */
    qint64 lastInsertId() const;

private:
    DirectStatement(sqlite3 *db, sqlite3_stmt *stmt, int parameters)
        : m_db(db)
        , m_stmt(stmt)
        , m_parameters(parameters)
    { }
    std::optional<QString> error(const char *what) const;

    sqlite3 *m_db;
    sqlite3_stmt *m_stmt;
    int m_parameters;
};

} // namespace Nh::HistoryDb
