// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "registrationsbrowser.h"

#include "client/hubclient.h"
#include "installationdialog.h"
#include "models/registrationmodel.h"
#include "payloadeditor.h"
#include "protocol/notificationoutcome.h"
#include "protocol/tagexpression.h"
#include "protocol/xmlutil.h"
#include "registrationdialog.h"
#include "theme.h"

#include <QAction>
#include <QComboBox>
#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace {

QToolButton *toolButton(QAction *action, QWidget *parent)
{
    auto *b = new QToolButton(parent);
    b->setDefaultAction(action);
    b->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    b->setAutoRaise(true);
    return b;
}

/** The installation a registration was made from, from its `$InstallationId:{id}` tag. */
QString installationIdOf(const Nh::Registration &r)
{
    static const QString prefix = u"$InstallationId:{"_s;
    for (const QString &tag : r.tags) {
        if (tag.startsWith(prefix, Qt::CaseInsensitive) && tag.endsWith(u'}'))
            return tag.mid(prefix.size(), tag.size() - prefix.size() - 1);
    }
    return {};
}

} // namespace

RegistrationsBrowser::RegistrationsBrowser(Nh::HubClient *client, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_model(new Nh::RegistrationModel(client, this))
{
    setObjectName(u"registrationsBrowser"_s);
    createActions();

    m_table = new QTableView(this);
    m_table->setObjectName(u"registrationsTable"_s);
    m_table->setModel(m_model);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideMiddle);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setStretchLastSection(true);
    const int em = m_table->fontMetrics().horizontalAdvance(u'M');
    m_table->setColumnWidth(Nh::RegistrationModel::Platform, em * 15);
    m_table->setColumnWidth(Nh::RegistrationModel::RegistrationId, em * 14);
    m_table->setColumnWidth(Nh::RegistrationModel::Handle, em * 16);
    m_table->setColumnWidth(Nh::RegistrationModel::Tags, em * 14);
    m_table->setColumnWidth(Nh::RegistrationModel::Expiry, em * 8);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_table->addActions(
        {m_sendTestAction, m_diagnoseAction, m_editAction, m_deleteAction, m_installationsAction});
    // Selection, not the current index: selecting the row that is already current (the view
    // makes row 0 current on focus) must still show its details.
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &RegistrationsBrowser::onCurrentChanged);
    connect(m_table, &QTableView::doubleClicked, this, &RegistrationsBrowser::editCurrent);

    connect(m_model, &Nh::RegistrationModel::loadingChanged, this,
            &RegistrationsBrowser::updateBusy);
    connect(m_model, &Nh::RegistrationModel::pageFinished, this,
            &RegistrationsBrowser::onPageFinished);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_shownId.clear();
        showDetails({});
        updateActions();
        updateCount();
    });
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &RegistrationsBrowser::updateCount);

    m_errorBanner = new QFrame(this);
    m_errorBanner->setObjectName(u"registrationsError"_s);
    m_errorBanner->setFrameShape(QFrame::StyledPanel);
    m_errorLabel = new QLabel(m_errorBanner);
    m_errorLabel->setObjectName(u"registrationsErrorText"_s);
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *bannerLayout = new QHBoxLayout(m_errorBanner);
    bannerLayout->setContentsMargins(8, 4, 8, 4);
    bannerLayout->addWidget(m_errorLabel, 1);
    m_errorBanner->hide();

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(u"registrationsSplitter"_s);
    m_splitter->addWidget(m_table);
    m_splitter->addWidget(buildDetails());
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(buildToolbar());
    layout->addWidget(m_errorBanner);
    layout->addWidget(m_splitter, 1);

    onListingChanged();
    updateBusy();
    updateActions();
    updateCount();
}

