// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/hubcommand.h"

#include "cli/clierrors.h"
#include "cli/clisession.h"
#include "cli/hubtext.h"
#include "cli/profilescommand.h"
#include "client/hubclient.h"
#include "client/hublistjob.h"
#include "client/registrationcoverage.h"
#include "store/profilestore.h"
#include "store/secretstore.h"

#include <QJsonArray>
#include <QTextStream>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

const QString kProductionEndpoint = u"https://api.push.apple.com:443/3/device"_s;
const QString kSandboxEndpoint = u"https://api.development.push.apple.com:443/3/device"_s;

} // namespace

HubCommand::HubCommand(CliSession &session, QObject *parent)
    : CliCommand(session, parent)
    , m_reveal(u"reveal"_s, tr("show, list: show keys, certificates and passwords unredacted."))
    , m_profile(u"profile"_s, tr("Use a saved profile (name or id; see nhcli profiles)."),
                u"name"_s)
    , m_file(u"file"_s,
             tr("set-credential: the credential's properties, as a JSON object or Name=value "
                "lines ('-' = standard input, the default)."),
             u"file"_s)
    , m_p8File(u"p8-file"_s, tr("set-credential apns: token mode from an APNs .p8 key file."),
               u"file"_s)
    , m_keyId(u"key-id"_s, tr("set-credential apns --p8-file: the key's ID (10 characters)."),
              u"id"_s)
    , m_teamId(u"team-id"_s, tr("set-credential apns --p8-file: the Apple team ID."), u"id"_s)
    , m_bundleId(u"bundle-id"_s, tr("set-credential apns --p8-file: the app's bundle ID."), u"id"_s)
    , m_p12File(u"p12-file"_s,
                tr("set-credential apns: certificate mode from a .p12 file; its password from "
                   "--password-file or standard input."),
                u"file"_s)
    , m_passwordFile(u"password-file"_s,
                     tr("set-credential apns --p12-file: the file holding the .p12's password "
                        "('-' = standard input, the default)."),
                     u"file"_s)
    , m_serviceAccount(u"service-account"_s,
                       tr("set-credential fcmv1: the Firebase service-account JSON file."),
                       u"file"_s)
    , m_endpoint(u"endpoint"_s, tr("set-credential apns: the APNs Endpoint to store."), u"url"_s)
    , m_environment(u"environment"_s,
                    tr("set-credential apns: production or sandbox (sets the Endpoint)."), u"env"_s)
{ }

HubCommand::~HubCommand() = default;

QString HubCommand::name() const
{
    return u"hub"_s;
}

QString HubCommand::summary() const
{
    return tr("Show, check or change the hub's PNS credentials and rules (needs Manage).");
}

QString HubCommand::description() const
{
    return tr("Works on the hub's own configuration (docs/protocol.md §14); every action needs "
              "a key with the Manage right.\n\n"
              "  show [--reveal]          credentials per platform, rules with their rights, TTL\n"
              "                           and daily figures; secrets redacted unless --reveal\n"
              "  list [--reveal]          the namespace's hubs\n"
              "  check                    what the configuration means for delivery\n"
              "                           (docs/hub-checks.md); exit 3 when a finding is a "
              "problem\n"
              "  set-credential PLATFORM  replace one platform's credential:\n"
              "      --file F | standard input   a JSON object or Name=value lines\n"
              "      apns --p8-file F --key-id K --team-id T --bundle-id B   token mode\n"
              "      apns --p12-file F [--password-file F]                   certificate mode\n"
              "      apns: --environment production|sandbox or --endpoint URL\n"
              "      fcmv1 --service-account F   a Firebase service-account JSON file\n"
              "  remove-credential PLATFORM\n\n"
              "PLATFORM is one of %1. Secrets are read from files or standard input only, never "
              "from the command line. Changes read the whole description and write it back "
              "with If-Match: * (the service resets what an update leaves out).")
        .arg(credentialCliNames());
}

QString HubCommand::syntax() const
{
    return u"show|list|check|set-credential|remove-credential [PLATFORM]"_s;
}

QList<QCommandLineOption> HubCommand::options() const
{
    return {m_reveal,   m_profile, m_file,         m_p8File,         m_keyId,    m_teamId,
            m_bundleId, m_p12File, m_passwordFile, m_serviceAccount, m_endpoint, m_environment};
}

void HubCommand::cancel()
{
    if (m_coverage)
        m_coverage->cancel();
    CliCommand::cancel();
}

