// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/clicommand.h"
#include "common/result.h"
#include "store/profile.h"

#include <QSettings>
#include <functional>
#include <memory>

namespace Nh {

class ProfileStore;
class SecretStore;

/**
 * The profile store of one nhcli run: the user's settings file (Settings::openUserSettings(),
 * the GUI's file) and the OS keychain (service `nhconsole`, no insecure fallback). No key is
 * ever kept in memory across commands: without a keychain the key comes from the environment.
 */
struct CliProfiles
{
    CliProfiles();
    ~CliProfiles();
    Q_DISABLE_COPY_MOVE(CliProfiles)

    std::unique_ptr<QSettings> settings;
    std::unique_ptr<SecretStore> secrets;
    std::unique_ptr<ProfileStore> store;
};

/**
 * `--profile NAME|ID` for commands that talk to a hub (send, history resend): finds the profile,
 * reads a Hub profile's key from the keychain and gives `session` its connection (--timeout,
 * --ca-file still apply). An Emulator profile takes the running emulator's connection from
 * --connection-string / NH_CONNECTION_STRING, and the profile's hub unless --hub is given.
 * `done` is called once, never from inside this call; an error is a sentence for the user
 * (an unknown profile is ErrorCode::NotFound; a key the keychain cannot give is Keychain, a
 * connection that cannot be read locally Storage).
 */
void connectWithProfile(CliSession &session, CliProfiles &profiles, const QString &nameOrId,
                        QObject *context, std::function<void(const Result<Profile> &)> done);

/**
 * `nhcli profiles list|show|add|remove|import|export` (issue #6): the profiles the GUI uses.
 * `add NAME` takes the connection string from --connection-string -|@FILE or
 * NH_CONNECTION_STRING (+ NH_SAS_KEY) and stores the key in the OS keychain; keys are never
 * taken from the command line and never printed, except by `export --with-keys`, which says so.
 */
class ProfilesCommand final : public CliCommand
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfilesCommand)

public:
    ProfilesCommand(CliSession &session, QObject *parent);
    ~ProfilesCommand() override;

    QString name() const override;
    QString summary() const override;
    QString description() const override;
    QString syntax() const override;
    QList<QCommandLineOption> options() const override;
    void start(const QCommandLineParser &parser, const QStringList &arguments) override;

private:
    void list();
    void show(const QString &nameOrId);
    void add(const QCommandLineParser &parser, const QString &name);
    void remove(const QString &nameOrId);
    void importFile(const QString &path);
    void exportProfiles(const QCommandLineParser &parser, const QStringList &names);
    /** Ends with the store's error; its code gives the exit status (exitCodeFor()). */
    void failWith(const Error &error, const QList<Warning> &warnings = {});

    QCommandLineOption m_label;
    QCommandLineOption m_colour;
    QCommandLineOption m_production;
    QCommandLineOption m_defaultFormat;
    QCommandLineOption m_defaultTags;
    QCommandLineOption m_apiVersion;
    QCommandLineOption m_withKeys;
    QCommandLineOption m_output;

    std::unique_ptr<CliProfiles> m_profiles;
};

} // namespace Nh
