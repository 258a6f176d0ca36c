// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/history/historytypes.h"

#include <QString>
#include <QVariantList>

/**
 * The SQL a HistoryFilter and a HistorySort become: a WHERE condition over `exchanges` with its
 * values, free text through the FTS5 index or LIKE, and the ORDER BY expression of a sort key.
 * Internal to nh_store.
 */
namespace Nh::HistoryDb {

/** A condition over `exchanges` and the values bound to its placeholders, in order. */
struct Where
{
    QString sql = QStringLiteral("1");
    QVariantList values;
};

/** Every field of `filter`; free text matches word starts in the FTS5 index when `fullText`,
 *  substrings (LIKE over textColumns()) otherwise. */
Where whereClause(const HistoryFilter &filter, bool fullText);

/** The column a list is ordered by for `key` (ties: by id). */
QString sortExpression(HistorySort::Key key);

} // namespace Nh::HistoryDb
