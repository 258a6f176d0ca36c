// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "historypanel.h"

#include "comparedialog.h"
#include "confirm.h"
#include "exportfile.h"
#include "models/historyfiltermodel.h"
#include "models/historymodel.h"
#include "protocol/platform.h"
#include "store/exchangeexport.h"
#include "store/profilestore.h"
#include "theme.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFile>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIdentityProxyModel>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int kSearchDelayMs = 250;
/** The panel starts about this many rows high; the dock can be dragged taller. */
constexpr int kInitialRows = 4;

Theme::Tone toneOf(Nh::HistoryStatus status)
{
    switch (status) {
    case Nh::HistoryStatus::Success:
        return Theme::Tone::Success;
    case Nh::HistoryStatus::NoTargets:
        return Theme::Tone::Warning;
    case Nh::HistoryStatus::Failure:
    case Nh::HistoryStatus::Error:
        return Theme::Tone::Failure;
    }
    return Theme::Tone::Neutral;
}

} // namespace

/** Icons and colours of the status column, and pinned rows in bold; follows the palette. */
class HistoryDecorationProxy final : public QIdentityProxyModel
{
public:
    explicit HistoryDecorationProxy(QObject *parent)
        : QIdentityProxyModel(parent)
    { }

    void setPalette(const QPalette &palette)
    {
        m_palette = palette;
        if (rowCount() > 0)
            emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1),
                             {Qt::ForegroundRole});
    }

    QVariant data(const QModelIndex &index, int role) const override
    {
        if (!index.isValid())
            return {};
        // The source's roles, not index.data(): that would come back here.
        const auto status = Nh::HistoryStatus(
            QIdentityProxyModel::data(index, Nh::HistoryModel::StatusRole).toInt());
        // A send the hub accepted where some registrations failed is a warning, not an error.
        const bool accepted =
            Nh::ExchangeResult(
                QIdentityProxyModel::data(index, Nh::HistoryModel::ResultRole).toInt())
            == Nh::ExchangeResult::Success;
        const Theme::Tone tone = status == Nh::HistoryStatus::Failure && accepted
            ? Theme::Tone::Warning
            : toneOf(status);
        switch (role) {
        case Qt::DecorationRole:
            if (index.column() == Nh::HistoryModel::Status)
                return Theme::toneIcon(tone);
            break;
        case Qt::ForegroundRole:
            if (index.column() == Nh::HistoryModel::Status)
                return Theme::foreground(tone, m_palette);
            break;
        case Qt::FontRole:
            if (QIdentityProxyModel::data(index, Nh::HistoryModel::PinnedRole).toBool()) {
                QFont bold;
                bold.setBold(true);
                return bold;
            }
            break;
        case Qt::ToolTipRole: {
            const QVariant tip = QIdentityProxyModel::data(index, role);
            if (tip.isValid())
                return tip;
            // Elided cells show their whole text on hover.
            return QIdentityProxyModel::data(index, Qt::DisplayRole);
        }
        default:
            break;
        }
        return QIdentityProxyModel::data(index, role);
    }

private:
    QPalette m_palette;
};

