// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "protocol/hubdescription.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QRadioButton;

/**
 * Enters one platform's credential for the Hub page (issue #17): APNs (a .p8 key with key id,
 * team id and bundle id, or a .p12 with its password; sandbox or production), FCM v1 (the
 * Firebase service-account JSON), WNS (package SID and secret) or browser (VAPID keys). Secrets
 * are typed or loaded from a file, in password fields. OK builds the credential with
 * credentialinput.h and stays open with the reason when it cannot; credential() is the result.
 */
class CredentialDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CredentialDialog)

public:
    /** Whether the dialog can enter credentials of `kind`. */
    static bool supports(Nh::PnsCredentialKind kind);

    explicit CredentialDialog(Nh::PnsCredentialKind kind, QWidget *parent = nullptr);

    /** The credential entered; valid after accept(). */
    const Nh::PnsCredential &credential() const { return m_credential; }

    void accept() override;

private:
    Nh::Result<Nh::PnsCredential> build() const;
    QLineEdit *addLine(const QString &label, const QString &name, bool secret = false);
    QPlainTextEdit *addText(const QString &label, const QString &name, const QString &filter);

    Nh::PnsCredentialKind m_kind;
    Nh::PnsCredential m_credential;
    class QFormLayout *m_form = nullptr;
    QLabel *m_error = nullptr;
    QComboBox *m_environment = nullptr;
    QRadioButton *m_tokenMode = nullptr;
    QLineEdit *m_p12Path = nullptr;
    QList<QLineEdit *> m_lines;
    QList<QPlainTextEdit *> m_texts;
};
