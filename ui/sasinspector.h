// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/sastoken.h"

#include <QDateTime>
#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTimer;
namespace Nh {
class HubClient;
}

/**
 * The SAS token of the current profile, decoded (issue #7): the resource URI it was signed for,
 * the rule, the expiry with a live countdown, and the signature, "[redacted]" unless Reveal is
 * on (docs/conventions.md R8). Regenerate signs a fresh one with the profile's key, for the
 * lifetime chosen; the dialog never shows the key itself. Non-modal; follows the client's
 * connection (refresh() after a profile switch).
 */
class SasInspector final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SasInspector)

public:
    explicit SasInspector(Nh::HubClient *client, QWidget *parent = nullptr);

    /** The decoded token shown now (invalid expiry 0 when the profile has no key). */
    const Nh::Sas::DecodedToken &token() const { return m_token; }
    /** The Authorization value shown now, with the signature as the Reveal toggle says. */
    QString shownAuthorization() const;
    bool isRevealed() const;
    /** "expires in 59:58", "expired 00:03 ago": what the countdown says at `now`. */
    QString countdownText(const QDateTime &now) const;

public slots:
    /** Signs a new token now (for the lifetime in the spin box) and shows it. */
    void regenerate();
    /** Re-reads the client's connection (another profile) and regenerates. */
    void refresh();
    void setRevealed(bool on);
    void copyToken();

protected:
    void changeEvent(QEvent *event) override;

private:
    void display(const QString &authorization);
    void tick();

    Nh::HubClient *m_client;
    QString m_authorization;
    Nh::Sas::DecodedToken m_token;
    QLabel *m_profile = nullptr;
    QLabel *m_resource = nullptr;
    QLabel *m_rule = nullptr;
    QLabel *m_expiry = nullptr;
    QLabel *m_countdown = nullptr;
    QLineEdit *m_signature = nullptr;
    QLineEdit *m_header = nullptr;
    QLabel *m_problem = nullptr;
    QCheckBox *m_reveal = nullptr;
    QSpinBox *m_lifetime = nullptr;
    QPushButton *m_regenerate = nullptr;
    QPushButton *m_copy = nullptr;
    QTimer *m_timer = nullptr;
};
