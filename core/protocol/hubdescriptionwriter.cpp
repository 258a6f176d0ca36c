// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Writing a NotificationHubDescription for a PUT, and redacting its secrets (docs/protocol.md
// §14.4, §14.6). The parser is in hubdescription.cpp.
#include "common/redaction.h"
#include "protocol/hubdescription.h"
#include "protocol/registration.h"
#include "protocol/xmlutil.h"

#include <QXmlStreamReader>
#include <algorithm>
#include <array>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

/**
 * The elements of a description in the service's order (the .NET DataContract's, docs/protocol.md
 * §14.4); DailyApiCalls stands where DailyOperations does. The read-only figures are never
 * written, but an unknown element that followed one goes back in its place.
 */
constexpr std::array<QStringView, 17> kOrder {
    u"ApnsCredential",        u"RegistrationTtl",
    u"WnsCredential",         u"AuthorizationRules",
    u"GcmCredential",         u"MpnsCredential",
    u"DailyOperations",       u"DailyApiCalls",
    u"DailyMaxActiveDevices", u"DailyMaxActiveRegistrations",
    u"UserMetadata",          u"AdmCredential",
    u"BaiduCredential",       u"Status",
    u"FcmV1Credential",       u"BrowserCredential",
    u"XiaomiCredential",
};

QString text(QLatin1StringView name, QStringView value)
{
    // value: the text as written, escaped as the service escapes it.
    return u'<' + name + u'>' + Xml::escapeText(value, Xml::TextEscaping::Service) + u"</"_s + name
        + u'>';
}

QString credentialXml(const PnsCredential &c)
{
    const QString element = pnsCredentialElementName(c.kind);
    QString out = u'<' + element + u'>';
    if (c.blockedOn.isValid())
        out += text("BlockedOn"_L1, hubDateTimeTextWithMs(c.blockedOn));
    // An empty list is written open and closed, as the service writes MPNS without a certificate.
    out += u"<Properties>"_s;
    for (const auto &[name, value] : c.properties) {
        out += u"<Property>"_s + text("Name"_L1, name) + text("Value"_L1, value) + u"</Property>"_s;
    }
    return out + u"</Properties></"_s + element + u'>';
}

QString ruleXml(const AuthorizationRule &r)
{
    QString out = u"<AuthorizationRule i:type=\"SharedAccessAuthorizationRule\">"_s;
    out += text("ClaimType"_L1, r.claimType) + text("ClaimValue"_L1, r.claimValue);
    out += u"<Rights>"_s;
    // Alphabetical, as the service wrote them in 2020.
    for (const auto &[right, name] :
         {std::pair {AccessRight::Listen, "Listen"_L1},
          std::pair {AccessRight::Manage, "Manage"_L1}, std::pair {AccessRight::Send, "Send"_L1}}) {
        if (r.rights.testFlag(right))
            out += text("AccessRights"_L1, QString(name));
    }
    out += u"</Rights>"_s;
    if (r.createdTime.isValid())
        out += text("CreatedTime"_L1, hubDateTimeTextWithMs(r.createdTime));
    if (r.modifiedTime.isValid())
        out += text("ModifiedTime"_L1, hubDateTimeTextWithMs(r.modifiedTime));
    out += text("KeyName"_L1, r.keyName);
    if (!r.primaryKey.isEmpty())
        out += text("PrimaryKey"_L1, r.primaryKey);
    if (!r.secondaryKey.isEmpty())
        out += text("SecondaryKey"_L1, r.secondaryKey);
    for (const QString &unknown : r.unknownElements)
        out += unknown;
    return out + u"</AuthorizationRule>"_s;
}

