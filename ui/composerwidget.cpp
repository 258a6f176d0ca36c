// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "composerwidget.h"

#include "client/hubclient.h"
#include "models/headermodel.h"
#include "payloadeditor.h"
#include "protocol/payloadbuilder.h"
#include "protocol/tagexpression.h"
#include "statusdecorationproxy.h"
#include "tagexpressionedit.h"
#include "theme.h"

#include <QAction>
#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QEvent>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace {

/** Edits are validated after this pause, so typing stays smooth. */
constexpr int kValidateDelayMs = 150;
constexpr int kTagPages = 5;

constexpr Nh::Format kFormats[] = {
    Nh::Format::Apple,   Nh::Format::FcmV1,   Nh::Format::Gcm,
    Nh::Format::Windows, Nh::Format::WindowsPhone, Nh::Format::Adm,
    Nh::Format::Baidu,   Nh::Format::Browser, Nh::Format::Xiaomi,
    Nh::Format::Template,
};

/** Platform headers people add by hand, per format (nh-rest.md §4.4). */
QList<QByteArray> knownHeaders(Nh::Format format)
{
    switch (format) {
    case Nh::Format::Apple:
        return {"apns-push-type", "apns-priority", "apns-expiration", "apns-topic",
                "apns-collapse-id", "apns-id"};
    case Nh::Format::Windows:
        return {"X-WNS-Type", "X-WNS-Cache-Policy", "X-WNS-TTL", "X-WNS-Tag", "X-WNS-Group",
                "X-WNS-SuppressPopup", "X-WNS-RequestForStatus"};
    case Nh::Format::WindowsPhone:
        return {"X-NotificationClass", "X-WindowsPhone-Target"};
    case Nh::Format::Browser:
        return {"P256DH", "Auth"};
    default:
        return {};
    }
}

QString headerNote(const QByteArray &name)
{
    const QByteArray n = name.toLower();
    if (n == "authorization")
        return ComposerWidget::tr("Signed with the profile's key when you send (a SAS token "
                                  "valid for one hour).");
    if (n == "x-ms-version")
        return ComposerWidget::tr("The REST API version nhconsole speaks.");
    if (n == "servicebusnotification-format")
        return ComposerWidget::tr("From the format picker.");
    if (n == "servicebusnotification-tags")
        return ComposerWidget::tr("From the tag expression, as written.");
    if (n == "servicebusnotification-devicehandle")
        return ComposerWidget::tr("From the device handle of a direct send.");
    if (n == "servicebusnotification-scheduletime")
        return ComposerWidget::tr("From the schedule time, in UTC.");
    if (n == "content-type")
        return ComposerWidget::tr("Chosen for the format and body; add your own Content-Type "
                                  "to override it.");
    return ComposerWidget::tr("Derived from the payload; add a header of the same name to "
                              "override it.");
}

QLabel *noteLabel(const QString &text, QWidget *parent, const QString &name = {})
{
    auto *l = new QLabel(text, parent);
    l->setWordWrap(true);
    if (!name.isEmpty())
        l->setObjectName(name);
    return l;
}

} // namespace

ComposerWidget::ComposerWidget(Nh::HubClient *client, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_validateTimer(new QTimer(this))
    , m_headerModel(new Nh::HeaderModel(this))
    , m_headerProxy(new StatusDecorationProxy(StatusDecorationProxy::Kind::Headers, this))
{
    m_validateTimer->setSingleShot(true);
    m_validateTimer->setInterval(kValidateDelayMs);
    connect(m_validateTimer, &QTimer::timeout, this, &ComposerWidget::validateNow);
    m_headerProxy->setSourceModel(m_headerModel);
    m_headerProxy->setPalette(palette());

    m_sendAction = new QAction(Theme::icon(u"send"_s), tr("&Send"), this);
    m_sendAction->setObjectName(u"actionSend"_s);
    m_sendAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Return),
                                QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    m_sendAction->setToolTip(tr("Send the notification (Ctrl+Enter)"));
    connect(m_sendAction, &QAction::triggered, this, &ComposerWidget::requestSend);
    m_cancelAction = new QAction(Theme::icon(u"cancel"_s), tr("&Cancel Send"), this);
    m_cancelAction->setObjectName(u"actionCancel"_s);
    m_cancelAction->setShortcut(QKeySequence(Qt::Key_Escape));
    m_cancelAction->setEnabled(false);
    connect(m_cancelAction, &QAction::triggered, this, &ComposerWidget::cancel);
    m_prettyAction = new QAction(Theme::icon(u"prettyprint"_s), tr("&Pretty-print Payload"), this);
    m_prettyAction->setObjectName(u"actionPrettyPrint"_s);
    m_prettyAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    connect(m_prettyAction, &QAction::triggered, this, &ComposerWidget::prettyPrint);
    m_testAction = new QAction(tr("&Test Send"), this);
    m_testAction->setObjectName(u"actionTestSend"_s);
    m_testAction->setCheckable(true);
    m_testAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    m_refreshTagsAction = new QAction(Theme::icon(u"refresh"_s), tr("&Refresh Known Tags"), this);
    m_refreshTagsAction->setObjectName(u"actionRefreshTags"_s);
    // No shortcut of its own: F5 belongs to the window, which routes it to the view in focus.
    connect(m_refreshTagsAction, &QAction::triggered, this, &ComposerWidget::refreshKnownTags);
    addActions({m_sendAction, m_cancelAction, m_prettyAction, m_testAction, m_refreshTagsAction});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *title = new QLabel(tr("<b>Compose</b>"), this);
    layout->addWidget(title);
    layout->addWidget(buildFormatRow());
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(u"composerTabs"_s);
    m_tabs->addTab(buildPayloadTab(), tr("Payload"));
    m_tabs->addTab(buildHeadersTab(), tr("Headers"));
    layout->addWidget(m_tabs, 1);
    layout->addWidget(buildTargetBox());
    layout->addWidget(buildOptionsBox());
    layout->addWidget(buildSendRow());

    connect(m_testAction, &QAction::toggled, m_testCheck, &QCheckBox::setChecked);
    connect(m_testCheck, &QCheckBox::toggled, m_testAction, &QAction::setChecked);
    connect(m_testCheck, &QCheckBox::toggled, this, &ComposerWidget::updateSendState);

    setFormat(Nh::Format::Apple);
    setTestSend(true);
    setTargetKind(TargetKind::Broadcast);
    validateNow();
}

