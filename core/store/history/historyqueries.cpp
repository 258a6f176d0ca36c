// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/history/historyqueries.h"

#include "store/history/historyschema.h"

#include <QStringList>
#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Nh::HistoryDb {

namespace {

QString escapeLike(const QString &text)
{
    QString out;
    out.reserve(text.size() + 2);
    for (QChar c : text) {
        if (c == u'%' || c == u'_' || c == u'\\')
            out += u'\\';
        out += c;
    }
    return u'%' + out + u'%';
}

bool hasWordCharacter(QStringView word)
{
    return std::any_of(word.begin(), word.end(), [](QChar c) { return c.isLetterOrNumber(); });
}
} // namespace

Where whereClause(const HistoryFilter &f, bool fullText)
{
    Where w;
    const auto add = [&w](const QString &condition) {
        w.sql += u" AND "_s + condition;
    };
    if (!f.profileId.isEmpty()) {
        add(u"profile_id = ?"_s);
        w.values.append(f.profileId);
    }
    if (f.from.isValid()) {
        add(u"started_ms >= ?"_s);
        w.values.append(f.from.toMSecsSinceEpoch());
    }
    if (f.to.isValid()) {
        add(u"started_ms < ?"_s);
        w.values.append(f.to.toMSecsSinceEpoch());
    }
    if (!f.format.isEmpty()) {
        add(u"format = ? COLLATE NOCASE"_s);
        w.values.append(f.format);
    }
    if (!f.tag.isEmpty()) {
        add(u"id IN (SELECT exchange_id FROM exchange_tags WHERE tag = ?)"_s);
        w.values.append(f.tag.trimmed());
    }
    if (!f.target.isEmpty()) {
        add(u"target LIKE ? ESCAPE '\\'"_s);
        w.values.append(escapeLike(f.target));
    }
    if (f.statuses) {
        QStringList ints;
        for (HistoryStatus s : {HistoryStatus::Success, HistoryStatus::Failure,
                                HistoryStatus::NoTargets, HistoryStatus::Error}) {
            if (f.statuses.testFlag(s))
                ints.append(QString::number(int(s)));
        }
        add(u"status_class IN ("_s + ints.join(u',') + u')');
    }
    if (f.pinnedOnly)
        add(u"pinned = 1"_s);

    const QStringList words = f.text.split(QChar(u' '), Qt::SkipEmptyParts);
    QStringList match;
    for (QString word : words) {
        word = word.trimmed();
        if (word.isEmpty())
            continue;
        if (fullText && hasWordCharacter(word)) {
            // A quoted FTS5 string is a phrase of its tokens; '*' makes its last one a prefix.
            match.append(u'"' + QString(word).replace(u'"', u"\"\""_s) + u"\"*"_s);
            continue;
        }
        QStringList any;
        for (const QString &column : textColumns()) {
            // LIKE never matches a BLOB operand (the bodies): compare their text.
            any.append(u"CAST("_s + column + u" AS TEXT) LIKE ? ESCAPE '\\'"_s);
            w.values.append(escapeLike(word));
        }
        add(u'(' + any.join(u" OR "_s) + u')');
    }
    if (!match.isEmpty()) {
        add(u"id IN (SELECT rowid FROM exchanges_fts WHERE exchanges_fts MATCH ?)"_s);
        w.values.append(match.join(u' '));
    }
    return w;
}

QString sortExpression(HistorySort::Key key)
{
    switch (key) {
    case HistorySort::Key::Started:
        return u"started_ms"_s;
    case HistorySort::Key::Profile:
        return u"profile_name"_s;
    case HistorySort::Key::Operation:
        return u"operation"_s;
    case HistorySort::Key::Target:
        return u"target"_s;
    case HistorySort::Key::Format:
        return u"format"_s;
    case HistorySort::Key::Status:
        return u"status"_s;
    case HistorySort::Key::Outcome:
        return u"outcome_failure"_s;
    case HistorySort::Key::Elapsed:
        return u"total_ms"_s;
    case HistorySort::Key::Label:
        return u"label"_s;
    }
    return u"started_ms"_s;
}
} // namespace Nh::HistoryDb
