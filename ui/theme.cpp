// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "theme.h"

#include <QApplication>
#include <QEvent>
#include <QFile>
#include <QFontDatabase>
#include <QIconEngine>
#include <QLabel>
#include <QPointer>
#include <QStyle>
#include <QStyleFactory>
#include <QToolTip>
#include <QWidget>

using namespace Qt::Literals::StringLiterals;

namespace Theme {

namespace {

using Appearance = Nh::Settings::Appearance;

constexpr QLatin1StringView kFusion("Fusion");

/** The colours of one scheme; the disabled group is derived from them. */
struct Scheme
{
    QColor window, windowText, base, alternateBase, text, button, buttonText, brightText;
    QColor highlight, highlightedText, link, linkVisited, toolTipBase, toolTipText, placeholder;
    QColor light, midlight, mid, dark, shadow;
    QColor disabledText, disabledHighlight;
};

// Text on window/base stays above 4.5:1 in both schemes, placeholder and links above 4.5:1 on
// base, disabled text near 3:1 (readable, clearly inactive).
const Scheme kLight {
    .window = QColor(0xefefef),
    .windowText = QColor(0x1f2328),
    .base = QColor(0xffffff),
    .alternateBase = QColor(0xf5f6f8),
    .text = QColor(0x1f2328),
    .button = QColor(0xf3f3f3),
    .buttonText = QColor(0x1f2328),
    .brightText = QColor(0xffffff),
    .highlight = QColor(0x2f6fc8),
    .highlightedText = QColor(0xffffff),
    .link = QColor(0x0b57d0),
    .linkVisited = QColor(0x6f42c1),
    .toolTipBase = QColor(0xffffdc),
    .toolTipText = QColor(0x1f2328),
    .placeholder = QColor(0x6a737d),
    .light = QColor(0xffffff),
    .midlight = QColor(0xe3e3e3),
    .mid = QColor(0xb8b8b8),
    .dark = QColor(0x9f9f9f),
    .shadow = QColor(0x767676),
    .disabledText = QColor(0x8c959f),
    .disabledHighlight = QColor(0xc8ccd1),
};

const Scheme kDark {
    .window = QColor(0x2b2d31),
    .windowText = QColor(0xe6e6e6),
    .base = QColor(0x1e1f22),
    .alternateBase = QColor(0x26282c),
    .text = QColor(0xe6e6e6),
    .button = QColor(0x35373c),
    .buttonText = QColor(0xe6e6e6),
    .brightText = QColor(0xffffff),
    .highlight = QColor(0x2f6fc8),
    .highlightedText = QColor(0xffffff),
    .link = QColor(0x79b8ff),
    .linkVisited = QColor(0xc297ff),
    .toolTipBase = QColor(0x3a3d42),
    .toolTipText = QColor(0xe6e6e6),
    .placeholder = QColor(0x8c9096),
    .light = QColor(0x45474d),
    .midlight = QColor(0x3a3c41),
    .mid = QColor(0x252629),
    .dark = QColor(0x18191b),
    .shadow = QColor(Qt::black),
    .disabledText = QColor(0x80848a),
    .disabledHighlight = QColor(0x45484e),
};

QPalette makePalette(const Scheme &s)
{
    QPalette p;
    const auto set = [&p](QPalette::ColorGroup group, const Scheme &c, bool disabled) {
        const QColor text = disabled ? c.disabledText : c.text;
        p.setColor(group, QPalette::Window, c.window);
        p.setColor(group, QPalette::WindowText, disabled ? c.disabledText : c.windowText);
        p.setColor(group, QPalette::Base, disabled ? c.window : c.base);
        p.setColor(group, QPalette::AlternateBase, c.alternateBase);
        p.setColor(group, QPalette::Text, text);
        p.setColor(group, QPalette::Button, c.button);
        p.setColor(group, QPalette::ButtonText, disabled ? c.disabledText : c.buttonText);
        p.setColor(group, QPalette::BrightText, c.brightText);
        p.setColor(group, QPalette::Highlight, disabled ? c.disabledHighlight : c.highlight);
        p.setColor(group, QPalette::HighlightedText, disabled ? text : c.highlightedText);
        p.setColor(group, QPalette::Link, disabled ? c.disabledText : c.link);
        p.setColor(group, QPalette::LinkVisited, disabled ? c.disabledText : c.linkVisited);
        p.setColor(group, QPalette::ToolTipBase, c.toolTipBase);
        p.setColor(group, QPalette::ToolTipText, c.toolTipText);
        p.setColor(group, QPalette::PlaceholderText, disabled ? c.disabledText : c.placeholder);
        p.setColor(group, QPalette::Light, c.light);
        p.setColor(group, QPalette::Midlight, c.midlight);
        p.setColor(group, QPalette::Mid, c.mid);
        p.setColor(group, QPalette::Dark, c.dark);
        p.setColor(group, QPalette::Shadow, c.shadow);
    };
    set(QPalette::Active, s, false);
    set(QPalette::Inactive, s, false);
    set(QPalette::Disabled, s, true);
    return p;
}

/** What the platform gave the application before the first applyAppearance(). */
struct SystemLook
{
    bool captured = false;
    QString styleName;
    QPalette palette;
    QPalette toolTipPalette;
    Appearance current = Appearance::System;
};

SystemLook &systemLook()
{
    static SystemLook look;
    return look;
}

void captureSystemLook()
{
    SystemLook &look = systemLook();
    if (look.captured)
        return;
    look.captured = true;
    look.styleName = QApplication::style()->name();
    // Its resolve mask is empty unless something set the palette before: restoring it then
    // resolves every role against the style and platform again, as at start-up.
    look.palette = QApplication::palette();
    // Tool tips have a palette of their own on some platforms (Windows, KDE).
    look.toolTipPalette = QToolTip::palette();
}

void setStyleNamed(const QString &name)
{
    if (QApplication::style()->name().compare(name, Qt::CaseInsensitive) == 0)
        return;
    if (QStyle *style = QStyleFactory::create(name))
        QApplication::setStyle(style);
}

constexpr QLatin1StringView kLabelKeeper("nhLabelTone");
constexpr QLatin1StringView kBannerKeeper("nhBannerTone");

QPalette parentPalette(const QWidget *widget)
{
    return widget->parentWidget() ? widget->parentWidget()->palette() : widget->palette();
}

void applyLabelTone(QWidget *label, Tone tone)
{
    const QPalette base = parentPalette(label);
    QPalette p = label->palette();
    if (tone == Tone::Neutral) {
        // The parent's own text colours, group by group, so a disabled label still looks it.
        for (const auto group : {QPalette::Active, QPalette::Inactive, QPalette::Disabled})
            p.setColor(group, QPalette::WindowText, base.color(group, QPalette::WindowText));
    } else {
        p.setColor(QPalette::WindowText, foreground(tone, base));
    }
    label->setPalette(p);
}

void applyBannerTone(QWidget *widget, Tone tone)
{
    const QPalette base = parentPalette(widget);
    QPalette p = widget->palette();
    p.setColor(QPalette::Window, background(tone, base));
    p.setColor(QPalette::WindowText, base.color(QPalette::WindowText));
    widget->setPalette(p);
    widget->setAutoFillBackground(true);
}

/**
 * Paints a tone again when the widget's palette changes: a toned widget holds explicit colours
 * that would otherwise stay those of the previous scheme (dark text on a dark window).
 */
class ToneKeeper final : public QObject
{
public:
    ToneKeeper(QWidget *widget, QLatin1StringView kind)
        : QObject(widget)
        , m_widget(widget)
        , m_banner(kind == kBannerKeeper)
    {
        setObjectName(QString(kind));
        widget->installEventFilter(this);
    }

