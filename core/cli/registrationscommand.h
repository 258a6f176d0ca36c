// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/clicommand.h"
#include "protocol/registration.h"

#include <optional>

namespace Nh {

class HubClient;
class RegistrationPager;

/**
 * `nhcli registrations list|get|create|update|delete`: the hub's registrations (docs/protocol.md
 * §7). list pages by continuation token (--all follows them), by tag or by channel; update
 * reads the registration, changes what the options say and writes it back with If-Match.
 */
class RegistrationsCommand final : public CliCommand
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RegistrationsCommand)

public:
    /** --all stops after this many pages, whatever the hub says. */
    static constexpr int kMaxPages = 1000;

    RegistrationsCommand(CliSession &session, QObject *parent);

    QString name() const override;
    QString summary() const override;
    QString description() const override;
    QString syntax() const override;
    QList<QCommandLineOption> options() const override;
    void start(const QCommandLineParser &parser, const QStringList &arguments) override;
    void cancel() override;

private:
    void list(const QCommandLineParser &parser);
    void fetchPage();
    void printList();
    void get(const QString &id);
    void create(const QCommandLineParser &parser, const QString &id);
    void update(const QCommandLineParser &parser, const QString &id);
    void remove(const QCommandLineParser &parser, const QString &id);
    /** Applies --platform/--handle/--tags/--body-template/… to `r`; false after fail(). */
    bool apply(const QCommandLineParser &parser, Registration &r, bool creating);
    /** The --etag value: 0 for '*', nullopt when not given; false after fail(). */
    bool etag(const QCommandLineParser &parser, std::optional<qint64> *into);
    void printRegistration(const Registration &r);

    QCommandLineOption m_tag;
    QCommandLineOption m_platform;
    QCommandLineOption m_handle;
    QCommandLineOption m_top;
    QCommandLineOption m_all;
    QCommandLineOption m_continuation;
    QCommandLineOption m_tags;
    QCommandLineOption m_bodyTemplate;
    QCommandLineOption m_templateName;
    QCommandLineOption m_p256dh;
    QCommandLineOption m_auth;
    QCommandLineOption m_etag;

    HubClient *m_client = nullptr;
    RegistrationPager *m_pager = nullptr;
    // list
    struct ListState
    {
        int top = 100;
        QString tag;
        QString filter;
        QString continuation;
        bool all = false;
        int pages = 0;
        QList<Registration> entries;
    } m_list;
};

} // namespace Nh
