// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

/**
 * The history file's schema: its version (PRAGMA user_version), the tables and indexes of each
 * version, the free-text index, and the migration that brings a file to the current version.
 * Internal to nh_store.
 */
namespace Nh::HistoryDb {

/// 1: exchanges, tags, meta. 2: the free-text index (FTS5, or a note that LIKE is used).
/// 3: exchanges.rendered, the payloads a template send was rendered into (JSON, NULL if none).
/// 4: no AFTER INSERT trigger on the free-text index: the writer feeds it once per transaction
///    (fullTextFeedSql()), which costs a third of a trigger's row-by-row feed.
constexpr int kSchemaVersion = 4;

/// meta 'search': how free text is searched in this file.
inline const QString kSearchFts5 = QStringLiteral("fts5");
inline const QString kSearchLike = QStringLiteral("like");

/** The columns free text looks at, in the FTS5 table and in the LIKE fallback alike. */
const QStringList &textColumns();

/**
 * Indexes the rows `id BETWEEN ? AND ?` in the free-text index (rows just inserted in the same
 * transaction; the delete and label triggers keep the index in step afterwards).
 */
const QString &fullTextFeedSql();

/**
 * Brings the file to kSchemaVersion in one write transaction (safe against a second process
 * migrating at the same moment: the version is read again under the write lock). Errors name
 * the file: not a history file (UnexpectedRoot), a newer schema, a failed step.
 */
Status migrate(QSqlDatabase &db, const QString &path, bool wantFullText);

} // namespace Nh::HistoryDb
