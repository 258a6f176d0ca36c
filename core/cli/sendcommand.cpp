// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/sendcommand.h"

#include "cli/clijson.h"
#include "cli/clisession.h"
#include "cli/exchangetext.h"
#include "cli/historycommand.h"
#include "cli/profilescommand.h"
#include "cli/templatepropertycheck.h"
#include "client/hubclient.h"
#include "protocol/draftcheck.h"
#include "protocol/payloadbuilder.h"
#include "store/historystore.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTextStream>
#include <algorithm>
#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

/** Progress lines are redrawn at most this often. */
constexpr qint64 kProgressIntervalMs = 100;

QString formatNames()
{
    QStringList names;
    for (int i = 0; i < kFormatCount; ++i)
        names << formatWireName(Format(i));
    return names.join(u", "_s);
}

/** `+30s`, `+10m`, `+2h`, `+1d` from now, or an absolute time parseScheduleTime() reads. */
std::optional<QDateTime> scheduleTime(const QString &text, const QDateTime &now)
{
    static const QRegularExpression relative(u"^\\+(\\d{1,7})([smhd])$"_s);
    const auto m = relative.match(text.trimmed());
    if (m.hasMatch()) {
        const qint64 n = m.captured(1).toLongLong();
        const QChar unit = m.captured(2).at(0);
        const qint64 seconds = unit == u's' ? n
            : unit == u'm'                  ? n * 60
            : unit == u'h'                  ? n * 3600
                                            : n * 86400;
        return now.addSecs(seconds);
    }
    auto parsed = parseScheduleTime(text.toUtf8());
    if (!parsed)
        return std::nullopt;
    return *parsed;
}

double percentileMs(QList<qint64> sortedNs, double p)
{
    if (sortedNs.isEmpty())
        return 0;
    const qsizetype index = std::clamp<qsizetype>(
        qsizetype(std::ceil(p * double(sortedNs.size()))) - 1, 0, sortedNs.size() - 1);
    return double(sortedNs.at(index)) / 1e6;
}

QString ms(double value)
{
    return QString::number(value, 'f', value < 10 ? 2 : 1);
}

} // namespace

SendCommand::SendCommand(CliSession &session, QObject *parent)
    : CliCommand(session, parent)
    , m_format(u"format"_s,
               tr("The ServiceBusNotification-Format: %1 (default: template).").arg(formatNames()),
               u"format"_s, u"template"_s)
    , m_payload(u"payload"_s,
                tr("The body: TEXT, @FILE or - (standard input). Default: the format's "
                   "default preset."),
                u"text|@file|-"_s)
    , m_template(u"template"_s,
                 tr("A template property NAME=VALUE (repeatable); builds a template body."),
                 u"name=value"_s)
    , m_tags(u"tags"_s, tr("Send to a tag or tag expression (ServiceBusNotification-Tags)."),
             u"expr"_s)
    , m_handle(u"handle"_s,
               tr("Send directly to a PNS handle; repeat for a direct batch (up to 1000)."),
               u"handle"_s)
    , m_broadcast(u"broadcast"_s, tr("Send to every registration of the format."))
    , m_header(u"header"_s,
               tr("A platform header NAME:VALUE (repeatable), e.g. apns-push-type:alert."),
               u"name:value"_s)
    , m_schedule(u"schedule"_s,
                 tr("Schedule the send (Standard tier): 2026-01-31T12:00:00 (UTC), ISO 8601 with "
                    "Z or an offset, or +30s/+10m/+2h/+1d from now."),
                 u"time"_s)
    , m_noTest(u"no-test"_s,
               tr("A real send: without the test flag the hub answers without an outcome."))
    , m_repeat(u"repeat"_s, tr("Send N times and print a summary (sends/s, latency, errors)."),
               u"n"_s)
    , m_concurrency(u"concurrency"_s, tr("With --repeat: sends in flight at once (default 1)."),
                    u"c"_s)
    , m_profile(u"profile"_s,
                tr("Send with a saved profile (name or id; see nhcli profiles): its endpoint, "
                   "hub and the key from the OS keychain."),
                u"name"_s)
    , m_history(u"history"_s,
                tr("Write the exchanges to this history file (default: the desktop "
                   "console's)."),
                u"path"_s)
    , m_noHistory(u"no-history"_s, tr("Do not write the exchanges to the history."))
    , m_noPropertyCheck(u"no-property-check"_s,
                        tr("Template sends: do not fetch the reached template registrations to "
                           "warn about missing properties."))
    , m_requireProperties(u"require-properties"_s,
                          tr("Template sends: do not send when a reached template registration "
                             "uses a property the send does not have (exit 3)."))
{ }

