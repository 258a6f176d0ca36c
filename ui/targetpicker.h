// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/draftcheck.h"

#include <QWidget>

class QButtonGroup;
class QLabel;
class QLineEdit;
class QRadioButton;
class TagExpressionEdit;

/**
 * Who a notification goes to: a tag expression (with completion of known tags and a note on
 * how it reads), device handles (one is a direct send, more a direct batch) or everyone.
 * Typing in a field picks its target. It speaks Nh::TargetKind: its one field of handles is
 * Device or Batch by the number of handles typed.
 */
class TargetPicker final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TargetPicker)

public:
    explicit TargetPicker(QWidget *parent = nullptr);

    /**
     * Picks the field of `kind`: Tags, the handles (Device and Batch alike) or everyone
     * (Broadcast). None and Resource are no send target; they pick everyone.
     */
    void setKind(Nh::TargetKind kind);
    /** The kind of target(): Tags, Device (one handle), Batch (none or several) or Broadcast. */
    Nh::TargetKind kind() const;
    void setTagExpression(const QString &expression);
    QString tagExpression() const;
    /** Handles separated by white space or commas. */
    void setDeviceHandles(const QString &handles);
    /** The handles as typed, split at white space and commas. */
    QStringList deviceHandles() const;
    /** The handles' field as typed. */
    QString deviceHandlesText() const;
    /** The target as the hub sees it: one handle is a direct send, more (or none) a batch. */
    Nh::Target target() const;

    /** Who a send reaches, for the Ready line (rich text): "tags <tt>…</tt>", "2 devices", … */
    QString describe(Nh::Format format) const;

    /** Shows the draft check's note on the tag expression and marks its error span. */
    void showTagNote(const Nh::DraftNote &note);
    /** Tags offered as the user types. */
    void setKnownTags(const QStringList &tags);
    /** Picks the tag expression and puts the focus there. */
    void focusTagExpression();

signals:
    /** The kind, the tag expression or the handles changed. */
    void changed();

private:
    void updateFields();

    QButtonGroup *m_group = nullptr;
    QRadioButton *m_tagsRadio = nullptr;
    QRadioButton *m_devicesRadio = nullptr;
    QRadioButton *m_broadcastRadio = nullptr;
    TagExpressionEdit *m_tagEdit = nullptr;
    QLabel *m_tagLabel = nullptr;
    QLineEdit *m_devicesEdit = nullptr;
};
