// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/exchange.h"
#include "common/result.h"
#include "diagnosis/diagnosis.h"

#include <QWidget>
#include <functional>
#include <optional>

class HeadersEditor;
class QButtonGroup;
class QComboBox;
class QLabel;
class QLineEdit;
class QRadioButton;
class TagExpressionEdit;
class TemplatePropertiesTable;
namespace Nh {
class HistoryStore;
} // namespace Nh

/**
 * What the Diagnose page asks (issue #19): whom the diagnosis is about (a handle, registration
 * id, installation id or user id, the platform optional) and, optionally, the send that did not
 * arrive: none, one from the history (the recent sends, or the exchange an entry point gave),
 * or one typed in (format, tag expression, template properties, headers; the composer's own
 * editors). It only collects: DiagnosePage runs the diagnosis.
 */
class DiagnoseForm final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiagnoseForm)

public:
    enum class SendMode { None, History, Typed };

    explicit DiagnoseForm(QWidget *parent = nullptr);

    /** Where "A send from the history" lists recent sends; null lists only what was given. */
    void setHistory(std::function<Nh::HistoryStore *()> history) { m_history = std::move(history); }
    /** Reads the recent sends again (done each time the page is shown). */
    void reloadHistory();

    void setSubject(const Nh::DiagnosisSubject &subject);
    Nh::DiagnosisSubject subject() const;
    /** True when a subject is typed in. */
    bool hasSubject() const;
    /** Empties the subject and puts the cursor there (an entry point that only knows the send). */
    void askForSubject();

    /** No send: the checks that need one say they cannot tell. */
    void clearSend();
    /** Selects `exchange` as the send (added to the history list when it is not listed). */
    void setHistoryExchange(const Nh::Exchange &exchange);
    /** Fills the typed-in send and selects it. */
    void setTypedSend(const Nh::DiagnosisSend &send);
    SendMode sendMode() const;
    /** The history exchange selected; null when none. */
    QUuid historyExchangeId() const;
    /** The send chosen: nullopt for none; an Error when a history exchange is no send. */
    Nh::Result<std::optional<Nh::DiagnosisSend>> send() const;

    QLineEdit *subjectEdit() const { return m_value; }
    QComboBox *kindCombo() const { return m_kind; }
    QComboBox *platformCombo() const { return m_platform; }
    QComboBox *historyCombo() const { return m_historyCombo; }
    QComboBox *formatCombo() const { return m_format; }
    TagExpressionEdit *tagsEdit() const { return m_tags; }
    TemplatePropertiesTable *propertiesTable() const { return m_properties; }
    HeadersEditor *headersEditor() const { return m_headers; }

signals:
    /** Return was pressed in the subject. */
    void submitted();
    /** The subject changed (the page enables Diagnose). */
    void subjectChanged();

private:
    QWidget *buildSubject();
    QWidget *buildSend();
    void updateEnabled();
    void showHistoryChoice();
    /** Adds `exchange` to the history list (first) unless listed; returns its row. */
    int addHistoryExchange(const Nh::Exchange &exchange);

    std::function<Nh::HistoryStore *()> m_history;
    /// The exchanges the history list offers, loaded when chosen (the list keeps ids).
    QHash<QUuid, Nh::Exchange> m_given;

    QComboBox *m_kind = nullptr;
    QLineEdit *m_value = nullptr;
    QComboBox *m_platform = nullptr;
    QButtonGroup *m_modes = nullptr;
    QRadioButton *m_noSend = nullptr;
    QRadioButton *m_historySend = nullptr;
    QRadioButton *m_typedSend = nullptr;
    QWidget *m_historyBox = nullptr;
    QComboBox *m_historyCombo = nullptr;
    QLabel *m_historyNote = nullptr;
    QWidget *m_typedBox = nullptr;
    QComboBox *m_format = nullptr;
    TagExpressionEdit *m_tags = nullptr;
    QLabel *m_propertiesLabel = nullptr;
    TemplatePropertiesTable *m_properties = nullptr;
    HeadersEditor *m_headers = nullptr;
};
