// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "startupprobe.h"

#include <QApplication>
#include <QEvent>
#include <QFile>
#include <QTimer>
#include <QWidget>
#include <cstdio>
#include <ctime>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace {

/** Milliseconds since this process started, from its kernel start time; -1 when unknown. */
qint64 msSinceProcessStart()
{
    QFile stat(u"/proc/self/stat"_s);
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = stat.readAll();
    // Field 2 (comm) may contain spaces: count from the closing parenthesis.
    const qsizetype close = line.lastIndexOf(')');
    if (close < 0)
        return -1;
    const QList<QByteArray> fields = line.mid(close + 2).split(' ');
    // After comm: state is field 3, starttime field 22 → index 19 here.
    if (fields.size() < 20)
        return -1;
    const long ticks = sysconf(_SC_CLK_TCK);
    timespec now {};
    if (ticks <= 0 || clock_gettime(CLOCK_BOOTTIME, &now) != 0)
        return -1;
    const qint64 startMs = fields.at(19).toLongLong() * 1000 / ticks;
    const qint64 nowMs = qint64(now.tv_sec) * 1000 + now.tv_nsec / 1000000;
    return nowMs - startMs;
}

/** CPU time (user + system, every thread) this process used so far, in milliseconds. */
qint64 cpuMs()
{
    timespec cpu {};
    if (clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cpu) != 0)
        return -1;
    return qint64(cpu.tv_sec) * 1000 + cpu.tv_nsec / 1000000;
}

qint64 vmRssKb()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

/** Whether a deferred start-up will report its end, and whether it did. */
bool s_expectDone = false;
bool s_done = false;
bool s_painted = false;
bool s_reported = false;

void reportIdle()
{
    if (s_reported)
        return;
    s_reported = true;
    std::printf("nh-startup idle-rss-kb=%lld\n", static_cast<long long>(vmRssKb()));
    std::fflush(stdout);
    QCoreApplication::quit();
}

class Probe final : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (!s_painted && event->type() == QEvent::Paint && watched->isWidgetType()) {
            s_painted = true;
            std::printf("nh-startup first-paint-ms=%lld\n",
                        static_cast<long long>(msSinceProcessStart()));
            // Less sensitive to a busy machine than the wall-clock time.
            std::printf("nh-startup first-paint-cpu-ms=%lld\n", static_cast<long long>(cpuMs()));
            std::fflush(stdout);
            // Idle: once the deferred start-up is done, or (none) when the event loop is next
            // idle after this paint.
            if (!s_expectDone || s_done)
                QTimer::singleShot(0, qApp, &reportIdle);
            qApp->removeEventFilter(this);
        }
        return QObject::eventFilter(watched, event);
    }
};

bool s_installed = false;

} // namespace

namespace StartupProbe {

void installIfRequested()
{
    if (qEnvironmentVariable("NH_STARTUP_PROBE") != u"1"_s || !qApp)
        return;
    s_installed = true;
    qApp->installEventFilter(new Probe(qApp));
}

void expectStartupDone()
{
    s_expectDone = true;
}

void startupDone()
{
    s_done = true;
    if (s_installed && s_painted)
        QTimer::singleShot(0, qApp, &reportIdle);
}

} // namespace StartupProbe
