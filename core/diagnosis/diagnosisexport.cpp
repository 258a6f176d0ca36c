// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "diagnosis/diagnosisexport.h"

#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace Nh::DiagnosisExport {

// The full forms come with the engine's checks; this is the skeleton the views build against.
QByteArray toMarkdown(const DiagnosisReport &report)
{
    QString out =
        u"# "_s + report.subject.displayText() + u"\n\n"_s + report.verdictLine() + u"\n"_s;
    return out.toUtf8();
}

QJsonObject toJson(const DiagnosisReport &report)
{
    QJsonArray checks;
    for (const DiagnosisCheck &c : report.checks)
        checks.append(QJsonObject {{u"check"_s, diagnosisCheckKey(c.id)},
                                   {u"verdict"_s, diagnosisVerdictKey(c.verdict)}});
    return QJsonObject {{u"hub"_s, report.hub}, {u"checks"_s, checks}};
}

} // namespace Nh::DiagnosisExport
