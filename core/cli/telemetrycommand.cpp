// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/telemetrycommand.h"

#include "cli/clisession.h"
#include "client/hubclient.h"

#include <QTextStream>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Nh::Cli", text);
}

QString timeText(const QDateTime &t)
{
    return t.isValid() ? t.toString(Qt::ISODateWithMs) : tr("(not yet)");
}

} // namespace

TelemetryCommand::TelemetryCommand(CliSession &session, QObject *parent)
    : CliCommand(session, parent)
{
}

QString TelemetryCommand::name() const
{
    return u"telemetry"_s;
}

QString TelemetryCommand::summary() const
{
    return tr("Show the telemetry of a sent notification (state and outcome counts).");
}

QString TelemetryCommand::description() const
{
    return tr("Reads GET /{hub}/messages/ID: the state of a sent notification and how many "
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
        return fail(ExitCode::Usage, tr("telemetry takes one notification ID."));
    auto client = m_session.client();
    if (!client)
        return fail(ExitCode::Usage, client.error().message);
    HubJob *job = (*client)->telemetry(arguments.first().trimmed());
    track(job);
    connect(job, &HubJob::finished, this, [this](const Exchange &e) {
        done(report(e, [this, &e] {
            const NotificationDetails &d = *e.details;
            TextPanel p;
            p.title = tr("Notification %1").arg(d.notificationId);
            const QString state =
                d.stateText.isEmpty() ? notificationStateName(d.state) : d.stateText;
            p.addField(tr("State"), state, 16,
                       d.state == NotificationState::Completed ? Tone::Good : Tone::Plain);
            p.addField(tr("Enqueued"), timeText(d.enqueueTime));
            p.addField(tr("Started"), timeText(d.startTime));
            p.addField(tr("Ended"), timeText(d.endTime));
            if (!d.tags.isEmpty())
                p.addField(tr("Tags"), d.tags);
            if (!d.targetPlatforms.isEmpty())
                p.addField(tr("Platforms"), d.targetPlatforms.join(u", "_s));
            const TextRenderer r = m_session.renderer();
            QTextStream &out = m_session.out();
            out << r.panel(p);
            QList<QStringList> rows;
            for (const PlatformOutcomeCounts &c : d.outcomeCounts) {
                for (const OutcomeCount &o : c.outcomes)
                    rows.append({c.platform, o.name, QString::number(o.count)});
            }
            if (!rows.isEmpty())
                out << u'\n' << r.table({tr("Platform"), tr("Outcome"), tr("Count")}, rows);
            if (!d.notificationBody.isEmpty())
                out << u'\n' << r.panel({tr("Body"), {{d.notificationBody, Tone::Plain}}});
        }));
    });
}

} // namespace Nh
