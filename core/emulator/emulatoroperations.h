// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to nh_emulator: what EmulatorService's routes hand a request to. The operations are
// grouped by collection: emulatorsends.cpp (sends, scheduled sends), emulatorregistrations.cpp,
// emulatorinstallations.cpp, emulatortelemetry.cpp (telemetry, feedback container).

#include "emulator/emulatorservice.h"
#include "emulator/emulatorstate.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QMultiHash>
#include <QStringList>
#include <optional>

namespace Nh::EmulatorOps {

/** The translation context of the operations' messages: the service's, as before the split. */
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Nh::EmulatorService)
};

inline const QByteArray kXml = QByteArrayLiteral("application/xml; charset=utf-8");
inline const QByteArray kAtomEntry =
    QByteArrayLiteral("application/atom+xml; type=entry; charset=utf-8");
inline const QByteArray kAtomFeed =
    QByteArrayLiteral("application/atom+xml; type=feed; charset=utf-8");

/** One authorized request to a hub, as an operation sees it. */
struct Context
{
    const EmulatorRequest &request;
    const EmulatorService &service;
    EmulatorState *state = nullptr;
    QStringList segments; ///< path segments after the hub
    QMultiHash<QString, QString> query;
    EmulatorHub *hub = nullptr;
    const SasRule *rule = nullptr;
    QString apiVersion;
    QDateTime now;
    /** Test sends per hub in the last minute; null when test sends are not throttled. */
    QHash<QString, QList<QDateTime>> *testSends = nullptr;

    QByteArray header(QByteArrayView name) const;
    bool hasHeader(QByteArrayView name) const;
    /** `https://host:port/` as the client addressed us. */
    QString origin() const;
    QString hubUrl() const;
    /** EmulatorService::error(). */
    EmulatorReply error(int status, const QString &text, int retryAfterSeconds = -1) const;
};

/**
 * Query items with names lower-cased, names and values percent-decoded and '+' read as a
 * space (docs/protocol.md §9.7 rule 5). A flag without '=' has an empty value.
 */
QMultiHash<QString, QString> queryItems(const QUrl &url);
/** True when the query has `name` as a bare flag or with true/1. */
bool flag(const QMultiHash<QString, QString> &q, const QString &name);
/** `"3"`, `W/"3"`, `3` → 3; `*` → 0; nullopt when unreadable. */
std::optional<qint64> parseEtag(const QByteArray &value);
QByteArray etagHeader(qint64 etag);

// --- sends (emulatorsends.cpp) ---
EmulatorReply send(Context &c);
EmulatorReply sendDirect(Context &c);
EmulatorReply sendBatch(Context &c);
EmulatorReply sendScheduled(Context &c);
EmulatorReply cancelScheduled(Context &c, const QString &id);

// --- the delivery records' control route (emulatorcontrol.cpp) ---
/** `GET` / `DELETE /$emulator/deliveries` (docs/protocol.md §9.11). */
EmulatorReply controlDeliveries(const EmulatorRequest &request, EmulatorState &state);

// --- telemetry and feedback (emulatortelemetry.cpp) ---
EmulatorReply telemetry(Context &c, const QString &id);
EmulatorReply feedbackContainer(Context &c);

// --- registrations (emulatorregistrations.cpp) ---
EmulatorReply createRegistrationId(Context &c);
EmulatorReply createRegistration(Context &c);
EmulatorReply putRegistration(Context &c, const QString &id);
EmulatorReply getRegistration(Context &c, const QString &id);
EmulatorReply deleteRegistration(Context &c, const QString &id);
/** All registrations, or those with `tag` (case-insensitively), a page at a time. */
EmulatorReply listRegistrations(Context &c, const QString &tag);

// --- installations (emulatorinstallations.cpp) ---
EmulatorReply putInstallation(Context &c, const QString &id);
EmulatorReply getInstallation(Context &c, const QString &id);
EmulatorReply patchInstallation(Context &c, const QString &id);
EmulatorReply deleteInstallation(Context &c, const QString &id);

// --- the hubs themselves: GET/PUT/DELETE /{hub} and the lists (emulatorhubs.cpp) ---
/**
 * The hub management operation a request to `segments` (the whole path) is: "hubs.list" (`/`,
 * `/$Resources/NotificationHubs`), "hub.get", "hub.create", "hub.update" (PUT with If-Match),
 * "hub.delete", "hub.<method>" for another method on `/{hub}`; empty for any other path.
 */
QString hubOperation(const QStringList &segments, const EmulatorRequest &request);
/** Answers an authenticated hub management request (Manage claim checked here). */
EmulatorReply manageHubs(Context &c, const QString &operation);
/** The rules of the hub's own description named `keyName`, one per key, as SAS rules. */
QList<SasRule> hubRules(const EmulatorState &state, const QString &hubName, const QString &keyName);
/** The 401 text of a hub management request without the Manage claim (the service's). */
QString manageClaimRequiredText();

} // namespace Nh::EmulatorOps
