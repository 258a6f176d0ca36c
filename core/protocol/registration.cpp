// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/registration.h"

#include <cstring>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

constexpr QStringView kDescriptionSuffix = u"RegistrationDescription";
constexpr QStringView kTemplateInfix = u"Template";

constexpr Platform kAllPlatforms[] = {
    Platform::Apple, Platform::FcmV1, Platform::Gcm,     Platform::Windows, Platform::WindowsPhone,
    Platform::Adm,   Platform::Baidu, Platform::Browser, Platform::Xiaomi,
};

// Reads exactly `count` decimal digits at `pos`; -1 if any is not a digit.
int readDigits(QStringView text, qsizetype pos, int count)
{
    if (pos + count > text.size())
        return -1;
    int value = 0;
    for (int i = 0; i < count; ++i) {
        const QChar c = text[pos + i];
        if (c < u'0' || c > u'9')
            return -1;
        value = value * 10 + (c.unicode() - u'0');
    }
    return value;
}

} // namespace

QString registrationKindName(RegistrationKind kind)
{
    return registrationKindPrefix(kind.platform)
        % (kind.isTemplate ? kTemplateInfix : QStringView()) % kDescriptionSuffix;
}

std::optional<RegistrationKind> registrationKindFromName(QStringView name)
{
    if (!name.endsWith(kDescriptionSuffix))
        return std::nullopt;
    QStringView prefix = name.chopped(kDescriptionSuffix.size());
    bool isTemplate = false;
    if (prefix.endsWith(kTemplateInfix)) {
        isTemplate = true;
        prefix.chop(kTemplateInfix.size());
    }
    for (const Platform p : kAllPlatforms) {
        if (prefix == registrationKindPrefix(p))
            return RegistrationKind {p, isTemplate};
    }
    return std::nullopt;
}

QString registrationHandleElementName(Platform platform)
{
    switch (platform) {
    case Platform::Apple:
        return u"DeviceToken"_s;
    case Platform::FcmV1:
        return u"FcmV1RegistrationId"_s;
    case Platform::Gcm:
        return u"GcmRegistrationId"_s;
    case Platform::Windows:
    case Platform::WindowsPhone:
        return u"ChannelUri"_s;
    case Platform::Adm:
        return u"AdmRegistrationId"_s;
    case Platform::Baidu:
        return u"BaiduChannelId"_s;
    case Platform::Browser:
        return u"Endpoint"_s;
    case Platform::Xiaomi:
        return u"XiaomiRegistrationId"_s;
    }
    return {};
}

QString registrationHeadersElementName(Platform platform)
{
    switch (platform) {
    case Platform::Apple:
        return u"ApnsHeaders"_s;
    case Platform::Windows:
        return u"WnsHeaders"_s;
    case Platform::WindowsPhone:
        return u"MpnsHeaders"_s;
    default:
        return {};
    }
}

QDateTime Registration::neverExpires()
{
    return QDateTime(QDate(9999, 12, 31), QTime(23, 59, 59, 999), Qt::UTC);
}

QString Registration::kindName() const
{
    return registrationKindName(kind());
}

QString Registration::handleElementName() const
{
    return registrationHandleElementName(platform);
}

std::optional<QDateTime> parseHubDateTime(QStringView text)
{
    const QStringView t = text.trimmed();
    // YYYY-MM-DDTHH:MM:SS is 19 characters.
    if (t.size() < 19 || t[4] != u'-' || t[7] != u'-' || (t[10] != u'T' && t[10] != u't')
        || t[13] != u':' || t[16] != u':') {
        return std::nullopt;
    }
    const int year = readDigits(t, 0, 4);
    const int month = readDigits(t, 5, 2);
    const int day = readDigits(t, 8, 2);
    const int hour = readDigits(t, 11, 2);
    const int minute = readDigits(t, 14, 2);
    const int second = readDigits(t, 17, 2);
    if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0)
        return std::nullopt;

    qsizetype pos = 19;
    int msec = 0;
    if (pos < t.size() && t[pos] == u'.') {
        ++pos;
        int digits = 0;
        while (pos < t.size() && t[pos] >= u'0' && t[pos] <= u'9') {
            // .NET writes seven digits; beyond milliseconds they are dropped, never rounded,
            // so that …59.9999999 stays on the same day.
            if (digits < 3)
                msec = msec * 10 + (t[pos].unicode() - u'0');
            ++digits;
            ++pos;
        }
        if (digits == 0)
            return std::nullopt;
        for (int i = digits; i < 3; ++i)
            msec *= 10;
    }

    int offsetSeconds = 0;
    if (pos < t.size()) {
        const QChar zone = t[pos];
        if (zone == u'Z' || zone == u'z') {
            ++pos;
        } else if (zone == u'+' || zone == u'-') {
            const int oh = readDigits(t, pos + 1, 2);
            qsizetype next = pos + 3;
            if (next < t.size() && t[next] == u':')
                ++next;
            const int om = readDigits(t, next, 2);
            if (oh < 0 || om < 0 || oh > 23 || om > 59)
                return std::nullopt;
            offsetSeconds = (oh * 3600 + om * 60) * (zone == u'-' ? -1 : 1);
            pos = next + 2;
        } else {
            return std::nullopt;
        }
    }
    if (pos != t.size())
        return std::nullopt;

    const QDate date(year, month, day);
    const QTime time(hour, minute, second, msec);
    if (!date.isValid() || !time.isValid())
        return std::nullopt;
    QDateTime result(date, time, Qt::OffsetFromUTC, offsetSeconds);
    if (!result.isValid())
        return std::nullopt;
    return result.toUTC();
}

