// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "renderedpayloadview.h"

#include "theme.h"

#include <QEvent>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTextBlock>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace {

using Kind = Nh::RenderedPayload::Mark::Kind;

constexpr int kKindProperty = QTextFormat::UserProperty + 1;

Theme::Tone toneOf(Kind kind)
{
    return kind == Kind::Warning ? Theme::Tone::Warning : Theme::Tone::Failure;
}

} // namespace

RenderedPayloadView::RenderedPayloadView(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"renderedPayload"_s);
    m_title = new QLabel(this);
    m_title->setObjectName(u"renderedPayloadTitle"_s);
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text = new QPlainTextEdit(this);
    m_text->setObjectName(u"renderedPayloadText"_s);
    m_text->setReadOnly(true);
    m_text->setFont(Theme::monospace());
    m_text->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    // Two lines at least, wherever it is put (a splitter pane, a scroll area).
    m_text->setMinimumHeight(m_text->fontMetrics().lineSpacing() * 2
                             + int(m_text->document()->documentMargin()) * 2
                             + m_text->frameWidth() * 2);
    m_notes = new QLabel(this);
    m_notes->setObjectName(u"renderedPayloadNotes"_s);
    m_notes->setWordWrap(true);
    m_notes->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_notes->setTextFormat(Qt::RichText);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_notes);
    clear({});
}

void RenderedPayloadView::setPayload(const Nh::RenderedPayload &payload)
{
    m_payload = payload;
    m_hasPayload = true;
    paint();
}

void RenderedPayloadView::clear(const QString &note)
{
    m_payload = {};
    m_hasPayload = false;
    m_title->setText(note);
    m_title->setToolTip({});
    Theme::paintLabel(m_title, Theme::Tone::Neutral);
    m_text->clear();
    m_text->setExtraSelections({});
    m_text->hide();
    m_notes->clear();
    m_notes->hide();
}

void RenderedPayloadView::paint()
{
    if (!m_hasPayload)
        return;
    const Nh::RenderedPayload &p = m_payload;
    const QString name = p.templateName.isEmpty()
        ? QString()
        : tr(" · template “%1”").arg(p.templateName.toHtmlEscaped());
    // The registration's id is beside it (its row) and in the tooltip: the line stays short.
    QString title = tr("<b>What this %1 registration receives</b>%2")
                        .arg(Nh::platformDisplayName(p.platform), name);
    m_title->setToolTip(tr("Registration %1").arg(p.registrationId));
    Theme::Tone tone = Theme::Tone::Success;
    if (!p.isRendered()) {
        title = tr("<b>Not rendered</b>");
        tone = Theme::Tone::Warning;
    } else if (!p.invalid.isEmpty() || p.hasEmptySubstitutions()) {
        tone = Theme::Tone::Failure;
    } else if (!p.warnings.isEmpty()) {
        tone = Theme::Tone::Warning;
    }
    m_title->setText(title);
    Theme::paintLabel(m_title, tone);

    m_text->setVisible(p.isRendered());
    if (m_text->toPlainText() != p.body)
        m_text->setPlainText(p.body);
    QList<QTextEdit::ExtraSelection> selections;
    const QPalette pal = palette();
    const int size = int(p.body.size());
    for (const Nh::RenderedPayload::Mark &m : p.marks) {
        if (m.offset < 0 || m.offset > size || m.length <= 0)
            continue;
        QTextEdit::ExtraSelection s;
        s.cursor = QTextCursor(m_text->document());
        s.cursor.setPosition(int(m.offset));
        s.cursor.setPosition(int(qMin<qsizetype>(m.offset + m.length, size)),
                             QTextCursor::KeepAnchor);
        s.format.setBackground(Theme::background(toneOf(m.kind), pal));
        s.format.setForeground(Theme::foreground(toneOf(m.kind), pal));
        if (m.kind != Kind::Warning) {
            s.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
            s.format.setUnderlineColor(Theme::foreground(Theme::Tone::Failure, pal));
        }
        s.format.setToolTip(m.note);
        s.format.setProperty(kKindProperty, int(m.kind));
        selections.append(s);
    }
    m_text->setExtraSelections(selections);

    // Under the body, what each mark means: the empty substitutions first (the commonest
    // surprise), then the refusal, the warnings and why nothing was rendered.
    QStringList lines;
    const auto line = [&pal](Theme::Tone t, const QString &text) {
        return u"<span style=\"color:%1\">%2</span>"_s.arg(Theme::foreground(t, pal).name(),
                                                           text.toHtmlEscaped());
    };
    if (!p.problem.isEmpty())
        lines << line(Theme::Tone::Warning, p.problem);
    for (const Nh::RenderedPayload::Mark &m : p.marks) {
        if (m.kind == Kind::Empty)
            lines << line(Theme::Tone::Failure, m.note);
    }
    if (!p.invalid.isEmpty())
        lines << line(Theme::Tone::Failure,
                      tr("The push service would refuse this payload: %1").arg(p.invalid));
    for (const QString &w : p.warnings)
        lines << line(Theme::Tone::Warning, w);
    if (p.isRendered() && lines.isEmpty())
        lines << line(Theme::Tone::Success, tr("Every substitution has a value."));
    m_notes->setText(lines.join(u"<br>"_s));
    m_notes->setVisible(!lines.isEmpty());
}

QStringList RenderedPayloadView::highlightedTexts(Kind kind) const
{
    QStringList texts;
    for (const QTextEdit::ExtraSelection &s : m_text->extraSelections()) {
        if (s.format.property(kKindProperty).toInt() == int(kind))
            texts << s.cursor.selectedText();
    }
    return texts;
}

QString RenderedPayloadView::notesText() const
{
    return m_notes->text();
}

void RenderedPayloadView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        paint();
}
