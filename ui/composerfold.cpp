// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "composerfold.h"

#include "composerstrip.h"
#include "composerwidget.h"
#include "makeaction.h"

using namespace Qt::Literals::StringLiterals;

ComposerFold::ComposerFold(ComposerWidget *composer, QObject *parent)
    : QObject(parent)
    , m_composer(composer)
{
    m_showAction = makeAction(this, u"actionShowComposer"_s, tr("&Composer"),
                              QKeySequence(Qt::CTRL | Qt::Key_B));
    m_showAction->setCheckable(true);
    m_showAction->setChecked(true);
    m_showAction->setToolTip(tr("Show the composer, or fold it to a strip at the window's edge"));
    connect(m_showAction, &QAction::toggled, this, [this](bool shown) { setFolded(!shown); });
    m_foldAfterSendAction =
        makeAction(this, u"actionFoldComposerAfterSending"_s, tr("&Fold Composer After Sending"),
                   QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B));
    m_foldAfterSendAction->setCheckable(true);
    m_foldAfterSendAction->setChecked(true);
    m_foldAfterSendAction->setToolTip(
        tr("Give the exchange view the window's width when a send finishes"));

    m_strip = new ComposerStrip(m_showAction);
    m_strip->hide();
    m_composer->setFoldAction(m_showAction);

    connect(m_composer, &ComposerWidget::exchangeFinished, this, [this](const Nh::Exchange &e) {
        if (m_foldAfterSendAction->isChecked() && e.result != Nh::ExchangeResult::Cancelled)
            setFolded(true);
    });
    // Changed from elsewhere: show what changed.
    connect(m_composer, &ComposerWidget::targetChanged, this, &ComposerFold::unfold);
    // Refused (its located errors are in the composer) or sent: only a refusal unfolds.
    connect(m_composer->sendAction(), &QAction::triggered, this, [this] {
        if (!m_composer->isSending() && !m_composer->canSend())
            unfold();
    });
}

void ComposerFold::setFolded(bool folded)
{
    if (folded == m_folded)
        return;
    m_folded = folded;
    // The strip first: the splitter gives the composer's width to the exchange view and takes
    // it back, as it was, when the composer shows again.
    m_strip->setVisible(folded);
    m_composer->setVisible(!folded);
    m_showAction->setChecked(!folded);
}

QByteArray ComposerFold::saveState() const
{
    return m_foldAfterSendAction->isChecked() ? "fold"_ba : "keep"_ba;
}

void ComposerFold::restoreState(const QByteArray &state)
{
    m_foldAfterSendAction->setChecked(state != "keep"_ba);
}
