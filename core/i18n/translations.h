// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLocale>
#include <QStringList>

class QCoreApplication;

namespace Nh {

/**
 * The languages nhconsole ships a complete catalogue for (resources/translations), as
 * QLocale names without the territory ("de"); English, the source language, is not listed.
 */
QStringList shippedLanguages();

/**
 * Installs the translators for `locale` on `app`: nhconsole's own catalogue
 * (`nhconsole_<lang>.qm` in PREFIX/share/nhconsole/translations, found from the executable's
 * folder, so an installed tree and the build tree both work) and, when the system has them,
 * Qt's own (qtbase). Needs the QCoreApplication. Returns the language that was installed, or an
 * empty string when `locale` asks for English or for a language nhconsole does not ship (then the
 * strings stay English). Safe to call again: the previous translators are removed first.
 */
QString installTranslations(QCoreApplication *app, const QLocale &locale = QLocale());

} // namespace Nh
