// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "appcontext.h"
#include "client/hubclient.h"
#include "emulator/hubemulator.h"
#include "store/historystore.h"
#include "store/profilestore.h"
#include "store/secretstore.h"

#include <QNetworkAccessManager>
#include <QPalette>
#include <QSettings>
#include <QString>
#include <QTemporaryDir>
#include <memory>

class QWidget;

/**
 * What the GUI suites share: the bundled emulator with its demo data on 127.0.0.1 (a fresh
 * certificate in memory, a second hub kOtherHub), a client that trusts it, settings in a
 * temporary INI file, the profiles over them, keys under a keychain service of this run only,
 * and a history file in the same temporary folder.
 */
struct UiHarness
{
    static constexpr QStringView kOtherHub = u"otherHub";

    UiHarness();
    ~UiHarness();
    /** False (with a warning) when the emulator or the history did not start. */
    bool start();
    /** The services for a MainWindow. */
    AppContext context();
    /** Adds an Emulator profile for `hub` (no key needed). */
    Nh::Profile addEmulatorProfile(const QString &name, const QString &hub,
                                   bool production = false);

    QTemporaryDir dir;
    std::unique_ptr<QSettings> settings;
    Nh::HubEmulator emulator;
    QNetworkAccessManager nam;
    Nh::HubClient client {&nam};
    Nh::SecretStore secrets;
    std::unique_ptr<Nh::ProfileStore> profiles;
    std::unique_ptr<Nh::HistoryStore> history;
};

namespace UiTest {

/** Fusion with its light palette, or a dark one: screenshots look the same on every machine. */
QPalette lightPalette();
QPalette darkPalette();
void usePalette(const QPalette &palette);

/** Where screenshots go: <build dir>/tests/screenshots (made when missing). */
QString screenshotDir();
/** Grabs `widget` to screenshotDir()/name.png; returns the path, empty on failure. */
QString saveScreenshot(QWidget *widget, const QString &name);

/** The text of every QLabel under `root`, for "does the screen say X" checks. */
QString visibleText(QWidget *root);

} // namespace UiTest
