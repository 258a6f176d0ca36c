// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Not a test: the writer process of tst_historystore's crash and concurrency checks. It writes
// `count` exchanges to a history file through Nh::HistoryStore, keeping `inflight` queued at a
// time as the GUI and nhcli do, and prints "written <uuid>" (flushed) as soon as the store
// reports each one committed, so a test that kills it knows exactly what must have survived.
//
//   historywriter <file> <count> <tag> [inflight]

#include "store/historystore.h"

#include <QCoreApplication>
#include <cstdio>

using namespace Qt::Literals::StringLiterals;

namespace {

Nh::Exchange exchange(int i, const QString &tag)
{
    Nh::Exchange e;
    e.operation = u"send.test"_s;
    e.hub = u"myhub"_s;
    e.started = QDateTime::currentDateTimeUtc();
    e.method = "POST";
    e.url = QUrl(u"https://127.0.0.1:8443/myhub/messages?api-version=2020-06&test"_s);
    e.requestHeaders = {
        {"Authorization",
         "SharedAccessSignature sr=https%3a%2f%2f127.0.0.1%2fmyhub&sig=[redacted]&se=1&skn=x"},
        {"ServiceBusNotification-Format", "apple"},
        {"ServiceBusNotification-Tags", tag.toUtf8()},
    };
    e.requestBody = "{\"aps\":{\"alert\":\"" + tag.toUtf8() + " #" + QByteArray::number(i) + "\"}}";
    e.status = 201;
    e.reasonPhrase = "Created";
    e.responseBody =
        "<NotificationOutcome><Success>1</Success><Failure>0</Failure>"
        "<Results i:nil=\"true\" xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\"/>"
        "</NotificationOutcome>";
    e.totalMs = i;
    e.result = Nh::ExchangeResult::Success;
    return e;
}

void say(const QByteArray &line)
{
    std::fputs(line.constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 4) {
        std::fputs("usage: historywriter <file> <count> <tag> [inflight]\n", stderr);
        return 2;
    }
    const int count = args.at(2).toInt();
    const QString tag = args.at(3);
    const int inflight = args.size() > 4 ? std::max(1, args.at(4).toInt()) : 4;
    auto store = Nh::HistoryStore::open(args.at(1));
    if (!store) {
        say("error " + store.error().message.toUtf8());
        return 1;
    }
    Nh::HistoryStore *s = store->get();
    s->setRetention({0, 0});
    int next = 0;
    int done = 0;
    const auto feed = [&] {
        while (next < count && next - done < inflight) {
            Nh::HistoryContext context;
            context.profileName = tag;
            context.source = u"historywriter"_s;
            s->add(exchange(next, tag), context);
            ++next;
        }
    };
    QObject::connect(s, &Nh::HistoryStore::written, &app, [&](const QUuid &id, qint64) {
        say("written " + id.toString(QUuid::WithoutBraces).toLatin1());
        ++done;
        if (done == count) {
            say("done");
            app.quit();
            return;
        }
        feed();
    });
    QObject::connect(
        s, &Nh::HistoryStore::writeFailed, &app, [](const QUuid &id, const QString &message) {
            say("failed " + id.toString(QUuid::WithoutBraces).toLatin1() + ' ' + message.toUtf8());
        });
    if (count <= 0)
        return 0;
    feed();
    return app.exec();
}
