// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "installationdialog.h"

#include "client/hubclient.h"
#include "confirm.h"
#include "payloadeditor.h"
#include "theme.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace {

QWidget *titled(const QString &title, QWidget *editor, QLabel *status, QWidget *parent)
{
    auto *box = new QWidget(parent);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(title, box));
    layout->addWidget(editor, 1);
    layout->addWidget(status);
    return box;
}

} // namespace

InstallationDialog::InstallationDialog(Nh::HubClient *client, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
{
    setObjectName(u"installationDialog"_s);
    setWindowTitle(tr("Installation"));

    m_id = new QLineEdit(this);
    m_id->setObjectName(u"installationId"_s);
    m_id->setPlaceholderText(tr("Installation id"));
    m_id->setClearButtonEnabled(true);
    m_getButton = new QPushButton(Theme::icon(u"refresh"_s), tr("&Get"), this);
    m_getButton->setObjectName(u"getInstallation"_s);
    connect(m_id, &QLineEdit::returnPressed, this, &InstallationDialog::load);
    connect(m_id, &QLineEdit::textChanged, this, &InstallationDialog::updateButtons);
    connect(m_getButton, &QPushButton::clicked, this, &InstallationDialog::load);

    m_json = new PayloadEditor(this);
    m_json->setObjectName(u"installationJson"_s);
    m_json->setSyntax(PayloadHighlighter::Syntax::Json);
    m_jsonStatus = new QLabel(this);
    m_jsonStatus->setObjectName(u"installationJsonStatus"_s);
    m_jsonStatus->setWordWrap(true);
    m_jsonStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Marking an error re-highlights, which emits textChanged again: only new text counts.
    connect(m_json, &QPlainTextEdit::textChanged, this, [this] {
        if (m_json->payload() != m_checkedJson)
            validateJson();
    });

    m_patch = new PayloadEditor(this);
    m_patch->setObjectName(u"installationPatch"_s);
    m_patch->setSyntax(PayloadHighlighter::Syntax::Json);
    m_patch->setPlaceholderText(uR"x([{"op": "add", "path": "/tags", "value": "new-tag"}])x"_s);
    m_patchStatus = new QLabel(this);
    m_patchStatus->setObjectName(u"installationPatchStatus"_s);
    m_patchStatus->setWordWrap(true);
    m_patchStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    connect(m_patch, &QPlainTextEdit::textChanged, this, [this] {
        if (m_patch->payload() != m_checkedPatch)
            validatePatch();
    });

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->setObjectName(u"installationSplitter"_s);
    split->addWidget(titled(tr("<b>Installation</b> (JSON)"), m_json, m_jsonStatus, split));
    split->addWidget(
        titled(tr("<b>Patch</b> (JSON Patch, checked against the loaded installation)"), m_patch,
               m_patchStatus, split));
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    m_status = new QLabel(this);
    m_status->setObjectName(u"installationStatus"_s);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(u"installationProgress"_s);
    m_progress->setRange(0, 0);
    m_progress->setMaximumWidth(120);
    m_progress->hide();
    m_cancelButton = new QPushButton(Theme::icon(u"cancel"_s), tr("Cancel"), this);
    m_cancelButton->setObjectName(u"cancelInstallation"_s);
    m_cancelButton->hide();
    connect(m_cancelButton, &QPushButton::clicked, this, &InstallationDialog::cancel);

    m_saveButton = new QPushButton(tr("&Save (PUT)"), this);
    m_saveButton->setObjectName(u"saveInstallation"_s);
    m_patchButton = new QPushButton(tr("Apply &patch"), this);
    m_patchButton->setObjectName(u"patchInstallation"_s);
    m_deleteButton = new QPushButton(Theme::icon(u"remove"_s), tr("&Delete…"), this);
    m_deleteButton->setObjectName(u"deleteInstallation"_s);
    connect(m_saveButton, &QPushButton::clicked, this, &InstallationDialog::save);
    connect(m_patchButton, &QPushButton::clicked, this, &InstallationDialog::applyPatch);
    connect(m_deleteButton, &QPushButton::clicked, this, &InstallationDialog::deleteInstallation);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *top = new QHBoxLayout;
    auto *idLabel = new QLabel(tr("&Id:"), this);
    idLabel->setBuddy(m_id);
    top->addWidget(idLabel);
    top->addWidget(m_id, 1);
    top->addWidget(m_getButton);
    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_status, 1);
    statusRow->addWidget(m_progress);
    statusRow->addWidget(m_cancelButton);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_saveButton);
    buttons->addWidget(m_patchButton);
    buttons->addWidget(m_deleteButton);
    buttons->addStretch(1);
    buttons->addWidget(close);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(split, 1);
    layout->addLayout(statusRow);
    layout->addLayout(buttons);
    resize(900, 560);
    validateJson();
    validatePatch();
}

void InstallationDialog::setInstallationId(const QString &id)
{
    m_id->setText(id);
}

QString InstallationDialog::installationId() const
{
    return m_id->text().trimmed();
}

QString InstallationDialog::statusText() const
{
    return m_status->text();
}

void InstallationDialog::showStatus(const QString &text, int tone)
{
    m_status->setText(text);
    Theme::paintLabel(m_status, Theme::Tone(tone));
}

void InstallationDialog::load()
{
    if (installationId().isEmpty() || isBusy())
        return;
    m_pending = u"get"_s;
    run(m_client->getInstallation(installationId()), tr("Getting installation…"));
}

void InstallationDialog::save()
{
    if (!m_edited || isBusy())
        return;
    m_pending = u"put"_s;
    m_id->setText(m_edited->installationId);
    run(m_client->putInstallation(*m_edited), tr("Saving installation…"));
}

