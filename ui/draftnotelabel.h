// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/draftcheck.h"
#include "theme.h"

#include <QLabel>

/** The theme's tone for a draft check's note. */
inline Theme::Tone draftNoteTone(Nh::DraftNote::Tone tone)
{
    switch (tone) {
    case Nh::DraftNote::Tone::Success:
        return Theme::Tone::Success;
    case Nh::DraftNote::Tone::Warning:
        return Theme::Tone::Warning;
    case Nh::DraftNote::Tone::Failure:
        return Theme::Tone::Failure;
    case Nh::DraftNote::Tone::None:
        break;
    }
    return Theme::Tone::Neutral;
}

/** Shows `note` in `label` in its tone; an empty note hides the label. */
inline void showDraftNote(QLabel *label, const Nh::DraftNote &note)
{
    label->setText(note.text);
    label->setVisible(!note.text.isEmpty());
    Theme::paintLabel(label, draftNoteTone(note.tone));
}
