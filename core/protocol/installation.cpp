// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/installation.h"

#include "protocol/tagexpression.h"
#include "protocol/xmlutil.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

/** The translation context of this file's messages; lupdate reads it from here. */
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Nh::Installation)
};

// docs/protocol.md §6.1: documented as 60 per installation, users report more working (CONFLICT),
// so more is a warning, not an error.
constexpr qsizetype kDocumentedMaxTags = 60;

// Something wrong with a member; turned into a located Error by the caller, who knows the text.
struct Problem
{
    ErrorCode code = ErrorCode::InvalidValue;
    QString what;
    QString where; // JSON pointer of the member
    QString needle; // text whose first occurrence locates the problem; empty = unlocated
};

// --- JSON text helpers ---

void appendQuoted(QByteArray &out, const QString &text)
{
    out += '"';
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        switch (u) {
        case u'"':
            out += "\\\"";
            break;
        case u'\\':
            out += "\\\\";
            break;
        case u'\n':
            out += "\\n";
            break;
        case u'\r':
            out += "\\r";
            break;
        case u'\t':
            out += "\\t";
            break;
        case u'\b':
            out += "\\b";
            break;
        case u'\f':
            out += "\\f";
            break;
        default:
            if (u < 0x20) {
                out += "\\u00";
                out += "0123456789abcdef"[u >> 4];
                out += "0123456789abcdef"[u & 0xf];
            } else {
                out += QStringView(&c, 1).toUtf8();
            }
        }
    }
    out += '"';
}

// Surrogate pairs go through appendQuoted one half at a time; re-encode whole strings instead.
QByteArray quoted(const QString &text)
{
    QByteArray out;
    bool plain = true;
    for (const QChar c : text) {
        if (c.isSurrogate()) {
            plain = false;
            break;
        }
    }
    if (plain) {
        appendQuoted(out, text);
        return out;
    }
    QByteArray array = QJsonDocument(QJsonArray {text}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

void appendStringList(QByteArray &out, const QStringList &list)
{
    out += '[';
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (i > 0)
            out += ',';
        out += quoted(list[i]);
    }
    out += ']';
}

void appendStringMap(QByteArray &out, const QMap<QString, QString> &map)
{
    out += '{';
    bool first = true;
    for (auto it = map.cbegin(); it != map.cend(); ++it) {
        if (!first)
            out += ',';
        first = false;
        out += quoted(it.key()) + ':' + quoted(it.value());
    }
    out += '}';
}

void appendTemplate(QByteArray &out, const InstallationTemplate &t)
{
    out += "{\"body\":" + quoted(t.body);
    if (!t.headers.isEmpty()) {
        out += ",\"headers\":";
        appendStringMap(out, t.headers);
    }
    if (!t.expiry.isEmpty())
        out += ",\"expiry\":" + quoted(t.expiry);
    if (!t.tags.isEmpty()) {
        out += ",\"tags\":";
        appendStringList(out, t.tags);
    }
    out += '}';
}

void appendTemplates(QByteArray &out, const QMap<QString, InstallationTemplate> &templates)
{
    out += '{';
    bool first = true;
    for (auto it = templates.cbegin(); it != templates.cend(); ++it) {
        if (!first)
            out += ',';
        first = false;
        out += quoted(it.key()) + ':';
        appendTemplate(out, it.value());
    }
    out += '}';
}

struct TextLocation
{
    qsizetype offset = -1;
    qint64 line = 0;
    qint64 column = 0;
};

TextLocation locationAt(const QByteArray &text, qsizetype offset)
{
    TextLocation at;
    at.offset = qBound<qsizetype>(0, offset, text.size());
    at.line = 1;
    at.column = 1;
    for (qsizetype i = 0; i < at.offset; ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte == '\n') {
            ++at.line;
            at.column = 1;
        } else if ((byte & 0xC0) != 0x80) { // count characters, not UTF-8 continuation bytes
            ++at.column;
        }
    }
    return at;
}

std::optional<TextLocation> locate(const QByteArray &text, const QString &needle,
                                   qsizetype from = 0)
{
    if (needle.isEmpty())
        return std::nullopt;
    const qsizetype offset = text.indexOf(quoted(needle), from);
    if (offset < 0)
        return std::nullopt;
    return locationAt(text, offset);
}

Error locatedError(ErrorCode code, const QString &what, const QString &where,
                   const std::optional<TextLocation> &at)
{
    if (!at)
        return makeError(code, what, -1, 0, where);
    Error e = makeError(code,
                        Tr::tr("%1 (line %2, column %3)")
                            .arg(what, QString::number(at->line), QString::number(at->column)),
                        at->offset, 0, where);
    e.line = at->line;
    e.column = at->column;
    return e;
}

Error toError(const Problem &p, const QByteArray &text)
{
    return locatedError(p.code, p.what, p.where, locate(text, p.needle));
}

