// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "client/resend.h"

#include "common/redaction.h"
#include "protocol/operation.h"

#include <QCoreApplication>
#include <QHash>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

/** The translation context of this file's messages (they were the history store's). */
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Nh::HistoryStore)
};

} // namespace

QString pathBelowHub(const QUrl &url, const QString &hub)
{
    const QStringList segments = url.path().split(u'/', Qt::SkipEmptyParts);
    for (qsizetype i = 0; i < segments.size(); ++i) {
        if (segments.at(i).compare(hub, Qt::CaseInsensitive) == 0)
            return segments.mid(i + 1).join(u'/');
    }
    return {};
}

Expect expectedResponse(const QString &operation)
{
    static const QHash<QString, Expect> table = {
        {operationName(Operation::SendTest), Expect::Outcome},
        {operationName(Operation::RegistrationsCreate), Expect::Registration},
        {operationName(Operation::RegistrationsPut), Expect::Registration},
        {operationName(Operation::RegistrationsGet), Expect::Registration},
        {operationName(Operation::RegistrationsList), Expect::Feed},
        {operationName(Operation::RegistrationsByTag), Expect::Feed},
        {operationName(Operation::InstallationsGet), Expect::Installation},
        {operationName(Operation::TelemetryGet), Expect::Details},
        {operationName(Operation::FeedbackGet), Expect::Text},
    };
    return table.value(operation, Expect::Nothing);
}

Result<HubRequest> resendRequest(const Exchange &e)
{
    if (e.url.isEmpty() || !e.url.isValid()) {
        return makeError(ErrorCode::MissingField,
                         Tr::tr("The exchange of %1 was never sent (%2), so "
                                "there is no request to send again")
                             .arg(e.started.toLocalTime().toString(Qt::ISODate),
                                  e.errorSentence.isEmpty() ? exchangeResultDisplayName(e.result)
                                                            : e.errorSentence),
                         -1, 0, u"url"_s);
    }
    const QString path = pathBelowHub(e.url, e.hub);
    if (e.hub.isEmpty() || path.isEmpty()) {
        return makeError(ErrorCode::InvalidValue,
                         Tr::tr("The stored URL %1 is not below the hub "
                                "\"%2\", so it cannot be sent again")
                             .arg(e.url.toString(), e.hub),
                         -1, 0, u"url"_s);
    }
    HubRequest r;
    r.operation = e.operation;
    r.method = e.method;
    r.path = path;
    r.body = e.requestBody;
    r.expect = expectedResponse(e.operation);
    const QByteArray query = e.url.query(QUrl::FullyEncoded).toUtf8();
    for (const QByteArray &part : query.split('&')) {
        if (part.isEmpty())
            continue;
        const qsizetype eq = part.indexOf('=');
        const QString name = QUrl::fromPercentEncoding(eq < 0 ? part : part.first(eq));
        if (name == u"api-version"_s)
            continue;
        r.query.append({name, eq < 0 ? QString() : QUrl::fromPercentEncoding(part.sliced(eq + 1))});
    }
    bool redacted = e.requestBody.contains(kRedacted.toString().toUtf8());
    for (const auto &[name, value] : e.requestHeaders) {
        if (name.compare("Authorization", Qt::CaseInsensitive) == 0
            || name.compare("x-ms-version", Qt::CaseInsensitive) == 0)
            continue;
        redacted = redacted || value.contains(kRedacted.toString().toUtf8());
        r.headers.append({name, value});
    }
    Result<HubRequest> result(std::move(r));
    if (redacted) {
        result.addWarning({Tr::tr("A secret in this exchange was redacted when it was stored; the "
                                  "request sent again carries \"[redacted]\" in its place"),
                           -1, 0});
    }
    return result;
}

} // namespace Nh
