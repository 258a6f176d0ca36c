// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The diagnosis's targeted queries (docs/diagnosis.md, "What the engine asks the hub"): by
// channel, by id, by the user's tag, the hub's description, the test-send tag probe, and the
// local history; the rest of the engine is diagnosisengine.cpp.

#include "client/explainer.h"
#include "diagnosis/diagnosisengine_p.h"
#include "store/history/historyreader.h"
#include "store/history/historytypes.h"

#include <QRegularExpression>
#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

/** Pages read at most of one listing (by channel, by tag); the rest is reported as truncated. */
constexpr int kMaxPages = 2;
/** By-channel listings and installation reads the second round makes at most. */
constexpr int kMaxChannelListings = 2;
constexpr int kMaxInstallations = 2;
/** History rows looked at per handle for earlier "invalid/expired" outcomes. */
constexpr int kHistoryRows = 20;

/** How likely a tag names one device: ids, users and addresses more than topics. */
int tagSpecificity(const QString &tag)
{
    if (tag.startsWith(u'$'))
        return -1; // `$UserId` reaches every device of the user; `$InstallationId` is handled
    static const QStringList kPersonal = {u"user"_s,     u"device"_s,  u"id"_s,       u"uid"_s,
                                          u"email"_s,    u"account"_s, u"customer"_s, u"member"_s,
                                          u"username"_s, u"userid"_s,  u"deviceid"_s};
    int score = int(tag.size());
    const qsizetype colon = tag.indexOf(u':');
    if (colon > 0 && kPersonal.contains(tag.left(colon).toLower()))
        score += 200;
    if (tag.contains(u'@')
        || std::any_of(tag.cbegin(), tag.cend(), [](QChar c) { return c.isDigit(); }))
        score += 100;
    if (colon > 0 || tag.contains(u'_'))
        score += 20;
    return score;
}

} // namespace

namespace DiagnosisGather {

QString installationIdOf(const Registration &r)
{
    static const QRegularExpression kTag(u"^\\$InstallationId:\\{(.+)\\}$"_s,
                                         QRegularExpression::CaseInsensitiveOption);
    for (const QString &t : r.tags) {
        const auto m = kTag.match(t);
        if (m.hasMatch())
            return m.captured(1);
    }
    return {};
}

QString channelHandle(const Installation &i)
{
    if (i.platform == Platform::Browser) {
        if (const auto b = i.browserPushChannel())
            return b->endpoint;
    }
    return i.pushChannel;
}

} // namespace DiagnosisGather

using DiagnosisGather::channelHandle;
using DiagnosisGather::installationIdOf;

QList<Platform> platformsForHandleShape(const QString &handle)
{
    const QString h = handle.trimmed();
    if (h.startsWith(u"https://"_s, Qt::CaseInsensitive)
        || h.startsWith(u"http://"_s, Qt::CaseInsensitive))
        return {Platform::Windows, Platform::Browser};
    if (h.startsWith(u"amzn1."_s, Qt::CaseInsensitive))
        return {Platform::Adm};
    if (h.contains(u':') || h.contains(u"APA91"_s))
        return {Platform::FcmV1, Platform::Gcm};
    const bool alnum = !h.isEmpty() && std::all_of(h.cbegin(), h.cend(), [](QChar c) {
        return c.isLetterOrNumber() && c.unicode() < 128;
    });
    if (alnum && h.size() >= 32)
        return {Platform::Apple};
    if (alnum && std::all_of(h.cbegin(), h.cend(), [](QChar c) { return c.isDigit(); }))
        return {Platform::Baidu};
    return {Platform::FcmV1, Platform::Gcm, Platform::Xiaomi, Platform::Adm};
}

void DiagnosisEngine::Private::request(HubJob *job, const QString &step,
                                       std::function<void(const Exchange &)> handler)
{
    ++pending;
    ++total;
    jobs.append(job);
    emit q->progress(done, total, step);
    const int gen = generation;
    QObject::connect(job, &HubJob::finished, q,
                     [this, gen, step, handler = std::move(handler)](const Exchange &e) {
                         if (gen != generation)
                             return;
                         // The report keeps what the history would: no token, no key, no
                         // credential (docs/conventions.md R8); the checks read the answer.
                         Exchange kept = historyRecordFor(e).exchange;
                         if (kept.hubDescription)
                             kept.hubDescription = redactedHubDescription(*kept.hubDescription);
                         report.exchanges.append(kept);
                         emit q->exchangeAdded(kept);
                         handler(e);
                         --pending;
                         ++done;
                         emit q->progress(done, total, step);
                         advance();
                     });
}

QString DiagnosisEngine::Private::failureSentence(const Exchange &e) const
{
    const Explanation x = explain(e);
    return x.cause.isEmpty() ? e.errorSentence : x.cause;
}

