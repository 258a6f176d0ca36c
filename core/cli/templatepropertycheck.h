// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "protocol/notification.h"
#include "protocol/platform.h"
#include "protocol/registration.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <optional>

namespace Nh {

class HubClient;
class RegistrationCollector;

/** What the property check found for one reached template registration. */
struct TemplatePropertyFinding
{
    QString registrationId;
    Platform platform = Platform::Apple;
    QString templateName;
    QStringList missing; ///< properties the template uses that the send does not have
    std::optional<Error> error; ///< the template does not parse (the hub would not have it)
};

/** The outcome of a TemplatePropertyCheck (docs/architecture.md, "nhcli and templates"). */
struct TemplatePropertyReport
{
    bool ok = false; ///< the registrations could be fetched
    QString failure; ///< why not (a sentence), when !ok
    int fetched = 0; ///< registrations looked at
    bool truncated = false; ///< the hub has more than were fetched
    int reached = 0; ///< template registrations the send reaches among them
    /// One entry per reached template registration that lacks a property or does not parse.
    QList<TemplatePropertyFinding> findings;
    /// Properties of the send that no reached template uses, in the send's order.
    QStringList unused;

    bool hasMissing() const;
    /** The report as warning lines for stderr (at most `maxLines` registration lines). */
    QList<Warning> warnings(int maxLines = 20) const;
    /** {checked, truncated, reached, registrations: [{registrationId, platform, templateName,
     *  missing, error?}], unusedProperties, error?} */
    QJsonObject toJson() const;
};

/**
 * Before a template send, `nhcli send` checks the template registrations the send reaches for
 * properties the send does not carry (rendered as empty text by the hub) and properties that no
 * template uses. Bounded: it fetches one page of registrations (kLimit; by tag when the target
 * is a single tag), evaluates the target locally (client/reach.h) and parses each reached
 * template (TemplateDocument). Asynchronous; finished() comes once per start().
 */
class TemplatePropertyCheck final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TemplatePropertyCheck)

public:
    /** Registrations fetched at most: the first page. */
    static constexpr int kLimit = 100;

    /** `client` must outlive the check. */
    TemplatePropertyCheck(HubClient *client, QObject *parent = nullptr);
    ~TemplatePropertyCheck() override;

    /** True for a template send to tags or to everyone whose body is a property bag. */
    static bool applies(const Notification &notification);
    /** The pure part: evaluates `registrations` (as fetched) for `notification`. */
    static TemplatePropertyReport evaluate(const QList<Registration> &registrations,
                                           const Notification &notification);

    void start(const Notification &notification);
    void cancel();
    const TemplatePropertyReport &report() const { return m_report; }

signals:
    void finished();

private:
    RegistrationCollector *m_collector;
    Notification m_notification;
    TemplatePropertyReport m_report;
};

} // namespace Nh
