// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "i18n/translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QPointer>
#include <QTranslator>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

constexpr QLatin1StringView kCatalogue("nhconsole");

/**
 * The folder of the catalogues, relative to the executable's: PREFIX/bin/../share/nhconsole/
 * translations where the package installs them, and BUILD/app/../share/nhconsole/translations
 * (BUILD/tests/… for the suites) where the build puts them (docs/toolchain.md §7).
 */
QString catalogueDir()
{
    return QDir::cleanPath(QCoreApplication::applicationDirPath()
                           + QLatin1StringView("/../" NH_TRANSLATIONS_DIR));
}

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
    QDirIterator it(catalogueDir(), {kCatalogue + u"_*.qm"_s}, QDir::Files);
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
    if (!own->load(locale, kCatalogue, u"_"_s, catalogueDir())) {
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