SendCommand::~SendCommand() = default;

QString SendCommand::name() const
{
    return u"send"_s;
}

QString SendCommand::summary() const
{
    return tr("Send a notification (a test send by default) and show request and outcome.");
}

QString SendCommand::description() const
{
    return tr("Sends one notification to the hub, by default with the test flag so that the hub "
              "answers with the outcome of every registration it reached (at most 10), and shows "
              "the request headers next to the parsed outcome. Exactly one target is required: "
              "--tags, --handle or --broadcast.\n\n"
              "A template send to tags or to everyone first reads the hub's first %1 "
              "registrations, and warns on stderr (or under propertyCheck with --json), per "
              "reached template registration, about the properties its template uses that the "
              "send does not have (the hub renders them as empty text), and about properties "
              "that no reached template uses. The send still happens, unless "
              "--require-properties; --no-property-check skips the check.\n\n"
              "Examples:\n"
              "  nhcli send --format apple --tags 'sports && !lang:fr'\n"
              "  nhcli send --template greeting_en=Hello --tags user:alice\n"
              "  nhcli send --format fcmv1 --payload @msg.json --handle TOKEN --no-test\n"
              "  nhcli send --format apple --broadcast --repeat 1000 --concurrency 16")
        .arg(TemplatePropertyCheck::kLimit);
}

QList<QCommandLineOption> SendCommand::options() const
{
    return {m_format,  m_payload,   m_template,        m_tags,
            m_handle,  m_broadcast, m_header,          m_schedule,
            m_noTest,  m_repeat,    m_concurrency,     m_profile,
            m_history, m_noHistory, m_noPropertyCheck, m_requireProperties};
}

bool SendCommand::build(const QCommandLineParser &parser)
{
    // Format and body.
    const auto format = formatFromWireName(parser.value(m_format).trimmed());
    if (!format) {
        fail(ErrorCode::Usage,
             tr("Unknown --format '%1'; use one of: %2.")
                 .arg(parser.value(m_format), formatNames()));
        return false;
    }
    m_notification.format = *format;
    if (parser.isSet(m_template)) {
        if (parser.isSet(m_payload)) {
            fail(ErrorCode::Usage, tr("Give either --payload or --template properties, not both."));
            return false;
        }
        if (parser.isSet(m_format) && *format != Format::Template) {
            fail(ErrorCode::Usage,
                 tr("--template builds a template body; it cannot be sent as --format %1.")
                     .arg(parser.value(m_format)));
            return false;
        }
        m_notification.format = Format::Template;
        TemplateProperties properties;
        const QStringList values = parser.values(m_template);
        for (const QString &pair : values) {
            const qsizetype eq = pair.indexOf(u'=');
            if (eq <= 0) {
                fail(ErrorCode::Usage, tr("--template expects NAME=VALUE, not '%1'.").arg(pair));
                return false;
            }
            properties.append({pair.left(eq), pair.mid(eq + 1)});
        }
        m_notification.body = templateBody(properties);
    } else if (parser.isSet(m_payload)) {
        auto body = m_session.readArgument(parser.value(m_payload), u"--payload"_s);
        if (!body) {
            fail(ErrorCode::Usage, body.error().message);
            return false;
        }
        m_notification.body = *body;
    } else {
        m_notification.body = payloadBuilder(m_notification.format).defaultBody();
    }

    // Target: exactly one, so that nothing is broadcast by accident.
    const int targets =
        int(parser.isSet(m_tags)) + int(parser.isSet(m_handle)) + int(parser.isSet(m_broadcast));
    if (targets != 1) {
        fail(ErrorCode::Usage,
             targets == 0 ? tr("Say who receives the send: --tags EXPR, --handle HANDLE (repeat "
                               "for a batch) or --broadcast.")
                          : tr("Give only one of --tags, --handle and --broadcast."));
        return false;
    }
    if (parser.isSet(m_tags)) {
        m_notification.target = Target::tags(parser.value(m_tags));
    } else if (parser.isSet(m_handle)) {
        const QStringList handles = parser.values(m_handle);
        m_notification.target =
            handles.size() == 1 ? Target::device(handles.first()) : Target::devices(handles);
    } else {
        m_notification.target = Target::broadcast();
    }

    const QStringList headers = parser.values(m_header);
    for (const QString &header : headers) {
        const qsizetype colon = header.indexOf(u':');
        if (colon <= 0) {
            fail(ErrorCode::Usage, tr("--header expects NAME:VALUE, not '%1'.").arg(header));
            return false;
        }
        m_notification.headers.append(
            {header.left(colon).trimmed().toLatin1(), header.mid(colon + 1).trimmed().toUtf8()});
    }

    if (parser.isSet(m_schedule)) {
        const auto when = scheduleTime(parser.value(m_schedule), QDateTime::currentDateTimeUtc());
        if (!when) {
            fail(ErrorCode::Usage,
                 tr("--schedule expects 2026-01-31T12:00:00 (UTC), an ISO 8601 time with Z or "
                    "an offset, or +30s/+10m/+2h/+1d, not '%1'.")
                     .arg(parser.value(m_schedule)));
            return false;
        }
        m_notification.scheduleTime = *when;
    }
    m_test = !parser.isSet(m_noTest);

    const auto positive = [&](const QCommandLineOption &option, int max, int *into) {
        if (!parser.isSet(option))
            return true;
        bool ok = false;
        const int n = parser.value(option).toInt(&ok);
        if (!ok || n < 1 || n > max) {
            fail(ErrorCode::Usage,
                 tr("--%1 takes a whole number from 1 to %2, not '%3'.")
                     .arg(option.names().constFirst())
                     .arg(max)
                     .arg(parser.value(option)));
            return false;
        }
        *into = n;
        return true;
    };
    if (!positive(m_repeat, 100000000, &m_count)
        || !positive(m_concurrency, kMaxConcurrency, &m_parallel))
        return false;
    if (parser.isSet(m_concurrency) && !parser.isSet(m_repeat)) {
        fail(ErrorCode::Usage, tr("--concurrency only applies with --repeat."));
        return false;
    }
    m_parallel = std::min(m_parallel, m_count);
    return true;
}