Error jsonSyntaxError(const QByteArray &text, const QJsonParseError &parseError,
                      const QString &document)
{
    const TextLocation at = locationAt(text, parseError.offset);
    ErrorCode code = ErrorCode::Syntax;
    switch (parseError.error) {
    case QJsonParseError::DeepNesting:
        code = ErrorCode::LimitExceeded;
        break;
    default:
        // Qt says "unterminated object" for `[{op:add}]` too; only an error at the very end
        // means the text stops early.
        if (parseError.offset >= text.trimmed().size())
            code = ErrorCode::Truncated;
        break;
    }
    Error e = makeError(code,
                        Tr::tr("The %1 is not valid JSON: %2 at position %3 (line %4, column %5)")
                            .arg(document, parseError.errorString(), QString::number(at.offset + 1),
                                 QString::number(at.line), QString::number(at.column)),
                        at.offset);
    e.line = at.line;
    e.column = at.column;
    return e;
}

QString jsonTypeName(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
        return Tr::tr("null");
    case QJsonValue::Bool:
        return Tr::tr("a boolean");
    case QJsonValue::Double:
        return Tr::tr("a number");
    case QJsonValue::String:
        return Tr::tr("a string");
    case QJsonValue::Array:
        return Tr::tr("an array");
    case QJsonValue::Object:
        return Tr::tr("an object");
    case QJsonValue::Undefined:
        break;
    }
    return Tr::tr("nothing");
}

Problem typeProblem(const QString &where, const QString &expected, const QJsonValue &actual,
                    const QString &needle)
{
    return {ErrorCode::InvalidValue,
            Tr::tr("%1 must be %2, not %3").arg(where, expected, jsonTypeName(actual)), where,
            needle};
}

QString lastSegment(const QString &where)
{
    return where.section(u'/', -1);
}

// --- reading ---

class Reader
{
public:
    explicit Reader(QList<Warning> *warnings)
        : m_warnings(warnings)
    { }

    std::optional<Problem> readInstallation(const QJsonObject &object, Installation &out);
    std::optional<Problem> readPushChannel(const QJsonValue &value, const QString &where,
                                           Installation &out);
    std::optional<Problem> checkPushChannel(const Installation &inst);
    std::optional<Problem> readTags(const QJsonValue &value, const QString &where, bool allowSingle,
                                    bool strict, QStringList &out);
    std::optional<Problem> readStringMap(const QJsonValue &value, const QString &where,
                                         QMap<QString, QString> &out);
    std::optional<Problem> readString(const QJsonValue &value, const QString &where, QString &out,
                                      bool allowNull = true);
    std::optional<Problem> readDate(const QJsonValue &value, const QString &where, QDateTime &out);
    /** A boolean or null (= left unset). */
    std::optional<Problem> readOptionalBool(const QJsonValue &value, const QString &where,
                                            std::optional<bool> &out);
    std::optional<Problem> readTemplate(const QJsonValue &value, const QString &where,
                                        InstallationTemplate &out);
    std::optional<Problem> readTemplates(const QJsonValue &value, const QString &where,
                                         QMap<QString, InstallationTemplate> &out);
    std::optional<Problem> readTile(const QJsonValue &value, const QString &where,
                                    SecondaryTile &out);
    std::optional<Problem> checkTag(const QString &tag, const QString &where, bool strict);

    void warn(const QString &message)
    {
        Warning w;
        w.message = message;
        m_warnings->append(w);
    }

private:
    QList<Warning> *m_warnings;
};

std::optional<Problem> Reader::checkTag(const QString &tag, const QString &where, bool strict)
{
    // docs/protocol.md §6.1, the same rules as every other tag in the console (tagexpression.h).
    const Status status = validateTag(tag);
    for (const Warning &w : status.warnings())
        warn(Tr::tr("The tag at %1: %2").arg(where, w.message));
    if (status)
        return std::nullopt;
    const QString what =
        Tr::tr("The tag '%1' at %2 is not valid: %3").arg(tag, where, status.error().message);
    if (!strict) {
        // Template and tile tags: the service itself returns a template tagged "Template Name"
        // ([REC]), so what breaks §6.1 there is only worth a warning.
        warn(what);
        return std::nullopt;
    }
    return Problem {status.error().code, what, where, tag};
}

std::optional<Problem> Reader::readString(const QJsonValue &value, const QString &where,
                                          QString &out, bool allowNull)
{
    if (allowNull && value.isNull()) {
        out.clear();
        return std::nullopt;
    }
    if (!value.isString())
        return typeProblem(where, Tr::tr("a string"), value, lastSegment(where));
    out = value.toString();
    return std::nullopt;
}

std::optional<Problem> Reader::readOptionalBool(const QJsonValue &value, const QString &where,
                                                std::optional<bool> &out)
{
    if (value.isBool())
        out = value.toBool();
    else if (!value.isNull())
        return typeProblem(where, Tr::tr("a boolean"), value, lastSegment(where));
    return std::nullopt;
}

std::optional<Problem> Reader::readDate(const QJsonValue &value, const QString &where,
                                        QDateTime &out)
{
    QString text;
    if (auto p = readString(value, where, text))
        return p;
    if (text.isEmpty()) {
        out = QDateTime();
        return std::nullopt;
    }
    const auto when = parseHubDateTime(text);
    if (!when) {
        return Problem {ErrorCode::InvalidValue,
                        Tr::tr("%1 '%2' is not an ISO 8601 date-time").arg(where, text), where,
                        text};
    }
    out = *when;
    return std::nullopt;
}

