// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/notification.h"

#include "protocol/directbatch.h"
#include "protocol/payloadbuilder.h"
#include "protocol/payloads/templatepayload.h"
#include "protocol/tagexpression.h"

#include <QCoreApplication>
#include <QSet>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

/** The translation context of this file's messages; lupdate reads it from here. */
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Nh::Notification)
};

QByteArray bytes(QByteArrayView v)
{
    return v.toByteArray();
}

/** Offset of the first control character (a header value must not hold one), or -1. */
qsizetype firstControl(QStringView s)
{
    for (qsizetype i = 0; i < s.size(); ++i) {
        const char16_t c = s.at(i).unicode();
        if (c < 0x20 || c == 0x7F)
            return i;
    }
    return -1;
}

Status checkHandle(const QString &handle, qsizetype index, qsizetype count)
{
    const QString place =
        count > 1 ? Tr::tr("Device handle %1").arg(index + 1) : Tr::tr("The device handle");
    if (handle.trimmed().isEmpty()) {
        return makeError(ErrorCode::EmptyField, Tr::tr("%1 is empty").arg(place), -1, 0,
                         QString::fromLatin1(kDeviceHandleHeader));
    }
    if (const qsizetype at = firstControl(handle); at >= 0) {
        return makeError(ErrorCode::InvalidValue,
                         Tr::tr("%1 contains a line break or control character at position %2")
                             .arg(place)
                             .arg(at + 1),
                         at, 1, QString::fromLatin1(kDeviceHandleHeader));
    }
    return {};
}

bool isHex(QStringView s)
{
    for (const QChar c : s) {
        if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F')))
            return false;
    }
    return !s.isEmpty();
}

/** "2026-01-31T12:00:00" reader with located errors (positions are 1-based in messages). */
class ScheduleTimeReader
{
public:
    explicit ScheduleTimeReader(QByteArrayView text)
        : m_text(text)
    { }

    Result<QDateTime> read()
    {
        qsizetype begin = 0;
        qsizetype end = m_text.size();
        while (begin < end && (m_text.at(begin) == ' ' || m_text.at(begin) == '\t'))
            ++begin;
        while (end > begin && (m_text.at(end - 1) == ' ' || m_text.at(end - 1) == '\t'))
            --end;
        if (begin == end)
            return makeError(ErrorCode::Empty, Tr::tr("The schedule time is empty"));
        m_pos = begin;
        m_end = end;

        int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, msec = 0;
        if (!number(4, &year) || !expect("-") || !number(2, &month) || !expect("-")
            || !number(2, &day) || !expect("Tt ") || !number(2, &hour) || !expect(":")
            || !number(2, &minute) || !expect(":") || !number(2, &second))
            return *m_error;
        if (m_pos < m_end && m_text.at(m_pos) == '.') {
            ++m_pos;
            const qsizetype start = m_pos;
            QByteArray fraction;
            while (m_pos < m_end && isDigit(m_text.at(m_pos)))
                fraction.append(m_text.at(m_pos++));
            if (fraction.isEmpty()) {
                fail(m_pos >= m_end ? ErrorCode::Truncated : ErrorCode::Syntax,
                     Tr::tr("expected the digits of the fraction of a second"));
                return *m_error;
            }
            if (fraction.size() > 7) {
                m_pos = start + 7;
                fail(ErrorCode::Syntax, Tr::tr("a fraction of a second has at most 7 digits"));
                return *m_error;
            }
            msec = fraction.leftJustified(3, '0').left(3).toInt();
        }
        int offsetSeconds = 0;
        if (m_pos < m_end) {
            const char zone = m_text.at(m_pos);
            if (zone == 'Z' || zone == 'z') {
                ++m_pos;
            } else if (zone == '+' || zone == '-') {
                ++m_pos;
                int oh = 0, om = 0;
                if (!number(2, &oh) || !expect(":") || !number(2, &om))
                    return *m_error;
                if (oh > 23 || om > 59) {
                    m_pos -= 5;
                    fail(ErrorCode::InvalidValue, Tr::tr("the UTC offset is out of range"));
                    return *m_error;
                }
                offsetSeconds = (oh * 60 + om) * 60 * (zone == '-' ? -1 : 1);
            } else {
                fail(ErrorCode::Syntax,
                     Tr::tr("expected '.', 'Z', an offset such as +02:00 or the end"));
                return *m_error;
            }
        }
        if (m_pos < m_end) {
            fail(ErrorCode::Syntax, Tr::tr("unexpected text after the time"));
            return *m_error;
        }
        const QDate date(year, month, day);
        const QTime time(hour, minute, second, msec);
        if (!date.isValid() || !time.isValid()) {
            return makeError(ErrorCode::InvalidValue,
                             Tr::tr("The schedule time \"%1\" names a date or time that does not "
                                    "exist")
                                 .arg(shown()),
                             begin, end - begin, QString::fromLatin1(kScheduleTimeHeader));
        }
        // Qt 6.4 has no QTimeZone::fromSecondsAheadOfUtc(); shifting a UTC time is the same.
        return QDateTime(date, time, Qt::UTC).addSecs(-offsetSeconds);
    }

private:
    static bool isDigit(char c) { return c >= '0' && c <= '9'; }