void SendCommand::start(const QCommandLineParser &parser, const QStringList &arguments)
{
    if (!arguments.isEmpty())
        return fail(ErrorCode::Usage,
                    tr("send takes no arguments ('%1'); the payload goes in --payload.")
                        .arg(arguments.first()));
    if (parser.isSet(m_history) && parser.isSet(m_noHistory))
        return fail(ErrorCode::Usage, tr("Give either --history or --no-history, not both."));
    if (!parser.isSet(m_profile))
        return proceed(parser);
    if (m_session.connection.connectionString) {
        return fail(ErrorCode::Usage,
                    tr("Give either --profile or --connection-string, not both."));
    }
    m_profiles = std::make_unique<CliProfiles>();
    connectWithProfile(m_session, *m_profiles, parser.value(m_profile), this,
                       [this, &parser](const Result<Profile> &p) {
                           if (!p)
                               return fail(p.error());
                           m_profileId = p->id.toString(QUuid::WithoutBraces);
                           m_profileName = p->name;
                           proceed(parser);
                       });
}

void SendCommand::openHistory(const QCommandLineParser &parser)
{
    if (parser.isSet(m_noHistory))
        return;
    auto store = HistoryStore::open(cliHistoryPath(parser.value(m_history)));
    if (!store) {
        // The send matters more than its record: go on, and say so.
        m_session.printWarnings(
            {{tr("The exchange is not written to the history: %1").arg(store.error().message)}});
        return;
    }
    m_historyStore = std::move(store).value();
}

void SendCommand::record(const Exchange &exchange)
{
    if (!m_historyStore)
        return;
    HistoryContext context;
    context.profileId = m_profileId;
    context.profileName = m_profileName;
    context.source = u"cli"_s;
    context.describe(m_notification);
    m_historyStore->add(exchange, context);
}

void SendCommand::finishWith(int code)
{
    // Blocks until the writer thread has committed every exchange of this run.
    m_historyStore.reset();
    done(code);
}