std::optional<Problem> Reader::readTags(const QJsonValue &value, const QString &where,
                                        bool allowSingle, bool strict, QStringList &out)
{
    out.clear();
    if (value.isNull())
        return std::nullopt;
    if (allowSingle && value.isString()) {
        if (auto p = checkTag(value.toString(), where, strict))
            return p;
        out.append(value.toString());
        return std::nullopt;
    }
    if (!value.isArray()) {
        return typeProblem(
            where, allowSingle ? Tr::tr("a tag or an array of tags") : Tr::tr("an array of tags"),
            value, lastSegment(where));
    }
    const QJsonArray array = value.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString itemWhere = where % u'/' % QString::number(i);
        if (!array[i].isString())
            return typeProblem(itemWhere, Tr::tr("a string"), array[i], lastSegment(where));
        const QString tag = array[i].toString();
        if (auto p = checkTag(tag, itemWhere, strict))
            return p;
        if (!out.contains(tag))
            out.append(tag);
    }
    if (out.size() > kDocumentedMaxTags) {
        warn(Tr::tr("%1 has %2 tags; the documented limit is %3")
                 .arg(where, QString::number(out.size()), QString::number(kDocumentedMaxTags)));
    }
    return std::nullopt;
}

std::optional<Problem> Reader::readStringMap(const QJsonValue &value, const QString &where,
                                             QMap<QString, QString> &out)
{
    out.clear();
    if (value.isNull())
        return std::nullopt;
    if (!value.isObject())
        return typeProblem(where, Tr::tr("an object of strings"), value, lastSegment(where));
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!it.value().isString()) {
            return typeProblem(where % u'/' % it.key(), Tr::tr("a string"), it.value(), it.key());
        }
        out.insert(it.key(), it.value().toString());
    }
    return std::nullopt;
}

std::optional<Problem> Reader::readPushChannel(const QJsonValue &value, const QString &where,
                                               Installation &out)
{
    if (value.isObject()) {
        out.pushChannel =
            QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
        out.pushChannelIsObject = true;
        return std::nullopt;
    }
    if (!value.isString())
        return typeProblem(where, Tr::tr("a string or, for browsers, an object"), value,
                           u"pushChannel"_s);
    out.pushChannel = value.toString();
    out.pushChannelIsObject = false;
    return std::nullopt;
}

std::optional<Problem> Reader::checkPushChannel(const Installation &inst)
{
    const QString where = u"/pushChannel"_s;
    if (inst.pushChannel.trimmed().isEmpty())
        return Problem {ErrorCode::EmptyField, Tr::tr("The pushChannel is empty"), where,
                        u"pushChannel"_s};
    if (inst.platform != Platform::Browser) {
        if (inst.pushChannelIsObject) {
            return Problem {ErrorCode::InvalidValue,
                            Tr::tr("The pushChannel of a %1 installation must be a string; only "
                                   "browser installations take an object")
                                .arg(installationPlatformName(inst.platform)),
                            where, u"pushChannel"_s};
        }
        return std::nullopt;
    }
    const QJsonDocument doc = QJsonDocument::fromJson(inst.pushChannel.toUtf8());
    if (!doc.isObject()) {
        return Problem {
            ErrorCode::InvalidValue,
            Tr::tr("The pushChannel of a browser installation must be an object (or its "
                   "JSON text) with endpoint, p256dh and auth"),
            where, u"pushChannel"_s};
    }
    const QJsonObject object = doc.object();
    for (const QString &key : {u"endpoint"_s, u"p256dh"_s, u"auth"_s}) {
        const QJsonValue v = object.value(key);
        if (!v.isString() || v.toString().trimmed().isEmpty()) {
            return Problem {v.isUndefined() ? ErrorCode::MissingField : ErrorCode::InvalidValue,
                            Tr::tr("The browser pushChannel has no %1").arg(key),
                            where % u'/' % key, u"pushChannel"_s};
        }
    }
    return std::nullopt;
}

std::optional<Problem> Reader::readTemplate(const QJsonValue &value, const QString &where,
                                            InstallationTemplate &out)
{
    const QString name = lastSegment(where);
    QJsonObject object;
    if (value.isString()) {
        // The PATCH documentation sends a template as a JSON-encoded string.
        const QJsonDocument doc = QJsonDocument::fromJson(value.toString().toUtf8());
        if (!doc.isObject()) {
            return Problem {
                ErrorCode::InvalidValue,
                Tr::tr("The template %1 is a string that does not hold a JSON object").arg(where),
                where, name};
        }
        object = doc.object();
    } else if (value.isObject()) {
        object = value.toObject();
    } else {
        return typeProblem(where, Tr::tr("an object"), value, name);
    }
    out = InstallationTemplate();
    bool haveBody = false;
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString key = it.key();
        const QString memberWhere = where % u'/' % key;
        std::optional<Problem> p;
        if (key == u"body") {
            haveBody = true;
            p = readString(it.value(), memberWhere, out.body, false);
        } else if (key == u"headers") {
            p = readStringMap(it.value(), memberWhere, out.headers);
        } else if (key == u"expiry") {
            p = readString(it.value(), memberWhere, out.expiry);
        } else if (key == u"tags") {
            p = readTags(it.value(), memberWhere, false, false, out.tags);
        } else {
            warn(
                Tr::tr("The member %1 is not part of a template and was ignored").arg(memberWhere));
        }
        if (p)
            return p;
    }
    if (!haveBody) {
        return Problem {ErrorCode::MissingField, Tr::tr("The template %1 has no body").arg(where),
                        where % u"/body"_s, name};
    }
    if (out.body.trimmed().isEmpty()) {
        return Problem {ErrorCode::EmptyField,
                        Tr::tr("The template %1 has an empty body").arg(where), where % u"/body"_s,
                        name};
    }
    return std::nullopt;
}

