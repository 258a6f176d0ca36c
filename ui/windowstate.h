// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QPointer>
#include <QString>
#include <functional>

class QMainWindow;
class QSettings;
class QSplitter;

/**
 * Where the window's layout is kept between runs, in the "State/" group of the settings: the
 * window's geometry and dock state ("State/geometry", "State/windowState"), each splitter it is
 * given under its objectName ("State/mainSplitter", …) and each further piece of state under
 * its own name ("State/historyHeader", …). Nothing is found by itself: the window lists what
 * is kept.
 */
class WindowState final
{
public:
    WindowState(QMainWindow *window, QSettings *settings);

    /** Keeps `splitter`'s sizes under its objectName (which must be set). */
    void addSplitter(QSplitter *splitter);
    /** Keeps what `save` returns under `name`, handed back to `restore`. */
    void addState(const QString &name, std::function<QByteArray()> save,
                  std::function<void(const QByteArray &)> restore);

    /** Writes everything listed. */
    void save() const;
    /** Reads it back; returns false when nothing was saved yet. */
    bool restore() const;
    /**
     * Reads back the splitters and pieces only, not the window's geometry and dock state: for
     * panes added after restore() (the window's skeleton is restored before its panes exist,
     * docs/architecture.md "Start-up"). Returns false when nothing was saved yet.
     */
    bool restorePanes() const;
    /** Removes the whole group (Reset Layout). */
    void forget() const;

private:
    struct Piece
    {
        QString name;
        std::function<QByteArray()> save;
        std::function<void(const QByteArray &)> restore;
    };

    QMainWindow *m_window;
    QSettings *m_settings;
    QList<QPointer<QSplitter>> m_splitters;
    QList<Piece> m_pieces;
};
