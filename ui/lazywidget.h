// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointer>
#include <QWidget>
#include <functional>

/**
 * A placeholder for a pane that is not visible when the window first paints (a hidden dock's
 * contents, a page behind a tab): it makes the real widget the first time it is shown, or when
 * code asks for it through widget() (docs/architecture.md, "Start-up"). Until then it costs an
 * empty QWidget. The real widget fills it (no margins); built() tells whoever must connect to it.
 */
class LazyWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LazyWidget)

public:
    /** Makes the real widget; `parent` is this placeholder. Called at most once. */
    using Factory = std::function<QWidget *(QWidget *parent)>;

    explicit LazyWidget(Factory factory, QWidget *parent = nullptr);

    /** The real widget, made now if it was not yet. */
    QWidget *widget();
    /** widget(), cast: for the accessor of the pane that owns the placeholder. */
    template<typename T> T *widgetAs() { return qobject_cast<T *>(widget()); }
    bool isBuilt() const { return !m_factory; }

signals:
    /** The real widget was made (once). */
    void built(QWidget *widget);

protected:
    void showEvent(QShowEvent *event) override;

private:
    Factory m_factory;
    QPointer<QWidget> m_widget;
};
