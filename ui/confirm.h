// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMessageBox>
#include <QString>
#include <functional>

class QWidget;

/**
 * The one way the console asks before something that cannot be undone or that reaches real
 * devices: a window-modal QMessageBox with Cancel as the default, and the caller's own accept
 * button. The box is opened (never exec'd) and deletes itself; `accepted` runs once the user
 * chose the accept button, and only while `parent` still exists.
 *
 * Tests either click the real box (it is a child of `parent`, found by its objectName, its
 * accept button by its own), or answer every question without a box through
 * setAnswerForTesting().
 */
class Confirm final
{
public:
    /** What the box says and how its accept button looks. */
    struct Question
    {
        /** The box's objectName. */
        QString objectName;
        QMessageBox::Icon icon = QMessageBox::Warning;
        QString title;
        QString text;
        /** The accept button's text; empty for the standard Yes button. */
        QString acceptText;
        /** The accept button's objectName (ignored for the standard Yes button). */
        QString acceptObjectName;
        QMessageBox::ButtonRole acceptRole = QMessageBox::AcceptRole;
    };

    /** Answers a question in place of the user: true accepts. */
    using Answer = std::function<bool(const Question &question)>;

    /**
     * Asks `question` in a box over `parent`. Returns the box, already open; or null when a
     * test answer is set, which then answers right after this returns (as a user would).
     */
    static QMessageBox *ask(QWidget *parent, const Question &question,
                            const std::function<void()> &accepted);

    /** Answers every later question with `answer` instead of a box; an empty one restores the
     *  box. For tests. */
    static void setAnswerForTesting(Answer answer);

private:
    Confirm() = delete;
};
