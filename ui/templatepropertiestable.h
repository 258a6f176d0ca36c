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

    QTableWidget *table() const { return m_table; }

signals:
    /** The user added, removed or edited a row; `properties` as properties() returns them. */
    void propertiesEdited(const Nh::TemplateProperties &properties);

private:
    void addRow();
    void removeSelectedRows();
    void onItemChanged();

    QTableWidget *m_table = nullptr;
    QLabel *m_note = nullptr;
    bool m_filling = false;
};
