// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "emulator/emulatorlauncher.h"

#include "emulator/hubemulator.h"

#include <QCoreApplication>
#include <QStandardPaths>
#include <QStringList>

using namespace Qt::Literals::StringLiterals;

namespace Nh::EmulatorLauncher {

namespace {

/** The translation context of this file's messages; lupdate reads it from here. */
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Nh::EmulatorLauncher)
};

} // namespace

QString defaultCertificateDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
        + u"/nhconsole/emulator"_s;
}

QString rightsText(Rights rights)
{
    QStringList names;
    if (rights.testFlag(Right::Listen))
        names << Tr::tr("Listen");
    if (rights.testFlag(Right::Send))
        names << Tr::tr("Send");
    if (rights.testFlag(Right::Manage))
        names << Tr::tr("Manage");
    return names.join(u", "_s);
}

ConnectionString loopbackConnectionString(const HubEmulator &emulator, const QString &rule)
{
    const ConnectionString cs = emulator.connectionString(rule);
    return ConnectionString::fromParts(u"127.0.0.1"_s, emulator.port(), cs.keyName(), cs.key());
}

} // namespace Nh::EmulatorLauncher
