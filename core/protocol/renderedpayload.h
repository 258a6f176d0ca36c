// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/platform.h"
#include "protocol/registration.h"
#include "protocol/templaterenderer.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace Nh {

/**
 * What one template registration received from a template send, as the console shows and the
 * history keeps it (issue #16): the body rendered locally with TemplateRenderer from the
 * registration's template and the properties sent, with the places to highlight (empty
 * substitutions, the linter's warnings mapped onto the rendered text) and the sentences beside
 * it. A value type: it is stored as JSON with the exchange, so a stored exchange shows what was
 * rendered then, whatever the registration holds now.
 */
struct RenderedPayload
{
    /** A span of `body` to highlight. */
    struct Mark
    {
        enum class Kind : quint8 {
            Empty, ///< a substitution rendered "" (a missing or empty property)
            Warning, ///< a linter warning's place, mapped onto the rendered body
            Invalid, ///< where the rendered payload fails the platform's validation
        };
        Kind kind = Kind::Empty;
        qsizetype offset = 0; ///< QChar units of `body`
        qsizetype length = 0;
        QString note; ///< one sentence: which property, what the warning says

        friend bool operator==(const Mark &, const Mark &) = default;
    };

    QString registrationId;
    QString templateName;
    Platform platform = Platform::Apple;
    /// The rendered body; empty when nothing could be rendered (see `problem`).
    QString body;
    QList<Mark> marks;
    /// Properties the template uses that the send did not carry.
    QStringList missingProperties;
    /// The linter's warnings, one sentence each (with the fix), body and headers alike.
    QStringList warnings;
    /// Why the platform would refuse the rendered payload; empty when it is valid.
    QString invalid;
    /// Why nothing was rendered (not a template registration, its template does not parse,
    /// it could not be fetched); empty when `body` holds the rendering.
    QString problem;

    bool isRendered() const { return problem.isEmpty(); }
    bool hasEmptySubstitutions() const;

    /**
     * Renders `registration`'s template for `properties`: the body, the empty substitutions and
     * the warnings' places (docs/architecture.md, "Templates"). A native registration or a
     * template that does not parse gives a payload with `problem` set.
     */
    static RenderedPayload render(const Registration &registration,
                                  const TemplatePropertyBag &properties);
    /** A payload that could not be rendered for `registrationId`, saying why. */
    static RenderedPayload unavailable(const QString &registrationId, const QString &why);

    /** A JSON array of payloads, for the history; fromJson() reads it back (unknown keys and
     *  malformed entries are skipped). */
    static QByteArray toJson(const QList<RenderedPayload> &payloads);
    static QList<RenderedPayload> fromJson(const QByteArray &json);

    friend bool operator==(const RenderedPayload &, const RenderedPayload &) = default;
};

struct TemplateFinding;

/** A linter finding as one line for people: its message, then its fix (if any). */
QString findingSentence(const TemplateFinding &finding);

/** Translation context of the sentences RenderedPayload writes. */
class RenderedPayloadText
{
    Q_DECLARE_TR_FUNCTIONS(Nh::RenderedPayload)
};

} // namespace Nh