void SendCommand::proceed(const QCommandLineParser &parser)
{
    // The connection first: its line on stdin comes before a '-' payload.
    auto client = m_session.client();
    if (!client)
        return fail(ErrorCode::Usage, client.error().message);
    m_client = *client;
    if (!build(parser))
        return;

    // Validate once here for the warnings (HubClient::send validates again and refuses).
    const auto prepared = prepareSend(m_notification);
    m_warnings = prepared.warnings();
    m_session.printWarnings(m_warnings);
    if (parser.isSet(m_noPropertyCheck) && parser.isSet(m_requireProperties))
        return fail(ErrorCode::Usage,
                    tr("Give either --no-property-check or --require-properties, not both."));
    if (prepared && !parser.isSet(m_noPropertyCheck)
        && TemplatePropertyCheck::applies(m_notification)) {
        m_check = new TemplatePropertyCheck(m_client, this);
        connect(m_check, &TemplatePropertyCheck::finished, this, [this, &parser] {
            m_checkReport = std::make_unique<TemplatePropertyReport>(m_check->report());
            if (m_cancelled)
                return fail(ErrorCode::Cancelled, tr("Cancelled before sending."));
            if (reportCheck(parser))
                dispatch(parser, true);
        });
        m_check->start(m_notification);
        return;
    }
    dispatch(parser, prepared.ok());
}

bool SendCommand::reportCheck(const QCommandLineParser &parser)
{
    const TemplatePropertyReport &report = *m_checkReport;
    if (parser.isSet(m_requireProperties) && report.ok && report.hasMissing()) {
        const auto lacking =
            std::count_if(report.findings.cbegin(), report.findings.cend(),
                          [](const TemplatePropertyFinding &f) { return !f.missing.isEmpty(); });
        const QString message =
            tr("Not sent (--require-properties): %n reached template registration(s) use "
               "properties the send does not have.",
               nullptr, int(lacking));
        if (m_session.json) {
            // As CliSession::fail(), plus what the check found.
            const ErrorCode code = ErrorCode::MissingField;
            const int exit = int(exitCodeFor(code));
            QJsonObject o {{u"ok"_s, false},
                           {u"error"_s,
                            QJsonObject {{u"kind"_s, exitCodeName(exitCodeFor(code))},
                                         {u"code"_s, errorCodeName(code)},
                                         {u"message"_s, message}}}};
            addCheck(o);
            m_session.printJson(o, exit);
            done(exit);
            return false;
        }
        m_session.printWarnings(report.warnings());
        fail(ErrorCode::MissingField, message);
        return false;
    }
    m_session.printWarnings(report.warnings());
    return true;
}

void SendCommand::addCheck(QJsonObject &o) const
{
    if (m_checkReport)
        o.insert(u"propertyCheck"_s, m_checkReport->toJson());
}

void SendCommand::dispatch(const QCommandLineParser &parser, bool prepared)
{
    openHistory(parser);
    if (!prepared || !parser.isSet(m_repeat))
        return sendOnce();

    m_clock.start();
    m_latenciesNs.reserve(m_count);
    for (int i = 0; i < m_parallel; ++i)
        launch();
}

void SendCommand::cancel()
{
    m_cancelled = true;
    if (m_check)
        m_check->cancel();
    CliCommand::cancel();
}

void SendCommand::sendOnce()
{
    HubJob *job = m_client->send(m_notification, m_test);
    track(job);
    connect(job, &HubJob::finished, this, [this](const Exchange &e) {
        record(e);
        QJsonObject extra;
        if (!m_warnings.isEmpty())
            extra.insert(u"warnings"_s, warningsToJson(m_warnings));
        addCheck(extra);
        const int code = report(e, {}, extra);
        if (!m_session.json && e.result == ExchangeResult::Invalid && e.error
            && e.error->where == QLatin1StringView(kTagsHeader)) {
            m_session.out() << caretLines(m_notification.target.tagExpression.trimmed(),
                                          e.error->offset, e.error->length);
        }
        finishWith(code);
    });
}

void SendCommand::launch()
{
    if (m_launched >= m_count || m_cancelled)
        return;
    ++m_launched;
    QElapsedTimer clock;
    clock.start();
    HubJob *job = m_client->send(m_notification, m_test);
    track(job);
    connect(job, &HubJob::finished, this,
            [this, clock](const Exchange &e) { completed(e, clock.nsecsElapsed()); });
}

void SendCommand::completed(const Exchange &e, qint64 latencyNs)
{
    ++m_completed;
    record(e);
    m_latenciesNs.append(latencyNs);
    ++m_results[e.result];
    if (exitCodeFor(e) != ExitCode::Ok && !m_firstFailure)
        m_firstFailure = e;
    // A send that cannot be built fails the same way every time: stop at once.
    if (e.result == ExchangeResult::Invalid)
        m_cancelled = true;
    showProgress(false);
    if (!m_cancelled && m_launched < m_count)
        return launch();
    if (m_completed < m_launched)
        return; // the others are still in flight
    finishRepeat();
}

