// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/httpheaders.h"
#include "emulator/emulatortemplates.h"
#include "protocol/platform.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace Nh {

/**
 * What one reached registration received from one send (issue #20, docs/protocol.md §9.11):
 * the payload after template rendering and the platform headers, as the emulator would have
 * handed them to the PNS. Kept, bounded, by the emulator for `GET /$emulator/deliveries`, and
 * attached (the first few) to the send's log entry.
 */
struct EmulatorDelivery
{
    qint64 sequence = 0; ///< the log sequence of the send it came from
    QDateTime time;
    QString hub;
    QString registrationId;
    QString installationId; ///< empty for a registration made over the registrations API
    Platform platform = Platform::Apple;
    QString handle;
    QString format; ///< the send's format wire name ("template", "apple", …)
    QString templateName; ///< the template that rendered the payload; empty for native sends
    HttpHeaders headers; ///< the platform headers the PNS would get (apns-*, X-WNS-Type, …)
    QByteArray payload; ///< after rendering; cut at EmulatorRender::kMaxLoggedBody
    bool truncated = false;
    QString outcome; ///< the outcome text of the registration (notificationoutcome.h)
    QString notificationId; ///< the send's notification id (Location), empty for a test send
    bool test = false; ///< from a test send
    /// The registration's tags when it was reached (what `GET /$emulator/deliveries?tag=`
    /// selects on); empty for a direct send.
    QStringList tags;

    QJsonObject toJson() const;
    /** Reads toJson()'s form; std::nullopt when a required key is missing or mistyped. */
    static std::optional<EmulatorDelivery> fromJson(const QJsonObject &object);
};

/** One exchange the emulator served, as its request log shows it: secrets are redacted. */
struct EmulatorLogEntry
{
    qint64 sequence = 0;
    QDateTime time;
    QString operation;
    QString hub;
    QByteArray method;
    QString url;
    HttpHeaders requestHeaders;
    QByteArray requestBody;
    int status = 0; ///< 0 when no response was sent (reset, stall)
    HttpHeaders responseHeaders;
    QByteArray responseBody;
    QString fault; ///< the injected fault, empty when none
    qint64 elapsedMicroseconds = 0;
    /// A template send: what each reached template registration received, for the first
    /// EmulatorState::kTestSendLimit of them (bodies cut at EmulatorRender::kMaxLoggedBody).
    QList<EmulatorRender> renders;
    /// A send: what the reached registrations received, the first kLoggedDeliveries of them;
    /// deliveryCount says how many there were in all (a real send's later chunks included
    /// once they ran).
    QList<EmulatorDelivery> deliveries;
    qint64 deliveryCount = 0;
    static constexpr int kLoggedDeliveries = 10;

    /** Every field; `renders` and `deliveries` only when there are some. */
    QJsonObject toJson() const;
    /** Reads toJson()'s form (the traffic stream, `GET /$emulator/traffic`); std::nullopt when a
     *  required key is missing or mistyped. `renders` are not read back. */
    static std::optional<EmulatorLogEntry> fromJson(const QJsonObject &object);
    /** `12:00:01.123 POST /myHub/messages?… 201 send.test 0.8 ms` */
    QString summary() const;
    /**
     * summary() and, for a template send, an indented block per rendered registration: its
     * outcome, the payload, the properties it lacked, empty substitutions and warnings
     * (what `nhemulator --log` prints).
     */
    QString text() const;
};

} // namespace Nh