    static ToneKeeper *of(QWidget *widget, QLatin1StringView kind)
    {
        const auto children =
            widget->findChildren<QObject *>(QString(kind), Qt::FindDirectChildrenOnly);
        for (QObject *child : children) {
            if (auto *keeper = dynamic_cast<ToneKeeper *>(child))
                return keeper;
        }
        return new ToneKeeper(widget, kind);
    }

    void setTone(Tone tone)
    {
        m_tone = tone;
        apply();
    }

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == m_widget && event->type() == QEvent::PaletteChange && !m_applying)
            apply();
        return false;
    }

private:
    void apply()
    {
        if (!m_widget)
            return;
        m_applying = true;
        if (m_banner)
            applyBannerTone(m_widget, m_tone);
        else
            applyLabelTone(m_widget, m_tone);
        m_applying = false;
    }

    QPointer<QWidget> m_widget;
    bool m_banner = false;
    bool m_applying = false;
    Tone m_tone = Tone::Neutral;
};

/**
 * Rich text takes the colour of its links from the application palette when it is parsed, so a
 * label keeps the previous scheme's (dark blue on a dark banner) until its text is set again.
 */
void reparseLinks()
{
    const QWidgetList widgets = QApplication::allWidgets();
    for (QWidget *widget : widgets) {
        auto *label = qobject_cast<QLabel *>(widget);
        if (!label || label->textFormat() == Qt::PlainText
            || !label->text().contains(u"<a "_s, Qt::CaseInsensitive))
            continue;
        const QString text = label->text();
        label->clear(); // setText() ignores the text it already has
        label->setText(text);
    }
}

/**
 * An icon from an SVG file that reads the file only when it is first drawn or measured: the
 * window makes some sixty icons, most of them for menus, before its first paint (issue #18).
 */
