// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// How `nhcli hub` prints a hub description, a hub list and the checks' findings, as text and as
// --json (issue #17). Secrets are redacted unless the caller reveals them.

#include "cli/credentialinput.h"
#include "cli/textrenderer.h"
#include "protocol/hubchecks.h"
#include "protocol/hubdescription.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

namespace Nh {

/** "apns", "wns", "gcm", "mpns", "adm", "baidu", "fcmv1", "browser", "xiaomi" (as the check
 *  ids spell them). */
QString credentialCliName(PnsCredentialKind kind);
/** The kind a command-line name stands for: the names above, or any platform name nhcli
 *  accepts (platformFromCliName()); case-insensitive. */
std::optional<PnsCredentialKind> credentialKindFromCliName(QStringView name);
/** The names above, joined for messages. */
QString credentialCliNames();

/** The description as JSON; secrets redacted unless `reveal`. */
QJsonObject hubDescriptionToJson(const HubDescription &description, bool reveal);
/** The description as text: credentials per platform, rules with rights, TTL, daily figures. */
QString hubDescriptionText(const HubDescription &description, bool reveal,
                           const TextRenderer &renderer);

QJsonObject hubFindingToJson(const HubFinding &finding);
/** One line per finding (with its fix), the worst first within each group as checkHub() orders. */
QString hubFindingsText(const QList<HubFinding> &findings, const TextRenderer &renderer);

QJsonArray credentialChangesToJson(const QList<CredentialChange> &changes);
QString credentialChangesText(const QList<CredentialChange> &changes);

} // namespace Nh
