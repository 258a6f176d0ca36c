// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/notificationdetails.h"

#include "protocol/xmlutil.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QXmlStreamReader>
#include <algorithm>
#include <array>
#include <optional>
#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

/** The translation context of this file's messages; lupdate reads it from here. */
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Nh::NotificationDetails)
};

constexpr QLatin1StringView kDocument {"NotificationDetails"};
constexpr QLatin1StringView kCountsSuffix {"OutcomeCounts"};
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

bool readOutcomeCounts(Xml::Reader &reader, const QString &block, qsizetype *entries,
                       QList<OutcomeCount> *outcomes)
{
    if (Xml::isNil(reader.stream()))
        return reader.skip();
    while (reader.nextChild()) {
        if (!reader.isElement("Outcome"_L1)) {
            if (!reader.skip())
                return false;
            continue;
        }
        if (++*entries > kMaxOutcomeCountEntries) {
            return reader.fail(
                ErrorCode::LimitExceeded,
                Tr::tr("There are more than %1 <Outcome> entries").arg(kMaxOutcomeCountEntries),
                block);
        }
        const qsizetype number = outcomes->size() + 1;
        const QString where = u"%1/Outcome[%2]"_s.arg(block, QString::number(number));
        OutcomeCount outcome;
        bool haveName = false;
        bool haveCount = false;
        while (reader.nextChild()) {
            if (reader.isElement("Name"_L1)) {
                if (haveName) {
                    return reader.fail(ErrorCode::DuplicateField,
                                       Tr::tr("Outcome %1 in <%2> has <Name> more than once")
                                           .arg(number)
                                           .arg(block),
                                       where + "/Name"_L1);
                }
                haveName = true;
                if (!reader.readText(&outcome.name))
                    return false;
                outcome.name = outcome.name.trimmed();
            } else if (reader.isElement("Count"_L1)) {
                const QString label =
                    Tr::tr("<Count> of outcome %1 in <%2>").arg(number).arg(block);
                if (!reader.readCount(label, where + "/Count"_L1, &outcome.count, &haveCount))
                    return false;
            } else if (!reader.skip()) {
                return false;
            }
        }
        if (reader.failed())
            return false;
        if (!haveName || !haveCount) {
            const QLatin1StringView field = haveName ? "Count"_L1 : "Name"_L1;
            return reader.fail(
                ErrorCode::MissingField,
                Tr::tr("Outcome %1 in <%2> has no <%3> element").arg(number).arg(block, field),
                where + u'/' + field);
        }
        outcomes->append(std::move(outcome));
    }
    return !reader.failed();
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

bool readField(Xml::Reader &reader, Field field, NotificationDetails *details)
{
    QString text;
    if (!reader.readText(&text))
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
        return reader.fail(ErrorCode::InvalidValue,
                           Tr::tr("<%1> is \"%2\", which is not a date and time like "
                                  "2015-11-02T21:19:43.9926996Z")
                               .arg(name, Xml::excerpt(value)),
                           name);
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

void appendElementIf(QString &out, QLatin1StringView name, QStringView text)
{
    if (!text.isEmpty())
        out += Xml::textElement(name, text);
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

    Xml::Reader reader(xml, kDocument);
    if (!reader.enterRoot(kDocument))
        return reader.error();

    NotificationDetails details;
    std::array<bool, FieldCount> seen {};
    qsizetype entries = 0;
    while (reader.nextChild()) {
        const QStringView name = reader.stream().name();
        const auto known = std::find(kFieldNames.begin(), kFieldNames.end(), name);
        if (known != kFieldNames.end() && reader.isOurs()) {
            const auto field = Field(known - kFieldNames.begin());
            if (seen[field]) {
                reader.fail(ErrorCode::DuplicateField,
                            Tr::tr("<%1> appears more than once").arg(*known), *known);
                break;
            }
            seen[field] = true;
            readField(reader, field, &details);
        } else if (name.endsWith(kCountsSuffix) && name.size() > kCountsSuffix.size()
                   && reader.isOurs()) {
            const QString block = name.toString();
            const QString platform = name.chopped(kCountsSuffix.size()).toString();
            const bool duplicate =
                std::any_of(details.outcomeCounts.cbegin(), details.outcomeCounts.cend(),
                            [&platform](const PlatformOutcomeCounts &counts) {
                                return counts.platform == platform;
                            });
            if (duplicate) {
                reader.fail(ErrorCode::DuplicateField,
                            Tr::tr("<%1> appears more than once").arg(block), block);
                break;
            }
            if (details.outcomeCounts.size() >= kMaxOutcomeCountPlatforms) {
                reader.fail(ErrorCode::LimitExceeded,
                            Tr::tr("There are more than %1 …OutcomeCounts elements")
                                .arg(kMaxOutcomeCountPlatforms),
                            block);
                break;
            }
            PlatformOutcomeCounts counts;
            counts.platform = platform;
            if (readOutcomeCounts(reader, block, &entries, &counts.outcomes))
                details.outcomeCounts.append(std::move(counts));
        } else {
            reader.skip();
        }
    }
    if (reader.failed())
        return reader.error();
    if (!reader.finish())
        return reader.error();
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
    xml += Xml::textElement(kFieldNames[State],
                            details.stateText.isEmpty() ? notificationStateName(details.state)
                                                        : details.stateText);
    const std::array<std::pair<Field, const QDateTime *>, 3> times {{
        {EnqueueTime, &details.enqueueTime},
        {StartTime, &details.startTime},
        {EndTime, &details.endTime},
    }};
    for (const auto &[field, time] : times) {
        if (time->isValid())
            xml += Xml::textElement(kFieldNames[field], dateTimeText(*time));
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
            xml += Xml::textElement("Name"_L1, outcome.name);
            xml += "<Count>"_L1 + QString::number(outcome.count) + "</Count></Outcome>"_L1;
        }
        xml += "</"_L1 + block + u'>';
    }
    appendElementIf(xml, kFieldNames[PnsErrorDetailsUri], details.pnsErrorDetailsUri);
    xml += "</NotificationDetails>"_L1;
    return xml.toUtf8();
}

} // namespace Nh
