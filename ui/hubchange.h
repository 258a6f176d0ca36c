// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What saving a changed hub description would change (issue #17): the lines the Hub page shows
// before it saves. Secret values never appear, only that they changed.

#include "protocol/hubdescription.h"

#include <QStringList>

/**
 * The differences between two descriptions of the same hub, one sentence per line: credentials
 * added, removed, and each changed property (old → new for non-secret values, "changed" for
 * secrets), the registration TTL. Empty when they are the same.
 */
QStringList hubDescriptionChanges(const Nh::HubDescription &before,
                                  const Nh::HubDescription &after);
