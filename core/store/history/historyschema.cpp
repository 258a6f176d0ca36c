// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/history/historyschema.h"

#include "store/history/historyconnection.h"
#include "store/history/historyrowcodec.h"

#include <QCoreApplication>
#include <QSqlQuery>

using namespace Qt::Literals::StringLiterals;

namespace Nh::HistoryDb {

namespace {

bool fts5Available(QSqlDatabase &db)
{
    if (execSql(db, u"CREATE VIRTUAL TABLE temp.nh_fts5_probe USING fts5(x)"_s))
        return false;
    execSql(db, u"DROP TABLE temp.nh_fts5_probe"_s);
    return true;
}

QStringList fullTextSchema()
{
    const QString columns = textColumns().join(u", "_s);
    QStringList newValues, oldValues;
    for (const QString &c : textColumns()) {
        newValues.append(u"new."_s + c);
        oldValues.append(u"old."_s + c);
    }
    const QString insertNew = u"INSERT INTO exchanges_fts(rowid, "_s + columns
        + u") VALUES (new.id, "_s + newValues.join(u", "_s) + u");"_s;
    const QString deleteOld = u"INSERT INTO exchanges_fts(exchanges_fts, rowid, "_s + columns
        + u") VALUES ('delete', old.id, "_s + oldValues.join(u", "_s) + u");"_s;
    // External content: the text is stored once, in exchanges. New rows are indexed by the
    // writer, once per transaction (fullTextFeedSql()); deletes and labels follow by triggers.
    return {
        u"CREATE VIRTUAL TABLE exchanges_fts USING fts5("_s + columns
            + u", content='exchanges', content_rowid='id', tokenize='unicode61')"_s,
        u"CREATE TRIGGER exchanges_fts_ad AFTER DELETE ON exchanges BEGIN "_s + deleteOld
            + u" END"_s,
        u"CREATE TRIGGER exchanges_fts_au AFTER UPDATE OF label ON exchanges BEGIN "_s + deleteOld
            + u" "_s + insertNew + u" END"_s,
    };
}

const QStringList &schemaVersion1()
{
    static const QStringList sql = {
        u"CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"_s,
        // The columns are those of the row codec's column table.
        createExchangesSql(),
        u"CREATE INDEX exchanges_started ON exchanges(started_ms, id)"_s,
        // Covering for the retention query (newest unpinned first).
        u"CREATE INDEX exchanges_pinned_started ON exchanges(pinned, started_ms, id)"_s,
        u"CREATE INDEX exchanges_profile ON exchanges(profile_id, started_ms)"_s,
        u"CREATE INDEX exchanges_status ON exchanges(status_class, started_ms)"_s,
        u"CREATE INDEX exchanges_format ON exchanges(format COLLATE NOCASE, started_ms)"_s,
        u"CREATE TABLE exchange_tags (tag TEXT NOT NULL COLLATE NOCASE, exchange_id INTEGER NOT "
        u"NULL, PRIMARY KEY (tag, exchange_id)) WITHOUT ROWID"_s,
        u"CREATE INDEX exchange_tags_exchange ON exchange_tags(exchange_id)"_s,
        u"CREATE TRIGGER exchanges_tags_ad AFTER DELETE ON exchanges BEGIN "
        u"DELETE FROM exchange_tags WHERE exchange_id = old.id; END"_s,
    };
    return sql;
}

} // namespace

const QString &fullTextFeedSql()
{
    static const QString sql = []() -> QString {
        const QString columns = textColumns().join(u", "_s);
        return u"INSERT INTO exchanges_fts(rowid, "_s + columns + u") SELECT id, "_s + columns
            + u" FROM exchanges WHERE id BETWEEN ? AND ?"_s;
    }();
    return sql;
}

const QStringList &textColumns()
{
    static const QStringList columns = {
        u"url"_s,           u"request_headers"_s, u"request_body"_s, u"response_headers"_s,
        u"response_body"_s, u"error_sentence"_s,  u"target"_s,       u"label"_s,
    };
    return columns;
}

Status migrate(QSqlDatabase &db, const QString &path, bool wantFullText)
{
    // WAL cannot be switched on inside a transaction; the mode is stored in the file.
    {
        QSqlQuery q(db);
        if (!q.exec(u"PRAGMA journal_mode=WAL"_s)) {
            return makeError(ErrorCode::Storage,
                             Tr::tr("Could not read the history file %1: %2")
                                 .arg(nativePath(path), sqlError(q)));
        }
        q.finish();
    }
    if (auto error = execSql(db, u"BEGIN IMMEDIATE"_s)) {
        return makeError(
            ErrorCode::Storage,
            Tr::tr("Could not prepare the history file %1: %2").arg(nativePath(path), *error));
    }
    const auto fail = [&](const QString &message, ErrorCode code = ErrorCode::Storage) -> Status {
        execSql(db, u"ROLLBACK"_s);
        return makeError(code, message);
    };
    const int version = scalar(db, u"PRAGMA user_version"_s).value_or(0).toInt();
    if (version > kSchemaVersion) {
        return fail(
            Tr::tr("The history file %1 was written by a newer nhconsole (schema %2; this one "
                   "reads up to %3)")
                .arg(nativePath(path))
                .arg(version)
                .arg(kSchemaVersion),
            ErrorCode::InvalidValue);
    }
    if (version == 0) {
        const qint64 tables =
            scalar(db, u"SELECT count(*) FROM sqlite_master WHERE type = 'table'"_s)
                .value_or(0)
                .toLongLong();
        if (tables > 0) {
            execSql(db, u"ROLLBACK"_s);
            return makeError(ErrorCode::UnexpectedRoot,
                             Tr::tr("%1 is a database, but not an nhconsole history file")
                                 .arg(nativePath(path)));
        }
    }
    QStringList steps;
    if (version < 1)
        steps += schemaVersion1();
    if (version < 2) {
        const bool fts = wantFullText && fts5Available(db);
        if (fts) {
            steps += fullTextSchema();
            // Exchanges written under schema 1 get indexed too.
            steps += u"INSERT INTO exchanges_fts(exchanges_fts) VALUES ('rebuild')"_s;
        }
        steps += u"INSERT OR REPLACE INTO meta (key, value) VALUES ('search', '%1')"_s.arg(
            fts ? kSearchFts5 : kSearchLike);
    }
    // Schema 4: a row-by-row feed made each INSERT flush the index (FTS5 flushes at every
    // statement's savepoint); the writer feeds it per transaction instead.
    if (version < 4)
        steps += u"DROP TRIGGER IF EXISTS exchanges_fts_ai"_s;
    // Columns added after version 1, each in the version that added it.
    for (const auto &[column, since] : addedColumns()) {
        // A new file has it already (CREATE TABLE lists every column), and so has one whose
        // user_version was set back by hand.
        const bool present = version >= 1
            && scalar(
                   db,
                   u"SELECT count(*) FROM pragma_table_info('exchanges') WHERE name = '%1'"_s.arg(
                       column))
                    .value_or(0)
                    .toInt()
                > 0;
        if (version >= 1 && version < since && !present) {
            for (const HistoryColumn &c : historyColumns()) {
                if (c.name == column)
                    steps += u"ALTER TABLE exchanges ADD COLUMN "_s + c.name + u' ' + c.sqlType;
            }
        }
    }
    for (const QString &sql : std::as_const(steps)) {
        if (auto error = execSql(db, sql)) {
            return fail(
                Tr::tr("Could not prepare the history file %1: %2").arg(nativePath(path), *error));
        }
    }
    // A file made without the index gets one when it is wanted and SQLite has FTS5.
    if (version >= 2 && wantFullText
        && scalar(db, u"SELECT value FROM meta WHERE key = 'search'"_s).value_or(QString())
            == kSearchLike
        && fts5Available(db)) {
        QStringList index = fullTextSchema();
        index += u"INSERT INTO exchanges_fts(exchanges_fts) VALUES ('rebuild')"_s;
        index += u"UPDATE meta SET value = 'fts5' WHERE key = 'search'"_s;
        for (const QString &sql : std::as_const(index)) {
            if (auto error = execSql(db, sql)) {
                return fail(Tr::tr("Could not index the history file %1: %2")
                                .arg(nativePath(path), *error));
            }
        }
    }
    if (auto error = execSql(db, u"PRAGMA user_version=%1"_s.arg(kSchemaVersion)))
        return fail(
            Tr::tr("Could not prepare the history file %1: %2").arg(nativePath(path), *error));
    if (auto error = execSql(db, u"COMMIT"_s))
        return fail(
            Tr::tr("Could not prepare the history file %1: %2").arg(nativePath(path), *error));
    return {};
}

} // namespace Nh::HistoryDb
