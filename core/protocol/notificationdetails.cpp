// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/notificationdetails.h"

#include "protocol/xmlutil.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QXmlStreamReader>
#include <algorithm>
#include <array>
#include <limits>
#include <optional>
#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Nh::NotificationDetails", text);
}

constexpr QLatin1StringView kDocument {"NotificationDetails"};
constexpr QLatin1StringView kCountsSuffix {"OutcomeCounts"};
// Values quoted in messages are cut here so that a hostile megabyte of text stays out of them.
constexpr qsizetype kQuoteLimit = 40;

QString quoted(QStringView value)
{
    return value.size() > kQuoteLimit ? value.left(kQuoteLimit) + QChar(0x2026) : value.toString();
}

// The same walker as in notificationoutcome.cpp (xmlutil has no depth-tracking walker yet).
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

/** A non-negative xs:long. `label` names the element for people ("<Count> of outcome 2 in …"). */
bool readCount(Walker &walker, const QString &label, const QString &where, bool *seen,
               qint64 *count)
{
    if (*seen) {
        walker.fail(ErrorCode::DuplicateField, tr("%1 appears more than once").arg(label), where);
        return false;
    }
    *seen = true;
    QString text;
    if (!walker.readText(&text))
        return false;
    QStringView digits = QStringView(text).trimmed();
    if (digits.isEmpty()) {
        walker.fail(ErrorCode::EmptyField, tr("%1 is empty: expected a count").arg(label), where);
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
                    tr("%1 is \"%2\", which is not a whole number").arg(label, quoted(text)),
                    where);
        return false;
    }
    if (negative) {
        walker.fail(ErrorCode::InvalidValue,
                    tr("%1 is \"%2\": a count cannot be negative").arg(label, quoted(text)), where);
        return false;
    }
    bool ok = false;
    const qint64 value = digits.toLongLong(&ok);
    if (!ok) {
        walker.fail(ErrorCode::LimitExceeded,
                    tr("%1 is \"%2\", larger than the largest count (%3)")
                        .arg(label, quoted(text))
                        .arg(std::numeric_limits<qint64>::max()),
                    where);
        return false;
    }
    *count = value;
    return true;
}

/** xs:dateTime as DataContract writes it; nullopt if `text` is not one. */
std::optional<QDateTime> parseDateTime(QStringView text)
{
    static const QRegularExpression pattern(
        u"^(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,12}))?"
        "(Z|[+-]\\d{2}:\\d{2})?$"_s);
    const QRegularExpressionMatch match = pattern.match(text.toString());
    if (!match.hasMatch())
        return std::nullopt;
    const auto number = [&match](int group) {
        return match.capturedView(group).toInt();
    };
    // Milliseconds are all QDateTime keeps; further digits are cut, not rounded, so that a
    // value never moves into the next second.
    const QString fraction = QString(match.captured(7) + "000"_L1).left(3);
    const QDate date(number(1), number(2), number(3));
    const QTime time(number(4), number(5), number(6), fraction.toInt());
    if (!date.isValid() || !time.isValid())
        return std::nullopt;
    QDateTime value(date, time, Qt::UTC);
    const QStringView zone = match.capturedView(8);
    if (zone.size() == 6) {
        const int offset = (zone.mid(1, 2).toInt() * 60 + zone.mid(4, 2).toInt()) * 60;
        if (offset > 14 * 3600)
            return std::nullopt;
        value = value.addSecs(zone.startsWith(u'+') ? -offset : offset);
    }
    return value;
}

QString dateTimeText(const QDateTime &value)
{
    const QDateTime utc = value.toUTC();
    QString text = utc.toString(u"yyyy-MM-dd'T'HH:mm:ss"_s);
    if (const int ms = utc.time().msec(); ms != 0)
        text += u'.' + QString::number(ms).rightJustified(3, u'0') + "0000"_L1;
    return text + u'Z';
}