void RegistrationsBrowser::createActions()
{
    m_refreshAction = new QAction(Theme::icon(u"refresh"_s), tr("&Refresh Registrations"), this);
    m_refreshAction->setObjectName(u"refreshRegistrationsAction"_s);
    m_refreshAction->setShortcut(QKeySequence::Refresh);
    m_refreshAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_refreshAction->setToolTip(
        tr("Reload the registrations from the first page (%1)")
            .arg(m_refreshAction->shortcut().toString(QKeySequence::NativeText)));
    connect(m_refreshAction, &QAction::triggered, this, &RegistrationsBrowser::refresh);

    m_cancelAction = new QAction(Theme::icon(u"cancel"_s), tr("Cancel"), this);
    m_cancelAction->setObjectName(u"cancelRegistrationsAction"_s);
    m_cancelAction->setShortcut(Qt::Key_Escape);
    m_cancelAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_cancelAction, &QAction::triggered, this, &RegistrationsBrowser::cancel);

    m_newAction = new QAction(Theme::icon(u"add"_s), tr("&New Registration…"), this);
    m_newAction->setObjectName(u"newRegistrationAction"_s);
    connect(m_newAction, &QAction::triggered, this, &RegistrationsBrowser::createRegistration);

    m_editAction = new QAction(tr("&Edit Registration…"), this);
    m_editAction->setObjectName(u"editRegistrationAction"_s);
    connect(m_editAction, &QAction::triggered, this, &RegistrationsBrowser::editCurrent);

    m_deleteAction = new QAction(Theme::icon(u"remove"_s), tr("&Delete Registration…"), this);
    m_deleteAction->setObjectName(u"deleteRegistrationAction"_s);
    m_deleteAction->setShortcut(QKeySequence::Delete);
    m_deleteAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_deleteAction, &QAction::triggered, this, &RegistrationsBrowser::deleteCurrent);

    m_sendTestAction =
        new QAction(Theme::icon(u"send"_s), tr("&Send Test to This Registration"), this);
    m_sendTestAction->setObjectName(u"sendTestToRegistrationAction"_s);
    connect(m_sendTestAction, &QAction::triggered, this, &RegistrationsBrowser::sendTestToCurrent);

    // Issue #19: the Diagnose page, for this registration.
    m_diagnoseAction = new QAction(tr("Dia&gnose This Registration…"), this);
    m_diagnoseAction->setObjectName(u"diagnoseRegistrationAction"_s);
    connect(m_diagnoseAction, &QAction::triggered, this, [this] {
        if (const auto current = currentRegistration())
            emit diagnoseRequested(current->registrationId);
    });

    m_installationsAction = new QAction(tr("&Installation…"), this);
    m_installationsAction->setObjectName(u"installationAction"_s);
    connect(m_installationsAction, &QAction::triggered, this,
            &RegistrationsBrowser::openInstallations);

    addActions({m_refreshAction, m_cancelAction, m_deleteAction});
}

