// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "appcontext.h"
#include "client/exchange.h"

#include <QMainWindow>

class ComposerWidget;
class ExchangeView;
class QAction;
class QComboBox;
class QDockWidget;
class QFrame;
class QLabel;
class QSplitter;
class SessionList;

/**
 * The console's window (style.md R11): it owns the actions, menus, profile switcher, status bar
 * and window state, and wires ComposerWidget → SessionList → ExchangeView. The panes do the work.
 */
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(const AppContext &context, QWidget *parent = nullptr);

    ComposerWidget *composer() const { return m_composer; }
    ExchangeView *exchangeView() const { return m_exchangeView; }
    SessionList *sessionList() const { return m_sessionList; }

    /** Writes geometry, dock and splitter state to the "State/" group of the settings. */
    void saveWindowState() const;
    /** Reads it back; returns false when nothing was saved yet. */
    bool restoreWindowState();

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createToolBar();
    QWidget *createBanner();
    void showExchangeFinished(const Nh::Exchange &exchange);
    void updateBanner();
    void showAbout();
    void resetLayout();

    AppContext m_context;
    ComposerWidget *m_composer = nullptr;
    ExchangeView *m_exchangeView = nullptr;
    SessionList *m_sessionList = nullptr;
    QSplitter *m_mainSplitter = nullptr;
    QDockWidget *m_historyDock = nullptr;
    QFrame *m_banner = nullptr;
    QLabel *m_bannerIcon = nullptr;
    QLabel *m_bannerText = nullptr;
    QComboBox *m_profileSwitcher = nullptr;
    QLabel *m_profileStatus = nullptr;

    QAction *m_addHubAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_copyCurlAction = nullptr;
    QAction *m_copyJsonAction = nullptr;
    QAction *m_revealAction = nullptr;
    QAction *m_focusPayloadAction = nullptr;
    QAction *m_focusTagsAction = nullptr;
    QAction *m_resetLayoutAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_aboutQtAction = nullptr;
};
