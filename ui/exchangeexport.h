// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/exchange.h"

#include <QByteArray>
#include <QString>

/**
 * Exports of one exchange for the clipboard. Secrets follow `reveal`: with Reveal::No the
 * Authorization signature is "[redacted]" (style.md R8), so the copy is safe to paste in a ticket.
 */
namespace ExchangeExport {

/**
 * A POSIX shell curl command that repeats the request: method, URL, every header as built and
 * the body. `caCertificatePath` adds --cacert (the emulator's certificate).
 */
QString curlCommand(const Nh::Exchange &exchange, Nh::Reveal reveal,
                    const QString &caCertificatePath = {});

/** The exchange as an indented JSON document: request, response, outcome, timings, result. */
QByteArray json(const Nh::Exchange &exchange, Nh::Reveal reveal);

/** `s` quoted for a POSIX shell with single quotes. */
QString shellQuote(const QString &s);

} // namespace ExchangeExport
