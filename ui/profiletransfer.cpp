// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "profiletransfer.h"

#include "exportfile.h"
#include "store/profilestore.h"
#include "theme.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int kIdRole = Qt::UserRole + 1;

QString joinMessages(const QList<Nh::Warning> &warnings)
{
    QStringList lines;
    for (const Nh::Warning &w : warnings)
        lines << w.message;
    return lines.join(u'\n');
}

} // namespace

QString chooseProfileFile(QWidget *parent, bool save, const QString &suggested)
{
    const QString filter = QCoreApplication::translate("Nh::ProfileTransfer",
                                                       "Profile exports (*.json);;All files (*)");
    if (save) {
        return QFileDialog::getSaveFileName(
            parent, QCoreApplication::translate("Nh::ProfileTransfer", "Export Profiles"),
            suggested, filter, nullptr, QFileDialog::DontUseNativeDialog);
    }
    return QFileDialog::getOpenFileName(
        parent, QCoreApplication::translate("Nh::ProfileTransfer", "Import Profiles"), suggested,
        filter, nullptr, QFileDialog::DontUseNativeDialog);
}

ProfileExportDialog::ProfileExportDialog(Nh::ProfileStore *store, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_chooser(&chooseProfileFile)
{
    setObjectName(u"profileExportDialog"_s);
    setWindowTitle(tr("Export Profiles"));
    auto *layout = new QVBoxLayout(this);

    auto *intro = new QLabel(tr("Profiles to export:"), this);
    layout->addWidget(intro);
    m_list = new QListWidget(this);
    m_list->setObjectName(u"exportProfileList"_s);
    for (const Nh::Profile &p : m_store->profiles()) {
        auto *item = new QListWidgetItem(
            p.label.isEmpty() ? p.name : tr("%1 [%2]").arg(p.name, p.label), m_list);
        item->setData(kIdRole, p.id);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Checked);
    }
    intro->setBuddy(m_list);
    layout->addWidget(m_list, 1);

    m_includeKeys = new QCheckBox(tr("Include the SAS &keys from the keychain"), this);
    m_includeKeys->setObjectName(u"includeKeys"_s);
    layout->addWidget(m_includeKeys);
    m_keyWarning = new QLabel(
        tr("The file will contain the SAS keys in plain text. Anyone who reads it can send to "
           "these hubs: keep it private (it is written readable by you only) and delete it "
           "once imported."),
        this);
    m_keyWarning->setObjectName(u"keyWarning"_s);
    m_keyWarning->setWordWrap(true);
    Theme::paintBanner(m_keyWarning, Theme::Tone::Warning);
    m_keyWarning->setContentsMargins(8, 6, 8, 6);
    m_keyWarning->hide();
    layout->addWidget(m_keyWarning);

    m_error = new QLabel(this);
    m_error->setObjectName(u"exportError"_s);
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    Theme::paintLabel(m_error, Theme::Tone::Failure);
    m_error->hide();
    layout->addWidget(m_error);

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(u"exportProgress"_s);
    m_progress->setRange(0, 0);
    m_progress->setFormat(tr("Reading the keys from the keychain…"));
    m_progress->setTextVisible(true);
    m_progress->hide();
    layout->addWidget(m_progress);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_exportButton = m_buttons->addButton(tr("&Export…"), QDialogButtonBox::AcceptRole);
    m_exportButton->setObjectName(u"exportButton"_s);
    m_exportButton->setDefault(true);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ProfileExportDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_includeKeys, &QCheckBox::toggled, this, &ProfileExportDialog::updateState);
    connect(m_list, &QListWidget::itemChanged, this, &ProfileExportDialog::updateState);
    // Profiles removed meanwhile would make the export fail; the list follows the store.
    connect(m_store, &Nh::ProfileStore::profileRemoved, this, [this](const QUuid &id) {
        for (int row = 0; row < m_list->count(); ++row) {
            if (m_list->item(row)->data(kIdRole).toUuid() == id)
                delete m_list->takeItem(row);
        }
        updateState();
    });
    resize(460, 420);
    updateState();
}

QList<QUuid> ProfileExportDialog::selectedIds() const
{
    QList<QUuid> ids;
    for (int row = 0; row < m_list->count(); ++row) {
        if (m_list->item(row)->checkState() == Qt::Checked)
            ids.append(m_list->item(row)->data(kIdRole).toUuid());
    }
    return ids;
}

void ProfileExportDialog::updateState()
{
    m_keyWarning->setVisible(m_includeKeys->isChecked());
    m_exportButton->setEnabled(!m_busy && !selectedIds().isEmpty());
}

void ProfileExportDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_progress->setVisible(busy);
    m_list->setEnabled(!busy);
    m_includeKeys->setEnabled(!busy);
    updateState();
}

