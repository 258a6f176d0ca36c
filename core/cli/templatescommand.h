// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/clicommand.h"
#include "protocol/notification.h"
#include "protocol/templatedocument.h"

#include <memory>

namespace Nh {

class HubClient;
struct CliProfiles;

/**
 * `nhcli templates lint|render` (issue #16): what the linter says about a template and what a
 * property bag renders it into, for a template registration on the hub (--registration ID) or
 * a local file (--template-file F: a bare body, or a registration description as
 * `registrations get` shows it). Pure local work once the template is known; docs/protocol.md
 * §13 has the language.
 */
class TemplatesCommand final : public CliCommand
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TemplatesCommand)

public:
    TemplatesCommand(CliSession &session, QObject *parent);
    ~TemplatesCommand() override;

    QString name() const override;
    QString summary() const override;
    QString description() const override;
    QString syntax() const override;
    QList<QCommandLineOption> options() const override;
    void start(const QCommandLineParser &parser, const QStringList &arguments) override;

    /**
     * The platform a template file's body is for, from its shape: XML → WNS, a JSON object with
     * `aps` → APNs, with `message` → FCM v1; nullopt when the shape does not tell.
     */
    static std::optional<Platform> platformFromShape(const QString &body);

private:
    /** Where the template came from, for the heading and --json. */
    struct Origin
    {
        QString registrationId;
        QString file;
        bool platformGuessed = false;
    };

    bool readProperties(const QCommandLineParser &parser);
    void fromRegistration(const QString &id);
    void fromFile(const QCommandLineParser &parser);
    void proceed(const TemplateSource &source, const Origin &origin);
    void lint(const TemplateSource &source, const Origin &origin);
    void render(const TemplateSource &source, const Origin &origin);
    QJsonObject originToJson(const TemplateSource &source, const Origin &origin) const;
    QString heading(const TemplateSource &source, const Origin &origin) const;

    QCommandLineOption m_registration;
    QCommandLineOption m_templateFile;
    QCommandLineOption m_platform;
    QCommandLineOption m_header;
    QCommandLineOption m_property;
    QCommandLineOption m_propertiesFile;
    QCommandLineOption m_strict;
    QCommandLineOption m_profile;

    QString m_action;
    bool m_strictMode = false;
    TemplateProperties m_properties;
    std::unique_ptr<CliProfiles> m_profiles;
};

} // namespace Nh
