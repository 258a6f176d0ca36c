// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "hubpagedock.h"

#include "hubpage.h"
#include "lazywidget.h"
#include "theme.h"

#include <QAction>
#include <QDockWidget>
#include <QMainWindow>

using namespace Qt::Literals::StringLiterals;

HubPageDock::HubPageDock(Nh::HubClient *client, Nh::ProfileSession *session, QMainWindow *window)
    : QObject(window)
    , m_session(session)
{
    m_dock = new QDockWidget(tr("Hub Configuration"), window);
    m_dock->setObjectName(u"hubPageDock"_s);
    // Hidden at start-up: the page is made when the dock is first shown (or page() is called).
    m_lazyPage =
        new LazyWidget([client](QWidget *parent) { return new HubPage(client, parent); }, m_dock);
    connect(m_lazyPage, &LazyWidget::built, this,
            [this](QWidget *page) { adoptPage(qobject_cast<HubPage *>(page)); });
    m_dock->setWidget(m_lazyPage);
    m_dock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable
                        | QDockWidget::DockWidgetFloatable);
    window->addDockWidget(Qt::BottomDockWidgetArea, m_dock);
    m_dock->hide();

    m_showAction = new QAction(tr("Hub &Configuration…"), this);
    m_showAction->setObjectName(u"actionShowHubPage"_s);
    m_showAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H));
    m_showAction->setStatusTip(tr("The hub's push credentials, rules and what the checks find"));
    connect(m_showAction, &QAction::triggered, this, &HubPageDock::show);
}

HubPage *HubPageDock::page() const
{
    return m_lazyPage->widgetAs<HubPage>();
}

void HubPageDock::adoptPage(HubPage *page)
{
    m_page = page;
    connect(m_page, &HubPage::loaded, this, [this] { m_stale = false; });
    connect(m_page, &HubPage::exchangeFinished, this, &HubPageDock::exchangeFinished);
    showState(m_session->state());
}

void HubPageDock::show()
{
    m_dock->show();
    m_dock->raise();
    page(); // a tabified dock may not be shown until its tab is
    if (m_session->isReady() && m_stale && !m_page->isLoading())
        m_page->refresh();
}

void HubPageDock::showState(Nh::ProfileSession::State state)
{
    using State = Nh::ProfileSession::State;
    m_stale = true;
    if (!m_page)
        return; // adoptPage() shows the state then
    switch (state) {
    case State::ReadingKey:
        return;
    case State::Ready:
        m_page->setProfileName(m_session->profile().name);
        m_page->setProduction(m_session->profile().production);
        if (m_dock->isVisible())
            m_page->refresh();
        else
            m_page->clear({});
        return;
    case State::Connecting:
    case State::NeedsKey:
    case State::Failed:
        m_page->clear(tr("Not connected: “%1” has no working connection yet, so there is no "
                         "hub configuration to show.")
                          .arg(m_session->profile().name));
        return;
    }
}