std::optional<Problem> Reader::readTemplates(const QJsonValue &value, const QString &where,
                                             QMap<QString, InstallationTemplate> &out)
{
    out.clear();
    if (value.isNull())
        return std::nullopt;
    if (!value.isObject())
        return typeProblem(where, Tr::tr("an object of templates"), value, lastSegment(where));
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        InstallationTemplate t;
        if (auto p = readTemplate(it.value(), where % u'/' % it.key(), t))
            return p;
        out.insert(it.key(), t);
    }
    return std::nullopt;
}

std::optional<Problem> Reader::readTile(const QJsonValue &value, const QString &where,
                                        SecondaryTile &out)
{
    if (!value.isObject())
        return typeProblem(where, Tr::tr("an object"), value, lastSegment(where));
    out = SecondaryTile();
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString memberWhere = where % u'/' % it.key();
        std::optional<Problem> p;
        if (it.key() == u"pushChannel")
            p = readString(it.value(), memberWhere, out.pushChannel);
        else if (it.key() == u"pushChannelExpired")
            p = readOptionalBool(it.value(), memberWhere, out.pushChannelExpired);
        else if (it.key() == u"tags")
            p = readTags(it.value(), memberWhere, false, false, out.tags);
        else if (it.key() == u"templates")
            p = readTemplates(it.value(), memberWhere, out.templates);
        else
            warn(Tr::tr("The member %1 is not part of a secondary tile and was ignored")
                     .arg(memberWhere));
        if (p)
            return p;
    }
    return std::nullopt;
}

std::optional<Problem> Reader::readInstallation(const QJsonObject &object, Installation &out)
{
    bool haveId = false;
    bool havePlatform = false;
    bool haveChannel = false;
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString key = it.key();
        const QJsonValue value = it.value();
        const QString where = u'/' % key;
        std::optional<Problem> p;
        if (key == u"installationId") {
            haveId = true;
            p = readString(value, where, out.installationId, false);
        } else if (key == u"userId") {
            p = readString(value, where, out.userId);
        } else if (key == u"platform") {
            havePlatform = true;
            QString name;
            p = readString(value, where, name, false);
            if (!p) {
                const auto platform = platformFromInstallationName(name.trimmed());
                if (!platform) {
                    p = Problem {
                        ErrorCode::InvalidValue,
                        Tr::tr("The platform '%1' is not one of apns, fcmv1, gcm, wns, mpns, "
                               "adm, baidu, browser, xiaomi")
                            .arg(name),
                        where, name};
                } else {
                    out.platform = *platform;
                }
            }
        } else if (key == u"pushChannel") {
            haveChannel = true;
            p = readPushChannel(value, where, out);
        } else if (key == u"pushChannelExpired" || key == u"expiredPushChannel") {
            // The service writes pushChannelExpired, the spec and docs expiredPushChannel.
            p = readOptionalBool(value, where, out.pushChannelExpired);
        } else if (key == u"expirationTime") {
            p = readDate(value, where, out.expirationTime);
        } else if (key == u"lastUpdate") {
            p = readDate(value, where, out.lastUpdate);
        } else if (key == u"lastActiveOn") {
            p = readDate(value, where, out.lastActiveOn);
        } else if (key == u"tags") {
            p = readTags(value, where, false, true, out.tags);
        } else if (key == u"pushVariables") {
            p = readStringMap(value, where, out.pushVariables);
        } else if (key == u"templates") {
            p = readTemplates(value, where, out.templates);
        } else if (key == u"secondaryTiles") {
            out.secondaryTiles.clear();
            if (value.isObject()) {
                const QJsonObject tiles = value.toObject();
                for (auto tile = tiles.begin(); tile != tiles.end() && !p; ++tile) {
                    SecondaryTile t;
                    p = readTile(tile.value(), where % u'/' % tile.key(), t);
                    out.secondaryTiles.insert(tile.key(), t);
                }
            } else if (!value.isNull()) {
                p = typeProblem(where, Tr::tr("an object of tiles"), value, key);
            }
        } else {
            warn(Tr::tr("The member %1 is not part of an installation and was ignored").arg(key));
        }
        if (p)
            return p;
    }

    if (!haveId) {
        return Problem {ErrorCode::MissingField,
                        Tr::tr("The installation has no installationId"),
                        u"installationId"_s,
                        {}};
    }
    if (out.installationId.trimmed().isEmpty()) {
        return Problem {ErrorCode::EmptyField, Tr::tr("The installationId is empty"),
                        u"installationId"_s, u"installationId"_s};
    }
    if (!havePlatform) {
        return Problem {
            ErrorCode::MissingField, Tr::tr("The installation has no platform"), u"platform"_s, {}};
    }
    if (!haveChannel) {
        return Problem {ErrorCode::MissingField,
                        Tr::tr("The installation has no pushChannel"),
                        u"pushChannel"_s,
                        {}};
    }
    return checkPushChannel(out);
}

