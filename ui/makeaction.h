// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "theme.h"

#include <QAction>
#include <QKeySequence>
#include <QString>

/** An action of the window's menus: its objectName, text, shortcut and (optionally) icon. */
inline QAction *makeAction(QObject *parent, const QString &name, const QString &text,
                           const QKeySequence &key, const QString &icon = {})
{
    auto *a = new QAction(text, parent);
    a->setObjectName(name);
    a->setShortcut(key);
    if (!icon.isEmpty())
        a->setIcon(Theme::icon(icon));
    return a;
}
