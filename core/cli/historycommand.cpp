// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/historycommand.h"

#include "cli/clijson.h"
#include "cli/clisession.h"
#include "cli/exchangetext.h"
#include "cli/profilescommand.h"
#include "client/hubclient.h"
#include "client/resend.h"
#include "store/exchangeexport.h"
#include "store/profilestore.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMetaObject>
#include <QRegularExpression>
#include <QSet>
#include <QTextStream>
#include <algorithm>
#include <limits>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

QString cliHistoryPath(const QString &option)
{
    return option.isEmpty() ? HistoryStore::defaultPath() : option;
}

std::optional<QDateTime> parseCliTime(const QString &text, const QDateTime &now)
{
    const QString t = text.trimmed();
    static const QRegularExpression relative(u"^(\\d{1,7})([smhd])$"_s);
    if (const auto m = relative.match(t); m.hasMatch()) {
        const qint64 n = m.captured(1).toLongLong();
        const QChar unit = m.captured(2).at(0);
        const qint64 seconds = unit == u's' ? n
            : unit == u'm'                  ? n * 60
            : unit == u'h'                  ? n * 3600
                                            : n * 86400;
        return now.addSecs(-seconds);
    }
    if (const QDate date = QDate::fromString(t, Qt::ISODate); date.isValid() && t.size() == 10)
        return date.startOfDay(Qt::UTC);
    QDateTime when = QDateTime::fromString(t, Qt::ISODateWithMs);
    if (!when.isValid())
        return std::nullopt;
    // Without Z or an offset the time is UTC, as the history shows it.
    static const QRegularExpression zone(u"(Z|[+-]\\d{2}:?\\d{2})$"_s);
    if (!zone.match(t).hasMatch())
        when = QDateTime(when.date(), when.time(), Qt::UTC);
    return when.toUTC();
}

namespace {

const QString kLast = u"last"_s;

QString statusNames()
{
    return u"success, failure, no-targets, error"_s;
}

QString shortTime(const QDateTime &t)
{
    return t.toUTC().toString(u"yyyy-MM-dd HH:mm:ss"_s);
}

QJsonObject summaryJson(const HistorySummary &s)
{
    QJsonObject o {{u"id"_s, s.id.toString(QUuid::WithoutBraces)},
                   {u"started"_s, s.started.toUTC().toString(Qt::ISODateWithMs)},
                   {u"profileId"_s, s.profileId},
                   {u"profile"_s, s.profileName},
                   {u"source"_s, s.source},
                   {u"operation"_s, s.operation},
                   {u"hub"_s, s.hub},
                   {u"target"_s, s.target},
                   {u"tags"_s, QJsonArray::fromStringList(s.tags)},
                   {u"format"_s, s.format},
                   {u"httpStatus"_s, s.httpStatus},
                   {u"result"_s, exchangeResultName(s.result)},
                   {u"status"_s, historyStatusName(s.status)},
                   {u"totalMs"_s, double(s.totalMs)},
                   {u"pinned"_s, s.pinned}};
    if (s.outcomeSuccess >= 0) {
        o.insert(u"outcome"_s,
                 QJsonObject {{u"success"_s, double(s.outcomeSuccess)},
                              {u"failure"_s, double(s.outcomeFailure)}});
    }
    if (!s.label.isEmpty())
        o.insert(u"label"_s, s.label);
    if (!s.errorSentence.isEmpty())
        o.insert(u"error"_s, s.errorSentence);
    return o;
}

} // namespace

