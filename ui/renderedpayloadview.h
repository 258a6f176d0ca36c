// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/renderedpayload.h"

#include <QStringList>
#include <QWidget>

class QLabel;
class QPlainTextEdit;

/**
 * The payload one template registration receives (issue #16): a line naming the registration
 * and its template, the rendered body read-only with its marks highlighted (an empty
 * substitution tinted in the failure tone and underlined, a linter warning in the warning
 * tone, where the platform would refuse it underlined) and, under it, one sentence per mark,
 * warning and refusal. Used by the reach preview and the exchange view alike.
 */
class RenderedPayloadView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RenderedPayloadView)

public:
    explicit RenderedPayloadView(QWidget *parent = nullptr);

    void setPayload(const Nh::RenderedPayload &payload);
    /** No payload: `note` says why (e.g. "Select a registration…"). */
    void clear(const QString &note);
    bool hasPayload() const { return m_hasPayload; }
    const Nh::RenderedPayload &payload() const { return m_payload; }

    /** The texts of the body now highlighted as `kind`, in body order (what tests look at). */
    QStringList highlightedTexts(Nh::RenderedPayload::Mark::Kind kind) const;
    QPlainTextEdit *textView() const { return m_text; }
    QString notesText() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void paint();

    Nh::RenderedPayload m_payload;
    bool m_hasPayload = false;
    QLabel *m_title = nullptr;
    QPlainTextEdit *m_text = nullptr;
    QLabel *m_notes = nullptr;
};
