// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/notification.h"

#include <QWidget>

class QLabel;
class QTableWidget;

/**
 * The properties of a template notification as a two-column table (name, value) with add and
 * remove buttons and a note above it. The composer keeps it in sync with the template's JSON:
 * setProperties() shows what the JSON holds, propertiesEdited() reports what the user typed.
 */
class TemplatePropertiesTable final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TemplatePropertiesTable)

public:
    explicit TemplatePropertiesTable(QWidget *parent = nullptr);

    /** Shows `properties` (no propertiesEdited()); rows already equal stay untouched. */
    void setProperties(const Nh::TemplateProperties &properties);
    /** The rows with a name, names trimmed, in table order. */
    Nh::TemplateProperties properties() const;
    /**
     * Whether the template's JSON can be read as properties: when not, the table is off and
     * the note asks to fix the JSON.
     */
    void setBodyReadable(bool readable);

    /**
     * The properties the targeted template registrations use (issue #16). Those the send does
     * not carry get a row of their own, marked "not filled in" (italic, in the warning tone),
     * which becomes a property once given a value; a carried property with an empty value is
     * marked the same way; a carried property no template uses is marked too. An empty list
     * (no template registration known) marks nothing.
     */
    void setOfferedProperties(const QStringList &properties);
    QStringList offeredProperties() const { return m_offered; }
    /** Offered properties that the send leaves out or sends empty, in table order. */
    QStringList unfilledProperties() const;
    /** Properties of the send that no targeted template uses (only while some are offered). */
    QStringList unusedProperties() const;

    QTableWidget *table() const { return m_table; }

signals:
    /** The user added, removed or edited a row; `properties` as properties() returns them. */
    void propertiesEdited(const Nh::TemplateProperties &properties);

protected:
    void changeEvent(QEvent *event) override;

private:
    /** Adds or drops the rows of offered properties the send does not carry. */
    void syncOfferedRows();
    /** Marks the rows (unfilled, unused) and says so above the table. */
    void decorate();
    void updateNote();
    bool isOfferedRow(int row) const;
    void addRow();
    void removeSelectedRows();
    void onItemChanged();

    QTableWidget *m_table = nullptr;
    QLabel *m_note = nullptr;
    QString m_usage; ///< the unfilled and unused properties, said in a sentence or two
    bool m_readable = true;
    QStringList m_offered;
    bool m_filling = false;
};