// --- patching ---

enum class Op { Add, Remove, Replace };

Problem missingTarget(const QString &what, const QString &where)
{
    return {ErrorCode::InvalidValue, what, where, {}};
}

Problem unsupportedPath(const QString &where)
{
    return {ErrorCode::InvalidValue, Tr::tr("this path can not be patched"), where, {}};
}

std::optional<Problem> applyTagsOp(Reader &reader, QStringList &tags, bool strict, Op op,
                                   const QStringList &rest, const QJsonValue &value,
                                   const QString &where)
{
    if (rest.isEmpty()) {
        if (op == Op::Remove) {
            if (tags.isEmpty())
                return missingTarget(Tr::tr("there are no tags to remove"), where);
            tags.clear();
            return std::nullopt;
        }
        QStringList given;
        if (auto p = reader.readTags(value, where, true, strict, given))
            return p;
        if (op == Op::Replace)
            tags.clear();
        for (const QString &tag : std::as_const(given)) {
            if (!tags.contains(tag))
                tags.append(tag);
        }
        return std::nullopt;
    }
    if (rest.size() != 1)
        return unsupportedPath(where);
    const QString &tag = rest.first();
    if (op == Op::Remove) {
        // By value, not by index (docs/protocol.md §7.7).
        if (!tags.contains(tag))
            return missingTarget(Tr::tr("there is no tag '%1'").arg(tag), where);
        tags.removeAll(tag);
        return std::nullopt;
    }
    if (op == Op::Add && tag == u"-") {
        if (!value.isString())
            return typeProblem(where, Tr::tr("a tag"), value, {});
        if (auto p = reader.checkTag(value.toString(), where, strict))
            return p;
        if (!tags.contains(value.toString()))
            tags.append(value.toString());
        return std::nullopt;
    }
    return unsupportedPath(where);
}

std::optional<Problem> applyStringMapOp(Reader &reader, QMap<QString, QString> &map, Op op,
                                        const QStringList &rest, const QJsonValue &value,
                                        const QString &where)
{
    if (rest.isEmpty()) {
        if (op == Op::Remove) {
            if (map.isEmpty())
                return missingTarget(Tr::tr("there is nothing to remove"), where);
            map.clear();
            return std::nullopt;
        }
        return reader.readStringMap(value, where, map);
    }
    if (rest.size() != 1)
        return unsupportedPath(where);
    const QString &key = rest.first();
    if (op == Op::Remove) {
        if (!map.contains(key))
            return missingTarget(Tr::tr("there is no '%1'").arg(key), where);
        map.remove(key);
        return std::nullopt;
    }
    QString text;
    if (auto p = reader.readString(value, where, text, false))
        return p;
    map.insert(key, text);
    return std::nullopt;
}

std::optional<Problem> applyTemplateFieldOp(Reader &reader, InstallationTemplate &t, Op op,
                                            const QStringList &rest, const QJsonValue &value,
                                            const QString &where)
{
    const QString field = rest.first();
    const QStringList more = rest.mid(1);
    if (field == u"body") {
        if (!more.isEmpty())
            return unsupportedPath(where);
        if (op == Op::Remove) {
            return Problem {ErrorCode::InvalidValue,
                            Tr::tr("the body of a template is required and can not be removed"),
                            where,
                            {}};
        }
        QString body;
        if (auto p = reader.readString(value, where, body, false))
            return p;
        if (body.trimmed().isEmpty())
            return Problem {ErrorCode::EmptyField, Tr::tr("the body is empty"), where, {}};
        t.body = body;
        return std::nullopt;
    }
    if (field == u"headers")
        return applyStringMapOp(reader, t.headers, op, more, value, where);
    if (field == u"tags")
        return applyTagsOp(reader, t.tags, false, op, more, value, where);
    if (field == u"expiry") {
        if (!more.isEmpty())
            return unsupportedPath(where);
        if (op == Op::Remove) {
            if (t.expiry.isEmpty())
                return missingTarget(Tr::tr("the template has no expiry"), where);
            t.expiry.clear();
            return std::nullopt;
        }
        return reader.readString(value, where, t.expiry, false);
    }
    return unsupportedPath(where);
}

std::optional<Problem> applyTemplatesOp(Reader &reader, QMap<QString, InstallationTemplate> &map,
                                        Op op, const QStringList &rest, const QJsonValue &value,
                                        const QString &where)
{
    if (rest.isEmpty()) {
        if (op == Op::Remove) {
            if (map.isEmpty())
                return missingTarget(Tr::tr("there are no templates to remove"), where);
            map.clear();
            return std::nullopt;
        }
        QMap<QString, InstallationTemplate> templates;
        if (auto p = reader.readTemplates(value, where, templates))
            return p;
        map = templates;
        return std::nullopt;
    }
    const QString &name = rest.first();
    if (rest.size() == 1) {
        if (op == Op::Remove) {
            if (!map.contains(name))
                return missingTarget(Tr::tr("there is no template '%1'").arg(name), where);
            map.remove(name);
            return std::nullopt;
        }
        InstallationTemplate t;
        if (auto p = reader.readTemplate(value, where, t))
            return p;
        map.insert(name, t);
        return std::nullopt;
    }
    auto it = map.find(name);
    if (it == map.end())
        return missingTarget(Tr::tr("there is no template '%1'").arg(name), where);
    return applyTemplateFieldOp(reader, *it, op, rest.mid(1), value, where);
}

