// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/settings.h"

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

/**
 * A complete palette for the Fusion style in a fixed scheme: every colour role in the active,
 * inactive and disabled groups, with readable links, highlighted text, tool tips and placeholder
 * text. Light or Dark; System gives the palette the platform had when appearance was first
 * applied (the style's standard one when it has not been yet).
 */
QPalette schemePalette(Nh::Settings::Appearance appearance);

/**
 * Applies `appearance` to the whole application, live: Light and Dark switch to the Fusion style
 * (the one style that honours every palette role on every platform) with schemePalette();
 * System restores the style and palette the platform gave the application. Tool tips follow,
 * and labels with links are parsed again (rich text fixes a link's colour when it is parsed).
 * The first call remembers the platform's look, so call it once at start-up, before any other
 * palette is set. Every window has received QEvent::PaletteChange when it returns; tones set
 * with paintLabel() and paintBanner() follow by themselves.
 */
void applyAppearance(Nh::Settings::Appearance appearance);
/** What applyAppearance() was last given; System before the first call. */
Nh::Settings::Appearance currentAppearance();

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

/**
 * Colours `label`'s text for `tone` (and keeps its font). The colour is taken from the parent's
 * palette and taken again whenever the label's palette changes (a new application palette), so
 * the tone stays readable in light and dark; call again only to change the tone.
 */
void paintLabel(QLabel *label, Tone tone);
/**
 * Makes `widget` a tinted banner of `tone` (auto-filled background, rounded by the style), kept in
 * step with palette changes like paintLabel().
 */
void paintBanner(QWidget *widget, Tone tone);

} // namespace Theme
