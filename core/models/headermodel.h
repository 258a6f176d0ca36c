// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/httpheaders.h"
#include "common/redaction.h"

#include <QAbstractTableModel>
#include <QList>
#include <QString>

namespace Nh {

/**
 * HTTP header fields as name/value rows (docs/conventions.md R8, R10). The model may hold real
 * secrets (an Authorization token) but shows them redacted with Nh::redactHeaders() unless
 * setReveal(Reveal::Yes) was called; no role hands out an unredacted value while reveal is off.
 *
 * Rows have an origin. Custom rows (the user's own headers in the composer) are editable, and
 * insertRows() makes empty custom rows; every other row is read-only. QtCore only: the greying
 * of automatic rows and the secret marker are drawn by a proxy in ui/.
 */
class HeaderModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HeaderModel)

public:
    enum Column { Name, Value, ColumnCount };
    enum Role {
        OriginRole = Qt::UserRole, ///< int(Origin)
        SecretRole, ///< bool: the value holds a credential (redacted unless revealed)
        NoteRole, ///< QString: why the header is there, empty when nothing to say
    };
    enum class Origin {
        Automatic, ///< set by nhconsole or derived from the payload (not editable)
        Custom, ///< the user's own header (editable)
        Sent, ///< a header of a request that was sent
        Received, ///< a header of a response
    };
    Q_ENUM(Origin)

    struct Row
    {
        QByteArray name;
        QByteArray value;
        Origin origin = Origin::Custom;
        QString note;
    };

    explicit HeaderModel(QObject *parent = nullptr);

    /** Replaces every row (a model reset). Reveal is left as it is. */
    void setRows(const QList<Row> &rows);
    void setHeaders(const HttpHeaders &headers, Origin origin);
    const QList<Row> &rows() const { return m_rows; }
    /** The rows of one origin, unredacted, in order (custom rows with an empty name skipped). */
    HttpHeaders headers(Origin origin) const;
    /** The rows as shown: redacted unless revealed. */
    HttpHeaders shownHeaders() const;

    /** Replaces only the rows of `origin`, keeping the others; automatic rows come first. */
    void replaceRows(Origin origin, const QList<Row> &rows);

    void setReveal(Reveal reveal);
    Reveal reveal() const { return m_reveal; }
    /** True when a row's value changes under redaction (something would be revealed). */
    bool hasSecrets() const;

    /** Appends a custom row and returns its row number. */
    int appendCustom(const QByteArray &name, const QByteArray &value);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    /** Inserts empty custom rows. */
    bool insertRows(int row, int count, const QModelIndex &parent = {}) override;
    /** Removes rows of any origin. */
    bool removeRows(int row, int count, const QModelIndex &parent = {}) override;

signals:
    void revealChanged(Nh::Reveal reveal);
    /** A custom row was edited, inserted or removed. */
    void customHeadersChanged();

private:
    QByteArray shownValue(const Row &row) const;
    bool isSecret(const Row &row) const;

    QList<Row> m_rows;
    Reveal m_reveal = Reveal::No;
};

} // namespace Nh
