// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/profilescommand.h"

#include "cli/clijson.h"
#include "cli/clisession.h"
#include "store/profilestore.h"
#include "store/secretstore.h"
#include "store/settings.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMetaObject>
#include <QTextStream>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

CliProfiles::CliProfiles()
    : settings(Settings::openUserSettings())
    , secrets(std::make_unique<SecretStore>())
    , store(std::make_unique<ProfileStore>(settings.get(), secrets.get()))
{ }

CliProfiles::~CliProfiles()
{
    store.reset();
    secrets.reset();
    settings.reset();
}

void connectWithProfile(CliSession &session, CliProfiles &profiles, const QString &nameOrId,
                        QObject *context, std::function<void(const Result<Profile> &)> done)
{
    const auto later = [context, done](const Result<Profile> &r) {
        QMetaObject::invokeMethod(
            context, [done, r] { done(r); }, Qt::QueuedConnection);
    };
    const auto found = profiles.store->find(nameOrId);
    if (!found)
        return later(found.error());
    const Profile p = found.value();
    const int timeoutMs = session.connection.timeoutMs;
    if (p.isEmulator()) {
        // The emulator says where it runs; the profile names the hub.
        if (session.connection.hub.isEmpty())
            session.connection.hub = p.hub;
        auto c = session.hubConnection();
        if (!c) {
            // Where the emulator runs is local configuration that could not be read.
            return later(makeError(ErrorCode::Storage,
                                   CliSession::tr("Profile “%1” is the local emulator: %2")
                                       .arg(p.name, c.error().message)));
        }
        return later(p);
    }
    SecretJob *read = profiles.secrets->readKey(p.id, p.name);
    QObject::connect(read, &SecretJob::finished, context,
                     [&session, p, timeoutMs, done](const Result<QString> &key) {
                         if (!key) {
                             Error e = key.error();
                             e.message += u' '
                                 + CliSession::tr("Without a keychain, pass the connection with "
                                                  "NH_CONNECTION_STRING (or --connection-string "
                                                  "-) instead of --profile.");
                             done(e);
                             return;
                         }
                         HubConnection c = p.connection(key.value());
                         c.transferTimeoutMs = timeoutMs;
                         if (const Status ca = session.useConnection(c); !ca) {
                             done(ca.error());
                             return;
                         }
                         done(p);
                     });
}

namespace {

QJsonArray profilesJson(const ProfileStore &store, const QList<QUuid> &ids)
{
    // The export form, which has no field for a key.
    return QJsonDocument::fromJson(store.exportJson(ids)).object().value(u"profiles"_s).toArray();
}

QString endpointText(const Profile &p)
{
    if (p.isEmulator())
        return ProfilesCommand::tr("(running emulator)");
    return p.port > 0 ? p.host + u':' + QString::number(p.port) : p.host;
}

} // namespace

ProfilesCommand::ProfilesCommand(CliSession &session, QObject *parent)
    : CliCommand(session, parent)
    , m_label(u"label"_s, tr("add: a short label shown next to the name (PROD, staging)."),
              u"text"_s)
    , m_colour(u"colour"_s, tr("add: the colour of the profile, #rrggbb."), u"#rrggbb"_s)
    , m_production(u"production"_s,
                   tr("add: mark the hub as production (the GUI asks before "
                      "sending to it)."))
    , m_defaultFormat(u"format"_s, tr("add: the format the composer starts with."), u"format"_s)
    , m_defaultTags(u"tags"_s, tr("add: the tag expression the composer starts with."), u"expr"_s)
    , m_apiVersion(u"api-version"_s, tr("add: the API version (default 2020-06)."), u"version"_s)
    , m_withKeys(u"with-keys"_s,
                 tr("export: include the SAS keys from the keychain, in plain text."))
    , m_output(u"output"_s, tr("export: write to FILE instead of standard output."), u"file"_s)
{ }

ProfilesCommand::~ProfilesCommand() = default;

QString ProfilesCommand::name() const
{
    return u"profiles"_s;
}

QString ProfilesCommand::summary() const
{
    return tr("List, add, show, remove, import and export the saved connection profiles.");
}

QString ProfilesCommand::description() const
{
    return tr("The connection profiles the desktop console uses: their settings live in the "
              "user's configuration, their SAS keys only in the OS keychain.\n\n"
              "  list                 every profile\n"
              "  show NAME            one profile, and whether its key is in the keychain\n"
              "  add NAME             a profile from the hub connection: the connection string "
              "from --connection-string - (standard input), @FILE or NH_CONNECTION_STRING "
              "(+ NH_SAS_KEY), the hub from --hub, NH_HUB or its EntityPath\n"
              "  remove NAME          the profile and its keychain entry\n"
              "  import FILE|-        profiles from an export (names made unique)\n"
              "  export [NAME...]     all or the named profiles as JSON; without --with-keys "
              "the file holds no key\n\n"
              "Examples:\n"
              "  printf '%s\\n' \"$CS\" | nhcli profiles add Orders --hub orders "
              "--connection-string - --label PROD --production\n"
              "  nhcli profiles export --output profiles.json\n"
              "  nhcli send --profile Orders --format apple --tags sports");
}

