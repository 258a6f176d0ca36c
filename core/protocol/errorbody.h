// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringView>

namespace Nh {

/**
 * The hub's error body `<Error><Code>404</Code><Detail>…</Detail></Error>` (docs/protocol.md §3.4).
 * The service appends `.TrackingId:{guid}_G{n},TimeStamp:{M/d/yyyy h:mm:ss AM}` to the text, so a
 * text that ends in a period shows a doubled "..".
 */
struct HubErrorBody
{
    int code = 0;
    QString detail; ///< <Detail> as sent (surrounding whitespace removed); show this verbatim
    QString text; ///< detail without the TrackingId/TimeStamp suffix and trailing dots
    QString trackingId; ///< "cc8c4f9b-…_G3", empty when the detail has no suffix
    QString timeStamp; ///< "11/7/2018 12:18:37 AM" as written (UTC); see parseErrorTimeStamp()

    friend bool operator==(const HubErrorBody &, const HubErrorBody &) = default;
};

/**
 * Parses an error body. <Code> and <Detail> may come in any order, with any namespace or prefix;
 * other elements are skipped. Never throws.
 *
 * Errors (located by line/column): Empty (also for the empty body some 403s carry), Syntax /
 * Truncated, UnexpectedRoot (names the root found), LimitExceeded (size, depth), MissingField
 * (no <Code>), EmptyField, InvalidValue (a code that is not a non-negative int), DuplicateField.
 * A missing <Detail> is accepted with a warning (empty detail).
 */
Result<HubErrorBody> parseErrorBody(const QByteArray &xml);

/** Splits a Detail text into text, trackingId and timeStamp (no validation; never fails). */
HubErrorBody errorBodyFromDetail(int code, const QString &detail);

/**
 * The service's error body for the emulator: `<Error><Code>…</Code><Detail>…</Detail></Error>`
 * on one line, no namespace, no XML declaration, UTF-8. Detail = `text` + "." +
 * "TrackingId:{trackingId},TimeStamp:{timeStamp in UTC}" — the service's own separator, so a
 * text ending in "." gives "..". With an empty `trackingId` the suffix is left out; with an
 * invalid `timeStamp` only its TimeStamp part is.
 */
QByteArray errorBodyXml(int code, const QString &text, const QString &trackingId,
                        const QDateTime &timeStamp);

/** "11/7/2018 12:18:37 AM": the service's TimeStamp format, in UTC (no zone is written). */
QString errorTimeStampText(const QDateTime &timeStamp);

/** Reads errorTimeStampText()'s format as UTC (AM/PM in any case); invalid if it does not fit. */
QDateTime parseErrorTimeStamp(QStringView text);

} // namespace Nh
