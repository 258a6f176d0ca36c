// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/templatescommand.h"

#include "cli/clijson.h"
#include "cli/clisession.h"
#include "cli/profilescommand.h"
#include "cli/templatetext.h"
#include "client/hubclient.h"
#include "protocol/payloads/templatepayload.h"
#include "protocol/registrationfeed.h"
#include "protocol/templatelinter.h"
#include "protocol/templaterenderer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTextStream>
#include <QXmlStreamReader>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

/** The first error of `lint` as one located sentence: "BodyTemplate 1:5 (offset 4): …". */
QString firstErrorText(const TemplateLint &lint, const TemplateSource &source)
{
    for (const TemplateFinding &f : lint.findings) {
        if (f.severity != TemplateFinding::Severity::Error)
            continue;
        QString where = templateFieldLabel(f.field, f.header);
        if (f.offset >= 0) {
            const TextPosition p =
                textPositionAt(templateFieldText(source, f.field, f.header), f.offset);
            where += u' '
                + TemplatesCommand::tr("%1:%2 (offset %3)")
                      .arg(p.line)
                      .arg(p.column)
                      .arg(qint64(f.offset));
        }
        return where + u": "_s + f.message;
    }
    return {};
}

ErrorCode firstErrorCode(const TemplateLint &lint)
{
    for (const TemplateFinding &f : lint.findings) {
        if (f.severity == TemplateFinding::Severity::Error)
            return f.code != ErrorCode::None ? f.code : ErrorCode::Syntax;
    }
    return ErrorCode::None;
}

/** True when an XML text is a registration description (an Atom entry or
 *  `*RegistrationDescription`), not a WNS/MPNS body. */
bool isRegistrationXml(const QString &text)
{
    QXmlStreamReader xml(text);
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement) {
            const QStringView name = xml.name();
            return name == u"entry"_s || name.endsWith(u"RegistrationDescription"_s);
        }
    }
    return false;
}

} // namespace

TemplatesCommand::TemplatesCommand(CliSession &session, QObject *parent)
    : CliCommand(session, parent)
    , m_registration(u"registration"_s, tr("The template registration on the hub with this ID."),
                     u"id"_s)
    , m_templateFile(u"template-file"_s,
                     tr("A template from a file ('-' = standard input): a bare body (JSON or "
                        "XML), or a registration description as the hub writes it."),
                     u"file"_s)
    , m_platform(u"platform"_s,
                 tr("--template-file: the platform of the body (%1). Default: from its shape "
                    "(XML: wns, 'aps': apns, 'message': fcmv1).")
                     .arg(platformCliNames()),
                 u"platform"_s)
    , m_header(u"header"_s,
               tr("--template-file: a template header NAME:VALUE (repeatable), e.g. "
                  "X-WNS-Type:wns/toast."),
               u"name:value"_s)
    , m_property(u"property"_s,
                 tr("render: a property NAME=VALUE (repeatable; wins over --properties-file)."),
                 u"name=value"_s)
    , m_propertiesFile(u"properties-file"_s,
                       tr("render: the properties as a flat JSON object of strings, as a "
                          "template send's body ('-' = standard input)."),
                       u"file"_s)
    , m_strict(u"strict"_s,
               tr("lint: warnings fail too (exit 3). render: a property the template uses but "
                  "the bag lacks fails (exit 3)."))
    , m_profile(u"profile"_s,
                tr("--registration: read it with a saved profile (name or id; see nhcli "
                   "profiles)."),
                u"name"_s)
{ }

TemplatesCommand::~TemplatesCommand() = default;

QString TemplatesCommand::name() const
{
    return u"templates"_s;
}

QString TemplatesCommand::summary() const
{
    return tr("Lint a template, or render it for a set of properties.");
}

