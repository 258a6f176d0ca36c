// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/hubclient.h"
#include "common/result.h"

#include <QString>

namespace Nh {
class HubEmulator;
}

/** The bundled emulator as the console's first hub: no Azure account needed. */
namespace LocalEmulator {

/** GenericDataLocation/nhconsole/emulator: the certificate is made once and reused there. */
QString defaultCertificateDir();

/**
 * Starts `emulator` on 127.0.0.1 (`port`, 0: any free port) with demo registrations. An empty
 * `certificateDir` keeps a fresh certificate in memory (tests).
 */
Nh::Status start(Nh::HubEmulator &emulator, const QString &certificateDir, quint16 port = 0);

/**
 * How a HubClient reaches a running emulator: its connection string with the host 127.0.0.1
 * (a machine may have no /etc/hosts entry for localhost) and its certificate as the one extra
 * trust anchor. Never a blanket ignoreSslErrors.
 */
Nh::HubConnection connection(const Nh::HubEmulator &emulator);

} // namespace LocalEmulator