HistoryCommand::HistoryCommand(CliSession &session, QObject *parent)
    : CliCommand(session, parent)
    , m_history(u"history"_s, tr("The history file (default: the desktop console's)."), u"path"_s)
    , m_profile(u"profile"_s,
                tr("Only exchanges of this profile (name or id); for resend, also the profile "
                   "to send with."),
                u"name"_s)
    , m_since(u"since"_s, tr("Only exchanges from this time on: 30m, 2h, 7d ago, or ISO 8601."),
              u"time"_s)
    , m_until(u"until"_s, tr("Only exchanges before this time (same forms as --since)."), u"time"_s)
    , m_format(u"format"_s,
               tr("Only this notification format (apple, fcmv1, template, …); for export, "
                  "curl, json or har choose the output (default json)."),
               u"format"_s)
    , m_tag(u"tag"_s, tr("Only exchanges whose target has this tag."), u"tag"_s)
    , m_status(u"status"_s, tr("Only these outcomes, comma-separated: %1.").arg(statusNames()),
               u"list"_s)
    , m_search(u"search"_s, tr("Free text over URL, headers, bodies, error and label."), u"text"_s)
    , m_pinned(u"pinned"_s, tr("Only pinned exchanges."))
    , m_limit(u"limit"_s,
              tr("At most N exchanges, newest first (default %1; 0: all).").arg(kDefaultLimit),
              u"n"_s)
    , m_output(u"output"_s, tr("export: write to FILE instead of standard output."), u"file"_s)
    , m_keep(u"keep"_s, tr("prune: keep the N newest exchanges."), u"n"_s)
    , m_olderThan(u"older-than"_s, tr("prune: delete exchanges older than DAYS days."), u"days"_s)
{ }

HistoryCommand::~HistoryCommand() = default;

QString HistoryCommand::name() const
{
    return u"history"_s;
}

QString HistoryCommand::summary() const
{
    return tr("List, show, re-send, export and prune the exchanges in the history.");
}

QString HistoryCommand::description() const
{
    return tr("The history every exchange of the desktop console and of nhcli send is written "
              "to (redacted: it never holds a key or a signature).\n\n"
              "  list                 the newest exchanges passing the filters\n"
              "  show ID|last         one exchange: request, response, outcome\n"
              "  resend ID|last       send it again (a new exchange) with --profile or the "
              "connection of the environment\n"
              "  export [ID...]       the named exchanges, or those passing the filters, as "
              "--format json (default), curl or har\n"
              "  prune                delete exchanges beyond --keep N or --older-than DAYS; "
              "pinned ones stay\n\n"
              "Examples:\n"
              "  nhcli history list --since 2h --status failure,error\n"
              "  nhcli history show last --json\n"
              "  nhcli history export --tag sports --format har --output sends.har\n"
              "  nhcli history prune --older-than 30");
}

QString HistoryCommand::syntax() const
{
    return u"list|show|resend|export|prune [ID...]"_s;
}

QList<QCommandLineOption> HistoryCommand::options() const
{
    return {m_history, m_profile, m_since, m_until,  m_format, m_tag,      m_status,
            m_search,  m_pinned,  m_limit, m_output, m_keep,   m_olderThan};
}

bool HistoryCommand::buildFilter(const QCommandLineParser &parser)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto time = [&](const QCommandLineOption &option, QDateTime *into) {
        if (!parser.isSet(option))
            return true;
        const auto t = parseCliTime(parser.value(option), now);
        if (!t) {
            fail(ErrorCode::Usage,
                 tr("--%1 takes 30m, 2h, 7d (ago) or an ISO 8601 time such as "
                    "2026-01-31T12:00:00 (UTC), not '%2'.")
                     .arg(option.names().constFirst(), parser.value(option)));
            return false;
        }
        *into = *t;
        return true;
    };
    if (!time(m_since, &m_filter.from) || !time(m_until, &m_filter.to))
        return false;
    if (parser.isSet(m_profile)) {
        m_profiles = std::make_unique<CliProfiles>();
        const auto found = m_profiles->store->find(parser.value(m_profile));
        if (found) {
            m_filter.profileId = found->id.toString(QUuid::WithoutBraces);
        } else if (const QUuid id = QUuid::fromString(parser.value(m_profile).trimmed());
                   !id.isNull()) {
            // A profile deleted since: its exchanges are still there.
            m_filter.profileId = id.toString(QUuid::WithoutBraces);
        } else {
            fail(found.error()); // NotFound: a usage error
            return false;
        }
    }
    const QString format = parser.value(m_format).trimmed();
    static const QStringList exportFormats {u"curl"_s, u"json"_s, u"har"_s};
    if (!format.isEmpty() && !exportFormats.contains(format.toLower())) {
        if (!formatFromWireName(format)) {
            fail(ErrorCode::Usage, tr("Unknown --format '%1'.").arg(format));
            return false;
        }
        m_filter.format = format;
    }
    m_filter.tag = parser.value(m_tag).trimmed();
    m_filter.text = parser.value(m_search).simplified();
    m_filter.pinnedOnly = parser.isSet(m_pinned);
    if (parser.isSet(m_status)) {
        const QStringList names = parser.value(m_status).split(u',', Qt::SkipEmptyParts);
        for (const QString &n : names) {
            bool known = false;
            for (HistoryStatus s : {HistoryStatus::Success, HistoryStatus::Failure,
                                    HistoryStatus::NoTargets, HistoryStatus::Error}) {
                if (historyStatusName(s).compare(n.trimmed(), Qt::CaseInsensitive) == 0) {
                    m_filter.statuses |= s;
                    known = true;
                }
            }
            if (!known) {
                fail(ErrorCode::Usage,
                     tr("Unknown --status '%1'; use %2.").arg(n.trimmed(), statusNames()));
                return false;
            }
        }
    }
    if (parser.isSet(m_limit)) {
        bool ok = false;
        m_limitRows = parser.value(m_limit).toInt(&ok);
        if (!ok || m_limitRows < 0) {
            fail(ErrorCode::Usage,
                 tr("--limit takes a whole number, 0 for all, not '%1'.")
                     .arg(parser.value(m_limit)));
            return false;
        }
    }
    if (m_limitRows == 0)
        m_limitRows = std::numeric_limits<int>::max();
    return true;
}