void DiagnosisEngine::Private::addRegistrations(const QList<Registration> &found)
{
    for (const Registration &r : found) {
        const bool known = std::any_of(
            facts.registrations.cbegin(), facts.registrations.cend(),
            [&r](const Registration &k) { return k.registrationId == r.registrationId; });
        if (!known)
            facts.registrations.append(r);
    }
}

void DiagnosisEngine::Private::listing(const HubClient::ListQuery &query, const QString &step,
                                       bool channel, int page,
                                       std::function<void(const QList<Registration> &)> extra)
{
    HubClient::ListQuery pageQuery = query;
    pageQuery.top = 100;
    request(client->listRegistrations(pageQuery), step,
            [this, query, step, channel, page, extra](const Exchange &e) {
                facts.subjectEvidence.append(e.id);
                if (channel)
                    facts.channelEvidence.append(e.id);
                if (!e.ok() || !e.feed) {
                    facts.lookupFailure = failureSentence(e);
                    return;
                }
                addRegistrations(e.feed->entries);
                if (extra)
                    extra(e.feed->entries);
                if (!e.continuationToken.isEmpty()) {
                    if (page + 1 >= kMaxPages) {
                        facts.truncated = true;
                        return;
                    }
                    HubClient::ListQuery next = query;
                    next.continuationToken = e.continuationToken;
                    listing(next, step, channel, page + 1, extra);
                }
            });
}

void DiagnosisEngine::Private::listChannel(Platform platform, const QString &handle)
{
    const QString key = QString::number(int(platform)) + u'|' + handle.toCaseFolded();
    if (handle.isEmpty() || listedChannels.contains(key))
        return;
    listedChannels.insert(key);
    HubClient::ListQuery query;
    query.filter = HubClient::channelFilter(platform, handle);
    listing(
        query,
        DiagnosisEngine::tr("registrations of the handle (%1)").arg(platformDisplayName(platform)),
        true, 0);
}

void DiagnosisEngine::Private::readInstallation(const QString &id, bool subject)
{
    if (readInstallations.contains(id))
        return;
    readInstallations.insert(id);
    request(client->getInstallation(id), DiagnosisEngine::tr("the installation"),
            [this, subject](const Exchange &e) {
                facts.subjectEvidence.append(e.id);
                if (e.ok() && e.installation) {
                    facts.installations.append(*e.installation);
                } else if (e.status == 404) {
                    if (subject)
                        facts.subjectMissing = true;
                } else {
                    facts.lookupFailure = failureSentence(e);
                }
            });
}

void DiagnosisEngine::Private::startSubject()
{
    const DiagnosisSubject &s = facts.subject;
    switch (s.kind) {
    case DiagnosisSubject::Kind::Handle: {
        const QList<Platform> platforms =
            s.platform ? QList<Platform> {*s.platform} : platformsForHandleShape(s.value);
        for (Platform p : platforms)
            listChannel(p, s.value.trimmed());
        break;
    }
    case DiagnosisSubject::Kind::Registration:
        request(client->getRegistration(s.value.trimmed()), DiagnosisEngine::tr("the registration"),
                [this](const Exchange &e) {
                    facts.subjectEvidence.append(e.id);
                    if (e.ok() && e.registration)
                        addRegistrations({*e.registration});
                    else if (e.status == 404)
                        facts.subjectMissing = true;
                    else
                        facts.lookupFailure = failureSentence(e);
                });
        break;
    case DiagnosisSubject::Kind::Installation:
        readInstallation(s.value.trimmed(), true);
        break;
    case DiagnosisSubject::Kind::User: {
        HubClient::ListQuery query;
        query.tag = u"$UserId:{"_s + s.value.trimmed() + u'}';
        listing(query, DiagnosisEngine::tr("registrations of the user"), false, 0);
        break;
    }
    }
    request(client->getHub(client->connection().hub),
            DiagnosisEngine::tr("the hub's configuration"), [this](const Exchange &e) {
                facts.hubEvidence = e.id;
                if (e.ok() && e.hubDescription)
                    facts.hub = *e.hubDescription;
                else
                    facts.hubFailure = failureSentence(e);
            });
}

void DiagnosisEngine::Private::expand()
{
    // The device's other registrations: by the channel of what was found (duplicates), and the
    // installations the registrations were made from.
    int channels = 0;
    if (facts.subject.kind != DiagnosisSubject::Kind::Handle) {
        QList<QPair<Platform, QString>> wanted;
        for (const Installation &i : std::as_const(facts.installations))
            wanted.append({i.platform, channelHandle(i)});
        for (const Registration &r : std::as_const(facts.registrations))
            wanted.append({r.platform, r.handle});
        for (const auto &[platform, handle] : std::as_const(wanted)) {
            const QString key = QString::number(int(platform)) + u'|' + handle.toCaseFolded();
            if (channels >= kMaxChannelListings || listedChannels.contains(key))
                continue;
            listChannel(platform, handle);
            ++channels;
        }
    }
    int installations = int(readInstallations.size());
    for (const Registration &r : std::as_const(facts.registrations)) {
        const QString id = installationIdOf(r);
        if (id.isEmpty() || readInstallations.contains(id) || installations >= kMaxInstallations)
            continue;
        readInstallation(id, false);
        ++installations;
    }
    planTestTag();
}

