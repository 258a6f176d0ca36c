// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "store/exchangeexport.h"

#include <QCoreApplication>
#include <QString>

class QWidget;

/**
 * Writing an export file from the GUI: the save dialog's filter per format and an atomic write
 * (QSaveFile), shared by the history's Export menu, the exchange view's Save and the profile
 * export.
 */
class ExportFile
{
    Q_DECLARE_TR_FUNCTIONS(ExportFile)

public:
    enum class Access { Everyone, OwnerOnly };

    /** "HTTP archives (*.har)" and so on, for QFileDialog. */
    static QString filter(Nh::ExportFormat format);
    /**
     * Asks where to save (a native dialog), proposing `baseName` plus the format's suffix.
     * An empty string when the user cancelled.
     */
    static QString askPath(QWidget *parent, const QString &title, const QString &baseName,
                           Nh::ExportFormat format);
    /** The same for a file of another kind: `fileName` proposed, `filter` for the dialog
     *  ("Markdown (*.md)"). */
    static QString askPath(QWidget *parent, const QString &title, const QString &fileName,
                           const QString &filter);
    /**
     * Writes `data` to `path` atomically: the old file stays whole until the new one is
     * complete. OwnerOnly sets 0600 before the first byte is written (a file with keys).
     */
    static Nh::Status write(const QString &path, const QByteArray &data,
                            Access access = Access::Everyone);
    /**
     * Who may read an exchange export: a curl script that may carry signed tokens (the options
     * sign a token) is for its owner only, like a profile export with keys; the rest is redacted.
     */
    static Access accessFor(Nh::ExportFormat format, const Nh::CurlOptions &options);
};
