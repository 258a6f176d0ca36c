// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/historystore.h"

#include "store/history/historyconnection.h"
#include "store/history/historyschema.h"
#include "store/history/historywritethread.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QStandardPaths>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

using namespace HistoryDb;

QString HistoryStore::defaultPath()
{
    // Shared by nhconsole and nhcli, whatever the running application's name.
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
        + u"/nhconsole/history.sqlite"_s;
}

Result<std::unique_ptr<HistoryStore>> HistoryStore::open(const QString &path)
{
    return open(path, Options());
}

Result<std::unique_ptr<HistoryStore>> HistoryStore::open(const QString &path, Options options)
{
    if (path.isEmpty())
        return makeError(ErrorCode::Usage, Tr::tr("No history file was given"));
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath())) {
        return makeError(ErrorCode::Storage,
                         Tr::tr("Could not create the folder %1 for the history file")
                             .arg(nativePath(info.absolutePath())));
    }
    {
        const QString name = newConnectionName(u"migrate");
        Status status = openConnection(path, name, true);
        if (status) {
            QSqlDatabase db = QSqlDatabase::database(name);
            status = migrate(db, path, options.fullTextSearch);
        }
        closeConnection(name);
        if (!status)
            return status.error();
    }
    auto reader = HistoryReader::open(path);
    if (!reader)
        return reader.error();
    std::unique_ptr<HistoryStore> store(new HistoryStore);
    store->m_path = path;
    store->m_reader = std::move(reader).value();
    store->m_writer = std::make_unique<HistoryWriter>(store.get(), path);
    store->m_writer->setObjectName(u"nh-history-writer"_s);
    store->m_writer->start();
    return store;
}

HistoryStore::~HistoryStore()
{
    if (m_writer) {
        m_writer->stop();
        m_writer->wait();
    }
}

QUuid HistoryStore::add(const Exchange &exchange, const HistoryContext &context)
{
    HistoryDb::AddOp op {exchange, context};
    // The real token never enters the queue.
    op.exchange.authorization.clear();
    if (op.exchange.id.isNull())
        op.exchange.id = QUuid::createUuid();
    const QUuid id = op.exchange.id;
    m_writer->enqueue(std::move(op));
    return id;
}

void HistoryStore::setPinned(const QUuid &id, bool pinned)
{
    m_writer->enqueue(PinOp {id, pinned});
}

void HistoryStore::setLabel(const QUuid &id, const QString &label)
{
    m_writer->enqueue(LabelOp {id, label});
}

void HistoryStore::remove(const QList<QUuid> &ids)
{
    if (!ids.isEmpty())
        m_writer->enqueue(RemoveOp {ids});
}

void HistoryStore::setRetention(const RetentionPolicy &policy)
{
    m_writer->enqueue(RetentionOp {policy});
}

int HistoryStore::pendingWrites() const
{
    return m_writer->pending();
}

} // namespace Nh