bool HistoryCommand::openReader()
{
    auto reader = HistoryReader::open(m_path);
    if (!reader) {
        fail(ErrorCode::Storage, reader.error().message);
        return false;
    }
    m_reader = std::move(reader).value();
    return true;
}

void HistoryCommand::start(const QCommandLineParser &parser, const QStringList &arguments)
{
    const QString action = arguments.value(0);
    const QStringList rest = arguments.mid(1);
    static const QStringList actions {u"list"_s, u"show"_s, u"resend"_s, u"export"_s, u"prune"_s};
    if (!actions.contains(action)) {
        return fail(
            ErrorCode::Usage,
            action.isEmpty()
                ? tr("Name an action: history list|show|resend|export|prune. Run nhcli "
                     "history --help for more.")
                : tr("Unknown action '%1'; use list, show, resend, export or prune.").arg(action));
    }
    if ((action == u"list"_s || action == u"prune"_s) && !rest.isEmpty())
        return fail(ErrorCode::Usage, tr("history %1 takes no arguments.").arg(action));
    if ((action == u"show"_s || action == u"resend"_s) && rest.size() != 1)
        return fail(ErrorCode::Usage, tr("history %1 takes one exchange id, or last.").arg(action));
    m_path = cliHistoryPath(parser.value(m_history));
    if (!buildFilter(parser))
        return;
    if (action == u"prune"_s)
        return prune(parser);
    if (!QFileInfo::exists(m_path)) {
        if (action == u"list"_s) {
            if (m_session.json)
                m_session.printJson(
                    {{u"ok"_s, true}, {u"exchanges"_s, QJsonArray()}, {u"total"_s, 0}}, 0);
            else
                m_session.err() << tr("No history yet at %1.").arg(m_path) << u'\n';
            return done(ExitCode::Ok);
        }
        return fail(ErrorCode::Storage, tr("There is no history at %1 yet.").arg(m_path));
    }
    if (!openReader())
        return;
    if (action == u"list"_s)
        return list();
    if (action == u"export"_s) {
        QString format = parser.value(m_format).trimmed().toLower();
        if (format.isEmpty() || formatFromWireName(format))
            format = u"json"_s;
        return exportRecords(format, rest, parser.value(m_output));
    }
    if (action == u"show"_s)
        return show(rest.first());
    resend(parser, rest.first());
}

std::optional<HistoryRecord> HistoryCommand::recordFor(const QString &id)
{
    QUuid uuid;
    if (id.trimmed().compare(kLast, Qt::CaseInsensitive) == 0) {
        const auto newest = m_reader->page(m_filter, {}, nullptr, 1);
        if (!newest) {
            fail(ErrorCode::Storage, newest.error().message);
            return std::nullopt;
        }
        if (newest->isEmpty()) {
            fail(ErrorCode::Usage, tr("No exchange in the history passes the filters."));
            return std::nullopt;
        }
        uuid = newest->first().id;
    } else {
        uuid = QUuid::fromString(id.trimmed());
        if (uuid.isNull()) {
            fail(ErrorCode::Usage,
                 tr("'%1' is not an exchange id (as history list shows them) or last.").arg(id));
            return std::nullopt;
        }
    }
    auto record = m_reader->load(uuid);
    if (!record) {
        fail(ErrorCode::Usage, record.error().message);
        return std::nullopt;
    }
    return record.value();
}