void ProfileExportDialog::fail(const QString &message)
{
    m_error->setText(message);
    m_error->show();
}

void ProfileExportDialog::accept()
{
    if (m_busy)
        return;
    const QList<QUuid> ids = selectedIds();
    if (ids.isEmpty())
        return;
    const bool withKeys = m_includeKeys->isChecked();
    const QString suggested = QDir::home().filePath(
        withKeys ? u"nhconsole-profiles-with-keys.json"_s : u"nhconsole-profiles.json"_s);
    const QString path = m_chooser ? m_chooser(this, true, suggested) : QString();
    if (path.isEmpty())
        return;
    m_error->hide();
    setBusy(true);
    // Exactly the checked rows: never a profile added since, which the user has not seen.
    Nh::ProfileJob *job = m_store->exportProfiles(
        ids, withKeys ? Nh::ProfileStore::KeyExport::With : Nh::ProfileStore::KeyExport::Without);
    job->setAutoDelete(false);
    connect(job, &Nh::ProfileJob::finished, this, [this, job, path](const Nh::Status &status) {
        job->deleteLater();
        setBusy(false);
        if (!status) {
            fail(status.error().message);
            emit exportFinished(status);
            return;
        }
        const QByteArray data = job->data();
        const bool containsKeys =
            QJsonDocument::fromJson(data).object().value(u"containsKeys"_s).toBool();
        // A file with keys is for its owner only, from before the first byte is written.
        const auto access =
            containsKeys ? ExportFile::Access::OwnerOnly : ExportFile::Access::Everyone;
        if (const Nh::Status written = ExportFile::write(path, data, access); !written) {
            fail(written.error().message);
            emit exportFinished(written);
            return;
        }
        m_writtenPath = path;
        emit exportFinished(status);
        QDialog::accept();
    });
}

ProfileImporter::ProfileImporter(Nh::ProfileStore *store, QWidget *window)
    : QObject(window)
    , m_store(store)
    , m_window(window)
    , m_chooser(&chooseProfileFile)
{ }

void ProfileImporter::chooseAndImport()
{
    if (m_busy || !m_chooser)
        return;
    const QString path = m_chooser(m_window, false, QDir::homePath());
    if (!path.isEmpty())
        importFile(path);
}

void ProfileImporter::importFile(const QString &path)
{
    if (m_busy)
        return;
    QFile file(path);
    const QString shown = QDir::toNativeSeparators(path);
    if (!file.open(QIODevice::ReadOnly)) {
        const Nh::Error e =
            Nh::makeError(Nh::ErrorCode::Storage,
                          tr("The file %1 cannot be read: %2.").arg(shown, file.errorString()));
        QMetaObject::invokeMethod(
            this, [this, e] { report(e, {}); }, Qt::QueuedConnection);
        return;
    }
    // One byte over the limit is enough for the store to refuse it with its own sentence.
    QByteArray data = file.read(Nh::ProfileStore::kMaxImportBytes + 1);
    setBusy(true);
    emit message(tr("Importing profiles from %1…").arg(shown));
    Nh::ProfileJob *job = m_store->importProfiles(data);
    job->setAutoDelete(false);
    connect(job, &Nh::ProfileJob::finished, this, [this, job, shown](const Nh::Status &status) {
        job->deleteLater();
        setBusy(false);
        const QList<QUuid> ids = job->profileIds();
        if (!status) {
            Nh::Error e = status.error();
            e.message = ids.isEmpty()
                ? tr("Nothing was imported from %1. %2").arg(shown, e.message)
                : tr("The profiles from %1 were imported, but: %2").arg(shown, e.message);
            Nh::Status failed = e;
            for (const Nh::Warning &w : status.warnings())
                failed.addWarning(w);
            report(failed, ids);
            return;
        }
        report(status, ids);
    });
}

void ProfileImporter::report(const Nh::Status &status, const QList<QUuid> &ids)
{
    if (!status) {
        QString text = status.error().message;
        if (!status.warnings().isEmpty())
            text += u"\n\n"_s + joinMessages(status.warnings());
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Import Profiles"), text,
                                    QMessageBox::Ok, m_window);
        box->setObjectName(u"profileImportProblem"_s);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    } else {
        QStringList names;
        for (const QUuid &id : ids) {
            if (const auto p = m_store->profile(id))
                names << u"“"_s + p->name + u"”"_s;
        }
        QString text =
            tr("Imported %n profile(s): %1.", nullptr, int(ids.size())).arg(names.join(u", "_s));
        if (!status.warnings().isEmpty())
            text += u' ' + joinMessages(status.warnings());
        emit message(text);
    }
    emit finished(status, ids);
}

void ProfileImporter::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    emit busyChanged(busy);
}