QString TemplatesCommand::description() const
{
    return tr("Shows what a template registration really receives (docs/protocol.md §13).\n\n"
              "  lint (--registration ID | --template-file F) [--platform P] [--strict]\n"
              "      every finding with its position (line:column and offset), severity,\n"
              "      message and a one-line fix; exit 3 when the hub would refuse the template\n"
              "      (with --strict: also on warnings)\n"
              "  render (--registration ID | --template-file F) [--property NAME=VALUE ...]\n"
              "         [--properties-file JSON] [--strict]\n"
              "      the rendered body and headers, every substitution (empty and missing ones\n"
              "      marked), the missing and the unused properties and whether the platform\n"
              "      accepts the payload; exit 3 when it does not (the hub's \"The Notification\n"
              "      payload is invalid\") or the template does not parse\n\n"
              "A --template-file holds a bare body, whose platform comes from --platform or from "
              "its shape, or a registration description (an Atom entry or a "
              "*TemplateRegistrationDescription), which names its platform and headers.\n\n"
              "Examples:\n"
              "  nhcli templates lint --template-file toast.xml --header X-WNS-Type:wns/toast\n"
              "  nhcli templates render --registration 8133-… --property name=Alice\n"
              "  nhcli templates render --template-file aps.json --properties-file props.json "
              "--json");
}

QString TemplatesCommand::syntax() const
{
    return u"lint|render"_s;
}

QList<QCommandLineOption> TemplatesCommand::options() const
{
    return {m_registration, m_templateFile,   m_platform, m_header,
            m_property,     m_propertiesFile, m_strict,   m_profile};
}

void TemplatesCommand::start(const QCommandLineParser &parser, const QStringList &arguments)
{
    m_action = arguments.value(0);
    if (m_action.isEmpty())
        return fail(ErrorCode::Usage, tr("templates needs an action: lint or render."));
    if (m_action != u"lint"_s && m_action != u"render"_s)
        return fail(ErrorCode::Usage, tr("Unknown action '%1': use lint or render.").arg(m_action));
    if (arguments.size() > 1)
        return fail(
            ErrorCode::Usage,
            tr("Too many arguments for templates %1: '%2'.").arg(m_action, arguments.at(1)));
    if (parser.isSet(m_registration) == parser.isSet(m_templateFile))
        return fail(ErrorCode::Usage,
                    tr("Name the template: --registration ID or --template-file FILE (one of "
                       "them)."));
    if (m_action == u"lint"_s && (parser.isSet(m_property) || parser.isSet(m_propertiesFile)))
        return fail(ErrorCode::Usage,
                    tr("--property and --properties-file are for templates render; lint needs "
                       "no properties."));
    if (parser.isSet(m_registration) && (parser.isSet(m_platform) || parser.isSet(m_header)))
        return fail(ErrorCode::Usage,
                    tr("--platform and --header are for --template-file; a registration names "
                       "its own."));
    if (parser.isSet(m_profile) && !parser.isSet(m_registration))
        return fail(ErrorCode::Usage, tr("--profile only applies with --registration."));
    m_strictMode = parser.isSet(m_strict);

    if (parser.isSet(m_templateFile)) {
        // Properties first: a '-' file argument reads stdin, and only one of them can.
        if (!readProperties(parser))
            return;
        return fromFile(parser);
    }
    const QString id = parser.value(m_registration).trimmed();
    if (id.isEmpty())
        return fail(ErrorCode::Usage, tr("--registration needs a registration ID."));
    if (!parser.isSet(m_profile)) {
        if (!readProperties(parser))
            return;
        return fromRegistration(id);
    }
    if (m_session.connection.connectionString)
        return fail(ErrorCode::Usage,
                    tr("Give either --profile or --connection-string, not both."));
    m_profiles = std::make_unique<CliProfiles>();
    connectWithProfile(m_session, *m_profiles, parser.value(m_profile), this,
                       [this, &parser, id](const Result<Profile> &p) {
                           if (!p)
                               return fail(p.error());
                           if (!readProperties(parser))
                               return;
                           fromRegistration(id);
                       });
}

