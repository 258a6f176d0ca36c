// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "emulator/emulatorstate.h"
#include "protocol/connectionstring.h"

#include <QString>

namespace Nh {

class HubEmulator;

/**
 * What every front end of the bundled emulator shares: `nhemulator`, `nhcli emulator` and the
 * GUI's in-process emulator keep the certificate in one folder (so a client trusts it once),
 * name a rule's rights in the same words and reach the emulator at the same loopback address.
 */
namespace EmulatorLauncher {

/** GenericDataLocation/nhconsole/emulator: the certificate is made once and reused there. */
QString defaultCertificateDir();

/** The rights of a SAS rule as a list for people: "Listen, Send, Manage" (translated). */
QString rightsText(Rights rights);

/**
 * The emulator's connection string for `rule` with the host 127.0.0.1 instead of localhost:
 * a machine (a bare chroot) may have no /etc/hosts entry for localhost (docs/toolchain.md P7).
 */
ConnectionString
loopbackConnectionString(const HubEmulator &emulator,
                         const QString &rule = QStringLiteral("DefaultFullSharedAccessSignature"));

} // namespace EmulatorLauncher

} // namespace Nh
