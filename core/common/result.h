// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <utility>
#include <variant>

namespace Nh {

/** What kind of thing went wrong; the sentence for people is in Error::message. */
enum class ErrorCode {
    None,
    // Input that a parser or builder refused.
    Empty, ///< nothing to parse
    Syntax, ///< malformed text: unexpected character or token
    MissingField, ///< a required key, element or header is absent
    EmptyField, ///< present, but empty
    DuplicateField, ///< the same key twice
    InvalidValue, ///< well-formed but not acceptable (bad base64, bad scheme, …)
    LimitExceeded, ///< too long, too many, too deep, too large
    Truncated, ///< the input ends too early
    UnexpectedRoot, ///< a document of another kind
    // SAS validation (the names of the service's own 401 details).
    InvalidSignature,
    ExpiredToken,
    InvalidAudience,
    UnknownKeyName,
    // Domains beyond parsing: what failed around the input. Appended, never reordered: the
    // history stores the numeric value.
    Transport, ///< no HTTP answer: DNS, refused connection, TLS, reset, proxy
    Timeout, ///< no answer within the transfer timeout
    Cancelled, ///< the user (or the program on the user's behalf) stopped it
    HubRejected, ///< the hub answered with a 4xx or 5xx status
    BadResponse, ///< a 2xx answer whose body could not be read (the parse error is in the text)
    Storage, ///< a local file or database cannot be opened, read or written
    Keychain, ///< the keychain cannot give, store or remove a secret (none stored, locked, …)
    NotFound, ///< a named thing does not exist (a profile, an exchange, a hub the service denies)
    Usage, ///< asked in a way that cannot work: a bad command line, a call in the wrong state
};

/** The last ErrorCode, for code that reads stored numeric values back. */
inline constexpr ErrorCode kLastErrorCode = ErrorCode::Usage;

/**
 * A located error. `message` is a complete translated sentence that already names the place
 * ("Unexpected ')' at position 14: expected a tag or '('"); the location fields are for views
 * that want to mark it (underline an offset, jump to a line).
 */
struct Error
{
    ErrorCode code = ErrorCode::None;
    QString message;
    /// 0-based offset in the parsed text (QChar units for text, bytes for byte input), or -1.
    qsizetype offset = -1;
    /// Length of the offending span at `offset`, 0 when unknown.
    qsizetype length = 0;
    /// 1-based line and column for documents (XML, JSON), 0 when unknown.
    qint64 line = 0;
    qint64 column = 0;
    /// What the error is about: a key name, element path or header name; may be empty.
    QString where;

    bool isLocated() const { return offset >= 0 || line > 0; }
};

/** Something a parser accepted but that the user should know about. */
struct Warning
{
    QString message;
    qsizetype offset = -1;
    qsizetype length = 0;
};

/**
 * A value or an Error (C++20 has no std::expected), plus warnings that do not stop the value.
 * Accessing value() of a failed result, or error() of a successful one, is a programming error
 * (asserted in debug builds).
 */
template<typename T> class Result
{
public:
    Result(T value)
        : m_data(std::in_place_index<0>, std::move(value))
    { }
    Result(Error error)
        : m_data(std::in_place_index<1>, std::move(error))
    { }

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T &value() const &
    {
        Q_ASSERT(ok());
        return std::get<0>(m_data);
    }
    T &value() &
    {
        Q_ASSERT(ok());
        return std::get<0>(m_data);
    }
    T &&value() &&
    {
        Q_ASSERT(ok());
        return std::get<0>(std::move(m_data));
    }
    const T *operator->() const { return &value(); }
    const T &operator*() const & { return value(); }

    const Error &error() const
    {
        Q_ASSERT(!ok());
        return std::get<1>(m_data);
    }

    const QList<Warning> &warnings() const { return m_warnings; }
    void addWarning(Warning w) { m_warnings.append(std::move(w)); }
    void setWarnings(QList<Warning> w) { m_warnings = std::move(w); }

private:
    std::variant<T, Error> m_data;
    QList<Warning> m_warnings;
};

/** Result for operations that produce nothing but may fail. */
template<> class Result<void>
{
public:
    Result() = default;
    Result(Error error)
        : m_error(std::move(error))
        , m_failed(true)
    { }

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const Error &error() const
    {
        Q_ASSERT(m_failed);
        return m_error;
    }
    const QList<Warning> &warnings() const { return m_warnings; }
    void addWarning(Warning w) { m_warnings.append(std::move(w)); }

private:
    Error m_error;
    bool m_failed = false;
    QList<Warning> m_warnings;
};

using Status = Result<void>;

/** Shorthand for building an Error in parsers. */
inline Error makeError(ErrorCode code, QString message, qsizetype offset = -1, qsizetype length = 0,
                       QString where = {})
{
    Error e;
    e.code = code;
    e.message = std::move(message);
    e.offset = offset;
    e.length = length;
    e.where = std::move(where);
    return e;
}

} // namespace Nh
