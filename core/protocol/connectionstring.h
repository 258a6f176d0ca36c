// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QString>
#include <QStringView>
#include <QUrl>

namespace Nh {

/**
 * A Notification Hubs connection string: the namespace endpoint and one SAS rule
 * (docs/protocol.md §1). The hub name is not part of it.
 *
 * parse() is lenient where real users are sloppy (any key order or case, whitespace, a trailing
 * ';', surrounding quotes, sb:// or https://, with or without port and trailing '/') and strict
 * where a mistake would only show up later as a 401 (a key that is not base64, duplicates, an
 * endpoint with a path). toString() always emits the canonical form that every client parses,
 * including the public Python sample:
 * `Endpoint=sb://host[:port]/;SharedAccessKeyName=…;SharedAccessKey=…`.
 */
class ConnectionString
{
public:
    ConnectionString() = default;

    /**
     * Parses `text`. Errors name the key and its 0-based offset in `text` (Error::offset/length
     * point at the offending value). Warnings: an EntityPath (offered as the hub name), unknown
     * keys, a key that does not decode to 32 bytes, surrounding quotes.
     */
    static Result<ConnectionString> parse(QStringView text);

    /** Builds one from parts (for the emulator and tests); no validation. */
    static ConnectionString fromParts(const QString &host, int port, const QString &keyName,
                                      const QString &key);

    bool isNull() const { return m_host.isEmpty(); }

    /** Lower-case host name, e.g. "contoso.servicebus.windows.net" or "127.0.0.1". */
    QString host() const { return m_host; }
    /** The explicit port, or -1 when the endpoint has none (443). */
    int port() const { return m_port; }
    QString keyName() const { return m_keyName; }
    /** The SAS key exactly as issued (base64 text; its UTF-8 bytes are the HMAC key). */
    QString key() const { return m_key; }
    /** The EntityPath value when the pasted string had one (ignored for connecting). */
    QString entityPath() const { return m_entityPath; }

    /** The first DNS label of the host ("contoso"), or the host for an IP address. */
    QString namespaceName() const;
    /** `https://host[:port]/` */
    QUrl endpointUrl() const;
    /** `https://host[:port]/{hub}` (the hub's base URL; hub name case kept). */
    QUrl hubUrl(const QString &hub) const;

    /** Canonical form: `Endpoint=sb://host[:port]/;SharedAccessKeyName=…;SharedAccessKey=…`. */
    QString toString() const;
    /** The canonical form with the key replaced by a placeholder, for display and logs. */
    QString toRedactedString() const;

    friend bool operator==(const ConnectionString &, const ConnectionString &) = default;

private:
    QString m_host;
    int m_port = -1;
    QString m_keyName;
    QString m_key;
    QString m_entityPath;
};

/**
 * Checks a hub name as the portal does (1–260 characters: letters, digits, '.', '-', '_',
 * starting and ending with a letter or digit). A '/' (legacy hub paths) and spaces are refused
 * with a reason: clients put the name in the URL path unescaped.
 */
Status validateHubName(QStringView hub);

} // namespace Nh