bool readOutcomeCounts(Walker &walker, const QString &block, qsizetype *entries,
                       QList<OutcomeCount> *outcomes)
{
    if (Xml::isNil(walker.reader()))
        return walker.skip();
    while (walker.nextChild()) {
        if (!walker.isElement("Outcome"_L1)) {
            if (!walker.skip())
                return false;
            continue;
        }
        if (++*entries > kMaxOutcomeCountEntries) {
            walker.fail(ErrorCode::LimitExceeded,
                        tr("There are more than %1 <Outcome> entries").arg(kMaxOutcomeCountEntries),
                        block);
            return false;
        }
        const qsizetype number = outcomes->size() + 1;
        const QString where = u"%1/Outcome[%2]"_s.arg(block).arg(number);
        OutcomeCount outcome;
        bool haveName = false;
        bool haveCount = false;
        while (walker.nextChild()) {
            if (walker.isElement("Name"_L1)) {
                if (haveName) {
                    walker.fail(
                        ErrorCode::DuplicateField,
                        tr("Outcome %1 in <%2> has <Name> more than once").arg(number).arg(block),
                        where + "/Name"_L1);
                    return false;
                }
                haveName = true;
                if (!walker.readText(&outcome.name))
                    return false;
                outcome.name = outcome.name.trimmed();
            } else if (walker.isElement("Count"_L1)) {
                const QString label = tr("<Count> of outcome %1 in <%2>").arg(number).arg(block);
                if (!readCount(walker, label, where + "/Count"_L1, &haveCount, &outcome.count))
                    return false;
            } else if (!walker.skip()) {
                return false;
            }
        }
        if (walker.failed())
            return false;
        if (!haveName || !haveCount) {
            const QLatin1StringView field = haveName ? "Count"_L1 : "Name"_L1;
            walker.fail(ErrorCode::MissingField,
                        tr("Outcome %1 in <%2> has no <%3> element").arg(number).arg(block, field),
                        where + u'/' + field);
            return false;
        }
        outcomes->append(std::move(outcome));
    }
    return !walker.failed();
}

enum Field {
    NotificationId,
    Location,
    State,
    EnqueueTime,
    StartTime,
    EndTime,
    NotificationBody,
    Tags,
    TargetPlatforms,
    PnsErrorDetailsUri,
    FieldCount
};
constexpr std::array<QLatin1StringView, FieldCount> kFieldNames {
    QLatin1StringView("NotificationId"),
    QLatin1StringView("Location"),
    QLatin1StringView("State"),
    QLatin1StringView("EnqueueTime"),
    QLatin1StringView("StartTime"),
    QLatin1StringView("EndTime"),
    QLatin1StringView("NotificationBody"),
    QLatin1StringView("Tags"),
    QLatin1StringView("TargetPlatforms"),
    QLatin1StringView("PnsErrorDetailsUri")};

bool readField(Walker &walker, Field field, NotificationDetails *details)
{
    QString text;
    if (!walker.readText(&text))
        return false;
    const QLatin1StringView name = kFieldNames[field];
    const auto readTime = [&](QDateTime *time) {
        const QStringView value = QStringView(text).trimmed();
        if (value.isEmpty())
            return true; // an empty or nil time is an absent one
        if (const auto parsed = parseDateTime(value)) {
            *time = *parsed;
            return true;
        }
        walker.fail(ErrorCode::InvalidValue,
                    tr("<%1> is \"%2\", which is not a date and time like "
                       "2015-11-02T21:19:43.9926996Z")
                        .arg(name, quoted(value)),
                    name);
        return false;
    };
    switch (field) {
    case NotificationId:
        details->notificationId = text.trimmed();
        break;
    case Location:
        details->location = text.trimmed();
        break;
    case State:
        details->stateText = text.trimmed();
        details->state = notificationStateFromName(details->stateText);
        break;
    case EnqueueTime:
        return readTime(&details->enqueueTime);
    case StartTime:
        return readTime(&details->startTime);
    case EndTime:
        return readTime(&details->endTime);
    case NotificationBody:
        details->notificationBody = text;
        break;
    case Tags:
        details->tags = text.trimmed();
        break;
    case TargetPlatforms:
        for (const QString &platform : text.split(u',')) {
            if (const QString trimmed = platform.trimmed(); !trimmed.isEmpty())
                details->targetPlatforms.append(trimmed);
        }
        break;
    case PnsErrorDetailsUri:
        details->pnsErrorDetailsUri = text.trimmed();
        break;
    case FieldCount:
        break;
    }
    return true;
}