std::optional<Problem> applyTilesOp(Reader &reader, QMap<QString, SecondaryTile> &tiles, Op op,
                                    const QStringList &rest, const QJsonValue &value,
                                    const QString &where)
{
    if (rest.isEmpty()) {
        if (op == Op::Remove) {
            if (tiles.isEmpty())
                return missingTarget(Tr::tr("there are no secondary tiles to remove"), where);
            tiles.clear();
            return std::nullopt;
        }
        if (!value.isObject())
            return typeProblem(where, Tr::tr("an object of tiles"), value, {});
        QMap<QString, SecondaryTile> result;
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            SecondaryTile tile;
            if (auto p = reader.readTile(it.value(), where % u'/' % it.key(), tile))
                return p;
            result.insert(it.key(), tile);
        }
        tiles = result;
        return std::nullopt;
    }
    const QString &id = rest.first();
    if (rest.size() == 1) {
        if (op == Op::Remove) {
            if (!tiles.contains(id))
                return missingTarget(Tr::tr("there is no secondary tile '%1'").arg(id), where);
            tiles.remove(id);
            return std::nullopt;
        }
        SecondaryTile tile;
        if (auto p = reader.readTile(value, where, tile))
            return p;
        tiles.insert(id, tile);
        return std::nullopt;
    }
    auto it = tiles.find(id);
    if (it == tiles.end())
        return missingTarget(Tr::tr("there is no secondary tile '%1'").arg(id), where);
    const QString &field = rest[1];
    const QStringList more = rest.mid(2);
    if (field == u"pushChannel" && more.isEmpty()) {
        if (op == Op::Remove) {
            return Problem {ErrorCode::InvalidValue,
                            Tr::tr("the pushChannel of a tile is required and can not be removed"),
                            where,
                            {}};
        }
        return reader.readString(value, where, it->pushChannel, false);
    }
    if (field == u"tags")
        return applyTagsOp(reader, it->tags, false, op, more, value, where);
    if (field == u"templates")
        return applyTemplatesOp(reader, it->templates, op, more, value, where);
    return unsupportedPath(where);
}

std::optional<Problem> applyOp(Reader &reader, Installation &inst, Op op,
                               const QStringList &segments, const QJsonValue &value,
                               const QString &where)
{
    if (segments.isEmpty())
        return unsupportedPath(where);
    const QString &member = segments.first();
    const QStringList rest = segments.mid(1);
    if (member == u"tags")
        return applyTagsOp(reader, inst.tags, true, op, rest, value, where);
    if (member == u"pushVariables")
        return applyStringMapOp(reader, inst.pushVariables, op, rest, value, where);
    if (member == u"templates")
        return applyTemplatesOp(reader, inst.templates, op, rest, value, where);
    if (member == u"secondaryTiles")
        return applyTilesOp(reader, inst.secondaryTiles, op, rest, value, where);
    if (!rest.isEmpty())
        return unsupportedPath(where);
    if (member == u"userId") {
        if (op == Op::Remove) {
            if (inst.userId.isEmpty())
                return missingTarget(Tr::tr("the installation has no userId"), where);
            inst.userId.clear();
            return std::nullopt;
        }
        return reader.readString(value, where, inst.userId);
    }
    if (member == u"pushChannel") {
        if (op == Op::Remove) {
            return Problem {ErrorCode::InvalidValue,
                            Tr::tr("the pushChannel is required and can not be removed"),
                            where,
                            {}};
        }
        Installation changed = inst;
        if (auto p = reader.readPushChannel(value, where, changed))
            return p;
        if (auto p = reader.checkPushChannel(changed))
            return Problem {p->code, p->what, where, {}};
        inst = changed;
        return std::nullopt;
    }
    static const QStringList kReadOnly {
        u"installationId"_s,     u"platform"_s,   u"expirationTime"_s, u"pushChannelExpired"_s,
        u"expiredPushChannel"_s, u"lastUpdate"_s, u"lastActiveOn"_s};
    if (kReadOnly.contains(member)) {
        return Problem {ErrorCode::InvalidValue,
                        Tr::tr("%1 can not be changed by a patch").arg(member),
                        where,
                        {}};
    }
    return unsupportedPath(where);
}

std::optional<QStringList> parsePointer(const QString &path)
{
    if (!path.startsWith(u'/'))
        return std::nullopt;
    QStringList segments = path.mid(1).split(u'/');
    for (QString &s : segments) {
        s.replace(u"~1"_s, u"/"_s);
        s.replace(u"~0"_s, u"~"_s);
    }
    return segments;
}

// --- materialising ---

QString pushVariablesJson(const QMap<QString, QString> &variables)
{
    if (variables.isEmpty())
        return {};
    QByteArray out;
    appendStringMap(out, variables);
    return QString::fromUtf8(out);
}

