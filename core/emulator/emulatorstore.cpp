// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "emulator/emulatorstore.h"

#include "common/logging.h"
#include "emulator/emulatorstate.h"
#include "protocol/registrationfeed.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

/** The translation context of this file's messages; lupdate reads it from here. */
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Nh::EmulatorStore)
};

// 1: rules, hubs, registrations, installations. 2: hubs.description (PUT /{hub}).
// 3: deliveries (docs/protocol.md §9.11).
constexpr int kSchemaVersion = 3;

} // namespace

EmulatorStore::~EmulatorStore()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

Result<std::unique_ptr<EmulatorStore>> EmulatorStore::open(const QString &path)
{
    std::unique_ptr<EmulatorStore> store(new EmulatorStore);
    store->m_connection = u"nh-emulator-"_s + QUuid::createUuid().toString(QUuid::Id128);
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, store->m_connection);
    db.setDatabaseName(path);
    if (!db.open()) {
        return makeError(ErrorCode::Storage,
                         Tr::tr("Could not open the emulator data file %1: %2")
                             .arg(path, db.lastError().text()));
    }
    int current = 0;
    {
        // Finished before the PRAGMAs below: an active SELECT holds a read transaction, and
        // SQLite cannot switch to WAL inside one.
        QSqlQuery version(db);
        if (version.exec(u"PRAGMA user_version"_s) && version.next())
            current = version.value(0).toInt();
        version.finish();
    }
    if (current > kSchemaVersion) {
        return makeError(ErrorCode::InvalidValue,
                         Tr::tr("The emulator data file %1 was written by a newer nhemulator "
                                "(schema %2; this one reads up to %3)")
                             .arg(path)
                             .arg(current)
                             .arg(kSchemaVersion));
    }
    QStringList schema = {
        u"PRAGMA journal_mode=WAL"_s,
        u"PRAGMA synchronous=NORMAL"_s,
        u"CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"_s,
        u"CREATE TABLE IF NOT EXISTS rules (name TEXT PRIMARY KEY, key TEXT NOT NULL, rights INTEGER NOT NULL)"_s,
        u"CREATE TABLE IF NOT EXISTS hubs (name TEXT PRIMARY KEY, description BLOB, "
        u"published TEXT, updated TEXT)"_s,
        u"CREATE TABLE IF NOT EXISTS registrations (hub TEXT NOT NULL, id TEXT NOT NULL, "
        u"installation TEXT NOT NULL, "
        "entry BLOB NOT NULL, PRIMARY KEY (hub, id))"_s,
        u"CREATE TABLE IF NOT EXISTS installations (hub TEXT NOT NULL, id TEXT NOT NULL, json BLOB "
        u"NOT NULL, "
        "PRIMARY KEY (hub, id))"_s,
        u"CREATE TABLE IF NOT EXISTS deliveries (id INTEGER PRIMARY KEY AUTOINCREMENT, "
        u"send INTEGER NOT NULL, sequence INTEGER NOT NULL, json BLOB NOT NULL)"_s,
        u"CREATE INDEX IF NOT EXISTS deliveries_send ON deliveries (send)"_s,
    };
    if (current == 1) {
        schema << u"ALTER TABLE hubs ADD COLUMN description BLOB"_s
               << u"ALTER TABLE hubs ADD COLUMN published TEXT"_s
               << u"ALTER TABLE hubs ADD COLUMN updated TEXT"_s;
    }
    schema << u"PRAGMA user_version=%1"_s.arg(kSchemaVersion);
    for (const QString &sql : schema) {
        if (!store->exec(sql)) {
            return makeError(ErrorCode::Storage,
                             Tr::tr("Could not prepare the emulator data file %1: %2")
                                 .arg(path, db.lastError().text()));
        }
    }
    return store;
}

bool EmulatorStore::exec(const QString &sql, const QVariantList &values)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    if (!q.prepare(sql)) {
        qCWarning(lcEmulator) << "SQL prepare failed:" << q.lastError().text();
        return false;
    }
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec()) {
        qCWarning(lcEmulator) << "SQL failed:" << q.lastError().text();
        return false;
    }
    return true;
}

