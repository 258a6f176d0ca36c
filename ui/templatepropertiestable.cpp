// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "templatepropertiestable.h"

#include "theme.h"

#include <QEvent>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace {

/// On the name item of a row that only offers a property (not in the send).
constexpr int kOfferedRole = Qt::UserRole + 1;

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
    // Room for a few rows however the pane is split.
    m_table->setMinimumHeight(m_table->horizontalHeader()->sizeHint().height()
                              + m_table->verticalHeader()->defaultSectionSize() * 3
                              + m_table->frameWidth() * 2);

    connect(m_table, &QTableWidget::itemChanged, this, &TemplatePropertiesTable::onItemChanged);
    connect(addButton, &QToolButton::clicked, this, &TemplatePropertiesTable::addRow);
    connect(removeButton, &QToolButton::clicked, this,
            &TemplatePropertiesTable::removeSelectedRows);
}

void TemplatePropertiesTable::setProperties(const Nh::TemplateProperties &properties)
{
    Nh::TemplateProperties current;
    for (int r = 0; r < m_table->rowCount(); ++r) {
        if (isOfferedRow(r))
            continue;
        const auto *k = m_table->item(r, 0);
        const auto *v = m_table->item(r, 1);
        current.append({k ? k->text() : QString(), v ? v->text() : QString()});
    }
    if (current != properties) {
        m_filling = true;
        m_table->setRowCount(int(properties.size()));
        for (int r = 0; r < properties.size(); ++r) {
            m_table->setItem(r, 0, new QTableWidgetItem(properties.at(r).first));
            m_table->setItem(r, 1, new QTableWidgetItem(properties.at(r).second));
        }
        m_filling = false;
    }
    syncOfferedRows();
}

void TemplatePropertiesTable::setOfferedProperties(const QStringList &properties)
{
    if (properties == m_offered)
        return;
    m_offered = properties;
    syncOfferedRows();
}

bool TemplatePropertiesTable::isOfferedRow(int row) const
{
    const auto *k = m_table->item(row, 0);
    return k && k->data(kOfferedRole).toBool();
}

void TemplatePropertiesTable::syncOfferedRows()
{
    QStringList carried;
    QStringList shown;
    for (int r = 0; r < m_table->rowCount(); ++r) {
        const auto *k = m_table->item(r, 0);
        (isOfferedRow(r) ? shown : carried) << (k ? k->text().trimmed() : QString());
    }
    QStringList wanted;
    for (const QString &p : std::as_const(m_offered)) {
        if (!carried.contains(p, Qt::CaseInsensitive))
            wanted << p;
    }
    if (wanted != shown) {
        m_filling = true;
        for (int r = m_table->rowCount() - 1; r >= 0; --r) {
            if (isOfferedRow(r))
                m_table->removeRow(r);
        }
        for (const QString &p : std::as_const(wanted)) {
            const int row = m_table->rowCount();
            m_table->insertRow(row);
            auto *name = new QTableWidgetItem(p);
            name->setData(kOfferedRole, true);
            m_table->setItem(row, 0, name);
            m_table->setItem(row, 1, new QTableWidgetItem());
        }
        m_filling = false;
    }
    decorate();
}

QStringList TemplatePropertiesTable::unfilledProperties() const
{
    QStringList names;
    for (int r = 0; r < m_table->rowCount(); ++r) {
        const auto *k = m_table->item(r, 0);
        const auto *v = m_table->item(r, 1);
        const QString name = k ? k->text().trimmed() : QString();
        if (!name.isEmpty() && m_offered.contains(name, Qt::CaseInsensitive)
            && (isOfferedRow(r) || !v || v->text().isEmpty()))
            names << name;
    }
    return names;
}

QStringList TemplatePropertiesTable::unusedProperties() const
{
    QStringList names;
    if (m_offered.isEmpty())
        return names;
    for (int r = 0; r < m_table->rowCount(); ++r) {
        const auto *k = m_table->item(r, 0);
        const QString name = k ? k->text().trimmed() : QString();
        if (!name.isEmpty() && !isOfferedRow(r) && !m_offered.contains(name, Qt::CaseInsensitive))
            names << name;
    }
    return names;
}