// --- building ---------------------------------------------------------------------------------

QWidget *ComposerWidget::buildFormatRow()
{
    auto *row = new QWidget(this);
    auto *h = new QHBoxLayout(row);
    h->setContentsMargins(0, 0, 0, 0);
    m_formatCombo = new QComboBox(row);
    m_formatCombo->setObjectName(u"formatCombo"_s);
    for (const Nh::Format f : kFormats)
        m_formatCombo->addItem(Nh::formatDisplayName(f), int(f));
    m_formatCombo->setToolTip(tr("The ServiceBusNotification-Format: which registrations the "
                                 "hub sends to (a native platform, or templates)"));
    m_presetCombo = new QComboBox(row);
    m_presetCombo->setObjectName(u"presetCombo"_s);
    m_presetCombo->setToolTip(tr("Ready-made payloads for this format; each one is valid"));
    m_prettyButton = new QToolButton(row);
    m_prettyButton->setObjectName(u"prettyPrintButton"_s);
    m_prettyButton->setDefaultAction(m_prettyAction);
    m_prettyButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_prettyButton->setText(tr("Pretty-print"));
    auto *formatLabel = new QLabel(tr("&Format"), row);
    formatLabel->setBuddy(m_formatCombo);
    auto *presetLabel = new QLabel(tr("P&reset"), row);
    presetLabel->setBuddy(m_presetCombo);
    h->addWidget(formatLabel);
    h->addWidget(m_formatCombo, 2);
    h->addWidget(presetLabel);
    h->addWidget(m_presetCombo, 2);
    h->addWidget(m_prettyButton);

    connect(m_formatCombo, &QComboBox::activated, this, [this](int index) {
        setFormat(Nh::Format(m_formatCombo->itemData(index).toInt()));
    });
    connect(m_presetCombo, &QComboBox::activated, this, &ComposerWidget::applyPreset);
    return row;
}

QWidget *ComposerWidget::buildPayloadTab()
{
    auto *tab = new QWidget(this);
    m_propertiesPane = new QWidget(tab);
    m_propertiesPane->setObjectName(u"propertiesPane"_s);
    m_properties = new QTableWidget(0, 2, m_propertiesPane);
    m_properties->setObjectName(u"propertiesTable"_s);
    m_properties->setHorizontalHeaderLabels({tr("Property"), tr("Value")});
    m_properties->horizontalHeader()->setStretchLastSection(true);
    m_properties->verticalHeader()->hide();
    m_properties->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_propertiesNote = noteLabel(tr("Template properties: the hub puts each value into the "
                                    "$(name) placeholders of the registrations' templates. "
                                    "Edit here or in the JSON below; both stay in sync."),
                                 m_propertiesPane, u"propertiesNote"_s);
    auto *addProperty = new QToolButton(m_propertiesPane);
    addProperty->setObjectName(u"addPropertyButton"_s);
    addProperty->setIcon(Theme::icon(u"add"_s));
    addProperty->setToolTip(tr("Add a property"));
    auto *removeProperty = new QToolButton(m_propertiesPane);
    removeProperty->setObjectName(u"removePropertyButton"_s);
    removeProperty->setIcon(Theme::icon(u"remove"_s));
    removeProperty->setToolTip(tr("Remove the selected properties"));
    auto *propButtons = new QVBoxLayout;
    propButtons->addWidget(addProperty);
    propButtons->addWidget(removeProperty);
    propButtons->addStretch();
    auto *propGrid = new QGridLayout(m_propertiesPane);
    propGrid->setContentsMargins(0, 0, 0, 0);
    propGrid->addWidget(m_propertiesNote, 0, 0, 1, 2);
    propGrid->addWidget(m_properties, 1, 0);
    propGrid->addLayout(propButtons, 1, 1);

    m_editor = new PayloadEditor(tab);
    m_editor->setObjectName(u"payloadEditor"_s);
    m_payloadLabel = noteLabel({}, tab, u"payloadStatus"_s);
    m_payloadLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *editorPane = new QWidget(tab);
    auto *editorLayout = new QVBoxLayout(editorPane);
    editorLayout->setContentsMargins(0, 0, 0, 0);
    editorLayout->addWidget(m_editor, 1);
    editorLayout->addWidget(m_payloadLabel);

    m_payloadSplitter = new QSplitter(Qt::Vertical, tab);
    m_payloadSplitter->setObjectName(u"payloadSplitter"_s);
    m_payloadSplitter->addWidget(m_propertiesPane);
    m_payloadSplitter->addWidget(editorPane);
    m_payloadSplitter->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(tab);
    layout->addWidget(m_payloadSplitter);

    connect(m_editor, &QPlainTextEdit::textChanged, this, &ComposerWidget::onPayloadEdited);
    connect(m_properties, &QTableWidget::itemChanged, this, &ComposerWidget::onPropertiesEdited);
    connect(addProperty, &QToolButton::clicked, this, [this] {
        const int row = m_properties->rowCount();
        m_syncing = true;
        m_properties->insertRow(row);
        m_properties->setItem(row, 0, new QTableWidgetItem(u"name%1"_s.arg(row + 1)));
        m_properties->setItem(row, 1, new QTableWidgetItem());
        m_syncing = false;
        onPropertiesEdited();
        m_properties->editItem(m_properties->item(row, 0));
    });
    connect(removeProperty, &QToolButton::clicked, this, [this] {
        const QModelIndexList rows = m_properties->selectionModel()->selectedRows();
        QList<int> numbers;
        for (const QModelIndex &i : rows)
            numbers.append(i.row());
        std::sort(numbers.begin(), numbers.end(), std::greater<>());
        m_syncing = true;
        for (const int r : std::as_const(numbers))
            m_properties->removeRow(r);
        m_syncing = false;
        onPropertiesEdited();
    });
    return tab;
}

