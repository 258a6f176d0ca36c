// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <optional>

namespace Nh {

/**
 * HTTP header fields in wire order, names as written (QNetworkRequest and QHttpServerRequest
 * both use QByteArray pairs). Names compare case-insensitively (RFC 9110 §5.1).
 */
using HttpHeaders = QList<QPair<QByteArray, QByteArray>>;

/** The first value of `name` (case-insensitive), or nullopt when absent. */
std::optional<QByteArray> headerValue(const HttpHeaders &headers, QByteArrayView name);
bool hasHeader(const HttpHeaders &headers, QByteArrayView name);
/** Replaces every field called `name` with one (kept at the first one's place, or appended). */
void setHeader(HttpHeaders &headers, const QByteArray &name, const QByteArray &value);
/** Removes every field called `name`; returns how many were removed. */
qsizetype removeHeader(HttpHeaders &headers, QByteArrayView name);

} // namespace Nh
