// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/clicommand.h"

#include "cli/clijson.h"
#include "cli/clisession.h"
#include "cli/exchangetext.h"
#include "client/hubclient.h"

#include <QTextStream>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

CliCommand::CliCommand(CliSession &session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{ }

CliCommand::~CliCommand() = default;

QString CliCommand::description() const
{
    return summary();
}

QString CliCommand::syntax() const
{
    return {};
}

void CliCommand::cancel()
{
    for (const QPointer<HubJob> &job : std::as_const(m_jobs)) {
        if (job)
            job->cancel();
    }
}

void CliCommand::done(int code)
{
    if (m_done)
        return;
    m_done = true;
    m_session.out().flush();
    m_session.err().flush();
    // Queued, so that finished() never comes from inside start().
    QMetaObject::invokeMethod(
        this, [this, code] { emit finished(code); }, Qt::QueuedConnection);
}

void CliCommand::fail(ErrorCode code, const QString &message)
{
    done(m_session.fail(code, message));
}

void CliCommand::track(HubJob *job)
{
    m_jobs.removeIf([](const QPointer<HubJob> &j) { return j.isNull(); });
    m_jobs.append(job);
}

int CliCommand::report(const Exchange &e, const std::function<void()> &humanOnSuccess,
                       QJsonObject extra)
{
    const int code = int(exitCodeFor(e));
    if (m_session.json) {
        QJsonObject o = exchangeToJson(e);
        o.insert(u"ok"_s, code == 0); // a test send that reached nobody is not ok for scripts
        for (auto it = extra.constBegin(); it != extra.constEnd(); ++it)
            o.insert(it.key(), it.value());
        if (!e.ok()) {
            const QJsonObject why = explanationToJson(explain(e));
            if (!why.isEmpty())
                o.insert(u"explanation"_s, why);
        }
        m_session.printJson(o, code);
        return code;
    }
    if (e.result == ExchangeResult::Success && humanOnSuccess) {
        humanOnSuccess();
    } else {
        m_session.out() << exchangeText(e, m_session.renderer());
    }
    m_session.out().flush();
    return code;
}

} // namespace Nh