void SendCommand::showProgress(bool last)
{
    if (!m_session.io().terminal.errIsTerminal)
        return;
    const qint64 now = m_clock.elapsed();
    if (!last && m_lastProgressMs >= 0 && now - m_lastProgressMs < kProgressIntervalMs)
        return;
    m_lastProgressMs = now;
    const int failed = m_completed - m_results.value(ExchangeResult::Success);
    const double rate = now > 0 ? m_completed * 1000.0 / double(now) : 0;
    m_session.err() << u'\r'
                    << tr("%1/%2 sent, %3 failed, %4 sends/s")
                           .arg(m_completed)
                           .arg(m_count)
                           .arg(failed)
                           .arg(rate, 0, 'f', 0)
                    << u"\x1b[K"_s;
    if (last)
        m_session.err() << u'\n';
    m_session.err().flush();
}

void SendCommand::finishRepeat()
{
    const qint64 elapsedNs = m_clock.nsecsElapsed();
    showProgress(true);
    QList<qint64> sorted = m_latenciesNs;
    std::sort(sorted.begin(), sorted.end());
    const double seconds = double(elapsedNs) / 1e9;
    const double rate = seconds > 0 ? m_completed / seconds : 0;
    const double p50 = percentileMs(sorted, 0.50);
    const double p99 = percentileMs(sorted, 0.99);
    const double minMs = sorted.isEmpty() ? 0 : double(sorted.first()) / 1e6;
    const double maxMs = sorted.isEmpty() ? 0 : double(sorted.last()) / 1e6;
    const int errors = m_completed - m_results.value(ExchangeResult::Success);
    const int code = m_firstFailure ? int(exitCodeFor(*m_firstFailure))
        : m_completed < m_count     ? int(exitCodeFor(ErrorCode::Cancelled))
                                    : int(ExitCode::Ok);

    if (m_session.json) {
        QJsonObject results;
        for (auto it = m_results.constBegin(); it != m_results.constEnd(); ++it)
            results.insert(exchangeResultName(it.key()), it.value());
        QJsonObject summary {
            {u"requested"_s, m_count},
            {u"completed"_s, m_completed},
            {u"concurrency"_s, m_parallel},
            {u"test"_s, m_test},
            {u"elapsedMs"_s, double(elapsedNs) / 1e6},
            {u"sendsPerSecond"_s, rate},
            {u"latencyMs"_s,
             QJsonObject {{u"p50"_s, p50}, {u"p99"_s, p99}, {u"min"_s, minMs}, {u"max"_s, maxMs}}},
            {u"results"_s, results},
            {u"errors"_s, errors}};
        QJsonObject o {{u"ok"_s, code == 0}, {u"repeat"_s, summary}};
        if (m_firstFailure) {
            QJsonObject first = exchangeToJson(*m_firstFailure);
            o.insert(u"firstFailure"_s, first);
        }
        if (!m_warnings.isEmpty())
            o.insert(u"warnings"_s, warningsToJson(m_warnings));
        addCheck(o);
        m_session.printJson(o, code);
        return finishWith(code);
    }

    const TextRenderer r = m_session.renderer();
    QTextStream &out = m_session.out();
    out << r.styled(tr("%1 of %2 %3 in %4 s (concurrency %5)")
                        .arg(m_completed)
                        .arg(m_count)
                        .arg(m_test ? tr("test sends") : tr("sends"))
                        .arg(seconds, 0, 'f', 3)
                        .arg(m_parallel),
                    Tone::Heading)
        << u'\n';
    out << u"  "_s
        << tr("%1 sends/s · latency p50 %2 ms · p99 %3 ms · min %4 ms · max %5 ms")
               .arg(rate, 0, 'f', 1)
               .arg(ms(p50), ms(p99), ms(minMs), ms(maxMs))
        << u'\n';
    QStringList parts;
    for (auto it = m_results.constBegin(); it != m_results.constEnd(); ++it)
        parts << u"%1 %2"_s.arg(it.value()).arg(exchangeResultName(it.key()));
    out << u"  "_s << tr("Results: %1").arg(parts.join(u", "_s)) << u'\n';
    out << u"  "_s << r.styled(tr("Errors: %1").arg(errors), errors ? Tone::Bad : Tone::Good)
        << u'\n';
    if (m_firstFailure) {
        out << u'\n' << r.styled(tr("First failure:"), Tone::Bad) << u'\n';
        out << exchangeText(*m_firstFailure, r);
    }
    finishWith(code);
}

} // namespace Nh