QString ProfilesCommand::syntax() const
{
    return u"list|show|add|remove|import|export [NAME|FILE...]"_s;
}

QList<QCommandLineOption> ProfilesCommand::options() const
{
    return {m_label,       m_colour,     m_production, m_defaultFormat,
            m_defaultTags, m_apiVersion, m_withKeys,   m_output};
}

void ProfilesCommand::failWith(const Error &error, const QList<Warning> &warnings)
{
    if (m_session.json) {
        const ExitCode code = exitCodeFor(error.code);
        QJsonObject o {{u"ok"_s, false},
                       {u"error"_s,
                        QJsonObject {{u"kind"_s, exitCodeName(code)},
                                     {u"code"_s, errorCodeName(error.code)},
                                     {u"message"_s, error.message},
                                     {u"detail"_s, errorToJson(error)}}}};
        if (!warnings.isEmpty())
            o.insert(u"warnings"_s, warningsToJson(warnings));
        m_session.printJson(o, int(code));
        return done(code);
    }
    fail(error);
}

void ProfilesCommand::start(const QCommandLineParser &parser, const QStringList &arguments)
{
    const QString action = arguments.value(0);
    const QStringList rest = arguments.mid(1);
    const auto one = [&](const QString &what) -> std::optional<QString> {
        if (rest.size() != 1) {
            fail(ErrorCode::Usage, tr("profiles %1 takes one %2.").arg(action, what));
            return std::nullopt;
        }
        return rest.first();
    };
    if (action.isEmpty()) {
        return fail(ErrorCode::Usage,
                    tr("Name an action: profiles list|show|add|remove|import|"
                       "export. Run nhcli profiles --help for more."));
    }
    static const QStringList actions {u"list"_s,   u"show"_s,   u"add"_s,
                                      u"remove"_s, u"import"_s, u"export"_s};
    if (!actions.contains(action)) {
        return fail(
            ErrorCode::Usage,
            tr("Unknown action '%1'; use list, show, add, remove, import or export.").arg(action));
    }
    m_profiles = std::make_unique<CliProfiles>();
    if (action == u"list"_s) {
        if (!rest.isEmpty())
            return fail(ErrorCode::Usage, tr("profiles list takes no arguments."));
        return list();
    }
    if (action == u"export"_s)
        return exportProfiles(parser, rest);
    const auto arg =
        one(action == u"import"_s ? tr("file (or - for standard input)") : tr("profile name"));
    if (!arg)
        return;
    if (action == u"show"_s)
        return show(*arg);
    if (action == u"add"_s)
        return add(parser, *arg);
    if (action == u"remove"_s)
        return remove(*arg);
    return importFile(*arg);
}

void ProfilesCommand::list()
{
    const ProfileStore &store = *m_profiles->store;
    if (m_session.json) {
        m_session.printJson({{u"ok"_s, true}, {u"profiles"_s, profilesJson(store, {})}}, 0);
        return done(ExitCode::Ok);
    }
    const QStringList headers {tr("NAME"), tr("KIND"), tr("ENDPOINT"),
                               tr("HUB"),  tr("RULE"), tr("LABEL")};
    QList<QStringList> rows;
    for (const Profile &p : store.profiles()) {
        rows.append({p.name, profileKindName(p.kind), endpointText(p), p.hub, p.keyName,
                     p.label + (p.production ? u" (production)"_s : QString())});
    }
    QList<qsizetype> widths(headers.size(), 0);
    for (int c = 0; c < headers.size(); ++c) {
        widths[c] = headers.at(c).size();
        for (const QStringList &r : std::as_const(rows))
            widths[c] = std::max(widths[c], r.at(c).size());
    }
    const auto line = [&](const QStringList &cells) {
        QString text;
        for (int c = 0; c < cells.size(); ++c)
            text += c + 1 < cells.size() ? cells.at(c).leftJustified(widths[c] + 2) : cells.at(c);
        m_session.out() << text.trimmed() << u'\n';
    };
    line(headers);
    for (const QStringList &r : std::as_const(rows))
        line(r);
    done(ExitCode::Ok);
}

