// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/errorbody.h"

#include "protocol/xmlutil.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>
#include <QXmlStreamReader>
#include <algorithm>
#include <limits>
#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Nh::HubErrorBody", text);
}

constexpr QLatin1StringView kDocument {"Error"};
constexpr QLatin1StringView kTrackingIdLabel {"TrackingId:"};
constexpr QLatin1StringView kTimeStampLabel {"TimeStamp:"};
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

/** An HTTP-status-like code: a non-negative int. */
bool readCode(Walker &walker, bool *seen, int *code)
{
    const QLatin1StringView name("Code");
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
        walker.fail(ErrorCode::EmptyField, tr("<%1> is empty: expected a status code").arg(name),
                    name);
        return false;
    }
    const bool negative = digits.startsWith(u'-');
    if (negative || digits.startsWith(u'+'))
        digits = digits.mid(1);
    const bool allDigits = !digits.isEmpty()
        && std::all_of(digits.begin(), digits.end(),
                       [](QChar c) { return c >= u'0' && c <= u'9'; });
    if (!allDigits || negative) {
        walker.fail(ErrorCode::InvalidValue,
                    tr("<%1> is \"%2\", which is not a status code (a whole number of 0 or more)")
                        .arg(name, quoted(text)),
                    name);
        return false;
    }
    bool ok = false;
    const int value = digits.toInt(&ok);
    if (!ok) {
        walker.fail(ErrorCode::LimitExceeded,
                    tr("<%1> is \"%2\", larger than the largest code accepted (%3)")
                        .arg(name, quoted(text))
                        .arg(std::numeric_limits<int>::max()),
                    name);
        return false;
    }
    *code = value;
    return true;
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

    Walker walker(xml, kDocument);
    if (!walker.enterRoot(kDocument))
        return walker.error();

    int code = 0;
    QString detail;
    bool haveCode = false;
    bool haveDetail = false;
    while (walker.nextChild()) {
        if (walker.isElement("Code"_L1)) {
            readCode(walker, &haveCode, &code);
        } else if (walker.isElement("Detail"_L1)) {
            if (haveDetail) {
                walker.fail(ErrorCode::DuplicateField, tr("<Detail> appears more than once"),
                            u"Detail"_s);
            }
            haveDetail = true;
            walker.readText(&detail);
        } else {
            walker.skip();
        }
    }
    if (walker.failed())
        return walker.error();

    // Located at the root's end tag, but reported only if the rest of the document is
    // well-formed: a syntax error further on explains more.
    std::optional<Error> missing;
    QList<Warning> warnings;
    if (!haveCode) {
        missing = Xml::errorAt(walker.reader(), ErrorCode::MissingField,
                               tr("The <Error> body has no <Code> element"), u"Code"_s);
    } else if (!haveDetail) {
        Warning warning;
        warning.message = tr("The <Error> body has no <Detail> element");
        warning.offset = walker.reader().characterOffset();
        warnings.append(warning);
    }
    if (!walker.finish())
        return walker.error();
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
    appendElement(xml, "Detail"_L1, detail);
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