bool TemplatesCommand::readProperties(const QCommandLineParser &parser)
{
    if (parser.isSet(m_propertiesFile)) {
        const QString path = parser.value(m_propertiesFile);
        if (path == u"-"_s && parser.value(m_templateFile) == u"-"_s) {
            fail(ErrorCode::Usage,
                 tr("--template-file and --properties-file cannot both read standard input."));
            return false;
        }
        auto bytes =
            m_session.readArgument(path == u"-"_s ? path : u'@' + path, u"--properties-file"_s);
        if (!bytes) {
            fail(bytes.error());
            return false;
        }
        auto properties = TemplatePayload::propertiesFromBody(*bytes);
        if (!properties) {
            fail(properties.error().code,
                 tr("--properties-file %1: %2").arg(path, properties.error().message));
            return false;
        }
        m_properties = *properties;
    }
    const QStringList pairs = parser.values(m_property);
    for (const QString &pair : pairs) {
        const qsizetype eq = pair.indexOf(u'=');
        if (eq <= 0 || pair.left(eq).trimmed().isEmpty()) {
            fail(ErrorCode::Usage, tr("--property expects NAME=VALUE, not '%1'.").arg(pair));
            return false;
        }
        const QString name = pair.left(eq).trimmed();
        // The command line wins over the file: replace any spelling of the same name.
        m_properties.removeIf([&](const QPair<QString, QString> &p) {
            return templatePropertyKey(p.first) == templatePropertyKey(name);
        });
        m_properties.append({name, pair.mid(eq + 1)});
    }
    return true;
}

std::optional<Platform> TemplatesCommand::platformFromShape(const QString &body)
{
    const QString trimmed = body.trimmed();
    if (trimmed.startsWith(u'<'))
        return Platform::Windows;
    if (!trimmed.startsWith(u'{'))
        return std::nullopt;
    const QJsonDocument doc = QJsonDocument::fromJson(trimmed.toUtf8());
    if (doc.isObject()) {
        const QJsonObject o = doc.object();
        if (o.contains(u"aps"_s))
            return Platform::Apple;
        if (o.contains(u"message"_s))
            return Platform::FcmV1;
        return std::nullopt;
    }
    // Malformed JSON (the linter locates it): the keys as written still tell.
    if (trimmed.contains(u"\"aps\""_s))
        return Platform::Apple;
    if (trimmed.contains(u"\"message\""_s))
        return Platform::FcmV1;
    return std::nullopt;
}

void TemplatesCommand::fromFile(const QCommandLineParser &parser)
{
    const QString path = parser.value(m_templateFile);
    auto bytes = m_session.readArgument(path == u"-"_s ? path : u'@' + path, u"--template-file"_s);
    if (!bytes)
        return fail(bytes.error());
    const QString text = QString::fromUtf8(*bytes);
    if (text.trimmed().isEmpty())
        return fail(ErrorCode::Empty, tr("--template-file %1 is empty.").arg(path));

    Origin origin;
    origin.file = path;
    TemplateSource source;
    if (text.trimmed().startsWith(u'<') && isRegistrationXml(text)) {
        if (parser.isSet(m_platform) || parser.isSet(m_header))
            return fail(ErrorCode::Usage,
                        tr("%1 is a registration description, which names its platform and "
                           "headers: leave out --platform and --header.")
                            .arg(path));
        auto registration = parseRegistrationEntry(*bytes);
        if (!registration)
            return fail(registration.error().code,
                        tr("--template-file %1: %2").arg(path, registration.error().message));
        if (!registration->isTemplate)
            return fail(ErrorCode::InvalidValue,
                        tr("%1 describes a native %2 registration, which has no template.")
                            .arg(path, platformDisplayName(registration->platform)));
        source = TemplateSource::fromRegistration(*registration);
        origin.registrationId = registration->registrationId;
        return proceed(source, origin);
    }

    source.body = text;
    if (parser.isSet(m_platform)) {
        const auto platform = platformFromCliName(parser.value(m_platform));
        if (!platform)
            return fail(ErrorCode::Usage,
                        tr("Unknown --platform '%1'; use one of: %2.")
                            .arg(parser.value(m_platform), platformCliNames()));
        source.platform = *platform;
    } else if (const auto guessed = platformFromShape(text)) {
        source.platform = *guessed;
        origin.platformGuessed = true;
    } else {
        return fail(ErrorCode::Usage,
                    tr("The shape of %1 does not tell its platform (no 'aps', no 'message', not "
                       "XML): give --platform (%2).")
                        .arg(path, platformCliNames()));
    }
    const QStringList headers = parser.values(m_header);
    for (const QString &header : headers) {
        const qsizetype colon = header.indexOf(u':');
        if (colon <= 0)
            return fail(ErrorCode::Usage, tr("--header expects NAME:VALUE, not '%1'.").arg(header));
        source.headers.append({header.left(colon).trimmed(), header.mid(colon + 1).trimmed()});
    }
    proceed(source, origin);
}