void ProfilesCommand::show(const QString &nameOrId)
{
    const auto found = m_profiles->store->find(nameOrId);
    if (!found)
        return failWith(found.error());
    const Profile p = found.value();
    const auto print = [this, p](const QString &keyState, const QString &keyText) {
        if (m_session.json) {
            QJsonObject o = profilesJson(*m_profiles->store, {p.id}).first().toObject();
            o.insert(u"builtIn"_s, p.id == kEmulatorProfileId);
            o.insert(u"keyStatus"_s, keyState);
            m_session.printJson({{u"ok"_s, true}, {u"profile"_s, o}}, 0);
            return done(ExitCode::Ok);
        }
        QTextStream &out = m_session.out();
        const auto row = [&out](const QString &label, const QString &value) {
            out << QString(label + u':').leftJustified(14) << value << u'\n';
        };
        row(tr("Name"), p.name);
        row(tr("Id"), p.id.toString(QUuid::WithoutBraces));
        row(tr("Kind"), profileKindName(p.kind));
        row(tr("Endpoint"), p.isEmulator() ? endpointText(p) : p.endpoint());
        row(tr("Hub"), p.hub);
        row(tr("SAS rule"), p.keyName);
        row(tr("API version"), p.apiVersion);
        row(tr("Timeout"), tr("%1 ms").arg(p.timeoutMs));
        if (p.defaultFormat)
            row(tr("Format"), formatWireName(*p.defaultFormat));
        if (!p.defaultTags.isEmpty())
            row(tr("Tags"), p.defaultTags);
        if (!p.label.isEmpty())
            row(tr("Label"), p.label);
        if (!p.colour.isEmpty())
            row(tr("Colour"), p.colour);
        row(tr("Production"), p.production ? tr("yes") : tr("no"));
        row(tr("Key"), keyText);
        done(ExitCode::Ok);
    };
    if (!p.needsKey())
        return print(u"none"_s, tr("none (the emulator gives its key)"));
    SecretJob *read = m_profiles->secrets->readKey(p.id, p.name);
    connect(read, &SecretJob::finished, this, [read, print](const Result<QString> &r) {
        if (r)
            return print(u"keychain"_s, tr("stored in the keychain"));
        if (read->issue() == KeychainIssue::NotFound)
            return print(u"missing"_s, tr("not stored; add the profile again to store it"));
        print(u"unavailable"_s, r.error().message);
    });
}

void ProfilesCommand::add(const QCommandLineParser &parser, const QString &name)
{
    if (!m_session.hasConnection()) {
        return fail(ErrorCode::Usage,
                    tr("profiles add needs the hub connection: --connection-string - with the "
                       "string on standard input, --connection-string @FILE, or "
                       "NH_CONNECTION_STRING; and --hub NAME unless the string has an "
                       "EntityPath."));
    }
    auto connection = m_session.hubConnection();
    if (!connection)
        return fail(ErrorCode::Usage, connection.error().message);
    m_session.printWarnings(connection.warnings());
    auto draft = ProfileStore::fromConnectionString(connection->connectionString.toString(),
                                                    connection->hub, name);
    if (!draft)
        return failWith(draft.error());
    Profile p = draft->profile;
    p.label = parser.value(m_label).trimmed();
    p.colour = parser.value(m_colour).trimmed().toLower();
    p.production = parser.isSet(m_production);
    p.defaultTags = parser.value(m_defaultTags).trimmed();
    if (parser.isSet(m_apiVersion))
        p.apiVersion = parser.value(m_apiVersion).trimmed();
    if (parser.isSet(m_defaultFormat)) {
        p.defaultFormat = formatFromWireName(parser.value(m_defaultFormat).trimmed());
        if (!p.defaultFormat) {
            return fail(ErrorCode::Usage,
                        tr("Unknown --format '%1'.").arg(parser.value(m_defaultFormat)));
        }
    }
    if (const Status valid = p.validate(); !valid)
        return failWith(valid.error());
    ProfileJob *job = m_profiles->store->create(p, draft->key);
    connect(job, &ProfileJob::finished, this, [this, p](const Status &s) {
        if (!s)
            return failWith(s.error()); // a taken name is input refused, the keychain is not
        if (m_session.json) {
            QJsonObject o {{u"ok"_s, true},
                           {u"profile"_s, profilesJson(*m_profiles->store, {p.id}).first()}};
            if (!s.warnings().isEmpty())
                o.insert(u"warnings"_s, warningsToJson(s.warnings()));
            m_session.printJson(o, 0);
            return done(ExitCode::Ok);
        }
        m_session.printWarnings(s.warnings());
        m_session.out() << tr("Added profile “%1” (%2, hub %3); its key is in the keychain.")
                               .arg(p.name, p.endpoint(), p.hub)
                        << u'\n';
        done(ExitCode::Ok);
    });
}

