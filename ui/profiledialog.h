// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "store/profile.h"
#include "store/secretstore.h"
#include "store/settings.h"

#include <QDialog>
#include <QPointer>

class QAction;
class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QFrame;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
namespace Nh {
class ProfileJob;
class ProfileStore;
} // namespace Nh

/**
 * Creates or edits a profile (issue #7). A new hub profile comes from a pasted connection string
 * and a hub name, validated as they are typed: the exact located error of
 * ProfileStore::fromConnectionString() (with a caret under the place) and OK disabled until it
 * parses. Editing changes the fields; pasting a connection string there replaces the key.
 *
 * The key in the connection string is shown as •••• (the endpoint, rule and EntityPath stay in
 * clear so they can be checked); the Reveal toggle in the field shows it, and it is masked again
 * when the dialog loses focus, is hidden or starts saving. Editing while masked edits the real
 * text (a bullet stands for its own character), so nothing typed or pasted is lost.
 *
 * OK stores the profile through ProfileStore's jobs, so the key goes to the keychain without
 * blocking: the form shows progress meanwhile. When the keychain cannot be used (no Secret
 * Service, locked, denied) the dialog says so plainly and offers to keep the key in memory for
 * this run only (SecretStore's session fallback); nothing is written to disk in plain text.
 */
class ProfileDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileDialog)

public:
    enum class Kind { Hub, Emulator };

    /** A new profile. */
    explicit ProfileDialog(Nh::ProfileStore *store, QWidget *parent = nullptr);
    /** Edits `profile`. */
    ProfileDialog(Nh::ProfileStore *store, const Nh::Profile &profile, QWidget *parent = nullptr);

    bool isEditing() const { return m_editing; }
    /**
     * The send timeout and API version a new profile starts with (Preferences); without this
     * call, Profile's own defaults. An edited profile keeps its own.
     */
    void setNewProfileDefaults(const Nh::Settings &settings);
    /** The profile as the form describes it now, or why it cannot be saved. */
    Nh::Result<Nh::ProfileWithKey> result() const;
    /** The id of the saved profile once the dialog was accepted. */
    QUuid savedProfileId() const { return m_savedId; }
    bool isBusy() const { return !m_job.isNull(); }

    QComboBox *kindCombo() const { return m_kind; }
    /** The field as shown: the key's characters are bullets unless revealed. setText() on it
     *  sets the connection string (text without bullets is taken as typed). */
    QLineEdit *connectionStringEdit() const { return m_connectionString; }
    /** The connection string as typed or pasted, key included. */
    QString connectionString() const { return m_connectionText; }
    /** The Reveal toggle inside the connection string field. */
    QAction *revealKeyAction() const { return m_revealKey; }
    bool isKeyRevealed() const { return m_keyRevealed; }
    QLineEdit *hubEdit() const { return m_hub; }
    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *labelEdit() const { return m_label; }
    QCheckBox *productionCheck() const { return m_production; }
    QLabel *errorLabel() const { return m_error; }
    QPushButton *okButton() const;
    QPushButton *keepInMemoryButton() const { return m_keepInMemory; }

public slots:
    /** Validates the form now (edits validate at once too). */
    void validate();
    /** Shows the key in clear, or masks it again. */
    void setKeyRevealed(bool revealed);
    void accept() override;

protected:
    void changeEvent(QEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void build();
    void showError(const Nh::Error &error, const QString &source);
    void setBusy(bool busy, const QString &what = {});
    void save();
    void onJobFinished(Nh::ProfileJob *job, const Nh::Status &status);
    void onConnectionStringEdited(const QString &shown);
    void showConnectionString();

    Nh::ProfileStore *m_store;
    bool m_editing = false;
    Nh::Profile m_original;
    int m_newTimeoutMs = Nh::Profile().timeoutMs;
    QString m_newApiVersion = Nh::Profile().apiVersion;
    QUuid m_savedId;
    QPointer<Nh::ProfileJob> m_job;

    QComboBox *m_kind = nullptr;
    QLineEdit *m_connectionString = nullptr;
    QAction *m_revealKey = nullptr;
    /** What the user typed or pasted; m_connectionString shows it with the key masked. */
    QString m_connectionText;
    /** What m_connectionString showed after the last change, to map the next edit back. */
    QString m_connectionShown;
    bool m_keyRevealed = false;
    QLabel *m_connectionHelp = nullptr;
    QLineEdit *m_hub = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_label = nullptr;
    QComboBox *m_colour = nullptr;
    QCheckBox *m_production = nullptr;
    QLabel *m_error = nullptr;
    QLabel *m_caret = nullptr;
    QLabel *m_warning = nullptr;
    QFrame *m_keychainBox = nullptr;
    QLabel *m_keychainText = nullptr;
    QPushButton *m_keepInMemory = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_progressText = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};