class LazySvgIconEngine final : public QIconEngine
{
public:
    explicit LazySvgIconEngine(const QString &path)
        : m_path(path)
        , m_exists(QFile::exists(path)) // a look-up in the resources; nothing is read
    { }

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override
    {
        icon().paint(painter, rect, Qt::AlignCenter, mode, state);
    }
    QSize actualSize(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return icon().actualSize(size, mode, state);
    }
    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return icon().pixmap(size, mode, state);
    }
    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state,
                         qreal scale) override
    {
        return icon().pixmap(size, scale, mode, state);
    }
    QList<QSize> availableSizes(QIcon::Mode mode, QIcon::State state) override
    {
        return icon().availableSizes(mode, state);
    }
    // Asked by every button and action an icon is given to: answered without reading the file.
    bool isNull() override { return !m_exists; }
    QString key() const override { return u"NhLazySvg"_s; }
    QIconEngine *clone() const override { return new LazySvgIconEngine(m_path); }

private:
    QIcon &icon()
    {
        if (!m_loaded) {
            m_loaded = true;
            m_icon = QIcon(m_path);
        }
        return m_icon;
    }

    QString m_path;
    bool m_exists;
    QIcon m_icon;
    bool m_loaded = false;
};

} // namespace

QPalette schemePalette(Appearance appearance)
{
    switch (appearance) {
    case Appearance::Light:
        return makePalette(kLight);
    case Appearance::Dark:
        return makePalette(kDark);
    case Appearance::System:
        break;
    }
    if (systemLook().captured)
        return systemLook().palette;
    return QApplication::style()->standardPalette();
}

void applyAppearance(Appearance appearance)
{
    captureSystemLook();
    SystemLook &look = systemLook();
    look.current = appearance;
    if (appearance == Appearance::System) {
        setStyleNamed(look.styleName);
        QApplication::setPalette(look.palette);
        QToolTip::setPalette(look.toolTipPalette);
    } else {
        setStyleNamed(kFusion);
        const QPalette palette = schemePalette(appearance);
        QApplication::setPalette(palette);
        QToolTip::setPalette(palette);
    }
    // Top-level widgets get the change as a posted event; deliver it now, so every window is in
    // the new scheme when this returns (a preview, a screenshot, the next paint).
    QCoreApplication::sendPostedEvents(nullptr, QEvent::ApplicationPaletteChange);
    reparseLinks();
}

Appearance currentAppearance()
{
    return systemLook().current;
}

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness()
        < palette.color(QPalette::WindowText).lightness();
}

QColor foreground(Tone tone, const QPalette &palette)
{
    const bool dark = isDark(palette);
    switch (tone) {
    case Tone::Success:
        return dark ? QColor(0x5f, 0xd3, 0x8d) : QColor(0x1e, 0x7b, 0x43);
    case Tone::Failure:
        return dark ? QColor(0xff, 0x85, 0x85) : QColor(0xb4, 0x23, 0x23);
    case Tone::Warning:
        return dark ? QColor(0xf2, 0xc1, 0x4e) : QColor(0x8a, 0x5a, 0x00);
    case Tone::Info:
        return dark ? QColor(0x79, 0xb8, 0xff) : QColor(0x1f, 0x5f, 0xbf);
    case Tone::Neutral:
        break;
    }
    return palette.color(QPalette::WindowText);
}

QColor background(Tone tone, const QPalette &palette)
{
    const bool dark = isDark(palette);
    switch (tone) {
    case Tone::Success:
        return dark ? QColor(0x16, 0x3a, 0x26) : QColor(0xe3, 0xf5, 0xe9);
    case Tone::Failure:
        return dark ? QColor(0x4a, 0x1d, 0x1d) : QColor(0xfc, 0xe6, 0xe6);
    case Tone::Warning:
        return dark ? QColor(0x45, 0x36, 0x10) : QColor(0xfd, 0xf3, 0xd6);
    case Tone::Info:
        return dark ? QColor(0x16, 0x2e, 0x4d) : QColor(0xe4, 0xef, 0xfd);
    case Tone::Neutral:
        break;
    }
    return palette.color(QPalette::AlternateBase);
}

QIcon icon(const QString &name)
{
    return QIcon(new LazySvgIconEngine(u":/icons/"_s + name + u".svg"_s));
}

QIcon toneIcon(Tone tone)
{
    switch (tone) {
    case Tone::Success:
        return icon(u"success"_s);
    case Tone::Failure:
        return icon(u"failure"_s);
    case Tone::Warning:
        return icon(u"warning"_s);
    case Tone::Info:
        return icon(u"info"_s);
    case Tone::Neutral:
        break;
    }
    return {};
}

QFont monospace()
{
    return QFontDatabase::systemFont(QFontDatabase::FixedFont);
}

void paintLabel(QLabel *label, Tone tone)
{
    ToneKeeper::of(label, kLabelKeeper)->setTone(tone);
}

void paintBanner(QWidget *widget, Tone tone)
{
    ToneKeeper::of(widget, kBannerKeeper)->setTone(tone);
}

} // namespace Theme