bool isPlainName(QStringView name)
{
    if (name.isEmpty() || !(name.front().isLetter() && name.front().unicode() < 0x80))
        return false;
    return std::all_of(name.begin(), name.end(), [](QChar c) {
        return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9');
    });
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

void appendElementIf(QString &out, QLatin1StringView name, QStringView text)
{
    if (!text.isEmpty())
        appendElement(out, name, text);
}

struct StateName
{
    NotificationState state;
    QLatin1StringView name;
};
constexpr std::array<StateName, 9> kStateNames {{
    {NotificationState::Unknown, QLatin1StringView("Unknown")},
    {NotificationState::Enqueued, QLatin1StringView("Enqueued")},
    {NotificationState::Processing, QLatin1StringView("Processing")},
    {NotificationState::Completed, QLatin1StringView("Completed")},
    {NotificationState::Abandoned, QLatin1StringView("Abandoned")},
    {NotificationState::NoTargetFound, QLatin1StringView("NoTargetFound")},
    {NotificationState::Canceled, QLatin1StringView("Canceled")},
    {NotificationState::Scheduled, QLatin1StringView("Scheduled")},
    {NotificationState::DetailedStateAvailable, QLatin1StringView("DetailedStateAvailable")},
}};

struct CountsPrefix
{
    Platform platform;
    QLatin1StringView prefix;
};
constexpr std::array<CountsPrefix, kPlatformCount> kCountsPrefixes {{
    {Platform::Apple, QLatin1StringView("Apns")},
    {Platform::FcmV1, QLatin1StringView("FcmV1")},
    {Platform::Gcm, QLatin1StringView("Gcm")},
    {Platform::Windows, QLatin1StringView("Wns")},
    {Platform::WindowsPhone, QLatin1StringView("Mpns")},
    {Platform::Adm, QLatin1StringView("Adm")},
    {Platform::Baidu, QLatin1StringView("Baidu")},
    {Platform::Browser, QLatin1StringView("Browser")},
    {Platform::Xiaomi, QLatin1StringView("Xiaomi")},
}};

} // namespace

NotificationState notificationStateFromName(QStringView name)
{
    const QStringView trimmed = name.trimmed();
    if (trimmed.compare("Cancelled"_L1, Qt::CaseInsensitive) == 0)
        return NotificationState::Canceled;
    for (const StateName &entry : kStateNames) {
        if (trimmed.compare(entry.name, Qt::CaseInsensitive) == 0)
            return entry.state;
    }
    return NotificationState::Unknown;
}

QString notificationStateName(NotificationState state)
{
    for (const StateName &entry : kStateNames) {
        if (entry.state == state)
            return entry.name;
    }
    return u"Unknown"_s;
}

std::optional<Platform> platformForOutcomeCounts(QStringView prefix)
{
    for (const CountsPrefix &entry : kCountsPrefixes) {
        if (prefix.compare(entry.prefix, Qt::CaseInsensitive) == 0)
            return entry.platform;
    }
    return std::nullopt;
}

QString outcomeCountsPrefix(Platform platform)
{
    for (const CountsPrefix &entry : kCountsPrefixes) {
        if (entry.platform == platform)
            return entry.prefix;
    }
    return {};
}

