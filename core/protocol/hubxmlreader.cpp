// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/hubxmlreader.h"

#include "protocol/registration.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <limits>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

/** The translation context of this file's messages (the hub description's); lupdate reads it
 *  from here. */
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Nh::HubDescription)
};

} // namespace

bool HubXmlReader::failAt(const Xml::Position &at, const QString &where, ErrorCode code,
                          const QString &what)
{
    if (!m_failed) {
        m_error = Xml::errorAt(at, code, what, where);
        m_failed = true;
    }
    return false;
}

QXmlStreamReader::TokenType HubXmlReader::advance()
{
    if (m_failed)
        return QXmlStreamReader::Invalid;
    const auto token = m_reader.readNext();
    switch (token) {
    case QXmlStreamReader::StartElement:
        m_path.append(m_reader.name().toString());
        m_namespaces.append(m_reader.namespaceDeclarations());
        if (m_path.size() > Xml::kMaxDepth) {
            fail(ErrorCode::LimitExceeded,
                 Tr::tr("Elements are nested more than %1 levels deep").arg(Xml::kMaxDepth));
            return QXmlStreamReader::Invalid;
        }
        break;
    case QXmlStreamReader::EndElement:
        m_path.removeLast();
        m_namespaces.removeLast();
        break;
    case QXmlStreamReader::Invalid:
    case QXmlStreamReader::EndDocument:
        if (!m_path.isEmpty() || m_reader.hasError())
            failFromReader();
        break;
    default:
        break;
    }
    return token;
}

bool HubXmlReader::failFromReader()
{
    if (m_failed)
        return false;
    if (m_reader.hasError()) {
        m_error = Xml::readerError(m_reader, u"hub description"_s, m_input);
        m_error.where = path();
        m_failed = true;
        return false;
    }
    return fail(ErrorCode::Truncated, Tr::tr("The hub description document ends too early"));
}

bool HubXmlReader::enterRoot()
{
    while (!m_failed && !m_reader.atEnd()) {
        if (advance() == QXmlStreamReader::StartElement)
            return true;
    }
    if (!m_failed)
        failFromReader();
    return false;
}

bool HubXmlReader::finish()
{
    while (!m_failed && !m_reader.atEnd())
        advance();
    return !m_failed;
}

bool HubXmlReader::nextChild()
{
    while (!m_failed) {
        switch (advance()) {
        case QXmlStreamReader::StartElement:
            return true;
        case QXmlStreamReader::EndElement:
        case QXmlStreamReader::Invalid:
        case QXmlStreamReader::EndDocument:
            return false;
        default:
            break;
        }
    }
    return false;
}

bool HubXmlReader::skip()
{
    const qsizetype level = m_path.size();
    while (!m_failed) {
        const auto token = advance();
        if (token == QXmlStreamReader::EndElement && m_path.size() < level)
            return true;
        if (token == QXmlStreamReader::Invalid || token == QXmlStreamReader::EndDocument)
            return false;
    }
    return false;
}

bool HubXmlReader::skipWithWarning()
{
    warn(Xml::warningAt(
        m_reader,
        Tr::tr("The element %1 is not part of a hub description and was ignored").arg(path())));
    return skip();
}

bool HubXmlReader::readText(QString *text)
{
    if (Xml::isNil(m_reader)) {
        text->clear();
        return skip();
    }
    QString value;
    const QString container = path();
    while (!m_failed) {
        switch (advance()) {
        case QXmlStreamReader::Characters:
        case QXmlStreamReader::EntityReference:
            value += m_reader.text();
            break;
        case QXmlStreamReader::EndElement:
            *text = std::move(value);
            return true;
        case QXmlStreamReader::StartElement:
            return fail(ErrorCode::Syntax,
                        Tr::tr("Unexpected element <%1> inside %2: expected text")
                            .arg(m_reader.name().toString(), container));
        case QXmlStreamReader::Invalid:
        case QXmlStreamReader::EndDocument:
            return false;
        default:
            break;
        }
    }
    return false;
}

bool HubXmlReader::readDate(QDateTime *when)
{
    const Xml::Position at = position();
    const QString where = path();
    QString text;
    if (!readText(&text))
        return false;
    if (text.trimmed().isEmpty()) {
        *when = {};
        return true;
    }
    const auto parsed = parseHubDateTime(text);
    if (!parsed) {
        return failAt(at, where, ErrorCode::InvalidValue,
                      Tr::tr("%1 is \"%2\", which is not an ISO 8601 date and time")
                          .arg(where, Xml::excerpt(text)));
    }
    *when = *parsed;
    return true;
}

