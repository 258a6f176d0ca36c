// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "diagnosedock.h"

#include "composerfold.h"
#include "diagnoseform.h"
#include "diagnosepage.h"
#include "exchangeview.h"
#include "historypanel.h"
#include "mainwindow.h"
#include "outcomeview.h"
#include "registrationsbrowser.h"

#include <QAction>
#include <QDockWidget>
#include <QLineEdit>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;

DiagnoseDock::DiagnoseDock(Nh::HubClient *client, std::function<Nh::HistoryStore *()> history,
                           MainWindow *window)
    : QObject(window)
    , m_client(client)
    , m_history(std::move(history))
    , m_window(window)
{
    m_showAction = new QAction(tr("Dia&gnose a Device…"), this);
    m_showAction->setObjectName(u"actionDiagnoseDevice"_s);
    m_showAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_G));
    m_showAction->setStatusTip(tr("Why did a device not get a push: every check for one device, "
                                  "the most likely cause first"));
    connect(m_showAction, &QAction::triggered, this, &DiagnoseDock::show);

    // The entry points of the other panes.
    connect(window->registrationsBrowser(), &RegistrationsBrowser::diagnoseRequested, this,
            [this](const QString &id) { diagnoseRegistration(id); });
    connect(window->exchangeView()->outcomeView(), &OutcomeView::diagnoseRequested, this,
            [this](const QString &id) {
                const ExchangeView *view = m_window->exchangeView();
                diagnoseRegistration(id,
                                     view->hasExchange()
                                         ? std::optional<Nh::Exchange>(view->exchange())
                                         : std::nullopt);
            });
    connect(window->historyPanel(), &HistoryPanel::diagnoseRequested, this,
            [this](const Nh::HistoryRecord &record) { diagnoseWithSend(record.exchange); });
    connect(window->session(), &Nh::ProfileSession::stateChanged, this, &DiagnoseDock::showState);
}

DiagnosePage *DiagnoseDock::ensurePage()
{
    if (m_page)
        return m_page;
    m_page = new DiagnosePage(m_client, m_window);
    m_page->setObjectName(u"diagnosePage"_s);
    m_page->setHistory(m_history);
    m_dock = new QDockWidget(tr("Diagnose"), m_window);
    m_dock->setObjectName(u"diagnoseDock"_s);
    m_dock->setWidget(m_page);
    m_dock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable
                        | QDockWidget::DockWidgetFloatable);
    m_window->addDockWidget(Qt::BottomDockWidgetArea, m_dock);
    // Beside the history, like the Hub page.
    if (auto *history = m_window->findChild<QDockWidget *>(u"historyDock"_s))
        m_window->tabifyDockWidget(history, m_dock);
    connect(m_page, &DiagnosePage::exchangeActivated, this,
            [this](const Nh::Exchange &e) { m_window->exchangeView()->setExchange(e); });
    connect(m_page, &DiagnosePage::exchangeFinished, this, &DiagnoseDock::exchangeFinished);
    connect(m_page, &DiagnosePage::message, m_window,
            [this](const QString &text) { m_window->showNote(text); });
    applyState();
    return m_page;
}

void DiagnoseDock::show()
{
    ensurePage();
    const bool wasVisible = m_dock->isVisible();
    m_dock->show();
    m_dock->raise();
    if (!wasVisible) {
        // The history may have opened since (start-up opens it after the window shows).
        m_page->setHistory(m_history);
        // Half the window: the verdict, the form and a few checks in view at the default size.
        // The composer's column is what keeps the window's centre tall (at 1440×900 the dock
        // got a quarter): it folds to its strip, as after a send, and unfolds with a click.
        if (!m_dock->isFloating() && m_dock->height() < m_window->height() / 2) {
            m_window->composerFold()->setFolded(true);
            // Once the window's layout has taken the folded composer in.
            QTimer::singleShot(0, m_dock, [this] {
                if (m_dock->isVisible() && !m_dock->isFloating())
                    m_window->resizeDocks({m_dock}, {m_window->height() / 2}, Qt::Vertical);
            });
        }
    }
    m_page->form()->subjectEdit()->setFocus(Qt::ShortcutFocusReason);
}

void DiagnoseDock::diagnoseRegistration(const QString &registrationId,
                                        const std::optional<Nh::Exchange> &send)
{
    show();
    m_page->diagnoseRegistration(registrationId, send);
}

void DiagnoseDock::diagnoseWithSend(const Nh::Exchange &exchange)
{
    show();
    m_page->diagnoseWithSend(exchange);
}

void DiagnoseDock::showState(Nh::ProfileSession::State)
{
    if (m_page)
        applyState();
}

void DiagnoseDock::applyState()
{
    const Nh::ProfileSession *session = m_window->session();
    const Nh::Profile &p = session->profile();
    if (session->state() == Nh::ProfileSession::State::ReadingKey)
        return;
    m_page->setProfileName(p.name);
    m_page->setConnected(
        session->isReady(),
        session->isReady() ? QString()
                           : tr("Not connected: “%1” has no working connection yet.").arg(p.name));
}
