// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "i18n/translations.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QPointer>
#include <QTranslator>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

constexpr QLatin1StringView kResourceDir("://i18n");
constexpr QLatin1StringView kCatalogue("nhconsole");

/** The translators installed last, so that a second call replaces them. */
QList<QPointer<QTranslator>> &installed()
{
    static QList<QPointer<QTranslator>> translators;
    return translators;
}

} // namespace

QStringList shippedLanguages()
{
    QStringList languages;
    QDirIterator it(kResourceDir, {kCatalogue + u"_*.qm"_s}, QDir::Files);
    while (it.hasNext()) {
        const QString base = it.nextFileInfo().completeBaseName();
        languages << base.mid(kCatalogue.size() + 1);
    }
    languages.sort();
    return languages;
}

QString installTranslations(QCoreApplication *app, const QLocale &locale)
{
    for (const QPointer<QTranslator> &old : std::as_const(installed())) {
        if (old) {
            QCoreApplication::removeTranslator(old);
            delete old;
        }
    }
    installed().clear();

    auto own = new QTranslator(app);
    // QTranslator::load(locale, …) walks the locale's UI languages ("de-CH" → "de_CH", "de"), so
    // a Swiss or Austrian system gets the German catalogue.
    if (!own->load(locale, kCatalogue, u"_"_s, kResourceDir)) {
        delete own;
        return {};
    }
    QCoreApplication::installTranslator(own);
    installed() << own;

    auto qt = new QTranslator(app);
    if (qt->load(locale, u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
        installed() << qt;
    } else {
        delete qt;
    }
    return QFileInfo(own->filePath()).completeBaseName().mid(kCatalogue.size() + 1);
}

} // namespace Nh
