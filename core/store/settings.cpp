// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/settings.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QStandardPaths>
#include <array>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

/** One preference: its key, default and (for numbers) range. */
struct Entry
{
    QStringView key;
    QVariant defaultValue;
    int min = 0;
    int max = 0;
};

const std::array<Entry, 4> &table()
{
    static const std::array<Entry, 4> entries {{
        {Settings::kSendTimeoutKey, QVariant(30000), 1000, 600000},
        {Settings::kDefaultApiVersionKey, QVariant(u"2020-06"_s)},
        {Settings::kLastProfileKey, QVariant(QString())},
        {Settings::kAppearanceKey, QVariant(u"system"_s)},
    }};
    return entries;
}

const Entry &entry(QStringView key)
{
    for (const Entry &e : table()) {
        if (e.key == key)
            return e;
    }
    Q_UNREACHABLE();
}

constexpr std::array<Settings::Appearance, 3> kAppearances {
    Settings::Appearance::System, Settings::Appearance::Light, Settings::Appearance::Dark};

} // namespace

Settings::Settings(QSettings *settings)
    : m_settings(settings)
{
    Q_ASSERT(settings);
}

QString Settings::userSettingsPath()
{
    // A fixed name, not the application's: nhconsole and nhcli (applicationName "nhcli") must
    // read and write the same profiles.
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
        + u"/nhconsole/nhconsole.conf"_s;
}

std::unique_ptr<QSettings> Settings::openUserSettings()
{
    return std::make_unique<QSettings>(userSettingsPath(), QSettings::IniFormat);
}

QVariant Settings::defaultValue(QStringView key)
{
    return entry(key).defaultValue;
}

std::pair<int, int> Settings::range(QStringView key)
{
    const Entry &e = entry(key);
    return {e.min, e.max};
}

bool Settings::isApiVersion(const QString &text)
{
    static const QRegularExpression re(u"^\\d{4}-\\d{2}(-\\d{2})?(-preview)?$"_s);
    return re.match(text).hasMatch();
}

QString Settings::appearanceName(Appearance appearance)
{
    switch (appearance) {
    case Appearance::Light:
        return u"light"_s;
    case Appearance::Dark:
        return u"dark"_s;
    case Appearance::System:
        break;
    }
    return u"system"_s;
}

QVariant Settings::read(QStringView key) const
{
    const Entry &e = entry(key);
    const QVariant v = m_settings->value(key.toString());
    if (!v.isValid())
        return e.defaultValue;
    if (e.defaultValue.typeId() == QMetaType::Int) {
        bool ok = false;
        const int n = v.toInt(&ok);
        if (!ok || n < e.min || n > e.max)
            return e.defaultValue;
        return n;
    }
    return v.toString();
}

void Settings::write(QStringView key, const QVariant &value)
{
    m_settings->setValue(key.toString(), value);
}

int Settings::sendTimeoutMs() const
{
    return read(kSendTimeoutKey).toInt();
}

void Settings::setSendTimeoutMs(int ms)
{
    const Entry &e = entry(kSendTimeoutKey);
    write(kSendTimeoutKey, qBound(e.min, ms, e.max));
}

QString Settings::defaultApiVersion() const
{
    const QString v = read(kDefaultApiVersionKey).toString();
    return isApiVersion(v) ? v : entry(kDefaultApiVersionKey).defaultValue.toString();
}

void Settings::setDefaultApiVersion(const QString &version)
{
    if (isApiVersion(version))
        write(kDefaultApiVersionKey, version);
}

Settings::Appearance Settings::appearance() const
{
    // Case-insensitive, so a hand-edited "Dark" works; anything else is the default.
    const QString stored = read(kAppearanceKey).toString().trimmed();
    for (const Appearance a : kAppearances) {
        if (stored.compare(appearanceName(a), Qt::CaseInsensitive) == 0)
            return a;
    }
    return Appearance::System;
}

void Settings::setAppearance(Appearance appearance)
{
    if (appearance == Appearance::System)
        reset(kAppearanceKey);
    else
        write(kAppearanceKey, appearanceName(appearance));
}

QUuid Settings::lastProfileId() const
{
    return QUuid::fromString(read(kLastProfileKey).toString());
}

void Settings::setLastProfileId(const QUuid &id)
{
    if (id.isNull())
        reset(kLastProfileKey);
    else
        write(kLastProfileKey, id.toString(QUuid::WithoutBraces));
}

QByteArray Settings::state(const QString &name) const
{
    return m_settings->value(kStateGroup.toString() + u'/' + name).toByteArray();
}

void Settings::setState(const QString &name, const QByteArray &value)
{
    m_settings->setValue(kStateGroup.toString() + u'/' + name, value);
}

void Settings::reset(QStringView key)
{
    m_settings->remove(key.toString());
}

} // namespace Nh
