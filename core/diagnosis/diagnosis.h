// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/exchange.h"
#include "common/httpheaders.h"
#include "common/result.h"
#include "protocol/installation.h"
#include "protocol/platform.h"
#include "protocol/registration.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QUuid>
#include <optional>

namespace Nh {

/**
 * The data of a device diagnosis (issue #19, docs/diagnosis.md): whom it is about, the send that
 * did not arrive, and what each check found. Plain values: the engine (diagnosisengine.h) fills
 * them, the Diagnose page, `nhcli diagnose` and the exports read them.
 */

/** A check's verdict, from best to worst for sorting; CannotTell ranks between. */
enum class DiagnosisVerdict {
    Pending, ///< not run yet (or still running)
    Ok,
    CannotTell, ///< the check lacked data (no send given, a request failed, a right missing)
    Warning,
    Problem,
};
/** "ok", "warning", "problem", "cannot-tell", "pending" (JSON, never translated). */
QString diagnosisVerdictKey(DiagnosisVerdict verdict);
/** The translated word shown in views ("OK", "Problem" …). */
QString diagnosisVerdictName(DiagnosisVerdict verdict);

/** The checks, in the order they are shown (issue #19 "What is diagnosed" 1–8). */
enum class DiagnosisCheckId {
    Registered, ///< 1. registrations for the handle / the installation exist
    Duplicates, ///< 2. one handle in several registrations; native + template both matching
    PlatformFormat, ///< 3. the send's format reaches the platform; legacy GCM; FCM v1
    Expiry, ///< 4. expired or expiring registrations and installations
    Tags, ///< 5. the send's tag expression against each registration's tags
    Template, ///< 6. what each template registration renders to for the send's properties
    HubConfiguration, ///< 7. credential for the platform, APNs mode/environment, expiry, key rights
    TestSend, ///< 8. a test send reaching exactly this device (only when asked for)
};
/** "registered", "duplicates", "platform", "expiry", "tags", "template", "hub", "test-send". */
QString diagnosisCheckKey(DiagnosisCheckId id);
/** The translated title ("Registered at all", …). */
QString diagnosisCheckTitle(DiagnosisCheckId id);
/** Every check id in display order. */
QList<DiagnosisCheckId> allDiagnosisChecks();

/** Whom the diagnosis is about. */
struct DiagnosisSubject
{
    enum class Kind {
        Handle, ///< a PNS handle (device token, FCM token, channel URI, endpoint …)
        Registration, ///< a registration id
        Installation, ///< an installation id
        User, ///< a user id: the tag `$UserId:{…}`
    };
    Kind kind = Kind::Handle;
    QString value;
    /// For a handle: its platform when known (narrows the by-channel query); empty = try each
    /// platform whose handles can look like this one.
    std::optional<Platform> platform;

    /** "handle", "registration", "installation", "user". */
    static QString kindKey(Kind kind);
    /** `Handle 8f3a…` shortened for titles (handles are not secrets; never cut the id types). */
    QString displayText() const;
};

/** The send that did not arrive (optional): typed in, or read from a history exchange. */
struct DiagnosisSend
{
    std::optional<Format> format;
    QString tagExpression; ///< empty = broadcast
    QMap<QString, QString> properties; ///< template properties (format template)
    HttpHeaders headers; ///< headers the send set (platform headers, …)
    QUuid exchangeId; ///< the history exchange it was read from; null when typed
    QByteArray body; ///< the native payload when known
    /// A direct send's ServiceBusNotification-DeviceHandle (empty for tag and broadcast sends).
    QString deviceHandle;

    /** The send an exchange made (a send or test send); an Error when it is no send. */
    static Result<DiagnosisSend> fromExchange(const Exchange &exchange);
    bool isEmpty() const { return !format && tagExpression.isEmpty() && properties.isEmpty(); }
};

/** The result of one check. All texts are translated, secrets never appear in them. */
struct DiagnosisCheck
{
    DiagnosisCheckId id = DiagnosisCheckId::Registered;
    DiagnosisVerdict verdict = DiagnosisVerdict::Pending;
    /// One sentence: what was found ("The handle is in 2 registrations: …").
    QString summary;
    /// Further lines of evidence in words (one per registration, sub-expression, property …).
    QStringList details;
    /// What to do next; empty when nothing needs doing.
    QString nextStep;
    /// The exchanges this check used (ids into DiagnosisReport::exchanges), in request order.
    QList<QUuid> evidence;
    /// How strongly a Problem/Warning explains a missing push (higher = more likely the cause);
    /// the verdict line picks the highest. 0 for Ok/CannotTell.
    int weight = 0;
    /// Check 5/6/8: the registrations it is about (ids), for views that link to them.
    QStringList registrationIds;
    /// Check 6: the payload a registration renders to (registration id → body), redacted.
    QMap<QString, QByteArray> rendered;
};

/** A whole diagnosis: subject, send, the checks as finished, and their evidence. */
struct DiagnosisReport
{
    QString hub;
    QString profileName; ///< empty in the CLI without a profile
    DiagnosisSubject subject;
    std::optional<DiagnosisSend> send;
    QDateTime started; ///< UTC
    QDateTime finished; ///< UTC; invalid while running or when cancelled
    bool cancelled = false;

    QList<DiagnosisCheck> checks; ///< display order; a check not run yet is Pending
    /// Every request made, redacted (Exchange::requestHeaders already are; no authorization).
    QList<Exchange> exchanges;
    /// What was found about the subject.
    QList<Registration> registrations;
    std::optional<Installation> installation;

    /** Requests sent (exchanges.size() minus those refused before sending). */
    int requests() const;
    const DiagnosisCheck *check(DiagnosisCheckId id) const;
    DiagnosisCheck *check(DiagnosisCheckId id);
    const Exchange *exchange(const QUuid &id) const;

    /** The worst verdict of all checks (Pending while any is). */
    DiagnosisVerdict overall() const;
    /** The most likely cause: the Problem (else Warning) with the highest weight; null when
     *  every check is Ok or CannotTell. */
    const DiagnosisCheck *likelyCause() const;
    /** The verdict line on top: "Most likely cause: … Fix: …", or "Every check passed." */
    QString verdictLine() const;
};

} // namespace Nh
