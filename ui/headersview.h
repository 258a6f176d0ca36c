// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/exchange.h"

#include <QWidget>

class PayloadEditor;
class QLabel;
class QLineEdit;
class QSplitter;
class QTableView;
class StatusDecorationProxy;
namespace Nh {
class HeaderModel;
}

/**
 * The request side of an exchange: method and URL, every header as nhconsole built it
 * (Authorization redacted unless revealed), the decoded SAS token and the body.
 */
class HeadersView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HeadersView)

public:
    explicit HeadersView(QWidget *parent = nullptr);

    void setExchange(const Nh::Exchange &exchange);
    void clear();
    /** Shows or hides secret values; the caller resets it when the exchange changes. */
    void setReveal(Nh::Reveal reveal);
    /**
     * Whether the request came from another client (the Traffic dock: what the emulator
     * received) rather than from nhconsole (the default): the note under the headers says which.
     */
    void setForeignRequest(bool foreign);
    bool isForeignRequest() const { return m_foreign; }
    Nh::HeaderModel *model() const { return m_model; }
    QSplitter *splitter() const { return m_splitter; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateTransportNote();

    Nh::HeaderModel *m_model = nullptr;
    StatusDecorationProxy *m_proxy = nullptr;
    QLineEdit *m_requestLine = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_sasInfo = nullptr;
    QLabel *m_bodyTitle = nullptr;
    PayloadEditor *m_body = nullptr;
    QSplitter *m_splitter = nullptr;
    QLabel *m_transportNote = nullptr;
    bool m_foreign = false;
};
