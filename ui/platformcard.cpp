// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "platformcard.h"

#include "credentialdialog.h"
#include "theme.h"

#include <QFontMetrics>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace {

/// Pixels a property's value may take before it is elided.
constexpr int kValueWidth = 220;

QLabel *wrapped(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

PlatformCard::PlatformCard(const PlatformCardData &data, QWidget *parent)
    : QFrame(parent)
    , m_data(data)
{
    setObjectName(u"platformCard-"_s + Nh::pnsCredentialElementName(data.kind));
    setFrameShape(QFrame::StyledPanel);
    auto *layout = new QVBoxLayout(this);

    auto *head = new QHBoxLayout;
    auto *title = new QLabel(data.title, this);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    head->addWidget(title);
    head->addStretch();
    auto *state = new QLabel(data.configured ? tr("Configured") : tr("Not configured"), this);
    state->setObjectName(u"cardState"_s);
    Theme::paintLabel(state, data.configured ? Theme::Tone::Success : Theme::Tone::Neutral);
    head->addWidget(state);
    if (CredentialDialog::supports(data.kind)) {
        auto *edit = new QToolButton(this);
        edit->setObjectName(u"editCredentialButton"_s);
        edit->setText(data.configured ? tr("Edit…") : tr("Add…"));
        connect(edit, &QToolButton::clicked, this, [this] { emit editRequested(m_data.kind); });
        head->addWidget(edit);
    }
    if (data.configured) {
        auto *remove = new QToolButton(this);
        remove->setObjectName(u"removeCredentialButton"_s);
        remove->setText(tr("Remove"));
        remove->setToolTip(tr("Remove this credential from the hub (you see the change first)"));
        connect(remove, &QToolButton::clicked, this, [this] { emit removeRequested(m_data.kind); });
        head->addWidget(remove);
    }
    layout->addLayout(head);

    if (!data.mode.isEmpty() || !data.environment.isEmpty()) {
        auto *line = new QHBoxLayout;
        if (!data.mode.isEmpty()) {
            auto *mode = new QLabel(tr("Mode: %1").arg(data.mode), this);
            mode->setObjectName(u"cardMode"_s);
            line->addWidget(mode);
        }
        if (!data.environment.isEmpty()) {
            auto *badge = new QLabel(data.environment, this);
            badge->setObjectName(u"environmentBadge"_s);
            badge->setContentsMargins(6, 1, 6, 1);
            Theme::paintBanner(badge, data.environmentTone);
            Theme::paintLabel(badge, data.environmentTone);
            line->addWidget(badge);
        }
        line->addStretch();
        layout->addLayout(line);
    }
    if (data.daysToExpiry) {
        auto *expiry = new QLabel(expiryCountdownText(*data.daysToExpiry), this);
        expiry->setObjectName(u"certificateExpiry"_s);
        Theme::paintLabel(expiry,
                          *data.daysToExpiry < 0 ? Theme::Tone::Failure
                              : *data.daysToExpiry <= Nh::kCertificateExpiryWarningDays
                              ? Theme::Tone::Warning
                              : Theme::Tone::Neutral);
        layout->addWidget(expiry);
    }
    if (!data.properties.isEmpty()) {
        auto *grid = new QGridLayout;
        int row = 0;
        for (const auto &[name, value] : data.properties) {
            auto *key = new QLabel(name, this);
            key->setEnabled(false); // the palette's dimmed text, readable in both themes
            grid->addWidget(key, row, 0, Qt::AlignTop);
            // Long values (keys, URLs) are elided so a card stays narrow; the tool tip has all.
            // A URL keeps its host whole (api.push.apple.com vs api.sandbox.push.apple.com is
            // the point of an APNs endpoint), so it loses its scheme and is cut at the end.
            auto *val = new QLabel(this);
            val->setFont(Theme::monospace());
            const QUrl url(value);
            const bool isUrl = url.isValid() && !url.host().isEmpty()
                && (url.scheme() == u"https" || url.scheme() == u"http");
            const QString shown = isUrl ? value.mid(url.scheme().size() + 3) : value;
            val->setText(
                QFontMetrics(val->font())
                    .elidedText(shown, isUrl ? Qt::ElideRight : Qt::ElideMiddle, kValueWidth));
            val->setToolTip(value);
            val->setTextInteractionFlags(Qt::TextSelectableByMouse);
            grid->addWidget(val, row, 1);
            ++row;
        }
        grid->setColumnStretch(1, 1);
        layout->addLayout(grid);
    }
    for (const Nh::HubFinding &f : data.findings)
        layout->addWidget(findingRow(f, this));
    layout->addStretch();
}

QWidget *PlatformCard::findingRow(const Nh::HubFinding &finding, QWidget *parent)
{
    auto *w = new QWidget(parent);
    w->setObjectName(u"finding-"_s + finding.id);
    auto *row = new QHBoxLayout(w);
    row->setContentsMargins(0, 0, 0, 0);
    const Theme::Tone tone = severityTone(finding.severity);
    auto *icon = new QLabel(w);
    const int size = w->fontMetrics().height();
    icon->setPixmap(Theme::toneIcon(tone).pixmap(size, size));
    icon->setToolTip(Nh::hubCheckSeverityName(finding.severity));
    row->addWidget(icon, 0, Qt::AlignTop);
    auto *text = new QVBoxLayout;
    text->addWidget(wrapped(finding.message, w));
    if (!finding.fix.isEmpty()) {
        auto *fix = wrapped(tr("Fix: %1").arg(finding.fix), w);
        QFont italic = fix->font();
        italic.setItalic(true);
        fix->setFont(italic);
        text->addWidget(fix);
    }
    row->addLayout(text, 1);
    return w;
}

void PlatformCard::resizeEvent(QResizeEvent *event)
{
    QFrame::resizeEvent(event);
    const int needed = heightForWidth(width());
    if (needed > 0 && needed != minimumHeight())
        setMinimumHeight(needed);
}
