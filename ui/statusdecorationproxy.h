// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIdentityProxyModel>
#include <QPalette>

/**
 * Adds what QtCore models must not carry (docs/conventions.md R10): icons and colours. Over an
 * Nh::OutcomeModel it puts a success/failure icon on the first column, colours the outcome and
 * shows the registration id as a link;
 * over an Nh::HeaderModel it greys automatic rows, italicises them, and marks secret values with
 * a lock. Everything else passes through unchanged.
 */
class StatusDecorationProxy final : public QIdentityProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatusDecorationProxy)

public:
    enum class Kind { Outcome, Headers };

    StatusDecorationProxy(Kind kind, QObject *parent = nullptr);

    /** The palette colours are taken from; set it again after a palette change. */
    void setPalette(const QPalette &palette);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    Kind m_kind;
    QPalette m_palette;
};
