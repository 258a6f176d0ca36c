// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "statusdecorationproxy.h"

#include "models/headermodel.h"
#include "models/outcomemodel.h"
#include "theme.h"

#include <QFont>

using namespace Qt::Literals::StringLiterals;

StatusDecorationProxy::StatusDecorationProxy(Kind kind, QObject *parent)
    : QIdentityProxyModel(parent)
    , m_kind(kind)
{ }

void StatusDecorationProxy::setPalette(const QPalette &palette)
{
    m_palette = palette;
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1),
                         {Qt::ForegroundRole, Qt::DecorationRole});
}

QVariant StatusDecorationProxy::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    if (m_kind == Kind::Outcome) {
        const bool ok = QIdentityProxyModel::data(index, Nh::OutcomeModel::SucceededRole).toBool();
        if (role == Qt::DecorationRole && index.column() == Nh::OutcomeModel::Platform)
            return Theme::toneIcon(ok ? Theme::Tone::Success : Theme::Tone::Failure);
        if (role == Qt::ForegroundRole
            && (index.column() == Nh::OutcomeModel::Result
                || index.column() == Nh::OutcomeModel::Outcome))
            return Theme::foreground(ok ? Theme::Tone::Success : Theme::Tone::Failure, m_palette);
        if (role == Qt::FontRole && index.column() == Nh::OutcomeModel::Handle)
            return Theme::monospace();
        // The registration id opens that registration (OutcomeView::registrationActivated).
        if (index.column() == Nh::OutcomeModel::RegistrationId) {
            if (role == Qt::ForegroundRole)
                return m_palette.brush(QPalette::Link);
            if (role == Qt::FontRole) {
                QFont f;
                f.setUnderline(true);
                return f;
            }
            if (role == Qt::ToolTipRole)
                return tr("Registration %1: double-click or press Enter to show it in "
                          "Registrations")
                    .arg(QIdentityProxyModel::data(index, Qt::DisplayRole).toString());
        }
    } else {
        const auto origin = Nh::HeaderModel::Origin(
            QIdentityProxyModel::data(index, Nh::HeaderModel::OriginRole).toInt());
        const bool automatic = origin == Nh::HeaderModel::Origin::Automatic;
        if (role == Qt::ForegroundRole && automatic)
            return m_palette.color(QPalette::Disabled, QPalette::Text);
        if (role == Qt::FontRole) {
            QFont f = Theme::monospace();
            f.setItalic(automatic);
            return f;
        }
        if (role == Qt::DecorationRole && index.column() == Nh::HeaderModel::Value
            && QIdentityProxyModel::data(index, Nh::HeaderModel::SecretRole).toBool())
            return Theme::icon(u"lock"_s);
    }
    return QIdentityProxyModel::data(index, role);
}
