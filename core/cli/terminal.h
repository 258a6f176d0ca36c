// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QProcessEnvironment;

namespace Nh {

/** What nhcli knows about where its output goes. */
struct Terminal
{
    /** From this width on, request and response are printed side by side. */
    static constexpr int kSideBySideColumns = 100;
    /** The width assumed when nothing says otherwise (a pipe, a file). */
    static constexpr int kDefaultColumns = 80;

    bool outIsTerminal = false; ///< colours on stdout only then (and never with NO_COLOR)
    bool errIsTerminal = false; ///< progress lines on stderr only then
    int columns = kDefaultColumns;

    /**
     * The process's own terminal: isatty() on stdout and stderr; the width from COLUMNS when it
     * is a positive number, else from the TIOCGWINSZ ioctl on a terminal, else kDefaultColumns.
     */
    static Terminal detect(const QProcessEnvironment &env);
};

} // namespace Nh