QWidget *RegistrationsBrowser::buildToolbar()
{
    auto *bar = new QWidget(this);
    m_listingCombo = new QComboBox(bar);
    m_listingCombo->setObjectName(u"listingCombo"_s);
    m_listingCombo->addItem(tr("All registrations"), int(Listing::All));
    m_listingCombo->addItem(tr("By tag"), int(Listing::ByTag));
    m_listingCombo->addItem(tr("By channel"), int(Listing::ByChannel));
    connect(m_listingCombo, &QComboBox::currentIndexChanged, this,
            &RegistrationsBrowser::onListingChanged);

    m_platformCombo = new QComboBox(bar);
    m_platformCombo->setObjectName(u"channelPlatformCombo"_s);
    for (int p = 0; p < Nh::kPlatformCount; ++p)
        m_platformCombo->addItem(Nh::platformDisplayName(Nh::Platform(p)), p);

    m_valueEdit = new QLineEdit(bar);
    m_valueEdit->setObjectName(u"listingValue"_s);
    m_valueEdit->setClearButtonEnabled(true);
    connect(m_valueEdit, &QLineEdit::returnPressed, this, &RegistrationsBrowser::refresh);

    m_refreshButton = new QPushButton(bar);
    m_refreshButton->setObjectName(u"refreshRegistrations"_s);
    m_refreshButton->setIcon(m_refreshAction->icon());
    m_refreshButton->setText(tr("Refresh"));
    m_refreshButton->setToolTip(m_refreshAction->toolTip());
    connect(m_refreshButton, &QPushButton::clicked, m_refreshAction, &QAction::trigger);

    m_progress = new QProgressBar(bar);
    m_progress->setObjectName(u"registrationsProgress"_s);
    m_progress->setRange(0, 0);
    m_progress->setMaximumWidth(100);
    m_progress->setTextVisible(false);
    m_cancelButton = new QPushButton(m_cancelAction->icon(), tr("Cancel"), bar);
    m_cancelButton->setObjectName(u"cancelRegistrations"_s);
    connect(m_cancelButton, &QPushButton::clicked, m_cancelAction, &QAction::trigger);

    m_countLabel = new QLabel(bar);
    m_countLabel->setObjectName(u"registrationsCount"_s);
    m_moreButton = new QPushButton(tr("Load more"), bar);
    m_moreButton->setObjectName(u"loadMoreRegistrations"_s);
    connect(m_moreButton, &QPushButton::clicked, m_model, &Nh::RegistrationModel::loadMore);

    auto *row1 = new QHBoxLayout;
    row1->addWidget(m_listingCombo);
    row1->addWidget(m_platformCombo);
    row1->addWidget(m_valueEdit, 1);
    row1->addWidget(m_refreshButton);
    row1->addWidget(m_progress);
    row1->addWidget(m_cancelButton);
    // Takes the room the value field leaves when "All registrations" hides it.
    row1->addStretch(0);

    auto *row2 = new QHBoxLayout;
    row2->addWidget(toolButton(m_newAction, bar));
    row2->addWidget(toolButton(m_editAction, bar));
    row2->addWidget(toolButton(m_deleteAction, bar));
    row2->addWidget(toolButton(m_sendTestAction, bar));
    row2->addWidget(toolButton(m_installationsAction, bar));
    row2->addStretch(1);
    row2->addWidget(m_countLabel);
    row2->addWidget(m_moreButton);

    auto *layout = new QVBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row1);
    layout->addLayout(row2);
    return bar;
}

QWidget *RegistrationsBrowser::buildDetails()
{
    auto *pane = new QWidget(this);
    m_fields = new QTreeWidget(pane);
    m_fields->setObjectName(u"registrationFields"_s);
    m_fields->setColumnCount(2);
    m_fields->setHeaderLabels({tr("Field"), tr("Value")});
    m_fields->setRootIsDecorated(false);
    m_fields->setAlternatingRowColors(true);
    m_fields->setWordWrap(true);
    m_fields->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);

    m_xml = new PayloadEditor(pane);
    m_xml->setObjectName(u"registrationXml"_s);
    m_xml->setReadOnly(true);
    m_xml->setSyntax(PayloadHighlighter::Syntax::Xml);
    m_xml->setLineWrapMode(QPlainTextEdit::WidgetWidth);

    auto *tabs = new QTabWidget(pane);
    tabs->setObjectName(u"registrationDetailsTabs"_s);
    tabs->addTab(m_fields, tr("Fields"));
    tabs->addTab(m_xml, tr("XML"));

    auto *placeholder = new QLabel(tr("Select a registration to see every field and the XML the "
                                      "hub returns for it."),
                                   pane);
    placeholder->setWordWrap(true);
    placeholder->setAlignment(Qt::AlignCenter);
    placeholder->setMargin(24);
    m_detailsStack = new QStackedWidget(pane);
    m_detailsStack->addWidget(placeholder);
    m_detailsStack->addWidget(tabs);

    m_detailsNote = new QLabel(pane);
    m_detailsNote->setObjectName(u"registrationDetailsNote"_s);
    m_detailsNote->setWordWrap(true);
    m_detailsNote->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("<b>Details</b>"), pane));
    layout->addWidget(m_detailsStack, 1);
    layout->addWidget(m_detailsNote);
    return pane;
}

