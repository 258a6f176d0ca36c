// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "recordedcorpus.h"

#include <QString>
#include <QStringList>
#include <optional>

/** Sends a recorded body through a parser of core and compares what it read with the body. */
namespace Recorded {

/** The parsers of core a body can go to, and the kind of body that has none. */
enum class Parser {
    RegistrationEntry,
    RegistrationFeed,
    Installation,
    InstallationPatch,
    ErrorBody,
    NotificationOutcome,
    NotificationDetails,
    HubDescription, ///< one hub (GET/PUT /{hub}); an empty feed must read as "no such hub"
    HubList, ///< a namespace's hubs, either list form (GET / or /$Resources/NotificationHubs)
    SkipJob,
};

/** "registration entry", "hub description", "import/export job (skipped)", … */
const char *parserName(Parser parser);

/** What check() found. */
struct Check
{
    /// Empty when the body parsed and agrees with what the test reads from it on its own; else
    /// the parser's error (described) or the fields that differ.
    QString problem;
    std::optional<Nh::Error> error; ///< the parser's error, if it refused the body
    QStringList warnings; ///< the parser's warnings
};

/**
 * Parses `body` with `parser` and compares a few fields the body plainly holds (ids, kinds,
 * ETags, tags, handles, templates, counts, the continuation token, the error's code and text,
 * hub names, credential kinds and rule names) with what the parser returned. The skipped kind
 * is not parsed.
 */
Check check(const Body &body, Parser parser);

/** The error's message with its line, column, offset and where. */
QString describe(const Nh::Error &error);

} // namespace Recorded
