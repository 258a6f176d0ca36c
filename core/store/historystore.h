// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "store/history/historyreader.h"
#include "store/history/historytypes.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QUuid>
#include <memory>

namespace Nh {

class HistoryWriter;

/**
 * The durable history of every exchange (issue #6), shared by the GUI and nhcli. A SQLite file
 * (WAL, synchronous=FULL, schema versioned in user_version with migrations), written by a
 * dedicated thread that owns its own connection; several processes may write the same file at
 * once. The history never holds a secret: everything goes through historyRecordFor().
 *
 * Writes return at once and are queued; written(), updated() and removed() are emitted in the
 * store's thread after the transaction that holds the change has committed (an exchange is
 * "reported done" then, and survives a crash of the process from that moment). Writes of one
 * store are committed in the order they were made. Reading goes through reader() on the store's
 * thread, or a HistoryReader of its own.
 */
class HistoryStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryStore)

public:
    struct Options
    {
        /// Create the FTS5 index when SQLite has FTS5 (tests switch it off to exercise LIKE).
        bool fullTextSearch = true;
    };

    /** `<GenericDataLocation>/nhconsole/history.sqlite`, shared by nhconsole and nhcli. */
    static QString defaultPath();

    /**
     * Opens or creates the file (and its folder), migrating an older schema. Errors name the
     * file: it cannot be opened or created, is not a history file, or was written by a newer
     * nhconsole.
     */
    static Result<std::unique_ptr<HistoryStore>> open(const QString &path, Options options);
    static Result<std::unique_ptr<HistoryStore>> open(const QString &path);
    /** Commits every queued write first (blocks until the writer thread is done). */
    ~HistoryStore() override;

    QString path() const { return m_path; }
    bool hasFullTextSearch() const { return m_reader->hasFullTextSearch(); }
    HistoryReader &reader() const { return *m_reader; }

    /** Queues `exchange` (redacted in the writer thread); returns its id. */
    QUuid add(const Exchange &exchange, const HistoryContext &context = {});
    void setPinned(const QUuid &id, bool pinned);
    /** An empty label removes it. */
    void setLabel(const QUuid &id, const QString &label);
    void remove(const QList<QUuid> &ids);
    /**
     * Stores the policy in the file (every process writing it applies the same one) and applies
     * it now; it is applied again after every write. removed() lists what it pruned.
     */
    void setRetention(const RetentionPolicy &policy);
    RetentionPolicy retention() const { return m_reader->retention(); }

    /** Writes queued and not yet committed. */
    int pendingWrites() const;

signals:
    void written(const QUuid &id, qint64 rowId);
    void updated(const QUuid &id);
    /** Deleted by remove() or pruned by the retention policy. */
    void removed(const QList<QUuid> &ids);
    /** A write that could not be committed (disk full, file locked too long, …); translated. */
    void writeFailed(const QUuid &id, const QString &message);

private:
    friend class HistoryWriter;
    HistoryStore() = default;

    QString m_path;
    std::unique_ptr<HistoryReader> m_reader;
    std::unique_ptr<HistoryWriter> m_writer;
};

} // namespace Nh
