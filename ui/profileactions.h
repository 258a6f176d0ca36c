// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "notekind.h"
#include "profiletransfer.h"

#include <QObject>
#include <QUuid>

class QAction;
class QSettings;
class QWidget;
namespace Nh {
class ProfileSession;
class ProfileStore;
} // namespace Nh

/**
 * The Profile menu's work: new, edit, duplicate, delete (asked first), import and export of
 * connection profiles. It owns those actions (objectNames "actionNewProfile", …), opens the
 * dialogs over `window` and asks for the profile that results to become the current one; the
 * window shows its notes and progress.
 */
class ProfileActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileActions)

public:
    ProfileActions(Nh::ProfileStore *profiles, Nh::ProfileSession *session, QSettings *settings,
                   QWidget *window);

    QAction *newAction() const { return m_new; }
    QAction *editAction() const { return m_edit; }
    QAction *duplicateAction() const { return m_duplicate; }
    QAction *deleteAction() const { return m_delete; }
    QAction *importAction() const { return m_import; }
    QAction *exportAction() const { return m_export; }

    /** Where import and export ask for their file (tests skip the file dialog). */
    void setPathChooser(PathChooser chooser);

public slots:
    void newProfile();
    void editProfile();
    void duplicateProfile();
    /** Asks, then deletes the current profile and its key. */
    void deleteProfile();
    /** Profiles from an export file; the current profile stays. */
    void importProfiles();
    /** The export dialog (which profiles, keys only when asked). */
    void exportProfiles();

signals:
    /** Profile `id` was made or changed and should become the current one. */
    void activateRequested(const QUuid &id);
    /** A sentence for the status bar. */
    void note(const QString &text, NoteKind kind);
    /** Work on keys in progress (`text`), or none any more (empty). */
    void busy(const QString &text);

private:
    void updateActions();

    Nh::ProfileStore *m_profiles;
    Nh::ProfileSession *m_session;
    QSettings *m_settings;
    QWidget *m_window;
    ProfileImporter *m_importer = nullptr;
    PathChooser m_chooser = &chooseProfileFile;
    QAction *m_new = nullptr;
    QAction *m_edit = nullptr;
    QAction *m_duplicate = nullptr;
    QAction *m_delete = nullptr;
    QAction *m_import = nullptr;
    QAction *m_export = nullptr;
};