void HubCommand::start(const QCommandLineParser &parser, const QStringList &arguments)
{
    m_action = arguments.value(0);
    static const QStringList actions {u"show"_s, u"list"_s, u"check"_s, u"set-credential"_s,
                                      u"remove-credential"_s};
    if (!actions.contains(m_action))
        return fail(ErrorCode::Usage,
                    m_action.isEmpty()
                        ? tr("hub needs an action: show, list, check, set-credential or "
                             "remove-credential.")
                        : tr("Unknown action '%1': use show, list, check, set-credential or "
                             "remove-credential.")
                              .arg(m_action));
    const bool changing = m_action == u"set-credential"_s || m_action == u"remove-credential"_s;
    const qsizetype expected = changing ? 2 : 1;
    if (arguments.size() > expected) {
        return fail(
            ErrorCode::Usage,
            changing
                // Not echoed: the extra argument may be a secret.
                ? tr("Too many arguments for hub %1. Secrets are never taken from the command "
                     "line: give the credential's properties in a file (--file) or on standard "
                     "input.")
                      .arg(m_action)
                : tr("Too many arguments for hub %1: '%2'.").arg(m_action, arguments.at(expected)));
    }
    if (changing) {
        if (arguments.size() < 2)
            return fail(ErrorCode::Usage,
                        tr("hub %1 needs a PLATFORM: %2.").arg(m_action, credentialCliNames()));
        const auto kind = credentialKindFromCliName(arguments.at(1));
        if (!kind)
            return fail(
                ErrorCode::Usage,
                tr("Unknown platform '%1': use %2.").arg(arguments.at(1), credentialCliNames()));
        m_kind = *kind;
    }
    const QList<QCommandLineOption> inputs {
        m_file,    m_p8File,       m_keyId,          m_teamId,   m_bundleId,
        m_p12File, m_passwordFile, m_serviceAccount, m_endpoint, m_environment};
    if (m_action != u"set-credential"_s) {
        for (const QCommandLineOption &o : inputs) {
            if (parser.isSet(o))
                return fail(ErrorCode::Usage,
                            tr("--%1 is for hub set-credential.").arg(o.names().constFirst()));
        }
    }
    if (parser.isSet(m_reveal) && m_action != u"show"_s && m_action != u"list"_s)
        return fail(ErrorCode::Usage, tr("--reveal is for hub show and hub list."));
    m_revealSecrets = parser.isSet(m_reveal);
    if (m_action == u"set-credential"_s && !readCredentialInput(parser))
        return;

    if (!parser.isSet(m_profile))
        return run();
    if (m_session.connection.connectionString)
        return fail(ErrorCode::Usage,
                    tr("Give either --profile or --connection-string, not both."));
    m_profiles = std::make_unique<CliProfiles>();
    m_profileName = parser.value(m_profile);
    connectWithProfile(m_session, *m_profiles, m_profileName, this,
                       [this](const Result<Profile> &p) {
                           if (!p)
                               return fail(p.error());
                           m_profileName = p->name;
                           run();
                       });
}

Result<QByteArray> HubCommand::readFile(const QString &path, const QString &option)
{
    auto bytes = m_session.readArgument(path == u"-"_s ? path : u'@' + path, option);
    if (!bytes)
        return bytes.error();
    return *bytes;
}