QWidget *ComposerWidget::buildHeadersTab()
{
    auto *tab = new QWidget(this);
    m_headersTable = new QTableView(tab);
    m_headersTable->setObjectName(u"headersTable"_s);
    m_headersTable->setModel(m_headerProxy);
    m_headersTable->verticalHeader()->hide();
    m_headersTable->horizontalHeader()->setStretchLastSection(true);
    m_headersTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_headersTable->setEditTriggers(QAbstractItemView::DoubleClicked
                                    | QAbstractItemView::EditKeyPressed
                                    | QAbstractItemView::AnyKeyPressed);
    m_headersTable->setWordWrap(false);
    m_headersTable->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);

    m_addHeaderButton = new QToolButton(tab);
    m_addHeaderButton->setObjectName(u"addHeaderButton"_s);
    m_addHeaderButton->setIcon(Theme::icon(u"add"_s));
    m_addHeaderButton->setText(tr("Add header"));
    m_addHeaderButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_addHeaderButton->setPopupMode(QToolButton::InstantPopup);
    m_addHeaderButton->setMenu(new QMenu(m_addHeaderButton));
    m_removeHeaderButton = new QToolButton(tab);
    m_removeHeaderButton->setObjectName(u"removeHeaderButton"_s);
    m_removeHeaderButton->setIcon(Theme::icon(u"remove"_s));
    m_removeHeaderButton->setText(tr("Remove"));
    m_removeHeaderButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_headersLabel = noteLabel({}, tab, u"headersStatus"_s);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_addHeaderButton);
    buttons->addWidget(m_removeHeaderButton);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(tab);
    layout->addWidget(noteLabel(tr("Grey rows are set by nhconsole from the format, body and "
                                   "target; your own rows override them and can be edited."),
                                tab));
    layout->addWidget(m_headersTable, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_headersLabel);

    connect(m_addHeaderButton->menu(), &QMenu::aboutToShow, this, [this] {
        QMenu *menu = m_addHeaderButton->menu();
        menu->clear();
        const QList<QByteArray> names = knownHeaders(format());
        for (const QByteArray &name : names) {
            QAction *a = menu->addAction(QString::fromLatin1(name));
            a->setEnabled(!Nh::hasHeader(customHeaders(), name));
            connect(a, &QAction::triggered, this, [this, name] {
                const int row = m_headerModel->appendCustom(name, {});
                m_headersTable->edit(m_headerProxy->index(row, Nh::HeaderModel::Value));
            });
        }
        if (!names.isEmpty())
            menu->addSeparator();
        connect(menu->addAction(tr("Other header…")), &QAction::triggered, this, [this] {
            const int row = m_headerModel->appendCustom({}, {});
            m_headersTable->edit(m_headerProxy->index(row, Nh::HeaderModel::Name));
        });
    });
    connect(m_removeHeaderButton, &QToolButton::clicked, this, [this] {
        QList<int> rows;
        for (const QModelIndex &i : m_headersTable->selectionModel()->selectedRows()) {
            if (i.data(Nh::HeaderModel::OriginRole).toInt()
                == int(Nh::HeaderModel::Origin::Custom))
                rows.append(i.row());
        }
        std::sort(rows.begin(), rows.end(), std::greater<>());
        for (const int r : std::as_const(rows))
            m_headerModel->removeRows(r, 1);
    });
    connect(m_headerModel, &Nh::HeaderModel::customHeadersChanged, this,
            &ComposerWidget::scheduleValidation);
    return tab;
}

