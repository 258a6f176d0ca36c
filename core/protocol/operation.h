// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringView>
#include <optional>

namespace Nh {

/**
 * The hub calls nhconsole makes and the emulator serves, one table (operation.cpp) for the
 * client, the emulator (routes, fault rules, request log), the history and the CLI. Their names
 * ("send.test", "registrations.list", …) are stored in the history and used in fault specs:
 * they never change.
 */
enum class Operation {
    Send, ///< "send": a send by tag expression or broadcast
    SendTest, ///< "send.test": a test send, answered with a NotificationOutcome
    SendDirect, ///< "send.direct": a direct send to one device handle
    SendBatch, ///< "send.batch": a direct batch send
    SendScheduled, ///< "send.scheduled": a scheduled send
    SchedulesCancel, ///< "schedules.cancel": cancelling a scheduled send
    TelemetryGet, ///< "telemetry.get": the per-message telemetry
    RegistrationIdsCreate, ///< "registrationids.create": a new registration id
    RegistrationsCreate, ///< "registrations.create"
    RegistrationsPut, ///< "registrations.put"
    RegistrationsGet, ///< "registrations.get"
    RegistrationsDelete, ///< "registrations.delete"
    RegistrationsList, ///< "registrations.list"
    RegistrationsByTag, ///< "registrations.bytag": the registrations of one tag
    InstallationsPut, ///< "installations.put"
    InstallationsGet, ///< "installations.get"
    InstallationsPatch, ///< "installations.patch"
    InstallationsDelete, ///< "installations.delete"
    FeedbackGet, ///< "feedback.get": the feedback container
    HubGet, ///< "hub.get": the hub's description (Manage; docs/protocol.md §14)
    HubCreate, ///< "hub.create": PUT of a new hub
    HubUpdate, ///< "hub.update": PUT with If-Match: *, the whole description
    HubDelete, ///< "hub.delete"
    HubList, ///< "hubs.list": the namespace's hubs (either list form; the emulator's name)
};

inline constexpr int kOperationCount = int(Operation::HubList) + 1;

/** The stable name: "send.test", "registrations.list", … */
QString operationName(Operation operation);
/** The operation named `name` (exactly as operationName() spells it), if any. */
std::optional<Operation> operationFromName(QStringView name);
/**
 * What the operation does, for sentences ("the test send", "listing registrations"; translated).
 * An unknown name gives "the request NAME", an empty one "the request".
 */
QString operationDescription(Operation operation);
QString operationDescription(const QString &name);

} // namespace Nh
