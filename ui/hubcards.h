// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the Hub page shows of one hub description (issue #17): one card per platform, built from
// the description and the findings of checkHub() (docs/hub-checks.md). No secret ever goes in.

#include "protocol/hubchecks.h"
#include "protocol/hubdescription.h"
#include "theme.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <optional>
#include <utility>

/** One platform's card: what the page draws, secrets left out. */
struct PlatformCardData
{
    Nh::PnsCredentialKind kind = Nh::PnsCredentialKind::Apns;
    QString title; ///< "Apple (APNs)", …
    bool configured = false;
    QString mode; ///< "Token", "Certificate", … ; empty when the platform has one mode
    /// APNs only: "Sandbox", "Production" or "Unknown"; empty for the other platforms.
    QString environment;
    Theme::Tone environmentTone = Theme::Tone::Neutral;
    /// Days until the APNs certificate expires (negative: expired); nullopt without one.
    std::optional<qint64> daysToExpiry;
    /// The non-secret properties (endpoint, key id, project id, …), names as written.
    QList<std::pair<QString, QString>> properties;
    QList<Nh::HubFinding> findings; ///< about this credential, in checkHub()'s order
};

/** The tone a severity is drawn in. */
Theme::Tone severityTone(Nh::HubCheckSeverity severity);
/** "Apple (APNs)", "Firebase (FCM v1)", … */
QString pnsCredentialTitle(Nh::PnsCredentialKind kind);

/** One card per credential kind, in PnsCredentialKind order, configured or not. */
QList<PlatformCardData> platformCards(const Nh::HubDescription &description,
                                      const QList<Nh::HubFinding> &findings,
                                      const QDateTime &now = QDateTime::currentDateTimeUtc());

/** The findings about no credential (hub-wide, rules and profiles). */
QList<Nh::HubFinding> hubWideFindings(const QList<Nh::HubFinding> &findings);

/** "never expires" for the service's default TTL, "90 days" for P90D, else as written. */
QString registrationTtlText(const QString &ttl);

/** "3 days left", "expires today", "expired 12 days ago". */
QString expiryCountdownText(qint64 days);
