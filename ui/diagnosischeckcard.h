// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "diagnosis/diagnosis.h"
#include "theme.h"

#include <QFrame>
#include <QUuid>

class QLabel;
class QToolButton;

/**
 * One check of a diagnosis on the Diagnose page (issue #19): a header with the verdict's icon
 * and colour (the same success/warning/failure/info look as the outcome view's rows), the
 * check's title, the verdict in a word and the summary; expandable to the details, the next step,
 * a template's rendered payload and the evidence (each request the check made, a link that opens
 * it in the exchange view).
 */
class DiagnosisCheckCard final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiagnosisCheckCard)

public:
    /** The links of evidence rows: `nhconsole:exchange/<uuid>`. */
    static constexpr QLatin1StringView kExchangeLink {"nhconsole:exchange/"};

    explicit DiagnosisCheckCard(Nh::DiagnosisCheckId id, QWidget *parent = nullptr);

    /** The tone a verdict is shown in: Ok success, Warning warning, Problem failure, Cannot
     *  tell info, Pending neutral. */
    static Theme::Tone toneFor(Nh::DiagnosisVerdict verdict);
    /** One evidence line: method, path, status and time ("GET /hub/registrations… · 200 OK"). */
    static QString evidenceText(const Nh::Exchange &exchange);

    /** Shows `check`; `report` gives its evidence exchanges. Keeps the expanded state. */
    void setCheck(const Nh::DiagnosisCheck &check, const Nh::DiagnosisReport &report);
    /** Back to "not run yet" (`running`: "Checking…"). */
    void setPending(bool running);
    const Nh::DiagnosisCheck &check() const { return m_check; }
    Nh::DiagnosisCheckId id() const { return m_check.id; }

    bool isExpandable() const;
    bool isExpanded() const { return m_expanded; }
    void setExpanded(bool expanded);

    QLabel *summaryLabel() const { return m_summary; }
    QLabel *verdictLabel() const { return m_verdict; }
    /** Details, next step, rendered payloads and evidence: shown when expanded. */
    QWidget *body() const { return m_body; }

signals:
    /** An evidence link was followed. */
    void exchangeActivated(const QUuid &exchangeId);

protected:
    void mouseReleaseEvent(QMouseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void refresh();
    void updateArrow();

    Nh::DiagnosisCheck m_check;
    QList<QPair<QUuid, QString>> m_evidence;
    bool m_expanded = false;
    bool m_running = false;

    QToolButton *m_arrow = nullptr;
    QLabel *m_icon = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_verdict = nullptr;
    QLabel *m_summary = nullptr;
    QWidget *m_body = nullptr;
    QLabel *m_details = nullptr;
    QLabel *m_nextStep = nullptr;
    QLabel *m_rendered = nullptr;
    QLabel *m_evidenceLabel = nullptr;
};
