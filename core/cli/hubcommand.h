// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/clicommand.h"
#include "cli/credentialinput.h"
#include "protocol/hubchecks.h"
#include "protocol/hubdescription.h"
#include "store/profile.h"

#include <QCommandLineOption>
#include <memory>
#include <optional>

namespace Nh {

class HubClient;
class RegistrationCoverage;
struct CliProfiles;

/**
 * `nhcli hub show|list|check|set-credential|remove-credential` (issue #17): the hub's own
 * configuration over the SAS management API (docs/protocol.md §14), checked by checkHub()
 * (docs/hub-checks.md). Secrets are redacted unless --reveal; set-credential reads them from
 * files or standard input, never from the command line. Changing a credential reads the whole
 * description, changes that one credential and writes the whole description back with
 * `If-Match: *`. `check` exits 3 when a finding is a problem.
 */
class HubCommand final : public CliCommand
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HubCommand)

public:
    HubCommand(CliSession &session, QObject *parent);
    ~HubCommand() override;

    QString name() const override;
    QString summary() const override;
    QString description() const override;
    QString syntax() const override;
    QList<QCommandLineOption> options() const override;
    void start(const QCommandLineParser &parser, const QStringList &arguments) override;
    void cancel() override;

private:
    /** Reads set-credential's input (files, stdin) into m_newProperties; false after fail(). */
    bool readCredentialInput(const QCommandLineParser &parser);
    Result<QByteArray> readFile(const QString &path, const QString &option);
    void run();
    void show();
    void list();
    void check();
    void checkWith(const HubDescription &description,
                   std::optional<QList<RegistrationCount>> registrations);
    void readProfileKeys(QList<Profile> pending);
    void finishCheck();
    void change();
    /** Applies set/remove to `d`; false (after fail()) when it cannot. */
    bool applyChange(HubDescription &d);

    QCommandLineOption m_reveal;
    QCommandLineOption m_profile;
    QCommandLineOption m_file;
    QCommandLineOption m_p8File;
    QCommandLineOption m_keyId;
    QCommandLineOption m_teamId;
    QCommandLineOption m_bundleId;
    QCommandLineOption m_p12File;
    QCommandLineOption m_passwordFile;
    QCommandLineOption m_serviceAccount;
    QCommandLineOption m_endpoint;
    QCommandLineOption m_environment;

    QString m_action;
    bool m_revealSecrets = false;
    QString m_profileName;
    PnsCredentialKind m_kind = PnsCredentialKind::Apns;
    std::optional<CredentialProperties> m_newProperties;
    QString m_newEndpoint; ///< APNs: --endpoint/--environment; empty = keep the current one
    HubClient *m_client = nullptr;
    std::unique_ptr<CliProfiles> m_profiles;
    RegistrationCoverage *m_coverage = nullptr;
    // check
    std::optional<HubDescription> m_checked;
    std::optional<QList<RegistrationCount>> m_counts;
    QList<ProfileKey> m_profileKeys;
    QString m_registrationsNote;
};

} // namespace Nh
