// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "recordedchecks.h"

#include "protocol/errorbody.h"
#include "protocol/hubdescription.h"
#include "protocol/installation.h"
#include "protocol/notificationdetails.h"
#include "protocol/notificationoutcome.h"
#include "protocol/registrationfeed.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace Recorded {

namespace {

QString shown(const QString &value)
{
    return value;
}
QString shown(const QByteArray &value)
{
    return QString::fromUtf8(value);
}
QString shown(const QStringList &value)
{
    return value.join(u'|');
}
QString shown(bool value)
{
    return value ? u"yes"_s : u"no"_s;
}
QString shown(qint64 value)
{
    return QString::number(value);
}
QString shown(Nh::ErrorCode value)
{
    return QString::number(int(value));
}
QString shown(std::optional<Nh::Platform> value)
{
    return value ? Nh::installationPlatformName(*value) : u"(none)"_s;
}

/** Collects the fields where a parsed value and what the test read from the body differ. */
struct Mismatches
{
    QStringList list;

    template<typename A, typename B>
    void expect(const QString &what, const A &parsed, const B &read)
    {
        if (!(parsed == read))
            list << u"%1: parsed '%2', the body says '%3'"_s.arg(what, shown(parsed), shown(read));
    }
};

/** Compares a parsed registration with the text of its entry (or description). */
void compareRegistration(Mismatches &m, const QString &prefix, const Nh::Registration &reg,
                         const QByteArray &entry)
{
    const QString text = QString::fromUtf8(entry);
    m.expect(prefix + u"RegistrationId"_s, reg.registrationId,
             elementTexts(entry, u"RegistrationId"_s).value(0).trimmed());
    static const QRegularExpression typed(uR"re(i:type="(?:\w+:)?(\w+)")re"_s);
    static const QRegularExpression element(uR"re(<content\b[^>]*>\s*<(?:\w+:)?(\w+))re"_s);
    const auto t = typed.match(text);
    m.expect(prefix + u"kind"_s, reg.kindName(),
             t.hasMatch() ? t.captured(1) : element.match(text).captured(1));
    // <ETag>, else the entry's etag attribute W/"n".
    static const QRegularExpression etagAttribute(uR"re(\betag="W/&quot;(\d+)&quot;")re"_s);
    const QStringList etags = elementTexts(entry, u"ETag"_s);
    const QString etag =
        !etags.isEmpty() ? etags.first().trimmed() : etagAttribute.match(text).captured(1);
    m.expect(prefix + u"ETag"_s, reg.etag, etag.isEmpty() ? 0 : etag.toLongLong());
    QStringList tags;
    for (const QString &tag : elementTexts(entry, u"Tags"_s).value(0).split(u','))
        if (!tag.trimmed().isEmpty())
            tags << tag.trimmed();
    m.expect(prefix + u"Tags"_s, reg.tags, tags);
    m.expect(prefix + reg.handleElementName(), reg.handle,
             elementTexts(entry, reg.handleElementName()).value(0).trimmed());
    // The date and time to the second; the parser keeps milliseconds, the service writes 7 digits.
    const QString expiration = elementTexts(entry, u"ExpirationTime"_s).value(0).trimmed();
    if (!expiration.isEmpty()) {
        m.expect(prefix + u"ExpirationTime"_s,
                 reg.expirationTime.toUTC().toString(u"yyyy-MM-ddTHH:mm:ss"_s),
                 expiration.left(19));
    }
    if (reg.isTemplate) {
        // BodyTemplate is CDATA or escaped text.
        static const QRegularExpression cdata(
            uR"re(<(?:\w+:)?BodyTemplate>\s*<!\[CDATA\[(.*?)\]\]>\s*</)re"_s,
            QRegularExpression::DotMatchesEverythingOption);
        const auto c = cdata.match(text);
        m.expect(prefix + u"BodyTemplate"_s, reg.bodyTemplate,
                 c.hasMatch() ? c.captured(1) : elementTexts(entry, u"BodyTemplate"_s).value(0));
        m.expect(prefix + u"TemplateName"_s, reg.templateName,
                 elementTexts(entry, u"TemplateName"_s).value(0));
    }
}

/** The credential elements a description's text holds, in order. */
QStringList credentialElements(const QByteArray &description)
{
    static const QRegularExpression element(
        uR"re(<(?:[\w.-]+:)?((?:Apns|Wns|Gcm|Mpns|Adm|Baidu|FcmV1|Browser|Xiaomi)Credential)[\s>/])re"_s);
    QStringList names;
    for (auto it = element.globalMatch(QString::fromUtf8(description)); it.hasNext();)
        names << it.next().captured(1);
    return names;
}

/** Compares what a client reads from a hub description with its text. */
void compareHub(Mismatches &m, const QString &prefix, const Nh::HubDescription &d,
                const QByteArray &text)
{
    m.expect(prefix + u"name"_s, d.name, elementTexts(text, u"title"_s).value(0).trimmed());
    QStringList kinds;
    for (const Nh::PnsCredential &c : d.credentials)
        kinds << Nh::pnsCredentialElementName(c.kind);
    m.expect(prefix + u"credentials"_s, kinds, credentialElements(text));
    QStringList rules;
    for (const Nh::AuthorizationRule &r : d.authorizationRules)
        rules << r.keyName;
    m.expect(prefix + u"rule names"_s, rules, elementTexts(text, u"KeyName"_s));
    m.expect(prefix + u"RegistrationTtl"_s, d.registrationTtl,
             elementTexts(text, u"RegistrationTtl"_s).value(0).trimmed());
}

QString compare(const Body &body, Parser parser, std::optional<Nh::Error> *error,
                QStringList *warnings)
{
    const QByteArray &bytes = body.bytes;
    Mismatches m;
    if (body.status > 0) {
        // An <Error> answers a failure, every other body a success.
        m.expect(u"HTTP status class"_s, body.status >= 400, parser == Parser::ErrorBody);
    }
    switch (parser) {
    case Parser::RegistrationEntry: {
        const auto result = Nh::parseRegistrationEntry(bytes);
        if (!result) {
            *error = result.error();
            return describe(result.error());
        }
        for (const Nh::Warning &w : result.warnings())
            *warnings << w.message;
        compareRegistration(m, QString(), *result, bytes);
        break;
    }
    case Parser::RegistrationFeed: {
        const auto result = Nh::parseRegistrationFeed(bytes);
        if (!result) {
            *error = result.error();
            return describe(result.error());
        }
        for (const Nh::Warning &w : result.warnings())
            *warnings << w.message;
        const QList<QByteArray> entries = entryTexts(bytes);
        m.expect(u"number of entries"_s, qint64(result->entries.size()), qint64(entries.size()));
        for (qsizetype i = 0; i < qMin(entries.size(), result->entries.size()); ++i)
            compareRegistration(m, u"entry %1: "_s.arg(i + 1), result->entries.at(i),
                                entries.at(i));
        if (!body.continuationHeader.isEmpty()) {
            m.expect(u"continuation token (x-ms-continuationtoken)"_s, result->continuationToken,
                     body.continuationHeader);
        } else {
            m.expect(u"has a continuation token"_s, !result->continuationToken.isEmpty(),
                     bytes.contains("rel=\"next\""));
        }
        break;
    }
    case Parser::Installation: {
        const auto result = Nh::parseInstallation(bytes);
        if (!result) {
            *error = result.error();
            return describe(result.error());
        }
        for (const Nh::Warning &w : result.warnings())
            *warnings << w.message;
        const QJsonObject o = QJsonDocument::fromJson(bytes).object();
        m.expect(u"installationId"_s, result->installationId,
                 o.value(u"installationId").toString());
        m.expect(u"number of tags"_s, qint64(result->tags.size()),
                 qint64(o.value(u"tags").toArray().size()));
        m.expect(u"userId"_s, result->userId, o.value(u"userId").toString());
        m.expect(u"platform"_s, std::optional(result->platform),
                 Nh::platformFromInstallationName(o.value(u"platform").toString()));
        if (o.value(u"pushChannel").isString())
            m.expect(u"pushChannel"_s, result->pushChannel, o.value(u"pushChannel").toString());
        const QString expiration = o.value(u"expirationTime").toString();
        if (expiration.endsWith(u'Z')) {
            m.expect(u"expirationTime"_s,
                     result->expirationTime.toUTC().toString(u"yyyy-MM-ddTHH:mm:ss"_s),
                     expiration.left(19));
        }
        const QJsonObject templates = o.value(u"templates").toObject();
        m.expect(u"templates"_s, result->templates.keys(), templates.keys());
        for (auto it = templates.begin(); it != templates.end(); ++it) {
            // An object, or (the Java SDK's form) that object JSON-encoded in a string.
            const QJsonObject t = it->isObject()
                ? it->toObject()
                : QJsonDocument::fromJson(it->toString().toUtf8()).object();
            const Nh::InstallationTemplate parsed = result->templates.value(it.key());
            m.expect(it.key() + u".body"_s, parsed.body, t.value(u"body").toString());
            m.expect(it.key() + u".expiry"_s, parsed.expiry, t.value(u"expiry").toString());
            m.expect(it.key() + u".headers"_s, parsed.headers.keys(),
                     t.value(u"headers").toObject().keys());
        }
        break;
    }
    case Parser::InstallationPatch: {
        Nh::Installation installation;
        installation.installationId = u"recorded"_s;
        installation.platform = Nh::Platform::FcmV1;
        installation.pushChannel = u"channel"_s;
        const auto result = Nh::applyInstallationPatch(installation, bytes);
        if (!result) {
            *error = result.error();
            return describe(result.error());
        }
        for (const Nh::Warning &w : result.warnings())
            *warnings << w.message;
        m.expect(u"installationId"_s, result->installationId, installation.installationId);
        break;
    }
    case Parser::ErrorBody: {
        const auto result = Nh::parseErrorBody(bytes);
        if (!result) {
            *error = result.error();
            return describe(result.error());
        }
        for (const Nh::Warning &w : result.warnings())
            *warnings << w.message;
        m.expect(u"Code"_s, QString::number(result->code),
                 elementTexts(bytes, u"Code"_s).value(0).trimmed());
        const QString detail = elementTexts(bytes, u"Detail"_s).value(0).trimmed();
        m.expect(u"Detail"_s, result->detail, detail);
        static const QRegularExpression trackingId(uR"re(TrackingId:([^,]+),)re"_s);
        m.expect(u"TrackingId"_s, result->trackingId, trackingId.match(detail).captured(1));
        QString text = detail.section(u"TrackingId:"_s, 0, 0);
        while (text.endsWith(u'.'))
            text.chop(1);
        m.expect(u"text"_s, result->text, text);
        if (body.status > 0)
            m.expect(u"Code = HTTP status"_s, qint64(result->code), qint64(body.status));
        if (!result->timeStamp.isEmpty()) {
            m.expect(u"TimeStamp is a time"_s, Nh::parseErrorTimeStamp(result->timeStamp).isValid(),
                     true);
        }
        break;
    }
    case Parser::NotificationOutcome: {
        const auto result = Nh::parseNotificationOutcome(bytes);
        if (!result) {
            *error = result.error();
            return describe(result.error());
        }
        for (const Nh::Warning &w : result.warnings())
            *warnings << w.message;
        m.expect(u"Success"_s, QString::number(result->success),
                 elementTexts(bytes, u"Success"_s).value(0).trimmed());
        m.expect(u"Failure"_s, QString::number(result->failure),
                 elementTexts(bytes, u"Failure"_s).value(0).trimmed());
        m.expect(u"number of results"_s, qint64(result->results.size()),
                 qint64(countStartTags(bytes, u"RegistrationResult"_s)));
        break;
    }
    case Parser::NotificationDetails: {
        const auto result = Nh::parseNotificationDetails(bytes);
        if (!result) {
            *error = result.error();
            return describe(result.error());
        }
        for (const Nh::Warning &w : result.warnings())
            *warnings << w.message;
        m.expect(u"NotificationId"_s, result->notificationId,
                 elementTexts(bytes, u"NotificationId"_s).value(0));
        m.expect(u"State"_s, result->stateText, elementTexts(bytes, u"State"_s).value(0));
        qsizetype outcomes = 0;
        for (const Nh::PlatformOutcomeCounts &counts : result->outcomeCounts)
            outcomes += counts.outcomes.size();
        m.expect(u"number of outcomes"_s, qint64(outcomes),
                 qint64(countStartTags(bytes, u"Outcome"_s)));
        break;
    }
    case Parser::HubDescription: {
        const auto result = Nh::parseHubDescription(bytes);
        if (body.shape == u"feed/") {
            // The service's answer for a hub it does not have (docs/protocol.md §14.3).
            m.expect(u"an empty feed reads as no such hub"_s,
                     result.ok() ? Nh::ErrorCode::None : result.error().code,
                     Nh::ErrorCode::NotFound);
            break;
        }
        if (!result) {
            *error = result.error();
            return describe(result.error());
        }
        for (const Nh::Warning &w : result.warnings())
            *warnings << w.message;
        compareHub(m, QString(), *result, bytes);
        break;
    }
    case Parser::HubList: {
        const auto result = Nh::parseHubList(bytes);
        if (!result) {
            *error = result.error();
            return describe(result.error());
        }
        for (const Nh::Warning &w : result.warnings())
            *warnings << w.message;
        const QList<QByteArray> entries = entryTexts(bytes);
        m.expect(u"number of hubs"_s, qint64(result->size()), qint64(entries.size()));
        for (qsizetype i = 0; i < qMin(entries.size(), result->size()); ++i) {
            const Nh::HubListEntry &e = result->at(i);
            const QString prefix = u"hub %1: "_s.arg(i + 1);
            m.expect(prefix + u"name"_s, e.name,
                     elementTexts(entries.at(i), u"title"_s).value(0).trimmed());
            m.expect(prefix + u"has its description"_s, e.description.has_value(),
                     entries.at(i).contains("NotificationHubDescription"));
            if (e.description)
                compareHub(m, prefix, *e.description, entries.at(i));
        }
        break;
    }
    case Parser::SkipJob:
        break;
    }
    return m.list.join(u"; "_s);
}

} // namespace

const char *parserName(Parser parser)
{
    switch (parser) {
    case Parser::RegistrationEntry:
        return "registration entry";
    case Parser::RegistrationFeed:
        return "registration feed";
    case Parser::Installation:
        return "installation";
    case Parser::InstallationPatch:
        return "installation patch";
    case Parser::ErrorBody:
        return "error body";
    case Parser::NotificationOutcome:
        return "notification outcome";
    case Parser::NotificationDetails:
        return "notification details";
    case Parser::HubDescription:
        return "hub description";
    case Parser::HubList:
        return "hub list";
    case Parser::SkipJob:
        return "import/export job (skipped)";
    }
    return "?";
}

Check check(const Body &body, Parser parser)
{
    Check out;
    out.problem = compare(body, parser, &out.error, &out.warnings);
    return out;
}

QString describe(const Nh::Error &e)
{
    return u"%1 (line %2, column %3, offset %4, where '%5')"_s.arg(e.message)
        .arg(e.line)
        .arg(e.column)
        .arg(e.offset)
        .arg(e.where);
}

} // namespace Recorded
