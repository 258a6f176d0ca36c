// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QFont>
#include <QIcon>
#include <QPalette>
#include <QString>

class QLabel;
class QWidget;

/**
 * Colours, icons and fonts shared by the widgets. Colours follow the palette they are asked
 * for, so a widget that re-reads them on QEvent::PaletteChange works in light and dark themes.
 */
namespace Theme {

enum class Tone { Neutral, Success, Failure, Warning, Info };

/** True when the palette's window colour is darker than its text. */
bool isDark(const QPalette &palette);

/** A readable foreground for `tone` on the palette's base/window colour. */
QColor foreground(Tone tone, const QPalette &palette);
/** A soft background tint for banners of `tone`. */
QColor background(Tone tone, const QPalette &palette);

/** An icon from resources/icons ("send", "success", …). */
QIcon icon(const QString &name);
/** The icon of a tone: success, failure, warning or info; null for Neutral. */
QIcon toneIcon(Tone tone);

/** The fixed-pitch font for payloads, headers and URLs. */
QFont monospace();

/** Colours `label`'s text for `tone` (and keeps its font); call again after a palette change. */
void paintLabel(QLabel *label, Tone tone);
/** Makes `widget` a tinted banner of `tone` (auto-filled background, rounded by the style). */
void paintBanner(QWidget *widget, Tone tone);

} // namespace Theme