void TemplatesCommand::fromRegistration(const QString &id)
{
    auto client = m_session.client();
    if (!client)
        return fail(ErrorCode::Usage, client.error().message);
    HubJob *job = (*client)->getRegistration(id);
    track(job);
    connect(job, &HubJob::finished, this, [this, id](const Exchange &e) {
        if (e.status == 404)
            return fail(ErrorCode::HubRejected,
                        tr("The hub has no registration '%1' (404 Not Found).").arg(id));
        if (!e.ok() || !e.registration)
            return done(report(e, {}));
        const Registration &r = *e.registration;
        if (!r.isTemplate)
            return fail(ErrorCode::InvalidValue,
                        tr("Registration %1 is a native %2 registration, which has no template.")
                            .arg(id, platformDisplayName(r.platform)));
        Origin origin;
        origin.registrationId = r.registrationId.isEmpty() ? id : r.registrationId;
        proceed(TemplateSource::fromRegistration(r), origin);
    });
}

void TemplatesCommand::proceed(const TemplateSource &source, const Origin &origin)
{
    if (m_action == u"lint"_s)
        lint(source, origin);
    else
        render(source, origin);
}

QJsonObject TemplatesCommand::originToJson(const TemplateSource &source, const Origin &origin) const
{
    QJsonObject o = templateSourceToJson(source);
    if (!origin.registrationId.isEmpty())
        o.insert(u"registrationId"_s, origin.registrationId);
    if (!origin.file.isEmpty())
        o.insert(u"file"_s, origin.file);
    o.insert(u"platformFromShape"_s, origin.platformGuessed);
    return o;
}

QString TemplatesCommand::heading(const TemplateSource &source, const Origin &origin) const
{
    const QString platform = platformDisplayName(source.platform);
    QString what;
    if (!origin.file.isEmpty() && !origin.registrationId.isEmpty())
        what = tr("Template of registration %1 in %2 (%3)")
                   .arg(origin.registrationId, origin.file, platform);
    else if (!origin.file.isEmpty())
        what = origin.platformGuessed
            ? tr("Template %1 (%2, from the body's shape; --platform to change)")
                  .arg(origin.file, platform)
            : tr("Template %1 (%2)").arg(origin.file, platform);
    else
        what = tr("Template of registration %1 (%2)").arg(origin.registrationId, platform);
    if (!source.name.isEmpty())
        what += u' ' + tr("named '%1'").arg(source.name);
    return m_session.renderer().styled(what, Tone::Heading) + u'\n';
}

void TemplatesCommand::lint(const TemplateSource &source, const Origin &origin)
{
    const TemplateLint result = TemplateLinter::lint(source);
    const bool errors = result.hasErrors();
    const bool warnings = !result.ofSeverity(TemplateFinding::Severity::Warning).isEmpty();
    const int code = errors          ? int(exitCodeFor(firstErrorCode(result)))
        : (m_strictMode && warnings) ? int(exitCodeFor(ErrorCode::InvalidValue))
                                     : int(ExitCode::Ok);
    if (m_session.json) {
        QJsonObject o {{u"ok"_s, code == 0},
                       {u"template"_s, originToJson(source, origin)},
                       {u"lint"_s, templateLintToJson(result, source)}};
        if (errors)
            o.insert(u"error"_s,
                     QJsonObject {{u"kind"_s, exitCodeName(ExitCode(code))},
                                  {u"code"_s, errorCodeName(firstErrorCode(result))},
                                  {u"message"_s, firstErrorText(result, source)}});
        m_session.printJson(o, code);
        return done(code);
    }
    QTextStream &out = m_session.out();
    out << heading(source, origin);
    out << templateLintText(result, source, m_session.renderer());
    if (m_strictMode && warnings && !errors)
        m_session.err() << m_session.renderer().styled(tr("error:"), Tone::Bad) << u' '
                        << tr("--strict: the template has warnings.") << u'\n';
    done(code);
}