void DiagnosisEngine::Private::planTestTag()
{
    const DiagnosisSubject &s = facts.subject;
    if (s.kind == DiagnosisSubject::Kind::Installation) {
        if (!facts.subjectMissing)
            facts.testTag = u"$InstallationId:{"_s + s.value.trimmed() + u'}';
        return;
    }
    if (facts.registrations.isEmpty())
        return;
    // Registrations of one installation: its system tag reaches exactly them.
    QSet<QString> installationIds;
    for (const Registration &r : std::as_const(facts.registrations))
        installationIds.insert(installationIdOf(r));
    if (installationIds.size() == 1 && !installationIds.begin()->isEmpty()) {
        facts.testTag = u"$InstallationId:{"_s + *installationIds.begin() + u'}';
        return;
    }
    const QStringList handles = facts.handles();
    if (s.kind == DiagnosisSubject::Kind::User && handles.size() == 1 && !facts.truncated) {
        facts.testTag = u"$UserId:{"_s + s.value.trimmed() + u'}';
        return;
    }
    // A tag every registration of the device carries, the most specific first; one by-tag
    // listing tells whether another device carries it too.
    QStringList common = facts.registrations.constFirst().tags;
    for (const Registration &r : std::as_const(facts.registrations)) {
        common.removeIf(
            [&r](const QString &t) { return !r.tags.contains(t, Qt::CaseInsensitive); });
    }
    std::stable_sort(common.begin(), common.end(), [](const QString &a, const QString &b) {
        return tagSpecificity(a) > tagSpecificity(b);
    });
    if (common.isEmpty() || tagSpecificity(common.constFirst()) < 0) {
        facts.whyNoTestSend =
            DiagnosisEngine::tr("the device's registrations share no tag that a test send could "
                                "target, and a test send cannot name a registration id.");
        return;
    }
    probedTag = common.constFirst();
    HubClient::ListQuery query;
    query.tag = probedTag;
    // One more than the device's own: enough to see whether another device carries it.
    query.top = int(facts.registrations.size()) + 1;
    request(client->listRegistrations(query),
            DiagnosisEngine::tr("registrations tagged %1").arg(probedTag),
            [this, handles](const Exchange &e) {
                if (!e.ok() || !e.feed) {
                    facts.whyNoTestSend =
                        DiagnosisEngine::tr("whether another device carries the tag `%1` could not "
                                            "be checked: %2")
                            .arg(probedTag, failureSentence(e));
                    return;
                }
                const bool onlyThis = e.continuationToken.isEmpty() && !e.feed->entries.isEmpty()
                    && std::all_of(e.feed->entries.cbegin(), e.feed->entries.cend(),
                                   [&handles](const Registration &r) {
                                       return handles.contains(r.handle, Qt::CaseInsensitive);
                                   });
                if (onlyThis)
                    facts.testTag = probedTag;
                else
                    facts.whyNoTestSend =
                        DiagnosisEngine::tr("other devices carry the tag `%1` too, and no tag only "
                                            "this device carries was found.")
                            .arg(probedTag);
            });
}

void DiagnosisEngine::Private::lookUpHistory()
{
    if (!history)
        return;
    facts.historyAsked = true;
    const QStringList handles = facts.handles();
    for (const QString &handle : handles.mid(0, 3)) {
        HistoryFilter filter;
        filter.text = handle;
        filter.statuses = HistoryStatus::Failure;
        const auto rows = history->page(filter, HistorySort {}, nullptr, kHistoryRows);
        if (!rows)
            continue;
        QList<QUuid> ids;
        for (const HistorySummary &row : *rows)
            ids.append(row.id);
        const auto records = history->load(ids);
        if (!records)
            continue;
        for (const HistoryRecord &record : *records) {
            if (!record.exchange.outcome)
                continue;
            for (const RegistrationResult &r : record.exchange.outcome->results) {
                const OutcomeKind kind = classifyOutcome(r.outcome);
                if ((kind == OutcomeKind::InvalidHandle || kind == OutcomeKind::ExpiredHandle)
                    && r.pnsHandle.compare(handle, Qt::CaseInsensitive) == 0) {
                    facts.historyReports.append(
                        {record.exchange.started, kind, handle, record.exchange.id});
                    break;
                }
            }
        }
    }
    std::sort(facts.historyReports.begin(), facts.historyReports.end(),
              [](const auto &a, const auto &b) { return a.when > b.when; });
}

} // namespace Nh
