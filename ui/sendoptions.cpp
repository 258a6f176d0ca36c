// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sendoptions.h"

#include "draftnotelabel.h"

#include <QCheckBox>
#include <QDateTimeEdit>
#include <QGridLayout>
#include <QLabel>

using namespace Qt::Literals::StringLiterals;

SendOptions::SendOptions(QWidget *parent)
    : QWidget(parent)
{
    m_testCheck = new QCheckBox(tr("T&est send"), this);
    m_testCheck->setObjectName(u"testSendCheck"_s);
    auto *testNote = new QLabel(tr("The hub answers with each registration's outcome. It reaches "
                                   "at most 10 registrations and allows about 10 test sends a "
                                   "minute; direct and scheduled sends cannot be test sends."),
                                this);
    testNote->setObjectName(u"testSendNote"_s);
    testNote->setWordWrap(true);
    m_scheduleCheck = new QCheckBox(tr("Sc&hedule at"), this);
    m_scheduleCheck->setObjectName(u"scheduleCheck"_s);
    m_scheduleEdit = new QDateTimeEdit(this);
    m_scheduleEdit->setObjectName(u"scheduleEdit"_s);
    m_scheduleEdit->setTimeSpec(Qt::UTC);
    m_scheduleEdit->setDisplayFormat(u"yyyy-MM-dd HH:mm 'UTC'"_s);
    m_scheduleEdit->setCalendarPopup(true);
    m_scheduleEdit->setDateTime(QDateTime::currentDateTimeUtc().addSecs(3600));
    m_scheduleEdit->setEnabled(false);
    m_scheduleLabel = new QLabel(this);
    m_scheduleLabel->setObjectName(u"scheduleStatus"_s);
    m_scheduleLabel->setWordWrap(true);
    m_scheduleLabel->hide();

    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(m_testCheck, 0, 0, Qt::AlignTop);
    grid->addWidget(testNote, 0, 1, 1, 2);
    grid->addWidget(m_scheduleCheck, 1, 0);
    grid->addWidget(m_scheduleEdit, 1, 1);
    grid->addWidget(m_scheduleLabel, 2, 1, 1, 2);
    grid->setColumnStretch(2, 1);

    connect(m_testCheck, &QCheckBox::toggled, this, &SendOptions::testToggled);
    connect(m_scheduleCheck, &QCheckBox::toggled, this, [this](bool on) {
        m_scheduleEdit->setEnabled(on);
        emit scheduleChanged();
    });
    connect(m_scheduleEdit, &QDateTimeEdit::dateTimeChanged, this, &SendOptions::scheduleChanged);
}

void SendOptions::setTest(bool on)
{
    m_testCheck->setChecked(on);
}

bool SendOptions::isTest() const
{
    return m_testCheck->isChecked();
}

void SendOptions::setTestPossible(bool possible)
{
    m_testCheck->setEnabled(possible);
}

bool SendOptions::isTestPossible() const
{
    return m_testCheck->isEnabled();
}

void SendOptions::setSchedule(const std::optional<QDateTime> &when)
{
    if (when)
        m_scheduleEdit->setDateTime(when->toUTC());
    m_scheduleCheck->setChecked(when.has_value());
}

std::optional<QDateTime> SendOptions::schedule() const
{
    if (!m_scheduleCheck->isChecked())
        return std::nullopt;
    return m_scheduleEdit->dateTime().toUTC();
}

void SendOptions::showScheduleNote(const Nh::DraftNote &note)
{
    showDraftNote(m_scheduleLabel, note);
}
