// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/httpheaders.h"
#include "protocol/platform.h"
#include "protocol/registration.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace Nh {

struct Installation;
class TemplatePropertyBag;
struct TemplateSource;

/**
 * What one template registration received in a template send, as the emulator's request log
 * shows it (docs/protocol.md §9.7 rule 26, §13.5): the rendered payload and what went wrong in it.
 */
struct EmulatorRender
{
    /** A rendered body longer than this is cut in the log (`truncated`). */
    static constexpr qsizetype kMaxLoggedBody = 8 * 1024;

    QString registrationId;
    Platform platform = Platform::Apple;
    QString templateName;
    /// The outcome text the registration got (notificationoutcome.h), as in the test send's body.
    QString outcome;
    QString body; ///< the rendered body, at most kMaxLoggedBody characters
    bool truncated = false; ///< `body` was cut
    HttpHeaders headers; ///< the rendered header templates
    QString expiry; ///< rendered APNs expiry; empty when none
    QString priority; ///< rendered APNs priority; empty when none
    QStringList missingProperties; ///< used by the template, absent from the send: rendered ""
    QStringList emptySubstitutions; ///< where an expression rendered "" (TemplateSlot::path)
    QStringList warnings; ///< the linter's and the payload check's warnings
    /// Why the platform would refuse the payload (its outcome is then "The Notification payload
    /// is invalid"); empty when the payload is valid.
    QString problem;

    QJsonObject toJson() const;
};

/**
 * The emulator's template handling (docs/protocol.md §13.5, §13.6): validation of a template
 * registration or installation template when it is written, and rendering in a template send.
 */
class EmulatorTemplates
{
    Q_DECLARE_TR_FUNCTIONS(Nh::EmulatorService)

public:
    /**
     * Why the service refuses `source` (a 400), or nullopt when it accepts it: a value that does
     * not parse gives the .NET SDK validator's own text (TemplateExpression::serviceErrorText()),
     * a body that is neither JSON nor XML the document's error, and the other linter errors
     * (XML for a JSON platform, an empty WNS/MPNS header, a name over 200 characters) their
     * message. Linter warnings are accepted.
     */
    static std::optional<QString> problem(const TemplateSource &source);
    /** problem() of a template registration; nullopt for a native one. */
    static std::optional<QString> registrationProblem(const Registration &registration);
    /** The first problem() of an installation's templates (secondary tiles' included), named. */
    static std::optional<QString> installationProblem(const Installation &installation);

    /**
     * Renders `registration`'s template with `properties` (TemplateRenderer). `problem` of the
     * result is set when the platform would refuse the payload (or the stored template does not
     * parse); the caller sets `outcome`. With `detailed` false only `problem` is filled (no
     * payload, no linting): for the registrations the log leaves out. `lint` false leaves the
     * warnings out of a detailed render (a delivery record needs the payload only).
     */
    static EmulatorRender render(const Registration &registration,
                                 const TemplatePropertyBag &properties, bool detailed,
                                 bool lint = true);
};

} // namespace Nh
