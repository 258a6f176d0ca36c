// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to the hub checks (hubchecks.cpp, apnschecks.cpp): not for other code.

#include "protocol/hubchecks.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>

namespace Nh::HubChecksDetail {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Nh::HubChecks)
};

/** The findings of one run, in the order they are added. */
class Findings
{
public:
    void add(const QString &id, HubCheckSeverity severity, std::optional<PnsCredentialKind> kind,
             const QString &message, const QString &fix = {}, const QString &profile = {});
    /** "<prefix>-masked": the hub returned a credential's secrets masked. */
    void addMasked(PnsCredentialKind kind);
    QList<HubFinding> take() { return std::move(m_list); }

private:
    QList<HubFinding> m_list;
};

/** "apns", "fcmv1", …: the id prefix of a credential's findings. */
QString credentialIdPrefix(PnsCredentialKind kind);
/** A value the service (or an export) masked: kRedacted, or only '*' / '#'. */
bool isMasked(const QString &value);
/** A property's value, trimmed; empty when absent. */
QString propertyText(const PnsCredential &credential, QStringView name);
/** Decodes base64 (white space ignored); *ok is false for bad or empty input. */
QByteArray base64Decoded(QString value, QByteArray::Base64Options options, bool *ok);
bool matchesWhole(const QString &pattern, const QString &value);

/** The checks of an ApnsCredential: mode, endpoint, token fields, certificate. */
void checkApnsCredential(Findings &out, const PnsCredential &apns, const QDateTime &now);

} // namespace Nh::HubChecksDetail
