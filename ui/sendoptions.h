// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/draftcheck.h"

#include <QWidget>
#include <optional>

class QCheckBox;
class QDateTimeEdit;
class QLabel;

/** The options of a send: the `test` flag (with what it means) and an optional schedule time. */
class SendOptions final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SendOptions)

public:
    explicit SendOptions(QWidget *parent = nullptr);

    void setTest(bool on);
    /** Whether the user asked for a test send (even while it is not possible). */
    bool isTest() const;
    /** Greys the test flag out when the target or the schedule rules it out. */
    void setTestPossible(bool possible);
    bool isTestPossible() const;

    void setSchedule(const std::optional<QDateTime> &when);
    /** The schedule time in UTC, or none for a send now. */
    std::optional<QDateTime> schedule() const;
    /** Shows the draft check's note on the schedule time. */
    void showScheduleNote(const Nh::DraftNote &note);

signals:
    void testToggled(bool on);
    /** Scheduling was switched on or off, or the time changed. */
    void scheduleChanged();

private:
    QCheckBox *m_testCheck = nullptr;
    QCheckBox *m_scheduleCheck = nullptr;
    QDateTimeEdit *m_scheduleEdit = nullptr;
    QLabel *m_scheduleLabel = nullptr;
};
