// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/exchange.h"
#include "common/result.h"
#include "diagnosis/diagnosis.h"

#include <QMap>
#include <QWidget>
#include <functional>
#include <optional>

class DiagnoseForm;
class DiagnosisCheckCard;
class QAction;
class QFrame;
class QLabel;
class QProgressBar;
class QScrollArea;
class QPushButton;
class QSplitter;
class QToolButton;
class QVBoxLayout;
namespace Nh {
class DiagnosisEngine;
class HistoryStore;
class HubClient;
} // namespace Nh

/**
 * The Diagnose page (issue #19, docs/diagnosis.md): "why did this device not get my push?".
 * Left, the question (DiagnoseForm: the device, the send). Right, the answer: the verdict line
 * on top (the most likely cause and its fix, in the verdict's colour), progress with Cancel
 * while the engine works, one card per check as it finishes (DiagnosisCheckCard, expandable to
 * its evidence, which opens in the exchange view), check 8's explicit actions (a targeted test
 * send when the protocol allows one, else a real direct send behind a confirmation: nothing
 * reaches the device unless asked for here) and Export (Markdown or JSON, secrets redacted).
 */
class DiagnosePage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiagnosePage)

public:
    enum class ExportKind { Markdown, Json };
    /** Asks where to write an export: `fileName` proposed, `filter` for the dialog; empty when
     *  the user cancelled. Tests replace the file dialog with it. */
    using PathChooser =
        std::function<QString(QWidget *parent, const QString &fileName, const QString &filter)>;

    /** `client` must outlive the page; the diagnosis runs over its current connection. */
    explicit DiagnosePage(Nh::HubClient *client, QWidget *parent = nullptr);
    ~DiagnosePage() override;

    DiagnoseForm *form() const { return m_form; }
    Nh::DiagnosisEngine *engine() const { return m_engine; }
    /** The history: the recent sends of the form and check 1's "reported invalid on …". */
    void setHistory(std::function<Nh::HistoryStore *()> history);
    void setProfileName(const QString &name);
    /** Not connected: Diagnose is off and `note` says why. */
    void setConnected(bool connected, const QString &note = {});
    void setPathChooser(PathChooser chooser) { m_chooser = std::move(chooser); }

    // --- the entry points: each fills the form; those that name the device start at once ---
    /** A registration (its context menu; an outcome row's "Why?" with that exchange as the
     *  send). Starts the diagnosis. */
    void diagnoseRegistration(const QString &registrationId,
                              const std::optional<Nh::Exchange> &send = {});
    /** A history row: the exchange is the send, the device is asked for. */
    void diagnoseWithSend(const Nh::Exchange &exchange);

    /** Shows `report` as it is, without the engine (a finished or hand-built report). */
    void showReport(const Nh::DiagnosisReport &report);
    /** What is shown: the engine's report while it runs, else the last one. */
    const Nh::DiagnosisReport &report() const { return m_report; }
    bool isBusy() const { return m_busy; }
    /** The verdict line as shown. */
    QString verdictText() const;
    DiagnosisCheckCard *card(Nh::DiagnosisCheckId id) const { return m_cards.value(id); }
    /** Writes the report shown to `path`. */
    Nh::Status exportTo(const QString &path, ExportKind kind) const;

    QPushButton *diagnoseButton() const { return m_diagnoseButton; }
    QPushButton *cancelButton() const { return m_cancelButton; }
    QPushButton *sendTestButton() const { return m_sendTestButton; }
    QPushButton *sendDirectButton() const { return m_sendDirectButton; }
    /** Why check 8's buttons are off, or what they do. */
    QLabel *sendNote() const { return m_sendNote; }
    QToolButton *exportButton() const { return m_exportButton; }
    QAction *exportMarkdownAction() const { return m_exportMarkdown; }
    QAction *exportJsonAction() const { return m_exportJson; }
    QProgressBar *progressBar() const { return m_progress; }
    QLabel *verdictLabel() const { return m_verdict; }
    QSplitter *splitter() const { return m_splitter; }

public slots:
    /** Runs the checks for the form's device and send (nothing is pushed). */
    void diagnose();
    void cancel();
    /** Check 8: the targeted test send (only when the engine says it can). */
    void sendTest();
    /** Check 8: asks first, then a real send to the device and the telemetry lookup. */
    void sendDirect();
    /** Asks where, then writes the report. */
    void exportReport(ExportKind kind);

signals:
    /** An evidence link was followed: show the exchange (the window's exchange view). */
    void exchangeActivated(const Nh::Exchange &exchange);
    /** A push the user asked for here (check 8's sends), for the history. */
    void exchangeFinished(const Nh::Exchange &exchange);
    /** A diagnosis ended (finished or cancelled). */
    void finished(const Nh::DiagnosisReport &report);
    /** A sentence for the status bar. */
    void message(const QString &text);

private:
    QWidget *buildQuestion();
    QWidget *buildAnswer();
    QWidget *buildBanner();
    QWidget *buildActions();
    void connectEngine();
    void onCheckFinished(const Nh::DiagnosisCheck &check);
    void onFinished(const Nh::DiagnosisReport &report);
    void setBusy(bool busy);
    /** After check 8 was asked for: not busy when the engine runs nothing. */
    void settleIfIdle();
    void renderReport();
    void updateVerdict();
    void updateActions();
    void openEvidence(const QUuid &exchangeId);

    Nh::HubClient *m_client;
    Nh::DiagnosisEngine *m_engine = nullptr;
    Nh::DiagnosisReport m_report;
    bool m_hasReport = false; ///< a report is shown (run here or given)
    bool m_fromEngine = false; ///< the report shown is the engine's (check 8 may act on it)
    bool m_busy = false;
    bool m_explicitSend = false; ///< the engine is running check 8 on request
    bool m_connected = true;
    QString m_connectionNote;
    QString m_formProblem;
    PathChooser m_chooser;

    DiagnoseForm *m_form = nullptr;
    QSplitter *m_splitter = nullptr;
    QPushButton *m_diagnoseButton = nullptr;
    QLabel *m_formNote = nullptr;
    QFrame *m_banner = nullptr;
    QLabel *m_bannerIcon = nullptr;
    QLabel *m_verdict = nullptr;
    QLabel *m_subtitle = nullptr;
    QWidget *m_progressRow = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_step = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QVBoxLayout *m_cardsLayout = nullptr;
    QScrollArea *m_checksScroll = nullptr;
    QMap<Nh::DiagnosisCheckId, DiagnosisCheckCard *> m_cards;
    QPushButton *m_sendTestButton = nullptr;
    QPushButton *m_sendDirectButton = nullptr;
    QLabel *m_sendNote = nullptr;
    QToolButton *m_exportButton = nullptr;
    QAction *m_exportMarkdown = nullptr;
    QAction *m_exportJson = nullptr;
};