bool HubCommand::readCredentialInput(const QCommandLineParser &parser)
{
    const bool p8 = parser.isSet(m_p8File);
    const bool p12 = parser.isSet(m_p12File);
    const bool account = parser.isSet(m_serviceAccount);
    const bool file = parser.isSet(m_file);
    if (int(p8) + int(p12) + int(account) + int(file) > 1) {
        fail(ErrorCode::Usage,
             tr("Give the credential one way: --file, --p8-file, --p12-file "
                "or --service-account."));
        return false;
    }
    const bool apns = m_kind == PnsCredentialKind::Apns;
    if ((p8 || p12 || parser.isSet(m_endpoint) || parser.isSet(m_environment)) && !apns) {
        fail(ErrorCode::Usage,
             tr("--p8-file, --p12-file, --endpoint and --environment are for "
                "the apns credential."));
        return false;
    }
    if (account && m_kind != PnsCredentialKind::FcmV1) {
        fail(ErrorCode::Usage, tr("--service-account is for the fcmv1 credential."));
        return false;
    }
    if (!p8 && (parser.isSet(m_keyId) || parser.isSet(m_teamId) || parser.isSet(m_bundleId))) {
        fail(ErrorCode::Usage, tr("--key-id, --team-id and --bundle-id go with --p8-file."));
        return false;
    }
    if (!p12 && parser.isSet(m_passwordFile)) {
        fail(ErrorCode::Usage, tr("--password-file goes with --p12-file."));
        return false;
    }
    if (parser.isSet(m_endpoint) && parser.isSet(m_environment)) {
        fail(ErrorCode::Usage, tr("Give either --endpoint or --environment, not both."));
        return false;
    }
    if (parser.isSet(m_environment)) {
        const QString env = parser.value(m_environment).trimmed().toLower();
        if (env == u"production"_s)
            m_newEndpoint = kProductionEndpoint;
        else if (env == u"sandbox"_s || env == u"development"_s)
            m_newEndpoint = kSandboxEndpoint;
        else {
            fail(ErrorCode::Usage,
                 tr("--environment is production or sandbox, not '%1'.").arg(env));
            return false;
        }
    } else if (parser.isSet(m_endpoint)) {
        m_newEndpoint = parser.value(m_endpoint).trimmed();
    }

    const auto failInput = [this](const Error &e, const QString &what) {
        Error error = e;
        error.message = tr("%1: %2").arg(what, e.message);
        fail(error);
        return false;
    };
    if (p8) {
        if (!parser.isSet(m_keyId) || !parser.isSet(m_teamId) || !parser.isSet(m_bundleId)) {
            fail(ErrorCode::Usage, tr("--p8-file needs --key-id, --team-id and --bundle-id."));
            return false;
        }
        auto bytes = readFile(parser.value(m_p8File), u"--p8-file"_s);
        if (!bytes) {
            fail(bytes.error());
            return false;
        }
        auto properties = apnsTokenProperties(*bytes, parser.value(m_keyId).trimmed(),
                                              parser.value(m_teamId).trimmed(),
                                              parser.value(m_bundleId).trimmed());
        if (!properties)
            return failInput(properties.error(), u"--p8-file"_s);
        m_newProperties = *properties;
        return true;
    }
    if (p12) {
        const QString path = parser.value(m_p12File);
        const QString passwordPath =
            parser.isSet(m_passwordFile) ? parser.value(m_passwordFile) : u"-"_s;
        if (path == u"-"_s && passwordPath == u"-"_s) {
            fail(ErrorCode::Usage,
                 tr("The .p12 file and its password cannot both come from "
                    "standard input: give --password-file."));
            return false;
        }
        auto certificate = readFile(path, u"--p12-file"_s);
        if (!certificate) {
            fail(certificate.error());
            return false;
        }
        auto password = readFile(passwordPath, u"--password-file"_s);
        if (!password) {
            fail(password.error());
            return false;
        }
        QByteArray text = *password;
        // One line: the password without its line end.
        while (text.endsWith('\n') || text.endsWith('\r'))
            text.chop(1);
        m_newProperties = apnsCertificateProperties(*certificate, QString::fromUtf8(text));
        return true;
    }
    if (account) {
        auto bytes = readFile(parser.value(m_serviceAccount), u"--service-account"_s);
        if (!bytes) {
            fail(bytes.error());
            return false;
        }
        auto properties = fcmV1Properties(*bytes);
        if (!properties)
            return failInput(properties.error(), u"--service-account"_s);
        m_newProperties = *properties;
        return true;
    }
    const QString path = file ? parser.value(m_file) : u"-"_s;
    auto bytes = readFile(path, u"--file"_s);
    if (!bytes) {
        fail(bytes.error());
        return false;
    }
    auto properties = parseCredentialProperties(*bytes);
    if (!properties)
        return failInput(properties.error(), file ? u"--file"_s : tr("standard input"));
    m_newProperties = *properties;
    return true;
}

void HubCommand::run()
{
    auto client = m_session.client();
    if (!client)
        return fail(ErrorCode::Usage, client.error().message);
    m_client = *client;
    if (m_action == u"show"_s)
        return show();
    if (m_action == u"list"_s)
        return list();
    if (m_action == u"check"_s)
        return check();
    change();
}

