// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

/** How long a note in the window's status bar stays (MainWindow::showNote()). */
enum class NoteKind {
    Info, ///< a result or a hint: a few seconds
    Problem, ///< something went wrong or needs attention: longer
    Busy, ///< work in progress: until the next note or clearNote()
};