void appendUnique(QStringList &list, const QStringList &more)
{
    for (const QString &s : more) {
        if (!list.contains(s))
            list.append(s);
    }
}

Registration nativeRegistration(const Installation &inst, Platform platform,
                                const QString &pushChannel, const QStringList &tags)
{
    Registration reg;
    reg.platform = platform;
    reg.expirationTime =
        inst.expirationTime.isValid() ? inst.expirationTime : Registration::neverExpires();
    reg.tags = tags;
    reg.pushVariables = pushVariablesJson(inst.pushVariables);
    reg.handle = pushChannel;
    if (platform == Platform::Browser) {
        if (const auto channel = inst.browserPushChannel()) {
            reg.handle = channel->endpoint;
            reg.p256dh = channel->p256dh;
            reg.auth = channel->auth;
        }
    } else if (platform == Platform::Baidu) {
        // BaiduInstallation writes "{userId}-{channelId}" ([NET]).
        const qsizetype dash = pushChannel.indexOf(u'-');
        if (dash > 0) {
            reg.baiduUserId = pushChannel.left(dash);
            reg.handle = pushChannel.mid(dash + 1);
        }
    }
    return reg;
}

Registration templateRegistration(const Registration &native, const QString &name,
                                  const InstallationTemplate &t)
{
    Registration reg = native;
    reg.isTemplate = true;
    reg.bodyTemplate = t.body;
    reg.templateName = name;
    appendUnique(reg.tags, t.tags);
    if (native.platform == Platform::Apple)
        reg.expiry = t.expiry;
    if (!registrationHeadersElementName(native.platform).isEmpty()) {
        for (auto it = t.headers.cbegin(); it != t.headers.cend(); ++it)
            reg.headers.append(TemplateHeader {it.key(), it.value()});
    }
    return reg;
}

} // namespace

std::optional<BrowserPushChannel> Installation::browserPushChannel() const
{
    const QJsonDocument doc = QJsonDocument::fromJson(pushChannel.toUtf8());
    if (!doc.isObject())
        return std::nullopt;
    const QJsonObject object = doc.object();
    const QJsonValue endpoint = object.value("endpoint"_L1);
    const QJsonValue p256dh = object.value("p256dh"_L1);
    const QJsonValue auth = object.value("auth"_L1);
    if (!endpoint.isString() || !p256dh.isString() || !auth.isString())
        return std::nullopt;
    return BrowserPushChannel {endpoint.toString(), p256dh.toString(), auth.toString()};
}

Result<Installation> parseInstallation(const QByteArray &json)
{
    const QString document = Tr::tr("installation");
    if (const Status body = Xml::checkBody(json, document); !body)
        return body.error();
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return jsonSyntaxError(json, parseError, document);
    if (!doc.isObject()) {
        return makeError(ErrorCode::UnexpectedRoot,
                         Tr::tr("The installation must be a JSON object, not %1")
                             .arg(doc.isArray() ? Tr::tr("an array") : Tr::tr("a scalar")));
    }
    QList<Warning> warnings;
    Reader reader(&warnings);
    Installation inst;
    if (const auto problem = reader.readInstallation(doc.object(), inst))
        return toError(*problem, json);
    Result<Installation> result(std::move(inst));
    result.setWarnings(warnings);
    return result;
}

QByteArray installationJson(const Installation &installation)
{
    const Installation &i = installation;
    QByteArray out = "{\"installationId\":" + quoted(i.installationId);
    if (!i.userId.isEmpty())
        out += ",\"userId\":" + quoted(i.userId);
    out += ",\"pushChannel\":";
    const QJsonDocument channel =
        i.pushChannelIsObject ? QJsonDocument::fromJson(i.pushChannel.toUtf8()) : QJsonDocument();
    if (channel.isObject())
        out += channel.toJson(QJsonDocument::Compact);
    else
        out += quoted(i.pushChannel);
    if (i.pushChannelExpired)
        out += *i.pushChannelExpired ? ",\"pushChannelExpired\":true"
                                     : ",\"pushChannelExpired\":false";
    out += ",\"platform\":" + quoted(installationPlatformName(i.platform));
    if (i.expirationTime == Registration::neverExpires()) {
        // .NET's DateTime.MaxValue, exactly as the service writes an installation's "never".
        out += ",\"expirationTime\":\"9999-12-31T23:59:59.9999999Z\"";
    } else if (i.expirationTime.isValid()) {
        out += ",\"expirationTime\":" + quoted(hubDateTimeTextWithMs(i.expirationTime));
    }
    if (i.lastActiveOn.isValid())
        out += ",\"lastActiveOn\":" + quoted(hubDateTimeTextWithMs(i.lastActiveOn));
    if (i.lastUpdate.isValid())
        out += ",\"lastUpdate\":" + quoted(hubDateTimeTextWithMs(i.lastUpdate));
    if (!i.tags.isEmpty()) {
        out += ",\"tags\":";
        appendStringList(out, i.tags);
    }
    if (!i.pushVariables.isEmpty()) {
        out += ",\"pushVariables\":";
        appendStringMap(out, i.pushVariables);
    }
    if (!i.templates.isEmpty()) {
        out += ",\"templates\":";
        appendTemplates(out, i.templates);
    }
    if (!i.secondaryTiles.isEmpty()) {
        out += ",\"secondaryTiles\":{";
        bool first = true;
        for (auto it = i.secondaryTiles.cbegin(); it != i.secondaryTiles.cend(); ++it) {
            if (!first)
                out += ',';
            first = false;
            out += quoted(it.key()) + ":{\"pushChannel\":" + quoted(it->pushChannel);
            if (it->pushChannelExpired)
                out += *it->pushChannelExpired ? ",\"pushChannelExpired\":true"
                                               : ",\"pushChannelExpired\":false";
            out += ",\"tags\":";
            appendStringList(out, it->tags);
            out += ",\"templates\":";
            appendTemplates(out, it->templates);
            out += '}';
        }
        out += '}';
    }
    out += '}';
    return out;
}

