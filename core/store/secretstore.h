// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QUuid>
#include <functional>

namespace QKeychain {
class Job;
}

namespace Nh {

/** Where a key was found or put. */
enum class SecretLocation {
    None, ///< nowhere (a failed job, a delete)
    Keychain, ///< the OS keychain (Secret Service, KWallet, …) through QtKeychain
    Memory, ///< this process only, by the user's choice; gone when it exits
};

/** What kept the keychain from doing its job, for wording and for the UI to offer a way out. */
enum class KeychainIssue {
    None,
    NotFound, ///< the keychain works but holds no key for this profile
    Unavailable, ///< no session bus, no Secret Service, no KWallet: nothing to talk to
    Locked, ///< the keyring is locked (or has no default collection) and could not be unlocked
    Denied, ///< the user or the keychain refused access
    Failed, ///< anything else; the keychain's own text is in the message
};

/**
 * Sorts a QtKeychain result into a KeychainIssue. `code` is a QKeychain::Error; `detail` its
 * errorString(). QtKeychain 0.13 reports most libsecret and D-Bus failures as OtherError, so the
 * text decides between "no bus / no Secret Service" (Unavailable) and "no default keyring that
 * can be opened" (Locked); see docs/toolchain.md §5 for the texts this was read from.
 */
KeychainIssue classifyKeychainError(int code, QStringView detail);

/**
 * One keychain operation in flight (docs/conventions.md R4). Returned by SecretStore and parented
 * to it. finished() is emitted exactly once and never from inside the call that made the job; the
 * job deletes itself afterwards unless kept with setAutoDelete(false). Jobs cannot be cancelled:
 * a keychain may be showing an unlock prompt, and only the user ends that.
 */
class SecretJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretJob)

public:
    enum class Operation { Read, Write, Delete };

    Operation operation() const { return m_operation; }
    QUuid profileId() const { return m_profileId; }
    bool isFinished() const { return m_finished; }
    /** Where the key was read from or written to; None after a delete or a failure. */
    SecretLocation location() const { return m_location; }
    /** Why the keychain could not help (also set when a fallback made the job succeed). */
    KeychainIssue issue() const { return m_issue; }
    /** QtKeychain's own errorString() of the failure, untranslated; for logs and details. */
    QString keychainDetail() const { return m_detail; }
    void setAutoDelete(bool on) { m_autoDelete = on; }

signals:
    /**
     * The outcome: for Read the key, for Write and Delete an empty string. An error's message is
     * a full sentence naming the profile and saying what to do; Error::where is the keychain
     * entry ("profile/<uuid>/sas-key"). Warnings say when the key went to memory only.
     */
    void finished(const Nh::Result<QString> &result);

private:
    friend class SecretStore;
    SecretJob(Operation operation, const QUuid &profileId, const QString &profileName,
              QObject *parent);

    Operation m_operation;
    QUuid m_profileId;
    QString m_profileName;
    QString m_key;
    SecretLocation m_location = SecretLocation::None;
    KeychainIssue m_issue = KeychainIssue::None;
    QString m_detail;
    bool m_finished = false;
    bool m_autoDelete = true;
};

/**
 * The SAS keys of profiles (docs/conventions.md R8): in the OS keychain through QtKeychain, service
 * `nhconsole`, entry `profile/<uuid>/sas-key`, with the insecure fallback switched off (it would
 * write plain text next to the settings). Nothing here ever writes a key to a file.
 *
 * When no keychain can be used, every job fails with a sentence that says why (no keychain,
 * locked, denied) and offers the way out: the caller may switch on the session fallback, after
 * which keys that cannot go to the keychain are kept in memory for this run only. The flag and
 * the memory-only profiles are visible to the UI. A key held in memory is found first by
 * readKey(); a successful write to the keychain drops it.
 *
 * Gnome-keyring answers "not found" to a read and "done" to a delete while it is locked; so a
 * read that finds nothing and every delete first check that the keychain can be written (a
 * short-lived `probe/availability` entry), and report "locked" rather than "no key" or a delete
 * that did not happen.
 *
 * Lives in the thread that creates it; nothing blocks.
 */
class SecretStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretStore)

public:
    /** The keychain service name every key is stored under. */
    static constexpr QStringView kService = u"nhconsole";

    explicit SecretStore(QObject *parent = nullptr);
    /** `service` is for tests that must not share entries; the application uses kService. */
    explicit SecretStore(const QString &service, QObject *parent = nullptr);
    ~SecretStore() override;

    QString service() const { return m_service; }

    /** The keychain entry of a profile's key: `profile/<uuid without braces>/sas-key`. */
    static QString keychainKey(const QUuid &profileId);
    /** The entry written and removed to check that the keychain can be written. */
    static QString probeKey();

    /** `profileName` only words the messages. */
    SecretJob *readKey(const QUuid &profileId, const QString &profileName);
    /** Stores `key` (or keeps it in memory, see setSessionFallbackEnabled()). */
    SecretJob *writeKey(const QUuid &profileId, const QString &profileName, const QString &key);
    /** Removes the key from memory and from the keychain. "Not stored" is not an error. */
    SecretJob *deleteKey(const QUuid &profileId, const QString &profileName);

    /**
     * Whether keys that cannot go to the keychain are kept in memory for this run instead. Off
     * until the user chooses it; never saved, so every run asks again.
     */
    bool sessionFallbackEnabled() const { return m_sessionFallback; }
    void setSessionFallbackEnabled(bool enabled);

    /** Keeps `key` in memory for this run without touching the keychain. */
    void keepInMemory(const QUuid &profileId, const QString &key);
    bool hasSessionKey(const QUuid &profileId) const { return m_memory.contains(profileId); }
    QList<QUuid> sessionKeyIds() const { return m_memory.keys(); }
    /** Drops every key held in memory. */
    void forgetSessionKeys();

    /** The issue of the last keychain operation (None after one that worked). */
    KeychainIssue lastIssue() const { return m_lastIssue; }

signals:
    void sessionFallbackChanged(bool enabled);
    /** A key was put into or dropped from memory. */
    void sessionKeysChanged();
    /** An operation met an unusable keychain (Unavailable, Locked, Denied, Failed); `error` is
     *  the sentence the job reported, for a status bar or banner. */
    void keychainProblem(const Nh::Error &error);

private:
    using KeychainCallback =
        std::function<void(int code, const QString &detail, const QString &text)>;
    void runKeychain(QKeychain::Job *job, SecretJob *owner, KeychainCallback done);
    void keychainRead(SecretJob *job, const QString &entry, KeychainCallback done);
    void keychainWrite(SecretJob *job, const QString &entry, const QString &value,
                       KeychainCallback done);
    void keychainDelete(SecretJob *job, const QString &entry, KeychainCallback done);
    /** Writes and removes probeKey(); `done` gets the write's result. */
    void probe(SecretJob *job, KeychainCallback done);

    void afterRead(SecretJob *job, int code, const QString &detail, const QString &key);
    void afterWrite(SecretJob *job, const QString &key, int code, const QString &detail);
    void afterDeleteProbe(SecretJob *job, int code, const QString &detail);

    void succeed(SecretJob *job, const QString &value, SecretLocation location,
                 const QList<Warning> &warnings = {});
    void fail(SecretJob *job, KeychainIssue issue, const QString &detail);
    void finish(SecretJob *job, const Result<QString> &result);
    Error keychainError(const SecretJob *job, KeychainIssue issue, const QString &detail) const;
    void noteIssue(KeychainIssue issue);

    QString m_service;
    QHash<QUuid, QString> m_memory;
    bool m_sessionFallback = false;
    KeychainIssue m_lastIssue = KeychainIssue::None;
};

} // namespace Nh