void RegistrationsBrowser::setListing(Listing listing, const QString &value, Nh::Platform platform)
{
    m_listingCombo->setCurrentIndex(m_listingCombo->findData(int(listing)));
    m_valueEdit->setText(value);
    m_platformCombo->setCurrentIndex(m_platformCombo->findData(int(platform)));
}

RegistrationsBrowser::Listing RegistrationsBrowser::listing() const
{
    return Listing(m_listingCombo->currentData().toInt());
}

void RegistrationsBrowser::setPageSize(int rows)
{
    m_model->setPageSize(rows);
}

void RegistrationsBrowser::onListingChanged()
{
    const Listing l = listing();
    m_valueEdit->setVisible(l != Listing::All);
    m_platformCombo->setVisible(l == Listing::ByChannel);
    m_valueEdit->setPlaceholderText(l == Listing::ByTag ? tr("Tag, e.g. sports")
                                                        : tr("Device handle (PNS handle)"));
}

void RegistrationsBrowser::setConnected(bool connected, const QString &note)
{
    m_connected = connected;
    if (!connected) {
        // What is in flight or listed belongs to the previous connection; its late answers
        // must not land here.
        for (Nh::HubJob *job : {m_detailsJob.data(), m_editJob.data()}) {
            if (job) {
                disconnect(job, nullptr, this, nullptr);
                job->cancel();
            }
        }
        m_detailsJob = nullptr;
        m_editJob = nullptr;
        m_model->clear();
        if (m_installations)
            m_installations->hide();
    }
    if (note.isEmpty())
        clearError();
    else
        showError(note, int(Theme::Tone::Info));
    m_refreshAction->setEnabled(connected);
    m_refreshButton->setEnabled(connected);
    m_moreButton->setEnabled(connected);
    updateBusy();
}

void RegistrationsBrowser::refresh()
{
    if (!m_connected)
        return;
    Nh::HubClient::ListQuery q;
    const QString value = m_valueEdit->text().trimmed();
    switch (listing()) {
    case Listing::All:
        break;
    case Listing::ByTag:
        if (const Nh::Status st = Nh::validateTag(value, true); !st) {
            showError(st.error().message, int(Theme::Tone::Failure));
            return;
        }
        q.tag = value;
        break;
    case Listing::ByChannel:
        if (value.isEmpty()) {
            showError(tr("Enter the device handle to list its registrations."),
                      int(Theme::Tone::Failure));
            return;
        }
        q.filter = Nh::HubClient::channelFilter(
            Nh::Platform(m_platformCombo->currentData().toInt()), value);
        break;
    }
    clearError();
    m_model->setQuery(q);
}

void RegistrationsBrowser::cancel()
{
    m_model->cancel();
    if (m_detailsJob)
        m_detailsJob->cancel();
    if (m_editJob)
        m_editJob->cancel();
}

void RegistrationsBrowser::onPageFinished(const Nh::Exchange &e, int added)
{
    Q_UNUSED(added)
    if (!e.ok()) {
        showError(e.errorSentence,
                  int(e.result == Nh::ExchangeResult::Cancelled ? Theme::Tone::Warning
                                                                : Theme::Tone::Failure));
    }
    updateCount();
    updateActions();
}

void RegistrationsBrowser::updateCount()
{
    const int n = m_model->rowCount();
    QString text = tr("%n registration(s) loaded", nullptr, n);
    if (m_model->hasMorePages() && m_model->pagesLoaded() > 0)
        text += tr(" · more on the hub");
    m_countLabel->setText(text);
    const bool failed = m_model->lastExchange().result != Nh::ExchangeResult::Pending
        && !m_model->lastExchange().ok();
    m_moreButton->setText(failed ? tr("Retry") : tr("Load more"));
    m_moreButton->setVisible(m_model->hasMorePages() && !m_model->isLoading());
}

void RegistrationsBrowser::updateBusy()
{
    const bool busy = m_model->isLoading() || m_detailsJob || m_editJob;
    m_progress->setVisible(busy);
    m_cancelButton->setVisible(busy);
    m_cancelAction->setEnabled(busy);
    updateCount();
    updateActions();
}

