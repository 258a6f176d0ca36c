// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "windowstate.h"

#include <QMainWindow>
#include <QSettings>
#include <QSplitter>

using namespace Qt::Literals::StringLiterals;

namespace {

const QString kGroup = u"State"_s;
const QString kPrefix = u"State/"_s;

} // namespace

WindowState::WindowState(QMainWindow *window, QSettings *settings)
    : m_window(window)
    , m_settings(settings)
{
    Q_ASSERT(m_window && m_settings);
}

void WindowState::addSplitter(QSplitter *splitter)
{
    Q_ASSERT(splitter && !splitter->objectName().isEmpty());
    m_splitters.append(splitter);
}

void WindowState::addState(const QString &name, std::function<QByteArray()> save,
                           std::function<void(const QByteArray &)> restore)
{
    m_pieces.append({name, std::move(save), std::move(restore)});
}

void WindowState::save() const
{
    QSettings &s = *m_settings;
    s.setValue(kPrefix + u"geometry"_s, m_window->saveGeometry());
    s.setValue(kPrefix + u"windowState"_s, m_window->saveState());
    for (const QSplitter *splitter : m_splitters) {
        if (splitter)
            s.setValue(kPrefix + splitter->objectName(), splitter->saveState());
    }
    for (const Piece &piece : m_pieces)
        s.setValue(kPrefix + piece.name, piece.save());
}

bool WindowState::restore() const
{
    const QSettings &s = *m_settings;
    if (!s.contains(kPrefix + u"geometry"_s))
        return false;
    m_window->restoreGeometry(s.value(kPrefix + u"geometry"_s).toByteArray());
    m_window->restoreState(s.value(kPrefix + u"windowState"_s).toByteArray());
    return restorePanes();
}

bool WindowState::restorePanes() const
{
    const QSettings &s = *m_settings;
    if (!s.contains(kPrefix + u"geometry"_s))
        return false;
    for (QSplitter *splitter : m_splitters) {
        const QString key = splitter ? kPrefix + splitter->objectName() : QString();
        if (splitter && s.contains(key))
            splitter->restoreState(s.value(key).toByteArray());
    }
    for (const Piece &piece : m_pieces) {
        if (s.contains(kPrefix + piece.name))
            piece.restore(s.value(kPrefix + piece.name).toByteArray());
    }
    return true;
}

void WindowState::forget() const
{
    m_settings->remove(kGroup);
}
