// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/notificationoutcome.h"

#include <QAbstractTableModel>
#include <QString>

namespace Nh {

/** What an outcome means for people: why it happened and what to do next (translated). */
struct OutcomeAdvice
{
    QString cause;
    QString nextStep;
};

/** How the payload a result is about came to be. */
enum class SentPayload {
    Native, ///< the request's body, as the composer or the back end wrote it
    Template, ///< the registration's template rendered with the request's properties
};

/**
 * The advice for one registration result. `applicationPlatform` is the result's wire name
 * ("apple", "fcmv1", …); it only sharpens the wording (which credentials, which token). For a
 * template send a refused payload is the registration's rendered template, not the request body.
 */
// TODO(#7): defer to Nh::explain() (core/client/explainer.h) once it covers per-result outcomes.
OutcomeAdvice outcomeAdvice(OutcomeKind kind, QStringView applicationPlatform,
                            SentPayload payload = SentPayload::Native);

/** A short name for `kind` that fits a table column ("Accepted", "Invalid handle", …). */
QString outcomeKindLabel(OutcomeKind kind);

/**
 * The per-registration results of one test send, one row each, in the order the hub sent them
 * (docs/conventions.md R10). Read-only; QtCore only: icons and colours come from a proxy in ui/.
 */
class OutcomeModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OutcomeModel)

public:
    /// Result is the kind in a word or two (outcomeKindLabel); Outcome is the hub's own text.
    enum Column { Platform, Handle, RegistrationId, Result, Outcome, ColumnCount };
    enum Role {
        OutcomeKindRole = Qt::UserRole, ///< int(Nh::OutcomeKind)
        SucceededRole, ///< bool: the hub handed the notification to the PNS
        CauseRole, ///< OutcomeAdvice::cause
        NextStepRole, ///< OutcomeAdvice::nextStep
    };

    explicit OutcomeModel(QObject *parent = nullptr);

    /** Replaces every row (a model reset); `payload` says what a refused payload was. */
    void setOutcome(const NotificationOutcome &outcome, SentPayload payload = SentPayload::Native);
    void clear();
    const NotificationOutcome &outcome() const { return m_outcome; }
    SentPayload sentPayload() const { return m_payload; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    NotificationOutcome m_outcome;
    SentPayload m_payload = SentPayload::Native;
    QList<OutcomeKind> m_kinds;
};

} // namespace Nh
