// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "headerseditor.h"

#include "models/headermodel.h"
#include "statusdecorationproxy.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace {

/** Platform headers people add by hand, per format (docs/protocol.md §4.4). */
QList<QByteArray> knownHeaders(Nh::Format format)
{
    switch (format) {
    case Nh::Format::Apple:
        return {"apns-push-type", "apns-priority",    "apns-expiration",
                "apns-topic",     "apns-collapse-id", "apns-id"};
    case Nh::Format::Windows:
        return {
            "X-WNS-Type",          "X-WNS-Cache-Policy",    "X-WNS-TTL", "X-WNS-Tag", "X-WNS-Group",
            "X-WNS-SuppressPopup", "X-WNS-RequestForStatus"};
    case Nh::Format::WindowsPhone:
        return {"X-NotificationClass", "X-WindowsPhone-Target"};
    case Nh::Format::Browser:
        return {"P256DH", "Auth"};
    default:
        return {};
    }
}

/** Where an automatic header comes from. */
QString headerNote(const QByteArray &name)
{
    const QByteArray n = name.toLower();
    if (n == "authorization")
        return HeadersEditor::tr("Signed with the profile's key when you send (a SAS token "
                                 "valid for one hour).");
    if (n == "x-ms-version")
        return HeadersEditor::tr("The REST API version nhconsole speaks.");
    if (n == "servicebusnotification-format")
        return HeadersEditor::tr("From the format picker.");
    if (n == "servicebusnotification-tags")
        return HeadersEditor::tr("From the tag expression, as written.");
    if (n == "servicebusnotification-devicehandle")
        return HeadersEditor::tr("From the device handle of a direct send.");
    if (n == "servicebusnotification-scheduletime")
        return HeadersEditor::tr("From the schedule time, in UTC.");
    if (n == "content-type")
        return HeadersEditor::tr("Chosen for the format and body; add your own Content-Type "
                                 "to override it.");
    return HeadersEditor::tr("Derived from the payload; add a header of the same name to "
                             "override it.");
}

} // namespace

HeadersEditor::HeadersEditor(QWidget *parent)
    : QWidget(parent)
    , m_model(new Nh::HeaderModel(this))
    , m_proxy(new StatusDecorationProxy(StatusDecorationProxy::Kind::Headers, this))
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setPalette(palette());
    m_table = new QTableView(this);
    m_table->setObjectName(u"headersTable"_s);
    m_table->setModel(m_proxy);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                             | QAbstractItemView::AnyKeyPressed);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);

    m_addButton = new QToolButton(this);
    m_addButton->setObjectName(u"addHeaderButton"_s);
    m_addButton->setIcon(Theme::icon(u"add"_s));
    m_addButton->setText(tr("Add header"));
    m_addButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_addButton->setPopupMode(QToolButton::InstantPopup);
    m_addButton->setMenu(new QMenu(m_addButton));
    auto *removeButton = new QToolButton(this);
    removeButton->setObjectName(u"removeHeaderButton"_s);
    removeButton->setIcon(Theme::icon(u"remove"_s));
    removeButton->setText(tr("Remove"));
    removeButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_status = new QLabel(this);
    m_status->setObjectName(u"headersStatus"_s);
    m_status->setWordWrap(true);
    m_status->hide();
    auto *note = new QLabel(tr("Grey rows are set by nhconsole from the format, body and "
                               "target; your own rows override them and can be edited."),
                            this);
    note->setWordWrap(true);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_addButton);
    buttons->addWidget(removeButton);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(note);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_status);

    connect(m_addButton->menu(), &QMenu::aboutToShow, this, &HeadersEditor::fillAddMenu);
    connect(removeButton, &QToolButton::clicked, this, &HeadersEditor::removeSelectedRows);
    connect(m_model, &Nh::HeaderModel::customHeadersChanged, this,
            &HeadersEditor::customHeadersChanged);
}

Nh::HttpHeaders HeadersEditor::customHeaders() const
{
    return m_model->headers(Nh::HeaderModel::Origin::Custom);
}

void HeadersEditor::setCustomHeaders(const Nh::HttpHeaders &headers)
{
    QList<Nh::HeaderModel::Row> rows;
    for (const auto &[name, value] : headers)
        rows.append({name, value, Nh::HeaderModel::Origin::Custom, {}});
    m_model->replaceRows(Nh::HeaderModel::Origin::Custom, rows);
}

void HeadersEditor::setAutomaticHeaders(const Nh::HttpHeaders &headers)
{
    const Nh::HttpHeaders custom = customHeaders();
    QList<Nh::HeaderModel::Row> rows;
    for (const auto &[name, value] : headers) {
        if (!Nh::hasHeader(custom, name))
            rows.append({name, value, Nh::HeaderModel::Origin::Automatic, headerNote(name)});
    }
    m_model->replaceRows(Nh::HeaderModel::Origin::Automatic, rows);
    m_table->resizeColumnToContents(Nh::HeaderModel::Name);
}

int HeadersEditor::rowCount() const
{
    return m_model->rowCount();
}

void HeadersEditor::setStatus(const QString &text, Theme::Tone tone)
{
    m_status->setText(text);
    m_statusTone = tone;
    paintStatus();
}

void HeadersEditor::paintStatus()
{
    m_status->setVisible(!m_status->text().isEmpty());
    Theme::paintLabel(m_status, m_statusTone);
}

void HeadersEditor::fillAddMenu()
{
    QMenu *menu = m_addButton->menu();
    menu->clear();
    const QList<QByteArray> names = knownHeaders(m_format);
    for (const QByteArray &name : names) {
        QAction *a = menu->addAction(QString::fromLatin1(name));
        a->setEnabled(!Nh::hasHeader(customHeaders(), name));
        connect(a, &QAction::triggered, this, [this, name] {
            const int row = m_model->appendCustom(name, {});
            m_table->edit(m_proxy->index(row, Nh::HeaderModel::Value));
        });
    }
    if (!names.isEmpty())
        menu->addSeparator();
    connect(menu->addAction(tr("Other header…")), &QAction::triggered, this, [this] {
        const int row = m_model->appendCustom({}, {});
        m_table->edit(m_proxy->index(row, Nh::HeaderModel::Name));
    });
}

void HeadersEditor::removeSelectedRows()
{
    QList<int> rows;
    for (const QModelIndex &i : m_table->selectionModel()->selectedRows()) {
        if (i.data(Nh::HeaderModel::OriginRole).toInt() == int(Nh::HeaderModel::Origin::Custom))
            rows.append(i.row());
    }
    std::sort(rows.begin(), rows.end(), std::greater<>());
    for (const int r : std::as_const(rows))
        m_model->removeRows(r, 1);
}

void HeadersEditor::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_proxy) {
        m_proxy->setPalette(palette());
        paintStatus();
    }
}
