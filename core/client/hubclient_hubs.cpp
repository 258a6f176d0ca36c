// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later

// HubClient's calls on the hub's own configuration (docs/protocol.md §14); the data-plane calls
// are in hubclient.cpp.

#include "client/hubclient.h"
#include "client/hublistjob.h"
#include "common/redaction.h"
#include "protocol/operation.h"

#include <QCoreApplication>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Nh::HubClient)
};

const QByteArray kAtomEntryType = "application/atom+xml;type=entry;charset=utf-8"_ba;

/** Empty, only '#'/'*' (the masks seen in ARM samples) or kRedacted: not a value to save. */
bool isMasked(const QString &value)
{
    const QString v = value.trimmed();
    if (v.isEmpty() || v == kRedacted)
        return true;
    return std::all_of(v.cbegin(), v.cend(), [](QChar c) { return c == u'#' || c == u'*'; });
}

} // namespace

QStringList HubClient::maskedSecrets(const HubDescription &description)
{
    QStringList masked;
    for (const PnsCredential &c : description.credentials) {
        for (const auto &[name, value] : c.properties) {
            if (isSecretPnsProperty(c.kind, name) && isMasked(value))
                masked.append(pnsCredentialElementName(c.kind) + u'/' + name);
        }
    }
    for (const AuthorizationRule &r : description.authorizationRules) {
        // An absent key is left out of the PUT; one that came back masked would be reset.
        if (!r.primaryKey.isEmpty() && isMasked(r.primaryKey))
            masked.append(u"AuthorizationRules/"_s + r.keyName + u"/PrimaryKey"_s);
        if (!r.secondaryKey.isEmpty() && isMasked(r.secondaryKey))
            masked.append(u"AuthorizationRules/"_s + r.keyName + u"/SecondaryKey"_s);
    }
    return masked;
}

HubJob *HubClient::getHub(const QString &name)
{
    return start({.operation = operationName(Operation::HubGet),
                  .method = "GET",
                  .path = name,
                  .expect = Expect::HubDescription,
                  .namespaceLevel = true});
}

HubJob *HubClient::createHub(const HubDescription &description)
{
    return start({.operation = operationName(Operation::HubCreate),
                  .method = "PUT",
                  .path = description.name,
                  .headers = {{"Content-Type", kAtomEntryType}},
                  .body = hubDescriptionEntryXml(description),
                  .expect = Expect::HubDescription,
                  .namespaceLevel = true});
}

HubJob *HubClient::updateHub(const HubDescription &description)
{
    const QStringList masked = maskedSecrets(description);
    if (!masked.isEmpty()) {
        // The service resets whatever the PUT leaves out or sends masked: refuse, send nothing.
        Exchange refused;
        refused.operation = operationName(Operation::HubUpdate);
        refused.hub = description.name;
        refused.method = "PUT";
        refused.started = QDateTime::currentDateTimeUtc();
        refused.result = ExchangeResult::Invalid;
        refused.error = makeError(
            ErrorCode::EmptyField,
            Tr::tr("The hub's configuration was not saved: %1 came back empty or masked and was "
                   "not entered again. An update replaces the whole description, so saving it "
                   "would overwrite the real value. Enter the value again (or remove that "
                   "credential) and save.")
                .arg(masked.join(u", "_s)));
        refused.error->where = masked.first();
        refused.errorSentence = refused.error->message;
        return new HubJob(this, refused);
    }
    return start({.operation = operationName(Operation::HubUpdate),
                  .method = "PUT",
                  .path = description.name,
                  .headers = {{"Content-Type", kAtomEntryType}, {"If-Match", "*"}},
                  .body = hubDescriptionEntryXml(description),
                  .expect = Expect::HubDescription,
                  .namespaceLevel = true});
}

HubJob *HubClient::deleteHub(const QString &name)
{
    return start({.operation = operationName(Operation::HubDelete),
                  .method = "DELETE",
                  .path = name,
                  .namespaceLevel = true});
}

HubListJob *HubClient::listHubs()
{
    return new HubListJob(this);
}

} // namespace Nh