void HubCommand::show()
{
    HubJob *job = m_client->getHub(m_client->connection().hub);
    track(job);
    connect(job, &HubJob::finished, this, [this](const Exchange &e) {
        if (!e.ok() || !e.hubDescription)
            return done(report(e, {}));
        if (m_session.json) {
            m_session.printJson(
                {{u"ok"_s, true},
                 {u"hub"_s, hubDescriptionToJson(*e.hubDescription, m_revealSecrets)}},
                0);
        } else {
            m_session.out() << hubDescriptionText(*e.hubDescription, m_revealSecrets,
                                                  m_session.renderer());
        }
        done(ExitCode::Ok);
    });
}

void HubCommand::list()
{
    HubListJob *job = m_client->listHubs();
    connect(job, &HubListJob::finished, this, [this, job] {
        if (!job->ok()) {
            if (job->exchanges().isEmpty())
                return fail(*job->error());
            return done(report(job->lastExchange(), {}));
        }
        if (m_session.json) {
            QJsonArray hubs;
            for (const HubListEntry &h : job->hubs()) {
                hubs.append(h.description ? hubDescriptionToJson(*h.description, m_revealSecrets)
                                          : QJsonObject {{u"name"_s, h.name}});
            }
            m_session.printJson({{u"ok"_s, true},
                                 {u"listForm"_s, job->usedFallback() ? u"B"_s : u"A"_s},
                                 {u"hubs"_s, hubs}},
                                0);
            return done(ExitCode::Ok);
        }
        QList<QStringList> rows;
        for (const HubListEntry &h : job->hubs()) {
            QStringList platforms;
            QStringList rules;
            if (h.description) {
                for (const PnsCredential &c : h.description->credentials)
                    platforms << credentialCliName(c.kind);
                for (const AuthorizationRule &r : h.description->authorizationRules)
                    rules << r.keyName;
            }
            rows.append({h.name, platforms.join(u", "_s), rules.join(u", "_s)});
        }
        if (rows.isEmpty())
            m_session.out() << tr("The namespace has no hubs.") << u'\n';
        else
            m_session.out() << m_session.renderer().table(
                {tr("Hub"), tr("Credentials"), tr("Rules")}, rows);
        done(ExitCode::Ok);
    });
}

void HubCommand::check()
{
    HubJob *job = m_client->getHub(m_client->connection().hub);
    track(job);
    connect(job, &HubJob::finished, this, [this](const Exchange &e) {
        if (!e.ok() || !e.hubDescription)
            return done(report(e, {}));
        m_checked = *e.hubDescription;
        // Coverage needs the hub's registrations; a listing that fails is a note, not a failure.
        m_coverage = new RegistrationCoverage(m_client, this);
        connect(m_coverage, &RegistrationCoverage::finished, this, [this] {
            m_counts = m_coverage->counts();
            m_registrationsNote = m_coverage->note();
            // The profile in use, then the saved profiles of the same hub.
            const HubConnection &c = m_client->connection();
            m_profileKeys.append({m_profileName.isEmpty() ? tr("this connection") : m_profileName,
                                  c.connectionString.keyName(), c.connectionString.key(),
                                  ProfileKey::Role::BackEnd});
            if (!m_profiles)
                m_profiles = std::make_unique<CliProfiles>();
            QList<Profile> pending;
            for (const Profile &p : m_profiles->store->profiles()) {
                if (p.needsKey() && p.name != m_profileName
                    && p.host.compare(c.connectionString.host(), Qt::CaseInsensitive) == 0
                    && p.hub == c.hub)
                    pending.append(p);
            }
            readProfileKeys(pending);
        });
        m_coverage->start();
    });
}

void HubCommand::readProfileKeys(QList<Profile> pending)
{
    if (pending.isEmpty())
        return finishCheck();
    const Profile p = pending.takeFirst();
    SecretJob *read = m_profiles->secrets->readKey(p.id, p.name);
    connect(read, &SecretJob::finished, this, [this, p, pending](const Result<QString> &key) {
        if (key)
            m_profileKeys.append({p.name, p.keyName, *key, ProfileKey::Role::BackEnd});
        else if (!m_session.json)
            m_session.err() << tr("note: the key of profile %1 could not be read: %2")
                                   .arg(p.name, key.error().message)
                            << u'\n';
        readProfileKeys(pending);
    });
}