HistoryPanel::HistoryPanel(Nh::HistoryStore *store, Nh::ProfileStore *profiles, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_profiles(profiles)
    , m_model(new Nh::HistoryModel(store, this))
    , m_filter(new Nh::HistoryFilterModel(this))
    , m_decoration(new HistoryDecorationProxy(this))
{
    m_filter->setSourceModel(m_model);
    m_decoration->setSourceModel(m_filter);
    m_decoration->setPalette(palette());

    m_search = new QLineEdit(this);
    m_search->setObjectName(u"historySearch"_s);
    m_search->setClearButtonEnabled(true);
    updateSearchPlaceholder();
    m_search->setToolTip(tr("Every word must occur in the URL, a header, a body, the error, the "
                            "target or the label."));
    m_searchDelay = new QTimer(this);
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(kSearchDelayMs);
    connect(m_search, &QLineEdit::textEdited, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_searchDelay, &QTimer::timeout, this,
            [this] { m_filter->setText(m_search->text().trimmed()); });

    m_profileCombo = new QComboBox(this);
    m_profileCombo->setObjectName(u"historyProfileFilter"_s);
    m_profileCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    reloadProfiles();
    connect(m_profileCombo, &QComboBox::activated, this,
            [this] { m_filter->setProfileId(m_profileCombo->currentData().toString()); });

    m_statusCombo = new QComboBox(this);
    m_statusCombo->setObjectName(u"historyStatusFilter"_s);
    m_statusCombo->addItem(tr("Any status"), 0);
    for (const auto s : {Nh::HistoryStatus::Success, Nh::HistoryStatus::Failure,
                         Nh::HistoryStatus::NoTargets, Nh::HistoryStatus::Error}) {
        m_statusCombo->addItem(Theme::toneIcon(toneOf(s)), Nh::historyStatusDisplayName(s), int(s));
    }
    connect(m_statusCombo, &QComboBox::activated, this, [this] {
        m_filter->setStatuses(Nh::HistoryStatuses(m_statusCombo->currentData().toInt()));
    });

    m_formatCombo = new QComboBox(this);
    m_formatCombo->setObjectName(u"historyFormatFilter"_s);
    m_formatCombo->addItem(tr("Any format"), QString());
    for (int i = 0; i < Nh::kFormatCount; ++i) {
        const auto f = Nh::Format(i);
        m_formatCombo->addItem(Nh::formatDisplayName(f), Nh::formatWireName(f));
    }
    connect(m_formatCombo, &QComboBox::activated, this,
            [this] { m_filter->setFormat(m_formatCombo->currentData().toString()); });

    m_timeCombo = new QComboBox(this);
    m_timeCombo->setObjectName(u"historyTimeFilter"_s);
    m_timeCombo->addItem(tr("Any time"), int(TimeRange::Any));
    m_timeCombo->addItem(tr("Last hour"), int(TimeRange::LastHour));
    m_timeCombo->addItem(tr("Last 24 hours"), int(TimeRange::LastDay));
    m_timeCombo->addItem(tr("Last 7 days"), int(TimeRange::LastWeek));
    m_timeCombo->addItem(tr("Last 30 days"), int(TimeRange::LastMonth));
    connect(m_timeCombo, &QComboBox::activated, this, &HistoryPanel::applyTimeRange);

    m_pinnedCheck = new QCheckBox(tr("Pinned"), this);
    m_pinnedCheck->setObjectName(u"historyPinnedFilter"_s);
    connect(m_pinnedCheck, &QCheckBox::toggled, m_filter, &Nh::HistoryFilterModel::setPinnedOnly);

    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(u"historyCount"_s);

    m_table = new QTableView(this);
    m_table->setObjectName(u"historyTable"_s);
    m_table->setModel(m_decoration);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::EditKeyPressed);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideMiddle);
    m_table->setSortingEnabled(true);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionsMovable(true);
    header->setStretchLastSection(true);
    header->setSortIndicator(Nh::HistoryModel::Time, Qt::DescendingOrder);
    // Sized for their usual contents; the label takes the rest, and the user's widths are
    // restored from the settings (headerState()).
    const QFontMetrics fm = m_table->fontMetrics();
    const int em = fm.horizontalAdvance(u'M');
    const int padding = em * 2;
    const int icon = m_table->iconSize().width() > 0 ? m_table->iconSize().width() : 16;
    m_table->setColumnWidth(Nh::HistoryModel::Time,
                            fm.horizontalAdvance(u"8888-88-88 88:88:88"_s) + padding);
    m_table->setColumnWidth(Nh::HistoryModel::Profile, em * 10);
    m_table->setColumnWidth(Nh::HistoryModel::Operation, em * 8);
    m_table->setColumnWidth(Nh::HistoryModel::Target, em * 14);
    int formatWidth = 0; // the wire names, as the column shows them ("template", "windowsphone")
    for (int i = 0; i < Nh::kFormatCount; ++i)
        formatWidth = qMax(formatWidth, fm.horizontalAdvance(Nh::formatWireName(Nh::Format(i))));
    m_table->setColumnWidth(Nh::HistoryModel::Format, formatWidth + padding);
    int statusWidth = 0;
    for (const auto result : {Nh::ExchangeResult::Success, Nh::ExchangeResult::NoTargets,
                              Nh::ExchangeResult::HubError}) {
        statusWidth = qMax(
            statusWidth, fm.horizontalAdvance(Nh::exchangeResultDisplayName(result) + u" (000)"_s));
    }
    m_table->setColumnWidth(Nh::HistoryModel::Status, statusWidth + icon + padding);
    m_table->setColumnWidth(Nh::HistoryModel::Outcome,
                            fm.horizontalAdvance(tr("20 sent, 10 failed")) + padding);
    m_table->setColumnWidth(Nh::HistoryModel::Elapsed,
                            fm.horizontalAdvance(tr("Elapsed")) + padding);

    buildActions();

    auto *filters = new QHBoxLayout;
    filters->setContentsMargins(0, 0, 0, 0);
    filters->addWidget(m_search, 3);
    filters->addWidget(m_profileCombo);
    filters->addWidget(m_statusCombo);
    filters->addWidget(m_formatCombo);
    filters->addWidget(m_timeCombo);
    filters->addWidget(m_pinnedCheck);
    filters->addWidget(m_countLabel);
    const auto button = [this](QAction *action) {
        auto *b = new QToolButton(this);
        b->setDefaultAction(action);
        b->setAutoRaise(true);
        b->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        return b;
    };
    filters->addWidget(button(m_resendAction));
    filters->addWidget(button(m_compareAction));
    auto *exportButton = new QToolButton(this);
    exportButton->setObjectName(u"historyExportButton"_s);
    exportButton->setText(tr("Export"));
    exportButton->setIcon(Theme::icon(u"copy"_s));
    exportButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    exportButton->setAutoRaise(true);
    exportButton->setPopupMode(QToolButton::InstantPopup);
    auto *exportMenu = new QMenu(exportButton);
    exportMenu->addAction(m_exportCurlAction);
    exportMenu->addAction(m_exportCurlTokenAction);
    exportMenu->addAction(m_exportJsonAction);
    exportMenu->addAction(m_exportHarAction);
    exportButton->setMenu(exportMenu);
    filters->addWidget(exportButton);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->setSpacing(4);
    layout->addLayout(filters);
    layout->addWidget(m_table, 1);

    if (!m_model->error().isEmpty())
        m_countLabel->setText(m_model->error());

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &HistoryPanel::onCurrentChanged);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &HistoryPanel::updateActions);
    connect(m_decoration, &QAbstractItemModel::rowsInserted, this, &HistoryPanel::updateCount);
    connect(m_decoration, &QAbstractItemModel::rowsRemoved, this, &HistoryPanel::updateCount);
    connect(m_decoration, &QAbstractItemModel::modelReset, this, &HistoryPanel::updateCount);
    connect(m_decoration, &QAbstractItemModel::layoutChanged, this, &HistoryPanel::updateCount);
    if (m_profiles) {
        connect(m_profiles, &Nh::ProfileStore::profileAdded, this, &HistoryPanel::reloadProfiles);
        connect(m_profiles, &Nh::ProfileStore::profileChanged, this, &HistoryPanel::reloadProfiles);
        connect(m_profiles, &Nh::ProfileStore::profileRemoved, this, &HistoryPanel::reloadProfiles);
        connect(m_profiles, &Nh::ProfileStore::profilesReset, this, &HistoryPanel::reloadProfiles);
    }
    updateCount();
    updateActions();
}

