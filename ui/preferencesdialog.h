// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/historystore.h"
#include "store/settings.h"

#include <QDialog>
#include <QMessageBox>
#include <QPointer>

class QComboBox;
class QDialogButtonBox;
class QGroupBox;
class QLabel;
class QPushButton;
class QSettings;
class QSpinBox;

/**
 * The preferences (issues #6, #7): the colour scheme, how much history to keep, and what new
 * profiles start with (send timeout, API version).
 *
 * The colour scheme is previewed on the whole application as soon as it is picked; Cancel goes
 * back to the one in effect before. OK writes the settings and the history's RetentionPolicy
 * (stored in the history file, so nhcli prunes the same way); when the new limits would delete
 * exchanges now, it first asks, saying how many. Pinned exchanges are never deleted by them.
 * Without a history (null store) that part is disabled and says why.
 */
class PreferencesDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PreferencesDialog)

public:
    /** `settings` is required; `history` may be null. Neither is owned. */
    PreferencesDialog(QSettings *settings, Nh::HistoryStore *history, QWidget *parent = nullptr);
    ~PreferencesDialog() override;

    /** What the form holds now. */
    Nh::Settings::Appearance appearance() const;
    Nh::RetentionPolicy retention() const;
    /** Send timeout in ms. */
    int sendTimeoutMs() const;
    QString apiVersion() const;

    /**
     * How many exchanges the form's retention would delete from the history now (pinned ones
     * excepted); 0 without a history, -1 when the history cannot be counted.
     */
    qint64 exchangesToDelete() const;

    QComboBox *appearanceCombo() const { return m_appearance; }
    QSpinBox *maxCountSpin() const { return m_maxCount; }
    QSpinBox *maxAgeSpin() const { return m_maxAge; }
    QSpinBox *timeoutSpin() const { return m_timeout; }
    QComboBox *apiVersionCombo() const { return m_apiVersion; }
    QGroupBox *historyGroup() const { return m_historyGroup; }
    QLabel *errorLabel() const { return m_error; }
    QPushButton *okButton() const;
    QPushButton *restoreDefaultsButton() const;
    /** The open "delete N exchanges?" question, or null. */
    QMessageBox *confirmation() const { return m_confirmation; }

public slots:
    /** Puts every field back to its default (saved only with OK). */
    void restoreDefaults();
    void accept() override;
    void reject() override;

private:
    void build();
    void load();
    void validate();
    void apply();

    QSettings *m_settings;
    QPointer<Nh::HistoryStore> m_history;
    Nh::Settings::Appearance m_appearanceBefore = Nh::Settings::Appearance::System;
    bool m_finished = false;

    QComboBox *m_appearance = nullptr;
    QGroupBox *m_historyGroup = nullptr;
    QSpinBox *m_maxCount = nullptr;
    QSpinBox *m_maxAge = nullptr;
    QLabel *m_historyNote = nullptr;
    QSpinBox *m_timeout = nullptr;
    QComboBox *m_apiVersion = nullptr;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPointer<QMessageBox> m_confirmation;
};