QWidget *ComposerWidget::buildTargetBox()
{
    auto *box = new QGroupBox(tr("Target"), this);
    box->setObjectName(u"targetBox"_s);
    m_tagsRadio = new QRadioButton(tr("Ta&gs"), box);
    m_tagsRadio->setObjectName(u"targetTags"_s);
    m_devicesRadio = new QRadioButton(tr("&Device"), box);
    m_devicesRadio->setObjectName(u"targetDevices"_s);
    m_broadcastRadio = new QRadioButton(tr("&Everyone"), box);
    m_broadcastRadio->setObjectName(u"targetBroadcast"_s);
    m_targetGroup = new QButtonGroup(box);
    m_targetGroup->addButton(m_tagsRadio, int(TargetKind::Tags));
    m_targetGroup->addButton(m_devicesRadio, int(TargetKind::Devices));
    m_targetGroup->addButton(m_broadcastRadio, int(TargetKind::Broadcast));

    m_tagEdit = new TagExpressionEdit(box);
    m_tagEdit->setObjectName(u"tagExpressionEdit"_s);
    m_tagEdit->setPlaceholderText(tr("sports && (lang:en || lang:fr)"));
    m_tagLabel = noteLabel({}, box, u"tagStatus"_s);
    m_tagLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_devicesEdit = new QLineEdit(box);
    m_devicesEdit->setObjectName(u"deviceHandlesEdit"_s);
    m_devicesEdit->setFont(Theme::monospace());
    m_devicesEdit->setPlaceholderText(tr("PNS handle; several separated by spaces for a batch"));
    m_broadcastNote = noteLabel(tr("Every registration of this format in the hub."), box,
                                u"broadcastNote"_s);

    auto *grid = new QGridLayout(box);
    grid->addWidget(m_tagsRadio, 0, 0);
    grid->addWidget(m_tagEdit, 0, 1);
    grid->addWidget(m_tagLabel, 1, 1);
    grid->addWidget(m_devicesRadio, 2, 0);
    grid->addWidget(m_devicesEdit, 2, 1);
    grid->addWidget(m_broadcastRadio, 3, 0);
    grid->addWidget(m_broadcastNote, 3, 1);
    grid->setColumnStretch(1, 1);

    connect(m_targetGroup, &QButtonGroup::idToggled, this, [this](int, bool on) {
        if (on) {
            updateTargetWidgets();
            scheduleValidation();
        }
    });
    connect(m_tagEdit, &QLineEdit::textChanged, this, &ComposerWidget::scheduleValidation);
    connect(m_devicesEdit, &QLineEdit::textChanged, this, &ComposerWidget::scheduleValidation);
    // Typing in a field picks its target.
    connect(m_tagEdit, &QLineEdit::textEdited, this, [this] { m_tagsRadio->setChecked(true); });
    connect(m_devicesEdit, &QLineEdit::textEdited, this,
            [this] { m_devicesRadio->setChecked(true); });
    return box;
}

QWidget *ComposerWidget::buildOptionsBox()
{
    auto *box = new QWidget(this);
    m_testCheck = new QCheckBox(tr("T&est send"), box);
    m_testCheck->setObjectName(u"testSendCheck"_s);
    m_testNote = noteLabel(tr("The hub answers with each registration's outcome. It reaches at "
                              "most 10 registrations and allows about 10 test sends a minute; "
                              "direct and scheduled sends cannot be test sends."),
                           box, u"testSendNote"_s);
    m_scheduleCheck = new QCheckBox(tr("Sc&hedule at"), box);
    m_scheduleCheck->setObjectName(u"scheduleCheck"_s);
    m_scheduleEdit = new QDateTimeEdit(box);
    m_scheduleEdit->setObjectName(u"scheduleEdit"_s);
    m_scheduleEdit->setTimeSpec(Qt::UTC);
    m_scheduleEdit->setDisplayFormat(u"yyyy-MM-dd HH:mm 'UTC'"_s);
    m_scheduleEdit->setCalendarPopup(true);
    m_scheduleEdit->setDateTime(QDateTime::currentDateTimeUtc().addSecs(3600));
    m_scheduleEdit->setEnabled(false);
    m_scheduleLabel = noteLabel({}, box, u"scheduleStatus"_s);

    auto *grid = new QGridLayout(box);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(m_testCheck, 0, 0, Qt::AlignTop);
    grid->addWidget(m_testNote, 0, 1, 1, 2);
    grid->addWidget(m_scheduleCheck, 1, 0);
    grid->addWidget(m_scheduleEdit, 1, 1);
    grid->addWidget(m_scheduleLabel, 2, 1, 1, 2);
    grid->setColumnStretch(2, 1);

    connect(m_scheduleCheck, &QCheckBox::toggled, this, [this](bool on) {
        m_scheduleEdit->setEnabled(on);
        updateTargetWidgets();
        scheduleValidation();
    });
    connect(m_scheduleEdit, &QDateTimeEdit::dateTimeChanged, this,
            &ComposerWidget::scheduleValidation);
    return box;
}

