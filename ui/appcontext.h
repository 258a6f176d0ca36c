// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

class QSettings;
namespace Nh {
class HubClient;
class HubEmulator;
} // namespace Nh

/**
 * The services MainWindow works with, made in main() (or a test) and injected (style.md R2).
 * None is owned by the window; all must outlive it.
 */
struct AppContext
{
    /** Talks to the current hub; required. */
    Nh::HubClient *client = nullptr;
    /** Window state (the "State/" group); required. Tests pass an INI in a temporary folder. */
    QSettings *settings = nullptr;
    /** The bundled emulator while it is the current hub (first run); null otherwise. */
    Nh::HubEmulator *emulator = nullptr;
    /** Why the emulator could not start, when it could not; shown in the banner. */
    Nh::Status emulatorStatus;
    // TODO(#7): Nh::ProfileStore *profiles; Nh::SecretStore *secrets; Nh::HistoryStore *history;
    // the profile switcher and the history panel plug in here.
};
