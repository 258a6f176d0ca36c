// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "client/profilesession.h"

#include "client/hubclient.h"
#include "emulator/hubemulator.h"
#include "store/exchangeexport.h"
#include "store/profilestore.h"
#include "store/secretstore.h"
#include "store/settings.h"

using namespace Qt::Literals::StringLiterals;

namespace Nh {

ProfileSession::ProfileSession(const Services &services, QObject *parent)
    : QObject(parent)
    , m_services(services)
{
    Q_ASSERT(m_services.client && m_services.profiles && m_services.secrets);
    connect(m_services.profiles, &ProfileStore::profileChanged, this,
            &ProfileSession::takeOverEdit);
}

ProfileSession::~ProfileSession() = default;

const HubConnection &ProfileSession::connection() const
{
    return m_services.client->connection();
}

bool ProfileSession::isBundledEmulator(const HubEmulator *emulator, const QString &host, int port)
{
    return emulator && emulator->isListening() && isLoopbackHost(host)
        && port == int(emulator->port());
}

void ProfileSession::setEmulator(const HubEmulator *emulator, const Status &status)
{
    m_services.emulator = emulator;
    m_services.emulatorStatus = status;
}

void ProfileSession::activate(const QUuid &id)
{
    const auto found = m_services.profiles->profile(id);
    m_profile = found ? *found : defaultEmulatorProfile();
    m_keyJob = nullptr; // a read still in flight is for another profile now
    if (m_services.settings)
        Settings(m_services.settings).setLastProfileId(m_profile.id);
    setState(State::Connecting);

    if (m_profile.isEmulator()) {
        const HubEmulator *emulator = m_services.emulator;
        const Status &status = m_services.emulatorStatus;
        if (!emulator || !status.ok() || !emulator->isListening()) {
            fail(status.ok()
                     ? makeError(ErrorCode::Usage, tr("The bundled emulator is not running."))
                     : status.error());
            return;
        }
        connectProfile({});
        return;
    }
    setState(State::ReadingKey);
    SecretJob *job = m_services.secrets->readKey(m_profile.id, m_profile.name);
    m_keyJob = job;
    connect(job, &SecretJob::finished, this, [this, job](const Result<QString> &r) {
        if (m_keyJob != job)
            return; // another profile was chosen meanwhile
        m_keyJob = nullptr;
        if (r)
            connectProfile(r.value());
        else
            fail(r.error());
    });
}

void ProfileSession::provideSessionKey(const QUuid &id, const QString &key)
{
    m_services.secrets->keepInMemory(id, key);
    activate(id);
}

void ProfileSession::connectProfile(const QString &key)
{
    const Profile &p = m_profile;
    const HubEmulator *emulator = m_services.emulator;
    HubConnection c;
    if (p.isEmulator()) {
        const ConnectionString live = emulator->connectionString(p.keyName);
        if (live.key().isEmpty()) {
            fail(makeError(ErrorCode::NotFound,
                           tr("The emulator has no SAS rule named “%1”; its rules are %2.")
                               .arg(p.keyName, emulator->ruleNames().join(u", "_s))));
            return;
        }
        // Where and how the console reaches the emulator (127.0.0.1: a machine may have no
        // /etc/hosts entry for localhost; its certificate as the one extra trust anchor), with
        // the profile's own rule and hub.
        c = p.connection(ConnectionString::fromParts(u"127.0.0.1"_s, emulator->port(),
                                                     live.keyName(), live.key()));
        c.caCertificates = {emulator->certificate()};
    } else {
        c = p.connection(key);
        // A hub profile may point at the bundled emulator too; trust its certificate then.
        if (isBundledEmulator(emulator, p.host, p.port))
            c.caCertificates = {emulator->certificate()};
    }
    m_services.client->setConnection(c);
    setState(State::Ready);
}

void ProfileSession::fail(const Error &error)
{
    setState(m_profile.needsKey() ? State::NeedsKey : State::Failed, error.message);
}

void ProfileSession::setState(State state, const QString &problem)
{
    m_state = state;
    m_problem = problem;
    emit stateChanged(state);
}

void ProfileSession::takeOverEdit(const QUuid &id)
{
    if (id != m_profile.id)
        return;
    const auto p = m_services.profiles->profile(id);
    if (!p)
        return;
    m_profile.name = p->name;
    m_profile.label = p->label;
    m_profile.colour = p->colour;
    m_profile.production = p->production;
    emit profileChanged();
}

} // namespace Nh