void ProfilesCommand::remove(const QString &nameOrId)
{
    const auto found = m_profiles->store->find(nameOrId);
    if (!found)
        return failWith(found.error());
    const Profile p = found.value();
    ProfileJob *job = m_profiles->store->remove(p.id);
    connect(job, &ProfileJob::finished, this, [this, p](const Status &s) {
        if (!s) {
            return failWith(s.error()); // the built-in profile is refused as input
        }
        if (m_session.json) {
            QJsonObject o {{u"ok"_s, true},
                           {u"removed"_s, p.id.toString(QUuid::WithoutBraces)},
                           {u"name"_s, p.name}};
            if (!s.warnings().isEmpty())
                o.insert(u"warnings"_s, warningsToJson(s.warnings()));
            m_session.printJson(o, 0);
            return done(ExitCode::Ok);
        }
        m_session.printWarnings(s.warnings());
        m_session.out() << tr("Removed profile “%1” and its key.").arg(p.name) << u'\n';
        done(ExitCode::Ok);
    });
}

void ProfilesCommand::importFile(const QString &path)
{
    auto bytes =
        m_session.readArgument(path == u"-"_s ? path : u"@"_s + path, tr("profiles import"));
    if (!bytes)
        return fail(ErrorCode::Storage, bytes.error().message);
    ProfileJob *job = m_profiles->store->importProfiles(*bytes);
    connect(job, &ProfileJob::finished, this, [this, job](const Status &s) {
        if (!s) {
            // A file that is refused as a whole adds nothing; a key that could not be stored
            // leaves the profiles imported without it.
            return failWith(s.error(), s.warnings());
        }
        const QList<QUuid> ids = job->profileIds();
        if (m_session.json) {
            QJsonObject o {{u"ok"_s, true}, {u"imported"_s, profilesJson(*m_profiles->store, ids)}};
            if (!s.warnings().isEmpty())
                o.insert(u"warnings"_s, warningsToJson(s.warnings()));
            m_session.printJson(o, 0);
            return done(ExitCode::Ok);
        }
        m_session.printWarnings(s.warnings());
        QStringList names;
        for (const QUuid &id : ids)
            names << u"“"_s + m_profiles->store->profile(id)->name + u"”"_s;
        m_session.out()
            << tr("Imported %n profile(s): %1.", nullptr, int(ids.size())).arg(names.join(u", "_s))
            << u'\n';
        done(ExitCode::Ok);
    });
}

void ProfilesCommand::exportProfiles(const QCommandLineParser &parser, const QStringList &names)
{
    QList<QUuid> ids;
    for (const QString &n : names) {
        const auto found = m_profiles->store->find(n);
        if (!found)
            return failWith(found.error());
        ids.append(found->id);
    }
    const bool withKeys = parser.isSet(m_withKeys);
    const QString output = parser.value(m_output);
    ProfileJob *job = m_profiles->store->exportProfiles(
        ids, withKeys ? ProfileStore::KeyExport::With : ProfileStore::KeyExport::Without);
    job->setAutoDelete(false);
    connect(job, &ProfileJob::finished, this, [this, job, output](const Status &s) {
        job->deleteLater();
        if (!s)
            return failWith(s.error());
        const QByteArray data = job->data();
        const bool containsKeys =
            QJsonDocument::fromJson(data).object().value(u"containsKeys"_s).toBool();
        if (output.isEmpty() || output == u"-"_s) {
            m_session.printWarnings(s.warnings());
            m_session.out() << QString::fromUtf8(data);
            m_session.out().flush();
            return done(ExitCode::Ok);
        }
        QFile file(output);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            return fail(ErrorCode::Storage,
                        tr("The file %1 cannot be written: %2.").arg(output, file.errorString()));
        }
        // A file with keys is for its owner only.
        if (containsKeys)
            file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        if (file.write(data) != data.size() || !file.flush()) {
            return fail(ErrorCode::Storage,
                        tr("The file %1 could not be written completely: %2.")
                            .arg(output, file.errorString()));
        }
        file.close();
        const int count = int(job->profileIds().size());
        if (m_session.json) {
            QJsonObject o {{u"ok"_s, true},
                           {u"file"_s, output},
                           {u"profiles"_s, count},
                           {u"containsKeys"_s, containsKeys}};
            if (!s.warnings().isEmpty())
                o.insert(u"warnings"_s, warningsToJson(s.warnings()));
            m_session.printJson(o, 0);
            return done(ExitCode::Ok);
        }
        m_session.printWarnings(s.warnings());
        m_session.out() << (containsKeys
                                ? tr("Exported %n profile(s) to %1, WITH their keys in plain text.",
                                     nullptr, count)
                                : tr("Exported %n profile(s) to %1, without keys.", nullptr, count))
                               .arg(output)
                        << u'\n';
        done(ExitCode::Ok);
    });
}

} // namespace Nh