bool HubXmlReader::readCount(std::optional<qint64> *value)
{
    const Xml::Position at = position();
    const QString where = path();
    if (value->has_value())
        return fail(ErrorCode::DuplicateField, Tr::tr("%1 appears more than once").arg(where));
    QString text;
    if (!readText(&text))
        return false;
    qint64 number = 0;
    switch (Xml::parseCount(text, std::numeric_limits<qint64>::max(), &number)) {
    case Xml::CountText::Valid:
        *value = number;
        return true;
    case Xml::CountText::Empty:
        return failAt(at, where, ErrorCode::EmptyField,
                      Tr::tr("%1 is empty: expected a count").arg(where));
    case Xml::CountText::NotWhole:
    case Xml::CountText::Negative:
        break;
    case Xml::CountText::TooLarge:
        return failAt(
            at, where, ErrorCode::LimitExceeded,
            Tr::tr("%1 is \"%2\", larger than the largest count").arg(where, Xml::excerpt(text)));
    }
    return failAt(at, where, ErrorCode::InvalidValue,
                  Tr::tr("%1 is \"%2\", which is not a count (a whole number, 0 or more)")
                      .arg(where, Xml::excerpt(text)));
}

bool HubXmlReader::readBool(std::optional<bool> *value)
{
    const Xml::Position at = position();
    const QString where = path();
    QString text;
    if (!readText(&text))
        return false;
    const QString t = text.trimmed().toLower();
    if (t == u"true" || t == u"1") {
        *value = true;
    } else if (t == u"false" || t == u"0") {
        *value = false;
    } else {
        return failAt(
            at, where, ErrorCode::InvalidValue,
            Tr::tr("%1 is \"%2\": expected true or false").arg(where, Xml::excerpt(text)));
    }
    return true;
}

bool HubXmlReader::isOurs() const
{
    const QStringView ns = m_reader.namespaceUri();
    return ns.isEmpty() || ns == Xml::kServiceBusNs;
}

/**
 * The current element serialised again: its namespace prefixes in use are declared on it (with
 * the bindings in scope where it stands), text escaped as the service writes it.
 */
bool HubXmlReader::capture(QString *xml)
{
    QHash<QString, QString> scope; // prefix → URI in scope at the element
    for (const QXmlStreamNamespaceDeclarations &level : std::as_const(m_namespaces)) {
        for (const QXmlStreamNamespaceDeclaration &d : level)
            scope.insert(d.prefix().toString(), d.namespaceUri().toString());
    }
    QSet<QString> used;
    const auto prefixOf = [](QStringView qualified) {
        const qsizetype colon = qualified.indexOf(u':');
        return colon < 0 ? QString() : qualified.first(colon).toString();
    };
    const auto writeAttributes = [&](QString &out) {
        for (const QXmlStreamAttribute &a : m_reader.attributes()) {
            const QString prefix = prefixOf(a.qualifiedName());
            if (!prefix.isEmpty())
                used.insert(prefix);
            out += u' ' + a.qualifiedName() + u"=\""_s + Xml::escapeAttribute(a.value()) + u'"';
        }
    };
    const QString rootName = m_reader.qualifiedName().toString();
    used.insert(prefixOf(rootName));
    QString rootAttributes;
    writeAttributes(rootAttributes);
    QString body;
    const qsizetype level = m_path.size();
    while (!m_failed) {
        switch (advance()) {
        case QXmlStreamReader::StartElement: {
            const QString qualified = m_reader.qualifiedName().toString();
            used.insert(prefixOf(qualified));
            body += u'<' + qualified;
            for (const QXmlStreamNamespaceDeclaration &d : m_reader.namespaceDeclarations()) {
                body += (d.prefix().isEmpty() ? u" xmlns"_s : u" xmlns:"_s + d.prefix()) + u"=\""_s
                    + Xml::escapeAttribute(d.namespaceUri()) + u'"';
            }
            writeAttributes(body);
            body += u'>';
            break;
        }
        case QXmlStreamReader::EndElement:
            if (m_path.size() < level) {
                QStringList prefixes(used.cbegin(), used.cend());
                prefixes.sort();
                QString start = u'<' + rootName;
                for (const QString &prefix : std::as_const(prefixes)) {
                    const auto bound = scope.constFind(prefix);
                    if (prefix == u"xml" || bound == scope.cend())
                        continue;
                    start += (prefix.isEmpty() ? u" xmlns"_s : u" xmlns:"_s + prefix) + u"=\""_s
                        + Xml::escapeAttribute(*bound) + u'"';
                }
                *xml = start + rootAttributes + u'>' + body + u"</"_s + rootName + u'>';
                return true;
            }
            body += u"</"_s + m_reader.qualifiedName() + u'>';
            break;
        case QXmlStreamReader::Characters:
        case QXmlStreamReader::EntityReference:
            body += Xml::escapeText(m_reader.text(), Xml::TextEscaping::Service);
            break;
        case QXmlStreamReader::Comment:
            body += u"<!--"_s + m_reader.text() + u"-->"_s;
            break;
        case QXmlStreamReader::Invalid:
        case QXmlStreamReader::EndDocument:
            return false;
        default:
            break;
        }
    }
    return false;
}

} // namespace Nh
