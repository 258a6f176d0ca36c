// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "store/profile.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QUuid>

class QSettings;

namespace Nh {

class HubClient;
class HubEmulator;
class ProfileStore;
class SecretJob;
class SecretStore;

/**
 * The connection of the console's current profile: which profile sends, and whether its
 * connection is in place. activate() switches to a profile and walks it through the states
 * below; every change is announced by the one stateChanged() signal, which the window and its
 * panes listen to.
 *
 * - Connecting: a profile was chosen and nothing is known yet. Every activation starts here
 *   (and the session is here before the first one).
 * - ReadingKey: a Hub profile whose key is being read from the SecretStore (asynchronously; the
 *   keychain may be showing an unlock prompt). Emulator profiles skip this state.
 * - Ready: the HubClient's connection is the profile's; sends may go.
 * - NeedsKey: a Hub profile whose key could not be read (no keychain, locked, no key stored).
 *   problem() says why; provideSessionKey() is the way out.
 * - Failed: an Emulator profile whose emulator is not available (not running, no such SAS
 *   rule). problem() says why.
 *
 * A key read still in flight when another profile is activated is ignored when it finishes.
 * Edits of the current profile's name, label, colour and production flag in the ProfileStore
 * are taken over and announced by profileChanged(); the state stays.
 *
 * QtCore only; it lives in nh_models (it links nh_store, nh_client and nh_emulator).
 */
class ProfileSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileSession)

public:
    enum class State { Connecting, ReadingKey, Ready, NeedsKey, Failed };
    Q_ENUM(State)

    /** What the session works with; none is owned and all must outlive it. */
    struct Services
    {
        /** Gets the current profile's connection when it is Ready; required. */
        HubClient *client = nullptr;
        /** The saved profiles; required. */
        ProfileStore *profiles = nullptr;
        /** The Hub profiles' keys; required. */
        SecretStore *secrets = nullptr;
        /** The bundled emulator, used by Emulator profiles; null when there is none. */
        const HubEmulator *emulator = nullptr;
        /** Why the emulator could not start, when it could not. */
        Status emulatorStatus;
        /** Where the last profile activated is remembered (Settings::lastProfileId()); may be
         *  null. */
        QSettings *settings = nullptr;
    };

    explicit ProfileSession(const Services &services, QObject *parent = nullptr);
    ~ProfileSession() override;

    State state() const { return m_state; }
    bool isReady() const { return m_state == State::Ready; }
    /** The profile sends go to (the built-in emulator profile when activate() got an unknown
     *  id). */
    const Profile &profile() const { return m_profile; }
    /** Why the profile is not connected (NeedsKey, Failed): a full sentence; empty otherwise. */
    QString problem() const { return m_problem; }
    /** The connection the HubClient was given; meaningful when Ready. */
    const HubConnection &connection() const;

    /**
     * Switches to profile `id` (an unknown id: the built-in emulator profile). Emulator profiles
     * reach Ready or Failed before this returns; Hub profiles go to ReadingKey and later to
     * Ready or NeedsKey.
     */
    void activate(const QUuid &id);
    /** Keeps `key` in memory for this run (never on disk) and activates the profile again. */
    void provideSessionKey(const QUuid &id, const QString &key);

    /**
     * The bundled emulator and how its start went, when it was started after the session was
     * made (the console starts it after its window is shown). Emulator profiles activated from
     * then on use it; the current state is not changed.
     */
    void setEmulator(const HubEmulator *emulator, const Status &status);

    /** Whether `host`:`port` is the bundled emulator, running in this process. */
    static bool isBundledEmulator(const HubEmulator *emulator, const QString &host, int port);

signals:
    /** The state changed, or the same state was entered again for another profile. */
    void stateChanged(Nh::ProfileSession::State state);
    /** The current profile's name, label, colour or production flag was edited. */
    void profileChanged();

private:
    void setState(State state, const QString &problem = {});
    void connectProfile(const QString &key);
    void fail(const Error &error);
    void takeOverEdit(const QUuid &id);

    Services m_services;
    Profile m_profile;
    State m_state = State::Connecting;
    QString m_problem;
    QPointer<SecretJob> m_keyJob;
};

} // namespace Nh
