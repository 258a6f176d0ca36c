// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/profile.h"

#include "protocol/tagexpression.h"

#include <QRegularExpression>
#include <QUrl>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

QString trProfile(const char *text)
{
    return QCoreApplication::translate("Nh::Profile", text);
}

/** 1-based position for messages. */
qsizetype pos(qsizetype offset)
{
    return offset + 1;
}

/** The first line break or other control character, or -1. */
qsizetype firstControl(QStringView text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i].category() == QChar::Other_Control)
            return i;
    }
    return -1;
}

bool isRuleNameChar(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'A' && u <= u'Z') || (u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9')
        || u == u'.' || u == u'-' || u == u'_';
}

bool isApiVersion(const QString &text)
{
    static const QRegularExpression re(u"^\\d{4}-\\d{2}(-\\d{2})?(-preview)?$"_s);
    return re.match(text).hasMatch();
}

bool isColour(const QString &text)
{
    static const QRegularExpression re(u"^#[0-9a-fA-F]{6}$"_s);
    return re.match(text).hasMatch();
}

Error fieldError(ErrorCode code, const QString &message, const QString &field,
                 qsizetype offset = -1, qsizetype length = 0)
{
    return makeError(code, message, offset, length, field);
}

} // namespace

QString profileKindName(ProfileKind kind)
{
    return kind == ProfileKind::Emulator ? u"emulator"_s : u"hub"_s;
}

std::optional<ProfileKind> profileKindFromName(QStringView name)
{
    if (name.compare(u"hub", Qt::CaseInsensitive) == 0)
        return ProfileKind::Hub;
    if (name.compare(u"emulator", Qt::CaseInsensitive) == 0)
        return ProfileKind::Emulator;
    return std::nullopt;
}

Profile defaultEmulatorProfile()
{
    Profile p;
    p.id = kEmulatorProfileId;
    p.name = trProfile("Local emulator");
    p.kind = ProfileKind::Emulator;
    // The defaults of HubEmulator (EmulatorOptions::hubName and its full-access rule).
    p.hub = u"myHub"_s;
    p.keyName = u"DefaultFullSharedAccessSignature"_s;
    p.label = trProfile("emulator");
    p.colour = u"#2e7d32"_s;
    return p;
}

QString Profile::endpoint() const
{
    if (kind != ProfileKind::Hub || host.isEmpty())
        return {};
    QUrl url;
    url.setScheme(u"sb"_s);
    url.setHost(host);
    if (port > 0)
        url.setPort(port);
    url.setPath(u"/"_s);
    return url.toString();
}

HubConnection Profile::connection(const QString &key) const
{
    HubConnection c;
    c.connectionString = ConnectionString::fromParts(host, port, keyName, key);
    c.hub = hub;
    c.apiVersion = apiVersion;
    c.transferTimeoutMs = timeoutMs;
    return c;
}

HubConnection Profile::connection(const ConnectionString &live) const
{
    HubConnection c;
    c.connectionString = live;
    c.hub = hub;
    c.apiVersion = apiVersion;
    c.transferTimeoutMs = timeoutMs;
    return c;
}

