// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportfile.h"

#include <QDir>
#include <QFileDialog>
#include <QSaveFile>

QString ExportFile::filter(Nh::ExportFormat format)
{
    switch (format) {
    case Nh::ExportFormat::Curl:
        return tr("Shell scripts (*.sh)");
    case Nh::ExportFormat::Json:
        return tr("JSON (*.json)");
    case Nh::ExportFormat::Har:
        return tr("HTTP archives (*.har)");
    }
    Q_UNREACHABLE();
    return QString();
}

QString ExportFile::askPath(QWidget *parent, const QString &title, const QString &baseName,
                            Nh::ExportFormat format)
{
    return QFileDialog::getSaveFileName(parent, title, baseName + Nh::exportSuffix(format),
                                        filter(format));
}

QString ExportFile::askPath(QWidget *parent, const QString &title, const QString &fileName,
                            const QString &filter)
{
    return QFileDialog::getSaveFileName(parent, title, fileName, filter);
}

ExportFile::Access ExportFile::accessFor(Nh::ExportFormat format, const Nh::CurlOptions &options)
{
    return format == Nh::ExportFormat::Curl && options.freshAuthorization ? Access::OwnerOnly
                                                                          : Access::Everyone;
}

Nh::Status ExportFile::write(const QString &path, const QByteArray &data, Access access)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return Nh::makeError(Nh::ErrorCode::Storage,
                             tr("The file %1 cannot be written: %2.")
                                 .arg(QDir::toNativeSeparators(path), file.errorString()));
    }
    if (access == Access::OwnerOnly)
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (file.write(data) != data.size() || !file.commit()) {
        return Nh::makeError(Nh::ErrorCode::Storage,
                             tr("The file %1 could not be written completely: %2.")
                                 .arg(QDir::toNativeSeparators(path), file.errorString()));
    }
    return {};
}
