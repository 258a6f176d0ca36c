// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "emulator/emulatorlog.h"
#include "protocol/hubdescription.h"
#include "protocol/installation.h"
#include "protocol/registration.h"

#include <QList>
#include <QString>
#include <memory>
#include <utility>

namespace Nh {

class EmulatorState;
struct SasRule;

/**
 * Keeps an emulated namespace in a SQLite file (`nhemulator --data FILE`): rules, hubs (with
 * the descriptions written over the API), registrations (as the service's Atom entries) and
 * installations (as their JSON) and the delivery records (as their JSON). Every change is written
 * through when it happens, so a killed emulator loses nothing it acknowledged.
 */
class EmulatorStore
{
public:
    ~EmulatorStore();
    Q_DISABLE_COPY_MOVE(EmulatorStore)

    /** Opens or creates the file; the schema is versioned (PRAGMA user_version). */
    static Result<std::unique_ptr<EmulatorStore>> open(const QString &path);

    /** True when the file held no namespace yet. */
    bool isEmpty() const;
    /** Fills `state` (rules, hubs and their contents) from the file. */
    Status load(EmulatorState &state);

    void saveNamespace(const EmulatorState &state);
    void saveRegistration(const QString &hub, const Registration &registration,
                          const QString &installationId);
    void removeRegistration(const QString &hub, const QString &id);
    void saveInstallation(const QString &hub, const Installation &installation);
    void removeInstallation(const QString &hub, const QString &id);
    /**
     * Keeps a hub's description as PUT /{hub} left it (secrets included: it is the emulator's
     * own hub state, like its keys); load() gives it back and marks it changed.
     */
    void saveHubDescription(const QString &hub, const HubDescription &description);
    /** Forgets a hub and everything in it (DELETE /{hub}). */
    void removeHub(const QString &hub);
    /** Forgets a hub's registrations and installations; the hub and its description stay. */
    void clearHubContents(const QString &hub);

    /** Delivery records (docs/protocol.md §9.11), each with the number of its send. */
    void saveDeliveries(const QList<std::pair<qint64, EmulatorDelivery>> &deliveries);
    void setDeliverySequence(qint64 send, qint64 sequence);
    /** Keeps the newest `keep` delivery records. */
    void trimDeliveries(qsizetype keep);
    void clearDeliveries();
    /** The kept delivery records, oldest first, at most `keep` (the newest). */
    QList<std::pair<qint64, EmulatorDelivery>> loadDeliveries(qsizetype keep);

private:
    EmulatorStore() = default;
    bool exec(const QString &sql, const QVariantList &values = {});
    QString m_connection;
};

} // namespace Nh
