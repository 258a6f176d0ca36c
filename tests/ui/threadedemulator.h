// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "emulator/hubemulator.h"
#include "localemulator.h"

#include <QObject>
#include <QThread>
#include <QtGlobal>

/**
 * The bundled emulator as the GUI runs it (StartupSequence): made, started (demo data) and
 * serving on a thread of its own, "nh-emulator". The UI thread only reads its connection
 * accessors and connects to its signals.
 */
struct ThreadedEmulator
{
    QThread thread;
    QObject context;
    Nh::HubEmulator *emulator = nullptr;

    /** Starts it with its certificate in `certificateDir`; false (with a warning) on failure. */
    bool start(const QString &certificateDir)
    {
        thread.setObjectName(QStringLiteral("nh-emulator"));
        context.moveToThread(&thread);
        thread.start();
        bool ok = false;
        QMetaObject::invokeMethod(
            &context,
            [&] {
                emulator = new Nh::HubEmulator(&context);
                const Nh::Status status = LocalEmulator::start(*emulator, certificateDir);
                if (!status)
                    qWarning("emulator: %s", qPrintable(status.error().message));
                ok = status.ok();
            },
            Qt::BlockingQueuedConnection);
        return ok;
    }
    ~ThreadedEmulator()
    {
        QMetaObject::invokeMethod(
            &context, [this] { delete emulator; }, Qt::BlockingQueuedConnection);
        thread.quit();
        thread.wait();
    }
};
