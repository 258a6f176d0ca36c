// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/exchange.h"
#include "emulator/emulatorlog.h"

#include <QDockWidget>
#include <QPointer>
#include <QSslCertificate>
#include <QTimer>
#include <QUrl>

class ExchangeView;
class QCheckBox;
class QIdentityProxyModel;
class QLabel;
class QLineEdit;
class QNetworkAccessManager;
class QPushButton;
class QSpinBox;
class QTableView;
class QToolButton;
class QTreeWidget;
namespace Nh {
class HistoryStore;
class HubEmulator;
class TrafficFeed;
class TrafficFilterModel;
class TrafficModel;
struct TrafficRow;
} // namespace Nh

/**
 * The Traffic dock ("trafficDock", issue #20): every request any client sends to the bundled
 * emulator, live, and optionally to an nhemulator started elsewhere on this machine (its traffic
 * stream, Nh::TrafficFeed). Each row is the Exchange record the exchange view shows for the
 * console's own sends, with the request linter's flags as an icon and a tooltip. Filters
 * (client, operation, status, tag, flagged only), Pause, Clear, Send to history and Copy as
 * curl; the selected row shows in its own ExchangeView (request beside the parsed answer, the
 * explainer's sentences), with its flags above and the deliveries it produced below.
 *
 * The emulator runs on its own thread: its exchangeLogged() is connected queued, and the table
 * (Nh::TrafficModel) inserts in batches, so a client sending as fast as it can leaves the UI
 * thread responsive.
 */
class TrafficDock final : public QDockWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrafficDock)

public:
    explicit TrafficDock(QWidget *parent = nullptr);
    ~TrafficDock() override;

    /** Follows `emulator` (on any thread); null stops following it. */
    void setEmulator(Nh::HubEmulator *emulator);
    /** Where "Send to history" writes; null: the action says there is no history. */
    void setHistory(Nh::HistoryStore *history);
    /** The manager the remote stream polls with (HubClient's). */
    void setNetworkAccessManager(QNetworkAccessManager *nam);

    /**
     * Follows the nhemulator at `origin` (`https://127.0.0.1:PORT`) through its traffic stream,
     * trusting `caCertificates`; replaces the remote followed before.
     */
    void followRemote(const QUrl &origin, const QList<QSslCertificate> &caCertificates);
    void stopRemote();

    Nh::TrafficModel *model() const { return m_model; }
    Nh::TrafficFilterModel *filter() const { return m_filter; }
    QTableView *table() const { return m_table; }
    ExchangeView *exchangeView() const { return m_exchangeView; }
    QTreeWidget *deliveries() const { return m_deliveries; }
    /** The flags of the selected row, one sentence a line; empty when none. */
    QLabel *flagsLabel() const { return m_flagsLabel; }
    /** The remote stream's state ("Following …", the last failure). */
    QLabel *remoteStatus() const { return m_remoteStatus; }
    /** The selected row, null when none. */
    const Nh::TrafficRow *selectedRow() const;
    /** Selects the row of source row `sourceRow` (if the filter shows it). */
    bool selectSourceRow(int sourceRow);

public slots:
    void setPaused(bool paused);
    void clear();
    /** Writes the selected exchange to the history (source "traffic"). */
    void sendToHistory();
    /** Puts the selected exchange on the clipboard as a curl command. */
    void copyCurl();

signals:
    /** A one-line note for the status bar. */
    void message(const QString &text);

private:
    void appendLogged(const Nh::EmulatorLogEntry &entry);
    void showSelected();
    void showDeliveries(const Nh::TrafficRow *row);
    void followRemoteFromFields();
    void updateCounts();

    Nh::TrafficModel *m_model = nullptr;
    Nh::TrafficFilterModel *m_filter = nullptr;
    QIdentityProxyModel *m_decoration = nullptr;
    QPointer<Nh::HubEmulator> m_emulator;
    QUrl m_emulatorOrigin;
    QString m_emulatorCertificate; ///< the file curl is told to trust (--cacert), when known
    QPointer<Nh::HistoryStore> m_history;
    QNetworkAccessManager *m_nam = nullptr;
    Nh::TrafficFeed *m_feed = nullptr;
    QTimer m_heldTimer; ///< refreshes the count of held exchanges while paused

    QLineEdit *m_clientFilter = nullptr;
    QLineEdit *m_operationFilter = nullptr;
    QLineEdit *m_statusFilter = nullptr;
    QLineEdit *m_tagFilter = nullptr;
    QCheckBox *m_flaggedOnly = nullptr;
    QToolButton *m_pauseButton = nullptr;
    QToolButton *m_clearButton = nullptr;
    QToolButton *m_historyButton = nullptr;
    QToolButton *m_curlButton = nullptr;
    QSpinBox *m_remotePort = nullptr;
    QPushButton *m_remoteButton = nullptr;
    QLabel *m_remoteStatus = nullptr;
    QLabel *m_countLabel = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_flagsLabel = nullptr;
    ExchangeView *m_exchangeView = nullptr;
    QLabel *m_deliveriesTitle = nullptr;
    QTreeWidget *m_deliveries = nullptr;
};