void RegistrationsBrowser::updateActions()
{
    const bool has = currentRegistration().has_value();
    const bool editing = !m_editJob.isNull();
    m_editAction->setEnabled(has && !editing && m_connected);
    m_deleteAction->setEnabled(has && !editing && m_connected);
    m_sendTestAction->setEnabled(has);
    m_diagnoseAction->setEnabled(has && m_connected);
    m_newAction->setEnabled(!editing && m_connected);
    m_installationsAction->setEnabled(m_connected);
}

std::optional<Nh::Registration> RegistrationsBrowser::currentRegistration() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return std::nullopt;
    return m_model->registration(rows.first().row());
}

bool RegistrationsBrowser::selectRegistration(const QString &registrationId)
{
    const int row = m_model->rowOf(registrationId);
    if (row < 0)
        return false;
    m_table->selectRow(row);
    m_table->scrollTo(m_model->index(row, 0));
    return true;
}

QString RegistrationsBrowser::errorText() const
{
    return m_errorBanner->isHidden() ? QString() : m_errorLabel->text();
}

InstallationDialog *RegistrationsBrowser::installationDialog() const
{
    return m_installations;
}

QString RegistrationsBrowser::detailsXml() const
{
    return m_xml->toPlainText();
}

void RegistrationsBrowser::showError(const QString &sentence, int tone)
{
    m_errorTone = tone;
    m_errorLabel->setText(sentence);
    Theme::paintBanner(m_errorBanner, Theme::Tone(tone));
    m_errorBanner->show();
}

void RegistrationsBrowser::noteRefusedRegistrations(const QStringList &registrationIds)
{
    if (!m_connected)
        return;
    const auto listed =
        std::count_if(registrationIds.cbegin(), registrationIds.cend(),
                      [this](const QString &id) { return m_model->rowOf(id) >= 0; });
    if (listed == 0)
        return;
    showError(tr("The last send found %n listed registration(s) whose handle the push service "
                 "refused; the hub deletes such registrations. Press F5 to reload the list.",
                 nullptr, int(listed)),
              int(Theme::Tone::Warning));
}

void RegistrationsBrowser::noteRefusedRegistrations(const Nh::Exchange &exchange)
{
    if (!exchange.outcome)
        return;
    QStringList refused;
    for (const Nh::RegistrationResult &r : std::as_const(exchange.outcome->results)) {
        const Nh::OutcomeKind kind = Nh::classifyOutcome(r.outcome);
        if (kind == Nh::OutcomeKind::InvalidHandle || kind == Nh::OutcomeKind::ExpiredHandle)
            refused << r.registrationId;
    }
    noteRefusedRegistrations(refused);
}

void RegistrationsBrowser::clearError()
{
    m_errorLabel->clear();
    m_errorBanner->hide();
}

void RegistrationsBrowser::onCurrentChanged()
{
    updateActions();
    const auto r = currentRegistration();
    if (!r) {
        m_shownId.clear();
        showDetails({});
        return;
    }
    if (r->registrationId == m_shownId)
        return;
    m_shownId = r->registrationId;
    showDetails(*r);
    fetchDetails(r->registrationId);
}