void HistoryPanel::setStore(Nh::HistoryStore *store)
{
    if (store == m_store)
        return;
    Nh::HistoryModel *old = m_model;
    m_store = store;
    m_model = new Nh::HistoryModel(store, this);
    m_filter->setSourceModel(m_model);
    delete old;
    updateSearchPlaceholder();
    updateCount();
    updateActions();
}

void HistoryPanel::updateSearchPlaceholder()
{
    m_search->setPlaceholderText(m_store && m_store->hasFullTextSearch()
                                     ? tr("Search headers, bodies, targets, labels (Ctrl+F)")
                                     : tr("Search (Ctrl+F)"));
}

void HistoryPanel::buildActions()
{
    const auto make = [this](const QString &name, const QString &text, const QKeySequence &key,
                             const QString &icon = {}) {
        auto *a = new QAction(text, this);
        a->setObjectName(name);
        a->setShortcut(key);
        // Shortcuts act while the table has focus, not over the composer's editors.
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        if (!icon.isEmpty())
            a->setIcon(Theme::icon(icon));
        m_table->addAction(a);
        return a;
    };
    m_resendAction =
        make(u"actionResend"_s, tr("&Re-send"), QKeySequence(Qt::CTRL | Qt::Key_R), u"send"_s);
    m_resendAction->setToolTip(tr("Send the selected exchange again with the current profile's "
                                  "connection (a new exchange)"));
    connect(m_resendAction, &QAction::triggered, this, &HistoryPanel::resendSelected);
    m_compareAction =
        make(u"actionCompare"_s, tr("&Compare"), QKeySequence(Qt::CTRL | Qt::Key_D), u"history"_s);
    m_compareAction->setToolTip(tr("Compare the two selected exchanges: fields, headers, bodies "
                                   "and outcomes side by side"));
    connect(m_compareAction, &QAction::triggered, this, &HistoryPanel::compareSelected);
    // Issue #19: the Diagnose page with this exchange as the send; the device is asked for.
    m_diagnoseAction =
        make(u"actionDiagnoseWithSend"_s, tr("Dia&gnose a Device with This Send…"), QKeySequence());
    connect(m_diagnoseAction, &QAction::triggered, this, &HistoryPanel::diagnoseSelected);
    m_pinAction = make(u"actionPin"_s, tr("&Pin / Unpin"), QKeySequence(Qt::CTRL | Qt::Key_P));
    m_pinAction->setToolTip(tr("Pinned exchanges are kept whatever the retention limit"));
    connect(m_pinAction, &QAction::triggered, this, &HistoryPanel::togglePinSelected);
    m_labelAction = make(u"actionLabel"_s, tr("&Label…"), QKeySequence(Qt::Key_F2));
    connect(m_labelAction, &QAction::triggered, this, &HistoryPanel::labelSelected);
    m_deleteAction = make(u"actionDeleteExchange"_s, tr("&Delete…"),
                          QKeySequence(QKeySequence::Delete), u"remove"_s);
    connect(m_deleteAction, &QAction::triggered, this, &HistoryPanel::deleteSelected);
    m_exportCurlAction = make(u"actionExportCurl"_s, tr("Export as &curl script…"),
                              QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_C));
    connect(m_exportCurlAction, &QAction::triggered, this,
            [this] { exportSelected(ExportFormat::Curl); });
    m_exportCurlTokenAction =
        make(u"actionExportCurlToken"_s, tr("Export as curl with fresh &tokens…"),
             QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_T));
    m_exportCurlTokenAction->setToolTip(
        tr("Each command carries a token the current profile signs now (valid for an hour), "
           "never the key; exchanges of other hubs keep the ${NH_SAS_TOKEN} placeholder"));
    connect(m_exportCurlTokenAction, &QAction::triggered, this,
            [this] { exportSelected(ExportFormat::Curl, true); });
    m_exportJsonAction = make(u"actionExportJson"_s, tr("Export as &JSON…"),
                              QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_J));
    connect(m_exportJsonAction, &QAction::triggered, this,
            [this] { exportSelected(ExportFormat::Json); });
    m_exportHarAction = make(u"actionExportHar"_s, tr("Export as &HAR…"),
                             QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_H));
    connect(m_exportHarAction, &QAction::triggered, this,
            [this] { exportSelected(ExportFormat::Har); });
}

