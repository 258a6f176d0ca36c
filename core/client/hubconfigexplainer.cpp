// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Explanations of the calls on the hub's own configuration (docs/protocol.md §14.3); the
// rest of the explainer is explainer.cpp.

#include "client/explainer.h"
#include "protocol/operation.h"

#include <QCoreApplication>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Nh::Explainer)
};

const QString kDocsSecurity =
    u"https://learn.microsoft.com/azure/notification-hubs/notification-hubs-push-notification-security"_s;
const QString kDocsHubRest =
    u"https://learn.microsoft.com/rest/api/notificationhubs/notification-hubs"_s;

/** The key name the request was signed with, for the sentences; empty when unknown. */
QString keyName(const Exchange &e)
{
    if (e.token)
        return e.token->keyName;
    // skn is not secret: read it from the header as sent (the redacted copy keeps it).
    QString header = e.authorization;
    if (header.isEmpty())
        header = QString::fromUtf8(
            headerValue(e.requestHeaders, "Authorization").value_or(QByteArray()));
    const auto token = Sas::decode(header);
    return token ? token->keyName : QString();
}

/** The hub a hub.* call was about: the last segment of its URL path. */
QString hubOf(const Exchange &e)
{
    const QString name = e.url.path().section(u'/', -1);
    return name.isEmpty() ? e.hub : name;
}

} // namespace

std::optional<Explanation> explainHubConfigExchange(const Exchange &e)
{
    if ((!e.operation.startsWith(u"hub."_s) && !e.operation.startsWith(u"hubs."_s))
        || e.result != ExchangeResult::HubError)
        return std::nullopt;
    const bool reading = e.operation == operationName(Operation::HubGet)
        || e.operation == operationName(Operation::HubList);

    // The service's answer for a hub that does not exist: 200 with an empty feed.
    if (e.status >= 200 && e.status <= 299 && e.error && e.error->code == ErrorCode::NotFound) {
        Explanation x;
        x.cause = Tr::tr("The namespace has no hub named '%1': the service answers 200 with an "
                         "empty list for a hub that does not exist.")
                      .arg(hubOf(e));
        x.nextStep = Tr::tr("Check the hub name of the profile against the namespace's hubs "
                            "(nhcli hub list, or the portal).");
        x.docsHint = kDocsHubRest;
        return x;
    }

    const QString text = e.hubError ? e.hubError->text : QString::fromUtf8(e.responseBody);
    const HubErrorKind kind = classifyHubError(e.status, text);
    if (kind == HubErrorKind::ClaimRequired || kind == HubErrorKind::Forbidden) {
        const QString key = keyName(e);
        Explanation x;
        if (reading && kind == HubErrorKind::ClaimRequired) {
            x.cause = key.isEmpty()
                ? Tr::tr("The hub answered \"Manage claim is required for this operation\". "
                         "Reading a hub's configuration needs a key with the Manage right, but "
                         "the service gives a wrong key the same answer here: either the key "
                         "lacks Manage, or it is wrong (rotated or mistyped). nhconsole cannot "
                         "tell which from this answer.")
                : Tr::tr("The hub answered \"Manage claim is required for this operation\". "
                         "Reading a hub's configuration needs a key with the Manage right, but "
                         "the service gives a wrong key the same answer here: either the rule "
                         "%1 lacks Manage, or its key is wrong (rotated or mistyped). nhconsole "
                         "cannot tell which from this answer.")
                      .arg(key);
        } else {
            x.cause = Tr::tr("The key's rule does not grant the Manage right, which reading and "
                             "changing a hub's configuration need.");
        }
        x.nextStep = Tr::tr("Use a key with Manage, for example the hub's "
                            "DefaultFullSharedAccessSignature or the namespace's "
                            "RootManageSharedAccessKey, copied again from the portal's Access "
                            "Policies (a Listen or Send key cannot read the hub's configuration).");
        x.docsHint = kDocsSecurity;
        return x;
    }
    if (e.status == 409 && e.operation == operationName(Operation::HubCreate)) {
        Explanation x;
        x.cause = Tr::tr("A hub named '%1' already exists (SubCode 40900): a PUT without If-Match "
                         "only creates.")
                      .arg(hubOf(e));
        x.nextStep = Tr::tr("Update the existing hub instead (its whole description, with "
                            "If-Match: *), or choose another name.");
        x.docsHint = kDocsHubRest;
        return x;
    }
    if (e.status == 404
        && (e.operation == operationName(Operation::HubDelete)
            || e.operation == operationName(Operation::HubUpdate))) {
        Explanation x;
        x.cause = Tr::tr("The namespace has no hub named '%1' (\"No service is hosted at the "
                         "specified address\").")
                      .arg(hubOf(e));
        x.nextStep = Tr::tr("Check the hub name against the namespace's hubs (nhcli hub list).");
        x.docsHint = kDocsHubRest;
        return x;
    }
    return std::nullopt;
}

std::optional<Explanation> explainHubConfigCause(const Exchange &e)
{
    if (e.result != ExchangeResult::HubError || e.status != 400)
        return std::nullopt;
    const QString text = e.hubError ? e.hubError->text : QString::fromUtf8(e.responseBody);
    if (!text.contains(u"no target applications"_s, Qt::CaseInsensitive))
        return std::nullopt;
    Explanation x;
    x.cause = Tr::tr("The hub has no credential for this notification's platform, so there is "
                     "no application to send to: the service answers 400 \"The notification "
                     "has no target applications\".");
    x.nextStep = Tr::tr("Add the platform's credential to the hub (the Hub page shows which are "
                        "configured), or send in a format the hub has a credential for.");
    x.docsHint = kDocsHubRest;
    x.hubConfiguration = true;
    return x;
}

} // namespace Nh
