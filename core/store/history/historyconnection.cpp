// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/history/historyconnection.h"

#include <QCoreApplication>
#include <QDir>
#include <QSqlError>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;

namespace Nh::HistoryDb {

QString newConnectionName(QStringView role)
{
    return u"nh-history-"_s + role + u'-' + QUuid::createUuid().toString(QUuid::Id128);
}

QString sqlError(const QSqlQuery &q)
{
    return q.lastError().text();
}

std::optional<QString> execSql(QSqlDatabase &db, const QString &sql, const QVariantList &values)
{
    QSqlQuery q(db);
    if (!q.prepare(sql))
        return sqlError(q);
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec())
        return sqlError(q);
    q.finish();
    return std::nullopt;
}

std::optional<QVariant> scalar(QSqlDatabase &db, const QString &sql, const QVariantList &values)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        return std::nullopt;
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec() || !q.next())
        return std::nullopt;
    QVariant v = q.value(0);
    q.finish();
    return v;
}

void closeConnection(const QString &name)
{
    {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        if (db.isValid())
            db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

Status openConnection(const QString &path, const QString &name, bool writer)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
    db.setDatabaseName(path);
    db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=%1"_s.arg(kBusyTimeoutMs));
    if (!db.open()) {
        return makeError(ErrorCode::Storage,
                         Tr::tr("Could not open the history file %1: %2")
                             .arg(QDir::toNativeSeparators(path), db.lastError().text()));
    }
    // FULL: an exchange reported written survives a power cut too, not only a crash; commits
    // are batched, so the fsyncs stay few.
    const QString sync = writer ? u"PRAGMA synchronous=FULL"_s : u"PRAGMA synchronous=NORMAL"_s;
    if (auto error = execSql(db, sync)) {
        return makeError(ErrorCode::Storage,
                         Tr::tr("Could not read the history file %1: %2")
                             .arg(QDir::toNativeSeparators(path), *error));
    }
    return {};
}

QString nativePath(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

} // namespace Nh::HistoryDb