Status Profile::validate() const
{
    const QString trimmedName = name.trimmed();
    if (trimmedName.isEmpty())
        return fieldError(ErrorCode::EmptyField, tr("A profile needs a name."), u"name"_s);
    if (name.size() > kMaxNameLength) {
        return fieldError(ErrorCode::LimitExceeded,
                          tr("The profile name “%1…” is %2 characters long; the limit is %3.")
                              .arg(name.left(20))
                              .arg(name.size())
                              .arg(kMaxNameLength),
                          u"name"_s, kMaxNameLength, name.size() - kMaxNameLength);
    }
    if (const qsizetype at = firstControl(name); at >= 0) {
        return fieldError(ErrorCode::InvalidValue,
                          tr("The profile name has a line break or control character at position "
                             "%1.")
                              .arg(pos(at)),
                          u"name"_s, at, 1);
    }
    const QString who = name;

    if (kind == ProfileKind::Hub) {
        if (host.trimmed().isEmpty()) {
            return fieldError(ErrorCode::EmptyField,
                              tr("Profile “%1” has no endpoint host; paste the connection string "
                                 "of its namespace.")
                                  .arg(who),
                              u"host"_s);
        }
        QUrl url;
        url.setHost(host, QUrl::StrictMode);
        if (url.host().isEmpty() || host.contains(u'/') || host.contains(u' ')) {
            return fieldError(
                ErrorCode::InvalidValue,
                tr("The endpoint host “%1” of profile “%2” is not a host name.").arg(host, who),
                u"host"_s);
        }
        if (port != -1 && (port < 1 || port > 65535)) {
            return fieldError(
                ErrorCode::InvalidValue,
                tr("The port %1 of profile “%2” is not between 1 and 65535.").arg(port).arg(who),
                u"port"_s);
        }
    }

    if (const Status hubOk = validateHubName(hub); !hubOk) {
        Error e = hubOk.error();
        e.message = tr("Profile “%1”: %2.").arg(who, e.message);
        if (e.code == ErrorCode::Empty)
            e.code = ErrorCode::EmptyField;
        e.where = u"hub"_s;
        return e;
    }

    if (keyName.isEmpty()) {
        return fieldError(ErrorCode::EmptyField,
                          tr("Profile “%1” has no SAS rule name (SharedAccessKeyName).").arg(who),
                          u"keyName"_s);
    }
    if (keyName.size() > 256) {
        return fieldError(ErrorCode::LimitExceeded,
                          tr("The SAS rule name of profile “%1” is %2 characters long; the limit "
                             "is 256.")
                              .arg(who)
                              .arg(keyName.size()),
                          u"keyName"_s, 256, keyName.size() - 256);
    }
    for (qsizetype i = 0; i < keyName.size(); ++i) {
        if (!isRuleNameChar(keyName[i])) {
            return fieldError(ErrorCode::InvalidValue,
                              tr("The SAS rule name of profile “%1” has the character '%2' at "
                                 "position %3; rule names use letters, digits, '.', '-' and '_'.")
                                  .arg(who)
                                  .arg(keyName[i])
                                  .arg(pos(i)),
                              u"keyName"_s, i, 1);
        }
    }

    if (!isApiVersion(apiVersion)) {
        return fieldError(ErrorCode::InvalidValue,
                          tr("The API version “%1” of profile “%2” is not a version like "
                             "2020-06.")
                              .arg(apiVersion, who),
                          u"apiVersion"_s);
    }
    if (timeoutMs < kMinTimeoutMs || timeoutMs > kMaxTimeoutMs) {
        return fieldError(ErrorCode::InvalidValue,
                          tr("The timeout of profile “%1” is %2 ms; it must be between %3 and %4 "
                             "ms.")
                              .arg(who)
                              .arg(timeoutMs)
                              .arg(kMinTimeoutMs)
                              .arg(kMaxTimeoutMs),
                          u"timeoutMs"_s);
    }
    if (!defaultTags.trimmed().isEmpty()) {
        const auto parsed = TagExpression::parse(defaultTags);
        if (!parsed) {
            Error e = parsed.error();
            e.message =
                tr("Profile “%1”: the default tag expression is not valid. %2").arg(who, e.message);
            e.where = u"defaultTags"_s;
            return e;
        }
    }
    if (label.size() > kMaxLabelLength) {
        return fieldError(ErrorCode::LimitExceeded,
                          tr("The label of profile “%1” is %2 characters long; the limit is %3.")
                              .arg(who)
                              .arg(label.size())
                              .arg(kMaxLabelLength),
                          u"label"_s, kMaxLabelLength, label.size() - kMaxLabelLength);
    }
    if (const qsizetype at = firstControl(label); at >= 0) {
        return fieldError(ErrorCode::InvalidValue,
                          tr("The label of profile “%1” has a line break or control character at "
                             "position %2.")
                              .arg(who)
                              .arg(pos(at)),
                          u"label"_s, at, 1);
    }
    if (!colour.isEmpty() && !isColour(colour)) {
        return fieldError(
            ErrorCode::InvalidValue,
            tr("The colour “%1” of profile “%2” is not of the form #rrggbb.").arg(colour, who),
            u"colour"_s);
    }
    return {};
}

} // namespace Nh
