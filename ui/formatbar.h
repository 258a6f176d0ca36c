// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/platform.h"

#include <QWidget>

class QAction;
class QComboBox;

/** The composer's top row: the format picker, the format's presets and Pretty-print. */
class FormatBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FormatBar)

public:
    /** `prettyAction` is what the Pretty-print button triggers. */
    explicit FormatBar(QAction *prettyAction, QWidget *parent = nullptr);

    /** Picks `format` and lists its presets (no signal). */
    void setFormat(Nh::Format format);
    Nh::Format format() const;
    /** Shows preset `index` as the current one (no signal). */
    void setPresetIndex(int index);
    /** Format and preset cannot change while a send is in flight. */
    void setPickersEnabled(bool enabled);

signals:
    /** The user picked a format. */
    void formatActivated(Nh::Format format);
    /** The user picked preset `index` of the current format. */
    void presetActivated(int index);

private:
    QComboBox *m_formatCombo = nullptr;
    QComboBox *m_presetCombo = nullptr;
};
