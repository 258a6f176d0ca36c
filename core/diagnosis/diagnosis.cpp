// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "diagnosis/diagnosis.h"

#include "protocol/notification.h"

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

QString diagnosisVerdictKey(DiagnosisVerdict verdict)
{
    switch (verdict) {
    case DiagnosisVerdict::Pending:
        return u"pending"_s;
    case DiagnosisVerdict::Ok:
        return u"ok"_s;
    case DiagnosisVerdict::CannotTell:
        return u"cannot-tell"_s;
    case DiagnosisVerdict::Warning:
        return u"warning"_s;
    case DiagnosisVerdict::Problem:
        return u"problem"_s;
    }
    return {};
}

QString diagnosisVerdictName(DiagnosisVerdict verdict)
{
    switch (verdict) {
    case DiagnosisVerdict::Pending:
        return QCoreApplication::translate("Nh::Diagnosis", "Pending");
    case DiagnosisVerdict::Ok:
        return QCoreApplication::translate("Nh::Diagnosis", "OK");
    case DiagnosisVerdict::CannotTell:
        return QCoreApplication::translate("Nh::Diagnosis", "Cannot tell");
    case DiagnosisVerdict::Warning:
        return QCoreApplication::translate("Nh::Diagnosis", "Warning");
    case DiagnosisVerdict::Problem:
        return QCoreApplication::translate("Nh::Diagnosis", "Problem");
    }
    return {};
}

QString diagnosisCheckKey(DiagnosisCheckId id)
{
    switch (id) {
    case DiagnosisCheckId::Registered:
        return u"registered"_s;
    case DiagnosisCheckId::Duplicates:
        return u"duplicates"_s;
    case DiagnosisCheckId::PlatformFormat:
        return u"platform"_s;
    case DiagnosisCheckId::Expiry:
        return u"expiry"_s;
    case DiagnosisCheckId::Tags:
        return u"tags"_s;
    case DiagnosisCheckId::Template:
        return u"template"_s;
    case DiagnosisCheckId::HubConfiguration:
        return u"hub"_s;
    case DiagnosisCheckId::TestSend:
        return u"test-send"_s;
    }
    return {};
}

QString diagnosisCheckTitle(DiagnosisCheckId id)
{
    switch (id) {
    case DiagnosisCheckId::Registered:
        return QCoreApplication::translate("Nh::Diagnosis", "Registered at all");
    case DiagnosisCheckId::Duplicates:
        return QCoreApplication::translate("Nh::Diagnosis", "Duplicate registrations");
    case DiagnosisCheckId::PlatformFormat:
        return QCoreApplication::translate("Nh::Diagnosis", "Platform and format");
    case DiagnosisCheckId::Expiry:
        return QCoreApplication::translate("Nh::Diagnosis", "Expiry");
    case DiagnosisCheckId::Tags:
        return QCoreApplication::translate("Nh::Diagnosis", "Tags");
    case DiagnosisCheckId::Template:
        return QCoreApplication::translate("Nh::Diagnosis", "Template");
    case DiagnosisCheckId::HubConfiguration:
        return QCoreApplication::translate("Nh::Diagnosis", "Hub configuration");
    case DiagnosisCheckId::TestSend:
        return QCoreApplication::translate("Nh::Diagnosis", "Test send to this device");
    }
    return {};
}

QList<DiagnosisCheckId> allDiagnosisChecks()
{
    return {DiagnosisCheckId::Registered,
            DiagnosisCheckId::Duplicates,
            DiagnosisCheckId::PlatformFormat,
            DiagnosisCheckId::Expiry,
            DiagnosisCheckId::Tags,
            DiagnosisCheckId::Template,
            DiagnosisCheckId::HubConfiguration,
            DiagnosisCheckId::TestSend};
}

QString DiagnosisSubject::kindKey(Kind kind)
{
    switch (kind) {
    case Kind::Handle:
        return u"handle"_s;
    case Kind::Registration:
        return u"registration"_s;
    case Kind::Installation:
        return u"installation"_s;
    case Kind::User:
        return u"user"_s;
    }
    return {};
}

QString DiagnosisSubject::displayText() const
{
    const QString shown = kind == Kind::Handle && value.size() > 24
        ? value.left(12) + QChar(0x2026) + value.right(8)
        : value;
    switch (kind) {
    case Kind::Handle:
        return QCoreApplication::translate("Nh::Diagnosis", "Handle %1").arg(shown);
    case Kind::Registration:
        return QCoreApplication::translate("Nh::Diagnosis", "Registration %1").arg(shown);
    case Kind::Installation:
        return QCoreApplication::translate("Nh::Diagnosis", "Installation %1").arg(shown);
    case Kind::User:
        return QCoreApplication::translate("Nh::Diagnosis", "User %1").arg(shown);
    }
    return shown;
}