void RegistrationsBrowser::showDetails(const Nh::Registration &r)
{
    m_fields->clear();
    m_detailsNote->clear();
    if (r.registrationId.isEmpty()) {
        m_xml->clear();
        m_detailsStack->setCurrentIndex(0);
        return;
    }
    m_detailsStack->setCurrentIndex(1);
    const auto add = [this](const QString &field, const QString &value) {
        if (value.isEmpty())
            return;
        auto *item = new QTreeWidgetItem(m_fields, {field, value});
        item->setToolTip(1, value);
        item->setFont(1, Theme::monospace());
    };
    add(tr("Kind"), r.kindName());
    add(tr("Registration id"), r.registrationId);
    add(tr("ETag"), r.etag ? QString::number(r.etag) : QString());
    add(tr("Expires"), Nh::RegistrationModel::expiryText(r.expirationTime));
    add(r.handleElementName(), r.handle);
    add(tr("Secondary tile"), r.secondaryTileName);
    add(tr("Baidu user id"), r.baiduUserId);
    add(tr("P256DH"), r.p256dh);
    add(tr("Auth"), r.auth);
    add(tr("Tags"), r.tags.join(u", "_s));
    add(tr("Push variables"), r.pushVariables);
    add(tr("Template name"), r.templateName);
    add(tr("Body template"), r.bodyTemplate);
    add(tr("APNs expiry"), r.expiry);
    add(tr("APNs priority"), r.priority);
    for (const Nh::TemplateHeader &h : r.headers)
        add(tr("Header %1").arg(h.name), h.value);
    if (const QString inst = installationIdOf(r); !inst.isEmpty())
        add(tr("Installation"), inst);
    if (r.published.isValid())
        add(tr("Published"), Nh::hubDateTimeText(r.published));
    if (r.updated.isValid())
        add(tr("Updated"), Nh::hubDateTimeText(r.updated));
}

void RegistrationsBrowser::fetchDetails(const QString &registrationId)
{
    if (m_detailsJob) {
        disconnect(m_detailsJob, nullptr, this, nullptr);
        m_detailsJob->cancel();
    }
    m_xml->setPlainText(tr("Loading %1 from the hub…").arg(registrationId));
    m_detailsJob = m_client->getRegistration(registrationId);
    connect(m_detailsJob, &Nh::HubJob::finished, this, [this](const Nh::Exchange &e) {
        m_detailsJob = nullptr;
        updateBusy();
        if (!e.ok() || !e.registration) {
            m_xml->clear();
            m_detailsNote->setText(e.errorSentence);
            Theme::paintLabel(m_detailsNote, Theme::Tone::Failure);
            showError(e.errorSentence,
                      int(e.result == Nh::ExchangeResult::Cancelled ? Theme::Tone::Warning
                                                                    : Theme::Tone::Failure));
            return;
        }
        const auto current = currentRegistration();
        if (!current || current->registrationId != e.registration->registrationId)
            return;
        // The list's entry may be stale (another client); the hub's own answer wins.
        m_model->upsert(*e.registration);
        showDetails(*e.registration);
        m_xml->setPayload(Nh::Xml::pretty(e.responseBody).value_or(e.responseBody));
        m_detailsNote->setText(tr("As the hub returned it at %1 (%2 ms).")
                                   .arg(QTime::currentTime().toString(u"HH:mm:ss"_s))
                                   .arg(e.totalMs));
        Theme::paintLabel(m_detailsNote, Theme::Tone::Neutral);
    });
    updateBusy();
}

void RegistrationsBrowser::runEdit(Nh::HubJob *job, const QString &doing,
                                   std::function<void(const Nh::Exchange &)> onSuccess)
{
    m_editJob = job;
    emit message(doing);
    connect(job, &Nh::HubJob::finished, this,
            [this, onSuccess = std::move(onSuccess)](const Nh::Exchange &e) {
                m_editJob = nullptr;
                updateBusy();
                emit exchangeFinished(e);
                if (!e.ok()) {
                    showError(e.errorSentence,
                              int(e.result == Nh::ExchangeResult::Cancelled
                                      ? Theme::Tone::Warning
                                      : Theme::Tone::Failure));
                    return;
                }
                clearError();
                onSuccess(e);
            });
    updateBusy();
}

void RegistrationsBrowser::createRegistration()
{
    auto *dialog = new RegistrationDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const auto r = dialog->registration();
        if (!r || m_editJob)
            return;
        runEdit(m_client->createRegistration(*r), tr("Creating a registration…"),
                [this](const Nh::Exchange &e) {
                    if (!e.registration)
                        return;
                    m_model->upsert(*e.registration);
                    selectRegistration(e.registration->registrationId);
                    emit message(
                        tr("Created registration %1.").arg(e.registration->registrationId));
                });
    });
    dialog->open();
}

