// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "profileactions.h"

#include "client/profilesession.h"
#include "confirm.h"
#include "makeaction.h"
#include "profiledialog.h"
#include "store/profilestore.h"
#include "store/settings.h"

#include <QCheckBox>
#include <QMessageBox>

using namespace Qt::Literals::StringLiterals;

ProfileActions::ProfileActions(Nh::ProfileStore *profiles, Nh::ProfileSession *session,
                               QSettings *settings, QWidget *window)
    : QObject(window)
    , m_profiles(profiles)
    , m_session(session)
    , m_settings(settings)
    , m_window(window)
{
    m_new = makeAction(this, u"actionNewProfile"_s, tr("&New Profile…"),
                       QKeySequence(Qt::CTRL | Qt::Key_N), u"addhub"_s);
    m_new->setToolTip(tr("Add a hub from its connection string (Ctrl+N)"));
    connect(m_new, &QAction::triggered, this, &ProfileActions::newProfile);
    m_edit = makeAction(this, u"actionEditProfile"_s, tr("&Edit Profile…"),
                        QKeySequence(Qt::CTRL | Qt::Key_E));
    connect(m_edit, &QAction::triggered, this, &ProfileActions::editProfile);
    m_duplicate = makeAction(this, u"actionDuplicateProfile"_s, tr("D&uplicate Profile"),
                             QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    connect(m_duplicate, &QAction::triggered, this, &ProfileActions::duplicateProfile);
    m_delete = makeAction(this, u"actionDeleteProfile"_s, tr("&Delete Profile…"),
                          QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Delete), u"remove"_s);
    connect(m_delete, &QAction::triggered, this, &ProfileActions::deleteProfile);
    m_import = makeAction(this, u"actionImportProfiles"_s, tr("&Import Profiles…"),
                          QKeySequence(Qt::CTRL | Qt::Key_O));
    connect(m_import, &QAction::triggered, this, &ProfileActions::importProfiles);
    m_export = makeAction(this, u"actionExportProfiles"_s, tr("E&xport Profiles…"),
                          QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    connect(m_export, &QAction::triggered, this, &ProfileActions::exportProfiles);

    m_importer = new ProfileImporter(m_profiles, m_window);
    m_importer->setPathChooser(m_chooser);
    connect(m_importer, &ProfileImporter::message, this,
            [this](const QString &text) { emit note(text, NoteKind::Info); });
    connect(m_importer, &ProfileImporter::busyChanged, this, [this](bool busy) {
        m_import->setEnabled(!busy);
        emit this->busy(busy ? tr("Importing profiles and storing their keys…") : QString());
    });
    connect(m_session, &Nh::ProfileSession::stateChanged, this, &ProfileActions::updateActions);
}

void ProfileActions::setPathChooser(PathChooser chooser)
{
    m_chooser = std::move(chooser);
    m_importer->setPathChooser(m_chooser);
}

void ProfileActions::updateActions()
{
    // Only once the activation has come to an end, as before the session had states.
    const Nh::ProfileSession::State state = m_session->state();
    if (state == Nh::ProfileSession::State::Connecting
        || state == Nh::ProfileSession::State::ReadingKey)
        return;
    const Nh::Profile &profile = m_session->profile();
    const bool builtIn = profile.id == Nh::kEmulatorProfileId;
    m_delete->setEnabled(!builtIn && !profile.id.isNull());
    m_delete->setToolTip(builtIn ? tr("The local emulator profile cannot be "
                                      "deleted")
                                 : tr("Delete this profile and its key"));
}

void ProfileActions::newProfile()
{
    auto *dialog = new ProfileDialog(m_profiles, m_window);
    dialog->setNewProfileDefaults(Nh::Settings(m_settings)); // from Preferences
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog] { emit activateRequested(dialog->savedProfileId()); });
    dialog->open();
}

void ProfileActions::editProfile()
{
    const auto p = m_profiles->profile(m_session->profile().id);
    if (!p)
        return;
    auto *dialog = new ProfileDialog(m_profiles, *p, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog] { emit activateRequested(dialog->savedProfileId()); });
    dialog->open();
}

void ProfileActions::duplicateProfile()
{
    Nh::ProfileJob *job = m_profiles->duplicate(m_session->profile().id);
    emit busy(tr("Copying “%1” and its key…").arg(m_session->profile().name));
    connect(job, &Nh::ProfileJob::finished, this, [this, job](const Nh::Status &status) {
        emit busy({});
        if (!status) {
            QMessageBox::warning(m_window, tr("Duplicate Profile"), status.error().message);
            return;
        }
        for (const Nh::Warning &w : status.warnings())
            emit note(w.message, NoteKind::Problem);
        if (!job->profileIds().isEmpty())
            emit activateRequested(job->profileIds().constFirst());
    });
}

void ProfileActions::deleteProfile()
{
    if (m_session->profile().id == Nh::kEmulatorProfileId)
        return;
    const Nh::Profile p = m_session->profile();
    Confirm::Question question;
    question.objectName = u"confirmDeleteProfile"_s;
    question.title = tr("Delete Profile");
    question.text = tr("Delete the profile “%1” and its key from the system "
                       "keychain? Its exchanges stay in the history.")
                        .arg(p.name);
    question.acceptText = tr("Delete");
    question.acceptObjectName = u"confirmDeleteProfileButton"_s;
    question.acceptRole = QMessageBox::DestructiveRole;
    Confirm::ask(m_window, question, [this, p] {
        emit busy(tr("Deleting “%1” and its key…").arg(p.name));
        Nh::ProfileJob *job = m_profiles->remove(p.id);
        connect(job, &Nh::ProfileJob::finished, this, [this, p](const Nh::Status &status) {
            emit busy({});
            if (!status) {
                QMessageBox::warning(m_window, tr("Delete Profile"), status.error().message);
                return;
            }
            emit note(tr("Deleted the profile “%1”").arg(p.name), NoteKind::Info);
            if (m_session->profile().id == p.id)
                emit activateRequested(Nh::kEmulatorProfileId);
        });
    });
}

void ProfileActions::importProfiles()
{
    m_importer->chooseAndImport();
}

void ProfileActions::exportProfiles()
{
    auto *dialog = new ProfileExportDialog(m_profiles, m_window);
    dialog->setPathChooser(m_chooser);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(
        dialog, &ProfileExportDialog::exportFinished, this,
        [this, dialog](const Nh::Status &status) {
            if (!status)
                return; // the dialog stays open and shows why
            const int count = int(dialog->selectedIds().size());
            const QString path = dialog->writtenPath();
            emit note(
                dialog->includeKeysBox()->isChecked()
                    ? tr("Exported %n profile(s) to %1, WITH their keys in plain text.", nullptr,
                         count)
                          .arg(path)
                    : tr("Exported %n profile(s) to %1, without keys.", nullptr, count).arg(path),
                NoteKind::Problem);
        });
    dialog->open();
}
