// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QJsonObject>
#include <QList>
#include <QMutex>
#include <QString>
#include <optional>

namespace Nh {

/** What the emulator does instead of (or on top of) answering normally. */
enum class FaultKind {
    Delay, ///< answer normally after delayMs
    Stall, ///< accept the request and never send a byte
    Reset, ///< close the connection with a TCP reset, no response
    Status, ///< answer `status` with the service's <Error> body (+ Retry-After)
    Garbage, ///< the success status with a body of random bytes
    Truncated, ///< the real response with half of its body and a full Content-Length
    Empty, ///< the success status with an empty body
    WrongContentType, ///< an HTML error page, as a proxy in the way would send
    Oversized, ///< the success status with a body far larger than any real one
};
// Garbage, Truncated, Empty, WrongContentType and Oversized answer 200 instead where the success
// status is 204 (installations.delete): a 204 cannot carry a body, and one written after it
// would corrupt the next response on a keep-alive connection. A misbehaving proxy answers the
// same way; the client then judges the 200 and its body like any other.

struct Fault
{
    FaultKind kind = FaultKind::Status;
    int status = 500; ///< for Status
    int retryAfterSeconds = -1; ///< for Status: the Retry-After header, -1 = none
    int delayMs = 0; ///< for Delay

    /** "reset", "stall", "delay=1500", "status=429;retry-after=2", "garbage", … */
    static Result<Fault> parse(QStringView spec);
    QString toString() const;
};

/**
 * A fault that applies to the requests it matches: an operation name as operationName() spells
 * it ("send.test", "registrations.list", …), the first part of one ("send" covers every send,
 * "registrations" every registration route) or "*"; optionally one hub; for the next `count`
 * matches (-1: all).
 */
struct FaultRule
{
    QString operation = QStringLiteral("*");
    QString hub; ///< empty: any hub
    int count = -1;
    Fault fault;

    static Result<FaultRule> fromJson(const QJsonObject &json);
    QJsonObject toJson() const;
};

/** The emulator's rules; thread-safe so tests can arm faults while requests are served. */
class FaultInjector
{
public:
    void add(const FaultRule &rule);
    void clear();
    QList<FaultRule> rules() const;
    /** The first rule matching, consumed once (a rule whose count reaches 0 is removed). */
    std::optional<Fault> take(const QString &operation, const QString &hub);

private:
    mutable QMutex m_mutex;
    QList<FaultRule> m_rules;
};

} // namespace Nh
