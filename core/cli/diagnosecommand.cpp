// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/diagnosecommand.h"

#include "cli/clierrors.h"
#include "cli/clisession.h"
#include "cli/historycommand.h"
#include "cli/profilescommand.h"
#include "diagnosis/diagnosisengine.h"
#include "diagnosis/diagnosisexport.h"
#include "store/history/historyreader.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QTextStream>
#include <QTimer>
#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

QString formatNames()
{
    QStringList names;
    for (int i = 0; i < kFormatCount; ++i)
        names << formatWireName(Format(i));
    return names.join(u", "_s);
}

/** `$UserId:{alice}` → `alice`; anything else as given. */
QString bareUserId(const QString &text)
{
    const QString t = text.trimmed();
    if (t.startsWith(u"$UserId:{"_s, Qt::CaseInsensitive) && t.endsWith(u'}'))
        return t.mid(9, t.size() - 10);
    return t;
}

} // namespace

DiagnoseCommand::DiagnoseCommand(CliSession &session, QObject *parent)
    : CliCommand(session, parent)
    , m_handle(u"handle"_s, tr("Diagnose the device with this PNS handle."), u"handle"_s)
    , m_registration(u"registration"_s, tr("Diagnose the device of this registration id."), u"id"_s)
    , m_installation(u"installation"_s, tr("Diagnose this installation."), u"id"_s)
    , m_user(u"user"_s, tr("Diagnose the devices of this user id (the tag $UserId:{…})."),
             u"user"_s)
    , m_platform(u"platform"_s,
                 tr("With --handle: the handle's platform (%1); default: every platform whose "
                    "handles look like it.")
                     .arg(platformCliNames()),
                 u"platform"_s)
    , m_exchange(u"exchange"_s,
                 tr("The send that did not arrive: an exchange id from the history (see nhcli "
                    "history list)."),
                 u"id"_s)
    , m_format(u"format"_s, tr("The send that did not arrive: its format (%1).").arg(formatNames()),
               u"format"_s)
    , m_tags(u"tags"_s, tr("The send that did not arrive: its tag expression."), u"expr"_s)
    , m_template(u"template"_s,
                 tr("The send that did not arrive: a template property NAME=VALUE "
                    "(repeatable; implies --format template)."),
                 u"name=value"_s)
    , m_header(u"header"_s,
               tr("The send that did not arrive: a header NAME:VALUE it set (repeatable)."),
               u"name:value"_s)
    , m_sendTest(u"send-test"_s,
                 tr("After the checks, make a test send that reaches exactly this device (it "
                    "pushes to the device)."))
    , m_sendDirect(u"send-direct"_s,
                   tr("After the checks, a real direct send to the device, then its per-message "
                      "telemetry (Standard tier; it pushes to the device)."))
    , m_markdown(u"markdown"_s, tr("Print the report as Markdown, for a support ticket."))
    , m_profile(u"profile"_s, tr("Use a saved profile (name or id; see nhcli profiles)."),
                u"name"_s)
    , m_history(u"history"_s,
                tr("The history file for --exchange and for handles the hub removed (default: "
                   "the desktop console's)."),
                u"path"_s)
    , m_noHistory(u"no-history"_s, tr("Do not read the history."))
{ }

DiagnoseCommand::~DiagnoseCommand() = default;

QString DiagnoseCommand::name() const
{
    return u"diagnose"_s;
}

QString DiagnoseCommand::summary() const
{
    return tr("Why did this device not get my push? Runs every check for one device.");
}

