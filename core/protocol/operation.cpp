// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/operation.h"

#include <QCoreApplication>
#include <array>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

// The descriptions keep the translation context they had in client/networkerrors.cpp.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Nh::NetworkErrors)
};

struct OperationInfo
{
    Operation operation;
    QStringView name;
    const char *description;
};

constexpr std::array kOperations {
    OperationInfo {Operation::Send, u"send", QT_TRANSLATE_NOOP("Nh::NetworkErrors", "the send")},
    OperationInfo {Operation::SendTest, u"send.test",
                   QT_TRANSLATE_NOOP("Nh::NetworkErrors", "the test send")},
    OperationInfo {Operation::SendDirect, u"send.direct",
                   QT_TRANSLATE_NOOP("Nh::NetworkErrors", "the direct send")},
    OperationInfo {Operation::SendBatch, u"send.batch",
                   QT_TRANSLATE_NOOP("Nh::NetworkErrors", "the direct batch send")},
    OperationInfo {Operation::SendScheduled, u"send.scheduled",
                   QT_TRANSLATE_NOOP("Nh::NetworkErrors", "the scheduled send")},
    OperationInfo {Operation::SchedulesCancel, u"schedules.cancel",
                   QT_TRANSLATE_NOOP("Nh::NetworkErrors", "cancelling the scheduled send")},
    OperationInfo {Operation::TelemetryGet, u"telemetry.get",
                   QT_TRANSLATE_NOOP("Nh::NetworkErrors", "reading the telemetry")},
    OperationInfo {Operation::RegistrationIdsCreate, u"registrationids.create",
                   QT_TRANSLATE_NOOP("Nh::NetworkErrors", "creating a registration id")},
    OperationInfo {Operation::RegistrationsCreate, u"registrations.create",
                   QT_TRANSLATE_NOOP("Nh::NetworkErrors", "creating the registration")},
    OperationInfo {Operation::RegistrationsPut, u"registrations.put",
                   QT_TRANSLATE_NOOP("Nh::NetworkErrors", "saving the registration")},
    OperationInfo {Operation::RegistrationsGet, u"registrations.get",
                   QT_TRANSLATE_NOOP("Nh::NetworkErrors", "reading the registration")},
    OperationInfo {Operation::RegistrationsDelete, u"registrations.delete",
                   QT_TRANSLATE_NOOP("Nh::NetworkErrors", "deleting the registration")},
    OperationInfo {Operation::RegistrationsList, u"registrations.list",
                   QT_TRANSLATE_NOOP("Nh::NetworkErrors", "listing registrations")},
    OperationInfo {Operation::RegistrationsByTag, u"registrations.bytag",
                   QT_TRANSLATE_NOOP("Nh::NetworkErrors", "listing registrations by tag")},
    OperationInfo {Operation::InstallationsPut, u"installations.put",
                   QT_TRANSLATE_NOOP("Nh::NetworkErrors", "saving the installation")},
    OperationInfo {Operation::InstallationsGet, u"installations.get",
                   QT_TRANSLATE_NOOP("Nh::NetworkErrors", "reading the installation")},
    OperationInfo {Operation::InstallationsPatch, u"installations.patch",
                   QT_TRANSLATE_NOOP("Nh::NetworkErrors", "patching the installation")},
    OperationInfo {Operation::InstallationsDelete, u"installations.delete",
                   QT_TRANSLATE_NOOP("Nh::NetworkErrors", "deleting the installation")},
    OperationInfo {Operation::FeedbackGet, u"feedback.get",
                   QT_TRANSLATE_NOOP("Nh::NetworkErrors", "reading the feedback container")},
    OperationInfo {Operation::HubGet, u"hub.get",
                   QT_TRANSLATE_NOOP("Nh::NetworkErrors", "reading the hub's configuration")},
    OperationInfo {Operation::HubCreate, u"hub.create",
                   QT_TRANSLATE_NOOP("Nh::NetworkErrors", "creating the hub")},
    OperationInfo {Operation::HubUpdate, u"hub.update",
                   QT_TRANSLATE_NOOP("Nh::NetworkErrors", "saving the hub's configuration")},
    OperationInfo {Operation::HubDelete, u"hub.delete",
                   QT_TRANSLATE_NOOP("Nh::NetworkErrors", "deleting the hub")},
    OperationInfo {Operation::HubList, u"hubs.list",
                   QT_TRANSLATE_NOOP("Nh::NetworkErrors", "listing the namespace's hubs")},
};

static_assert(kOperations.size() == std::size_t(kOperationCount),
              "every Operation needs a row in kOperations");

constexpr bool rowsInEnumOrder()
{
    for (std::size_t i = 0; i < kOperations.size(); ++i) {
        if (kOperations[i].operation != Operation(i))
            return false;
    }
    return true;
}
static_assert(rowsInEnumOrder(), "kOperations must list the Operations in their order");

const OperationInfo &info(Operation operation)
{
    return kOperations[std::size_t(operation)];
}

} // namespace

QString operationName(Operation operation)
{
    const QStringView name = info(operation).name;
    // The names are literals: no copy.
    return QString::fromRawData(name.data(), name.size());
}

std::optional<Operation> operationFromName(QStringView name)
{
    for (const OperationInfo &o : kOperations) {
        if (o.name == name)
            return o.operation;
    }
    return std::nullopt;
}

QString operationDescription(Operation operation)
{
    return Tr::tr(info(operation).description);
}

QString operationDescription(const QString &name)
{
    if (const auto operation = operationFromName(name))
        return operationDescription(*operation);
    return name.isEmpty() ? Tr::tr("the request") : Tr::tr("the request %1").arg(name);
}

} // namespace Nh
