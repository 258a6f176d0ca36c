// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/historystore.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <optional>

namespace Nh {

/** A field of two exchanges that differs: method, URL, status, result, outcome counts, …. */
struct FieldDifference
{
    QString field; ///< untranslated key: "method", "url", "status", "result", "target", …
    QString name; ///< translated, for people
    QString left;
    QString right;
};

/** A header whose values differ; a side without it has nullopt. Repeated headers are joined
 *  with ", " in their order. Names compare case-insensitively. */
struct HeaderDifference
{
    QByteArray name;
    std::optional<QByteArray> left;
    std::optional<QByteArray> right;
    /// Differs on every call by nature (Authorization, Date, TrackingId, Location, …): a view may
    /// hide these.
    bool isVolatile = false;
};

/** One line of a body comparison. Line numbers are 1-based; 0 on the side without the line. */
struct DiffLine
{
    enum class Kind { Same, Removed, Added };
    Kind kind = Kind::Same;
    QString text;
    int leftLine = 0;
    int rightLine = 0;
};

struct BodyDiff
{
    bool identical = true; ///< the bytes are equal
    /// Both bodies were JSON or XML and were compared as pretty-printed text (JSON keys sorted).
    bool normalized = false;
    /// Too large to align line by line: the lines are all Removed then all Added.
    bool approximate = false;
    QList<DiffLine> lines;
};

/** A registration whose result differs between two test sends; empty outcome = absent. */
struct OutcomeDifference
{
    QString registrationId;
    QString left;
    QString right;
};

/** What differs between two exchanges, for the compare view (issue #6). */
struct ExchangeDiff
{
    QList<FieldDifference> fields;
    QList<HeaderDifference> requestHeaders;
    QList<HeaderDifference> responseHeaders;
    BodyDiff requestBody;
    BodyDiff responseBody;
    QList<OutcomeDifference> outcomes;

    /** True when nothing differs but volatile headers (and the ids and times of the calls). */
    bool isEquivalent() const;
};

/**
 * Compares two exchanges (both go through historyRecordFor() first, so secrets never show).
 * Fields: method, URL, profile, target, format, status, reason, result, error, outcome counts.
 * Bodies that are both JSON or both XML are pretty-printed before the line comparison, so a
 * one-line outcome compares element by element. Line alignment is a longest common subsequence
 * after the common start and end are set aside; above 4 million cells it is approximate.
 */
ExchangeDiff diffExchanges(const HistoryRecord &left, const HistoryRecord &right);

/** The line comparison on its own (no normalization). */
BodyDiff diffText(const QString &left, const QString &right);

/** Pretty-prints JSON (keys sorted) or XML; returns nullopt for anything else. */
std::optional<QString> normalizedBody(const QByteArray &body);

} // namespace Nh
