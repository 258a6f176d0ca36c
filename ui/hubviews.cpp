// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "hubviews.h"

#include "common/httpheaders.h"
#include "composerwidget.h"
#include "reachpreview.h"
#include "registrationsbrowser.h"
#include "theme.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QMainWindow>
#include <QTableView>

using namespace Qt::Literals::StringLiterals;

QDockWidget *HubViews::makeDock(QMainWindow *window)
{
    auto *dock = new QDockWidget(tr("Registrations"), window);
    dock->setObjectName(u"registrationsDock"_s);
    dock->setWidget(new QWidget(dock));
    dock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable
                      | QDockWidget::DockWidgetFloatable);
    window->addDockWidget(Qt::BottomDockWidgetArea, dock);
    return dock;
}

HubViews::HubViews(Nh::HubClient *client, Nh::ProfileSession *session, ComposerWidget *composer,
                   QDockWidget *dock, QMainWindow *window)
    : QObject(window)
    , m_session(session)
    , m_composer(composer)
    , m_dock(dock)
{
    m_registrations = new RegistrationsBrowser(client, window);
    // The placeholder goes (later: it may be handling the event that asked for the views).
    if (QWidget *placeholder = m_dock->widget()) {
        placeholder->hide();
        placeholder->deleteLater();
    }
    m_dock->setWidget(m_registrations);
    // Tabbed with the history, the dock area is as tall as the taller of their minimums: the
    // browser's (its details pane beside the table) would keep the window from fitting an
    // 800-pixel screen (issue #16). Shorter than that, its details are cut until the dock is
    // dragged taller; the table and its toolbar stay.
    m_registrations->setMinimumHeight(m_registrations->fontMetrics().lineSpacing() * 7);

    m_reachPreview = new ReachPreview(client, m_composer);
    m_reachPreview->setCompact(true);
    m_composer->addPage(m_reachPreview, tr("Reach"));
    createActions();

    connect(m_registrations, &RegistrationsBrowser::message, this,
            [this](const QString &text) { emit note(text, NoteKind::Info); });
    connect(m_registrations, &RegistrationsBrowser::sendTestRequested, this,
            &HubViews::prepareTestSend);
    connect(m_registrations, &RegistrationsBrowser::exchangeFinished, this,
            &HubViews::exchangeFinished);
    // Esc cancels the browser's request while it has the focus, but a send in flight owns Esc:
    // two enabled Esc actions would be ambiguous, and Qt would cancel neither.
    connect(m_composer, &ComposerWidget::sendingChanged, this, [this](bool sending) {
        m_registrations->cancelAction()->setShortcut(sending ? QKeySequence()
                                                             : QKeySequence(Qt::Key_Escape));
    });
    connect(m_composer, &ComposerWidget::targetChanged, this, &HubViews::updateReachTarget);
    // A template send: the preview renders with the composer's properties, and the composer's
    // property table offers what the reached templates use.
    connect(m_composer, &ComposerWidget::templatePropertiesChanged, this,
            [this] { m_reachPreview->setTemplateProperties(m_composer->templateProperties()); });
    connect(m_reachPreview, &ReachPreview::templatePropertiesUsedChanged, m_composer,
            &ComposerWidget::setTemplatePropertiesUsed);
    connect(m_reachPreview, &ReachPreview::reachChanged, this, [this](int reached) {
        m_composer->setPageTitle(m_reachPreview,
                                 reached < 0 ? tr("Reach") : tr("Reach (%1)").arg(reached));
    });
    connect(m_reachPreview, &ReachPreview::registrationActivated, this,
            &HubViews::showRegistration);
    // One fetch serves both: the tags completion offers are those of the registrations the
    // reach preview lists (the composer's own fetch stays for its Refresh Known Tags action).
    connect(m_reachPreview, &ReachPreview::knownTagsChanged, m_composer,
            &ComposerWidget::setKnownTags);
}

void HubViews::createActions()
{
    // F5 is the window's alone: with the views' own F5 too, Qt would find it ambiguous and do
    // nothing. refreshFocused() picks the view the way their own shortcuts did.
    m_registrations->refreshAction()->setShortcut({});
    m_reachPreview->refreshAction()->setShortcut({});
    m_refreshAction = new QAction(Theme::icon(u"refresh"_s), tr("&Refresh"), parent());
    m_refreshAction->setObjectName(u"actionRefresh"_s);
    m_refreshAction->setShortcut(QKeySequence(Qt::Key_F5));
    m_refreshAction->setToolTip(tr("Reload from the hub: the reach preview and known tags when "
                                   "the composer has the focus, the registrations otherwise "
                                   "(F5)"));
    connect(m_refreshAction, &QAction::triggered, this, &HubViews::refreshFocused);
    m_showAction = new QAction(tr("Show &Registrations"), parent());
    m_showAction->setObjectName(u"actionShowRegistrations"_s);
    m_showAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_G));
    connect(m_showAction, &QAction::triggered, this, &HubViews::show);
    m_registrations->newAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    m_registrations->sendTestAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    m_registrations->installationsAction()->setShortcut(
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
    // From the menu the dialogs' results land in the dock: bring it up.
    for (QAction *a : {m_registrations->newAction(), m_registrations->installationsAction()})
        connect(a, &QAction::triggered, this, &HubViews::show);
}