QWidget *ComposerWidget::buildSendRow()
{
    auto *row = new QWidget(this);
    m_refusalLabel = noteLabel({}, row, u"sendStatus"_s);
    m_refusalLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progress = new QProgressBar(row);
    m_progress->setObjectName(u"sendProgress"_s);
    m_progress->setRange(0, 0);
    m_progress->setTextVisible(false);
    m_progress->setMaximumWidth(120);
    m_progress->hide();
    m_cancelButton = new QPushButton(Theme::icon(u"cancel"_s), tr("Cancel"), row);
    m_cancelButton->setObjectName(u"cancelButton"_s);
    m_cancelButton->setToolTip(tr("Stop waiting for the hub (Esc)"));
    m_cancelButton->setEnabled(false);
    m_sendButton = new QPushButton(Theme::icon(u"send"_s), tr("Send"), row);
    m_sendButton->setObjectName(u"sendButton"_s);
    m_sendButton->setDefault(true);
    m_sendButton->setToolTip(tr("Send the notification (Ctrl+Enter)"));
    QFont bold = m_sendButton->font();
    bold.setBold(true);
    m_sendButton->setFont(bold);
    m_sendButton->setMinimumWidth(110);

    auto *h = new QHBoxLayout(row);
    h->setContentsMargins(0, 0, 0, 0);
    h->addWidget(m_refusalLabel, 1);
    h->addWidget(m_progress);
    h->addWidget(m_cancelButton);
    h->addWidget(m_sendButton);
    connect(m_sendButton, &QPushButton::clicked, this, &ComposerWidget::requestSend);
    connect(m_cancelButton, &QPushButton::clicked, this, &ComposerWidget::cancel);
    return row;
}

// --- state ------------------------------------------------------------------------------------

void ComposerWidget::setFormat(Nh::Format format)
{
    const int index = m_formatCombo->findData(int(format));
    m_formatCombo->setCurrentIndex(index);
    m_presetCombo->clear();
    for (const Nh::PayloadPreset &p : Nh::payloadBuilder(format).presets())
        m_presetCombo->addItem(p.name, p.id);
    m_propertiesPane->setVisible(format == Nh::Format::Template);
    applyPreset(0);
}

Nh::Format ComposerWidget::format() const
{
    return Nh::Format(m_formatCombo->currentData().toInt());
}

void ComposerWidget::applyPreset(int index)
{
    const QList<Nh::PayloadPreset> presets = Nh::payloadBuilder(format()).presets();
    if (index < 0 || index >= presets.size())
        return;
    m_presetCombo->setCurrentIndex(index);
    const Nh::PayloadPreset &p = presets.at(index);
    setCustomHeaders(p.headers);
    setPayload(p.body);
    // Presets are compact on the wire; people read them indented.
    prettyPrint();
    validateNow();
}

void ComposerWidget::setPayload(const QByteArray &body)
{
    m_editor->setPayload(body);
    m_editor->guessSyntax();
}

QByteArray ComposerWidget::payload() const
{
    return m_editor->payload();
}

void ComposerWidget::setTargetKind(TargetKind kind)
{
    m_targetGroup->button(int(kind))->setChecked(true);
    updateTargetWidgets();
    scheduleValidation();
}

ComposerWidget::TargetKind ComposerWidget::targetKind() const
{
    return TargetKind(m_targetGroup->checkedId());
}

void ComposerWidget::setTagExpression(const QString &expression)
{
    m_tagEdit->setText(expression);
}

QString ComposerWidget::tagExpression() const
{
    return m_tagEdit->text();
}

void ComposerWidget::setDeviceHandles(const QString &handles)
{
    m_devicesEdit->setText(handles);
}

void ComposerWidget::setTestSend(bool on)
{
    m_testCheck->setChecked(on);
}

bool ComposerWidget::isTestSend() const
{
    return m_testCheck->isChecked();
}

void ComposerWidget::setSchedule(const std::optional<QDateTime> &when)
{
    if (when)
        m_scheduleEdit->setDateTime(when->toUTC());
    m_scheduleCheck->setChecked(when.has_value());
}

Nh::HttpHeaders ComposerWidget::customHeaders() const
{
    return m_headerModel->headers(Nh::HeaderModel::Origin::Custom);
}

void ComposerWidget::setCustomHeaders(const Nh::HttpHeaders &headers)
{
    QList<Nh::HeaderModel::Row> rows;
    for (const auto &[name, value] : headers)
        rows.append({name, value, Nh::HeaderModel::Origin::Custom, {}});
    m_headerModel->replaceRows(Nh::HeaderModel::Origin::Custom, rows);
}

QStringList ComposerWidget::deviceHandles() const
{
    static const QRegularExpression separators(u"[\\s,]+"_s);
    return m_devicesEdit->text().split(separators, Qt::SkipEmptyParts);
}

Nh::Notification ComposerWidget::notification() const
{
    Nh::Notification n;
    n.format = format();
    n.body = payload();
    n.headers = customHeaders();
    switch (targetKind()) {
    case TargetKind::Tags:
        n.target = Nh::Target::tags(m_tagEdit->text());
        break;
    case TargetKind::Devices: {
        const QStringList handles = deviceHandles();
        n.target = handles.size() == 1 ? Nh::Target::device(handles.first())
                                       : Nh::Target::devices(handles);
        break;
    }
    case TargetKind::Broadcast:
        n.target = Nh::Target::broadcast();
        break;
    }
    if (m_scheduleCheck->isChecked())
        n.scheduleTime = m_scheduleEdit->dateTime().toUTC();
    return n;
}

