// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// MainWindow's services that may come after the window is shown (docs/architecture.md,
// "Start-up"): the first profile activation, the bundled emulator and the history. Kept apart
// from mainwindow.cpp, which lays the window out.
#include "composerwidget.h"
#include "exchangeview.h"
#include "historypanel.h"
#include "mainwindow.h"
#include "sendflow.h"
#include "store/profilestore.h"
#include "store/settings.h"
#include "trafficdock.h"

using namespace Qt::Literals::StringLiterals;

namespace {

/** The tag expression a first send uses: it reaches every Apple demo registration. */
const QString kDemoExpression = u"sports || politics"_s;

} // namespace

void MainWindow::activateStartProfile()
{
    completeBuild();
    const QUuid last = Nh::Settings(m_context.settings).lastProfileId();
    activateProfile(m_context.profiles->profile(last) ? last : Nh::kEmulatorProfileId);
    // First run: a ready payload and a target that reaches the demo registrations (unless the
    // user typed one while the console was starting).
    if (currentProfile().isEmulator() && isProfileReady() && currentProfile().defaultTags.isEmpty()
        && m_composer->tagExpression().isEmpty()) {
        m_composer->setTargetKind(Nh::TargetKind::Tags);
        m_composer->setTagExpression(kDemoExpression);
        m_composer->validateNow();
    }
    if (isProfileReady())
        showNote(tr("Ready. Ctrl+Enter sends."));
}

void MainWindow::setEmulator(Nh::HubEmulator *emulator, const Nh::Status &status)
{
    m_context.emulator = emulator;
    m_context.emulatorStatus = status;
    m_session->setEmulator(emulator, status);
    if (m_trafficDock)
        m_trafficDock->setEmulator(emulator);
}

void MainWindow::setHistory(Nh::HistoryStore *history)
{
    completeBuild();
    m_context.history = history;
    m_sendFlow->setHistory(history);
    m_historyPanel->setStore(history);
    if (m_trafficDock)
        m_trafficDock->setHistory(history);
    if (!history)
        return;
    connect(history, &Nh::HistoryStore::written, this, [this](const QUuid &id) {
        // The row of what the exchange view shows becomes the current one.
        if (m_exchangeView->hasExchange() && m_exchangeView->exchange().id == id)
            m_historyPanel->selectExchange(id);
    });
    connect(
        history, &Nh::HistoryStore::writeFailed, this,
        [this](const QUuid &, const QString &message) { showNote(message, NoteKind::Problem); });
}

void MainWindow::showTraffic()
{
    if (!m_trafficDock) {
        m_trafficDock = new TrafficDock(this);
        m_trafficDock->setEmulator(m_context.emulator);
        m_trafficDock->setHistory(m_context.history);
        m_trafficDock->setNetworkAccessManager(m_context.client->networkAccessManager());
        connect(m_trafficDock, &TrafficDock::message, this,
                [this](const QString &text) { showNote(text); });
        addDockWidget(Qt::BottomDockWidgetArea, m_trafficDock);
    }
    m_trafficDock->show();
    m_trafficDock->raise();
}
