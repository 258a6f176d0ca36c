// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What one hub description says about delivery, computed locally (no network): the checks of
// docs/hub-checks.md (issue #17).

#include "protocol/hubdescription.h"
#include "protocol/platform.h"
#include "protocol/registration.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <optional>

namespace Nh {

/** How bad a finding is; ordered, so the worst of a list is its maximum. */
enum class HubCheckSeverity {
    Ok, ///< checked and fine (a card's "configured" line)
    Info, ///< worth knowing; nothing to do
    Warning, ///< likely to fail or about to; worth fixing
    Problem, ///< sends will fail, or the configuration is refused
};

/** "ok", "info", "warning", "problem" (for `--json` and logs). */
QString hubCheckSeverityName(HubCheckSeverity severity);

/** One thing a check found. */
struct HubFinding
{
    /// Stable id, e.g. "apns-endpoint-unknown" (docs/hub-checks.md lists them all); scripts
    /// and tests match on it, never on the sentence.
    QString id;
    HubCheckSeverity severity = HubCheckSeverity::Ok;
    /// The credential it is about; nullopt for hub-wide findings and profile rights.
    std::optional<PnsCredentialKind> credential;
    /// The profile it is about (rights findings); empty otherwise.
    QString profile;
    /// One translated sentence saying what was found.
    QString message;
    /// One translated sentence saying what to do; empty when there is nothing to do.
    QString fix;
};

/** How many registrations (or installations) of one kind the hub holds. */
struct RegistrationCount
{
    RegistrationKind kind;
    int count = 0;
};

/** Counts registrations per kind, in the order the kinds first appear. */
QList<RegistrationCount> countRegistrations(const QList<Registration> &registrations);

/** A saved profile's rule, as its connection string names it. */
struct ProfileKey
{
    enum class Role {
        BackEnd, ///< sends (what nhconsole profiles do)
        Client, ///< a connection string an app ships with: should only listen
    };
    QString profile; ///< the profile's name, for the sentences
    QString keyName; ///< SharedAccessKeyName
    QString key; ///< SharedAccessKey (compared in constant time, never shown)
    Role role = Role::BackEnd;
};

/** Everything the checks may use besides the description. */
struct HubCheckContext
{
    /// The hub's registrations per kind; nullopt when they were not read (no coverage checks).
    std::optional<QList<RegistrationCount>> registrations;
    QList<ProfileKey> profiles;
    /// Decides certificate expiry.
    QDateTime now = QDateTime::currentDateTimeUtc();
};

/** Certificates that expire within this many days are a warning. */
inline constexpr int kCertificateExpiryWarningDays = 30;

/**
 * Checks one description (unredacted: masked values cannot be checked and say so). Findings
 * come hub-wide first, then per credential in PnsCredentialKind order (every kind gets at least
 * its "-configured" or "-not-configured" finding), then coverage, then rules and profiles.
 */
QList<HubFinding> checkHub(const HubDescription &description, const HubCheckContext &context = {});

/** The worst severity in `findings` (Ok for none). */
HubCheckSeverity worstSeverity(const QList<HubFinding> &findings);

/** The APNs environment an `Endpoint` value selects (docs/hub-checks.md, endpoint table). */
enum class ApnsEndpointEnvironment {
    Missing, ///< no Endpoint property, or empty
    Production,
    Sandbox,
    Invalid, ///< `https://api.sandbox.push.apple.com` without port and path: saved, never delivered
    Unknown, ///< anything else
};
/** Compared case-insensitively, surrounding white space ignored. */
ApnsEndpointEnvironment apnsEndpointEnvironment(const std::optional<QString> &endpoint);

/**
 * Whether the hub holds a credential that serves sends of `format`: the format's platform has a
 * credential (present counts, even empty, as the service takes an empty MpnsCredential). A
 * template send needs any credential. A format that is not served answers 400 "The
 * notification has no target applications…" (docs/hub-checks.md).
 */
bool hubServesFormat(const HubDescription &description, Format format);

} // namespace Nh