bool ComposerWidget::canSend() const
{
    return m_refusal.isEmpty() && m_connectionProblem.isEmpty() && !isSending();
}

void ComposerWidget::setConnectionProblem(const QString &problem)
{
    if (problem == m_connectionProblem)
        return;
    m_connectionProblem = problem;
    updateSendState();
}

// --- validation -------------------------------------------------------------------------------

void ComposerWidget::scheduleValidation()
{
    if (!m_syncing)
        m_validateTimer->start();
}

void ComposerWidget::onPayloadEdited()
{
    if (m_syncing)
        return;
    if (format() == Nh::Format::Template) {
        const auto props = Nh::templateProperties(payload());
        m_properties->setEnabled(props.ok());
        if (props)
            fillProperties(*props);
        m_propertiesNote->setText(
            props ? tr("Template properties: the hub puts each value into the $(name) "
                       "placeholders of the registrations' templates. Edit here or in the JSON "
                       "below; both stay in sync.")
                  : tr("Fix the JSON below to edit the properties as a table."));
    }
    scheduleValidation();
}

void ComposerWidget::fillProperties(const Nh::TemplateProperties &properties)
{
    Nh::TemplateProperties current;
    for (int r = 0; r < m_properties->rowCount(); ++r) {
        const auto *k = m_properties->item(r, 0);
        const auto *v = m_properties->item(r, 1);
        current.append({k ? k->text() : QString(), v ? v->text() : QString()});
    }
    if (current == properties)
        return;
    m_syncing = true;
    m_properties->setRowCount(int(properties.size()));
    for (int r = 0; r < properties.size(); ++r) {
        m_properties->setItem(r, 0, new QTableWidgetItem(properties.at(r).first));
        m_properties->setItem(r, 1, new QTableWidgetItem(properties.at(r).second));
    }
    m_syncing = false;
}

void ComposerWidget::onPropertiesEdited()
{
    if (m_syncing)
        return;
    Nh::TemplateProperties props;
    for (int r = 0; r < m_properties->rowCount(); ++r) {
        const auto *k = m_properties->item(r, 0);
        const auto *v = m_properties->item(r, 1);
        if (k && !k->text().trimmed().isEmpty())
            props.append({k->text().trimmed(), v ? v->text() : QString()});
    }
    m_syncing = true;
    setPayload(Nh::templateBody(props));
    m_editor->prettyPrint();
    m_syncing = false;
    scheduleValidation();
}

void ComposerWidget::validateNow()
{
    m_validateTimer->stop();
    const Nh::Format f = format();
    const Nh::PayloadBuilder &builder = Nh::payloadBuilder(f);
    const Nh::HttpHeaders custom = customHeaders();
    const QByteArray body = payload();
    QStringList refusals;
    using Tone = Theme::Tone;

    // Payload (and the platform headers that go with it).
    const Nh::Status payload = builder.validate(body, custom);
    if (!payload) {
        m_editor->setError(payload.error());
        m_payloadStatus = {payload.error().message, int(Tone::Failure)};
        refusals << payload.error().message;
    } else {
        m_editor->clearError();
        if (!payload.warnings().isEmpty()) {
            m_payloadStatus = {payload.warnings().first().message, int(Tone::Warning)};
        } else {
            m_payloadStatus = {tr("Valid %1 payload, %n byte(s).", nullptr, int(body.size()))
                                   .arg(Nh::formatDisplayName(f)),
                               int(Tone::Success)};
        }
    }

    // The user's headers.
    const Nh::Status headers = Nh::validateUserHeaders(custom);
    if (!headers) {
        m_headersStatus = {headers.error().message, int(Tone::Failure)};
        refusals << headers.error().message;
    } else {
        m_headersStatus = {};
    }

    // Target.
    m_tagEdit->clearErrorSpan();
    m_tagStatus = {};
    switch (targetKind()) {
    case TargetKind::Tags: {
        const Nh::Status tags = Nh::validateTagTarget(m_tagEdit->text());
        if (!tags) {
            if (tags.error().offset >= 0)
                m_tagEdit->setErrorSpan(int(tags.error().offset), int(tags.error().length));
            m_tagStatus = {tags.error().message, int(Tone::Failure)};
            refusals << tags.error().message;
            break;
        }
        const auto parsed =
            Nh::TagExpression::parse(m_tagEdit->text(), Nh::TagExpression::Limits::Report);
        if (!parsed)
            break;
        const bool orOnly = parsed->usesOnlyOr();
        const int limit = orOnly ? Nh::TagExpression::kMaxTagsOrOnly : Nh::TagExpression::kMaxTags;
        QString text = tr("Reads as <tt>%1</tt> · %2 of %3 tags (%4)")
                           .arg(parsed->normalized().toHtmlEscaped())
                           .arg(parsed->tagCount())
                           .arg(limit)
                           .arg(orOnly ? tr("only ||") : tr("with && or !"));
        int tone = int(Tone::Success);
        if (!tags.warnings().isEmpty()) {
            text += u"<br>"_s + tags.warnings().first().message.toHtmlEscaped();
            tone = int(Tone::Warning);
        }
        m_tagStatus = {text, tone};
        break;
    }
    case TargetKind::Devices:
        if (deviceHandles().isEmpty()) {
            const QString why = tr("Enter the device handle to send to.");
            m_tagStatus = {};
            refusals << why;
        }
        break;
    case TargetKind::Broadcast:
        break;
    }

    // Everything else prepareSend() checks (schedule, direct-send rules), and the headers.
    m_scheduleStatus = {};
    std::optional<Nh::PreparedSend> prepared;
    if (refusals.isEmpty()) {
        const auto result = Nh::prepareSend(notification());
        if (result) {
            prepared = *result;
        } else {
            refusals << result.error().message;
            if (result.error().where == QString::fromLatin1(Nh::kScheduleTimeHeader))
                m_scheduleStatus = {result.error().message, int(Tone::Failure)};
        }
    }
    updateAutomaticHeaders(prepared);

    m_refusal = refusals.value(0);
    paintStatuses();
    updateSendState();

    const QString target = QString::number(int(f)) + u'|' + QString::number(int(targetKind()))
        + u'|' + m_tagEdit->text() + u'|' + m_devicesEdit->text();
    if (target != m_emittedTarget) {
        m_emittedTarget = target;
        emit targetChanged();
    }
}