void HubViews::show()
{
    m_dock->show();
    m_dock->raise();
    m_registrations->table()->setFocus();
}

void HubViews::refreshFocused()
{
    if (!m_session->isReady()) {
        emit note(tr("Nothing to refresh: “%1” is not connected.").arg(m_session->profile().name),
                  NoteKind::Info);
        return;
    }
    const QWidget *focus = QApplication::focusWidget();
    if (focus && (focus == m_composer || m_composer->isAncestorOf(focus))) {
        m_reachPreview->refresh();
        emit note(tr("Fetching the hub's registrations for the reach preview and tag "
                     "completion…"),
                  NoteKind::Info);
        return;
    }
    m_dock->show();
    m_dock->raise();
    m_registrations->refresh();
}

void HubViews::showRegistration(const QString &registrationId)
{
    show();
    if (!m_registrations->selectRegistration(registrationId)) {
        emit note(tr("Registration %1 is not among those loaded in Registrations; load more "
                     "or refresh to find it.")
                      .arg(registrationId),
                  NoteKind::Info);
    }
}

void HubViews::prepareTestSend(const SendTestTarget &target)
{
    // setFormat() loads the format's default preset: a payload that fits the registration.
    m_composer->setFormat(target.format);
    if (!target.deviceHandle.isEmpty()) {
        m_composer->setTargetKind(Nh::TargetKind::Device);
        m_composer->setDeviceHandles(target.deviceHandle);
        if (target.format == Nh::Format::Browser) {
            // A web push is encrypted to the subscription's keys (docs/protocol.md §4.4).
            Nh::HttpHeaders headers = m_composer->customHeaders();
            Nh::setHeader(headers, "P256DH"_ba, target.p256dh);
            Nh::setHeader(headers, "Auth"_ba, target.auth);
            m_composer->setCustomHeaders(headers);
        }
    } else {
        m_composer->setTargetKind(Nh::TargetKind::Tags);
        m_composer->setTagExpression(target.tagExpression);
    }
    // The hub has no test mode for a direct send; the composer greys the flag out then.
    m_composer->setTestSend(true);
    m_composer->validateNow();
    m_composer->focusPayload();
    emit note(tr("Ready to send to registration %1: check the payload, then press Send "
                 "(Ctrl+Enter).")
                  .arg(target.registrationId),
              NoteKind::Info);
}

void HubViews::showState(Nh::ProfileSession::State state)
{
    using State = Nh::ProfileSession::State;
    const QString name = m_session->profile().name;
    switch (state) {
    case State::Connecting:
        disconnectViews(tr("Connecting to “%1”…").arg(name));
        return;
    case State::ReadingKey:
        return;
    case State::Ready:
        m_registrations->setConnected(true);
        m_registrations->refresh();
        m_reachPreview->setConnected(true);
        m_reachPreview->refresh();
        updateReachTarget();
        return;
    case State::NeedsKey:
    case State::Failed:
        // One plain note in each view; the banner above carries the reason.
        disconnectViews(tr("Not connected: “%1” has no working connection yet, so there is "
                           "nothing to list.")
                            .arg(name));
        return;
    }
}

void HubViews::updateReachTarget()
{
    m_reachPreview->setTemplateProperties(m_composer->templateProperties());
    m_reachPreview->setFormat(m_composer->format());
    switch (m_composer->targetKind()) {
    case Nh::TargetKind::Tags:
        m_reachPreview->setTagExpression(m_composer->tagExpression());
        break;
    case Nh::TargetKind::Device:
    case Nh::TargetKind::Batch:
        m_reachPreview->setDeviceHandles(m_composer->deviceHandles());
        break;
    case Nh::TargetKind::None:
    case Nh::TargetKind::Broadcast:
    case Nh::TargetKind::Resource:
        m_reachPreview->setTagExpression({});
        break;
    }
}

void HubViews::disconnectViews(const QString &note)
{
    m_registrations->setConnected(false, note);
    m_reachPreview->setConnected(false, note);
}
