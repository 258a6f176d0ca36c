// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The hubs' own configuration in the emulator (issue #17, docs/protocol.md §9.10): each hub's
// NotificationHubDescription, the defaults, the demo hub that shows the problems, the
// `nhemulator --hub-config FILE` format and the checks the service makes on a PUT.

#include "common/result.h"
#include "emulator/emulatorgenerator.h"
#include "protocol/hubdescription.h"

#include <QByteArray>
#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QDateTime>
#include <QList>
#include <QString>

namespace Nh {

struct SasRule;
struct EmulatorOptions;
class EmulatorState;
struct EmulatorHub;

/** The second demo hub (with demo data on): its configuration shows the problems. */
inline constexpr QLatin1StringView kProblemsDemoHub {"problemsHub"};

/** The RegistrationTtl a hub gets when none is given (.NET TimeSpan.MaxValue, as in 2020). */
inline constexpr QLatin1StringView kDefaultRegistrationTtl {"P10675199DT2H48M5.4775807S"};

/** The APNs token-mode sandbox endpoint the default configuration uses. */
inline constexpr QLatin1StringView kApnsSandboxEndpoint {
    "https://api.development.push.apple.com:443/3/device"};
/** The APNs token-mode production endpoint. */
inline constexpr QLatin1StringView kApnsProductionEndpoint {
    "https://api.push.apple.com:443/3/device"};

/** One hub's configuration: its description and what the description cannot say. */
struct EmulatorHubConfig
{
    QString name;
    HubDescription description;
    /// The legacy GCM/FCM API answers as Google's retired one does: every GCM registration fails.
    bool gcmRetired = false;
    /// False: the hub gets the namespace's default rules (with the emulator's keys).
    bool rulesGiven = false;
    /// `"generate": {"count": N, "seed": S}`: synthetic registrations (generateRegistrations()).
    GenerateSpec generate;
};

/** The two default rules (DefaultListen…, DefaultFull…) with the keys of `rules`. */
QList<AuthorizationRule> defaultAuthorizationRules(const QList<SasRule> &rules,
                                                   const QDateTime &now);

/**
 * The default configuration: every platform configured with test values (APNs in token mode on
 * the sandbox endpoint, FCM v1, legacy GCM, WNS, MPNS, ADM, Baidu, browser, Xiaomi), the default
 * rules and TTL.
 */
HubDescription defaultHubDescription(const QList<SasRule> &rules, const QDateTime &now);

/** The default test credential of one kind. */
PnsCredential defaultPnsCredential(PnsCredentialKind kind);

/**
 * The problems demo hub: no FCM v1 credential, APNs in certificate mode on the production
 * endpoint with an expired certificate, GCM marked retired, and a rule that can only listen.
 */
EmulatorHubConfig problemsDemoHubConfig(const QList<SasRule> &rules, const QDateTime &now);

/**
 * Reads a `--hub-config` file (JSON; docs/protocol.md §9.10). Errors name the file and the place
 * (`hubs[1].credentials.apns.token`, or the line and column of a JSON syntax error).
 */
Result<QList<EmulatorHubConfig>> parseHubConfig(const QByteArray &json, const QString &fileName);
Result<QList<EmulatorHubConfig>> readHubConfigFile(const QString &path);

/** The `--hub-config FILE` option, as `nhemulator` and `nhcli emulator` take it. */
QCommandLineOption hubConfigOption();
/**
 * When `parser` has --hub-config (hubConfigOption()), reads the file into `options.hubConfigs`;
 * the error names the file and the place (readHubConfigFile()). Nothing to do without it.
 */
Status applyHubConfigOption(const QCommandLineParser &parser, EmulatorOptions &options);

/** `--generate N` and `--seed S` (docs/architecture.md, "Generated hubs"), as nhemulator and
 *  `nhcli emulator` both accept them. */
QList<QCommandLineOption> generateOptions();
/**
 * When `parser` has --generate (generateOptions()), sets `options.generate`; ErrorCode::Usage
 * naming both values when either is not a whole number in range.
 */
Status applyGenerateOptions(const QCommandLineParser &parser, EmulatorOptions &options);

/**
 * What the service refuses in a hub description on a PUT (docs/protocol.md §9.10): APNs with
 * both or neither of Token and ApnsCertificate, a token without KeyId, AppId and AppName, FCM v1
 * or browser credentials without their three properties, and the other platforms' required
 * properties. The message names the credential and property.
 */
Status validateHubCredentials(const HubDescription &description);

/**
 * Gives each hub of `configs` its configuration (made when missing; rules left out are the
 * namespace's default rules), except the description of a hub whose description was changed
 * over the API and kept in the data file (EmulatorHub::descriptionChanged); a hub named
 * kProblemsDemoHub that `configs` does not name gets the problems configuration. With
 * `createProblemsHub` (demo data on a new namespace) that hub is made and gets its demo
 * registrations (seedProblemsDemoData()).
 */
void configureHubs(EmulatorState &state, const QList<EmulatorHubConfig> &configs,
                   bool createProblemsHub);

/**
 * The problems hub's demo registrations: APNs tokens of a development build (marker
 * "development") on its production endpoint, legacy GCM ones on its retired GCM, FCM v1 ones
 * without an FCM v1 credential.
 */
void seedProblemsDemoData(EmulatorState &state, EmulatorHub &hub);

} // namespace Nh