void HistoryPanel::setTokenSigner(TokenSigner signer)
{
    m_signer = std::move(signer);
    updateActions();
}

QSize HistoryPanel::sizeHint() const
{
    const int rows = m_table->verticalHeader()->defaultSectionSize() * (kInitialRows + 1);
    return {900, rows + m_search->sizeHint().height() + 16};
}

int HistoryPanel::initialHeight(const QWidget *context)
{
    // As the constructor sets the rows' height and makes the search field.
    const int rows = (context->fontMetrics().height() + 6) * (kInitialRows + 1);
    QLineEdit search;
    search.setClearButtonEnabled(true);
    return rows + search.sizeHint().height() + 16;
}

void HistoryPanel::reloadProfiles()
{
    const QString current = m_profileCombo->currentData().toString();
    m_profileCombo->clear();
    m_profileCombo->addItem(tr("All profiles"), QString());
    if (m_profiles) {
        for (const Nh::Profile &p : m_profiles->profiles())
            m_profileCombo->addItem(p.name, p.id.toString(QUuid::WithoutBraces));
    }
    m_profileCombo->setCurrentIndex(qMax(0, m_profileCombo->findData(current)));
}

int HistoryPanel::rowCount() const
{
    return m_decoration->rowCount();
}

int HistoryPanel::sourceRow(int row) const
{
    return m_filter->mapToSource(m_filter->index(row, 0)).row();
}

