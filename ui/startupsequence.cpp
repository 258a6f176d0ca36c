// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "startupsequence.h"

#include "emulator/hubemulator.h"
#include "localemulator.h"
#include "mainwindow.h"
#include "models/registrationmodel.h"
#include "notekind.h"
#include "registrationsbrowser.h"
#include "startupprobe.h"
#include "store/historystore.h"

#include <QElapsedTimer>
#include <QEvent>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QThread>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;

namespace {

/** `QT_LOGGING_RULES=nh.startup.debug=true` logs when each step starts and ends. */
Q_LOGGING_CATEGORY(lcStartup, "nh.startup", QtWarningMsg)

QElapsedTimer &startupClock()
{
    static QElapsedTimer timer;
    return timer;
}

} // namespace

StartupSequence::StartupSequence(const Options &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_thread(std::make_unique<QThread>())
    , m_threadContext(std::make_unique<QObject>())
{
    // The emulator is made, started and served on its own thread: its certificate, demo data
    // and every request it answers stay off the UI thread.
    m_thread->setObjectName(u"nh-emulator"_s);
    m_threadContext->moveToThread(m_thread.get());
    StartupProbe::expectStartupDone();
}

StartupSequence::~StartupSequence()
{
    if (!m_thread->isRunning())
        return;
    // Also an emulator whose start has not been reported yet (the console quit meanwhile).
    QObject *context = m_threadContext.get();
    QMetaObject::invokeMethod(
        context,
        [context] {
            for (Nh::HubEmulator *emulator : context->findChildren<Nh::HubEmulator *>()) {
                emulator->stop();
                delete emulator;
            }
        },
        Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    // m_threadContext goes with its thread stopped: nothing runs in it any more.
}

QString StartupSequence::describe(Step step)
{
    switch (step) {
    case Step::Emulator:
        return tr("Starting the local emulator…");
    case Step::History:
        return tr("Opening the history…");
    case Step::Profile:
        return tr("Reading the keychain…");
    case Step::Registrations:
        return tr("Listing the registrations…");
    }
    return {};
}

void StartupSequence::startAfterFirstPaint(MainWindow *window)
{
    m_window = window;
    window->installEventFilter(this);
}

bool StartupSequence::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Paint && watched == m_window && !m_started) {
        watched->removeEventFilter(this);
        // After this paint is on screen: the next turn of the event loop.
        QTimer::singleShot(0, this, [this] {
            if (m_window)
                start(m_window);
        });
    }
    return QObject::eventFilter(watched, event);
}

void StartupSequence::start(MainWindow *window)
{
    if (m_started)
        return;
    m_started = true;
    m_window = window;
    startupClock().start();

    begin(Step::Emulator, describe(Step::Emulator));
    m_thread->start();
    const QString certificateDir = m_options.certificateDir;
    const quint16 port = m_options.emulatorPort;
    QMetaObject::invokeMethod(m_threadContext.get(), [this, certificateDir, port] {
        auto *emulator = new Nh::HubEmulator(m_threadContext.get()); // on this thread too
        const Nh::Status status = LocalEmulator::start(*emulator, certificateDir, port);
        // Back on the UI thread; the destructor waits for this thread, so `this` is alive.
        QMetaObject::invokeMethod(
            this, [this, emulator, status] { emulatorStarted(emulator, status); },
            Qt::QueuedConnection);
    });
    // The window's panes, while the emulator starts on its thread: the steps below need them.
    window->completeBuild();

    begin(Step::History, describe(Step::History));
    // Its own turn of the event loop, so input and paints queued meanwhile go first.
    QTimer::singleShot(0, this, &StartupSequence::openHistory);
}

void StartupSequence::begin(Step step, const QString &text)
{
    qCDebug(lcStartup) << "start" << step << startupClock().elapsed() << "ms";
    m_running.append({step, text});
    showProgress();
    emit stepStarted(step, text);
}