namespace {

/** What toUTC().toString(Qt::ISODate or ISODateWithMs) writes, without its allocations: feeds
 *  write three of these per registration. Years outside 1..9999 take Qt's own path. */
QString isoUtc(const QDateTime &dateTime, bool withMs)
{
    const QDateTime utc = dateTime.toUTC();
    int year = 0;
    int month = 0;
    int day = 0;
    utc.date().getDate(&year, &month, &day); // one calendar conversion, not three
    if (!utc.isValid() || year < 1 || year > 9999)
        return utc.toString(withMs ? Qt::ISODateWithMs : Qt::ISODate);
    const QTime t = utc.time();
    char16_t text[24];
    qsizetype n = 0;
    const auto digits = [&](int value, int width) {
        for (int i = width - 1; i >= 0; --i, value /= 10)
            text[n + i] = char16_t(u'0' + value % 10);
        n += width;
    };
    digits(year, 4);
    text[n++] = u'-';
    digits(month, 2);
    text[n++] = u'-';
    digits(day, 2);
    text[n++] = u'T';
    digits(t.hour(), 2);
    text[n++] = u':';
    digits(t.minute(), 2);
    text[n++] = u':';
    digits(t.second(), 2);
    if (withMs) {
        text[n++] = u'.';
        digits(t.msec(), 3);
    }
    text[n++] = u'Z';
    return QString(reinterpret_cast<const QChar *>(text), n);
}

} // namespace

QString hubDateTimeText(const QDateTime &dateTime)
{
    return isoUtc(dateTime, false);
}

QString hubDateTimeTextWithMs(const QDateTime &dateTime)
{
    return isoUtc(dateTime, true);
}

void appendHubDateTime(QByteArray &out, qint64 msSinceEpoch, bool withMs)
{
    constexpr qint64 kMsPerDay = 24 * 3600 * 1000;
    // Floor division: times before 1970 count back from the previous midnight.
    qint64 days = msSinceEpoch / kMsPerDay;
    qint64 msOfDay = msSinceEpoch % kMsPerDay;
    if (msOfDay < 0) {
        msOfDay += kMsPerDay;
        --days;
    }
    // The proleptic Gregorian date of a day number (H. Hinnant's civil_from_days), as QDate has.
    const qint64 z = days + 719468;
    const qint64 era = (z >= 0 ? z : z - 146096) / 146097;
    const qint64 doe = z - era * 146097;
    const qint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const qint64 mp = (5 * doy + 2) / 153;
    const int day = int(doy - (153 * mp + 2) / 5 + 1);
    const int month = int(mp < 10 ? mp + 3 : mp - 9);
    const qint64 year = yoe + era * 400 + (month <= 2 ? 1 : 0);
    if (year < 1 || year > 9999) {
        const QDateTime t = QDateTime::fromMSecsSinceEpoch(msSinceEpoch, Qt::UTC);
        out += (withMs ? hubDateTimeTextWithMs(t) : hubDateTimeText(t)).toUtf8();
        return;
    }
    char text[24];
    qsizetype n = 0;
    const auto digits = [&](qint64 value, int width) {
        for (int i = width - 1; i >= 0; --i, value /= 10)
            text[n + i] = char('0' + value % 10);
        n += width;
    };
    digits(year, 4);
    text[n++] = '-';
    digits(month, 2);
    text[n++] = '-';
    digits(day, 2);
    text[n++] = 'T';
    digits(msOfDay / 3600000, 2);
    text[n++] = ':';
    digits(msOfDay / 60000 % 60, 2);
    text[n++] = ':';
    digits(msOfDay / 1000 % 60, 2);
    if (withMs) {
        text[n++] = '.';
        digits(msOfDay % 1000, 3);
    }
    text[n++] = 'Z';
    // resize and copy: QByteArray::append() goes through insert(), dearer for short pieces.
    const qsizetype at = out.size();
    out.resize(at + n);
    std::memcpy(out.data() + at, text, size_t(n));
}

} // namespace Nh
