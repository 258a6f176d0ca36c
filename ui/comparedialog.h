// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/exchangediff.h"
#include "store/historystore.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QTabWidget;
class QTableWidget;

/**
 * Two exchanges side by side (issue #7 over core's diffExchanges()): the fields that differ,
 * request and response headers (volatile ones such as Date and TrackingId hidden unless asked),
 * both bodies aligned line by line, and registrations whose outcome changed. Both records are
 * redacted by the diff, so nothing secret shows.
 */
class CompareDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CompareDialog)

public:
    enum Tab { FieldsTab, HeadersTab, RequestBodyTab, ResponseBodyTab, OutcomesTab };

    CompareDialog(const Nh::HistoryRecord &left, const Nh::HistoryRecord &right,
                  QWidget *parent = nullptr);

    const Nh::ExchangeDiff &diff() const { return m_diff; }
    QTabWidget *tabs() const { return m_tabs; }
    QTableWidget *fieldsTable() const { return m_fields; }
    QTableWidget *headersTable() const { return m_headers; }
    QTableWidget *requestBodyTable() const { return m_requestBody; }
    QTableWidget *responseBodyTable() const { return m_responseBody; }
    QTableWidget *outcomesTable() const { return m_outcomes; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void fill();
    void fillHeaders();
    void fillBody(QTableWidget *table, const Nh::BodyDiff &diff);

    Nh::HistoryRecord m_left;
    Nh::HistoryRecord m_right;
    Nh::ExchangeDiff m_diff;
    QLabel *m_summary = nullptr;
    QCheckBox *m_showVolatile = nullptr;
    QTabWidget *m_tabs = nullptr;
    QTableWidget *m_fields = nullptr;
    QTableWidget *m_headers = nullptr;
    QTableWidget *m_requestBody = nullptr;
    QTableWidget *m_responseBody = nullptr;
    QTableWidget *m_outcomes = nullptr;
};