void StartupSequence::end(Step step, const QString &problem)
{
    qCDebug(lcStartup) << "end" << step << startupClock().elapsed() << "ms" << problem;
    m_running.removeIf([step](const auto &running) { return running.first == step; });
    if (!problem.isEmpty())
        m_problems << problem;
    emit stepFinished(step, problem);
    if (!m_running.isEmpty()) {
        showProgress();
        return;
    }
    if (!m_emulatorDone || !m_historyDone || !m_profileDone || m_listing)
        return;
    m_finished = true;
    if (m_window) {
        if (m_problems.isEmpty())
            m_window->showNote(
                QCoreApplication::translate("MainWindow", "Ready. Ctrl+Enter sends."));
        else
            m_window->showNote(m_problems.join(u' '), NoteKind::Problem);
    }
    emit finished();
    StartupProbe::startupDone();
}

void StartupSequence::showProgress()
{
    if (m_window && !m_running.isEmpty())
        m_window->showNote(m_running.constLast().second, NoteKind::Busy);
}

void StartupSequence::openHistory()
{
    QString problem;
    if (!m_options.historyPath.isEmpty()) {
        auto opened = Nh::HistoryStore::open(m_options.historyPath);
        if (opened)
            m_history = std::move(opened).value();
        else
            problem = opened.error().message;
    }
    if (m_window)
        m_window->setHistory(m_history.get());
    m_historyDone = true;
    if (!problem.isEmpty() && m_window) {
        // The console still works; it just cannot remember what it sends this time.
        auto *box = new QMessageBox(
            QMessageBox::Warning, QCoreApplication::translate("nhconsole", "No history"),
            QCoreApplication::translate("nhconsole", "%1 This run's exchanges are not kept.")
                .arg(problem),
            QMessageBox::Ok, m_window);
        box->setObjectName(u"noHistoryMessage"_s);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    }
    end(Step::History, problem.isEmpty() ? QString() : tr("No history: %1").arg(problem));
    activateProfileWhenPossible();
}

void StartupSequence::emulatorStarted(Nh::HubEmulator *emulator, const Nh::Status &status)
{
    m_emulator = emulator;
    if (m_window)
        m_window->setEmulator(m_emulator, status);
    m_emulatorDone = true;
    end(Step::Emulator,
        status ? QString()
               : tr("The local emulator did not start: %1").arg(status.error().message));
    activateProfileWhenPossible();
}

void StartupSequence::activateProfileWhenPossible()
{
    // The history first, so a send made at once is recorded; the emulator, which Emulator
    // profiles need (and a Hub profile may point at).
    if (m_profileStarted || !m_emulatorDone || !m_historyDone || !m_window)
        return;
    m_profileStarted = true;
    Nh::ProfileSession *session = m_window->session();
    connect(session, &Nh::ProfileSession::stateChanged, this,
            &StartupSequence::profileStateChanged);
    m_activating = true; // an Emulator profile's state changes within activateStartProfile()
    m_window->activateStartProfile();
    m_activating = false;
    // An Emulator profile is connected (or not) at once; a Hub profile reads its key.
    begin(Step::Profile,
          session->state() == Nh::ProfileSession::State::ReadingKey
              ? describe(Step::Profile)
              : tr("Connecting to “%1”…").arg(session->profile().name));
    profileStateChanged();
}

void StartupSequence::profileStateChanged()
{
    using State = Nh::ProfileSession::State;
    Nh::ProfileSession *session = m_window ? m_window->session() : nullptr;
    if (m_activating || m_profileDone || !session || session->state() == State::Connecting
        || session->state() == State::ReadingKey)
        return;
    disconnect(session, &Nh::ProfileSession::stateChanged, this,
               &StartupSequence::profileStateChanged);
    m_profileDone = true;
    const bool ready = session->isReady();
    // Connected: HubViews has just started the first registration listing.
    Nh::RegistrationModel *model = m_window->registrationsBrowser()->model();
    m_listing = ready && model->isLoading();
    // The banner says why a profile is not connected; the status bar names it too.
    end(Step::Profile, ready ? QString() : session->problem());
    if (!m_listing)
        return;
    begin(Step::Registrations, describe(Step::Registrations));
    m_listingConnection =
        connect(model, &Nh::RegistrationModel::loadingChanged, this, [this, model](bool loading) {
            if (loading)
                return;
            disconnect(m_listingConnection);
            m_listing = false;
            const Nh::Exchange &last = model->lastExchange();
            end(Step::Registrations, last.ok() ? QString() : last.errorSentence);
        });
}
