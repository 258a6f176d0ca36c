// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLineEdit>
#include <QStringList>

class QCompleter;
class QStringListModel;

/**
 * A line edit for ServiceBusNotification-Tags: underlines one located error (offset and length
 * in QChar units, as Nh::TagExpression reports them) and completes the tag under the cursor
 * from the tags known to the hub, leaving operators and the rest of the expression alone.
 */
class TagExpressionEdit final : public QLineEdit
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TagExpressionEdit)

public:
    explicit TagExpressionEdit(QWidget *parent = nullptr);

    void setKnownTags(const QStringList &tags);
    QStringList knownTags() const;
    QCompleter *tagCompleter() const { return m_completer; }

    /** Underlines [offset, offset + length) (at least one character, the end if past it). */
    void setErrorSpan(int offset, int length);
    void clearErrorSpan();
    int errorOffset() const { return m_errorOffset; }

    /** The tag (or partial tag) that ends at `cursor`, and where it starts. */
    static QString tagAt(const QString &text, int cursor, int *start);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void complete();
    void insertCompletion(const QString &tag);
    void applyFormats();

    QCompleter *m_completer = nullptr;
    QStringListModel *m_tags = nullptr;
    int m_errorOffset = -1;
    int m_errorLength = 0;
};
