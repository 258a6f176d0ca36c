// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The baseline of bench_startup: an empty QMainWindow started as nhconsole is (QApplication,
// the same organisation/application names, show(), exec()); the probe comes from
// startupprobe_hook.cpp.

#include <QApplication>
#include <QMainWindow>

using namespace Qt::Literals::StringLiterals;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(u"nhconsole"_s);
    QCoreApplication::setApplicationName(u"nhconsole-bare"_s);
    QMainWindow window;
    window.resize(1200, 800);
    window.show();
    return app.exec();
}