    QString shown() const
    {
        return QString::fromUtf8(m_text.first(qMin(m_text.size(), qsizetype(60)))).trimmed();
    }

    bool fail(ErrorCode code, const QString &detail)
    {
        m_error = makeError(code,
                            Tr::tr("The schedule time \"%1\" is not valid at position %2: %3")
                                .arg(shown())
                                .arg(m_pos + 1)
                                .arg(detail),
                            m_pos, m_pos < m_end ? 1 : 0, QString::fromLatin1(kScheduleTimeHeader));
        return false;
    }

    bool number(int digits, int *out)
    {
        int value = 0;
        for (int i = 0; i < digits; ++i) {
            if (m_pos >= m_end)
                return fail(ErrorCode::Truncated, Tr::tr("it ends where a digit was expected"));
            const char c = m_text.at(m_pos);
            if (!isDigit(c))
                return fail(ErrorCode::Syntax, Tr::tr("expected a digit"));
            value = value * 10 + (c - '0');
            ++m_pos;
        }
        *out = value;
        return true;
    }

    bool expect(QByteArrayView oneOf)
    {
        if (m_pos >= m_end) {
            return fail(ErrorCode::Truncated,
                        Tr::tr("it ends where '%1' was expected").arg(QLatin1Char(oneOf.at(0))));
        }
        if (!oneOf.contains(m_text.at(m_pos)))
            return fail(ErrorCode::Syntax, Tr::tr("expected '%1'").arg(QLatin1Char(oneOf.at(0))));
        ++m_pos;
        return true;
    }

    QByteArrayView m_text;
    qsizetype m_pos = 0;
    qsizetype m_end = 0;
    std::optional<Error> m_error;
};

} // namespace

Target Target::broadcast()
{
    return {};
}

Target Target::tags(const QString &expression)
{
    Target t;
    t.kind = Kind::TagExpression;
    t.tagExpression = expression;
    return t;
}

Target Target::device(const QString &handle, const QByteArray &p256dh, const QByteArray &auth)
{
    Target t;
    t.kind = Kind::DeviceHandle;
    t.deviceHandles = {handle};
    t.p256dh = p256dh;
    t.auth = auth;
    return t;
}

Target Target::devices(const QStringList &handles)
{
    Target t;
    t.kind = Kind::DeviceHandles;
    t.deviceHandles = handles;
    return t;
}

QByteArray templateBody(const TemplateProperties &properties)
{
    return TemplatePayload::bodyFromProperties(properties);
}

Result<TemplateProperties> templateProperties(const QByteArray &body)
{
    return TemplatePayload::propertiesFromBody(body);
}

Status validateTagTarget(QStringView expression)
{
    const QStringView trimmed = expression.trimmed();
    if (trimmed.isEmpty()) {
        return makeError(ErrorCode::EmptyField,
                         Tr::tr("The tag expression is empty; choose a broadcast to reach every "
                                "registration"),
                         -1, 0, QString::fromLatin1(kTagsHeader));
    }
    if (const qsizetype at = firstControl(expression); at >= 0) {
        return makeError(ErrorCode::InvalidValue,
                         Tr::tr("The tag expression contains a line break or control character at "
                                "position %1")
                             .arg(at + 1),
                         at, 1, QString::fromLatin1(kTagsHeader));
    }
    const auto parsed = TagExpression::parse(expression);
    if (!parsed) {
        Error e = parsed.error();
        if (e.where.isEmpty())
            e.where = QString::fromLatin1(kTagsHeader);
        return e;
    }
    Status result;
    for (const auto &w : parsed.warnings())
        result.addWarning(w);
    return result;
}