Result<NotificationDetails> parseNotificationDetails(const QByteArray &xml)
{
    if (const Status body = Xml::checkBody(xml, kDocument); !body.ok())
        return body.error();

    Walker walker(xml, kDocument);
    if (!walker.enterRoot(kDocument))
        return walker.error();

    NotificationDetails details;
    std::array<bool, FieldCount> seen {};
    qsizetype entries = 0;
    while (walker.nextChild()) {
        const QStringView name = walker.reader().name();
        const auto known = std::find(kFieldNames.begin(), kFieldNames.end(), name);
        if (known != kFieldNames.end() && walker.isOurs()) {
            const auto field = Field(known - kFieldNames.begin());
            if (seen[field]) {
                walker.fail(ErrorCode::DuplicateField,
                            tr("<%1> appears more than once").arg(*known), *known);
                break;
            }
            seen[field] = true;
            readField(walker, field, &details);
        } else if (name.endsWith(kCountsSuffix) && name.size() > kCountsSuffix.size()
                   && walker.isOurs()) {
            const QString block = name.toString();
            const QString platform = name.chopped(kCountsSuffix.size()).toString();
            const bool duplicate =
                std::any_of(details.outcomeCounts.cbegin(), details.outcomeCounts.cend(),
                            [&platform](const PlatformOutcomeCounts &counts) {
                                return counts.platform == platform;
                            });
            if (duplicate) {
                walker.fail(ErrorCode::DuplicateField, tr("<%1> appears more than once").arg(block),
                            block);
                break;
            }
            if (details.outcomeCounts.size() >= kMaxOutcomeCountPlatforms) {
                walker.fail(ErrorCode::LimitExceeded,
                            tr("There are more than %1 …OutcomeCounts elements")
                                .arg(kMaxOutcomeCountPlatforms),
                            block);
                break;
            }
            PlatformOutcomeCounts counts;
            counts.platform = platform;
            if (readOutcomeCounts(walker, block, &entries, &counts.outcomes))
                details.outcomeCounts.append(std::move(counts));
        } else {
            walker.skip();
        }
    }
    if (walker.failed())
        return walker.error();
    if (!walker.finish())
        return walker.error();
    return details;
}

QByteArray notificationDetailsXml(const NotificationDetails &details)
{
    QString xml;
    xml.reserve(512 + details.notificationBody.size());
    xml += "<NotificationDetails xmlns=\""_L1 + Xml::kServiceBusNs + "\" xmlns:i=\""_L1
        + Xml::kInstanceNs + "\">"_L1;
    appendElementIf(xml, kFieldNames[NotificationId], details.notificationId);
    appendElementIf(xml, kFieldNames[Location], details.location);
    appendElement(xml, kFieldNames[State],
                  details.stateText.isEmpty() ? notificationStateName(details.state)
                                              : details.stateText);
    const std::array<std::pair<Field, const QDateTime *>, 3> times {{
        {EnqueueTime, &details.enqueueTime},
        {StartTime, &details.startTime},
        {EndTime, &details.endTime},
    }};
    for (const auto &[field, time] : times) {
        if (time->isValid())
            appendElement(xml, kFieldNames[field], dateTimeText(*time));
    }
    appendElementIf(xml, kFieldNames[NotificationBody], details.notificationBody);
    appendElementIf(xml, kFieldNames[Tags], details.tags);
    appendElementIf(xml, kFieldNames[TargetPlatforms], details.targetPlatforms.join(u','));
    for (const PlatformOutcomeCounts &counts : details.outcomeCounts) {
        if (!isPlainName(counts.platform))
            continue;
        const QString block = counts.platform + kCountsSuffix;
        xml += u'<' + block + u'>';
        for (const OutcomeCount &outcome : counts.outcomes) {
            xml += "<Outcome>"_L1;
            appendElement(xml, "Name"_L1, outcome.name);
            xml += "<Count>"_L1 + QString::number(outcome.count) + "</Count></Outcome>"_L1;
        }
        xml += "</"_L1 + block + u'>';
    }
    appendElementIf(xml, kFieldNames[PnsErrorDetailsUri], details.pnsErrorDetailsUri);
    xml += "</NotificationDetails>"_L1;
    return xml.toUtf8();
}

} // namespace Nh
