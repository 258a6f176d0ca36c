// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QStringView>
#include <QVariant>
#include <QVariantList>
#include <optional>

/**
 * The SQLite connections of a history file and the few statement helpers every part of the
 * history (schema, reader, writer thread) runs its SQL through. Internal to nh_store.
 */
namespace Nh::HistoryDb {

/** The translation context of the history's messages; lupdate reads it from here. */
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Nh::HistoryStore)
};

/// How long a statement waits for another writer's lock before it fails.
constexpr int kBusyTimeoutMs = 10000;

/** A connection name of its own for `role` ("reader", "writer", "migrate"). */
QString newConnectionName(QStringView role);

/** Opens `path` under `name` with the settings every history connection uses; the writer's
 *  (and the migration's) commits are durable against a power cut. Errors name the file. */
Status openConnection(const QString &path, const QString &name, bool writer);
/** Closes and forgets the connection `name` (nothing when it is not open). */
void closeConnection(const QString &name);

/** The driver's text of the last error of `q`. */
QString sqlError(const QSqlQuery &q);
/** Runs one statement with `values` bound in order; on failure returns the driver's text. */
std::optional<QString> execSql(QSqlDatabase &db, const QString &sql,
                               const QVariantList &values = {});
/** The first column of the first row of `sql`; nullopt when it fails or returns no row. */
std::optional<QVariant> scalar(QSqlDatabase &db, const QString &sql,
                               const QVariantList &values = {});

/** `path` as messages show it. */
QString nativePath(const QString &path);

} // namespace Nh::HistoryDb
