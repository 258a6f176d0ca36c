// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/profile.h"

#include <QIcon>
#include <QUuid>
#include <QWidget>

class QComboBox;
class QLabel;
namespace Nh {
class ProfileStore;
}

/**
 * The toolbar's profile picker (issue #7): every profile with its colour, and beside the combo
 * a badge that tells production from test at a glance: a red "PROD" for a production profile,
 * the profile's own label in its colour otherwise. Follows the store's changes.
 */
class ProfileSwitcher final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileSwitcher)

public:
    explicit ProfileSwitcher(Nh::ProfileStore *store, QWidget *parent = nullptr);

    QUuid currentProfileId() const;
    /** Selects `id` without emitting profileActivated(). */
    void setCurrentProfile(const QUuid &id);
    QComboBox *combo() const { return m_combo; }
    QLabel *badge() const { return m_badge; }

    /** A round swatch of the profile's colour (the emulator icon for Emulator profiles). */
    static QIcon swatch(const Nh::Profile &profile);

signals:
    /** The user picked another profile. */
    void profileActivated(const QUuid &id);

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild();
    void updateBadge();

    Nh::ProfileStore *m_store;
    QComboBox *m_combo = nullptr;
    QLabel *m_badge = nullptr;
};
