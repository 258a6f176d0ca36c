// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/exchange.h"

#include <QList>
#include <QWidget>

class PayloadEditor;
class QAction;
class QFrame;
class QModelIndex;
class QLabel;
class QScrollArea;
class QSplitter;
class QStackedWidget;
class QTableView;
class QTableWidget;
class QTabWidget;
class RenderedPayloadView;
class StatusDecorationProxy;
namespace Nh {
class HeaderModel;
class OutcomeModel;
} // namespace Nh

/**
 * The answer side of an exchange: a banner with the result (the error sentence and the hub's
 * own detail, each once, when it failed; the banner grows with its text and scrolls when it
 * would take too much room), the NotificationOutcome counts and state, and tabs
 * with the per-registration results and what each means, the raw response and the timings.
 */
class OutcomeView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OutcomeView)

public:
    enum Tab { ResultsTab, ResponseTab, TimingsTab };
    /** The explanation's link to the Hub page (hubPageRequested()). */
    static constexpr QLatin1StringView kHubPageLink {"nhconsole:hub-page"};

    explicit OutcomeView(QWidget *parent = nullptr);

    void setExchange(const Nh::Exchange &exchange);
    void clear();
    Nh::OutcomeModel *outcomeModel() const { return m_outcomeModel; }
    /**
     * What each registration of a template send was rendered into (Exchange::rendered), shown
     * for the current result under the results; `pending` says they are still being computed.
     */
    void setRenderedPayloads(const QList<Nh::RenderedPayload> &payloads, bool pending = false);
    RenderedPayloadView *renderedPayloadView() const { return m_rendered; }
    /** The results and response splitters, whose sizes the window keeps between runs. */
    QList<QSplitter *> splitters() const { return m_splitters; }

    /** The client-side NotificationOutcomeState of an exchange (docs/protocol.md §5.3). */
    static QString outcomeState(const Nh::Exchange &exchange);

signals:
    /** A row of the results table was activated (double-click, Enter): show that registration. */
    void registrationActivated(const QString &registrationId);
    /** The explanation's "Open the Hub page" link was followed (issue #17). */
    void hubPageRequested();
    /** "Why?" on a result row (issue #19): diagnose that registration with this exchange. */
    void diagnoseRequested(const QString &registrationId);

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void showBanner(const Nh::Exchange &exchange);
    void applyTone();
    /** Gives the banner the height its text needs, up to a share of the view; beyond that it
     *  scrolls, so a long sentence is never clipped. */
    void fitBanner();
    /** Sizes the results table's columns for its width: ids narrower in a narrow pane. */
    void fitResultColumns();
    /** Scrolls the results table to its current row once it is laid out. */
    void revealCurrentResult();
    /** The current row of the results table, whole, under it. */
    void showResultDetail(const QModelIndex &current);
    /** The current result's rendered payload, or why there is none. */
    void showRendered(const QModelIndex &current);

    Nh::OutcomeModel *m_outcomeModel = nullptr;
    StatusDecorationProxy *m_outcomeProxy = nullptr;
    Nh::HeaderModel *m_responseHeaders = nullptr;
    StatusDecorationProxy *m_responseProxy = nullptr;

    QScrollArea *m_bannerScroll = nullptr;
    QFrame *m_banner = nullptr;
    QLabel *m_bannerIcon = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_sentence = nullptr;
    QLabel *m_detail = nullptr;
    QList<QSplitter *> m_splitters;
    QLabel *m_advice = nullptr;
    QLabel *m_summary = nullptr;
    QTabWidget *m_tabs = nullptr;
    QStackedWidget *m_resultsStack = nullptr;
    QTableView *m_resultsTable = nullptr;
    QWidget *m_resultsPage = nullptr;
    QLabel *m_resultDetail = nullptr;
    QAction *m_whyAction = nullptr;
    QLabel *m_resultsPlaceholder = nullptr;
    RenderedPayloadView *m_rendered = nullptr;
    QList<Nh::RenderedPayload> m_renderedPayloads;
    bool m_templateSend = false;
    bool m_renderingPending = false;
    QLabel *m_responseStatus = nullptr;
    QTableView *m_responseTable = nullptr;
    PayloadEditor *m_rawResponse = nullptr;
    QLabel *m_timings = nullptr;
    QTableWidget *m_attempts = nullptr;
    int m_tone = 0;
};
