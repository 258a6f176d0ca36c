// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/terminal.h"

#include <QProcessEnvironment>
#include <sys/ioctl.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

Terminal Terminal::detect(const QProcessEnvironment &env)
{
    Terminal t;
    t.outIsTerminal = ::isatty(STDOUT_FILENO) == 1;
    t.errIsTerminal = ::isatty(STDERR_FILENO) == 1;
    bool ok = false;
    const int fromEnv = env.value(u"COLUMNS"_s).toInt(&ok);
    if (ok && fromEnv > 0) {
        t.columns = fromEnv;
        return t;
    }
    if (t.outIsTerminal) {
        winsize size {};
        if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0)
            t.columns = size.ws_col;
    }
    return t;
}

} // namespace Nh
