// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "profileswitcher.h"

#include "store/profilestore.h"
#include "theme.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPixmap>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int kSwatchSize = 16;
const QColor kProductionColour(0xc6, 0x28, 0x28);

QString tooltipOf(const Nh::Profile &p)
{
    if (p.isEmulator()) {
        return ProfileSwitcher::tr("%1: the bundled local emulator, hub %2, rule %3")
            .arg(p.name, p.hub, p.keyName);
    }
    QString tip = ProfileSwitcher::tr("%1: hub %2 at %3, rule %4")
                      .arg(p.name, p.hub, p.endpoint(), p.keyName);
    if (p.production)
        tip += u"\n"_s + ProfileSwitcher::tr("Production: nhconsole asks before every send.");
    return tip;
}

} // namespace

ProfileSwitcher::ProfileSwitcher(Nh::ProfileStore *store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
{
    m_combo = new QComboBox(this);
    m_combo->setObjectName(u"profileSwitcher"_s);
    m_combo->setMinimumContentsLength(24);
    m_combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_combo->setToolTip(tr("The profile notifications go to"));
    m_badge = new QLabel(this);
    m_badge->setObjectName(u"profileBadge"_s);
    m_badge->setAlignment(Qt::AlignCenter);
    m_badge->setMargin(2);
    QFont bold = m_badge->font();
    bold.setBold(true);
    m_badge->setFont(bold);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(m_combo);
    layout->addWidget(m_badge);

    connect(m_combo, &QComboBox::activated, this, [this] {
        updateBadge();
        emit profileActivated(currentProfileId());
    });
    connect(m_store, &Nh::ProfileStore::profileAdded, this, &ProfileSwitcher::rebuild);
    connect(m_store, &Nh::ProfileStore::profileChanged, this, &ProfileSwitcher::rebuild);
    connect(m_store, &Nh::ProfileStore::profileRemoved, this, &ProfileSwitcher::rebuild);
    connect(m_store, &Nh::ProfileStore::profilesReset, this, &ProfileSwitcher::rebuild);
    rebuild();
}

QIcon ProfileSwitcher::swatch(const Nh::Profile &p)
{
    if (p.isEmulator() && p.colour.isEmpty())
        return Theme::icon(u"emulator"_s);
    QColor colour = p.production ? kProductionColour : QColor(p.colour);
    if (!colour.isValid())
        colour = Qt::gray;
    QPixmap pixmap(kSwatchSize, kSwatchSize);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(colour.darker(140), 1));
    painter.setBrush(colour);
    painter.drawEllipse(QRectF(1.5, 1.5, kSwatchSize - 3, kSwatchSize - 3));
    return QIcon(pixmap);
}

QUuid ProfileSwitcher::currentProfileId() const
{
    return m_combo->currentData().toUuid();
}

void ProfileSwitcher::setCurrentProfile(const QUuid &id)
{
    const int row = m_combo->findData(id);
    if (row >= 0)
        m_combo->setCurrentIndex(row);
    updateBadge();
}

void ProfileSwitcher::rebuild()
{
    const QUuid current = currentProfileId();
    const QSignalBlocker blocker(m_combo);
    m_combo->clear();
    for (const Nh::Profile &p : m_store->profiles()) {
        // Production shows in the swatch (red) and the badge beside the combo.
        m_combo->addItem(swatch(p), p.name, p.id);
        m_combo->setItemData(m_combo->count() - 1, tooltipOf(p), Qt::ToolTipRole);
    }
    const int row = m_combo->findData(current);
    m_combo->setCurrentIndex(row >= 0 ? row : 0);
    updateBadge();
}

void ProfileSwitcher::updateBadge()
{
    const auto p = m_store->profile(currentProfileId());
    if (!p) {
        m_badge->hide();
        return;
    }
    m_combo->setToolTip(tooltipOf(*p));
    QString text = p->label.trimmed();
    QColor colour = QColor(p->colour);
    if (p->production) {
        text = tr("PROD");
        colour = kProductionColour;
    } else if (text.isEmpty()) {
        text = p->isEmulator() ? tr("emulator") : tr("test");
    }
    if (!colour.isValid())
        colour = palette().color(QPalette::Mid);
    m_badge->setText(text.toUpper());
    m_badge->setToolTip(p->production
                            ? tr("A production hub: sends reach real devices, and nhconsole asks "
                                 "before each one")
                            : tr("Not marked as production"));
    const QColor fg = colour.lightnessF() > 0.6 ? QColor(Qt::black) : QColor(Qt::white);
    m_badge->setStyleSheet(u"QLabel { background: %1; color: %2; border-radius: 3px; "
                           "padding: 1px 6px; }"_s.arg(colour.name(), fg.name()));
    m_badge->show();
}

void ProfileSwitcher::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_badge)
        updateBadge();
}
