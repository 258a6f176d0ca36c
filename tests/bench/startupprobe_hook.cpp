// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Linked into both start-up benchmark executables (nhconsole's own main() and the bare
// QMainWindow) so that the probe is installed the same way in both, when QApplication is made,
// without a line in either main().

#include "startupprobe.h"

#include <QCoreApplication>

namespace {
void installProbe()
{
    StartupProbe::installIfRequested();
}
} // namespace

Q_COREAPP_STARTUP_FUNCTION(installProbe)
