// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/httpheaders.h"
#include "protocol/platform.h"
#include "theme.h"

#include <QWidget>

class QLabel;
class QTableView;
class QToolButton;
class StatusDecorationProxy;
namespace Nh {
class HeaderModel;
} // namespace Nh

/**
 * The request headers of a send as one table: the automatic ones nhconsole sets (grey, each with
 * a note on where it comes from) and the user's own (editable; a user header hides the
 * automatic one of the same name). Add offers the platform headers people add by hand for the
 * current format; Remove drops the selected user rows.
 */
class HeadersEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HeadersEditor)

public:
    explicit HeadersEditor(QWidget *parent = nullptr);

    /** The format whose platform headers the Add menu offers. */
    void setFormat(Nh::Format format) { m_format = format; }
    Nh::HttpHeaders customHeaders() const;
    void setCustomHeaders(const Nh::HttpHeaders &headers);
    /** The headers nhconsole sets, in send order; those the user overrides are left out. */
    void setAutomaticHeaders(const Nh::HttpHeaders &headers);
    /** Automatic and custom rows together. */
    int rowCount() const;
    /** The line under the table (empty: hidden). */
    void setStatus(const QString &text, Theme::Tone tone = Theme::Tone::Failure);

    QTableView *table() const { return m_table; }
    QToolButton *addButton() const { return m_addButton; }

signals:
    /** The user's headers changed (edited, added, removed or replaced). */
    void customHeadersChanged();

protected:
    void changeEvent(QEvent *event) override;

private:
    void fillAddMenu();
    void removeSelectedRows();
    void paintStatus();

    Nh::Format m_format = Nh::Format::Apple;
    Nh::HeaderModel *m_model = nullptr;
    StatusDecorationProxy *m_proxy = nullptr;
    QTableView *m_table = nullptr;
    QToolButton *m_addButton = nullptr;
    QLabel *m_status = nullptr;
    Theme::Tone m_statusTone = Theme::Tone::Failure;
};