Result<DiagnosisSend> DiagnosisSend::fromExchange(const Exchange &exchange)
{
    if (exchange.operation != u"send"_s && !exchange.operation.startsWith(u"send."_s)) {
        return makeError(ErrorCode::Usage,
                         QCoreApplication::translate(
                             "Nh::Diagnosis",
                             "The exchange is a %1 request, not a send: there is no push to "
                             "diagnose.")
                             .arg(exchange.operation.isEmpty() ? u"?"_s : exchange.operation));
    }
    const auto header = [&exchange](QByteArrayView name) {
        return QString::fromUtf8(headerValue(exchange.requestHeaders, name).value_or(QByteArray()))
            .trimmed();
    };
    const QString formatName = header(kFormatHeader);
    if (formatName.isEmpty()) {
        return makeError(ErrorCode::MissingField,
                         QCoreApplication::translate(
                             "Nh::Diagnosis",
                             "The send has no ServiceBusNotification-Format header (it was refused "
                             "before it was sent), so its format is unknown."),
                         -1, 0, QString::fromLatin1(kFormatHeader.toByteArray()));
    }
    DiagnosisSend send;
    send.format = formatFromWireName(formatName);
    if (!send.format) {
        return makeError(
            ErrorCode::InvalidValue,
            QCoreApplication::translate(
                "Nh::Diagnosis", "The send's format \u201c%1\u201d is not one the hub knows.")
                .arg(formatName),
            -1, 0, QString::fromLatin1(kFormatHeader.toByteArray()));
    }
    send.tagExpression = header(kTagsHeader);
    send.deviceHandle = header(kDeviceHandleHeader);
    send.exchangeId = exchange.id;
    const bool batch = exchange.operation == u"send.batch"_s;
    if (*send.format == Format::Template && !batch) {
        auto props = templateProperties(exchange.requestBody);
        if (!props) {
            return makeError(
                props.error().code,
                QCoreApplication::translate(
                    "Nh::Diagnosis", "The template properties of the send cannot be read: %1")
                    .arg(props.error().message));
        }
        for (const auto &p : std::as_const(*props))
            send.properties.insert(p.first, p.second);
    } else if (!batch) {
        send.body = exchange.requestBody;
    }
    // The platform headers the send set; the protocol's own and the transport's stay out.
    static const QList<QByteArrayView> kSkipped = {
        "Authorization", "Content-Type", "Content-Length", "x-ms-version",      "User-Agent",
        "Host",          kFormatHeader,  kTagsHeader,      kDeviceHandleHeader, kScheduleTimeHeader,
        kP256dhHeader,   kAuthHeader};
    for (const auto &h : exchange.requestHeaders) {
        const bool skipped =
            std::any_of(kSkipped.cbegin(), kSkipped.cend(), [&h](QByteArrayView n) {
                return h.first.compare(n, Qt::CaseInsensitive) == 0;
            });
        if (!skipped)
            send.headers.append(h);
    }
    return send;
}

int DiagnosisReport::requests() const
{
    return int(std::count_if(exchanges.cbegin(), exchanges.cend(), [](const Exchange &e) {
        return e.result != ExchangeResult::Invalid;
    }));
}

const DiagnosisCheck *DiagnosisReport::check(DiagnosisCheckId id) const
{
    for (const DiagnosisCheck &c : checks) {
        if (c.id == id)
            return &c;
    }
    return nullptr;
}

DiagnosisCheck *DiagnosisReport::check(DiagnosisCheckId id)
{
    for (DiagnosisCheck &c : checks) {
        if (c.id == id)
            return &c;
    }
    return nullptr;
}

const Exchange *DiagnosisReport::exchange(const QUuid &id) const
{
    for (const Exchange &e : exchanges) {
        if (e.id == id)
            return &e;
    }
    return nullptr;
}

DiagnosisVerdict DiagnosisReport::overall() const
{
    DiagnosisVerdict worst = DiagnosisVerdict::Ok;
    for (const DiagnosisCheck &c : checks) {
        if (c.verdict == DiagnosisVerdict::Pending && c.id != DiagnosisCheckId::TestSend)
            return DiagnosisVerdict::Pending;
        if (c.verdict != DiagnosisVerdict::Pending && int(c.verdict) > int(worst))
            worst = c.verdict;
    }
    return worst;
}

const DiagnosisCheck *DiagnosisReport::likelyCause() const
{
    const DiagnosisCheck *best = nullptr;
    for (const DiagnosisCheck &c : checks) {
        if (c.verdict != DiagnosisVerdict::Problem && c.verdict != DiagnosisVerdict::Warning)
            continue;
        if (!best || int(c.verdict) > int(best->verdict)
            || (c.verdict == best->verdict && c.weight > best->weight))
            best = &c;
    }
    return best;
}

QString DiagnosisReport::verdictLine() const
{
    if (const DiagnosisCheck *cause = likelyCause()) {
        const QString line = QCoreApplication::translate("Nh::Diagnosis", "Most likely cause: %1")
                                 .arg(cause->summary);
        return cause->nextStep.isEmpty()
            ? line
            : QCoreApplication::translate("Nh::Diagnosis", "%1 Fix: %2").arg(line, cause->nextStep);
    }
    if (overall() == DiagnosisVerdict::Pending)
        return QCoreApplication::translate("Nh::Diagnosis", "Diagnosing…");
    if (overall() == DiagnosisVerdict::CannotTell)
        return QCoreApplication::translate(
            "Nh::Diagnosis", "No problem found, but some checks could not tell; see below.");
    return QCoreApplication::translate("Nh::Diagnosis", "Every check passed.");
}

} // namespace Nh
