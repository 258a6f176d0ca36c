// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>

class QSplitter;
class QTableView;

/**
 * Keeps every row of `table`, the first pane of a two-pane `splitter` (or inside it), in view
 * (issue #16): whenever the table's rows change height (they wrap their text), its model is
 * reset or the splitter is resized, the handle moves so the table gets the height its rows
 * need, taken from the second pane down to `keepForSecond()` pixels of it (asked each time: what
 * the second pane needs may change). It never moves the other way: room the user gave the
 * table stays.
 */
void keepRowsInView(QSplitter *splitter, QTableView *table, std::function<int()> keepForSecond);
