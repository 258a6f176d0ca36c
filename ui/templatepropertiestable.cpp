// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "templatepropertiestable.h"

#include "theme.h"

#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace {

QString readableNote()
{
    return TemplatePropertiesTable::tr("Template properties: the hub puts each value into the "
                                       "$(name) placeholders of the registrations' templates. "
                                       "Edit here or in the JSON below; both stay in sync.");
}

} // namespace

TemplatePropertiesTable::TemplatePropertiesTable(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"propertiesPane"_s);
    m_table = new QTableWidget(0, 2, this);
    m_table->setObjectName(u"propertiesTable"_s);
    m_table->setHorizontalHeaderLabels({tr("Property"), tr("Value")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_note = new QLabel(readableNote(), this);
    m_note->setObjectName(u"propertiesNote"_s);
    m_note->setWordWrap(true);
    auto *addButton = new QToolButton(this);
    addButton->setObjectName(u"addPropertyButton"_s);
    addButton->setIcon(Theme::icon(u"add"_s));
    addButton->setToolTip(tr("Add a property"));
    auto *removeButton = new QToolButton(this);
    removeButton->setObjectName(u"removePropertyButton"_s);
    removeButton->setIcon(Theme::icon(u"remove"_s));
    removeButton->setToolTip(tr("Remove the selected properties"));
    auto *buttons = new QVBoxLayout;
    buttons->addWidget(addButton);
    buttons->addWidget(removeButton);
    buttons->addStretch();
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(m_note, 0, 0, 1, 2);
    grid->addWidget(m_table, 1, 0);
    grid->addLayout(buttons, 1, 1);

    connect(m_table, &QTableWidget::itemChanged, this, &TemplatePropertiesTable::onItemChanged);
    connect(addButton, &QToolButton::clicked, this, &TemplatePropertiesTable::addRow);
    connect(removeButton, &QToolButton::clicked, this,
            &TemplatePropertiesTable::removeSelectedRows);
}

void TemplatePropertiesTable::setProperties(const Nh::TemplateProperties &properties)
{
    Nh::TemplateProperties current;
    for (int r = 0; r < m_table->rowCount(); ++r) {
        const auto *k = m_table->item(r, 0);
        const auto *v = m_table->item(r, 1);
        current.append({k ? k->text() : QString(), v ? v->text() : QString()});
    }
    if (current == properties)
        return;
    m_filling = true;
    m_table->setRowCount(int(properties.size()));
    for (int r = 0; r < properties.size(); ++r) {
        m_table->setItem(r, 0, new QTableWidgetItem(properties.at(r).first));
        m_table->setItem(r, 1, new QTableWidgetItem(properties.at(r).second));
    }
    m_filling = false;
}

Nh::TemplateProperties TemplatePropertiesTable::properties() const
{
    Nh::TemplateProperties props;
    for (int r = 0; r < m_table->rowCount(); ++r) {
        const auto *k = m_table->item(r, 0);
        const auto *v = m_table->item(r, 1);
        if (k && !k->text().trimmed().isEmpty())
            props.append({k->text().trimmed(), v ? v->text() : QString()});
    }
    return props;
}

void TemplatePropertiesTable::setBodyReadable(bool readable)
{
    m_table->setEnabled(readable);
    m_note->setText(readable ? readableNote()
                             : tr("Fix the JSON below to edit the properties as a table."));
}

void TemplatePropertiesTable::addRow()
{
    const int row = m_table->rowCount();
    m_filling = true;
    m_table->insertRow(row);
    m_table->setItem(row, 0, new QTableWidgetItem(u"name%1"_s.arg(row + 1)));
    m_table->setItem(row, 1, new QTableWidgetItem());
    m_filling = false;
    onItemChanged();
    m_table->editItem(m_table->item(row, 0));
}

void TemplatePropertiesTable::removeSelectedRows()
{
    QList<int> numbers;
    for (const QModelIndex &i : m_table->selectionModel()->selectedRows())
        numbers.append(i.row());
    std::sort(numbers.begin(), numbers.end(), std::greater<>());
    m_filling = true;
    for (const int r : std::as_const(numbers))
        m_table->removeRow(r);
    m_filling = false;
    onItemChanged();
}

void TemplatePropertiesTable::onItemChanged()
{
    if (!m_filling)
        emit propertiesEdited(properties());
}
