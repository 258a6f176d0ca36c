// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/telemetrycommand.h"

#include "cli/clisession.h"
#include "client/hubclient.h"

#include <QTextStream>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

/** The translation context of this file's messages; lupdate reads it from here. */
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Nh::Cli)
};

QString timeText(const QDateTime &t)
{
    return t.isValid() ? t.toString(Qt::ISODateWithMs) : Tr::tr("(not yet)");
}

} // namespace

TelemetryCommand::TelemetryCommand(CliSession &session, QObject *parent)
    : CliCommand(session, parent)
{ }

QString TelemetryCommand::name() const
{
    return u"telemetry"_s;
}

QString TelemetryCommand::summary() const
{
    return Tr::tr("Show the telemetry of a sent notification (state and outcome counts).");
}

QString TelemetryCommand::description() const
{
    return Tr::tr(
        "Reads GET /{hub}/messages/ID: the state of a sent notification and how many "
        "deliveries each platform reported, by outcome. ID is the notification id a send "
        "printed. The hub answers 404 until the message has been processed (retry after a "
        "few seconds) and 403 below the Standard tier.");
}

QString TelemetryCommand::syntax() const
{
    return u"ID"_s;
}

QList<QCommandLineOption> TelemetryCommand::options() const
{
    return {};
}

void TelemetryCommand::start(const QCommandLineParser &, const QStringList &arguments)
{
    if (arguments.size() != 1 || arguments.first().trimmed().isEmpty())
        return fail(ErrorCode::Usage, Tr::tr("telemetry takes one notification ID."));
    auto client = m_session.client();
    if (!client)
        return fail(ErrorCode::Usage, client.error().message);
    HubJob *job = (*client)->telemetry(arguments.first().trimmed());
    track(job);
    connect(job, &HubJob::finished, this, [this](const Exchange &e) {
        done(report(e, [this, &e] {
            const NotificationDetails &d = *e.details;
            TextPanel p;
            p.title = Tr::tr("Notification %1").arg(d.notificationId);
            const QString state =
                d.stateText.isEmpty() ? notificationStateName(d.state) : d.stateText;
            p.addField(Tr::tr("State"), state, 16,
                       d.state == NotificationState::Completed ? Tone::Good : Tone::Plain);
            p.addField(Tr::tr("Enqueued"), timeText(d.enqueueTime));
            p.addField(Tr::tr("Started"), timeText(d.startTime));
            p.addField(Tr::tr("Ended"), timeText(d.endTime));
            if (!d.tags.isEmpty())
                p.addField(Tr::tr("Tags"), d.tags);
            if (!d.targetPlatforms.isEmpty())
                p.addField(Tr::tr("Platforms"), d.targetPlatforms.join(u", "_s));
            const TextRenderer r = m_session.renderer();
            QTextStream &out = m_session.out();
            out << r.panel(p);
            QList<QStringList> rows;
            for (const PlatformOutcomeCounts &c : d.outcomeCounts) {
                for (const OutcomeCount &o : c.outcomes)
                    rows.append({c.platform, o.name, QString::number(o.count)});
            }
            if (!rows.isEmpty())
                out << u'\n'
                    << r.table({Tr::tr("Platform"), Tr::tr("Outcome"), Tr::tr("Count")}, rows);
            if (!d.notificationBody.isEmpty())
                out << u'\n' << r.panel({Tr::tr("Body"), {{d.notificationBody, Tone::Plain}}});
        }));
    });
}

} // namespace Nh
