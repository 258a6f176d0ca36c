// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "store/profile.h"
#include "store/secretstore.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QUuid>
#include <optional>

class QSettings;

namespace Nh {

/**
 * A profile operation that involves the keychain (create, change key, duplicate, delete, export
 * with keys, import), returned by ProfileStore and parented to it. finished() is emitted exactly
 * once and never from inside the call that made the job; the job deletes itself afterwards
 * unless kept with setAutoDelete(false).
 */
class ProfileJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileJob)

public:
    enum class Operation { Create, ChangeKey, Duplicate, Remove, Export, Import };

    Operation operation() const { return m_operation; }
    bool isFinished() const { return m_finished; }
    /** The new profile (Create, Duplicate), the changed or removed one, the imported ones. */
    QList<QUuid> profileIds() const { return m_ids; }
    /** Export: the JSON document (see ProfileStore::exportJson()). */
    QByteArray data() const { return m_data; }
    /** Where the key went (Create, ChangeKey, Duplicate); None when no key was involved. */
    SecretLocation keyLocation() const { return m_keyLocation; }
    /** The keychain's issue when it was the reason for a failure or a fallback. */
    KeychainIssue issue() const { return m_issue; }
    void setAutoDelete(bool on) { m_autoDelete = on; }

signals:
    /** Errors are full sentences naming the profile; warnings too (a key kept in memory only,
     *  an export that contains keys, a copy made without a key). */
    void finished(const Nh::Status &status);

private:
    friend class ProfileStore;
    ProfileJob(Operation operation, QObject *parent);

    Operation m_operation;
    QList<QUuid> m_ids;
    QByteArray m_data;
    SecretLocation m_keyLocation = SecretLocation::None;
    KeychainIssue m_issue = KeychainIssue::None;
    bool m_finished = false;
    bool m_autoDelete = true;
};

/**
 * The saved profiles (issue #6): non-secret fields in a QSettings under "Profiles/<uuid>/…",
 * keys in a SecretStore under the same id. The GUI and nhcli use the same store and the same
 * file (Settings::openUserSettings()).
 *
 * Plain edits (add(), update(), rename()) are synchronous and touch only the settings. Anything
 * that touches a key is a ProfileJob: create() writes the key before the profile appears,
 * remove() deletes the key before the profile goes (a keychain that is locked keeps both),
 * duplicate() copies the key, exportProfiles() reads keys only when asked to, and then the file
 * and the result say so.
 *
 * A "Local emulator" profile (kEmulatorProfileId) is always there; it is written to the settings
 * only once it is edited, and cannot be removed.
 *
 * Not thread-safe; lives in the thread of its QSettings.
 */
class ProfileStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileStore)

