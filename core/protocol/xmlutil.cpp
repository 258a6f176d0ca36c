// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/xmlutil.h"

#include <QCoreApplication>
#include <QXmlStreamReader>

namespace Nh::Xml {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Nh::Xml", text);
}
} // namespace

Error errorAt(const QXmlStreamReader &reader, ErrorCode code, const QString &what,
              const QString &where)
{
    Error e;
    e.code = code;
    e.line = reader.lineNumber();
    e.column = reader.columnNumber();
    e.offset = reader.characterOffset();
    e.where = where;
    e.message = tr("%1 (line %2, column %3)").arg(what).arg(e.line).arg(e.column);
    return e;
}

Error readerError(const QXmlStreamReader &reader, const QString &document)
{
    const bool truncated = reader.error() == QXmlStreamReader::PrematureEndOfDocumentError;
    const QString what = truncated
        ? tr("The %1 document ends too early: %2").arg(document, reader.errorString())
        : tr("The %1 document is not well-formed XML: %2").arg(document, reader.errorString());
    return errorAt(reader, truncated ? ErrorCode::Truncated : ErrorCode::Syntax, what);
}

QString readLeafText(QXmlStreamReader &reader, Error *error)
{
    const QString name = reader.name().toString();
    QString text;
    while (!reader.atEnd()) {
        switch (reader.readNext()) {
        case QXmlStreamReader::Characters:
        case QXmlStreamReader::EntityReference:
            text += reader.text();
            break;
        case QXmlStreamReader::EndElement:
            return text;
        case QXmlStreamReader::StartElement:
            if (error) {
                *error = errorAt(reader, ErrorCode::Syntax,
                                 tr("Unexpected element <%1> inside <%2>: expected text")
                                     .arg(reader.name().toString(), name),
                                 name);
            }
            return {};
        default:
            break;
        }
    }
    if (error)
        *error = readerError(reader, name);
    return {};
}

bool skipElement(QXmlStreamReader &reader)
{
    int depth = 1;
    while (!reader.atEnd()) {
        const auto token = reader.readNext();
        if (token == QXmlStreamReader::StartElement) {
            if (++depth > kMaxDepth) {
                reader.raiseError(
                    tr("Elements are nested more than %1 levels deep").arg(kMaxDepth));
                return false;
            }
        } else if (token == QXmlStreamReader::EndElement) {
            if (--depth == 0)
                return true;
        }
    }
    return false;
}

bool isNil(const QXmlStreamReader &reader)
{
    const auto value = reader.attributes().value(kInstanceNs, QLatin1StringView("nil"));
    return value.trimmed().compare(u"true", Qt::CaseInsensitive) == 0 || value.trimmed() == u"1";
}

Status checkBody(const QByteArray &body, const QString &document)
{
    if (body.trimmed().isEmpty())
        return makeError(ErrorCode::Empty, tr("The %1 document is empty").arg(document));
    if (body.size() > kMaxDocumentBytes) {
        return makeError(ErrorCode::LimitExceeded,
                         tr("The %1 document is %2 bytes, more than the %3 bytes accepted")
                             .arg(document)
                             .arg(body.size())
                             .arg(kMaxDocumentBytes));
    }
    return {};
}

} // namespace Nh::Xml