void HistoryCommand::list()
{
    const auto rows = m_reader->page(m_filter, {}, nullptr, m_limitRows);
    const auto total = m_reader->count(m_filter);
    if (!rows || !total)
        return fail(ErrorCode::Storage, !rows ? rows.error().message : total.error().message);
    if (m_session.json) {
        QJsonArray list;
        for (const HistorySummary &s : rows.value())
            list.append(summaryJson(s));
        m_session.printJson({{u"ok"_s, true}, {u"exchanges"_s, list}, {u"total"_s, *total}}, 0);
        return done(ExitCode::Ok);
    }
    const QStringList headers {tr("TIME (UTC)"), tr("ID"),     tr("PROFILE"), tr("OPERATION"),
                               tr("TARGET"),     tr("FORMAT"), tr("STATUS"),  tr("MS")};
    QList<QStringList> table;
    for (const HistorySummary &s : rows.value()) {
        QString status = historyStatusName(s.status);
        if (s.httpStatus > 0)
            status += u" (%1)"_s.arg(s.httpStatus);
        if (s.pinned)
            status += u" *"_s;
        QString target = s.targetKind == TargetKind::Broadcast ? tr("(broadcast)") : s.target;
        if (target.size() > 40)
            target = target.left(39) + u'…';
        table.append({shortTime(s.started), s.id.toString(QUuid::WithoutBraces),
                      s.profileName.isEmpty() ? u"-"_s : s.profileName, s.operation, target,
                      s.format, status, s.totalMs >= 0 ? QString::number(s.totalMs) : u"-"_s});
    }
    QList<qsizetype> widths(headers.size(), 0);
    for (int c = 0; c < headers.size(); ++c) {
        widths[c] = headers.at(c).size();
        for (const QStringList &r : std::as_const(table))
            widths[c] = std::max(widths[c], r.at(c).size());
    }
    const auto line = [&](const QStringList &cells) {
        QString text;
        for (int c = 0; c < cells.size(); ++c)
            text += c + 1 < cells.size() ? cells.at(c).leftJustified(widths[c] + 2) : cells.at(c);
        m_session.out() << text.trimmed() << u'\n';
    };
    line(headers);
    for (const QStringList &r : std::as_const(table))
        line(r);
    if (*total > rows->size()) {
        m_session.err()
            << tr("%1 of %2 exchanges shown; --limit N shows more.").arg(rows->size()).arg(*total)
            << u'\n';
    }
    done(ExitCode::Ok);
}

void HistoryCommand::show(const QString &id)
{
    const auto record = recordFor(id);
    if (!record)
        return;
    if (m_session.json) {
        m_session.printJson({{u"ok"_s, true}, {u"exchange"_s, exchangeToJson(*record)}}, 0);
        return done(ExitCode::Ok);
    }
    QTextStream &out = m_session.out();
    const TextRenderer r = m_session.renderer();
    const auto row = [&out](const QString &label, const QString &value) {
        if (!value.isEmpty())
            out << QString(label + u':').leftJustified(10) << value << u'\n';
    };
    row(tr("Id"), record->exchange.id.toString(QUuid::WithoutBraces));
    row(tr("Time"), record->exchange.started.toUTC().toString(Qt::ISODateWithMs));
    row(tr("Profile"), record->context.profileName);
    row(tr("Source"), record->context.source);
    row(tr("Status"), historyStatusName(record->status));
    row(tr("Label"), record->label);
    if (record->pinned)
        row(tr("Pinned"), tr("yes"));
    out << u'\n' << exchangeText(record->exchange, r);
    done(ExitCode::Ok);
}