QUuid HistoryPanel::idAt(int row) const
{
    return m_decoration->index(row, 0).data(Nh::HistoryModel::ExchangeIdRole).toUuid();
}

bool HistoryPanel::selectExchange(const QUuid &id)
{
    int row = m_model->rowOf(id);
    while (row < 0 && m_model->canFetchMore({})) {
        m_model->fetchMore({});
        row = m_model->rowOf(id);
    }
    if (row < 0)
        return false;
    const QModelIndex shown = m_filter->mapFromSource(m_model->index(row, 0));
    if (!shown.isValid())
        return false;
    const QModelIndex index = m_decoration->index(shown.row(), 0);
    m_table->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(index);
    return true;
}

void HistoryPanel::clearSelection()
{
    m_current = {};
    m_table->selectionModel()->clear();
}

void HistoryPanel::selectRows(const QList<int> &rows)
{
    QItemSelection selection;
    for (int row : rows) {
        selection.select(m_decoration->index(row, 0),
                         m_decoration->index(row, m_decoration->columnCount() - 1));
    }
    if (!rows.isEmpty()) {
        m_table->selectionModel()->setCurrentIndex(m_decoration->index(rows.first(), 0),
                                                   QItemSelectionModel::NoUpdate);
    }
    m_table->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
}

QList<QUuid> HistoryPanel::selectedIds() const
{
    QList<int> rows;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        rows << index.row();
    std::sort(rows.begin(), rows.end());
    QList<QUuid> ids;
    for (int row : std::as_const(rows))
        ids << idAt(row);
    return ids;
}

void HistoryPanel::setSearchText(const QString &text)
{
    m_search->setText(text);
    m_searchDelay->stop();
    m_filter->setText(text.trimmed());
}

void HistoryPanel::setProfileFilter(const QString &profileId)
{
    m_profileCombo->setCurrentIndex(qMax(0, m_profileCombo->findData(profileId)));
    m_filter->setProfileId(m_profileCombo->currentData().toString());
}

void HistoryPanel::setStatusFilter(Nh::HistoryStatuses statuses)
{
    m_statusCombo->setCurrentIndex(qMax(0, m_statusCombo->findData(int(statuses))));
    m_filter->setStatuses(statuses);
}

