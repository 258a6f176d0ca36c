// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/outcomemodel.h"

#include "protocol/platform.h"

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

/** Who holds the hub's credentials for a platform, as the portal names them. */
QString credentialName(QStringView platform)
{
    const auto p = platformFromWireName(platform);
    if (!p)
        return OutcomeModel::tr("push service");
    switch (*p) {
    case Nh::Platform::Apple:
        return OutcomeModel::tr("Apple (APNs) certificate or token");
    case Nh::Platform::FcmV1:
        return OutcomeModel::tr("Firebase (FCM v1) service account");
    case Nh::Platform::Gcm:
        return OutcomeModel::tr("Google (GCM/FCM legacy) server key");
    case Nh::Platform::Windows:
        return OutcomeModel::tr("Windows (WNS) package SID and secret");
    case Nh::Platform::WindowsPhone:
        return OutcomeModel::tr("Windows Phone (MPNS) certificate");
    case Nh::Platform::Adm:
        return OutcomeModel::tr("Amazon (ADM) client id and secret");
    case Nh::Platform::Baidu:
        return OutcomeModel::tr("Baidu API key and secret");
    case Nh::Platform::Browser:
        return OutcomeModel::tr("Web Push (VAPID) keys");
    case Nh::Platform::Xiaomi:
        return OutcomeModel::tr("Xiaomi app secret");
    }
    return OutcomeModel::tr("push service");
}

} // namespace

OutcomeAdvice outcomeAdvice(OutcomeKind kind, QStringView applicationPlatform, SentPayload payload)
{
    switch (kind) {
    case OutcomeKind::Success:
        return {OutcomeModel::tr(
                    "The hub handed the notification to the push service, which accepted it."),
                OutcomeModel::tr(
                    "If the device shows nothing, check that the app allows notifications and "
                    "that the payload and its headers suit the app (for Apple, apns-push-type "
                    "must match the aps content).")};
    case OutcomeKind::InvalidHandle:
        return {OutcomeModel::tr(
                    "The push service refused the device handle: it is malformed, or belongs to "
                    "another app or environment (a sandbox APNs token sent to production, for "
                    "example)."),
                OutcomeModel::tr(
                    "The hub has deleted this registration. Let the app register again with a "
                    "fresh handle, and check that the hub's credentials match the app's "
                    "environment.")};
    case OutcomeKind::ExpiredHandle:
        return {OutcomeModel::tr(
                    "The handle is no longer valid: the app was uninstalled, or the push service "
                    "rotated the token."),
                OutcomeModel::tr(
                    "The hub has deleted this registration. The app must register again when it "
                    "next starts.")};
    case OutcomeKind::BadCredentials:
        return {OutcomeModel::tr(
                    "The hub's %1 is wrong or has expired, so the push service refused to talk "
                    "to it.")
                    .arg(credentialName(applicationPlatform)),
                OutcomeModel::tr(
                    "Update the hub's %1 in the Azure portal (Notification Hub, Settings), then "
                    "send again.")
                    .arg(credentialName(applicationPlatform))};
    case OutcomeKind::InvalidPayload:
        if (payload == SentPayload::Template) {
            return {OutcomeModel::tr("The push service refused the payload this registration's "
                                     "template rendered into with the properties sent."),
                    OutcomeModel::tr("Look at what it received (below): fix the template (nhcli "
                                     "templates lint names what is wrong) or send the properties "
                                     "it needs.")};
        }
        return {OutcomeModel::tr("The push service refused the payload."),
                OutcomeModel::tr(
                    "Check the body and its headers against the platform's format; nhconsole "
                    "validates them before sending, so compare with the warnings shown there.")};
    case OutcomeKind::Unknown:
        break;
    }
    return {
        OutcomeModel::tr("The hub reported an outcome that nhconsole does not recognise."),
        OutcomeModel::tr("Search for the exact text in the Notification Hubs documentation; the "
                         "message's telemetry may say more.")};
}

QString outcomeKindLabel(OutcomeKind kind)
{
    switch (kind) {
    case OutcomeKind::Success:
        return OutcomeModel::tr("Accepted");
    case OutcomeKind::InvalidHandle:
        return OutcomeModel::tr("Invalid handle");
    case OutcomeKind::ExpiredHandle:
        return OutcomeModel::tr("Expired handle");
    case OutcomeKind::BadCredentials:
        return OutcomeModel::tr("Bad credentials");
    case OutcomeKind::InvalidPayload:
        return OutcomeModel::tr("Payload refused");
    case OutcomeKind::Unknown:
        break;
    }
    return OutcomeModel::tr("Not recognised");
}

OutcomeModel::OutcomeModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void OutcomeModel::setOutcome(const NotificationOutcome &outcome, SentPayload payload)
{
    beginResetModel();
    m_outcome = outcome;
    m_payload = payload;
    m_kinds.clear();
    m_kinds.reserve(outcome.results.size());
    for (const auto &r : std::as_const(m_outcome.results))
        m_kinds.append(classifyOutcome(r.outcome));
    endResetModel();
}

void OutcomeModel::clear()
{
    setOutcome({});
}

int OutcomeModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_outcome.results.size());
}

int OutcomeModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant OutcomeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RegistrationResult &r = m_outcome.results.at(index.row());
    const OutcomeKind kind = m_kinds.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Platform:
            if (const auto p = platformFromWireName(r.applicationPlatform))
                return platformDisplayName(*p);
            return r.applicationPlatform;
        case Handle:
            return r.pnsHandle;
        case RegistrationId:
            return r.registrationId;
        case Result:
            return outcomeKindLabel(kind);
        case Outcome:
            return r.outcome;
        }
        return {};
    case Qt::ToolTipRole: {
        if (index.column() == Result || index.column() == Outcome) {
            const OutcomeAdvice advice = outcomeAdvice(kind, r.applicationPlatform, m_payload);
            return QString(r.outcome + u"\n\n"_s + advice.cause + u"\n"_s + advice.nextStep);
        }
        if (index.column() == Platform)
            return r.applicationPlatform;
        return data(index, Qt::DisplayRole);
    }
    case OutcomeKindRole:
        return int(kind);
    case SucceededRole:
        return kind == OutcomeKind::Success;
    case CauseRole:
        return outcomeAdvice(kind, r.applicationPlatform, m_payload).cause;
    case NextStepRole:
        return outcomeAdvice(kind, r.applicationPlatform, m_payload).nextStep;
    default:
        return {};
    }
}

QVariant OutcomeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Platform:
        return tr("Platform");
    case Handle:
        return tr("Device handle");
    case RegistrationId:
        return tr("Registration id");
    case Result:
        return tr("Result");
    case Outcome:
        return tr("Hub's outcome");
    }
    return {};
}

} // namespace Nh
