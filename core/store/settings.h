// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QSettings>
#include <QString>
#include <QUuid>
#include <QVariant>
#include <memory>
#include <utility>

namespace Nh {

/**
 * Typed preferences over one QSettings (docs/conventions.md R9). Every key, its default and its
 * range are in one table (settings.cpp); a stored value of the wrong type or out of range reads as
 * the default, so a hand-edited file cannot break the application. Window geometry and splitter
 * states live apart under "State/". Secrets never go here (R8); profiles are ProfileStore's.
 *
 * Does not own the QSettings; the caller decides where the file is (tests: a QTemporaryDir).
 */
class Settings
{
public:
    /** The keys (R9); defaults and ranges are in settings.cpp. */
    static constexpr QStringView kSendTimeoutKey = u"Send/TimeoutMs"; // 30000, 1000–600000
    static constexpr QStringView kDefaultApiVersionKey = u"Send/DefaultApiVersion"; // "2020-06"
    static constexpr QStringView kLastProfileKey = u"General/LastProfileId"; // null
    static constexpr QStringView kAppearanceKey = u"Appearance/ColorScheme"; // "system"
    static constexpr QStringView kStateGroup = u"State";
    // The history's retention limit is not here: it lives in the history file itself
    // (HistoryStore::setRetention), so nhcli and every console honour the same limit.

    /** The colour scheme of the desktop console: the platform's, or a fixed light or dark one. */
    enum class Appearance { System, Light, Dark };

    explicit Settings(QSettings *settings);

    /**
     * The user's settings file in the standard config location:
     * `<GenericConfigLocation>/nhconsole/nhconsole.conf` (INI), the same for nhconsole and
     * nhcli whatever the application's name, found through QStandardPaths so that
     * QStandardPaths::setTestModeEnabled() moves it too.
     */
    static QString userSettingsPath();
    static std::unique_ptr<QSettings> openUserSettings();

    /** The default of `key`, of the type its getter returns (ms for the timeout). */
    static QVariant defaultValue(QStringView key);
    /** The inclusive range a number key accepts; {0, 0} for the others. */
    static std::pair<int, int> range(QStringView key);
    /** Whether `text` has the shape of a hub api-version: "2020-06", "2015-01-31-preview". */
    static bool isApiVersion(const QString &text);
    /** "system", "light" or "dark", as stored. */
    static QString appearanceName(Appearance appearance);

    QSettings *settings() const { return m_settings; }

    /** Transfer timeout for sends whose profile has none of its own, ms. */
    int sendTimeoutMs() const;
    void setSendTimeoutMs(int ms);

    /** The API version new profiles start with. */
    QString defaultApiVersion() const;
    void setDefaultApiVersion(const QString &version);

    /** The colour scheme override; System (the default) follows the platform. */
    Appearance appearance() const;
    void setAppearance(Appearance appearance);

    /** The profile selected when the application last ran; null when none. */
    QUuid lastProfileId() const;
    void setLastProfileId(const QUuid &id);

    /** Window geometry, splitter and header states by object name, under "State/". */
    QByteArray state(const QString &name) const;
    void setState(const QString &name, const QByteArray &value);

    /** Removes a key so it reads as its default again. */
    void reset(QStringView key);

private:
    QVariant read(QStringView key) const;
    void write(QStringView key, const QVariant &value);

    QSettings *m_settings;
};

} // namespace Nh