QByteArray formatScheduleTime(const QDateTime &time)
{
    const QDateTime utc = time.toUTC();
    const QDate d = utc.date();
    const QTime t = utc.time();
    // Built by hand: QDateTime::toString() follows the locale's digits.
    return QString::asprintf("%04d-%02d-%02dT%02d:%02d:%02d", d.year(), d.month(), d.day(),
                             t.hour(), t.minute(), t.second())
        .toLatin1();
}

Result<QDateTime> parseScheduleTime(QByteArrayView value)
{
    return ScheduleTimeReader(value).read();
}

Result<PreparedSend> prepareSend(const Notification &notification, const QDateTime &now)
{
    const PayloadBuilder &builder = payloadBuilder(notification.format);
    const Target &target = notification.target;
    QList<Warning> warnings;
    PreparedSend out;
    out.path = u"messages"_s;

    // --- target ---
    const bool direct =
        target.kind == Target::Kind::DeviceHandle || target.kind == Target::Kind::DeviceHandles;
    if (direct && notification.format == Format::Template) {
        return makeError(
            ErrorCode::InvalidValue,
            Tr::tr("A template notification cannot be sent to a device handle: the hub "
                   "needs a registration's template to render it. Choose a native "
                   "format or a tag target"),
            -1, 0, QString::fromLatin1(kDeviceHandleHeader));
    }
    QString tags;
    QStringList handles;
    HttpHeaders userHeaders = notification.headers;
    switch (target.kind) {
    case Target::Kind::Broadcast:
        break;
    case Target::Kind::TagExpression: {
        const Status s = validateTagTarget(target.tagExpression);
        if (!s)
            return s.error();
        warnings.append(s.warnings());
        tags = target.tagExpression.trimmed();
        break;
    }
    case Target::Kind::DeviceHandle: {
        if (target.deviceHandles.size() != 1) {
            return makeError(
                target.deviceHandles.isEmpty() ? ErrorCode::EmptyField : ErrorCode::InvalidValue,
                Tr::tr("A direct send needs exactly one device handle (%1 given); use a "
                       "direct batch for more")
                    .arg(target.deviceHandles.size()),
                -1, 0, QString::fromLatin1(kDeviceHandleHeader));
        }
        if (const Status s = checkHandle(target.deviceHandles.first(), 0, 1); !s)
            return s.error();
        handles.append(target.deviceHandles.first().trimmed());
        if (notification.format == Format::Apple && !isHex(handles.first())) {
            Warning w;
            w.message = Tr::tr("An APNs device token is hexadecimal; this handle is not, so APNs "
                               "will likely refuse it");
            warnings.append(w);
        }
        if (notification.format == Format::Browser) {
            // The subscription keys travel as headers; the user's own headers win.
            if (!hasHeader(userHeaders, kP256dhHeader) && !target.p256dh.isEmpty())
                userHeaders.append({bytes(kP256dhHeader), target.p256dh});
            if (!hasHeader(userHeaders, kAuthHeader) && !target.auth.isEmpty())
                userHeaders.append({bytes(kAuthHeader), target.auth});
            for (const QByteArrayView name : {kP256dhHeader, kAuthHeader}) {
                if (!hasHeader(userHeaders, name)) {
                    return makeError(ErrorCode::MissingField,
                                     Tr::tr("A browser direct send needs the subscription's %1 key "
                                            "(the header %1)")
                                         .arg(QString::fromLatin1(name)),
                                     -1, 0, QString::fromLatin1(name));
                }
            }
        }
        break;
    }
    case Target::Kind::DeviceHandles: {
        if (target.deviceHandles.isEmpty()) {
            return makeError(ErrorCode::EmptyField,
                             Tr::tr("A direct batch needs at least one device handle"), -1, 0,
                             u"devices"_s);
        }
        if (target.deviceHandles.size() > kMaxDirectBatchHandles) {
            return makeError(ErrorCode::LimitExceeded,
                             Tr::tr("A direct batch takes at most %1 device handles, not %2")
                                 .arg(kMaxDirectBatchHandles)
                                 .arg(target.deviceHandles.size()),
                             -1, 0, u"devices"_s);
        }
        QSet<QString> seen;
        for (qsizetype i = 0; i < target.deviceHandles.size(); ++i) {
            const QString &handle = target.deviceHandles.at(i);
            if (const Status s = checkHandle(handle, i, target.deviceHandles.size()); !s)
                return s.error();
            const QString trimmed = handle.trimmed();
            if (seen.contains(trimmed)) {
                Warning w;
                w.message =
                    Tr::tr("Device handle %1 repeats an earlier one; the device may get the "
                           "notification twice")
                        .arg(i + 1);
                warnings.append(w);
            }
            seen.insert(trimmed);
            handles.append(trimmed);
        }
        if (notification.format == Format::Browser) {
            Warning w;
            w.message =
                Tr::tr("A direct batch has no place for each subscription's P256DH and Auth "
                       "keys; whether the hub delivers browser batches is unconfirmed");
            warnings.append(w);
        }
        break;
    }
    }

    // --- schedule ---
    QByteArray scheduleTime;
    if (notification.scheduleTime) {
        const QDateTime &when = *notification.scheduleTime;
        const QString where = QString::fromLatin1(kScheduleTimeHeader);
        if (!when.isValid()) {
            return makeError(ErrorCode::InvalidValue,
                             Tr::tr("The schedule time is not a valid time"), -1, 0, where);
        }
        if (direct) {
            return makeError(ErrorCode::InvalidValue,
                             Tr::tr("Scheduled sends go to tags or to everyone; the hub cannot "
                                    "schedule a direct send to device handles"),
                             -1, 0, where);
        }
        const QDateTime utc = when.toUTC();
        const QDateTime nowUtc = now.toUTC();
        if (utc < nowUtc) {
            return makeError(ErrorCode::InvalidValue,
                             Tr::tr("The schedule time %1 UTC is in the past (now %2 UTC)")
                                 .arg(QString::fromLatin1(formatScheduleTime(utc)),
                                      QString::fromLatin1(formatScheduleTime(nowUtc))),
                             -1, 0, where);
        }
        if (utc > nowUtc.addDays(kMaxScheduleDays)) {
            return makeError(ErrorCode::LimitExceeded,
                             Tr::tr("The schedule time %1 UTC is more than %2 days ahead; the hub "
                                    "schedules at most %2 days in advance")
                                 .arg(QString::fromLatin1(formatScheduleTime(utc)))
                                 .arg(kMaxScheduleDays),
                             -1, 0, where);
        }
        scheduleTime = formatScheduleTime(utc);
        out.path = u"schedulednotifications"_s;
    }

    // --- payload and platform headers ---
    const Status valid = builder.validate(notification.body, userHeaders);
    if (!valid)
        return valid.error();
    warnings.append(valid.warnings());

    const auto userContentType = headerValue(userHeaders, kContentTypeHeader);
    const QByteArray payloadType = userContentType
        ? userContentType->trimmed()
        : builder.contentType(notification.body, userHeaders);

    HttpHeaders &headers = out.headers;
    headers.append({bytes(kFormatHeader), formatWireName(notification.format).toLatin1()});
    if (!tags.isEmpty())
        headers.append({bytes(kTagsHeader), tags.toUtf8()});
    if (target.kind == Target::Kind::DeviceHandle)
        headers.append({bytes(kDeviceHandleHeader), handles.first().toUtf8()});
    if (!scheduleTime.isEmpty())
        headers.append({bytes(kScheduleTimeHeader), scheduleTime});

    if (target.kind == Target::Kind::DeviceHandles) {
        const QByteArray boundary = batchBoundaryFor(notification.body);
        out.path = u"messages/$batch"_s;
        out.body = buildDirectBatchBody(payloadType, notification.body, handles, boundary);
        headers.append({bytes(kContentTypeHeader), directBatchContentType(boundary)});
        if (out.body.size() > kMaxSendBodyBytes) {
            Warning w;
            w.message =
                Tr::tr("The batch request is %1 bytes; the hub refuses single sends over %2 "
                       "bytes and does not document its limit for batches")
                    .arg(out.body.size())
                    .arg(kMaxSendBodyBytes);
            warnings.append(w);
        }
    } else {
        out.body = notification.body;
        headers.append({bytes(kContentTypeHeader), payloadType});
    }
    headers.append(builder.platformHeaders(notification.body, userHeaders));
    if (direct)
        out.queryFlags.append(u"direct"_s);

    Result<PreparedSend> result(std::move(out));
    result.setWarnings(warnings);
    return result;
}

} // namespace Nh
