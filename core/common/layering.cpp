// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Compiled into every core/ target by nh_add_core_library() (docs/conventions.md R1). Qt6::Gui and
// Qt6::Widgets export QT_GUI_LIB / QT_WIDGETS_LIB to whatever links them, so a core library that
// reaches either module, directly or through a dependency, stops compiling here.

#if defined(QT_GUI_LIB) || defined(QT_WIDGETS_LIB)
#error "core/ must not depend on QtGui or QtWidgets (docs/conventions.md R1): move the code to ui/"
#endif

namespace Nh::Detail {
// Keeps the translation unit non-empty (-Wpedantic).
extern const int kLayeringChecked;
const int kLayeringChecked = 1;
} // namespace Nh::Detail