bool EmulatorStore::isEmpty() const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    return !q.exec(u"SELECT count(*) FROM rules"_s) || !q.next() || q.value(0).toInt() == 0;
}

Status EmulatorStore::load(EmulatorState &state)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    QSqlQuery q(db);
    state.rules.clear();
    q.exec(u"SELECT name, key, rights FROM rules ORDER BY name"_s);
    while (q.next())
        state.rules.append(
            {q.value(0).toString(), q.value(1).toString(), Rights(q.value(2).toInt())});
    q.exec(u"SELECT value FROM meta WHERE key = 'host'"_s);
    if (q.next())
        state.host = q.value(0).toString();
    q.exec(u"SELECT name, description, published, updated FROM hubs ORDER BY name"_s);
    int brokenHubs = 0;
    while (q.next()) {
        EmulatorHub &hub = state.addHub(q.value(0).toString());
        if (q.value(1).isNull())
            continue;
        auto description = parseHubDescription(q.value(1).toByteArray(), hub.name);
        if (!description) {
            ++brokenHubs;
            continue;
        }
        hub.description = *description;
        hub.description.name = hub.name;
        hub.description.published = QDateTime::fromString(q.value(2).toString(), Qt::ISODateWithMs);
        hub.description.updated = QDateTime::fromString(q.value(3).toString(), Qt::ISODateWithMs);
        hub.descriptionChanged = true;
    }

    // Write-through is off while loading, or every row would be written back.
    state.attachStore(nullptr);
    q.exec(u"SELECT hub, id, installation, entry FROM registrations"_s);
    int broken = 0;
    QSet<EmulatorHub *> bulk;
    while (q.next()) {
        EmulatorHub &hub = state.addHub(q.value(0).toString());
        auto reg = parseRegistrationEntry(q.value(3).toByteArray());
        if (!reg) {
            ++broken;
            continue;
        }
        Registration loaded = *reg;
        loaded.registrationId = q.value(1).toString();
        if (!bulk.contains(&hub)) {
            bulk.insert(&hub);
            hub.registrations.beginBulk();
        }
        hub.registrations.put(loaded, q.value(2).toString());
    }
    for (EmulatorHub *hub : std::as_const(bulk))
        hub->registrations.endBulk();
    q.exec(u"SELECT hub, id, json FROM installations"_s);
    while (q.next()) {
        EmulatorHub &hub = state.addHub(q.value(0).toString());
        auto inst = parseInstallation(q.value(2).toByteArray());
        if (!inst) {
            ++broken;
            continue;
        }
        hub.installations.insert_or_assign(q.value(1).toString(), *inst);
    }
    state.attachStore(this);
    if (brokenHubs) {
        return makeError(ErrorCode::Storage,
                         Tr::tr("%1 stored hub descriptions could not be read; those hubs start "
                                "from their configuration")
                             .arg(brokenHubs));
    }
    if (broken) {
        return makeError(
            ErrorCode::Storage,
            Tr::tr("%1 stored registrations or installations could not be read and were "
                   "skipped")
                .arg(broken));
    }
    return {};
}

void EmulatorStore::saveNamespace(const EmulatorState &state)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    db.transaction();
    exec(u"INSERT OR REPLACE INTO meta (key, value) VALUES ('host', ?)"_s, {state.host});
    for (const SasRule &r : state.rules)
        exec(u"INSERT OR REPLACE INTO rules (name, key, rights) VALUES (?, ?, ?)"_s,
             {r.name, r.key, int(r.rights.toInt())});
    for (const QString &h : state.hubNames())
        exec(u"INSERT OR IGNORE INTO hubs (name) VALUES (?)"_s, {h});
    db.commit();
}