QString DiagnoseCommand::description() const
{
    return tr("Runs the checklist for one device (docs/diagnosis-cli.md): registered at all, "
              "duplicate registrations, platform and format, expiry, tags, template, hub "
              "configuration; with --send-test or --send-direct also a send to the device. The "
              "device is given by exactly one of --handle, --registration, --installation or "
              "--user; the send that did not arrive by --exchange, or by --format, --tags, "
              "--template and --header. Only targeted queries are made, never a listing of the "
              "whole hub, and nothing is pushed unless --send-test or --send-direct.\n\n"
              "Prints the verdict line (the most likely cause and its fix) first, then one line "
              "per check with its verdict, then the details; --json prints the report as "
              "README.md documents it, --markdown as a support ticket. Secrets are redacted in "
              "every form.\n\n"
              "Exit status of diagnose: 0 every check is ok; %1 a check found a problem; %2 no "
              "problem, but warnings or checks that could not tell. The codes for usage, "
              "transport and hub errors stay.\n\n"
              "Examples:\n"
              "  nhcli diagnose --handle fcm-token-frank-twice-xR7:APA91bQ2x --format fcmv1 "
              "--tags 'sports || politics'\n"
              "  nhcli diagnose --installation 5d2c7a8e-9b14-4f3e-8a61-2c9d0e7f4b35 --json\n"
              "  nhcli diagnose --registration 123-456-1 --exchange 0b6b8a5e-… --markdown")
        .arg(int(ExitCode::DiagnosisProblem))
        .arg(int(ExitCode::DiagnosisUnsure));
}

QList<QCommandLineOption> DiagnoseCommand::options() const
{
    return {m_handle,   m_registration, m_installation, m_user,     m_platform, m_exchange,
            m_format,   m_tags,         m_template,     m_header,   m_sendTest, m_sendDirect,
            m_markdown, m_profile,      m_history,      m_noHistory};
}

void DiagnoseCommand::cancel()
{
    if (isDone())
        return;
    // The engine stops its requests and reports the cancelled report (finishedRun()).
    if (m_engine && m_engine->isRunning())
        return m_engine->cancel();
    CliCommand::cancel();
    clearProgress();
    fail(ErrorCode::Cancelled, tr("Diagnosis cancelled."));
}

bool DiagnoseCommand::build(const QCommandLineParser &parser)
{
    const QList<std::pair<const QCommandLineOption *, DiagnosisSubject::Kind>> kinds {
        {&m_handle, DiagnosisSubject::Kind::Handle},
        {&m_registration, DiagnosisSubject::Kind::Registration},
        {&m_installation, DiagnosisSubject::Kind::Installation},
        {&m_user, DiagnosisSubject::Kind::User},
    };
    int given = 0;
    for (const auto &[option, kind] : kinds) {
        if (!parser.isSet(*option))
            continue;
        ++given;
        m_subject.kind = kind;
        m_subject.value = parser.value(*option).trimmed();
    }
    if (given != 1) {
        fail(ErrorCode::Usage,
             given == 0 ? tr("Name the device: --handle, --registration, --installation or "
                             "--user.")
                        : tr("Name the device once: give only one of --handle, --registration, "
                             "--installation and --user."));
        return false;
    }
    if (m_subject.kind == DiagnosisSubject::Kind::User)
        m_subject.value = bareUserId(m_subject.value);
    if (m_subject.value.isEmpty()) {
        fail(ErrorCode::Usage, tr("The device's handle or id is empty."));
        return false;
    }
    if (parser.isSet(m_platform)) {
        if (m_subject.kind != DiagnosisSubject::Kind::Handle) {
            fail(ErrorCode::Usage, tr("--platform goes with --handle."));
            return false;
        }
        const auto platform = platformFromCliName(parser.value(m_platform).trimmed());
        if (!platform) {
            fail(ErrorCode::Usage,
                 tr("Unknown --platform '%1'; use one of: %2.")
                     .arg(parser.value(m_platform), platformCliNames()));
            return false;
        }
        m_subject.platform = *platform;
    }

    const bool typed = parser.isSet(m_format) || parser.isSet(m_tags) || parser.isSet(m_template)
        || parser.isSet(m_header);
    if (parser.isSet(m_exchange) && typed) {
        fail(ErrorCode::Usage,
             tr("Give the send either as --exchange or as --format/--tags/--template/--header, "
                "not both."));
        return false;
    }
    if (parser.isSet(m_exchange) && parser.isSet(m_noHistory)) {
        fail(ErrorCode::Usage, tr("--exchange reads the history; it cannot go with --no-history."));
        return false;
    }
    if (parser.isSet(m_history) && parser.isSet(m_noHistory)) {
        fail(ErrorCode::Usage, tr("Give either --history or --no-history, not both."));
        return false;
    }
    if (typed) {
        DiagnosisSend send;
        if (parser.isSet(m_format)) {
            const auto format = formatFromWireName(parser.value(m_format).trimmed());
            if (!format) {
                fail(ErrorCode::Usage,
                     tr("Unknown --format '%1'; use one of: %2.")
                         .arg(parser.value(m_format), formatNames()));
                return false;
            }
            send.format = *format;
        }
        if (parser.isSet(m_template)) {
            if (send.format && *send.format != Format::Template) {
                fail(ErrorCode::Usage,
                     tr("--template properties belong to a template send, not --format %1.")
                         .arg(parser.value(m_format)));
                return false;
            }
            send.format = Format::Template;
            const QStringList pairs = parser.values(m_template);
            for (const QString &pair : pairs) {
                const qsizetype eq = pair.indexOf(u'=');
                if (eq <= 0) {
                    fail(ErrorCode::Usage,
                         tr("--template expects NAME=VALUE, not '%1'.").arg(pair));
                    return false;
                }
                send.properties.insert(pair.left(eq), pair.mid(eq + 1));
            }
        }
        send.tagExpression = parser.value(m_tags).trimmed();
        const QStringList headers = parser.values(m_header);
        for (const QString &header : headers) {
            const qsizetype colon = header.indexOf(u':');
            if (colon <= 0) {
                fail(ErrorCode::Usage, tr("--header expects NAME:VALUE, not '%1'.").arg(header));
                return false;
            }
            send.headers.append({header.left(colon).trimmed().toLatin1(),
                                 header.mid(colon + 1).trimmed().toUtf8()});
        }
        m_send = send;
    }
    m_wantTest = parser.isSet(m_sendTest);
    m_wantDirect = parser.isSet(m_sendDirect);
    m_markdownOut = parser.isSet(m_markdown);
    if (m_markdownOut && m_session.json) {
        fail(ErrorCode::Usage, tr("Give either --json or --markdown, not both."));
        return false;
    }
    return true;
}

