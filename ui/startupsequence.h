// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <memory>

class MainWindow;
class QThread;
class QWidget;
namespace Nh {
class HistoryStore;
class HubEmulator;
} // namespace Nh

/**
 * The console's start-up after its window is shown (issue #18, docs/architecture.md
 * "Start-up"): the window paints first, then this brings in what it works with, each step
 * visible in the status bar and none blocking input:
 *
 * 1. Emulator: the bundled emulator starts on its own thread (certificate made or read, demo
 *    data seeded, listening) and keeps serving from there.
 * 2. History: the history file is opened (on the UI thread, after the first paint).
 * 3. Profile: the profile used last is activated; a Hub profile reads its key from the keychain,
 *    an Emulator profile waits for step 1.
 * 4. Registrations: once the profile is connected, the first registration listing.
 *
 * Steps 1 and 2 start together; stepStarted() and stepFinished() report each step, finished()
 * the end. A step that fails says why (its problem, shown in the window) and the others go on:
 * the console works without a history, and without the emulator for Hub profiles.
 */
class StartupSequence final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StartupSequence)

public:
    enum class Step { Emulator, History, Profile, Registrations };
    Q_ENUM(Step)

    struct Options
    {
        /** Where the emulator's certificate is kept; empty: a fresh one in memory (tests). */
        QString certificateDir;
        /** The history file; empty: no history. */
        QString historyPath;
        /** The emulator's port; 0 picks a free one. */
        quint16 emulatorPort = 0;
    };

    explicit StartupSequence(const Options &options, QObject *parent = nullptr);
    /** Stops the emulator and its thread. Destroy the window first. */
    ~StartupSequence() override;

    /** Starts the steps once `window` (made with AppContext::deferredStartup) has painted. */
    void startAfterFirstPaint(MainWindow *window);
    /** Starts the steps now, for `window`. */
    void start(MainWindow *window);

    bool isFinished() const { return m_finished; }
    /** The emulator, running on its own thread once step 1 is done; null before. */
    Nh::HubEmulator *emulator() const { return m_emulator; }
    /** The history, once step 2 opened it; null before, or when it could not. */
    Nh::HistoryStore *history() const { return m_history.get(); }

    /** What the status bar says while `step` runs. */
    static QString describe(Step step);

signals:
    void stepStarted(StartupSequence::Step step, const QString &text);
    /** `problem` is empty when the step went well. */
    void stepFinished(StartupSequence::Step step, const QString &problem);
    /** Every step is done; the console is idle. */
    void finished();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void begin(Step step, const QString &text);
    void end(Step step, const QString &problem = {});
    void openHistory();
    void emulatorStarted(Nh::HubEmulator *emulator, const Nh::Status &status);
    /** Step 3 once what the start profile needs is in place. */
    void activateProfileWhenPossible();
    void profileStateChanged();
    void showProgress();

    Options m_options;
    QPointer<MainWindow> m_window;
    std::unique_ptr<QThread> m_thread;
    /** Lives on m_thread: what the emulator is made and deleted through. */
    std::unique_ptr<QObject> m_threadContext;
    /** Made on m_thread and living there; null until step 1 is done. */
    Nh::HubEmulator *m_emulator = nullptr;
    std::unique_ptr<Nh::HistoryStore> m_history;
    bool m_emulatorDone = false;
    bool m_historyDone = false;
    bool m_profileStarted = false;
    bool m_profileDone = false;
    bool m_activating = false;
    /** Step 4 runs. */
    bool m_listing = false;
    QMetaObject::Connection m_listingConnection;
    bool m_finished = false;
    bool m_started = false;
    /** Running steps, most recent last, with their texts. */
    QList<std::pair<Step, QString>> m_running;
    QStringList m_problems;
};