void HistoryPanel::setFormatFilter(const QString &wireName)
{
    m_formatCombo->setCurrentIndex(qMax(0, m_formatCombo->findData(wireName)));
    m_filter->setFormat(m_formatCombo->currentData().toString());
}

void HistoryPanel::setTimeRange(TimeRange range)
{
    m_timeCombo->setCurrentIndex(qMax(0, m_timeCombo->findData(int(range))));
    applyTimeRange();
}

void HistoryPanel::applyTimeRange()
{
    const auto range = TimeRange(m_timeCombo->currentData().toInt());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QDateTime from;
    switch (range) {
    case TimeRange::Any:
        break;
    case TimeRange::LastHour:
        from = now.addSecs(-3600);
        break;
    case TimeRange::LastDay:
        from = now.addDays(-1);
        break;
    case TimeRange::LastWeek:
        from = now.addDays(-7);
        break;
    case TimeRange::LastMonth:
        from = now.addDays(-30);
        break;
    }
    m_filter->setTimeRange(from, {});
}

QByteArray HistoryPanel::headerState() const
{
    return m_table->horizontalHeader()->saveState();
}

bool HistoryPanel::restoreHeaderState(const QByteArray &state)
{
    return m_table->horizontalHeader()->restoreState(state);
}

void HistoryPanel::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void HistoryPanel::onCurrentChanged()
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    updateActions();
    if (!current.isValid())
        return;
    const QUuid id = idAt(current.row());
    if (id == m_current)
        return;
    const auto record = m_model->record(sourceRow(current.row()));
    if (!record) {
        emit message(record.error().message);
        return;
    }
    m_current = id;
    emit exchangeSelected(record.value());
}

void HistoryPanel::updateActions()
{
    const qsizetype n = m_table->selectionModel()->selectedRows().size();
    m_resendAction->setEnabled(n == 1);
    m_diagnoseAction->setEnabled(n == 1);
    m_compareAction->setEnabled(n == 2);
    m_pinAction->setEnabled(n > 0);
    m_labelAction->setEnabled(n == 1);
    m_deleteAction->setEnabled(n > 0);
    m_exportCurlAction->setEnabled(n > 0);
    m_exportCurlTokenAction->setEnabled(n > 0 && bool(m_signer));
    m_exportJsonAction->setEnabled(n > 0);
    m_exportHarAction->setEnabled(n > 0);
}

void HistoryPanel::updateCount()
{
    if (!m_model->error().isEmpty()) {
        m_countLabel->setText(m_model->error());
        return;
    }
    const qint64 total = m_model->totalCount();
    m_countLabel->setText(total < 0 ? QString() : tr("%n exchange(s)", nullptr, int(total)));
}

Nh::Result<QList<Nh::HistoryRecord>> HistoryPanel::load(const QList<QUuid> &ids) const
{
    if (!m_store)
        return Nh::makeError(Nh::ErrorCode::Storage, tr("There is no history file."));
    return m_store->reader().load(ids);
}

void HistoryPanel::resendSelected()
{
    const QList<QUuid> ids = selectedIds();
    if (ids.size() != 1)
        return;
    const auto records = load(ids);
    if (!records || records.value().isEmpty()) {
        emit message(records ? tr("That exchange is no longer in the history.")
                             : records.error().message);
        return;
    }
    emit resendRequested(records.value().first());
}

void HistoryPanel::diagnoseSelected()
{
    const QList<QUuid> ids = selectedIds();
    const auto records = ids.size() == 1 ? load(ids) : Nh::Result(QList<Nh::HistoryRecord>());
    if (records && !records.value().isEmpty())
        emit diagnoseRequested(records.value().first());
    else if (!records)
        emit message(records.error().message);
}