/** The known, writable element of that name, or an empty string when it is absent. */
QString elementXml(const HubDescription &d, QStringView name)
{
    if (const auto kind = pnsCredentialKindFromElementName(name)) {
        const PnsCredential *c = d.credential(*kind);
        return c ? credentialXml(*c) : QString();
    }
    if (name == u"RegistrationTtl")
        return d.registrationTtl.isEmpty() ? QString()
                                           : text("RegistrationTtl"_L1, d.registrationTtl);
    if (name == u"AuthorizationRules") {
        if (d.authorizationRules.isEmpty())
            return {};
        QString out = u"<AuthorizationRules>"_s;
        for (const AuthorizationRule &r : d.authorizationRules)
            out += ruleXml(r);
        return out + u"</AuthorizationRules>"_s;
    }
    if (name == u"UserMetadata")
        return d.userMetadata ? text("UserMetadata"_L1, *d.userMetadata) : QString();
    if (name == u"Status")
        return d.status ? text("Status"_L1, *d.status ? u"true" : u"false") : QString();
    return {}; // the read-only figures
}

// --- redaction of the XML text ---

/** The position of a secret's text in the document being redacted. */
struct Span
{
    qsizetype start = -1;
    qsizetype end = -1;
};

/**
 * Finds the secrets of every NotificationHubDescription in `text` (or, with `inDescription`, in
 * a fragment that stands inside one) and replaces them with kRedacted. Offsets are the reader's,
 * in UTF-16 units of `text`. A document that breaks off or is not well-formed has everything
 * from the first place that could hold a secret redacted.
 */
QString redactText(const QString &text, bool inDescription)
{
    QXmlStreamReader reader(text);
    QList<Span> secrets;
    QStringList path;
    qsizetype descriptionDepth = inDescription ? 0 : -1; // path size of the description
    qsizetype lastGood = 0;
    // The element whose text is a secret (a rule key), and a property's value and name.
    qsizetype openSecret = -1;
    qsizetype secretStart = -1;
    Span value;
    QString propertyName;
    bool sawName = false;
    qsizetype textInside = 0;
    bool sawElement = false;
    bool sawDescription = inDescription;
    while (!reader.atEnd()) {
        const auto token = reader.readNext();
        if (token == QXmlStreamReader::Invalid)
            break;
        const qsizetype offset = reader.characterOffset();
        if (token == QXmlStreamReader::StartElement) {
            const QString name = reader.name().toString();
            path.append(name);
            sawElement = true;
            if (descriptionDepth < 0 && name == u"NotificationHubDescription") {
                descriptionDepth = path.size();
                sawDescription = true;
            }
            const bool inside = descriptionDepth >= 0 && path.size() > descriptionDepth;
            if (inside && openSecret < 0
                && (name == u"PrimaryKey" || name == u"SecondaryKey" || name == u"Value")) {
                openSecret = path.size();
                secretStart = offset;
                textInside = 0;
            }
            if (inside && name == u"Property") {
                // A property inside a property (no service writes one): the outer value, if
                // any, is taken for a secret.
                if (value.start >= 0)
                    secrets.append(value);
                value = {};
                propertyName.clear();
                sawName = false;
            }
        } else if (token == QXmlStreamReader::Characters) {
            if (openSecret >= 0)
                textInside += reader.text().trimmed().size();
            if (!path.isEmpty() && path.last() == u"Name") {
                propertyName += reader.text();
                sawName = true;
            }
        } else if (token == QXmlStreamReader::EndElement) {
            if (openSecret == path.size()) {
                const qsizetype endTag = text.lastIndexOf(u"</"_s, offset - 1);
                const Span span {secretStart, endTag};
                if (textInside > 0 && endTag > secretStart) {
                    // A property's value waits for its name; a value elsewhere is a secret.
                    if (path.last() == u"Value" && path.size() >= 2
                        && path.at(path.size() - 2) == u"Property")
                        value = span;
                    else
                        secrets.append(span);
                }
                openSecret = -1;
            }
            if (path.last() == u"Property" && value.start >= 0) {
                // The credential is the description's child this property stands in.
                const qsizetype level = descriptionDepth;
                const auto kind = level < path.size()
                    ? pnsCredentialKindFromElementName(path.at(level))
                    : std::nullopt;
                if (!sawName || !kind || isSecretPnsProperty(*kind, propertyName))
                    secrets.append(value);
                value = {};
            }
            path.removeLast();
            if (path.size() < descriptionDepth)
                descriptionDepth = -1;
        }
        lastGood = offset;
    }

    qsizetype cut = -1;
    // Text that is not XML is not a description; XML that breaks off is redacted from there on
    // when it held a description, or may hold one further on.
    if (reader.hasError() && sawElement
        && (sawDescription
            || QStringView(text).sliced(lastGood).contains(u"NotificationHubDescription"))) {
        cut = lastGood;
        if (openSecret >= 0)
            cut = qMin(cut, secretStart);
        if (value.start >= 0)
            cut = qMin(cut, value.start);
        if (QStringView(text).sliced(cut).trimmed().isEmpty())
            cut = -1;
    }
    if (secrets.isEmpty() && cut < 0)
        return text;
    std::sort(secrets.begin(), secrets.end(),
              [](const Span &a, const Span &b) { return a.start < b.start; });
    QString out;
    qsizetype last = 0;
    for (const Span &s : std::as_const(secrets)) {
        if (cut >= 0 && s.start >= cut)
            break;
        out += QStringView(text).sliced(last, s.start - last);
        out += kRedacted;
        last = s.end;
    }
    if (cut >= 0) {
        out += QStringView(text).sliced(last, qMax(cut, last) - last);
        out += kRedacted;
    } else {
        out += QStringView(text).sliced(last);
    }
    return out;
}