void DiagnoseCommand::start(const QCommandLineParser &parser, const QStringList &arguments)
{
    if (!arguments.isEmpty())
        return fail(ErrorCode::Usage,
                    tr("diagnose takes no arguments ('%1'); name the device with --handle, "
                       "--registration, --installation or --user.")
                        .arg(arguments.first()));
    if (!build(parser))
        return;
    if (!parser.isSet(m_profile))
        return proceed(parser);
    if (m_session.connection.connectionString)
        return fail(ErrorCode::Usage,
                    tr("Give either --profile or --connection-string, not both."));
    m_profiles = std::make_unique<CliProfiles>();
    connectWithProfile(m_session, *m_profiles, parser.value(m_profile), this,
                       [this, &parser](const Result<Profile> &p) {
                           if (!p)
                               return fail(p.error());
                           m_profileName = p->name;
                           proceed(parser);
                       });
}

void DiagnoseCommand::proceed(const QCommandLineParser &parser)
{
    if (isDone())
        return; // cancelled while the profile's key was read
    auto client = m_session.client();
    if (!client)
        return fail(ErrorCode::Usage, client.error().message);

    // The history: the send of --exchange, and what the hub said about the handle before.
    if (!parser.isSet(m_noHistory)) {
        const QString path = cliHistoryPath(parser.value(m_history));
        if (QFileInfo::exists(path)) {
            auto reader = HistoryReader::open(path);
            if (reader)
                m_historyReader = std::move(reader).value();
            else if (parser.isSet(m_exchange))
                return fail(ErrorCode::Storage, reader.error().message);
            else
                m_session.printWarnings(
                    {{tr("The history is not read: %1").arg(reader.error().message)}});
        } else if (parser.isSet(m_exchange)) {
            return fail(ErrorCode::Storage, tr("There is no history at %1 yet.").arg(path));
        }
    }
    if (parser.isSet(m_exchange)) {
        const QUuid id = QUuid::fromString(parser.value(m_exchange).trimmed());
        if (id.isNull())
            return fail(ErrorCode::Usage,
                        tr("'%1' is not an exchange id (as history list shows them).")
                            .arg(parser.value(m_exchange)));
        auto record = m_historyReader->load(id);
        if (!record)
            return fail(ErrorCode::Usage, record.error().message);
        auto send = DiagnosisSend::fromExchange(record->exchange);
        if (!send)
            return fail(ErrorCode::Usage, send.error().message);
        m_send = *send;
        m_send->exchangeId = id;
    }

    m_engine = new DiagnosisEngine(*client, this);
    m_engine->setProfileName(m_profileName);
    if (m_historyReader)
        m_engine->setHistory(m_historyReader.get());
    connect(m_engine, &DiagnosisEngine::progress, this, &DiagnoseCommand::showProgress);
    const auto active = [this] {
        m_sendActivity = m_sendAsked;
    };
    connect(m_engine, &DiagnosisEngine::progress, this, active);
    connect(m_engine, &DiagnosisEngine::checkFinished, this, active);
    connect(m_engine, &DiagnosisEngine::exchangeAdded, this, active);
    connect(m_engine, &DiagnosisEngine::finished, this, &DiagnoseCommand::finishedRun);
    m_engine->start(m_subject, m_send);
}

