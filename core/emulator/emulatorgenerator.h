// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

namespace Nh {

class EmulatorState;
struct EmulatorHub;

/** What `nhemulator --generate N [--seed S]` and a hub's "generate" in --hub-config ask for. */
struct GenerateSpec
{
    qint64 count = 0;
    quint64 seed = 1;
};

/** What a generation did: how many registrations, in how long. */
struct GenerateReport
{
    qint64 count = 0;
    qint64 elapsedMs = 0;
    /** Registrations a second (0 when too fast to tell). */
    double rate() const { return elapsedMs > 0 ? double(count) * 1000.0 / double(elapsedMs) : 0; }
};

/**
 * Adds `spec.count` synthetic registrations to `hub` (docs/architecture.md, "Generated hubs"),
 * deterministic from `spec.seed`: ids, handles and tags are the same for the same seed and count.
 * Registration i has the tags `user:<i>`, `cohort:<i mod 1000>` and `lang:<xx>` (en, fr, de, es,
 * ja; about half en); platforms are mostly APNs and FCM v1 with some WNS, browser, GCM and ADM;
 * one in five is a template registration (a few shared templates); one in a thousand repeats the
 * previous handle (a device registered twice) and one in five hundred has a handle the PNS reports
 * as expired (ExpiredChannel on a send, which deletes it). They are made in-process and kept in
 * memory only: never written to the `--data` store.
 */
GenerateReport generateRegistrations(EmulatorHub &hub, const GenerateSpec &spec);

} // namespace Nh
