// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/notification.h"

#include "protocol/payloads/templatepayload.h"

#include <QCoreApplication>
#include <QUrl>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

/** The translation context of this file's messages; lupdate reads it from here. */
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Nh::Notification)
};

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
    t.kind = TargetKind::Tags;
    t.tagExpression = expression;
    return t;
}

Target Target::device(const QString &handle, const QByteArray &p256dh, const QByteArray &auth)
{
    Target t;
    t.kind = TargetKind::Device;
    t.deviceHandles = {handle};
    t.p256dh = p256dh;
    t.auth = auth;
    return t;
}

Target Target::devices(const QStringList &handles)
{
    Target t;
    t.kind = TargetKind::Batch;
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

QString notificationIdFromLocation(const QString &location)
{
    return QUrl(location.trimmed()).path().section(u'/', -1, -1);
}

} // namespace Nh