void EmulatorStore::saveRegistration(const QString &hub, const Registration &registration,
                                     const QString &installationId)
{
    EntryContext context;
    context.baseUrl = u"https://localhost/"_s + hub;
    context.now = QDateTime::currentDateTimeUtc();
    exec(
        u"INSERT OR REPLACE INTO registrations (hub, id, installation, entry) VALUES (?, ?, COALESCE(?, ''), ?)"_s,
        {hub, registration.registrationId, installationId,
         registrationEntryXml(registration, context)});
}

void EmulatorStore::removeRegistration(const QString &hub, const QString &id)
{
    exec(u"DELETE FROM registrations WHERE hub = ? AND id = ?"_s, {hub, id});
}

void EmulatorStore::saveInstallation(const QString &hub, const Installation &installation)
{
    exec(u"INSERT OR REPLACE INTO installations (hub, id, json) VALUES (?, ?, ?)"_s,
         {hub, installation.installationId, installationJson(installation)});
}

void EmulatorStore::removeInstallation(const QString &hub, const QString &id)
{
    exec(u"DELETE FROM installations WHERE hub = ? AND id = ?"_s, {hub, id});
}

void EmulatorStore::saveHubDescription(const QString &hub, const HubDescription &description)
{
    exec(u"INSERT OR IGNORE INTO hubs (name) VALUES (?)"_s, {hub});
    exec(u"UPDATE hubs SET description = ?, published = ?, updated = ? WHERE name = ?"_s,
         {hubDescriptionXml(description), description.published.toString(Qt::ISODateWithMs),
          description.updated.toString(Qt::ISODateWithMs), hub});
}

void EmulatorStore::clearHubContents(const QString &hub)
{
    exec(u"DELETE FROM registrations WHERE hub = ?"_s, {hub});
    exec(u"DELETE FROM installations WHERE hub = ?"_s, {hub});
}

void EmulatorStore::saveDeliveries(const QList<std::pair<qint64, EmulatorDelivery>> &deliveries)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    db.transaction();
    QSqlQuery q(db);
    q.prepare(u"INSERT INTO deliveries (send, sequence, json) VALUES (?, ?, ?)"_s);
    for (const auto &[send, d] : deliveries) {
        q.addBindValue(send);
        q.addBindValue(d.sequence);
        q.addBindValue(QJsonDocument(d.toJson()).toJson(QJsonDocument::Compact));
        if (!q.exec())
            qCWarning(lcEmulator) << "SQL failed:" << q.lastError().text();
    }
    db.commit();
}

void EmulatorStore::setDeliverySequence(qint64 send, qint64 sequence)
{
    exec(u"UPDATE deliveries SET sequence = ? WHERE send = ?"_s, {sequence, send});
}

void EmulatorStore::trimDeliveries(qsizetype keep)
{
    exec(u"DELETE FROM deliveries WHERE id <= (SELECT id FROM deliveries ORDER BY id DESC "
         u"LIMIT 1 OFFSET ?)"_s,
         {qint64(keep)});
}

void EmulatorStore::clearDeliveries()
{
    exec(u"DELETE FROM deliveries"_s);
}

QList<std::pair<qint64, EmulatorDelivery>> EmulatorStore::loadDeliveries(qsizetype keep)
{
    QList<std::pair<qint64, EmulatorDelivery>> out;
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(u"SELECT send, sequence, json FROM (SELECT id, send, sequence, json FROM deliveries "
              u"ORDER BY id DESC LIMIT ?) ORDER BY id"_s);
    q.addBindValue(qint64(keep));
    if (!q.exec())
        return out;
    while (q.next()) {
        auto d =
            EmulatorDelivery::fromJson(QJsonDocument::fromJson(q.value(2).toByteArray()).object());
        if (!d)
            continue;
        d->sequence = q.value(1).toLongLong();
        out.append({q.value(0).toLongLong(), *d});
    }
    return out;
}

void EmulatorStore::removeHub(const QString &hub)
{
    exec(u"DELETE FROM registrations WHERE hub = ?"_s, {hub});
    exec(u"DELETE FROM installations WHERE hub = ?"_s, {hub});
    exec(u"DELETE FROM hubs WHERE name = ?"_s, {hub});
}

} // namespace Nh
