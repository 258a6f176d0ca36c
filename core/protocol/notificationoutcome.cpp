// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/notificationoutcome.h"

#include "protocol/xmlutil.h"

#include <QCoreApplication>
#include <QXmlStreamReader>
#include <algorithm>
#include <array>
#include <limits>
#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Nh::NotificationOutcome", text);
}

constexpr QLatin1StringView kDocument {"NotificationOutcome"};
constexpr QLatin1StringView kTokenProviderPrefix {"The Token obtained from the Token Provider"};
// Values quoted in messages are cut here so that a hostile megabyte of text stays out of them.
constexpr qsizetype kQuoteLimit = 40;

QString quoted(QStringView value)
{
    return value.size() > kQuoteLimit ? value.left(kQuoteLimit) + QChar(0x2026) : value.toString();
}

/**
 * Walks a document element by element. It counts the absolute depth itself, because
 * Xml::skipElement() bounds only the depth below the element it skips, and it keeps the first
 * error so that callers can simply stop.
 */
class Walker
{
public:
    Walker(const QByteArray &xml, QLatin1StringView document)
        : m_reader(xml)
        , m_document(document)
    { }

    /** Reads up to the root element and checks its local name (any namespace, any prefix). */
    bool enterRoot(QLatin1StringView name);
    /** Moves to the next child element of the open one; false at its end tag or on error. */
    bool nextChild();
    /** Skips the current element up to and including its end tag. */
    bool skip();
    /** The text of the current element (nil = empty); consumes its end tag. */
    bool readText(QString *text);
    /** Reads on to the end of the document, so trailing garbage is an error too. */
    bool finish();
    /** The current element is in the service namespace, in none, or in the root's. */
    bool isOurs() const;
    /** The current element is `localName` and isOurs(). */
    bool isElement(QLatin1StringView localName) const
    {
        return m_reader.name() == localName && isOurs();
    }

    void fail(ErrorCode code, const QString &what, const QString &where = {});
    bool failed() const { return m_failed; }
    const Error &error() const { return m_error; }
    const QXmlStreamReader &reader() const { return m_reader; }

private:
    void failFromReader();

    QXmlStreamReader m_reader;
    QLatin1StringView m_document;
    QString m_rootNamespace;
    int m_depth = 0;
    bool m_failed = false;
    Error m_error;
};

bool Walker::enterRoot(QLatin1StringView name)
{
    while (!m_reader.atEnd()) {
        if (m_reader.readNext() != QXmlStreamReader::StartElement)
            continue;
        m_depth = 1;
        if (m_reader.name() != name) {
            fail(ErrorCode::UnexpectedRoot,
                 tr("Expected a <%1> document, but the root element is <%2>")
                     .arg(name, m_reader.qualifiedName().toString()),
                 m_reader.name().toString());
            return false;
        }
        m_rootNamespace = m_reader.namespaceUri().toString();
        return true;
    }
    failFromReader();
    return false;
}

bool Walker::nextChild()
{
    while (!m_failed) {
        switch (m_reader.readNext()) {
        case QXmlStreamReader::StartElement:
            if (++m_depth > Xml::kMaxDepth) {
                fail(ErrorCode::LimitExceeded,
                     tr("Elements are nested more than %1 levels deep").arg(Xml::kMaxDepth),
                     m_reader.name().toString());
                return false;
            }
            return true;
        case QXmlStreamReader::EndElement:
            --m_depth;
            return false;
        case QXmlStreamReader::Invalid:
        case QXmlStreamReader::EndDocument:
            failFromReader();
            return false;
        default:
            break;
        }
    }
    return false;
}

bool Walker::skip()
{
    while (nextChild()) {
        if (!skip())
            return false;
    }
    return !m_failed;
}

bool Walker::readText(QString *text)
{
    if (Xml::isNil(m_reader)) {
        text->clear();
        return skip();
    }
    Error error;
    QString value = Xml::readLeafText(m_reader, &error);
    if (error.code != ErrorCode::None) {
        if (m_reader.hasError()) {
            failFromReader();
        } else {
            m_error = std::move(error);
            m_failed = true;
        }
        return false;
    }
    --m_depth;
    *text = std::move(value);
    return true;
}

bool Walker::finish()
{
    while (!m_reader.atEnd())
        m_reader.readNext();
    if (m_reader.hasError()) {
        failFromReader();
        return false;
    }
    return true;
}

bool Walker::isOurs() const
{
    const QStringView ns = m_reader.namespaceUri();
    return ns.isEmpty() || ns == Xml::kServiceBusNs || ns == m_rootNamespace;
}

void Walker::fail(ErrorCode code, const QString &what, const QString &where)
{
    if (m_failed)
        return;
    m_error = Xml::errorAt(m_reader, code, what, where);
    m_failed = true;
}