void DiagnoseCommand::showProgress(int done, int total, const QString &step)
{
    if (!m_session.io().terminal.errIsTerminal || m_session.json)
        return;
    m_progressShown = true;
    m_session.err() << u'\r' << tr("[%1/%2] %3").arg(done).arg(total).arg(step) << u"\x1b[K"_s;
    m_session.err().flush();
}

void DiagnoseCommand::clearProgress()
{
    if (!m_progressShown)
        return;
    m_progressShown = false;
    m_session.err() << u"\r\x1b[K"_s;
    m_session.err().flush();
}

bool DiagnoseCommand::requestSend()
{
    if (m_sendAsked || (!m_wantTest && !m_wantDirect))
        return false;
    m_sendAsked = true;
    QString whyNot;
    if (m_wantTest && m_engine->canSendTest(&whyNot)) {
        m_engine->sendTest();
    } else if (m_wantDirect) {
        m_engine->sendDirect();
    } else {
        m_sendNote = tr("No test send was made: %1").arg(whyNot);
        if (!m_session.json && !m_markdownOut)
            m_session.printWarnings(
                {{m_sendNote + u' ' + tr("--send-direct makes a real send to the device.")}});
        return false;
    }
    if (!m_engine->isRunning()) {
        // An engine that started nothing reports nothing more: give it one turn of the event
        // loop to say something, else print what there is.
        QTimer::singleShot(0, this, [this] {
            if (!m_sendActivity && !isDone())
                print(m_engine->report());
        });
    }
    return true;
}

void DiagnoseCommand::finishedRun(const DiagnosisReport &report)
{
    if (isDone())
        return;
    m_sendActivity = m_sendAsked;
    clearProgress();
    if (report.cancelled)
        return fail(ErrorCode::Cancelled, tr("Diagnosis cancelled."));
    if (requestSend())
        return; // finished() comes again with check 8
    print(m_engine->report());
}

int DiagnoseCommand::exitCodeFor(const DiagnosisReport &report)
{
    switch (report.overall()) {
    case DiagnosisVerdict::Ok:
        return int(ExitCode::Ok);
    case DiagnosisVerdict::Problem:
        return int(ExitCode::DiagnosisProblem);
    case DiagnosisVerdict::CannotTell: {
        // Nothing could tell because the hub could not be asked: say that, as other commands.
        const bool anyTold =
            std::any_of(report.checks.cbegin(), report.checks.cend(), [](const DiagnosisCheck &c) {
                return c.verdict == DiagnosisVerdict::Ok || c.verdict == DiagnosisVerdict::Problem
                    || c.verdict == DiagnosisVerdict::Warning;
            });
        if (!anyTold) {
            for (const Exchange &e : report.exchanges) {
                if (!e.ok() && e.result != ExchangeResult::Invalid
                    && e.result != ExchangeResult::Pending)
                    return int(Nh::exitCodeFor(e));
            }
        }
        return int(ExitCode::DiagnosisUnsure);
    }
    case DiagnosisVerdict::Warning:
    case DiagnosisVerdict::Pending:
        break;
    }
    return int(ExitCode::DiagnosisUnsure);
}

