// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/exchange.h"
#include "common/result.h"
#include "store/exchangeexport.h"

#include <QList>
#include <QWidget>

class HeadersView;
class OutcomeView;
class QLabel;
class QSplitter;
class QToolButton;

/**
 * One exchange, request and answer side by side (issue #7): HeadersView | OutcomeView in a
 * QSplitter, with a toolbar to reveal secrets (off by default, and off again whenever another
 * exchange is shown, docs/conventions.md R8), to copy the exchange as curl or as JSON, and to save
 * it as HAR, JSON or a curl script. The copies come from core's ExchangeExport, so they never hold
 * the key: curl's Authorization is the token that was sent while Reveal is on and a ${NH_SAS_TOKEN}
 * placeholder otherwise; JSON is redacted.
 */
class ExchangeView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExchangeView)

public:
    explicit ExchangeView(QWidget *parent = nullptr);

    /** Shows `exchange`; showing a different exchange than the current one hides secrets. */
    void setExchange(const Nh::Exchange &exchange);
    void clear();
    /**
     * What the shown template send's registrations were rendered into, once computed (the
     * exchange is kept with them); `pending` while they are being computed.
     */
    void setRenderedPayloads(const QList<Nh::RenderedPayload> &payloads, bool pending = false);
    bool hasExchange() const { return m_hasExchange; }
    const Nh::Exchange &exchange() const { return m_exchange; }

    bool isRevealed() const;
    /** Which certificate file curl must trust for an exchange (--cacert); see Nh::CurlOptions. */
    void setCertificateLookup(Nh::CurlOptions::PerRecord lookup)
    {
        m_certificateLookup = std::move(lookup);
    }

    /** What the copy actions put on the clipboard, with the signature as currently shown. */
    QString curlCommand() const;
    QByteArray json() const;
    /**
     * Writes the exchange to `path` as a curl script, JSON or a HAR 1.2 log (the History's
     * export formats). The script carries the token that was sent only while Reveal is on; JSON
     * and HAR are redacted. Fails with a sentence naming the file when it cannot be written.
     */
    Nh::Status saveTo(const QString &path, Nh::ExportFormat format) const;

    QSplitter *splitter() const { return m_splitter; }
    HeadersView *headersView() const { return m_headers; }
    OutcomeView *outcomeView() const { return m_outcome; }
    /** Every splitter of the view (its own, the request's, the outcome's), whose sizes the
     *  window keeps between runs. */
    QList<QSplitter *> splitters() const;

public slots:
    void setRevealed(bool on);
    void copyCurl();
    void copyJson();
    /** Asks for a file and a format (HAR, JSON or curl script), then saveTo(). */
    void save();

signals:
    void revealChanged(bool on);
    /** Another exchange is shown, or none (clear()). */
    void exchangeChanged();
    /** A one-line note for the status bar ("Copied the request as curl"). */
    void message(const QString &text);
    /** The explanation's "Open the Hub page" link was followed (issue #17). */
    void hubPageRequested();

private:
    /** The shown exchange as the exports take it. */
    Nh::HistoryRecord record() const;
    Nh::CurlOptions curlOptions() const;

    Nh::Exchange m_exchange;
    bool m_hasExchange = false;
    Nh::CurlOptions::PerRecord m_certificateLookup;
    QLabel *m_title = nullptr;
    QToolButton *m_revealButton = nullptr;
    QToolButton *m_copyCurlButton = nullptr;
    QToolButton *m_copyJsonButton = nullptr;
    QToolButton *m_saveButton = nullptr;
    QSplitter *m_splitter = nullptr;
    HeadersView *m_headers = nullptr;
    OutcomeView *m_outcome = nullptr;
};
