// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>
#include <QList>
#include <cstddef>
#include <cstdint>

/**
 * The fuzz targets' entry functions (issue #8), shared by the libFuzzer mains (tests/fuzz, clang)
 * and tst_fuzzregressions (gcc), which replays every saved crash input through them.
 *
 * Each entry feeds one input to a parser that takes outside input and checks cheap invariants:
 * an error has a message and a location inside the input; a value the parser accepted, written
 * back out by its serializer, parses again to the same text. A broken invariant prints what broke
 * and aborts, which libFuzzer and Qt Test both report as a crash. Entries never throw.
 */
namespace Nh::Fuzz {

using Entry = void (*)(QByteArrayView input);

struct Target
{
    const char *name; ///< the executable is fuzz_<name>; corpus and regressions use the name
    Entry entry;
};

// The targets (fuzzentries.cpp): connectionstring, sastoken, tagexpression (UTF-8 text);
// template (the first byte picks the platform, the rest is one template value, the body and,
// its first line, a header value: parsed, linted and rendered);
// payload (a body validated by every format's PayloadBuilder, the JSON and XML readers and the
// template properties); notificationoutcome, errorbody, notificationdetails, registrationentry,
// registrationfeed, installation (one document each); hubdescription (a hub description or
// hub list: parsed, redacted, checked by checkHub(), written and read back); installationpatch (a
// JSON Patch applied to a fixed installation with tags, templates and tiles); directbatch (a first
// line naming a multipart type is the Content-Type, the rest the body; otherwise the whole input is
// the body and the boundary comes from its first line); emulator (requests to a fresh
// EmulatorService, no sockets, separated by lines of `%%`: `METHOD /path?query`, header lines, an
// empty line, the body; a request without Authorization gets a valid token of the Manage rule, so
// the handlers behind SAS are reached).

/** Every target, in a stable order. */
const QList<Target> &targets();
/** The target called `name`, or nullptr. */
const Target *target(QByteArrayView name);

} // namespace Nh::Fuzz
