// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "banner.h"

#include "client/hubclient.h"
#include "client/profilesession.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

using namespace Qt::Literals::StringLiterals;

namespace {

/**
 * A word-wrapped label that asks for the height its text needs at its current width. The
 * main window's layout sizes the central widget from size hints, not heightForWidth(), so a
 * plain QLabel with a long sentence is cut off at the bottom.
 */
class WrappingLabel final : public QLabel
{
public:
    using QLabel::QLabel;

protected:
    void resizeEvent(QResizeEvent *event) override
    {
        QLabel::resizeEvent(event);
        const int needed = heightForWidth(width());
        if (needed > 0 && needed != minimumHeight())
            setMinimumHeight(needed);
    }
};

} // namespace

Banner::Banner(QWidget *parent)
    : QFrame(parent)
{
    setObjectName(u"emulatorBanner"_s);
    setFrameShape(QFrame::StyledPanel);
    m_icon = new QLabel(this);
    m_text = new WrappingLabel(this);
    m_text->setObjectName(u"emulatorBannerText"_s);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_button = new QPushButton(this);
    m_button->setObjectName(u"bannerAddHubButton"_s);
    connect(m_button, &QPushButton::clicked, this, [this] {
        if (m_asksForKey)
            emit sessionKeyRequested();
        else
            emit addHubRequested();
    });
    auto *h = new QHBoxLayout(this);
    h->setContentsMargins(10, 6, 10, 6);
    h->addWidget(m_icon);
    h->addWidget(m_text, 1);
    h->addWidget(m_button);
    hide(); // until showFor() has something to say (the console starts before its profile)
}

void Banner::showFor(const Nh::ProfileSession &session, bool keyInMemory)
{
    const Nh::Profile &profile = session.profile();
    const Nh::ConnectionString &cs = session.connection().connectionString;
    Theme::Tone tone = Theme::Tone::Info;
    const QString name = profile.name.toHtmlEscaped();
    m_asksForKey = !session.isReady() && profile.needsKey();
    m_button->show();
    if (!session.isReady()) {
        tone = Theme::Tone::Warning;
        if (profile.isEmulator()) {
            m_text->setText(tr("<b>The bundled emulator is not available.</b> %1 Sends "
                               "will fail until a hub is reachable; add one with its "
                               "connection string (Profile ▸ New Profile…).")
                                .arg(session.problem().toHtmlEscaped()));
            m_button->setIcon(Theme::icon(u"addhub"_s));
            m_button->setText(tr("Add a real hub…"));
        } else {
            m_text->setText(
                tr("<b>“%1” cannot send yet.</b> %2").arg(name, session.problem().toHtmlEscaped()));
            m_button->setIcon(Theme::icon(u"lock"_s));
            m_button->setText(tr("Enter the key for this run…"));
        }
    } else if (profile.production) {
        tone = Theme::Tone::Failure;
        m_text->setText(tr("<b>Production hub.</b> “%1” sends to hub <tt>%2</tt> at "
                           "<tt>%3</tt>: notifications reach real devices. nhconsole asks "
                           "before every send.")
                            .arg(name, profile.hub.toHtmlEscaped(),
                                 cs.hubUrl(profile.hub).host().toHtmlEscaped()));
        m_button->hide();
    } else if (profile.isEmulator()) {
        m_text->setText(
            tr("<b>You are sending to the local emulator</b> bundled with nhconsole (hub "
               "<tt>%1</tt> at <tt>%2</tt>), with demo registrations for every platform. "
               "Nothing leaves this machine. To use a real hub, add a connection profile with "
               "its connection string (Profile ▸ New Profile…, Ctrl+N).")
                .arg(profile.hub.toHtmlEscaped(),
                     cs.hubUrl(profile.hub)
                         .toString(QUrl::RemovePath | QUrl::RemoveQuery)
                         .toHtmlEscaped()));
        m_button->setIcon(Theme::icon(u"addhub"_s));
        m_button->setText(tr("Add a real hub…"));
    } else if (keyInMemory) {
        m_text->setText(tr("The key of “%1” is held in memory for this run only: the "
                           "system keychain could not keep it. It is never written to "
                           "disk.")
                            .arg(name));
        m_button->hide();
    } else {
        hide();
        return;
    }
    paint(tone);
    show();
}

void Banner::paint(Theme::Tone tone)
{
    m_tone = tone;
    Theme::paintBanner(this, tone);
    m_icon->setPixmap(Theme::toneIcon(tone).pixmap(24, 24));
}

void Banner::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    // The tone's icon follows the palette (light or dark).
    if (event->type() == QEvent::PaletteChange && m_icon)
        m_icon->setPixmap(Theme::toneIcon(m_tone).pixmap(24, 24));
}
