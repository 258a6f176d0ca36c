// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "diagnosis/diagnosis.h"
#include "protocol/hubdescription.h"
#include "protocol/notificationoutcome.h"
#include "protocol/tagexpression.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QUuid>
#include <optional>

namespace Nh {

/**
 * What the diagnosis engine gathered about one device before judging it (docs/diagnosis.md):
 * the registrations and installations found by the targeted queries, the hub's description (or
 * why it could not be read), what the local history says, and the test send when one was asked
 * for. The checks (DiagnosisChecks) are pure functions of it, so each can be tested on its own.
 */
struct DiagnosisFacts
{
    DiagnosisSubject subject;
    std::optional<DiagnosisSend> send;
    /// The send's tag expression parsed; nullopt for a broadcast or when it does not parse.
    std::optional<TagExpression> expression;
    /// Why the send's tag expression does not parse; empty when it does (or there is none).
    QString expressionError;
    QDateTime now = QDateTime::currentDateTimeUtc();

    /// Every registration of the device (by channel, by id, by the installation or user tag),
    /// each once, in the order found.
    QList<Registration> registrations;
    QList<Installation> installations;
    /// The subject's own query found nothing (404 for an id, an empty listing for a handle).
    bool subjectMissing = false;
    /// A query about the subject failed (not a 404): why, in one sentence; empty otherwise.
    QString lookupFailure;
    /// Registrations found only through a listing that stopped at its page bound.
    bool truncated = false;
    /// The exchanges that found the registrations and installations, in request order.
    QList<QUuid> subjectEvidence;
    /// The by-channel listings (duplicates), in request order.
    QList<QUuid> channelEvidence;

    /// The hub description (GET /{hub}; Manage); nullopt when it could not be read.
    std::optional<HubDescription> hub;
    /// Why the description could not be read (401/403 without Manage, transport …).
    QString hubFailure;
    QUuid hubEvidence;
    /// The profile's name for the sentences about the key's rights; empty: the key's name.
    QString profileName;
    /// The connection's key, to find its rule's rights in the description (never shown).
    QString keyName;
    QString key;

    /// What earlier outcomes in the local history said about the device's handles.
    struct HandleReport
    {
        QDateTime when; ///< UTC
        OutcomeKind kind = OutcomeKind::InvalidHandle;
        QString handle;
        QUuid exchangeId;
    };
    QList<HandleReport> historyReports;
    bool historyAsked = false;

    /// The test send of check 8 once it ran (its exchange).
    std::optional<Exchange> testSend;
    /// Check 8 on request without a test send: the direct send, then the last telemetry answer.
    std::optional<Exchange> directSend;
    std::optional<Exchange> telemetry;
    /// Telemetry was asked this many times and still said Enqueued/Processing.
    int telemetryPolls = 0;
    /// Why check 8 cannot target exactly this device with a test send; empty when it can.
    QString whyNoTestSend;
    /// The tag expression a test send uses to reach exactly this device.
    QString testTag;

    /** The device's handles (subject handle first), each once. */
    QStringList handles() const;
    /** The platforms of the registrations, each once; the subject's when none. */
    QList<Platform> platforms() const;
    /** The registrations a send in `format` reaches by its kind alone (formatReaches()). */
    QList<Registration> reachedByFormat(Format format) const;
};

/**
 * The platforms whose handles can look like `handle`, most likely first (docs/diagnosis.md):
 * a URL is a WNS channel or a Web Push endpoint, an `amzn1.` id ADM, an id with `:` or `APA91`
 * FCM v1 or legacy GCM, 32 or more letters and digits an APNs token, digits alone Baidu; anything
 * else the Android-like services.
 */
QList<Platform> platformsForHandleShape(const QString &handle);

/** The checks 1–8 of docs/diagnosis.md, one pure function each (core/diagnosis/checks/). */
namespace DiagnosisChecks {
DiagnosisCheck registered(const DiagnosisFacts &facts);
DiagnosisCheck duplicates(const DiagnosisFacts &facts);
DiagnosisCheck platformFormat(const DiagnosisFacts &facts);
DiagnosisCheck expiry(const DiagnosisFacts &facts);
DiagnosisCheck tags(const DiagnosisFacts &facts);
DiagnosisCheck templates(const DiagnosisFacts &facts);
DiagnosisCheck hubConfiguration(const DiagnosisFacts &facts);
/** Check 8 from facts.testSend (Pending while it has not run). */
DiagnosisCheck testSend(const DiagnosisFacts &facts);

/** The check of `id` (dispatches to the functions above). */
DiagnosisCheck run(DiagnosisCheckId id, const DiagnosisFacts &facts);

/**
 * Why `expression` does not match `tags`, naming the sub-expression that excluded it:
 * "`sports && !lang:fr`: excluded by `!lang:fr`, the registration has `lang:fr`". Empty when it
 * matches.
 */
QString whyExcluded(const TagExpression &expression, const QStringList &tags);
/** The text of a parsed term, parenthesised where needed ("a && (b || !c)"). */
QString termText(const TagExpression::Term &term);

/** A check with nothing to look at: CannotTell, saying there is no registration to check. */
DiagnosisCheck nothingToCheck(DiagnosisCheckId id, const DiagnosisFacts &facts);

/** Weights of the causes (docs/diagnosis.md, "Verdict"): higher is more likely the cause. */
namespace Weight {
inline constexpr int NotRegistered = 100;
inline constexpr int ChannelExpired = 98;
inline constexpr int ApnsEnvironment = 96;
inline constexpr int KeyCannotSend = 94;
inline constexpr int NoCredential = 93;
inline constexpr int FormatMismatch = 90;
inline constexpr int HubCredentialBroken = 88;
inline constexpr int TagsExcluded = 86;
inline constexpr int LegacyGcm = 84;
inline constexpr int Expired = 80;
inline constexpr int TemplateInvalid = 76;
inline constexpr int TemplateMissing = 72;
inline constexpr int TestSendFailed = 60;
inline constexpr int Duplicates = 45;
inline constexpr int HistoryReported = 40;
inline constexpr int DuplicateMatch = 35;
inline constexpr int TemplateLint = 30;
inline constexpr int Expiring = 25;
inline constexpr int HubWarning = 20;
} // namespace Weight

/** Translation context of the checks' sentences. */
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Nh::DiagnosisChecks)
};

} // namespace DiagnosisChecks

} // namespace Nh
