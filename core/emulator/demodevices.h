// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLatin1StringView>
#include <QList>
#include <QStringList>

namespace Nh {

/**
 * The emulator's demo devices for the diagnosis (issue #19, docs/diagnosis.md): one device per
 * failure the Diagnose page should name, and one healthy device. All live on the demo hub (the
 * emulator's `hubName`) and are seeded with the demo data (EmulatorState::seedDemoData()). Tests,
 * the README and the Diagnose page's examples read this table rather than repeating the handles.
 *
 * The "send" of each row is the push that did not arrive, as a support engineer would type it.
 */
struct DemoDevice
{
    /// Stable name: "healthy", "duplicate", "expired", "legacy-gcm", "template-property",
    /// "apns-environment", "tags-excluded".
    QLatin1StringView name;
    /// How the device is named: "handle", "registration" (not used: ids are made at start),
    /// "installation" or "user" (DiagnosisSubject::kindKey()).
    QLatin1StringView subjectKind;
    QLatin1StringView subject;
    /// The send that did not arrive: format wire name ("fcmv1", "template", …), tag expression,
    /// template properties as "k=v" (template sends only).
    QLatin1StringView format;
    QLatin1StringView tags;
    QList<QLatin1StringView> properties;
    /// diagnosisCheckKey() of the check that must be named as the most likely cause; empty for
    /// the healthy device (every check ok).
    QLatin1StringView expectedCause;
    /// The cause shows only once the targeted test send ran (`--send-test`, the page's button):
    /// nothing the hub stores says which APNs environment a token belongs to.
    bool needsTestSend = false;
};

/** The rows, healthy device first. */
const QList<DemoDevice> &demoDevices();

} // namespace Nh