void ComposerWidget::addPage(QWidget *page, const QString &title)
{
    m_tabs->addTab(page, title);
}

void ComposerWidget::setPageTitle(QWidget *page, const QString &title)
{
    if (const int index = m_tabs->indexOf(page); index >= 0)
        m_tabs->setTabText(index, title);
}

void ComposerWidget::showPage(QWidget *page)
{
    m_tabs->setCurrentWidget(page);
}

void ComposerWidget::updateAutomaticHeaders(const std::optional<Nh::PreparedSend> &prepared)
{
    if (m_previewAuthorization.isEmpty() && !m_client->connection().connectionString.isNull()) {
        const Nh::HubConnection &c = m_client->connection();
        m_previewAuthorization =
            Nh::Sas::generateForHub(c.connectionString, c.hub, QDateTime::currentDateTimeUtc(),
                                    c.sas)
                .header();
    }
    const Nh::HttpHeaders custom = customHeaders();
    QList<Nh::HeaderModel::Row> rows;
    const auto add = [&](const QByteArray &name, const QByteArray &value) {
        if (!Nh::hasHeader(custom, name))
            rows.append({name, value, Nh::HeaderModel::Origin::Automatic, headerNote(name)});
    };
    if (!m_previewAuthorization.isEmpty())
        add("Authorization", m_previewAuthorization.toUtf8());
    add("x-ms-version", m_client->connection().apiVersion.toUtf8());
    if (prepared) {
        for (const auto &[name, value] : prepared->headers)
            add(name, value);
    } else {
        // Invalid input: show what can still be known.
        const Nh::PayloadBuilder &builder = Nh::payloadBuilder(format());
        add(QByteArray(Nh::kFormatHeader.data(), Nh::kFormatHeader.size()),
            Nh::formatWireName(format()).toUtf8());
        add(QByteArray(Nh::kContentTypeHeader.data(), Nh::kContentTypeHeader.size()),
            builder.contentType(payload(), custom));
        for (const auto &[name, value] : builder.derivedHeaders(payload(), custom))
            add(name, value);
    }
    m_headerModel->replaceRows(Nh::HeaderModel::Origin::Automatic, rows);
    m_headersTable->resizeColumnToContents(Nh::HeaderModel::Name);
    m_tabs->setTabText(1, tr("Headers (%1)").arg(m_headerModel->rowCount()));
}

void ComposerWidget::updateTargetWidgets()
{
    const TargetKind kind = targetKind();
    m_tagEdit->setEnabled(kind == TargetKind::Tags);
    m_tagLabel->setVisible(kind == TargetKind::Tags && !m_tagStatus.text.isEmpty());
    m_devicesEdit->setEnabled(kind == TargetKind::Devices);
    // The hub has no test mode for direct or scheduled sends (nh-rest.md §4.5, §4.7).
    const bool testPossible = kind != TargetKind::Devices && !m_scheduleCheck->isChecked();
    m_testCheck->setEnabled(testPossible);
    m_testAction->setEnabled(testPossible);
}

void ComposerWidget::paintStatuses()
{
    const auto show = [](QLabel *label, const Status &s) {
        label->setText(s.text);
        label->setVisible(!s.text.isEmpty());
        Theme::paintLabel(label, Theme::Tone(s.tone));
    };
    show(m_payloadLabel, m_payloadStatus);
    show(m_tagLabel, m_tagStatus);
    show(m_headersLabel, m_headersStatus);
    show(m_scheduleLabel, m_scheduleStatus);
    updateTargetWidgets();
    if (!m_payloadStatus.text.isEmpty() && m_payloadStatus.tone == int(Theme::Tone::Failure))
        m_tabs->setTabIcon(0, Theme::toneIcon(Theme::Tone::Failure));
    else
        m_tabs->setTabIcon(0, {});
    m_tabs->setTabIcon(1, m_headersStatus.text.isEmpty() ? QIcon()
                                                         : Theme::toneIcon(Theme::Tone::Failure));
}

