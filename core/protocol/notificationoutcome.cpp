// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/notificationoutcome.h"

#include "protocol/xmlutil.h"

#include <QCoreApplication>
#include <QXmlStreamReader>
#include <array>
#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

/** The translation context of this file's messages; lupdate reads it from here. */
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Nh::NotificationOutcome)
};

constexpr QLatin1StringView kDocument {"NotificationOutcome"};
constexpr QLatin1StringView kTokenProviderPrefix {"The Token obtained from the Token Provider"};
constexpr std::array<QLatin1StringView, 4> kResultFields {
    QLatin1StringView("ApplicationPlatform"), QLatin1StringView("PnsHandle"),
    QLatin1StringView("RegistrationId"), QLatin1StringView("Outcome")};

bool readRegistrationResult(Xml::Reader &reader, qsizetype number, RegistrationResult *result)
{
    const std::array<QString *, 4> fields {&result->applicationPlatform, &result->pnsHandle,
                                           &result->registrationId, &result->outcome};
    std::array<bool, 4> seen {};
    const auto where = [number](QLatin1StringView field) {
        return u"Results/RegistrationResult[%1]/%2"_s.arg(number).arg(field);
    };
    while (reader.nextChild()) {
        qsizetype index = 0;
        while (index < qsizetype(kResultFields.size()) && !reader.isElement(kResultFields[index]))
            ++index;
        if (index == qsizetype(kResultFields.size())) {
            if (!reader.skip())
                return false;
            continue;
        }
        if (seen[index]) {
            return reader.fail(
                ErrorCode::DuplicateField,
                Tr::tr("Result %1 has <%2> more than once").arg(number).arg(kResultFields[index]),
                where(kResultFields[index]));
        }
        seen[index] = true;
        if (!reader.readText(fields[index]))
            return false;
        *fields[index] = fields[index]->trimmed();
    }
    if (reader.failed())
        return false;
    for (qsizetype i = 0; i < qsizetype(kResultFields.size()); ++i) {
        if (!seen[i]) {
            return reader.fail(ErrorCode::MissingField,
                               Tr::tr("Result %1 (<RegistrationResult>) has no <%2> element")
                                   .arg(number)
                                   .arg(kResultFields[i]),
                               where(kResultFields[i]));
        }
    }
    return true;
}

bool readResults(Xml::Reader &reader, QList<RegistrationResult> *results)
{
    if (Xml::isNil(reader.stream()))
        return reader.skip();
    while (reader.nextChild()) {
        if (!reader.isElement("RegistrationResult"_L1)) {
            if (!reader.skip())
                return false;
            continue;
        }
        if (results->size() >= kMaxOutcomeResults) {
            return reader.fail(
                ErrorCode::LimitExceeded,
                Tr::tr("<Results> holds more than %1 results").arg(kMaxOutcomeResults),
                u"Results"_s);
        }
        RegistrationResult result;
        if (!readRegistrationResult(reader, results->size() + 1, &result))
            return false;
        results->append(std::move(result));
    }
    return !reader.failed();
}

} // namespace

OutcomeKind classifyOutcome(QStringView outcome)
{
    QStringView text = outcome.trimmed();
    if (text.endsWith(u'.'))
        text.chop(1);
    const auto is = [text](QLatin1StringView known) {
        return text.compare(known, Qt::CaseInsensitive) == 0;
    };
    if (is(kOutcomeSuccess))
        return OutcomeKind::Success;
    if (is(kOutcomeInvalidHandle))
        return OutcomeKind::InvalidHandle;
    if (is(kOutcomeExpiredHandle))
        return OutcomeKind::ExpiredHandle;
    if (is(kOutcomeInvalidPayload))
        return OutcomeKind::InvalidPayload;
    if (text.startsWith(kTokenProviderPrefix, Qt::CaseInsensitive))
        return OutcomeKind::BadCredentials;
    return OutcomeKind::Unknown;
}

QLatin1StringView outcomeText(OutcomeKind kind)
{
    switch (kind) {
    case OutcomeKind::Success:
        return kOutcomeSuccess;
    case OutcomeKind::InvalidHandle:
        return kOutcomeInvalidHandle;
    case OutcomeKind::ExpiredHandle:
        return kOutcomeExpiredHandle;
    case OutcomeKind::BadCredentials:
        return kOutcomeWrongToken;
    case OutcomeKind::InvalidPayload:
        return kOutcomeInvalidPayload;
    case OutcomeKind::Unknown:
        break;
    }
    return {};
}