void InstallationDialog::applyPatch()
{
    if (installationId().isEmpty() || isBusy())
        return;
    m_pending = u"patch"_s;
    run(m_client->patchInstallation(installationId(), m_patch->payload()),
        tr("Patching installation…"));
}

void InstallationDialog::deleteInstallation()
{
    const QString id = installationId();
    if (id.isEmpty() || isBusy())
        return;
    Confirm::Question question;
    question.objectName = u"confirmDelete"_s;
    question.title = tr("Delete installation");
    question.text = tr("Delete installation %1 and the registrations it made?").arg(id);
    Confirm::ask(this, question, [this, id] {
        if (isBusy())
            return;
        m_pending = u"delete"_s;
        run(m_client->deleteInstallation(id), tr("Deleting installation…"));
    });
}

void InstallationDialog::cancel()
{
    if (m_job)
        m_job->cancel();
}

void InstallationDialog::run(Nh::HubJob *job, const QString &doing)
{
    m_job = job;
    connect(job, &Nh::HubJob::finished, this, &InstallationDialog::finished);
    showStatus(doing, int(Theme::Tone::Neutral));
    m_progress->show();
    m_cancelButton->show();
    updateButtons();
}

void InstallationDialog::finished(const Nh::Exchange &e)
{
    m_job = nullptr;
    m_progress->hide();
    m_cancelButton->hide();
    const QString pending = std::exchange(m_pending, QString());
    emit exchangeFinished(e);
    if (!e.ok()) {
        showStatus(e.errorSentence,
                   int(e.result == Nh::ExchangeResult::Cancelled ? Theme::Tone::Warning
                                                                 : Theme::Tone::Failure));
        updateButtons();
        return;
    }
    const QString id = installationId();
    if (pending == u"get") {
        m_loaded = e.installation;
        if (e.installation) {
            const QByteArray json = Nh::installationJson(*e.installation);
            m_json->setPayload(PayloadEditor::prettyJson(json).value_or(json));
        }
        showStatus(tr("Loaded installation %1 (%2 ms).").arg(id).arg(e.totalMs),
                   int(Theme::Tone::Success));
    } else if (pending == u"put") {
        m_loaded = m_edited;
        showStatus(tr("Saved installation %1.").arg(id), int(Theme::Tone::Success));
        emit installationChanged(id);
    } else if (pending == u"patch") {
        emit installationChanged(id);
        showStatus(tr("Patched installation %1.").arg(id), int(Theme::Tone::Success));
        m_patch->clear();
        load();
        return;
    } else if (pending == u"delete") {
        m_loaded.reset();
        showStatus(tr("Deleted installation %1.").arg(id), int(Theme::Tone::Success));
        emit installationChanged(id);
    }
    validatePatch();
    updateButtons();
}

void InstallationDialog::validateJson()
{
    const QByteArray text = m_json->payload();
    m_checkedJson = text;
    if (text.trimmed().isEmpty()) {
        m_edited.reset();
        m_json->clearError();
        m_jsonStatus->setText(tr("Get an installation, or write one to save."));
        Theme::paintLabel(m_jsonStatus, Theme::Tone::Neutral);
        updateButtons();
        return;
    }
    const auto parsed = Nh::parseInstallation(text);
    if (!parsed) {
        m_edited.reset();
        m_json->setError(parsed.error());
        m_jsonStatus->setText(parsed.error().message);
        Theme::paintLabel(m_jsonStatus, Theme::Tone::Failure);
    } else {
        m_edited = *parsed;
        m_json->clearError();
        QStringList notes;
        for (const Nh::Warning &w : parsed.warnings())
            notes << w.message;
        m_jsonStatus->setText(notes.isEmpty() ? tr("Valid installation.") : notes.join(u'\n'));
        Theme::paintLabel(m_jsonStatus,
                          notes.isEmpty() ? Theme::Tone::Success : Theme::Tone::Warning);
    }
    updateButtons();
}

void InstallationDialog::validatePatch()
{
    const QByteArray text = m_patch->payload();
    m_checkedPatch = text;
    m_patchValid = false;
    if (text.trimmed().isEmpty()) {
        m_patch->clearError();
        m_patchStatus->setText(tr("Write a JSON Patch array to apply to the installation."));
        Theme::paintLabel(m_patchStatus, Theme::Tone::Neutral);
        updateButtons();
        return;
    }
    // Without a loaded installation the patch is checked against a minimal one: the structure
    // and paths are still verified, only "remove" of a missing target cannot be.
    Nh::Installation base;
    if (m_loaded) {
        base = *m_loaded;
    } else {
        base.installationId = installationId().isEmpty() ? u"x"_s : installationId();
        base.pushChannel = u"x"_s;
    }
    const auto patched = Nh::applyInstallationPatch(base, text);
    if (!patched) {
        m_patch->setError(patched.error());
        m_patchStatus->setText(patched.error().message);
        Theme::paintLabel(m_patchStatus, Theme::Tone::Failure);
    } else {
        m_patchValid = true;
        m_patch->clearError();
        m_patchStatus->setText(
            m_loaded ? tr("Valid patch; tags after it: %1.")
                           .arg(patched->tags.isEmpty() ? tr("none") : patched->tags.join(u", "_s))
                     : tr("Valid patch."));
        Theme::paintLabel(m_patchStatus, Theme::Tone::Success);
    }
    updateButtons();
}

void InstallationDialog::updateButtons()
{
    const bool idle = !isBusy();
    const bool hasId = !installationId().isEmpty();
    m_getButton->setEnabled(idle && hasId);
    m_saveButton->setEnabled(idle && m_edited.has_value());
    m_patchButton->setEnabled(idle && hasId && m_patchValid);
    m_deleteButton->setEnabled(idle && hasId);
}