Result<Installation> applyInstallationPatch(const Installation &installation,
                                            const QByteArray &patchJson)
{
    const QString document = Tr::tr("installation patch");
    if (const Status body = Xml::checkBody(patchJson, document); !body)
        return body.error();
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(patchJson, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return jsonSyntaxError(patchJson, parseError, document);
    if (!doc.isArray()) {
        return makeError(ErrorCode::UnexpectedRoot,
                         Tr::tr("The installation patch must be a JSON array of operations, not %1")
                             .arg(doc.isObject() ? Tr::tr("an object") : Tr::tr("a scalar")));
    }

    QList<Warning> warnings;
    Reader reader(&warnings);
    Installation inst = installation;
    const QJsonArray operations = doc.array();
    qsizetype searchFrom = 0;
    for (qsizetype index = 0; index < operations.size(); ++index) {
        const QString number = QString::number(index + 1);
        const QJsonValue entry = operations[index];
        if (!entry.isObject()) {
            return makeError(
                ErrorCode::InvalidValue,
                Tr::tr("Patch operation %1 is %2, not an object").arg(number, jsonTypeName(entry)),
                -1, 0, QString::number(index));
        }
        const QJsonObject object = entry.toObject();
        const QJsonValue opValue = object.value("op"_L1);
        const QJsonValue pathValue = object.value("path"_L1);
        if (!pathValue.isString()) {
            return makeError(ErrorCode::MissingField,
                             Tr::tr("Patch operation %1 has no \"path\" string").arg(number), -1, 0,
                             u"path"_s);
        }
        const QString path = pathValue.toString();
        std::optional<TextLocation> at = locate(patchJson, path, searchFrom);
        if (at)
            searchFrom = at->offset + 1;
        if (!opValue.isString()) {
            return locatedError(
                ErrorCode::MissingField,
                Tr::tr("Patch operation %1 on %2 has no \"op\" string").arg(number, path), path,
                at);
        }
        const QString opName = opValue.toString();
        const QString prefix = Tr::tr("Patch operation %1 (%2 %3): ").arg(number, opName, path);
        Op op = Op::Add;
        if (opName == u"add") {
            op = Op::Add;
        } else if (opName == u"remove") {
            op = Op::Remove;
        } else if (opName == u"replace") {
            op = Op::Replace;
        } else {
            return locatedError(ErrorCode::InvalidValue,
                                prefix
                                    % Tr::tr("the operation is not supported; use add, remove or "
                                             "replace"),
                                path, at);
        }
        if (op != Op::Remove && !object.contains("value"_L1)) {
            return locatedError(ErrorCode::MissingField,
                                prefix % Tr::tr("the operation needs a value"), path, at);
        }
        const auto segments = parsePointer(path);
        if (!segments) {
            return locatedError(ErrorCode::InvalidValue,
                                prefix % Tr::tr("the path must start with '/'"), path, at);
        }
        if (const auto problem =
                applyOp(reader, inst, op, *segments, object.value("value"_L1), path)) {
            return locatedError(problem->code, prefix % problem->what, path, at);
        }
    }
    Result<Installation> result(std::move(inst));
    result.setWarnings(warnings);
    return result;
}

QList<Registration> registrationsForInstallation(const Installation &installation)
{
    QStringList systemTags {u"$InstallationId:{"_s % installation.installationId % u'}'};
    if (!installation.userId.isEmpty())
        systemTags.append(u"$UserId:{"_s % installation.userId % u'}');

    QList<Registration> result;
    QStringList tags = systemTags;
    appendUnique(tags, installation.tags);
    const Registration native =
        nativeRegistration(installation, installation.platform, installation.pushChannel, tags);
    result.append(native);
    for (auto it = installation.templates.cbegin(); it != installation.templates.cend(); ++it)
        result.append(templateRegistration(native, it.key(), it.value()));

    if (installation.platform == Platform::Windows) {
        for (auto tile = installation.secondaryTiles.cbegin();
             tile != installation.secondaryTiles.cend(); ++tile) {
            QStringList tileTags = systemTags;
            appendUnique(tileTags, tile->tags);
            Registration tileNative =
                nativeRegistration(installation, Platform::Windows, tile->pushChannel, tileTags);
            tileNative.secondaryTileName = tile.key();
            result.append(tileNative);
            for (auto it = tile->templates.cbegin(); it != tile->templates.cend(); ++it)
                result.append(templateRegistration(tileNative, it.key(), it.value()));
        }
    }
    return result;
}

} // namespace Nh
