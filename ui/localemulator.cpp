// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "localemulator.h"

#include "emulator/emulatorlauncher.h"
#include "emulator/hubemulator.h"

namespace LocalEmulator {

QString defaultCertificateDir()
{
    return Nh::EmulatorLauncher::defaultCertificateDir();
}

Nh::Status start(Nh::HubEmulator &emulator, const QString &certificateDir, quint16 port)
{
    Nh::EmulatorOptions options;
    options.port = port;
    options.certificateDir = certificateDir;
    options.seedDemoData = true;
    return emulator.start(options);
}

Nh::HubConnection connection(const Nh::HubEmulator &emulator)
{
    Nh::HubConnection c;
    c.connectionString = Nh::EmulatorLauncher::loopbackConnectionString(emulator);
    c.hub = emulator.hubName();
    c.caCertificates = {emulator.certificate()};
    return c;
}

} // namespace LocalEmulator