void Walker::failFromReader()
{
    if (m_reader.hasError()) {
        if (!m_failed) {
            m_error = Xml::readerError(m_reader, m_document);
            m_failed = true;
        }
        return;
    }
    fail(ErrorCode::Truncated, tr("The %1 document ends too early").arg(m_document));
}

/** A non-negative xs:long, as DataContract writes Success and Failure. */
bool readCount(Walker &walker, QLatin1StringView name, bool *seen, qint64 *count)
{
    if (*seen) {
        walker.fail(ErrorCode::DuplicateField, tr("<%1> appears more than once").arg(name), name);
        return false;
    }
    *seen = true;
    QString text;
    if (!walker.readText(&text))
        return false;
    QStringView digits = QStringView(text).trimmed();
    if (digits.isEmpty()) {
        walker.fail(ErrorCode::EmptyField, tr("<%1> is empty: expected a count").arg(name), name);
        return false;
    }
    const bool negative = digits.startsWith(u'-');
    if (negative || digits.startsWith(u'+'))
        digits = digits.mid(1);
    const bool allDigits = !digits.isEmpty()
        && std::all_of(digits.begin(), digits.end(),
                       [](QChar c) { return c >= u'0' && c <= u'9'; });
    if (!allDigits) {
        walker.fail(ErrorCode::InvalidValue,
                    tr("<%1> is \"%2\", which is not a whole number").arg(name, quoted(text)),
                    name);
        return false;
    }
    if (negative) {
        walker.fail(ErrorCode::InvalidValue,
                    tr("<%1> is \"%2\": a count cannot be negative").arg(name, quoted(text)), name);
        return false;
    }
    bool ok = false;
    const qint64 value = digits.toLongLong(&ok);
    if (!ok) {
        walker.fail(ErrorCode::LimitExceeded,
                    tr("<%1> is \"%2\", larger than the largest count (%3)")
                        .arg(name, quoted(text))
                        .arg(std::numeric_limits<qint64>::max()),
                    name);
        return false;
    }
    *count = value;
    return true;
}

constexpr std::array<QLatin1StringView, 4> kResultFields {
    QLatin1StringView("ApplicationPlatform"), QLatin1StringView("PnsHandle"),
    QLatin1StringView("RegistrationId"), QLatin1StringView("Outcome")};

bool readRegistrationResult(Walker &walker, qsizetype number, RegistrationResult *result)
{
    const std::array<QString *, 4> fields {&result->applicationPlatform, &result->pnsHandle,
                                           &result->registrationId, &result->outcome};
    std::array<bool, 4> seen {};
    const auto where = [number](QLatin1StringView field) {
        return u"Results/RegistrationResult[%1]/%2"_s.arg(number).arg(field);
    };
    while (walker.nextChild()) {
        qsizetype index = 0;
        while (index < qsizetype(kResultFields.size()) && !walker.isElement(kResultFields[index]))
            ++index;
        if (index == qsizetype(kResultFields.size())) {
            if (!walker.skip())
                return false;
            continue;
        }
        if (seen[index]) {
            walker.fail(
                ErrorCode::DuplicateField,
                tr("Result %1 has <%2> more than once").arg(number).arg(kResultFields[index]),
                where(kResultFields[index]));
            return false;
        }
        seen[index] = true;
        if (!walker.readText(fields[index]))
            return false;
        *fields[index] = fields[index]->trimmed();
    }
    if (walker.failed())
        return false;
    for (qsizetype i = 0; i < qsizetype(kResultFields.size()); ++i) {
        if (!seen[i]) {
            walker.fail(ErrorCode::MissingField,
                        tr("Result %1 (<RegistrationResult>) has no <%2> element")
                            .arg(number)
                            .arg(kResultFields[i]),
                        where(kResultFields[i]));
            return false;
        }
    }
    return true;
}

bool readResults(Walker &walker, QList<RegistrationResult> *results)
{
    if (Xml::isNil(walker.reader()))
        return walker.skip();
    while (walker.nextChild()) {
        if (!walker.isElement("RegistrationResult"_L1)) {
            if (!walker.skip())
                return false;
            continue;
        }
        if (results->size() >= kMaxOutcomeResults) {
            walker.fail(ErrorCode::LimitExceeded,
                        tr("<Results> holds more than %1 results").arg(kMaxOutcomeResults),
                        u"Results"_s);
            return false;
        }
        RegistrationResult result;
        if (!readRegistrationResult(walker, results->size() + 1, &result))
            return false;
        results->append(std::move(result));
    }
    return !walker.failed();
}

Warning warningAt(const QXmlStreamReader &reader, const QString &message)
{
    Warning warning;
    warning.message = message;
    warning.offset = reader.characterOffset();
    return warning;
}