void HistoryPanel::compareSelected()
{
    const QList<QUuid> ids = selectedIds();
    if (ids.size() != 2)
        return;
    const auto records = load(ids);
    if (!records || records.value().size() != 2) {
        emit message(records ? tr("One of the two exchanges is no longer in the history.")
                             : records.error().message);
        return;
    }
    // Oldest on the left, as a diff reads.
    QList<Nh::HistoryRecord> pair = records.value();
    if (pair.at(1).exchange.started < pair.at(0).exchange.started)
        pair.swapItemsAt(0, 1);
    auto *dialog = new CompareDialog(pair.at(0), pair.at(1), window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void HistoryPanel::togglePinSelected()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    // One state for all: pin them all unless all are pinned already.
    bool allPinned = true;
    for (const QModelIndex &index : rows)
        allPinned = allPinned && index.data(Nh::HistoryModel::PinnedRole).toBool();
    QList<int> sourceRows;
    for (const QModelIndex &index : rows)
        sourceRows << sourceRow(index.row());
    for (int row : std::as_const(sourceRows))
        m_model->setData(m_model->index(row, 0), !allPinned, Nh::HistoryModel::PinnedRole);
    emit message(allPinned ? tr("Unpinned %n exchange(s)", nullptr, int(rows.size()))
                           : tr("Pinned %n exchange(s); the retention limit keeps them", nullptr,
                                int(rows.size())));
}

void HistoryPanel::labelSelected()
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    if (!current.isValid())
        return;
    m_table->edit(m_decoration->index(current.row(), Nh::HistoryModel::Label));
}

void HistoryPanel::deleteSelected()
{
    const QList<QUuid> ids = selectedIds();
    if (ids.isEmpty() || !m_store)
        return;
    Confirm::Question question;
    question.objectName = u"confirmDeleteExchanges"_s;
    question.icon = QMessageBox::Question;
    question.title = tr("Delete from the history");
    question.text = tr("Delete %n exchange(s) from the history? This cannot be undone.", nullptr,
                       int(ids.size()));
    question.acceptText = tr("Delete");
    question.acceptObjectName = u"confirmDeleteButton"_s;
    question.acceptRole = QMessageBox::DestructiveRole;
    Confirm::ask(this, question, [this, ids] {
        m_store->remove(ids);
        emit message(tr("Deleted %n exchange(s) from the history", nullptr, int(ids.size())));
    });
}

Nh::Status HistoryPanel::exportTo(const QList<QUuid> &ids, ExportFormat format, const QString &path,
                                  bool freshTokens) const
{
    const auto records = load(ids);
    if (!records)
        return records.error();
    Nh::CurlOptions options;
    if (freshTokens && m_signer)
        options.freshAuthorization = m_signer;
    options.caCertificate = m_certificateLookup;
    const auto data = Nh::exportExchanges(records.value(), format, options);
    if (!data)
        return data.error();
    Nh::Status done = ExportFile::write(path, data.value(), ExportFile::accessFor(format, options));
    if (!done)
        return done;
    for (const Nh::Warning &w : data.warnings())
        done.addWarning(w);
    return done;
}

void HistoryPanel::exportSelected(ExportFormat format, bool freshTokens)
{
    const QList<QUuid> ids = selectedIds();
    if (ids.isEmpty())
        return;
    const QString path =
        ExportFile::askPath(this, tr("Export %n exchange(s)", nullptr, int(ids.size())),
                            u"nhconsole-history"_s, format);
    if (path.isEmpty())
        return;
    const Nh::Status done = exportTo(ids, format, path, freshTokens);
    if (!done) {
        QMessageBox::warning(this, tr("Export failed"), done.error().message);
        return;
    }
    emit message(freshTokens
                     ? tr("Exported %n exchange(s) to %1 with fresh tokens (never the key); "
                          "treat the file as a secret until they expire",
                          nullptr, int(ids.size()))
                           .arg(path)
                     : tr("Exported %n exchange(s) to %1; the file holds no key or signature",
                          nullptr, int(ids.size()))
                           .arg(path));
}

void HistoryPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_decoration)
        m_decoration->setPalette(palette());
}
