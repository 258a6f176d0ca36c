// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/httpheaders.h"

namespace Nh {

namespace {
bool sameName(QByteArrayView a, QByteArrayView b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}
} // namespace

std::optional<QByteArray> headerValue(const HttpHeaders &headers, QByteArrayView name)
{
    for (const auto &h : headers) {
        if (sameName(h.first, name))
            return h.second;
    }
    return std::nullopt;
}

bool hasHeader(const HttpHeaders &headers, QByteArrayView name)
{
    return headerValue(headers, name).has_value();
}

void setHeader(HttpHeaders &headers, const QByteArray &name, const QByteArray &value)
{
    qsizetype at = -1;
    for (qsizetype i = 0; i < headers.size(); ++i) {
        if (sameName(headers.at(i).first, name)) {
            at = i;
            break;
        }
    }
    removeHeader(headers, name);
    if (at < 0 || at > headers.size())
        headers.append({name, value});
    else
        headers.insert(at, {name, value});
}

qsizetype removeHeader(HttpHeaders &headers, QByteArrayView name)
{
    return headers.removeIf([name](const auto &h) { return sameName(h.first, name); });
}

} // namespace Nh