void HistoryCommand::resend(const QCommandLineParser &parser, const QString &id)
{
    const auto record = recordFor(id);
    if (!record)
        return;
    HistoryContext context;
    context.source = u"cli"_s;
    if (!parser.isSet(m_profile))
        return resendWith(*record, context);
    connectWithProfile(m_session, *m_profiles, parser.value(m_profile), this,
                       [this, record = *record, context](const Result<Profile> &p) mutable {
                           if (!p)
                               return fail(p.error());
                           context.profileId = p->id.toString(QUuid::WithoutBraces);
                           context.profileName = p->name;
                           resendWith(record, context);
                       });
}

void HistoryCommand::resendWith(const HistoryRecord &record, const HistoryContext &context)
{
    const auto request = resendRequest(record.exchange);
    if (!request)
        return fail(request.error());
    m_session.printWarnings(request.warnings());
    auto client = m_session.client();
    if (!client)
        return fail(ErrorCode::Usage, client.error().message);
    auto store = HistoryStore::open(m_path);
    if (store)
        m_store = std::move(store).value();
    else
        m_session.printWarnings({{store.error().message}});
    HubJob *job = (*client)->start(*request);
    track(job);
    const QList<Warning> warnings = request.warnings();
    connect(job, &HubJob::finished, this, [this, context, warnings, record](const Exchange &e) {
        if (m_store) {
            m_store->add(e, context);
            m_store.reset(); // commits before the run ends
        }
        QJsonObject extra {{u"resentFrom"_s, record.exchange.id.toString(QUuid::WithoutBraces)}};
        if (!warnings.isEmpty())
            extra.insert(u"warnings"_s, warningsToJson(warnings));
        done(report(
            e, [this, &e] { m_session.out() << exchangeText(e, m_session.renderer()); }, extra));
    });
}

void HistoryCommand::exportRecords(const QString &format, const QStringList &ids,
                                   const QString &output)
{
    QList<QUuid> wanted;
    for (const QString &id : ids) {
        if (id.compare(kLast, Qt::CaseInsensitive) == 0) {
            const auto record = recordFor(id);
            if (!record)
                return;
            wanted.append(record->exchange.id);
            continue;
        }
        const QUuid uuid = QUuid::fromString(id.trimmed());
        if (uuid.isNull())
            return fail(ErrorCode::Usage, tr("'%1' is not an exchange id.").arg(id));
        wanted.append(uuid);
    }
    if (ids.isEmpty()) {
        const auto rows = m_reader->page(m_filter, {}, nullptr, m_limitRows);
        if (!rows)
            return fail(ErrorCode::Storage, rows.error().message);
        // Oldest first, as a script replays them.
        for (auto it = rows->crbegin(); it != rows->crend(); ++it)
            wanted.append(it->id);
    }
    const auto records = m_reader->load(wanted);
    if (!records)
        return fail(ErrorCode::Usage, records.error().message);

    ExportFormat kind = ExportFormat::Json;
    if (format == u"curl"_s)
        kind = ExportFormat::Curl;
    else if (format == u"har"_s)
        kind = ExportFormat::Har;
    // Commands for exchanges with a local emulator trust the certificate this run was told to
    // (--ca-file or NH_CA_FILE), as the commands that made them did.
    CurlOptions options;
    options.caCertificate = loopbackCertificate(m_session.caFile());
    const auto exported = exportExchanges(*records, kind, options);
    if (!exported)
        return fail(exported.error());
    const QByteArray &data = *exported;
    const QList<Warning> &warnings = exported.warnings();
    if (output.isEmpty() || output == u"-"_s) {
        m_session.printWarnings(warnings);
        m_session.out() << QString::fromUtf8(data);
        m_session.out().flush();
        return done(ExitCode::Ok);
    }
    QFile file(output);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(data) != data.size()
        || !file.flush()) {
        return fail(ErrorCode::Storage,
                    tr("The file %1 cannot be written: %2.").arg(output, file.errorString()));
    }
    file.close();
    if (m_session.json) {
        QJsonObject o {{u"ok"_s, true},
                       {u"file"_s, output},
                       {u"format"_s, format},
                       {u"exchanges"_s, int(records->size())}};
        if (!warnings.isEmpty())
            o.insert(u"warnings"_s, warningsToJson(warnings));
        m_session.printJson(o, 0);
        return done(ExitCode::Ok);
    }
    m_session.printWarnings(warnings);
    m_session.out() << tr("Exported %n exchange(s) to %1 (%2).", nullptr, int(records->size()))
                           .arg(output, format)
                    << u'\n';
    done(ExitCode::Ok);
}

