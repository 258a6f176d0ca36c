// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The Traffic dock under load (issue #20): the bundled emulator on its own thread as the GUI
// runs it, an outside client (tests/bench/bench_traffic_client.py, a separate process) sending
// as fast as the emulator takes, and the dock showing the traffic. Reports the rate reached,
// the UI thread's longest stall (the worst gap of a 10 ms QTimer heartbeat) and the RSS at the
// end against the start.
//
//     bench_traffic [SECONDS]      30 by default; NH_BENCH_QUICK=1 (ctest) runs 3

#include "emulator/hubemulator.h"
#include "models/trafficmodel.h"
#include "threadedemulator.h"
#include "trafficdock.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>
#include <cstdio>

using namespace Qt::Literals::StringLiterals;

namespace {

double rssMegabytes()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return -1;
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    int seconds = qEnvironmentVariableIsSet("NH_BENCH_QUICK") ? 3 : 30;
    if (argc > 1)
        seconds = std::max(1, QByteArray(argv[1]).toInt());

    QTemporaryDir dir;
    ThreadedEmulator emulator;
    if (!dir.isValid() || !emulator.start(dir.filePath(u"cert"_s)))
        return 1;
    TrafficDock dock;
    dock.setEmulator(emulator.emulator);
    dock.resize(1200, 720);
    dock.show();
    QEventLoop settle;
    QTimer::singleShot(200, &settle, &QEventLoop::quit);
    settle.exec();
    const double rssStart = rssMegabytes();

    // The UI thread's heartbeat: its worst gap is the longest the window would not respond.
    QElapsedTimer beat;
    qint64 worstGapMs = 0;
    qint64 beats = 0;
    QTimer heartbeat;
    heartbeat.setInterval(10);
    QObject::connect(&heartbeat, &QTimer::timeout, [&] {
        worstGapMs = std::max(worstGapMs, beat.restart());
        ++beats;
    });

    qint64 received = 0;
    QObject::connect(
        emulator.emulator, &Nh::HubEmulator::exchangeLogged, &dock,
        [&received](const Nh::EmulatorLogEntry &) { ++received; }, Qt::QueuedConnection);

    QProcess client;
    client.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    client.start(u"python3"_s,
                 {QString::fromUtf8(NH_BENCH_DIR) + u"/bench_traffic_client.py"_s,
                  emulator.emulator->connectionString().toString(), emulator.emulator->hubName(),
                  emulator.emulator->certificatePath()});
    if (!client.waitForStarted()) {
        std::fprintf(stderr, "the client did not start: %s\n", qPrintable(client.errorString()));
        return 1;
    }
    QElapsedTimer clock;
    clock.start();
    beat.start();
    heartbeat.start();
    QEventLoop run;
    QTimer::singleShot(seconds * 1000, &run, &QEventLoop::quit);
    run.exec();
    heartbeat.stop();
    const double elapsed = double(clock.elapsed()) / 1000.0;
    const qint64 receivedInRun = received;

    client.closeWriteChannel();
    client.terminate();
    QEventLoop end;
    QObject::connect(&client, &QProcess::finished, &end, &QEventLoop::quit);
    QTimer::singleShot(10000, &end, &QEventLoop::quit);
    end.exec();
    const QString clientOut = QString::fromUtf8(client.readAllStandardOutput()).trimmed();
    dock.model()->flush();
    const double rssEnd = rssMegabytes();

    std::printf("bench_traffic: %d s, outside client (%s)\n", seconds, qPrintable(clientOut));
    std::printf("  rate reached:         %.0f exchanges/s (%lld shown by the dock's model in "
                "%.1f s)\n",
                double(receivedInRun) / elapsed, static_cast<long long>(receivedInRun), elapsed);
    std::printf("  UI longest stall:     %lld ms (10 ms heartbeat, %lld beats)\n",
                static_cast<long long>(worstGapMs), static_cast<long long>(beats));
    std::printf("  rows kept:            %d (capacity %d, %lld dropped as the oldest)\n",
                dock.model()->rowCount(), dock.model()->capacity(),
                static_cast<long long>(dock.model()->droppedCount()));
    std::printf("  RSS:                  %.1f MB at the start, %.1f MB at the end (%+.1f MB)\n",
                rssStart, rssEnd, rssEnd - rssStart);
    return receivedInRun > 0 ? 0 : 1;
}