void HubCommand::finishCheck()
{
    HubCheckContext context;
    context.registrations = m_counts;
    context.profiles = m_profileKeys;
    const QList<HubFinding> findings = checkHub(*m_checked, context);
    const HubCheckSeverity worst = worstSeverity(findings);
    const ExitCode code = worst == HubCheckSeverity::Problem ? ExitCode::Invalid : ExitCode::Ok;
    if (m_session.json) {
        QJsonArray list;
        for (const HubFinding &f : findings)
            list.append(hubFindingToJson(f));
        QJsonObject o {{u"ok"_s, code == ExitCode::Ok},
                       {u"hub"_s, m_checked->name},
                       {u"worst"_s, hubCheckSeverityName(worst)},
                       {u"findings"_s, list},
                       {u"coverageChecked"_s, m_counts.has_value()}};
        if (!m_registrationsNote.isEmpty())
            o.insert(u"note"_s, m_registrationsNote);
        m_session.printJson(o, int(code));
        return done(code);
    }
    m_session.out() << m_session.renderer().styled(tr("Hub %1").arg(m_checked->name), Tone::Heading)
                    << u'\n' << hubFindingsText(findings, m_session.renderer());
    if (!m_registrationsNote.isEmpty())
        m_session.err() << tr("note: %1").arg(m_registrationsNote) << u'\n';
    done(code);
}

bool HubCommand::applyChange(HubDescription &d)
{
    PnsCredential *current = d.credential(m_kind);
    if (m_action == u"remove-credential"_s) {
        d.credentials.removeIf([this](const PnsCredential &c) { return c.kind == m_kind; });
        return true;
    }
    PnsCredential next;
    next.kind = m_kind;
    next.properties = *m_newProperties;
    if (m_kind == PnsCredentialKind::Apns) {
        if (!m_newEndpoint.isEmpty())
            next.setProperty(u"Endpoint"_s, m_newEndpoint);
        else if (!next.property(u"Endpoint"))
            if (auto endpoint = current ? current->property(u"Endpoint") : std::nullopt)
                next.setProperty(u"Endpoint"_s, *endpoint);
        if (!next.property(u"Endpoint")) {
            fail(ErrorCode::MissingField,
                 tr("The APNs credential needs an Endpoint: give --environment production or "
                    "sandbox (or --endpoint URL)."));
            return false;
        }
    }
    if (current)
        *current = next;
    else
        d.credentials.append(next);
    return true;
}

void HubCommand::change()
{
    HubJob *job = m_client->getHub(m_client->connection().hub);
    track(job);
    connect(job, &HubJob::finished, this, [this](const Exchange &e) {
        if (!e.ok() || !e.hubDescription)
            return done(report(e, {}));
        HubDescription d = *e.hubDescription;
        if (d.name.isEmpty())
            d.name = m_client->connection().hub;
        std::optional<PnsCredential> before;
        if (const PnsCredential *c = d.credential(m_kind))
            before = *c;
        if (!applyChange(d))
            return;
        std::optional<PnsCredential> after;
        if (const PnsCredential *c = d.credential(m_kind))
            after = *c;
        const QList<CredentialChange> changes = credentialChanges(m_kind, before, after);
        const QString platform = credentialCliName(m_kind);
        if (changes.isEmpty() && before.has_value() == after.has_value()) {
            if (m_session.json)
                m_session.printJson({{u"ok"_s, true},
                                     {u"platform"_s, platform},
                                     {u"changed"_s, false},
                                     {u"changes"_s, QJsonArray()}},
                                    0);
            else
                m_session.out() << (before ? tr("Nothing to change: the hub's %1 credential is "
                                                "already as given.")
                                           : tr("The hub has no %1 credential: nothing to "
                                                "remove."))
                                       .arg(platform)
                                << u'\n';
            return done(ExitCode::Ok);
        }
        HubJob *put = m_client->updateHub(d);
        track(put);
        connect(put, &HubJob::finished, this, [this, changes, platform, after](const Exchange &p) {
            if (!p.ok())
                return done(report(p, {}));
            if (m_session.json) {
                m_session.printJson({{u"ok"_s, true},
                                     {u"platform"_s, platform},
                                     {u"changed"_s, true},
                                     {u"removed"_s, !after.has_value()},
                                     {u"changes"_s, credentialChangesToJson(changes)}},
                                    0);
            } else {
                m_session.out() << (after ? tr("Saved the hub's %1 credential:").arg(platform)
                                          : tr("Removed the hub's %1 credential:").arg(platform))
                                << u'\n' << credentialChangesText(changes);
            }
            done(ExitCode::Ok);
        });
    });
}

} // namespace Nh