void DiagnoseCommand::print(const DiagnosisReport &report)
{
    const int code = exitCodeFor(report);
    if (m_session.json) {
        QJsonObject o = DiagnosisExport::toJson(report);
        o.insert(u"ok"_s, true);
        if (!m_sendNote.isEmpty())
            o.insert(u"sendNote"_s, m_sendNote);
        m_session.printJson(o, code);
    } else if (m_markdownOut) {
        m_session.out() << QString::fromUtf8(DiagnosisExport::toMarkdown(report));
    } else {
        printText(report);
    }
    done(code);
}

void DiagnoseCommand::printText(const DiagnosisReport &report)
{
    // The same redaction as the exports: the text is built from the Markdown's sources.
    const QJsonObject json = DiagnosisExport::toJson(report);
    QTextStream &out = m_session.out();
    out << json.value(u"verdictLine"_s).toString() << u"\n\n"_s;
    const QJsonArray checks = json.value(u"checks"_s).toArray();
    int width = 0;
    for (const DiagnosisCheck &c : report.checks)
        width = std::max(width, int(diagnosisVerdictName(c.verdict).size()));
    for (qsizetype i = 0; i < checks.size() && i < report.checks.size(); ++i) {
        const DiagnosisCheck &c = report.checks.at(i);
        const QJsonObject j = checks.at(i).toObject();
        QString line = u"  "_s + diagnosisVerdictName(c.verdict).leftJustified(width) + u"  "_s
            + diagnosisCheckTitle(c.id);
        if (const QString summary = j.value(u"summary"_s).toString(); !summary.isEmpty())
            line += u": "_s + summary;
        out << line << u'\n';
    }

    const QJsonArray exchanges = json.value(u"exchanges"_s).toArray();
    const auto evidenceLine = [&](const QString &id) -> QString {
        for (const QJsonValue &v : exchanges) {
            const QJsonObject e = v.toObject();
            if (e.value(u"id"_s).toString() == id) {
                const int status = e.value(u"status"_s).toInt();
                return e.value(u"method"_s).toString() + u' ' + e.value(u"path"_s).toString()
                    + u"  "_s
                    + (status ? QString::number(status) : e.value(u"result"_s).toString());
            }
        }
        return {};
    };
    for (qsizetype i = 0; i < checks.size() && i < report.checks.size(); ++i) {
        const DiagnosisCheck &c = report.checks.at(i);
        const QJsonObject j = checks.at(i).toObject();
        const QJsonArray details = j.value(u"details"_s).toArray();
        const QString next = j.value(u"nextStep"_s).toString();
        const QJsonArray evidence = j.value(u"evidence"_s).toArray();
        // The details of what is not fine, and of a test send that ran; --json and --markdown
        // carry every check's.
        if (c.verdict == DiagnosisVerdict::Pending
            || (c.verdict == DiagnosisVerdict::Ok && c.id != DiagnosisCheckId::TestSend))
            continue;
        if (details.isEmpty() && next.isEmpty() && evidence.isEmpty())
            continue;
        out << u'\n' << u"%1 (%2)"_s.arg(diagnosisCheckTitle(c.id), diagnosisVerdictName(c.verdict))
            << u'\n';
        for (const QJsonValue &d : details)
            out << u"  "_s << d.toString() << u'\n';
        if (!next.isEmpty())
            out << u"  "_s << tr("Next step: %1").arg(next) << u'\n';
        for (const QJsonValue &id : evidence) {
            if (const QString e = evidenceLine(id.toString()); !e.isEmpty())
                out << u"  "_s << tr("Evidence: %1").arg(e) << u'\n';
        }
    }
    if (!m_sendNote.isEmpty())
        out << u'\n' << m_sendNote << u'\n';
    out << u'\n' << tr("%n request(s) made.", nullptr, json.value(u"requests"_s).toInt()) << u'\n';
}

} // namespace Nh
