// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

class QSettings;
namespace Nh {
class HistoryStore;
class HubClient;
class HubEmulator;
class ProfileStore;
class SecretStore;
} // namespace Nh

/**
 * The services MainWindow works with, made in main() (or a test) and injected
 * (docs/conventions.md R2). None is owned by the window; all must outlive it.
 */
struct AppContext
{
    /** Talks to the current hub; required. The window switches its connection with the
     *  profile. */
    Nh::HubClient *client = nullptr;
    /** Preferences and window state (the "State/" group); required. Tests pass an INI in a
     *  temporary folder. */
    QSettings *settings = nullptr;
    /** The bundled emulator, used by Emulator profiles; null when there is none. */
    Nh::HubEmulator *emulator = nullptr;
    /** Why the emulator could not start, when it could not; shown in the banner. */
    Nh::Status emulatorStatus;
    /** The saved profiles (the switcher, the profile dialogs); required. */
    Nh::ProfileStore *profiles = nullptr;
    /** The keys of the profiles (normally profiles->secrets()); required. */
    Nh::SecretStore *secrets = nullptr;
    /** Where every exchange is written (source "gui"); null runs without a history. */
    Nh::HistoryStore *history = nullptr;
    /** The window is shown before the emulator and the history are in place: it activates no
     *  profile itself; StartupSequence brings them in and activates it (docs/architecture.md,
     *  "Start-up"). */
    bool deferredStartup = false;
};