QString redacted(const QString &value)
{
    return value.trimmed().isEmpty() ? value : kRedacted.toString();
}

} // namespace

QByteArray hubDescriptionXml(const HubDescription &d)
{
    QString out = u"<NotificationHubDescription xmlns=\"%1\" xmlns:i=\"%2\">"_s.arg(
        Xml::kServiceBusNs, Xml::kInstanceNs);
    const auto unknownAfter = [&d, &out](QStringView known) {
        for (const UnknownHubElement &u : d.unknownElements) {
            if (u.after == known)
                out += u.xml;
        }
    };
    unknownAfter(u"");
    // An unknown element whose predecessor is none of ours (or is one twice) goes last.
    QSet<QString> placed {QString()};
    for (const QStringView name : kOrder) {
        out += elementXml(d, name);
        unknownAfter(name);
        placed.insert(name.toString());
    }
    for (const UnknownHubElement &u : d.unknownElements) {
        if (!placed.contains(u.after))
            out += u.xml;
    }
    out += u"</NotificationHubDescription>"_s;
    return out.toUtf8();
}

QByteArray hubDescriptionEntryXml(const HubDescription &d)
{
    // The .NET SDK's body (docs/protocol.md §14.1).
    return "<?xml version=\"1.0\" encoding=\"utf-8\"?><entry xmlns=\"http://www.w3.org/2005/Atom\">"
           "<content type=\"application/xml\">"
        + hubDescriptionXml(d) + "</content></entry>";
}

HubDescription redactedHubDescription(const HubDescription &description)
{
    HubDescription d = description;
    for (AuthorizationRule &r : d.authorizationRules) {
        r.primaryKey = redacted(r.primaryKey);
        r.secondaryKey = redacted(r.secondaryKey);
    }
    for (PnsCredential &c : d.credentials) {
        for (auto &[name, value] : c.properties) {
            if (isSecretPnsProperty(c.kind, name))
                value = redacted(value);
        }
    }
    for (UnknownHubElement &u : d.unknownElements)
        u.xml = redactText(u.xml, true);
    return d;
}

QByteArray redactHubDescriptionXml(const QByteArray &xml)
{
    if (!xml.contains("NotificationHubDescription"))
        return xml;
    // Latin-1 maps each byte to one character, so the reader's offsets are byte offsets and every
    // byte outside a secret comes back as it was, whatever the encoding. A UTF-8 BOM stays aside.
    const qsizetype bom = xml.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    const QString text = QString::fromLatin1(QByteArrayView(xml).sliced(bom));
    const QString out = redactText(text, false);
    if (out == text)
        return xml;
    return xml.first(bom) + out.toLatin1();
}

} // namespace Nh
