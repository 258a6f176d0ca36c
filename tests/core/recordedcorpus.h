// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

/**
 * The response bodies recorded from the real service and the parse fixtures beside them
 * (docs/architecture.md, "Where the tests live"), as tst_recordedbodies reads them, and what it
 * reads in a body on its own, without the parsers of core.
 */
namespace Recorded {

/** One response body: a recorded exchange's or a fixture file's. */
struct Body
{
    /// "pairs.jsonl:<line> <file> #<seq>" for an exchange, the relative path for a fixture file.
    QString name;
    QString target; ///< the request target; empty for a fixture file
    int status = 0; ///< the answer's HTTP status; 0 for a fixture file
    QByteArray continuationHeader; ///< x-ms-continuationtoken, if the answer had one
    QByteArray bytes;
    QString shape; ///< see shapeOf()
};

/** A `Location` header of a recorded answer. */
struct LocationHeader
{
    QString name; ///< as Body::name
    QString target;
    QString value;
};

struct Corpus
{
    /// Each non-empty response_body of pairs.jsonl, then every other file of the folder.
    QList<Body> bodies;
    QList<LocationHeader> locations;
    /// Files under the folder whose exchanges pairs.jsonl holds.
    QSet<QString> pairFiles;
};

/** Reads the folder; false (with a qWarning saying why) when a file cannot be read. */
bool load(const QString &recordings, Corpus &corpus);

/** "Error", "entry/AppleRegistrationDescription", "feed/" (a feed without entries),
 *  "json:installation", "json:patch", "json:other" or "text". Read with regular expressions,
 *  so a body that is not well-formed XML still gets its shape. */
QString shapeOf(const QByteArray &bytes);

/** The text of every `<name>…</name>` (any prefix; `<name/>` has none), entities resolved, in
 *  document order. */
QStringList elementTexts(const QByteArray &bytes, const QString &name);

/** How many start tags `<name …>` or `<name/>` (any prefix) the text holds. */
qsizetype countStartTags(const QByteArray &bytes, const QString &name);

/** The text of each <entry> of a feed, in order. */
QList<QByteArray> entryTexts(const QByteArray &feed);

} // namespace Recorded