Result<NotificationOutcome> parseNotificationOutcome(const QByteArray &xml)
{
    if (const Status body = Xml::checkBody(xml, kDocument); !body.ok())
        return body.error();

    Xml::Reader reader(xml, kDocument);
    if (!reader.enterRoot(kDocument))
        return reader.error();

    QList<Warning> warnings;
    if (!reader.stream().prefix().isEmpty()) {
        warnings.append(
            Xml::warningAt(reader.stream(),
                           Tr::tr("The root element has a prefix (<%1>); the JS SDK rejects "
                                  "a prefixed root")
                               .arg(reader.stream().qualifiedName().toString())));
    }

    NotificationOutcome outcome;
    bool haveSuccess = false;
    bool haveFailure = false;
    bool haveResults = false;
    while (reader.nextChild()) {
        if (reader.isElement("Success"_L1)) {
            reader.readCount(u"<Success>"_s, u"Success"_s, &outcome.success, &haveSuccess);
        } else if (reader.isElement("Failure"_L1)) {
            reader.readCount(u"<Failure>"_s, u"Failure"_s, &outcome.failure, &haveFailure);
        } else if (reader.isElement("Results"_L1)) {
            if (haveResults) {
                reader.fail(ErrorCode::DuplicateField, Tr::tr("<Results> appears more than once"),
                            u"Results"_s);
            }
            haveResults = true;
            readResults(reader, &outcome.results);
        } else {
            reader.skip();
        }
    }
    if (reader.failed())
        return reader.error();

    // Located at the root's end tag, but reported only if the rest of the document is
    // well-formed: a syntax error further on explains more.
    std::optional<Error> missing;
    if (!haveSuccess) {
        missing =
            Xml::errorAt(reader.stream(), ErrorCode::MissingField,
                         Tr::tr("The %1 has no <Success> element").arg(kDocument), u"Success"_s);
    } else {
        if (!haveFailure) {
            warnings.append(
                Xml::warningAt(reader.stream(),
                               Tr::tr("There is no <Failure> element (taken as 0); the JS SDK "
                                      "rejects this")));
        }
        if (!haveResults) {
            warnings.append(
                Xml::warningAt(reader.stream(),
                               Tr::tr("There is no <Results> element (taken as empty); the JS "
                                      "SDK rejects this")));
        }
    }
    if (!reader.finish())
        return reader.error();
    if (missing)
        return *missing;

    Result<NotificationOutcome> result(std::move(outcome));
    result.setWarnings(std::move(warnings));
    return result;
}

QByteArray notificationOutcomeXml(const NotificationOutcome &outcome)
{
    // Written as bytes: a test send answers with it, so it is on the emulator's hot path.
    const auto element = [](QByteArray &out, QLatin1StringView name, QStringView text) {
        out += '<';
        out.append(name.data(), name.size());
        out += '>';
        Xml::appendEscapedText(out, text);
        out += "</";
        out.append(name.data(), name.size());
        out += '>';
    };
    QByteArray xml;
    xml.reserve(256 + outcome.results.size() * 360);
    xml += "<NotificationOutcome xmlns=\"";
    xml.append(Xml::kServiceBusNs.data(), Xml::kServiceBusNs.size());
    xml += "\" xmlns:i=\"";
    xml.append(Xml::kInstanceNs.data(), Xml::kInstanceNs.size());
    xml += "\">";
    xml += "<Success>" + QByteArray::number(outcome.success) + "</Success>";
    xml += "<Failure>" + QByteArray::number(outcome.failure) + "</Failure>";
    if (outcome.results.isEmpty()) {
        xml += "<Results i:nil=\"true\"/>";
    } else {
        xml += "<Results>";
        for (const RegistrationResult &result : outcome.results) {
            xml += "<RegistrationResult>";
            element(xml, kResultFields[0], result.applicationPlatform);
            element(xml, kResultFields[1], result.pnsHandle);
            element(xml, kResultFields[2], result.registrationId);
            element(xml, kResultFields[3], result.outcome);
            xml += "</RegistrationResult>";
        }
        xml += "</Results>";
    }
    xml += "</NotificationOutcome>";
    return xml;
}

} // namespace Nh
