// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "formatbar.h"

#include "protocol/payloadbuilder.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr Nh::Format kFormats[] = {
    Nh::Format::Apple,        Nh::Format::FcmV1,    Nh::Format::Gcm,   Nh::Format::Windows,
    Nh::Format::WindowsPhone, Nh::Format::Adm,      Nh::Format::Baidu, Nh::Format::Browser,
    Nh::Format::Xiaomi,       Nh::Format::Template,
};

} // namespace

FormatBar::FormatBar(QAction *prettyAction, QWidget *parent)
    : QWidget(parent)
{
    auto *h = new QHBoxLayout(this);
    h->setContentsMargins(0, 0, 0, 0);
    m_formatCombo = new QComboBox(this);
    m_formatCombo->setObjectName(u"formatCombo"_s);
    for (const Nh::Format f : kFormats)
        m_formatCombo->addItem(Nh::formatDisplayName(f), int(f));
    m_formatCombo->setToolTip(tr("The ServiceBusNotification-Format: which registrations the "
                                 "hub sends to (a native platform, or templates)"));
    m_presetCombo = new QComboBox(this);
    m_presetCombo->setObjectName(u"presetCombo"_s);
    m_presetCombo->setToolTip(tr("Ready-made payloads for this format; each one is valid"));
    auto *prettyButton = new QToolButton(this);
    prettyButton->setObjectName(u"prettyPrintButton"_s);
    prettyButton->setDefaultAction(prettyAction);
    prettyButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    prettyButton->setText(tr("Pretty-print"));
    auto *formatLabel = new QLabel(tr("&Format"), this);
    formatLabel->setBuddy(m_formatCombo);
    auto *presetLabel = new QLabel(tr("P&reset"), this);
    presetLabel->setBuddy(m_presetCombo);
    h->addWidget(formatLabel);
    h->addWidget(m_formatCombo, 2);
    h->addWidget(presetLabel);
    h->addWidget(m_presetCombo, 2);
    h->addWidget(prettyButton);

    connect(m_formatCombo, &QComboBox::activated, this, [this](int index) {
        emit formatActivated(Nh::Format(m_formatCombo->itemData(index).toInt()));
    });
    connect(m_presetCombo, &QComboBox::activated, this, &FormatBar::presetActivated);
}

void FormatBar::setFormat(Nh::Format format)
{
    m_formatCombo->setCurrentIndex(m_formatCombo->findData(int(format)));
    m_presetCombo->clear();
    for (const Nh::PayloadPreset &p : Nh::payloadBuilder(format).presets())
        m_presetCombo->addItem(p.name, p.id);
}

Nh::Format FormatBar::format() const
{
    return Nh::Format(m_formatCombo->currentData().toInt());
}

void FormatBar::setPresetIndex(int index)
{
    m_presetCombo->setCurrentIndex(index);
}

void FormatBar::setPickersEnabled(bool enabled)
{
    m_formatCombo->setEnabled(enabled);
    m_presetCombo->setEnabled(enabled);
}
