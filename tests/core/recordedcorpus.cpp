// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "recordedcorpus.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace Recorded {

namespace {

bool loadPairs(const QString &recordings, Corpus &corpus)
{
    QFile file(recordings + u"/pairs.jsonl"_s);
    if (!file.open(QIODevice::ReadOnly)) {
        qWarning("cannot open %s", qPrintable(file.fileName()));
        return false;
    }
    int lineNumber = 0;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        ++lineNumber;
        if (line.isEmpty())
            continue;
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
        if (!doc.isObject()) {
            qWarning("pairs.jsonl line %d: %s", lineNumber, qPrintable(error.errorString()));
            return false;
        }
        const QJsonObject pair = doc.object();
        const QString fileName = pair.value(u"file").toString();
        corpus.pairFiles.insert(fileName.section(u'#', 0, 0));
        Body body;
        // (file, seq) repeats in the nock recordings (one file, many scopes): the line is unique.
        body.name = u"pairs.jsonl:%1 %2 #%3"_s.arg(QString::number(lineNumber), fileName,
                                                   QString::number(pair.value(u"seq").toInt()));
        body.target = pair.value(u"target").toString();
        body.status = pair.value(u"status").toInt();
        const QJsonObject headers = pair.value(u"response_headers").toObject();
        for (auto it = headers.begin(); it != headers.end(); ++it) {
            if (it.key().compare(u"x-ms-continuationtoken", Qt::CaseInsensitive) == 0)
                body.continuationHeader = it.value().toString().toUtf8();
            if (it.key().compare(u"Location", Qt::CaseInsensitive) == 0)
                corpus.locations.append({body.name, body.target, it.value().toString()});
        }
        const QString responseBody = pair.value(u"response_body").toString();
        if (responseBody.isEmpty())
            continue;
        body.bytes = responseBody.toUtf8();
        body.shape = shapeOf(body.bytes);
        corpus.bodies.append(body);
    }
    return true;
}

bool loadFixtureFiles(const QString &recordings, Corpus &corpus)
{
    // Every file that is not an exchange pairs.jsonl already holds is a body of its own.
    const QDir root(recordings);
    QStringList names;
    for (QDirIterator it(recordings, QDir::Files, QDirIterator::Subdirectories); it.hasNext();)
        names.append(root.relativeFilePath(it.next()));
    names.sort();
    for (const QString &name : std::as_const(names)) {
        if (name == u"README.md" || name == u"pairs.jsonl" || corpus.pairFiles.contains(name))
            continue;
        QFile file(root.filePath(name));
        if (!file.open(QIODevice::ReadOnly)) {
            qWarning("cannot open %s", qPrintable(file.fileName()));
            return false;
        }
        Body body;
        body.name = name;
        body.bytes = file.readAll();
        body.shape = shapeOf(body.bytes);
        corpus.bodies.append(body);
    }
    return true;
}

} // namespace

bool load(const QString &recordings, Corpus &corpus)
{
    return loadPairs(recordings, corpus) && loadFixtureFiles(recordings, corpus);
}

QString shapeOf(const QByteArray &bytes)
{
    QByteArray text = bytes.trimmed();
    if (text.startsWith("\xEF\xBB\xBF"))
        text = text.sliced(3).trimmed();
    if (text.startsWith('{') || text.startsWith('[')) {
        // QJsonDocument is strict; a body it refuses keeps a shape by its first key.
        const QJsonDocument doc = QJsonDocument::fromJson(text);
        if (doc.isArray() && !doc.array().isEmpty()
            && doc.array().first().toObject().contains(u"op"))
            return u"json:patch"_s;
        if (doc.isObject() && doc.object().contains(u"installationId"))
            return u"json:installation"_s;
        if (doc.isNull() && text.contains("\"installationId\""))
            return u"json:installation"_s;
        return u"json:other"_s;
    }
    const QString xml = QString::fromUtf8(text);
    static const QRegularExpression root(uR"re(<(?![?!])(?:[\w.-]+:)?([\w.-]+))re"_s);
    const auto rootMatch = root.match(xml);
    if (!rootMatch.hasMatch())
        return u"text"_s;
    const QString rootName = rootMatch.captured(1);
    if (rootName != u"entry" && rootName != u"feed")
        return rootName;
    static const QRegularExpression inner(uR"re(<content\b[^>]*>\s*<(?:[\w.-]+:)?([\w.-]+))re"_s);
    return rootName + u'/' + inner.match(xml).captured(1);
}

QStringList elementTexts(const QByteArray &bytes, const QString &name)
{
    const QRegularExpression re(uR"re(<(?:[\w.-]+:)?%1(?:\s[^>]*)?(?<!/)>([^<]*)</)re"_s.arg(name));
    QStringList out;
    const QString text = QString::fromUtf8(bytes);
    for (auto it = re.globalMatch(text); it.hasNext();) {
        QString value = it.next().captured(1);
        value.replace(u"&lt;"_s, u"<"_s)
            .replace(u"&gt;"_s, u">"_s)
            .replace(u"&quot;"_s, u"\""_s)
            .replace(u"&apos;"_s, u"'"_s)
            .replace(u"&amp;"_s, u"&"_s);
        out.append(value);
    }
    return out;
}

qsizetype countStartTags(const QByteArray &bytes, const QString &name)
{
    const QRegularExpression re(uR"re(<(?:[\w.-]+:)?%1[\s/>])re"_s.arg(name));
    qsizetype n = 0;
    for (auto it = re.globalMatch(QString::fromUtf8(bytes)); it.hasNext(); it.next())
        ++n;
    return n;
}

QList<QByteArray> entryTexts(const QByteArray &feed)
{
    static const QRegularExpression start(uR"re(<(?:[\w.-]+:)?entry[\s/>])re"_s);
    const QString text = QString::fromUtf8(feed);
    QList<qsizetype> starts;
    for (auto it = start.globalMatch(text); it.hasNext();)
        starts << it.next().capturedStart();
    QList<QByteArray> out;
    for (qsizetype i = 0; i < starts.size(); ++i) {
        const qsizetype end = i + 1 < starts.size() ? starts.at(i + 1) : text.size();
        out << text.mid(starts.at(i), end - starts.at(i)).toUtf8();
    }
    return out;
}

} // namespace Recorded
