// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "emulator/registrationtable.h"
#include "protocol/registrationfeed.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

namespace Nh {

/**
 * A registration listing's feed written straight from the emulator's compact table
 * (docs/architecture.md, "The emulator's storage and indexes"): byte for byte what
 * registrationFeedXml() writes for `table.registration(slot)` of each slot of `page`, with every
 * `<ExpirationTime>9999-12-31T23:59:59.999Z</ExpirationTime>` replaced by `neverElement` (the
 * form the service reads a never-expiring registration back in), but without building the
 * Registration values: ids, handles and tags go from the records to the answer as they are
 * stored (UTF-8, interned tags), times without a QDateTime, and a template part shared by many
 * registrations is written once per answer.
 */
QByteArray registrationTableFeedXml(const RegistrationTable &table,
                                    const QList<RegistrationTable::Slot> &page,
                                    const FeedContext &context, QByteArrayView neverElement);

} // namespace Nh
