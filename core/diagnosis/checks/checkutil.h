// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Small helpers the checks share (core/diagnosis/checks/); internal to nh_diagnosis.

#include "diagnosis/diagnosisfacts.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace Nh::DiagnosisChecks {

/** "Firebase (FCM v1) template registration 2517…" with its tags, for details lines. */
QString describeRegistration(const Registration &registration);
/** "native" / "template `name`" kind words for sentences. */
QString registrationKindText(const Registration &registration);
/** The date-time as the checks write it: `2026-12-07 17:25 UTC`. */
QString dateText(const QDateTime &when);
/** The ids of `registrations`, in order. */
QStringList idsOf(const QList<Registration> &registrations);
/** A check of `id` with its verdict, summary and weight set. */
DiagnosisCheck makeCheck(DiagnosisCheckId id, DiagnosisVerdict verdict, const QString &summary,
                         int weight = 0);

} // namespace Nh::DiagnosisChecks
