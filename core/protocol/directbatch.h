// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringList>

namespace Nh {

/** The boundary the .NET and Java SDKs use for direct batch sends (docs/protocol.md §4.6). */
inline constexpr QByteArrayView kDirectBatchBoundary = "nh-batch-multipart-boundary";
/** A direct batch carries at most this many device handles (docs/protocol.md §4.6). */
inline constexpr qsizetype kMaxDirectBatchHandles = 1000;

/** The two parts of a direct batch body. */
struct DirectBatch
{
    QByteArray boundary; ///< as declared in the Content-Type
    QByteArray notificationContentType; ///< the notification part's Content-Type, may be empty
    QByteArray notification; ///< the payload, byte for byte
    QStringList deviceHandles; ///< in order, as sent
};

/** `multipart/mixed; boundary="<boundary>"`. */
QByteArray directBatchContentType(QByteArrayView boundary = kDirectBatchBoundary);

/**
 * The multipart body of a direct batch (CRLF line ends): a `notification` part with
 * `notificationContentType`, then a `devices` part holding the handles as a JSON array, then
 * the closing delimiter followed by CRLF. The caller picks a boundary that does not occur in
 * the payload (see batchBoundaryFor()).
 */
QByteArray buildDirectBatchBody(QByteArrayView notificationContentType, QByteArrayView notification,
                                const QStringList &deviceHandles,
                                QByteArrayView boundary = kDirectBatchBoundary);

/** kDirectBatchBoundary, or a variant with a random suffix when the payload contains it. */
QByteArray batchBoundaryFor(QByteArrayView notification);

/**
 * Parses a direct batch request as the service accepts it (for the emulator): any
 * multipart Content-Type (`multipart/mixed` or another subtype) with a `boundary` parameter (spaces
 * around '=', quoted or not), LF or CRLF line ends, part header names in any case, part names from
 * Content-Disposition, a devices array with double- or single-quoted strings, a closing delimiter
 * with or without a final line break. Errors: InvalidValue/MissingField/EmptyField for the
 * Content-Type (offset in that string, where = "Content-Type"); Syntax/Truncated located in the
 * body (byte offset, line/column); MissingField with the service's own text "Could not find a part
 * of the multipart content supplied." (where = the part name); DuplicateField; EmptyField for an
 * empty notification, an empty array or an empty handle; LimitExceeded beyond
 * kMaxDirectBatchHandles handles. Unknown parts are skipped with a warning.
 */
Result<DirectBatch> parseDirectBatch(QByteArrayView contentType, QByteArrayView body);

} // namespace Nh
