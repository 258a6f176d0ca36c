// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/exchange.h"
#include "client/hubclient.h"
#include "emulator/emulatorlog.h"

#include <QString>
#include <QUrl>

namespace Nh {

/**
 * What a call named `operation` (operationName(), as the emulator logs it) answers with, as
 * HubClient expects it: Outcome for a test send, Feed for a listing, and so on; Nothing for a
 * name it does not know.
 */
Expect expectForOperation(const QString &operation);

/**
 * The Exchange record of one exchange the emulator served to any client (issue #20, the traffic
 * view): the same record the exchange view, the history and the exports take for nhconsole's
 * own calls. The answer is read by HubJob::interpret(), so the outcome, feed, entry, error body
 * and error sentence come out exactly as for our own sends. `origin` is where the client reached
 * the emulator (`https://127.0.0.1:PORT`); the logged URL is the path and query below it.
 *
 * The Authorization header is kept as logged (its signature redacted); `token` holds what can
 * still be read of it (sr, se, skn), the signature being a placeholder. An entry without an
 * answer (a reset or stalled connection) is a TransportError. The request's delivery records are
 * not part of an Exchange: the caller keeps them from the entry.
 */
Exchange exchangeFromLogEntry(const EmulatorLogEntry &entry, const QUrl &origin);

/**
 * The token of a logged Authorization value, whose signature the log redacted: sr, se and skn
 * as sent, the signature a placeholder that no key signs. nullopt when it does not read as a
 * SharedAccessSignature even so.
 */
std::optional<Sas::DecodedToken> decodeLoggedToken(const QByteArray &authorization);

} // namespace Nh