void TemplatesCommand::render(const TemplateSource &source, const Origin &origin)
{
    const TemplateLint lintResult = TemplateLinter::lint(source);
    if (lintResult.hasErrors()) {
        // Nothing to render: say where the template breaks, as lint does.
        const ErrorCode code = firstErrorCode(lintResult);
        const QString message =
            tr("The template cannot be rendered: %1").arg(firstErrorText(lintResult, source));
        if (m_session.json) {
            QJsonObject o {{u"ok"_s, false},
                           {u"template"_s, originToJson(source, origin)},
                           {u"lint"_s, templateLintToJson(lintResult, source)},
                           {u"error"_s,
                            QJsonObject {{u"kind"_s, exitCodeName(exitCodeFor(code))},
                                         {u"code"_s, errorCodeName(code)},
                                         {u"message"_s, message}}}};
            m_session.printJson(o, int(exitCodeFor(code)));
            return done(exitCodeFor(code));
        }
        m_session.err() << heading(source, origin)
                        << templateLintText(lintResult, source, m_session.renderer());
        return fail(code, message);
    }
    const auto document = TemplateDocument::parse(source);
    const TemplatePropertyBag bag(m_properties);
    auto rendered = document ? TemplateRenderer::render(*document, bag)
                             : Result<RenderedTemplate>(document.error());
    if (!rendered)
        return fail(rendered.error().code,
                    tr("The template cannot be rendered: %1").arg(rendered.error().message));

    QSet<QString> used;
    for (const QString &p : document->properties())
        used.insert(templatePropertyKey(p));
    QStringList unused;
    for (const auto &[name, value] : m_properties) {
        if (!used.contains(templatePropertyKey(name)))
            unused << name;
    }

    const RenderedTemplate &r = *rendered;
    const int code = !r.validation ? int(exitCodeFor(r.validation.error().code))
        : (m_strictMode && !r.missingProperties.isEmpty())
        ? int(exitCodeFor(ErrorCode::MissingField))
        : int(ExitCode::Ok);
    if (m_session.json) {
        QJsonObject properties;
        for (const auto &[name, value] : m_properties)
            properties.insert(name, value);
        QJsonObject o {{u"ok"_s, code == 0},
                       {u"template"_s, originToJson(source, origin)},
                       {u"properties"_s, properties},
                       {u"rendered"_s, renderedTemplateToJson(r, source)},
                       {u"unusedProperties"_s, QJsonArray::fromStringList(unused)},
                       {u"lint"_s, templateLintToJson(lintResult, source)}};
        m_session.printJson(o, code);
        return done(code);
    }
    const TextRenderer renderer = m_session.renderer();
    QTextStream &out = m_session.out();
    out << heading(source, origin);
    out << renderedTemplateText(r, source, renderer);
    if (!unused.isEmpty())
        out << renderer.styled(tr("Not used by this template: %1").arg(unused.join(u", "_s)),
                               Tone::Warn)
            << u'\n';
    const auto warnings = lintResult.ofSeverity(TemplateFinding::Severity::Warning).size();
    if (warnings > 0)
        out << renderer.styled(tr("The linter has %n warning(s) about this template: nhcli "
                                  "templates lint shows them.",
                                  nullptr, int(warnings)),
                               Tone::Warn)
            << u'\n';
    if (code != 0 && r.validation)
        m_session.err() << renderer.styled(tr("error:"), Tone::Bad) << u' '
                        << tr("--strict: the template uses properties that were not given: %1.")
                               .arg(r.missingProperties.join(u", "_s))
                        << u'\n';
    done(code);
}

} // namespace Nh