public:
    /** The settings group; each profile is a subgroup named by its id without braces. */
    static constexpr QStringView kGroup = u"Profiles";
    /** The value of "Profiles/Version" and of an export's "version". */
    static constexpr int kFormatVersion = 1;
    /** An export's "format". */
    static constexpr QStringView kExportFormat = u"nhconsole-profiles";
    static constexpr qsizetype kMaxImportBytes = 1024 * 1024;
    static constexpr int kMaxImportProfiles = 1000;

    enum class KeyExport { Without, With };

    /** Reads the profiles from `settings` now. Neither pointer is owned; both must outlive this. */
    ProfileStore(QSettings *settings, SecretStore *secrets, QObject *parent = nullptr);

    /** Emulator first, then by name as loaded; added profiles go to the end. */
    const QList<Profile> &profiles() const { return m_profiles; }
    int count() const { return int(m_profiles.size()); }
    const Profile &at(int row) const { return m_profiles.at(row); }
    int indexOf(const QUuid &id) const;
    std::optional<Profile> profile(const QUuid &id) const;
    SecretStore *secrets() const { return m_secrets; }

    /**
     * A profile by name (case-insensitive) or by id, as `nhcli --profile` takes it. The error
     * names what was asked for and lists the names there are.
     */
    Result<Profile> find(QStringView nameOrId) const;
    bool isNameTaken(QStringView name, const QUuid &except = {}) const;
    /** `base`, or `base (2)`, `base (3)`, … whichever is free. */
    QString uniqueName(const QString &base) const;

    /** Adds a profile without a key (a null id gets a new one); validates; unique name. */
    Result<Profile> add(Profile profile);
    /** Saves changed fields of an existing profile (the key stays as it is). */
    Status update(const Profile &profile);
    Status rename(const QUuid &id, const QString &name);
    /** Reads the settings again (another process may have changed them); a model reset. */
    void reload();

    /**
     * A new Hub profile from a pasted connection string and a hub name, the key beside it.
     * Errors of the connection string are located in `text` (ConnectionString::parse()); its
     * warnings are kept. An empty `hub` takes the EntityPath of the string, if it has one, with a
     * warning; an empty `name` becomes "<namespace>/<hub>". The id is new; nothing is saved.
     */
    static Result<ProfileWithKey> fromConnectionString(QStringView text, const QString &hub,
                                                       const QString &name = {});

    /**
     * The profiles `ids` (all when empty) as a JSON document:
     * `{"format":"nhconsole-profiles","version":1,"containsKeys":false,"profiles":[…]}`. A key
     * goes in only for a profile that `keys` has one for; then "containsKeys" is true and a
     * "warning" member says that the file holds keys in plain text.
     */
    QByteArray exportJson(const QList<QUuid> &ids, const QHash<QUuid, QString> &keys = {}) const;

    /**
     * Reads an export (exportJson()). Errors: ErrorCode::Empty, Syntax (with the JSON offset),
     * UnexpectedRoot (not an object, another "format"), InvalidValue (a newer version, a field of
     * the wrong type, a key that is not base64), MissingField, LimitExceeded (over
     * kMaxImportBytes or kMaxImportProfiles), and those of Profile::validate(); Error::where is
     * the path, e.g. "profiles[2].hub". Unknown members are ignored; ids are not kept.
     */
    static Result<QList<ProfileWithKey>> parseExport(const QByteArray &json);

    /** Stores `key`, then adds `profile` (Emulator profiles: no key, added at once). */
    ProfileJob *create(const Profile &profile, const QString &key);
    /** Replaces the key of a Hub profile. */
    ProfileJob *changeKey(const QUuid &id, const QString &key);
    /** A copy with a new id and `name` (default "<name> (copy)"), its key copied too. */
    ProfileJob *duplicate(const QUuid &id, const QString &name = {});
    /** Deletes the key, then the profile. If the key cannot be deleted the profile stays. */
    ProfileJob *remove(const QUuid &id);
    /** exportJson() of `ids` (all when empty); KeyExport::With reads every key first. */
    ProfileJob *exportProfiles(const QList<QUuid> &ids, KeyExport keys);
    /** parseExport(), then adds every profile (new ids, names made unique) and stores keys. */
    ProfileJob *importProfiles(const QByteArray &json);

signals:
    void profileAdded(const QUuid &id);
    void profileChanged(const QUuid &id);
    void profileRemoved(const QUuid &id);
    void profilesReset();

private:
    void load();
    Status save(const Profile &profile);
    Status checkNew(const Profile &profile) const;
    Status settingsStatus() const;
    void removeNow(const QUuid &id);
    void finish(ProfileJob *job, const Status &status);
    void finishLater(ProfileJob *job, const Status &status);
    /**
     * Checks new profile `p` and, when it needs no key, adds it; true when that finished `job`
     * (refused, or added), false when a key must be stored first.
     */
    bool finishedWithoutKey(ProfileJob *job, const Profile &p);
    /** Writes `key` to the keychain, then adds `p`; takes the key back out if the add fails. */
    void writeKeyThenAdd(ProfileJob *job, const Profile &p, const QString &key);
    void readKeysThenExport(ProfileJob *job, QList<Profile> pending, QList<QUuid> ids,
                            QHash<QUuid, QString> keys, QList<Warning> warnings);
    void storeImportedKeys(ProfileJob *job, QList<ProfileWithKey> pending, int imported,
                           QList<Warning> warnings, QList<Error> failures);

    QSettings *m_settings;
    SecretStore *m_secrets;
    QList<Profile> m_profiles;
};

} // namespace Nh
