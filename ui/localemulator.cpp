// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "localemulator.h"

#include "emulator/hubemulator.h"

#include <QStandardPaths>

using namespace Qt::Literals::StringLiterals;

namespace LocalEmulator {

QString defaultCertificateDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
        + u"/nhconsole/emulator"_s;
}

Nh::Status start(Nh::HubEmulator &emulator, const QString &certificateDir)
{
    Nh::EmulatorOptions options;
    options.certificateDir = certificateDir;
    options.seedDemoData = true;
    return emulator.start(options);
}

Nh::HubConnection connection(const Nh::HubEmulator &emulator)
{
    const Nh::ConnectionString cs = emulator.connectionString();
    Nh::HubConnection c;
    c.connectionString =
        Nh::ConnectionString::fromParts(u"127.0.0.1"_s, emulator.port(), cs.keyName(), cs.key());
    c.hub = emulator.hubName();
    c.caCertificates = {emulator.certificate()};
    return c;
}

} // namespace LocalEmulator
