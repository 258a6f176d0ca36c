// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QDialog>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QUuid>
#include <functional>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
namespace Nh {
class ProfileStore;
}

/**
 * Asks for a file path: `save` true for an export (where to write), false for an import (what to
 * read). Returns an empty string when the user cancels. Tests replace the file dialog with this.
 */
using PathChooser = std::function<QString(QWidget *parent, bool save, const QString &suggested)>;

/**
 * Export of saved profiles (issue #6): which profiles (all checked at first) and whether the SAS
 * keys go in (off at first; when on, a warning that the file holds them in plain text). Export
 * asks for the path, reads the keys asynchronously (ProfileJob) with a progress bar, and writes
 * the same JSON as `nhcli profiles export`; a file with keys is made readable by its owner only
 * (0600). The dialog stays open with the error when anything fails.
 */
class ProfileExportDialog final : public QDialog
{
    Q_OBJECT

public:
    ProfileExportDialog(Nh::ProfileStore *store, QWidget *parent = nullptr);

    void setPathChooser(PathChooser chooser) { m_chooser = std::move(chooser); }

    QListWidget *profileList() const { return m_list; }
    QCheckBox *includeKeysBox() const { return m_includeKeys; }
    /** The plain-text warning shown while "Include keys" is on. */
    QLabel *keyWarningLabel() const { return m_keyWarning; }
    /** The error (or the keychain's warnings) of the last attempt. */
    QLabel *errorLabel() const { return m_error; }
    QPushButton *exportButton() const { return m_exportButton; }
    /** The ids checked in the list, in the store's order. */
    QList<QUuid> selectedIds() const;
    /** True while the keys are being read. */
    bool isBusy() const { return m_busy; }
    /** The file of the last successful export. */
    QString writtenPath() const { return m_writtenPath; }

    /** Asks for the path, then exports; accepts the dialog when the file is written. */
    void accept() override;

signals:
    /** Once per attempt that got a path: the error, or success with the store's warnings. */
    void exportFinished(const Nh::Status &status);

private:
    void updateState();
    void setBusy(bool busy);
    void fail(const QString &message);

    Nh::ProfileStore *m_store;
    PathChooser m_chooser;
    QListWidget *m_list = nullptr;
    QCheckBox *m_includeKeys = nullptr;
    QLabel *m_keyWarning = nullptr;
    QLabel *m_error = nullptr;
    QProgressBar *m_progress = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_exportButton = nullptr;
    QString m_writtenPath;
    bool m_busy = false;
};

/**
 * Import of a profile export (the format of ProfileStore::exportJson()): asks for the file,
 * reads at most ProfileStore::kMaxImportBytes, and lets the store add every profile with a new
 * id and a unique name, keys going to the keychain. A file that is not an export imports
 * nothing and the located sentence is shown in a message box (objectName
 * "profileImportProblem"). The current profile is not changed.
 */
class ProfileImporter final : public QObject
{
    Q_OBJECT

public:
    ProfileImporter(Nh::ProfileStore *store, QWidget *window);

    void setPathChooser(PathChooser chooser) { m_chooser = std::move(chooser); }
    /** Asks for a file, then importFile(); nothing happens when the user cancels. */
    void chooseAndImport();
    /** Imports `path`; finished() follows, never from inside this call. */
    void importFile(const QString &path);
    bool isBusy() const { return m_busy; }

signals:
    /** A short status line: what was imported, or that it is under way. */
    void message(const QString &text);
    void busyChanged(bool busy);
    /** The error (nothing imported, or keys that could not be stored), or success; `ids` are
     *  the profiles added. */
    void finished(const Nh::Status &status, const QList<QUuid> &ids);

private:
    void report(const Nh::Status &status, const QList<QUuid> &ids);
    void setBusy(bool busy);

    Nh::ProfileStore *m_store;
    QPointer<QWidget> m_window;
    PathChooser m_chooser;
    bool m_busy = false;
};

/** A non-native QFileDialog, modal to `parent`, for the app. */
QString chooseProfileFile(QWidget *parent, bool save, const QString &suggested);
