// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSortFilterProxyModel>
#include <QString>

namespace Nh {

/**
 * The traffic view's filters over a TrafficModel (issue #20): client (part of the User-Agent),
 * operation (a prefix: "send" keeps every send), status (a prefix of the number: "4" keeps
 * 4xx, "401" only 401; "0" the exchanges without an answer), tag (part of the Tags header),
 * and flagged rows only. Case is ignored; an empty filter keeps everything.
 */
class TrafficFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrafficFilterModel)

public:
    explicit TrafficFilterModel(QObject *parent = nullptr);

    void setClient(const QString &text);
    void setOperation(const QString &text);
    void setStatus(const QString &text);
    void setTag(const QString &text);
    void setFlaggedOnly(bool on);

    QString client() const { return m_client; }
    QString operation() const { return m_operation; }
    QString status() const { return m_status; }
    QString tag() const { return m_tag; }
    bool flaggedOnly() const { return m_flaggedOnly; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    void set(QString &field, const QString &text);

    QString m_client;
    QString m_operation;
    QString m_status;
    QString m_tag;
    bool m_flaggedOnly = false;
};

} // namespace Nh
