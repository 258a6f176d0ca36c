// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QLatin1StringView>
#include <QString>

class QXmlStreamReader;
class QXmlStreamWriter;

namespace Nh::Xml {

/** The namespaces of the hub's documents (nh-rest.md §7). QLatin1StringView because Qt 6.4's
 *  QXmlStreamAttributes::value(ns, name) has QString and QLatin1StringView overloads only. */
inline constexpr QLatin1StringView kServiceBusNs {
    "http://schemas.microsoft.com/netservices/2010/10/servicebus/connect"};
inline constexpr QLatin1StringView kInstanceNs {"http://www.w3.org/2001/XMLSchema-instance"};
inline constexpr QLatin1StringView kAtomNs {"http://www.w3.org/2005/Atom"};
inline constexpr QLatin1StringView kDataServicesMetadataNs {
    "http://schemas.microsoft.com/ado/2007/08/dataservices/metadata"};

/** Documents nested deeper than this are refused (hostile input; real ones are < 10 deep). */
inline constexpr int kMaxDepth = 64;
/** Bodies larger than this are refused before parsing (the service's own limit is 64 KB for
 *  requests; registration feeds of 100 entries stay well below this). */
inline constexpr qsizetype kMaxDocumentBytes = 16 * 1024 * 1024;

/**
 * An Error located at the reader's current line/column. `what` is the sentence without the
 * location; the location is appended ("… (line 3, column 17)"). Reader errors (premature end,
 * not well-formed) map to ErrorCode::Truncated / ErrorCode::Syntax with Qt's own explanation.
 */
Error errorAt(const QXmlStreamReader &reader, ErrorCode code, const QString &what,
              const QString &where = {});

/** The Error for a reader that has hasError(); `document` names the kind ("NotificationOutcome").
 */
Error readerError(const QXmlStreamReader &reader, const QString &document);

/**
 * Reads the text of the current element (which must be a StartElement) up to its end element,
 * refusing child elements. Returns the error through `error` and an empty string on failure.
 */
QString readLeafText(QXmlStreamReader &reader, Error *error);

/** Skips the current element and everything under it, honouring kMaxDepth. */
bool skipElement(QXmlStreamReader &reader);

/** True if the current StartElement carries xsi:nil="true" (any prefix bound to kInstanceNs). */
bool isNil(const QXmlStreamReader &reader);

/** Checks that a body is non-empty and not over kMaxDocumentBytes; `document` names the kind. */
Status checkBody(const QByteArray &body, const QString &document);

} // namespace Nh::Xml
