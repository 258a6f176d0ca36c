// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/exchangediff.h"

#include "protocol/xmlutil.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonDocument>
#include <QSet>
#include <vector>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

/** The translation context of this file's messages; lupdate reads it from here. */
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Nh::ExchangeDiff)
};

/// Line pairs above this are not aligned (the table would take 16 MB and noticeable time).
constexpr qint64 kMaxCells = 4'000'000;
/// Larger bodies are compared as they are, not pretty-printed.
constexpr qsizetype kMaxNormalizeBytes = 1 << 20;

bool isVolatileHeader(QByteArrayView name)
{
    for (QByteArrayView v : {"Authorization", "Date", "TrackingId", "Location", "x-ms-request-id",
                             "Content-Length", "MS-CV"}) {
        if (name.compare(v, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QList<HeaderDifference> diffHeaders(const HttpHeaders &left, const HttpHeaders &right)
{
    QList<QByteArray> order; // lower-case names in order of first appearance
    QHash<QByteArray, QByteArray> spelling;
    QHash<QByteArray, QByteArray> l, r;
    const auto collect = [&](const HttpHeaders &headers, QHash<QByteArray, QByteArray> &into) {
        for (const auto &[name, value] : headers) {
            const QByteArray key = name.toLower();
            if (!spelling.contains(key)) {
                spelling.insert(key, name);
                order.append(key);
            }
            auto it = into.find(key);
            if (it == into.end())
                into.insert(key, value);
            else
                *it += ", " + value;
        }
    };
    collect(left, l);
    collect(right, r);
    QList<HeaderDifference> out;
    for (const QByteArray &key : std::as_const(order)) {
        const auto lv = l.constFind(key);
        const auto rv = r.constFind(key);
        const std::optional<QByteArray> a =
            lv == l.constEnd() ? std::nullopt : std::optional<QByteArray>(*lv);
        const std::optional<QByteArray> b =
            rv == r.constEnd() ? std::nullopt : std::optional<QByteArray>(*rv);
        if (a == b)
            continue;
        out.append({spelling.value(key), a, b, isVolatileHeader(key)});
    }
    return out;
}

QStringList splitLines(const QString &text)
{
    if (text.isEmpty())
        return {};
    QStringList lines = text.split(u'\n');
    for (QString &line : lines) {
        if (line.endsWith(u'\r'))
            line.chop(1);
    }
    if (text.endsWith(u'\n'))
        lines.removeLast();
    return lines;
}

std::optional<QString> prettyXml(const QByteArray &body)
{
    const auto pretty = Xml::pretty(body, Xml::Attributes::DeclarationsFirst);
    if (!pretty)
        return std::nullopt;
    return QString::fromUtf8(*pretty).trimmed();
}

BodyDiff diffBodies(const QByteArray &left, const QByteArray &right)
{
    if (left.size() <= kMaxNormalizeBytes && right.size() <= kMaxNormalizeBytes) {
        const auto a = normalizedBody(left);
        const auto b = normalizedBody(right);
        if (a && b) {
            BodyDiff d = diffText(*a, *b);
            d.normalized = true;
            d.identical = left == right;
            return d;
        }
    }
    BodyDiff d = diffText(QString::fromUtf8(left), QString::fromUtf8(right));
    d.identical = left == right;
    return d;
}

QString outcomeCount(const Exchange &e, bool success)
{
    if (!e.outcome)
        return {};
    return QString::number(success ? e.outcome->success : e.outcome->failure);
}

} // namespace

std::optional<QString> normalizedBody(const QByteArray &body)
{
    const QByteArray trimmed = body.trimmed();
    if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(trimmed, &error);
        if (error.error != QJsonParseError::NoError)
            return std::nullopt;
        return QString::fromUtf8(doc.toJson(QJsonDocument::Indented)).trimmed();
    }
    if (trimmed.startsWith('<'))
        return prettyXml(trimmed);
    return std::nullopt;
}

BodyDiff diffText(const QString &left, const QString &right)
{
    BodyDiff d;
    d.identical = left == right;
    const QStringList a = splitLines(left);
    const QStringList b = splitLines(right);
    // Lines as integers: comparisons in the table below are then cheap.
    QHash<QString, int> ids;
    const auto idsOf = [&ids](const QStringList &lines) {
        std::vector<int> out;
        out.reserve(size_t(lines.size()));
        for (const QString &line : lines) {
            auto it = ids.constFind(line);
            if (it == ids.constEnd())
                it = ids.insert(line, int(ids.size()));
            out.push_back(*it);
        }
        return out;
    };
    const std::vector<int> x = idsOf(a);
    const std::vector<int> y = idsOf(b);
    const qsizetype n = a.size(), m = b.size();
    qsizetype prefix = 0;
    while (prefix < n && prefix < m && x[size_t(prefix)] == y[size_t(prefix)])
        ++prefix;
    qsizetype suffix = 0;
    while (suffix < n - prefix && suffix < m - prefix
           && x[size_t(n - 1 - suffix)] == y[size_t(m - 1 - suffix)])
        ++suffix;

    const auto same = [&](qsizetype i, qsizetype j) {
        d.lines.append({DiffLine::Kind::Same, a.at(i), int(i + 1), int(j + 1)});
    };
    for (qsizetype i = 0; i < prefix; ++i)
        same(i, i);

    const qsizetype na = n - prefix - suffix;
    const qsizetype nb = m - prefix - suffix;
    if (na > 0 && nb > 0 && qint64(na + 1) * qint64(nb + 1) <= kMaxCells) {
        // Longest common subsequence, lengths from the end; walked forwards it gives removals
        // before additions where both are possible.
        const size_t w = size_t(nb + 1);
        std::vector<quint32> len(size_t(na + 1) * w, 0);
        for (qsizetype i = na - 1; i >= 0; --i) {
            for (qsizetype j = nb - 1; j >= 0; --j) {
                const size_t at = size_t(i) * w + size_t(j);
                len[at] = x[size_t(prefix + i)] == y[size_t(prefix + j)]
                    ? len[at + w + 1] + 1
                    : std::max(len[at + w], len[at + 1]);
            }
        }
        qsizetype i = 0, j = 0;
        while (i < na || j < nb) {
            if (i < na && j < nb && x[size_t(prefix + i)] == y[size_t(prefix + j)]) {
                same(prefix + i, prefix + j);
                ++i;
                ++j;
            } else if (j >= nb
                       || (i < na
                           && len[size_t(i + 1) * w + size_t(j)]
                               >= len[size_t(i) * w + size_t(j + 1)])) {
                d.lines.append({DiffLine::Kind::Removed, a.at(prefix + i), int(prefix + i + 1), 0});
                ++i;
            } else {
                d.lines.append({DiffLine::Kind::Added, b.at(prefix + j), 0, int(prefix + j + 1)});
                ++j;
            }
        }
    } else {
        d.approximate = na > 0 && nb > 0;
        for (qsizetype i = 0; i < na; ++i)
            d.lines.append({DiffLine::Kind::Removed, a.at(prefix + i), int(prefix + i + 1), 0});
        for (qsizetype j = 0; j < nb; ++j)
            d.lines.append({DiffLine::Kind::Added, b.at(prefix + j), 0, int(prefix + j + 1)});
    }
    for (qsizetype k = 0; k < suffix; ++k)
        same(n - suffix + k, m - suffix + k);
    return d;
}

bool ExchangeDiff::isEquivalent() const
{
    const auto changed = [](const BodyDiff &d) {
        return std::any_of(d.lines.cbegin(), d.lines.cend(),
                           [](const DiffLine &l) { return l.kind != DiffLine::Kind::Same; });
    };
    const auto relevant = [](const QList<HeaderDifference> &list) {
        return std::any_of(list.cbegin(), list.cend(),
                           [](const HeaderDifference &h) { return !h.isVolatile; });
    };
    return fields.isEmpty() && !relevant(requestHeaders) && !relevant(responseHeaders)
        && !changed(requestBody) && !changed(responseBody) && outcomes.isEmpty();
}

ExchangeDiff diffExchanges(const HistoryRecord &leftRecord, const HistoryRecord &rightRecord)
{
    const HistoryRecord l = historyRecordFor(leftRecord.exchange, leftRecord.context);
    const HistoryRecord r = historyRecordFor(rightRecord.exchange, rightRecord.context);
    const Exchange &a = l.exchange;
    const Exchange &b = r.exchange;
    ExchangeDiff d;
    const auto field = [&d](const QString &key, const QString &name, const QString &x,
                            const QString &y) {
        if (x != y)
            d.fields.append({key, name, x, y});
    };
    field(u"operation"_s, Tr::tr("Operation"), a.operation, b.operation);
    field(u"method"_s, Tr::tr("Method"), QString::fromUtf8(a.method), QString::fromUtf8(b.method));
    field(u"url"_s, Tr::tr("URL"), QString::fromUtf8(a.url.toEncoded()),
          QString::fromUtf8(b.url.toEncoded()));
    field(u"hub"_s, Tr::tr("Hub"), a.hub, b.hub);
    field(u"profile"_s, Tr::tr("Profile"), l.context.profileName, r.context.profileName);
    field(u"target"_s, Tr::tr("Target"), l.context.target, r.context.target);
    field(u"format"_s, Tr::tr("Format"), l.context.format, r.context.format);
    field(u"status"_s, Tr::tr("HTTP status"), a.status ? QString::number(a.status) : QString(),
          b.status ? QString::number(b.status) : QString());
    field(u"reason"_s, Tr::tr("Reason phrase"), QString::fromUtf8(a.reasonPhrase),
          QString::fromUtf8(b.reasonPhrase));
    field(u"result"_s, Tr::tr("Result"), exchangeResultDisplayName(a.result),
          exchangeResultDisplayName(b.result));
    field(u"error"_s, Tr::tr("Error"), a.errorSentence, b.errorSentence);
    field(u"outcome.success"_s, Tr::tr("Registrations reached"), outcomeCount(a, true),
          outcomeCount(b, true));
    field(u"outcome.failure"_s, Tr::tr("Registrations failed"), outcomeCount(a, false),
          outcomeCount(b, false));

    d.requestHeaders = diffHeaders(a.requestHeaders, b.requestHeaders);
    d.responseHeaders = diffHeaders(a.responseHeaders, b.responseHeaders);
    d.requestBody = diffBodies(a.requestBody, b.requestBody);
    d.responseBody = diffBodies(a.responseBody, b.responseBody);

    if (a.outcome || b.outcome) {
        const QList<RegistrationResult> none;
        const QList<RegistrationResult> &x = a.outcome ? a.outcome->results : none;
        const QList<RegistrationResult> &y = b.outcome ? b.outcome->results : none;
        QHash<QString, QString> right;
        for (const RegistrationResult &rr : y)
            right.insert(rr.registrationId, rr.outcome);
        QSet<QString> seen;
        for (const RegistrationResult &rr : x) {
            seen.insert(rr.registrationId);
            const QString other = right.value(rr.registrationId);
            if (other != rr.outcome)
                d.outcomes.append({rr.registrationId, rr.outcome, other});
        }
        for (const RegistrationResult &rr : y) {
            if (!seen.contains(rr.registrationId))
                d.outcomes.append({rr.registrationId, QString(), rr.outcome});
        }
    }
    return d;
}

} // namespace Nh
