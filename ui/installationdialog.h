// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/exchange.h"
#include "protocol/installation.h"

#include <QDialog>
#include <QPointer>
#include <optional>

class PayloadEditor;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
namespace Nh {
class HubClient;
class HubJob;
} // namespace Nh

/**
 * One installation by id (docs/protocol.md §7.7): Get, edit its JSON (validated as you type with
 * Nh::parseInstallation(), the error marked at its line and column) and Save (PUT), a JSON Patch
 * checked against the loaded installation with Nh::applyInstallationPatch() before it is sent,
 * and Delete after a confirmation. One request at a time, with progress and Cancel; the hub's
 * errors appear as the client's sentences in the dialog. Open it with show() or open().
 */
class InstallationDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InstallationDialog)

public:
    /** `client` must outlive the dialog. */
    explicit InstallationDialog(Nh::HubClient *client, QWidget *parent = nullptr);

    void setInstallationId(const QString &id);
    QString installationId() const;
    /** The installation in the JSON editor; nullopt while it does not parse. */
    std::optional<Nh::Installation> editedInstallation() const { return m_edited; }
    /** The installation as the hub last returned it. */
    std::optional<Nh::Installation> loadedInstallation() const { return m_loaded; }
    /** The outcome line: the last request's result, or why an editor is invalid. */
    QString statusText() const;
    bool isBusy() const { return !m_job.isNull(); }

    PayloadEditor *jsonEditor() const { return m_json; }
    PayloadEditor *patchEditor() const { return m_patch; }

public slots:
    /** GET installations/{id} into the editor. */
    void load();
    /** PUT the editor's installation (creates or replaces it). */
    void save();
    /** PATCH the id with the patch editor's text, then loads the result. */
    void applyPatch();
    /** Asks for confirmation, then DELETE installations/{id}. */
    void deleteInstallation();
    void cancel();

signals:
    /** After a successful save, patch or delete of installation `id`. */
    void installationChanged(const QString &id);
    void exchangeFinished(const Nh::Exchange &exchange);

private:
    void run(Nh::HubJob *job, const QString &doing);
    void finished(const Nh::Exchange &exchange);
    void validateJson();
    void validatePatch();
    void updateButtons();
    void showStatus(const QString &text, int tone);

    Nh::HubClient *m_client;
    QPointer<Nh::HubJob> m_job;
    QString m_pending; ///< what the job in flight does: "get", "put", "patch", "delete"
    std::optional<Nh::Installation> m_loaded;
    std::optional<Nh::Installation> m_edited;
    bool m_patchValid = false;
    QByteArray m_checkedJson; ///< the text validateJson() last saw
    QByteArray m_checkedPatch;

    QLineEdit *m_id = nullptr;
    QPushButton *m_getButton = nullptr;
    QPushButton *m_saveButton = nullptr;
    QPushButton *m_patchButton = nullptr;
    QPushButton *m_deleteButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QProgressBar *m_progress = nullptr;
    PayloadEditor *m_json = nullptr;
    QLabel *m_jsonStatus = nullptr;
    PayloadEditor *m_patch = nullptr;
    QLabel *m_patchStatus = nullptr;
    QLabel *m_status = nullptr;
};
