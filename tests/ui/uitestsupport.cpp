// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "uitestsupport.h"

#include "localemulator.h"

#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QStyle>
#include <QStyleFactory>
#include <QWidget>

using namespace Qt::Literals::StringLiterals;

UiHarness::UiHarness()
    : settings(std::make_unique<QSettings>(dir.filePath(u"nhconsole.ini"_s), QSettings::IniFormat))
    , secrets(u"nhconsole-uitest-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces))
    , profiles(std::make_unique<Nh::ProfileStore>(settings.get(), &secrets))
{ }

UiHarness::~UiHarness()
{
    // The history first: its destructor commits what is queued while the folder still exists.
    history.reset();
}

bool UiHarness::start()
{
    // LocalEmulator's options, and a second hub for the profile switch.
    Nh::EmulatorOptions options;
    options.seedDemoData = true;
    // Written like the app's, so curl exports carry --cacert.
    options.certificateDir = dir.filePath(u"emulator"_s);
    options.additionalHubs = {kOtherHub.toString()};
    const Nh::Status st = emulator.start(options);
    if (!st) {
        qWarning("emulator did not start: %s", qPrintable(st.error().message));
        return false;
    }
    Nh::HubConnection c = LocalEmulator::connection(emulator);
    c.transferTimeoutMs = 10000;
    client.setConnection(c);
    auto opened = Nh::HistoryStore::open(dir.filePath(u"history.sqlite"_s));
    if (!opened) {
        qWarning("history did not open: %s", qPrintable(opened.error().message));
        return false;
    }
    history = std::move(opened).value();
    return true;
}

AppContext UiHarness::context()
{
    AppContext ctx;
    ctx.client = &client;
    ctx.settings = settings.get();
    ctx.emulator = &emulator;
    ctx.profiles = profiles.get();
    ctx.secrets = &secrets;
    ctx.history = history.get();
    return ctx;
}

Nh::Profile UiHarness::addEmulatorProfile(const QString &name, const QString &hub, bool production)
{
    Nh::Profile p = Nh::defaultEmulatorProfile();
    p.id = QUuid::createUuid();
    p.name = name;
    p.hub = hub;
    p.label = u"second"_s;
    p.colour = u"#1565c0"_s;
    p.production = production;
    const auto added = profiles->add(p);
    if (!added)
        qWarning("profile not added: %s", qPrintable(added.error().message));
    return added ? added.value() : Nh::Profile {};
}

namespace UiTest {

QPalette lightPalette()
{
    QStyle *fusion = QStyleFactory::create(u"Fusion"_s);
    const QPalette p = fusion->standardPalette();
    delete fusion;
    return p;
}

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x31);
    const QColor base(0x1e, 0x1f, 0x22);
    const QColor text(0xe6, 0xe6, 0xe6);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x28, 0x2c));
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x8c, 0x90, 0x96));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x35, 0x37, 0x3c));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x79, 0xb8, 0xff));
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x6f, 0xc8));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Light, QColor(0x45, 0x47, 0x4d));
    p.setColor(QPalette::Midlight, QColor(0x3a, 0x3c, 0x41));
    p.setColor(QPalette::Mid, QColor(0x25, 0x26, 0x29));
    p.setColor(QPalette::Dark, QColor(0x18, 0x19, 0x1b));
    p.setColor(QPalette::Shadow, Qt::black);
    const QColor disabled(0x80, 0x84, 0x8a);
    p.setColor(QPalette::Disabled, QPalette::Text, disabled);
    p.setColor(QPalette::Disabled, QPalette::WindowText, disabled);
    p.setColor(QPalette::Disabled, QPalette::ButtonText, disabled);
    return p;
}

void usePalette(const QPalette &palette)
{
    QApplication::setStyle(QStyleFactory::create(u"Fusion"_s));
    QApplication::setPalette(palette);
}

QString screenshotDir()
{
    const QString dir = QString::fromUtf8(QT_TESTCASE_BUILDDIR) + u"/screenshots"_s;
    QDir().mkpath(dir);
    return dir;
}

QString saveScreenshot(QWidget *widget, const QString &name)
{
    const QString path = screenshotDir() + u'/' + name + u".png"_s;
    return widget->grab().save(path) ? path : QString();
}

QString visibleText(QWidget *root)
{
    QStringList parts;
    for (const QLabel *label : root->findChildren<QLabel *>()) {
        if (label->isVisibleTo(root))
            parts << label->text();
    }
    return parts.join(u'\n');
}

} // namespace UiTest
