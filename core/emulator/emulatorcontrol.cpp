// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "emulator/emulatoroperations.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace Nh::EmulatorOps {

namespace {

/** The parameters `GET /$emulator/deliveries` takes. */
const QStringList &deliveryParameters()
{
    static const QStringList names {u"hub"_s, u"handle"_s, u"registration"_s, u"installation"_s,
                                    u"tag"_s, u"since"_s,  u"limit"_s};
    return names;
}

} // namespace

EmulatorReply controlDeliveries(const EmulatorRequest &request, EmulatorState &state)
{
    if (request.method == "DELETE") {
        state.deliveries().clear();
        EmulatorReply r;
        r.status = 204;
        return r;
    }
    if (request.method != "GET") {
        EmulatorReply refusal = EmulatorService::jsonError(
            405,
            Tr::tr("The method %1 is not allowed on %2; allowed: GET, DELETE.")
                .arg(QString::fromLatin1(request.method), request.url.path()));
        refusal.headers.append({"Allow"_ba, "GET, DELETE"_ba});
        return refusal;
    }
    const auto query = queryItems(request.url);
    for (auto it = query.cbegin(); it != query.cend(); ++it) {
        if (!deliveryParameters().contains(it.key())) {
            return EmulatorService::jsonError(
                400,
                Tr::tr("Unknown parameter '%1'; the deliveries take %2.")
                    .arg(it.key(), deliveryParameters().join(u", "_s)));
        }
    }
    DeliveryFilter filter;
    filter.hub = query.value(u"hub"_s);
    if (!filter.hub.isEmpty() && !state.hub(filter.hub)) {
        return EmulatorService::jsonError(404,
                                          Tr::tr("There is no hub '%1' (hubs: %2).")
                                              .arg(filter.hub, state.hubNames().join(u", "_s)));
    }
    filter.handle = query.value(u"handle"_s);
    filter.registrationId = query.value(u"registration"_s);
    filter.installationId = query.value(u"installation"_s);
    filter.tag = query.value(u"tag"_s);
    if (const QString since = query.value(u"since"_s); !since.isEmpty()) {
        bool isNumber = false;
        const qint64 sequence = since.toLongLong(&isNumber);
        const QDateTime time = QDateTime::fromString(since, Qt::ISODateWithMs);
        if (isNumber && sequence >= 0) {
            filter.afterSequence = sequence;
        } else if (time.isValid() && !isNumber) {
            filter.since = time;
        } else {
            return EmulatorService::jsonError(
                400,
                Tr::tr("'since' takes a log sequence number (deliveries of later requests) "
                       "or an ISO 8601 time such as 2026-01-31T12:00:00.000Z, not '%1'.")
                    .arg(since));
        }
    }
    if (query.contains(u"limit"_s)) {
        bool ok = false;
        filter.limit = query.value(u"limit"_s).toInt(&ok);
        if (!ok || filter.limit < 1 || filter.limit > EmulatorDeliveries::kMaxLimit) {
            return EmulatorService::jsonError(
                400,
                Tr::tr("'limit' takes a number from 1 to %1, not '%2'.")
                    .arg(EmulatorDeliveries::kMaxLimit)
                    .arg(query.value(u"limit"_s)));
        }
    }

    bool more = false;
    QList<qint64> sends;
    const EmulatorDeliveries &records = state.deliveries();
    QJsonArray list;
    for (const EmulatorDelivery &d : records.query(filter, &more, &sends))
        list.append(d.toJson());
    QJsonArray sendList;
    for (const qint64 send : std::as_const(sends)) {
        if (records.countOf(send) == 0)
            continue; // a send too old to be remembered
        sendList.append(QJsonObject {{u"sequence"_s, records.sequenceOf(send)},
                                     {u"deliveryCount"_s, records.countOf(send)}});
    }
    const QJsonObject body {{u"deliveries"_s, list},
                            {u"count"_s, list.size()},
                            {u"more"_s, more},
                            {u"sends"_s, sendList}};
    return EmulatorService::jsonReply(200, QJsonDocument(body));
}

} // namespace Nh::EmulatorOps
