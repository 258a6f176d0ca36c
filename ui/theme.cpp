// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "theme.h"

#include <QFontDatabase>
#include <QLabel>
#include <QWidget>

using namespace Qt::Literals::StringLiterals;

namespace Theme {

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness()
        < palette.color(QPalette::WindowText).lightness();
}

QColor foreground(Tone tone, const QPalette &palette)
{
    const bool dark = isDark(palette);
    switch (tone) {
    case Tone::Success:
        return dark ? QColor(0x5f, 0xd3, 0x8d) : QColor(0x1e, 0x7b, 0x43);
    case Tone::Failure:
        return dark ? QColor(0xff, 0x85, 0x85) : QColor(0xb4, 0x23, 0x23);
    case Tone::Warning:
        return dark ? QColor(0xf2, 0xc1, 0x4e) : QColor(0x8a, 0x5a, 0x00);
    case Tone::Info:
        return dark ? QColor(0x79, 0xb8, 0xff) : QColor(0x1f, 0x5f, 0xbf);
    case Tone::Neutral:
        break;
    }
    return palette.color(QPalette::WindowText);
}

QColor background(Tone tone, const QPalette &palette)
{
    const bool dark = isDark(palette);
    switch (tone) {
    case Tone::Success:
        return dark ? QColor(0x16, 0x3a, 0x26) : QColor(0xe3, 0xf5, 0xe9);
    case Tone::Failure:
        return dark ? QColor(0x4a, 0x1d, 0x1d) : QColor(0xfc, 0xe6, 0xe6);
    case Tone::Warning:
        return dark ? QColor(0x45, 0x36, 0x10) : QColor(0xfd, 0xf3, 0xd6);
    case Tone::Info:
        return dark ? QColor(0x16, 0x2e, 0x4d) : QColor(0xe4, 0xef, 0xfd);
    case Tone::Neutral:
        break;
    }
    return palette.color(QPalette::AlternateBase);
}

QIcon icon(const QString &name)
{
    return QIcon(u":/icons/"_s + name + u".svg"_s);
}

QIcon toneIcon(Tone tone)
{
    switch (tone) {
    case Tone::Success:
        return icon(u"success"_s);
    case Tone::Failure:
        return icon(u"failure"_s);
    case Tone::Warning:
        return icon(u"warning"_s);
    case Tone::Info:
        return icon(u"info"_s);
    case Tone::Neutral:
        break;
    }
    return {};
}

QFont monospace()
{
    return QFontDatabase::systemFont(QFontDatabase::FixedFont);
}

void paintLabel(QLabel *label, Tone tone)
{
    QPalette p = label->palette();
    p.setColor(QPalette::WindowText, foreground(tone, label->parentWidget()
                                                        ? label->parentWidget()->palette()
                                                        : label->palette()));
    label->setPalette(p);
}

void paintBanner(QWidget *widget, Tone tone)
{
    const QPalette base = widget->parentWidget() ? widget->parentWidget()->palette()
                                                 : widget->palette();
    QPalette p = widget->palette();
    p.setColor(QPalette::Window, background(tone, base));
    p.setColor(QPalette::WindowText, base.color(QPalette::WindowText));
    widget->setPalette(p);
    widget->setAutoFillBackground(true);
}

} // namespace Theme