void ComposerWidget::updateSendState()
{
    const bool ready = canSend();
    m_sendButton->setEnabled(ready);
    m_sendAction->setEnabled(ready);
    m_cancelButton->setEnabled(isSending());
    m_cancelAction->setEnabled(isSending());
    m_progress->setVisible(isSending());
    if (isSending()) {
        m_refusalLabel->setText(tr("Waiting for the hub…"));
        Theme::paintLabel(m_refusalLabel, Theme::Tone::Info);
    } else if (!m_refusal.isEmpty()) {
        m_refusalLabel->setText(tr("<b>Cannot send:</b> %1").arg(m_refusal.toHtmlEscaped()));
        Theme::paintLabel(m_refusalLabel, Theme::Tone::Failure);
    } else if (!m_connectionProblem.isEmpty()) {
        // The notification is fine; the hub is what is missing.
        m_refusalLabel->setText(
            tr("<b>Not connected:</b> %1").arg(m_connectionProblem.toHtmlEscaped()));
        Theme::paintLabel(m_refusalLabel, Theme::Tone::Warning);
    } else {
        QString target;
        switch (targetKind()) {
        case TargetKind::Tags:
            target = tr("tags <tt>%1</tt>").arg(m_tagEdit->text().trimmed().toHtmlEscaped());
            break;
        case TargetKind::Devices:
            target = tr("%n device(s)", nullptr, int(deviceHandles().size()));
            break;
        case TargetKind::Broadcast:
            target = tr("every %1 registration").arg(Nh::formatDisplayName(format()));
            break;
        }
        const bool test = isTestSend() && m_testCheck->isEnabled();
        m_refusalLabel->setText(
            (test ? tr("Ready: test send to %1.") : tr("Ready: send to %1.")).arg(target));
        Theme::paintLabel(m_refusalLabel, Theme::Tone::Neutral);
    }
    emit readyChanged(ready);
}

// --- sending ----------------------------------------------------------------------------------

void ComposerWidget::requestSend()
{
    if (isSending())
        return;
    if (m_sendGate)
        m_sendGate([this] { send(); });
    else
        send();
}

void ComposerWidget::focusPayload()
{
    m_editor->setFocus();
}

void ComposerWidget::focusTagExpression()
{
    setTargetKind(TargetKind::Tags);
    m_tagEdit->setFocus();
}

void ComposerWidget::send()
{
    if (isSending())
        return;
    validateNow();
    if (!canSend()) {
        emit message(tr("Not sent: %1").arg(m_refusal));
        return;
    }
    const Nh::Notification n = notification();
    const bool test = isTestSend() && m_testCheck->isEnabled();
    Nh::HubJob *job = m_client->send(n, test);
    m_job = job;
    connect(job, &Nh::HubJob::finished, this, [this](const Nh::Exchange &e) {
        m_job = nullptr;
        setSending(false);
        emit exchangeFinished(e);
    });
    connect(job, &Nh::HubJob::retrying, this, [this](int attempt, int delay) {
        emit message(tr("The hub is throttling; attempt %1 in %n s", nullptr, delay)
                         .arg(attempt + 1));
    });
    setSending(true);
    emit sendStarted(n);
}

void ComposerWidget::cancel()
{
    if (m_job)
        m_job->cancel();
}

void ComposerWidget::setSending(bool sending)
{
    m_formatCombo->setEnabled(!sending);
    m_presetCombo->setEnabled(!sending);
    updateSendState();
    emit sendingChanged(sending);
}

bool ComposerWidget::prettyPrint()
{
    const bool wasSyncing = m_syncing;
    const bool done = m_editor->prettyPrint();
    m_syncing = wasSyncing;
    if (!done && !m_editor->toPlainText().trimmed().isEmpty() && !m_syncing)
        emit message(tr("Only valid JSON or XML can be pretty-printed"));
    return done;
}

// --- tags -------------------------------------------------------------------------------------

void ComposerWidget::refreshKnownTags()
{
    fetchTags({}, kTagPages, {});
}

void ComposerWidget::setKnownTags(const QStringList &tags)
{
    m_tagEdit->setKnownTags(tags);
}

void ComposerWidget::fetchTags(const QString &continuationToken, int pagesLeft, QStringList tags)
{
    Nh::HubClient::ListQuery q;
    q.top = 100;
    q.continuationToken = continuationToken;
    Nh::HubJob *job = m_client->listRegistrations(q);
    connect(job, &Nh::HubJob::finished, this,
            [this, pagesLeft, tags](const Nh::Exchange &e) mutable {
                if (!e.ok() || !e.feed) {
                    emit message(tr("Could not read the hub's tags: %1").arg(e.errorSentence));
                    return;
                }
                for (const Nh::Registration &r : e.feed->entries)
                    tags.append(r.tags);
                if (!e.continuationToken.isEmpty() && pagesLeft > 1) {
                    fetchTags(e.continuationToken, pagesLeft - 1, tags);
                    return;
                }
                tags.removeDuplicates();
                tags.sort(Qt::CaseInsensitive);
                m_tagEdit->setKnownTags(tags);
                emit message(tr("%n tag(s) known to the hub, offered as you type", nullptr,
                                int(tags.size())));
            });
}

void ComposerWidget::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_headerProxy) {
        m_headerProxy->setPalette(palette());
        paintStatuses();
        updateSendState();
    }
}