void RegistrationsBrowser::editCurrent()
{
    const auto current = currentRegistration();
    if (!current)
        return;
    auto *dialog = new RegistrationDialog(*current, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const auto r = dialog->registration();
        if (!r || m_editJob)
            return;
        // If-Match the ETag the editor started from: a change by someone else is a 412.
        runEdit(m_client->putRegistration(
                    *r, r->etag > 0 ? std::optional<qint64>(r->etag) : std::nullopt),
                tr("Saving registration %1…").arg(r->registrationId),
                [this](const Nh::Exchange &e) {
                    if (!e.registration)
                        return;
                    m_model->upsert(*e.registration);
                    selectRegistration(e.registration->registrationId);
                    m_shownId.clear();
                    onCurrentChanged();
                    emit message(tr("Saved registration %1.").arg(e.registration->registrationId));
                });
    });
    dialog->open();
}

void RegistrationsBrowser::deleteCurrent()
{
    const auto current = currentRegistration();
    if (!current || m_editJob)
        return;
    const QString id = current->registrationId;
    auto *box = new QMessageBox(
        QMessageBox::Warning, tr("Delete registration"),
        tr("Delete registration %1 (%2, %3)? The device stops receiving notifications until "
           "the app registers again.")
            .arg(id, Nh::RegistrationModel::kindText(*current),
                 current->tags.isEmpty() ? tr("no tags") : current->tags.join(u", "_s)),
        QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(u"confirmDelete"_s);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, id] {
        if (box->clickedButton() != box->button(QMessageBox::Yes) || m_editJob)
            return;
        runEdit(m_client->deleteRegistration(id), tr("Deleting registration %1…").arg(id),
                [this, id](const Nh::Exchange &) {
                    m_model->remove(id);
                    emit message(tr("Deleted registration %1.").arg(id));
                });
    });
    box->open();
}

SendTestTarget RegistrationsBrowser::sendTestTarget(const Nh::Registration &r)
{
    SendTestTarget t;
    t.registrationId = r.registrationId;
    t.tags = r.tags;
    if (!r.isTemplate) {
        t.format = Nh::nativeFormat(r.platform);
        t.deviceHandle = r.handle;
        if (r.platform == Nh::Platform::Browser) {
            t.p256dh = r.p256dh.toUtf8();
            t.auth = r.auth.toUtf8();
        }
        return t;
    }
    t.format = Nh::Format::Template;
    if (const QString inst = installationIdOf(r); !inst.isEmpty()) {
        t.tagExpression = u"$InstallationId:{"_s + inst + u'}';
        return t;
    }
    t.tagExpression = r.tags.mid(0, Nh::TagExpression::kMaxTags).join(u" && "_s);
    return t;
}

void RegistrationsBrowser::sendTestToCurrent()
{
    const auto current = currentRegistration();
    if (!current)
        return;
    const SendTestTarget t = sendTestTarget(*current);
    emit sendTestRequested(t);
    emit message(t.deviceHandle.isEmpty()
                     ? tr("Test send to registration %1 by its tags: %2")
                           .arg(t.registrationId, t.tagExpression)
                     : tr("Test send to registration %1 by its handle").arg(t.registrationId));
}

void RegistrationsBrowser::openInstallations()
{
    if (!m_installations) {
        m_installations = new InstallationDialog(m_client, this);
        // The hub remakes an installation's registrations on every change.
        connect(m_installations, &InstallationDialog::installationChanged, this,
                &RegistrationsBrowser::refresh);
        connect(m_installations, &InstallationDialog::exchangeFinished, this,
                &RegistrationsBrowser::exchangeFinished);
    }
    if (const auto current = currentRegistration()) {
        if (const QString inst = installationIdOf(*current); !inst.isEmpty()) {
            m_installations->setInstallationId(inst);
            m_installations->load();
        }
    }
    m_installations->show();
    m_installations->raise();
}

void RegistrationsBrowser::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange && !m_errorBanner->isHidden())
        Theme::paintBanner(m_errorBanner, Theme::Tone(m_errorTone));
    QWidget::changeEvent(event);
}
