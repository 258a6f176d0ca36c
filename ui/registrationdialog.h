// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "protocol/registration.h"

#include <QDialog>
#include <QStringList>
#include <optional>

class PayloadEditor;
class QComboBox;
class QDialogButtonBox;
class QLabel;

/**
 * Creates or edits one registration as the XML the hub receives (docs/protocol.md §7.3): a kind
 * picker that fills in a skeleton (create only), an XML editor validated as you type with
 * Nh::parseRegistrationEntry() (the error marked at its line and column), and OK only while it
 * parses. A template registration's templates are linted live too (Nh::TemplateLinter): an
 * error the hub would refuse is underlined at its place in the body template and keeps OK off;
 * warnings are listed. The read-only RegistrationId, ETag and ExpirationTime of an edited
 * registration are kept. Open it with open(); it never blocks (docs/conventions.md R4).
 */
class RegistrationDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RegistrationDialog)

public:
    /** A dialog that creates a registration (no id yet). */
    explicit RegistrationDialog(QWidget *parent = nullptr);
    /** A dialog that edits `registration` (its kind is fixed). */
    explicit RegistrationDialog(const Nh::Registration &registration, QWidget *parent = nullptr);

    bool isEditing() const { return m_editing; }
    /** The registration the editor holds now; nullopt while the XML does not parse. */
    std::optional<Nh::Registration> registration() const;
    /** The sentence of the current validation error; empty while valid. */
    QString errorText() const;
    PayloadEditor *editor() const { return m_editor; }

    /** The request XML of a new registration of `kind` with placeholder handle and tags. */
    static QByteArray skeleton(const Nh::RegistrationKind &kind);

private:
    void build();
    void validate();
    void loadSkeleton();
    /** A template registration's first template error, located in the editor's text. */
    std::optional<Nh::Error> templateRefusal(const Nh::Registration &registration) const;
    /** The template linter's warnings, one sentence each. */
    static QStringList templateWarnings(const Nh::Registration &registration);

    bool m_editing = false;
    Nh::Registration m_original;
    std::optional<Nh::Registration> m_parsed;
    QByteArray m_checked; ///< the text validate() last saw
    QComboBox *m_kind = nullptr;
    PayloadEditor *m_editor = nullptr;
    QLabel *m_status = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};
