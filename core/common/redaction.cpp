// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/redaction.h"

#include <QRegularExpression>
#include <cstring>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

const QRegularExpression &secretPattern()
{
    // (?<![A-Za-z]) keeps "sig=" from matching inside e.g. "xsig=" while allowing "&sig=",
    // "?sig=", " sig=" and the start of the text.
    static const QRegularExpression re(uR"((?<![A-Za-z])(SharedAccessKey|sig)=([^;&"'\s<>]*))"_s,
                                       QRegularExpression::CaseInsensitiveOption);
    return re;
}

/** Whether `value` is the output of an earlier redaction: all of it, or a signature or key of it.
 */
bool isAlreadyRedacted(const QByteArray &value)
{
    const QByteArray mark = kRedacted.toUtf8();
    if (value == mark)
        return true;
    const QByteArray lower = value.toLower();
    for (const QByteArray &name : {"sig="_ba, "sharedaccesskey="_ba}) {
        if (lower.contains(QByteArray(name + mark)))
            return true;
    }
    return false;
}

} // namespace

QString redactSecrets(const QString &text)
{
    if (!text.contains(u"sig="_s, Qt::CaseInsensitive)
        && !text.contains(u"SharedAccessKey="_s, Qt::CaseInsensitive))
        return text;
    QString out;
    out.reserve(text.size());
    qsizetype last = 0;
    auto it = secretPattern().globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        if (m.capturedLength(2) == 0)
            continue;
        out += QStringView(text).sliced(last, m.capturedStart(2) - last);
        out += kRedacted;
        last = m.capturedEnd(2);
    }
    out += QStringView(text).sliced(last);
    return out;
}

namespace {

/** `marker` (lower-case ASCII) ends at text[end - 1], compared ASCII-case-insensitively. */
bool endsWithMarker(const QByteArray &text, qsizetype end, QByteArrayView marker)
{
    if (end < marker.size())
        return false;
    const char *const at = text.constData() + end - marker.size();
    for (qsizetype i = 0; i < marker.size(); ++i) {
        const char c = at[i];
        if ((c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c) != marker[i])
            return false;
    }
    return true;
}

/**
 * True when `text` is ASCII without "sig=" or "SharedAccessKey=" in any case: nothing for
 * redactSecrets() to do, known without decoding it (responses of many kilobytes are logged).
 * Non-ASCII text takes the full path, where case folding may find more.
 */
bool plainlyWithoutSecrets(const QByteArray &text)
{
    constexpr quint64 kOnes = 0x0101010101010101ULL;
    constexpr quint64 kHighs = 0x8080808080808080ULL;
    const char *const bytes = text.constData();
    const qsizetype size = text.size();
    qsizetype i = 0;
    while (i < size) {
        // Eight bytes at a time while none is non-ASCII or '=' (the bit trick finds a zero byte
        // of word ^ "========", with false alarms only, which the bytes below then settle).
        if (i + 8 <= size) {
            quint64 word = 0;
            std::memcpy(&word, bytes + i, sizeof word);
            const quint64 equals = word ^ (kOnes * quint8('='));
            if (((word & kHighs) | ((equals - kOnes) & ~equals & kHighs)) == 0) {
                i += 8;
                continue;
            }
        }
        for (const qsizetype end = qMin(size, i + 8); i < end; ++i) {
            const auto c = quint8(bytes[i]);
            if (c >= 0x80)
                return false;
            if (c == '='
                && (endsWithMarker(text, i, "sig") || endsWithMarker(text, i, "sharedaccesskey")))
                return false;
        }
    }
    return true;
}

} // namespace

QByteArray redactSecrets(const QByteArray &text)
{
    if (plainlyWithoutSecrets(text))
        return text;
    const QString decoded = QString::fromUtf8(text);
    const QString redacted = redactSecrets(decoded);
    // Unchanged text keeps its original bytes (which need not be UTF-8).
    return redacted == decoded ? text : redacted.toUtf8();
}

bool isSecretHeader(QByteArrayView name)
{
    for (QByteArrayView secret : {"Authorization", "Proxy-Authorization", "Cookie", "Set-Cookie"}) {
        if (name.compare(secret, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

HttpHeaders redactHeaders(const HttpHeaders &headers, Reveal reveal)
{
    if (reveal == Reveal::Yes)
        return headers;
    HttpHeaders out;
    out.reserve(headers.size());
    for (const auto &[name, value] : headers) {
        QByteArray shown = redactSecrets(value);
        // A value that holds no secret we can find is blanked whole, unless it is one that an
        // earlier pass redacted already: redacting twice must give the same headers.
        if (isSecretHeader(name) && shown == value && !value.isEmpty() && !isAlreadyRedacted(value))
            shown = kRedacted.toString().toUtf8();
        out.append({name, shown});
    }
    return out;
}

} // namespace Nh
