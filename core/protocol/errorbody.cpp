// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/errorbody.h"

#include "protocol/xmlutil.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>
#include <QXmlStreamReader>
#include <limits>
#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

/** The translation context of this file's messages; lupdate reads it from here. */
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Nh::HubErrorBody)
};

constexpr QLatin1StringView kDocument {"Error"};
constexpr QLatin1StringView kTrackingIdLabel {"TrackingId:"};
constexpr QLatin1StringView kTimeStampLabel {"TimeStamp:"};

/** An HTTP-status-like code: a non-negative int. */
bool readCode(Xml::Reader &reader, bool *seen, int *code)
{
    const QLatin1StringView name("Code");
    if (*seen) {
        return reader.fail(ErrorCode::DuplicateField,
                           Tr::tr("<%1> appears more than once").arg(name), name);
    }
    *seen = true;
    QString text;
    if (!reader.readText(&text))
        return false;
    qint64 value = 0;
    switch (Xml::parseCount(text, std::numeric_limits<int>::max(), &value)) {
    case Xml::CountText::Valid:
        *code = int(value);
        return true;
    case Xml::CountText::Empty:
        return reader.fail(ErrorCode::EmptyField,
                           Tr::tr("<%1> is empty: expected a status code").arg(name), name);
    case Xml::CountText::NotWhole:
    case Xml::CountText::Negative:
        return reader.fail(
            ErrorCode::InvalidValue,
            Tr::tr("<%1> is \"%2\", which is not a status code (a whole number of 0 or more)")
                .arg(name, Xml::excerpt(text)),
            name);
    case Xml::CountText::TooLarge:
        break;
    }
    return reader.fail(
        ErrorCode::LimitExceeded,
        Tr::tr("<%1> is \"%2\", larger than the largest code accepted (%3)")
            .arg(name, Xml::excerpt(text), QString::number(std::numeric_limits<int>::max())),
        name);
}

} // namespace

HubErrorBody errorBodyFromDetail(int code, const QString &detail)
{
    HubErrorBody body;
    body.code = code;
    body.detail = detail;
    QStringView text = detail;
    // The last label wins: the human text may itself quote a tracking id.
    if (const qsizetype at = text.lastIndexOf(kTrackingIdLabel); at >= 0) {
        QStringView suffix = text.mid(at + kTrackingIdLabel.size());
        text = text.left(at);
        if (const qsizetype stamp = suffix.indexOf(kTimeStampLabel); stamp >= 0) {
            body.timeStamp = suffix.mid(stamp + kTimeStampLabel.size()).trimmed().toString();
            suffix = suffix.left(stamp).trimmed();
            if (suffix.endsWith(u','))
                suffix.chop(1);
        }
        body.trackingId = suffix.trimmed().toString();
    }
    text = text.trimmed();
    while (text.endsWith(u'.'))
        text.chop(1);
    body.text = text.trimmed().toString();
    return body;
}

Result<HubErrorBody> parseErrorBody(const QByteArray &xml)
{
    if (const Status body = Xml::checkBody(xml, kDocument); !body.ok())
        return body.error();

    Xml::Reader reader(xml, kDocument);
    if (!reader.enterRoot(kDocument))
        return reader.error();

    int code = 0;
    QString detail;
    bool haveCode = false;
    bool haveDetail = false;
    while (reader.nextChild()) {
        if (reader.isElement("Code"_L1)) {
            readCode(reader, &haveCode, &code);
        } else if (reader.isElement("Detail"_L1)) {
            if (haveDetail) {
                reader.fail(ErrorCode::DuplicateField, Tr::tr("<Detail> appears more than once"),
                            u"Detail"_s);
            }
            haveDetail = true;
            reader.readText(&detail);
        } else {
            reader.skip();
        }
    }
    if (reader.failed())
        return reader.error();

    // Located at the root's end tag, but reported only if the rest of the document is
    // well-formed: a syntax error further on explains more.
    std::optional<Error> missing;
    QList<Warning> warnings;
    if (!haveCode) {
        missing = Xml::errorAt(reader.stream(), ErrorCode::MissingField,
                               Tr::tr("The <Error> body has no <Code> element"), u"Code"_s);
    } else if (!haveDetail) {
        warnings.append(
            Xml::warningAt(reader.stream(), Tr::tr("The <Error> body has no <Detail> element")));
    }
    if (!reader.finish())
        return reader.error();
    if (missing)
        return *missing;

    Result<HubErrorBody> result(errorBodyFromDetail(code, detail.trimmed()));
    result.setWarnings(std::move(warnings));
    return result;
}

QByteArray errorBodyXml(int code, const QString &text, const QString &trackingId,
                        const QDateTime &timeStamp)
{
    QString detail = text;
    if (!trackingId.isEmpty()) {
        detail += u'.' + kTrackingIdLabel + trackingId;
        if (timeStamp.isValid())
            detail += u',' + kTimeStampLabel + errorTimeStampText(timeStamp);
    }
    QString xml = "<Error><Code>"_L1 + QString::number(code) + "</Code>"_L1;
    xml += Xml::textElement("Detail"_L1, detail);
    xml += "</Error>"_L1;
    return xml.toUtf8();
}

QString errorTimeStampText(const QDateTime &timeStamp)
{
    return QLocale::c().toString(timeStamp.toUTC(), u"M/d/yyyy h:mm:ss AP"_s);
}

QDateTime parseErrorTimeStamp(QStringView text)
{
    static const QRegularExpression pattern(
        u"^(\\d{1,2})/(\\d{1,2})/(\\d{4}) (\\d{1,2}):(\\d{2}):(\\d{2}) ?([AP]M)$"_s,
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = pattern.match(text.trimmed().toString());
    if (!match.hasMatch())
        return {};
    const auto number = [&match](int group) {
        return match.capturedView(group).toInt();
    };
    int hour = number(4);
    if (hour < 1 || hour > 12)
        return {};
    const bool pm = match.capturedView(7).startsWith(u'P', Qt::CaseInsensitive);
    hour = hour % 12 + (pm ? 12 : 0);
    const QDate date(number(3), number(1), number(2));
    const QTime time(hour, number(5), number(6));
    if (!date.isValid() || !time.isValid())
        return {};
    return QDateTime(date, time, Qt::UTC);
}

} // namespace Nh