/** Appends `text` as XML character data: &, <, > escaped; CR and LF as &#13; and &#10;, so that
 *  the document stays on one line and a parser does not fold CR LF into LF; characters XML 1.0
 *  cannot carry replaced by U+FFFD. */
void appendEscaped(QString &out, QStringView text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        switch (c.unicode()) {
        case u'&':
            out += "&amp;"_L1;
            break;
        case u'<':
            out += "&lt;"_L1;
            break;
        case u'>':
            out += "&gt;"_L1;
            break;
        case u'\r':
            out += "&#13;"_L1;
            break;
        case u'\n':
            out += "&#10;"_L1;
            break;
        default:
            if (c.isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
                out += c;
                out += text[++i];
            } else if ((c.unicode() < 0x20 && c != u'\t') || c.isSurrogate()
                       || c.unicode() >= 0xFFFE) {
                out += QChar(QChar::ReplacementCharacter);
            } else {
                out += c;
            }
        }
    }
}

void appendElement(QString &out, QLatin1StringView name, QStringView text)
{
    out += u'<' + name + u'>';
    appendEscaped(out, text);
    out += "</"_L1 + name + u'>';
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

    Walker walker(xml, kDocument);
    if (!walker.enterRoot(kDocument))
        return walker.error();

    QList<Warning> warnings;
    if (!walker.reader().prefix().isEmpty()) {
        warnings.append(warningAt(walker.reader(),
                                  tr("The root element has a prefix (<%1>); the JS SDK rejects "
                                     "a prefixed root")
                                      .arg(walker.reader().qualifiedName().toString())));
    }

    NotificationOutcome outcome;
    bool haveSuccess = false;
    bool haveFailure = false;
    bool haveResults = false;
    while (walker.nextChild()) {
        if (walker.isElement("Success"_L1)) {
            readCount(walker, "Success"_L1, &haveSuccess, &outcome.success);
        } else if (walker.isElement("Failure"_L1)) {
            readCount(walker, "Failure"_L1, &haveFailure, &outcome.failure);
        } else if (walker.isElement("Results"_L1)) {
            if (haveResults) {
                walker.fail(ErrorCode::DuplicateField, tr("<Results> appears more than once"),
                            u"Results"_s);
            }
            haveResults = true;
            readResults(walker, &outcome.results);
        } else {
            walker.skip();
        }
    }
    if (walker.failed())
        return walker.error();

    // Located at the root's end tag, but reported only if the rest of the document is
    // well-formed: a syntax error further on explains more.
    std::optional<Error> missing;
    if (!haveSuccess) {
        missing = Xml::errorAt(walker.reader(), ErrorCode::MissingField,
                               tr("The %1 has no <Success> element").arg(kDocument), u"Success"_s);
    } else {
        if (!haveFailure) {
            warnings.append(warningAt(walker.reader(),
                                      tr("There is no <Failure> element (taken as 0); the JS SDK "
                                         "rejects this")));
        }
        if (!haveResults) {
            warnings.append(warningAt(walker.reader(),
                                      tr("There is no <Results> element (taken as empty); the JS "
                                         "SDK rejects this")));
        }
    }
    if (!walker.finish())
        return walker.error();
    if (missing)
        return *missing;

    Result<NotificationOutcome> result(std::move(outcome));
    result.setWarnings(std::move(warnings));
    return result;
}

QByteArray notificationOutcomeXml(const NotificationOutcome &outcome)
{
    QString xml;
    xml.reserve(256 + outcome.results.size() * 360);
    xml += "<NotificationOutcome xmlns=\""_L1 + Xml::kServiceBusNs + "\" xmlns:i=\""_L1
        + Xml::kInstanceNs + "\">"_L1;
    xml += "<Success>"_L1 + QString::number(outcome.success) + "</Success>"_L1;
    xml += "<Failure>"_L1 + QString::number(outcome.failure) + "</Failure>"_L1;
    if (outcome.results.isEmpty()) {
        xml += "<Results i:nil=\"true\"/>"_L1;
    } else {
        xml += "<Results>"_L1;
        for (const RegistrationResult &result : outcome.results) {
            xml += "<RegistrationResult>"_L1;
            appendElement(xml, kResultFields[0], result.applicationPlatform);
            appendElement(xml, kResultFields[1], result.pnsHandle);
            appendElement(xml, kResultFields[2], result.registrationId);
            appendElement(xml, kResultFields[3], result.outcome);
            xml += "</RegistrationResult>"_L1;
        }
        xml += "</Results>"_L1;
    }
    xml += "</NotificationOutcome>"_L1;
    return xml.toUtf8();
}

} // namespace Nh