void HistoryCommand::prune(const QCommandLineParser &parser)
{
    if (!parser.isSet(m_keep) && !parser.isSet(m_olderThan))
        return fail(ErrorCode::Usage, tr("history prune needs --keep N or --older-than DAYS."));
    const auto number = [&](const QCommandLineOption &o, int *into) {
        if (!parser.isSet(o))
            return true;
        bool ok = false;
        *into = parser.value(o).toInt(&ok);
        if (!ok || *into < 0) {
            fail(ErrorCode::Usage,
                 tr("--%1 takes a whole number, not '%2'.")
                     .arg(o.names().constFirst(), parser.value(o)));
            return false;
        }
        return true;
    };
    int keep = -1;
    int days = -1;
    if (!number(m_keep, &keep) || !number(m_olderThan, &days))
        return;
    if (!QFileInfo::exists(m_path)) {
        m_session.err() << tr("No history yet at %1.").arg(m_path) << u'\n';
        return done(ExitCode::Ok);
    }
    auto opened = HistoryStore::open(m_path);
    if (!opened)
        return fail(ErrorCode::Storage, opened.error().message);
    m_store = std::move(opened).value();
    const HistoryReader &reader = m_store->reader();

    // The filters narrow what may go; pinned exchanges never go.
    QList<QUuid> doomed;
    QSet<QUuid> seen;
    const auto collect = [&](const QList<HistorySummary> &rows) {
        for (const HistorySummary &s : rows) {
            if (!s.pinned && !seen.contains(s.id)) {
                seen.insert(s.id);
                doomed.append(s.id);
            }
        }
    };
    if (days >= 0) {
        HistoryFilter old = m_filter;
        const QDateTime cutoff = QDateTime::currentDateTimeUtc().addDays(-days);
        old.to = old.to.isValid() ? std::min(old.to, cutoff) : cutoff;
        const auto rows = reader.page(old, {}, nullptr, std::numeric_limits<int>::max());
        if (!rows)
            return fail(ErrorCode::Storage, rows.error().message);
        collect(*rows);
    }
    if (keep >= 0) {
        const auto newest = reader.page(m_filter, {}, nullptr, keep);
        if (!newest)
            return fail(ErrorCode::Storage, newest.error().message);
        if (newest->size() == keep && keep > 0) {
            const auto rest =
                reader.page(m_filter, {}, &newest->last(), std::numeric_limits<int>::max());
            if (!rest)
                return fail(ErrorCode::Storage, rest.error().message);
            collect(*rest);
        } else if (keep == 0) {
            const auto all = reader.page(m_filter, {}, nullptr, std::numeric_limits<int>::max());
            if (!all)
                return fail(ErrorCode::Storage, all.error().message);
            collect(*all);
        }
    }
    const auto finish = [this](qsizetype removed) {
        if (m_session.json) {
            m_session.printJson({{u"ok"_s, true}, {u"removed"_s, double(removed)}}, 0);
        } else {
            m_session.out() << tr("Deleted %n exchange(s) from the history.", nullptr, int(removed))
                            << u'\n';
        }
        m_store.reset();
        done(ExitCode::Ok);
    };
    if (doomed.isEmpty())
        return finish(0);
    auto removed = std::make_shared<qsizetype>(0);
    const qsizetype wanted = doomed.size();
    // The store is closed from the event loop, not inside its own signal.
    connect(m_store.get(), &HistoryStore::removed, this,
            [this, removed, wanted, finish](const QList<QUuid> &ids) {
                *removed += ids.size();
                if (*removed >= wanted) {
                    QMetaObject::invokeMethod(
                        this, [finish, removed] { finish(*removed); }, Qt::QueuedConnection);
                }
            });
    connect(m_store.get(), &HistoryStore::writeFailed, this,
            [this](const QUuid &, const QString &message) {
                QMetaObject::invokeMethod(
                    this,
                    [this, message] {
                        m_store.reset();
                        fail(ErrorCode::Storage, message);
                    },
                    Qt::QueuedConnection);
            });
    m_store->remove(doomed);
}

} // namespace Nh
