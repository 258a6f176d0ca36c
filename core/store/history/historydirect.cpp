// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/history/historydirect.h"

#include <QCoreApplication>
#include <QSqlDriver>
#include <QSqlQuery>

#ifdef NH_HAVE_SQLITE3
#include <sqlite3.h>
#endif

using namespace Qt::Literals::StringLiterals;

namespace Nh::HistoryDb {

#ifdef NH_HAVE_SQLITE3

namespace {

/// The Qt SQLite driver's own context and texts: an error reads as it did through QSqlQuery.
/// Held in variables so that lupdate does not take them for this project's strings.
const char *const kDriverContext = "QSQLiteResult";
const char *const kFetchError = "Unable to fetch row";
const char *const kBindError = "Unable to bind parameters";
const char *const kCountError = "Parameter count mismatch";

/** QSqlResultPrivate::isVariantNull(): what the driver binds as NULL. */
bool isNull(const QVariant &value)
{
    if (value.isNull())
        return true;
    switch (value.typeId()) {
    case QMetaType::QString:
        return static_cast<const QString *>(value.constData())->isNull();
    case QMetaType::QByteArray:
        return static_cast<const QByteArray *>(value.constData())->isNull();
    default:
        return false;
    }
}

} // namespace

sqlite3 *DirectStatement::handle(QSqlDatabase &db)
{
    const QVariant v = db.driver() ? db.driver()->handle() : QVariant();
    if (!v.isValid() || qstrcmp(v.typeName(), "sqlite3*") != 0)
        return nullptr;
    sqlite3 *h = *static_cast<sqlite3 *const *>(v.constData());
    if (!h)
        return nullptr;
    // The driver may carry an SQLite of its own (a Qt built with its bundled copy): its handle
    // is then not this library's. The same source id means the same library, which the dynamic
    // linker loads once per process.
    QSqlQuery q(db);
    if (!q.exec(u"SELECT sqlite_source_id()"_s) || !q.next())
        return nullptr;
    if (q.value(0).toString().toUtf8() != QByteArray(sqlite3_sourceid()))
        return nullptr;
    return h;
}

std::unique_ptr<DirectStatement> DirectStatement::prepare(sqlite3 *handle, const QString &sql)
{
    if (!handle)
        return nullptr;
    sqlite3_stmt *stmt = nullptr;
    const int res =
        sqlite3_prepare16_v2(handle, sql.utf16(), int(sql.size() * sizeof(QChar)), &stmt, nullptr);
    if (res != SQLITE_OK || !stmt) {
        sqlite3_finalize(stmt);
        return nullptr;
    }
    return std::unique_ptr<DirectStatement>(
        new DirectStatement(handle, stmt, sqlite3_bind_parameter_count(stmt)));
}

DirectStatement::~DirectStatement()
{
    sqlite3_finalize(m_stmt);
}

bool DirectStatement::bindable(const QVariant &value)
{
    if (isNull(value))
        return true;
    switch (value.typeId()) {
    case QMetaType::QString:
    case QMetaType::QByteArray:
    case QMetaType::Int:
    case QMetaType::Bool:
    case QMetaType::Double:
    case QMetaType::UInt:
    case QMetaType::LongLong:
        return true;
    default:
        return false;
    }
}

std::optional<QString> DirectStatement::error(const char *what) const
{
    // QSqlError::text(): the database's text, a space, the driver's.
    const QString database =
        QString(reinterpret_cast<const QChar *>(sqlite3_errmsg16(m_db))); // NOLINT
    const QString driver = QCoreApplication::translate(kDriverContext, what);
    if (database.isEmpty() || database.endsWith(u'\n'))
        return database + driver;
    return database + u' ' + driver;
}

std::optional<QString> DirectStatement::exec(const QVariant *values, qsizetype count)
{
    // Every run ends with a reset (below), so the statement starts afresh here.
    if (count != m_parameters)
        return QCoreApplication::translate(kDriverContext, kCountError);
    int res = SQLITE_OK;
    for (int i = 0; i < m_parameters && res == SQLITE_OK; ++i) {
        const QVariant &value = values[i];
        if (isNull(value)) {
            res = sqlite3_bind_null(m_stmt, i + 1);
            continue;
        }
        switch (value.typeId()) {
        case QMetaType::QByteArray: {
            const auto *bytes = static_cast<const QByteArray *>(value.constData());
            res = sqlite3_bind_blob(m_stmt, i + 1, bytes->constData(), int(bytes->size()),
                                    SQLITE_STATIC);
            break;
        }
        case QMetaType::Int:
        case QMetaType::Bool:
            res = sqlite3_bind_int(m_stmt, i + 1, value.toInt());
            break;
        case QMetaType::Double:
            res = sqlite3_bind_double(m_stmt, i + 1, value.toDouble());
            break;
        case QMetaType::UInt:
        case QMetaType::LongLong:
            res = sqlite3_bind_int64(m_stmt, i + 1, value.toLongLong());
            break;
        case QMetaType::QString: {
            const auto *text = static_cast<const QString *>(value.constData());
            res = sqlite3_bind_text16(m_stmt, i + 1, text->utf16(),
                                      int(text->size() * sizeof(QChar)), SQLITE_STATIC);
            break;
        }
        default: {
            const QString text = value.toString();
            res = sqlite3_bind_text16(m_stmt, i + 1, text.utf16(), int(text.size() * sizeof(QChar)),
                                      SQLITE_TRANSIENT);
            break;
        }
        }
    }
    std::optional<QString> failure;
    if (res != SQLITE_OK) {
        failure = error(kBindError);
    } else {
        res = sqlite3_step(m_stmt);
        if (res != SQLITE_ROW && res != SQLITE_DONE)
            failure = error(kFetchError);
    }
    // As QSqlQuery::finish(): the statement lets go of its locks; the values bound without a
    // copy go with the caller's list.
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
    return failure;
}

qint64 DirectStatement::changes() const
{
    return sqlite3_changes(m_db);
}

qint64 DirectStatement::lastInsertId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

#else // no SQLite headers at build time: always the QSqlQuery path

sqlite3 *DirectStatement::handle(QSqlDatabase &)
{
    return nullptr;
}

std::unique_ptr<DirectStatement> DirectStatement::prepare(sqlite3 *, const QString &)
{
    return nullptr;
}

DirectStatement::~DirectStatement() = default;

bool DirectStatement::bindable(const QVariant &)
{
    return false;
}

std::optional<QString> DirectStatement::error(const char *) const
{
    return std::nullopt;
}

std::optional<QString> DirectStatement::exec(const QVariant *, qsizetype)
{
    return std::nullopt;
}

qint64 DirectStatement::changes() const
{
    return 0;
}

qint64 DirectStatement::lastInsertId() const
{
    return 0;
}

#endif

} // namespace Nh::HistoryDb
