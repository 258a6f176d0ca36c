// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "emulator/faults.h"

#include <QCoreApplication>
#include <QMutexLocker>
#include <array>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

/** The translation context of this file's messages; lupdate reads it from here. */
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Nh::Fault)
};

struct KindName
{
    FaultKind kind;
    QStringView name;
};
constexpr std::array<KindName, 9> kKinds {{
    {FaultKind::Delay, u"delay"},
    {FaultKind::Stall, u"stall"},
    {FaultKind::Reset, u"reset"},
    {FaultKind::Status, u"status"},
    {FaultKind::Garbage, u"garbage"},
    {FaultKind::Truncated, u"truncated"},
    {FaultKind::Empty, u"empty"},
    {FaultKind::WrongContentType, u"html"},
    {FaultKind::Oversized, u"oversized"},
}};

} // namespace

Result<Fault> Fault::parse(QStringView spec)
{
    Fault f;
    bool haveKind = false;
    const auto parts = spec.split(u';', Qt::SkipEmptyParts);
    for (QStringView part : parts) {
        part = part.trimmed();
        const qsizetype eq = part.indexOf(u'=');
        const QStringView name = (eq < 0 ? part : part.first(eq)).trimmed();
        const QStringView value = eq < 0 ? QStringView() : part.sliced(eq + 1).trimmed();
        bool ok = true;
        if (name.compare(u"retry-after", Qt::CaseInsensitive) == 0) {
            f.retryAfterSeconds = value.toInt(&ok);
            ok = ok && f.retryAfterSeconds >= 0;
        } else {
            const auto it = std::find_if(kKinds.begin(), kKinds.end(), [&](const KindName &k) {
                return name.compare(k.name, Qt::CaseInsensitive) == 0;
            });
            if (it == kKinds.end() || haveKind) {
                return makeError(
                    ErrorCode::InvalidValue,
                    Tr::tr("Unknown or repeated fault '%1'; expected one of delay=MS, "
                           "stall, reset, status=CODE[;retry-after=S], garbage, truncated, "
                           "empty, html, oversized")
                        .arg(name));
            }
            haveKind = true;
            f.kind = it->kind;
            if (f.kind == FaultKind::Status) {
                f.status = value.toInt(&ok);
                ok = ok && f.status >= 400 && f.status <= 599;
            } else if (f.kind == FaultKind::Delay) {
                f.delayMs = value.toInt(&ok);
                ok = ok && f.delayMs >= 0 && f.delayMs <= 600000;
            } else {
                ok = value.isNull();
            }
        }
        if (!ok) {
            return makeError(ErrorCode::InvalidValue,
                             Tr::tr("Fault '%1' has a bad value '%2'").arg(name, value));
        }
    }
    if (!haveKind)
        return makeError(ErrorCode::MissingField, Tr::tr("The fault '%1' names no kind").arg(spec));
    return f;
}

QString Fault::toString() const
{
    const auto it = std::find_if(kKinds.begin(), kKinds.end(),
                                 [this](const KindName &k) { return k.kind == kind; });
    QString s = it->name.toString();
    if (kind == FaultKind::Status)
        s += u'=' + QString::number(status);
    if (kind == FaultKind::Delay)
        s += u'=' + QString::number(delayMs);
    if (retryAfterSeconds >= 0)
        s += u";retry-after="_s + QString::number(retryAfterSeconds);
    return s;
}

Result<FaultRule> FaultRule::fromJson(const QJsonObject &json)
{
    FaultRule rule;
    const auto fault = Fault::parse(json.value(u"fault"_s).toString());
    if (!fault)
        return fault.error();
    rule.fault = *fault;
    rule.operation = json.value(u"operation"_s).toString(u"*"_s);
    rule.hub = json.value(u"hub"_s).toString();
    rule.count = json.value(u"count"_s).toInt(-1);
    if (rule.count == 0 || rule.count < -1)
        return makeError(ErrorCode::InvalidValue, Tr::tr("A fault's count must be positive or -1"));
    return rule;
}

QJsonObject FaultRule::toJson() const
{
    return {{u"operation"_s, operation},
            {u"hub"_s, hub},
            {u"count"_s, count},
            {u"fault"_s, fault.toString()}};
}

void FaultInjector::add(const FaultRule &rule)
{
    QMutexLocker lock(&m_mutex);
    m_rules.append(rule);
}

void FaultInjector::clear()
{
    QMutexLocker lock(&m_mutex);
    m_rules.clear();
}

QList<FaultRule> FaultInjector::rules() const
{
    QMutexLocker lock(&m_mutex);
    return m_rules;
}

std::optional<Fault> FaultInjector::take(const QString &operation, const QString &hub)
{
    QMutexLocker lock(&m_mutex);
    for (qsizetype i = 0; i < m_rules.size(); ++i) {
        FaultRule &r = m_rules[i];
        const bool opMatches = r.operation == u"*"
            || r.operation.compare(operation, Qt::CaseInsensitive) == 0
            // "send" covers every kind of send, "registrations" every registration route.
            || operation.startsWith(r.operation + u'.', Qt::CaseInsensitive)
            || operation.startsWith(r.operation + u'-', Qt::CaseInsensitive);
        if (!opMatches || (!r.hub.isEmpty() && r.hub.compare(hub, Qt::CaseInsensitive) != 0))
            continue;
        const Fault f = r.fault;
        if (r.count > 0 && --r.count == 0)
            m_rules.removeAt(i);
        return f;
    }
    return std::nullopt;
}

} // namespace Nh
