// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to core/protocol: the pull reader under the hub description's parser
// (hubdescription.cpp, docs/protocol.md §14.4).

#include "common/result.h"
#include "protocol/xmlutil.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QXmlStreamReader>
#include <optional>

namespace Nh {

/**
 * A pull reader over one hub document that knows the element path (for Error::where: an
 * "entry/content/NotificationHubDescription/ApnsCredential"), the namespaces in scope (to
 * serialise an unknown element again with capture()) and keeps the first error. Every call that
 * moves returns false on error and keeps returning false after it. Elements deeper than
 * Xml::kMaxDepth are refused.
 */
class HubXmlReader
{
public:
    explicit HubXmlReader(const QByteArray &xml)
        : m_input(xml)
        , m_reader(xml)
    { }

    /** Reads up to the root element and stands on it. */
    bool enterRoot();
    /** Reads on to the end of the document, so trailing garbage is an error too. */
    bool finish();
    /** One token, keeping the path and the namespaces; Invalid after an error. */
    QXmlStreamReader::TokenType advance();
    /** Moves to the next child element of the open one; false at its end tag or on error. */
    bool nextChild();
    /** Skips the current element up to and including its end tag. */
    bool skip();
    /** skip() with a warning that the element is not part of a hub description. */
    bool skipWithWarning();
    /** The text of the current element (xsi:nil = empty); a child element is a Syntax error. */
    bool readText(QString *text);
    /** The current element as a date and time (empty = invalid QDateTime). */
    bool readDate(QDateTime *when);
    /** The current element as a count; a second one is DuplicateField. */
    bool readCount(std::optional<qint64> *value);
    /** The current element as xs:boolean (true, false, 1, 0; case-insensitively). */
    bool readBool(std::optional<bool> *value);
    /** The current element serialised again, the namespace prefixes it uses declared on it. */
    bool capture(QString *xml);
    /** The current element is in the service namespace or in none. */
    bool isOurs() const;

    QStringView name() const { return m_reader.name(); }
    const QXmlStreamReader &stream() const { return m_reader; }
    Xml::Position position() const { return Xml::positionOf(m_reader); }
    /** The local names from the root to the current element, joined with '/'. */
    QString path() const { return m_path.join(u'/'); }

    /** Fails with an error located at `at`, about `where`; the first error wins. */
    bool failAt(const Xml::Position &at, const QString &where, ErrorCode code, const QString &what);
    /** Fails at the current position and path. */
    bool fail(ErrorCode code, const QString &what)
    {
        return failAt(position(), path(), code, what);
    }
    bool failed() const { return m_failed; }
    const Error &error() const { return m_error; }
    void prefixError(const QString &prefix) { m_error.message = prefix + m_error.message; }
    void warn(Warning warning) { m_warnings.append(std::move(warning)); }
    const QList<Warning> &warnings() const { return m_warnings; }

private:
    bool failFromReader();

    QByteArray m_input;
    QXmlStreamReader m_reader;
    QStringList m_path;
    QList<QXmlStreamNamespaceDeclarations> m_namespaces;
    bool m_failed = false;
    Error m_error;
    QList<Warning> m_warnings;
};

} // namespace Nh
