// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "confirm.h"

#include <QPointer>
#include <QPushButton>
#include <QTimer>

namespace {

Confirm::Answer &testAnswer()
{
    static Confirm::Answer answer;
    return answer;
}

} // namespace

QMessageBox *Confirm::ask(QWidget *parent, const Question &question,
                          const std::function<void()> &accepted)
{
    if (const Answer answer = testAnswer()) {
        QTimer::singleShot(0, parent, [answer, question, accepted] {
            if (answer(question))
                accepted();
        });
        return nullptr;
    }
    const bool standardYes = question.acceptText.isEmpty();
    auto *box = new QMessageBox(
        question.icon, question.title, question.text,
        standardYes ? QMessageBox::Yes | QMessageBox::Cancel : QMessageBox::Cancel, parent);
    box->setObjectName(question.objectName);
    QAbstractButton *accept = box->button(QMessageBox::Yes);
    if (!standardYes) {
        accept = box->addButton(question.acceptText, question.acceptRole);
        accept->setObjectName(question.acceptObjectName);
    }
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(box, &QMessageBox::finished, parent,
                     [box, accept = QPointer<QAbstractButton>(accept), accepted] {
                         if (accept && box->clickedButton() == accept)
                             accepted();
                     });
    box->open();
    return box;
}

void Confirm::setAnswerForTesting(Answer answer)
{
    testAnswer() = std::move(answer);
}
