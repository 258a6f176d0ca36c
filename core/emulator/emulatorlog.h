// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/httpheaders.h"
#include "emulator/emulatortemplates.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Nh {

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

    /** Every field; `renders` only when there are some. */
    QJsonObject toJson() const;
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