void TemplatePropertiesTable::decorate()
{
    const QStringList unfilled = unfilledProperties();
    const QStringList unused = unusedProperties();
    const QPalette pal = palette();
    m_filling = true;
    for (int r = 0; r < m_table->rowCount(); ++r) {
        auto *k = m_table->item(r, 0);
        auto *v = m_table->item(r, 1);
        if (!k || !v)
            continue;
        const QString name = k->text().trimmed();
        QString tip;
        Theme::Tone tone = Theme::Tone::Neutral;
        if (unfilled.contains(name)) {
            tone = Theme::Tone::Warning;
            tip = isOfferedRow(r)
                ? tr("Not filled in: a targeted template uses %1, and the send leaves it out, "
                     "so it renders empty. Type a value to send it.")
                      .arg(name)
                : tr("Not filled in: %1 is sent empty, so it renders empty.").arg(name);
        } else if (unused.contains(name)) {
            tone = Theme::Tone::Warning;
            tip = tr("No targeted template uses %1: the hub ignores it.").arg(name);
        }
        QFont font = m_table->font();
        font.setItalic(isOfferedRow(r));
        k->setFont(font);
        for (QTableWidgetItem *item : {k, v}) {
            item->setToolTip(tip);
            item->setData(Qt::ForegroundRole,
                          tone == Theme::Tone::Neutral ? QVariant()
                                                       : QVariant(Theme::foreground(tone, pal)));
        }
        k->setIcon(tone == Theme::Tone::Neutral ? QIcon() : Theme::toneIcon(tone));
    }
    m_filling = false;
    QStringList usage;
    if (!unfilled.isEmpty())
        usage << tr("Not filled in: %1 (the templates that use them get an empty value).")
                     .arg(unfilled.join(u", "_s));
    if (!unused.isEmpty())
        usage << tr("No targeted template uses: %1.").arg(unused.join(u", "_s));
    m_usage = usage.join(u' ');
    updateNote();
}

void TemplatePropertiesTable::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_note)
        decorate();
}

Nh::TemplateProperties TemplatePropertiesTable::properties() const
{
    Nh::TemplateProperties props;
    for (int r = 0; r < m_table->rowCount(); ++r) {
        const auto *k = m_table->item(r, 0);
        const auto *v = m_table->item(r, 1);
        // An offered row is a property once it has a value.
        if (isOfferedRow(r) && (!v || v->text().isEmpty()))
            continue;
        if (k && !k->text().trimmed().isEmpty())
            props.append({k->text().trimmed(), v ? v->text() : QString()});
    }
    return props;
}

void TemplatePropertiesTable::setBodyReadable(bool readable)
{
    m_table->setEnabled(readable);
    m_readable = readable;
    updateNote();
}

void TemplatePropertiesTable::updateNote()
{
    // What the targeted templates make of the properties replaces the general note (which
    // stays as the tooltip): the pane is short.
    if (!m_readable) {
        m_note->setText(tr("Fix the JSON below to edit the properties as a table."));
        Theme::paintLabel(m_note, Theme::Tone::Neutral);
    } else if (!m_usage.isEmpty()) {
        m_note->setText(m_usage);
        Theme::paintLabel(m_note, Theme::Tone::Warning);
    } else {
        m_note->setText(readableNote());
        Theme::paintLabel(m_note, Theme::Tone::Neutral);
    }
    m_note->setToolTip(m_usage.isEmpty() ? QString() : readableNote());
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
    if (m_filling)
        return;
    // An offered row given a value (or renamed) is the send's own from now on.
    m_filling = true;
    for (int r = 0; r < m_table->rowCount(); ++r) {
        auto *v = m_table->item(r, 1);
        if (isOfferedRow(r) && v && !v->text().isEmpty())
            m_table->item(r, 0)->setData(kOfferedRole, QVariant());
    }
    m_filling = false;
    decorate();
    emit propertiesEdited(properties());
}
