// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "trafficdock.h"

#include "client/trafficfeed.h"
#include "emulator/hubemulator.h"
#include "exchangeview.h"
#include "headersview.h"
#include "localemulator.h"
#include "models/trafficfiltermodel.h"
#include "models/trafficmodel.h"
#include "store/exchangeexport.h"
#include "store/historystore.h"
#include "theme.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDir>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIdentityProxyModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace {

/** Puts the flag icon on the first column (core models carry no icons, R10). */
class FlagDecorationProxy final : public QIdentityProxyModel
{
public:
    using QIdentityProxyModel::QIdentityProxyModel;

    QVariant data(const QModelIndex &index, int role) const override
    {
        if (role == Qt::DecorationRole && index.column() == 0) {
            const int severity =
                QIdentityProxyModel::data(index, Nh::TrafficModel::FlagSeverityRole).toInt();
            if (severity < 0)
                return {};
            return Theme::icon(severity == int(Nh::RequestFlag::Severity::Problem) ? u"failure"_s
                                                                                   : u"warning"_s);
        }
        return QIdentityProxyModel::data(index, role);
    }
};

QLineEdit *filterField(const QString &objectName, const QString &placeholder, int width,
                       QWidget *parent)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setPlaceholderText(placeholder);
    edit->setClearButtonEnabled(true);
    edit->setMaximumWidth(width);
    return edit;
}

QToolButton *toolButton(const QString &objectName, const QString &text, const QString &icon,
                        QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setObjectName(objectName);
    button->setText(text);
    if (!icon.isEmpty())
        button->setIcon(Theme::icon(icon));
    button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    button->setAutoRaise(true);
    return button;
}

} // namespace

TrafficDock::TrafficDock(QWidget *parent)
    : QDockWidget(tr("Traffic"), parent)
{
    setObjectName(u"trafficDock"_s);
    setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable
                | QDockWidget::DockWidgetFloatable);

    m_model = new Nh::TrafficModel(this);
    m_filter = new Nh::TrafficFilterModel(this);
    m_filter->setSourceModel(m_model);
    m_decoration = new FlagDecorationProxy(this);
    m_decoration->setSourceModel(m_filter);

    auto *body = new QWidget(this);
    auto *layout = new QVBoxLayout(body);
    layout->setContentsMargins(4, 4, 4, 4);

    // Filters and actions.
    auto *bar = new QHBoxLayout;
    m_clientFilter = filterField(u"trafficClientFilter"_s, tr("Client (User-Agent)"), 200, body);
    m_operationFilter = filterField(u"trafficOperationFilter"_s, tr("Operation"), 140, body);
    m_statusFilter = filterField(u"trafficStatusFilter"_s, tr("Status"), 70, body);
    m_tagFilter = filterField(u"trafficTagFilter"_s, tr("Tag"), 140, body);
    m_flaggedOnly = new QCheckBox(tr("Flagged only"), body);
    m_flaggedOnly->setObjectName(u"trafficFlaggedOnly"_s);
    for (QWidget *w :
         {static_cast<QWidget *>(m_clientFilter), static_cast<QWidget *>(m_operationFilter),
          static_cast<QWidget *>(m_statusFilter), static_cast<QWidget *>(m_tagFilter),
          static_cast<QWidget *>(m_flaggedOnly)})
        bar->addWidget(w);
    bar->addStretch();
    m_pauseButton = toolButton(u"trafficPause"_s, tr("Pause"), {}, body);
    m_pauseButton->setCheckable(true);
    m_pauseButton->setToolTip(tr("Hold new exchanges back; they show when you resume"));
    m_clearButton = toolButton(u"trafficClear"_s, tr("Clear"), u"remove"_s, body);
    m_historyButton =
        toolButton(u"trafficSendToHistory"_s, tr("Send to History"), u"history"_s, body);
    m_curlButton = toolButton(u"trafficCopyCurl"_s, tr("Copy as curl"), u"copy"_s, body);
    for (QToolButton *b : {m_pauseButton, m_clearButton, m_historyButton, m_curlButton})
        bar->addWidget(b);
    layout->addLayout(bar);

    // The remote emulator.
    auto *remote = new QHBoxLayout;
    remote->addWidget(new QLabel(tr("nhemulator on this machine, port:"), body));
    m_remotePort = new QSpinBox(body);
    m_remotePort->setObjectName(u"trafficRemotePort"_s);
    m_remotePort->setRange(1, 65535);
    m_remotePort->setValue(8443);
    remote->addWidget(m_remotePort);
    m_remoteButton = new QPushButton(tr("Follow"), body);
    m_remoteButton->setObjectName(u"trafficFollowRemote"_s);
    m_remoteButton->setCheckable(true);
    remote->addWidget(m_remoteButton);
    m_remoteStatus = new QLabel(body);
    m_remoteStatus->setObjectName(u"trafficRemoteStatus"_s);
    m_remoteStatus->setWordWrap(true);
    remote->addWidget(m_remoteStatus, 1);
    m_countLabel = new QLabel(body);
    m_countLabel->setObjectName(u"trafficCount"_s);
    remote->addWidget(m_countLabel);
    layout->addLayout(remote);

    // The rows above, the selected exchange and its deliveries below.
    auto *split = new QSplitter(Qt::Vertical, body);
    m_table = new QTableView(split);
    m_table->setObjectName(u"trafficTable"_s);
    m_table->setModel(m_decoration);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setSectionResizeMode(Nh::TrafficModel::RequestColumn,
                                                      QHeaderView::Stretch);
    m_table->setColumnWidth(Nh::TrafficModel::TimeColumn, 110);
    m_table->setColumnWidth(Nh::TrafficModel::ClientColumn, 150);
    m_table->setColumnWidth(Nh::TrafficModel::OperationColumn, 130);
    m_table->setColumnWidth(Nh::TrafficModel::StatusColumn, 55);
    m_table->setColumnWidth(Nh::TrafficModel::OutcomeColumn, 170);
    m_table->setColumnWidth(Nh::TrafficModel::DurationColumn, 70);

    auto *detail = new QWidget(split);
    auto *detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    m_flagsLabel = new QLabel(detail);
    m_flagsLabel->setObjectName(u"trafficFlags"_s);
    m_flagsLabel->setWordWrap(true);
    m_flagsLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_flagsLabel->hide();
    detailLayout->addWidget(m_flagsLabel);
    auto *detailSplit = new QSplitter(Qt::Vertical, detail);
    m_exchangeView = new ExchangeView(detailSplit);
    // The requests here came from other clients: their headers are what the emulator received.
    m_exchangeView->headersView()->setForeignRequest(true);
    auto *deliveryBox = new QWidget(detailSplit);
    auto *deliveryLayout = new QVBoxLayout(deliveryBox);
    deliveryLayout->setContentsMargins(0, 0, 0, 0);
    m_deliveriesTitle = new QLabel(deliveryBox);
    m_deliveriesTitle->setObjectName(u"trafficDeliveriesTitle"_s);
    deliveryLayout->addWidget(m_deliveriesTitle);
    m_deliveries = new QTreeWidget(deliveryBox);
    m_deliveries->setObjectName(u"trafficDeliveries"_s);
    m_deliveries->setRootIsDecorated(false);
    m_deliveries->setHeaderLabels(
        {tr("Registration"), tr("Platform"), tr("Handle"), tr("Outcome"), tr("Payload")});
    deliveryLayout->addWidget(m_deliveries);
    detailSplit->addWidget(m_exchangeView);
    detailSplit->addWidget(deliveryBox);
    detailSplit->setStretchFactor(0, 3);
    detailSplit->setStretchFactor(1, 1);
    detailSplit->setChildrenCollapsible(false);
    detailLayout->addWidget(detailSplit, 1);
    split->addWidget(m_table);
    split->addWidget(detail);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    split->setSizes({300, 400});
    layout->addWidget(split, 1);
    setWidget(body);

    m_exchangeView->setCertificateLookup(
        [this](const Nh::HistoryRecord &) { return m_emulatorCertificate; });
    connect(m_exchangeView, &ExchangeView::message, this, &TrafficDock::message);
    connect(m_clientFilter, &QLineEdit::textChanged, m_filter, &Nh::TrafficFilterModel::setClient);
    connect(m_operationFilter, &QLineEdit::textChanged, m_filter,
            &Nh::TrafficFilterModel::setOperation);
    connect(m_statusFilter, &QLineEdit::textChanged, m_filter, &Nh::TrafficFilterModel::setStatus);
    connect(m_tagFilter, &QLineEdit::textChanged, m_filter, &Nh::TrafficFilterModel::setTag);
    connect(m_flaggedOnly, &QCheckBox::toggled, m_filter, &Nh::TrafficFilterModel::setFlaggedOnly);
    connect(m_pauseButton, &QToolButton::toggled, this, &TrafficDock::setPaused);
    connect(m_clearButton, &QToolButton::clicked, this, &TrafficDock::clear);
    connect(m_historyButton, &QToolButton::clicked, this, &TrafficDock::sendToHistory);
    connect(m_curlButton, &QToolButton::clicked, this, &TrafficDock::copyCurl);
    connect(m_remoteButton, &QPushButton::toggled, this, [this](bool on) {
        if (on)
            followRemoteFromFields();
        else
            stopRemote();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &TrafficDock::showSelected);
    // Follow the newest rows while the view is scrolled to the bottom.
    connect(m_model, &QAbstractItemModel::rowsAboutToBeInserted, this, [this] {
        const QScrollBar *scroll = m_table->verticalScrollBar();
        m_table->setProperty("nhAtBottom", scroll->value() >= scroll->maximum());
    });
    connect(m_model, &Nh::TrafficModel::flushed, this, [this] {
        if (m_table->property("nhAtBottom").toBool())
            m_table->scrollToBottom();
        updateCounts();
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, &TrafficDock::updateCounts);
    m_heldTimer.setInterval(500);
    connect(&m_heldTimer, &QTimer::timeout, this, &TrafficDock::updateCounts);
    updateCounts();
    showSelected();
}

TrafficDock::~TrafficDock() = default;

void TrafficDock::setEmulator(Nh::HubEmulator *emulator)
{
    if (m_emulator)
        disconnect(m_emulator, nullptr, this, nullptr);
    m_emulator = emulator;
    if (!emulator)
        return;
    // The port and the certificate are read-only once started: safe from this thread.
    m_emulatorOrigin = QUrl(u"https://127.0.0.1:%1"_s.arg(emulator->port()));
    m_emulatorCertificate = emulator->certificatePath();
    connect(emulator, &Nh::HubEmulator::exchangeLogged, this, &TrafficDock::appendLogged,
            Qt::QueuedConnection);
}

void TrafficDock::setHistory(Nh::HistoryStore *history)
{
    m_history = history;
}

void TrafficDock::setNetworkAccessManager(QNetworkAccessManager *nam)
{
    m_nam = nam;
}

void TrafficDock::appendLogged(const Nh::EmulatorLogEntry &entry)
{
    m_model->append(entry, m_emulatorOrigin);
}

void TrafficDock::followRemote(const QUrl &origin, const QList<QSslCertificate> &caCertificates)
{
    if (!m_nam) {
        m_remoteStatus->setText(tr("No network access here to follow another emulator."));
        return;
    }
    if (!m_feed) {
        m_feed = new Nh::TrafficFeed(m_nam, this);
        connect(m_feed, &Nh::TrafficFeed::entriesReceived, this,
                [this](const QList<Nh::EmulatorLogEntry> &entries) {
                    for (const Nh::EmulatorLogEntry &e : entries)
                        m_model->append(e, m_feed->origin());
                });
        connect(m_feed, &Nh::TrafficFeed::connected, this, [this] {
            m_remoteStatus->setText(tr("Following %1.").arg(m_feed->origin().toString()));
        });
        connect(m_feed, &Nh::TrafficFeed::failed, this,
                [this](const QString &sentence, int retryInMs) {
                    m_remoteStatus->setText(tr("%1 Trying again in %2 s.")
                                                .arg(sentence)
                                                .arg(double(retryInMs) / 1000.0, 0, 'f', 1));
                });
    }
    m_feed->setEndpoint(origin, caCertificates);
    m_remoteStatus->setText(tr("Connecting to %1…").arg(origin.toString()));
    m_feed->start(0);
    const QSignalBlocker block(m_remoteButton);
    m_remoteButton->setChecked(true);
}

void TrafficDock::stopRemote()
{
    if (m_feed)
        m_feed->cancel();
    m_remoteStatus->clear();
    const QSignalBlocker block(m_remoteButton);
    m_remoteButton->setChecked(false);
}

void TrafficDock::followRemoteFromFields()
{
    // nhemulator keeps its certificate where the console's own emulator does, unless told
    // otherwise (--cert-dir).
    const QString path =
        QDir(LocalEmulator::defaultCertificateDir()).filePath(u"emulator-cert.pem"_s);
    const QList<QSslCertificate> certificates = QSslCertificate::fromPath(path);
    followRemote(QUrl(u"https://127.0.0.1:%1"_s.arg(m_remotePort->value())), certificates);
}

void TrafficDock::setPaused(bool paused)
{
    m_model->setPaused(paused);
    const QSignalBlocker block(m_pauseButton);
    m_pauseButton->setChecked(paused);
    m_pauseButton->setText(paused ? tr("Resume") : tr("Pause"));
    if (paused)
        m_heldTimer.start();
    else
        m_heldTimer.stop();
    updateCounts();
}

void TrafficDock::clear()
{
    m_model->clear();
    showSelected();
}

const Nh::TrafficRow *TrafficDock::selectedRow() const
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    if (!current.isValid())
        return nullptr;
    const QModelIndex source = m_filter->mapToSource(m_decoration->mapToSource(current));
    if (!source.isValid())
        return nullptr;
    return &m_model->row(source.row());
}

bool TrafficDock::selectSourceRow(int sourceRow)
{
    const QModelIndex proxy =
        m_decoration->mapFromSource(m_filter->mapFromSource(m_model->index(sourceRow, 0)));
    if (!proxy.isValid())
        return false;
    m_table->selectionModel()->setCurrentIndex(
        proxy, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    // Again once the flags above the exchange have taken their room from the table.
    m_table->scrollTo(proxy);
    QMetaObject::invokeMethod(
        m_table,
        [table = m_table] {
            if (table->currentIndex().isValid())
                table->scrollTo(table->currentIndex());
        },
        Qt::QueuedConnection);
    return true;
}

void TrafficDock::showSelected()
{
    const Nh::TrafficRow *row = selectedRow();
    m_historyButton->setEnabled(row);
    m_curlButton->setEnabled(row);
    if (!row) {
        m_exchangeView->clear();
        m_flagsLabel->hide();
        showDeliveries(nullptr);
        return;
    }
    m_exchangeView->setExchange(row->exchange);
    QStringList lines;
    for (const Nh::RequestFlag &f : row->flags)
        lines.append(u"• "_s + f.sentence);
    m_flagsLabel->setText(lines.join(u'\n'));
    m_flagsLabel->setVisible(!lines.isEmpty());
    if (!lines.isEmpty()) {
        Theme::paintLabel(m_flagsLabel,
                          Nh::worstSeverity(row->flags) == Nh::RequestFlag::Severity::Problem
                              ? Theme::Tone::Failure
                              : Theme::Tone::Warning);
    }
    showDeliveries(row);
}

void TrafficDock::showDeliveries(const Nh::TrafficRow *row)
{
    m_deliveries->clear();
    const bool none = !row || (row->deliveries.isEmpty() && row->deliveryCount == 0);
    m_deliveries->setVisible(!none);
    if (none) {
        m_deliveriesTitle->setText(tr("Deliveries: none recorded for this exchange."));
        return;
    }
    m_deliveriesTitle->setText(
        tr("Deliveries: %1 of %2 shown.")
            .arg(row->deliveries.size())
            .arg(std::max<qint64>(row->deliveryCount, row->deliveries.size())));
    for (const Nh::EmulatorDelivery &d : row->deliveries) {
        auto *item = new QTreeWidgetItem(m_deliveries);
        item->setText(0, d.registrationId);
        item->setText(1, Nh::platformDisplayName(d.platform));
        item->setText(2, d.handle);
        item->setText(3, d.outcome);
        item->setText(4, QString::fromUtf8(d.payload.left(300)).simplified());
        item->setToolTip(4, QString::fromUtf8(d.payload));
    }
}

void TrafficDock::sendToHistory()
{
    const Nh::TrafficRow *row = selectedRow();
    if (!row)
        return;
    if (!m_history) {
        emit message(tr("No history: the exchange could not be kept."));
        return;
    }
    Nh::HistoryContext context;
    context.source = u"traffic"_s;
    m_history->add(row->exchange, context);
    emit message(tr("Sent the exchange to the history."));
}

void TrafficDock::copyCurl()
{
    const Nh::TrafficRow *row = selectedRow();
    if (!row)
        return;
    Nh::HistoryContext context;
    context.source = u"traffic"_s;
    Nh::CurlOptions options;
    options.caCertificate = [this](const Nh::HistoryRecord &) {
        return m_emulatorCertificate;
    };
    const auto curl = Nh::exchangeToCurl(Nh::historyRecordFor(row->exchange, context), options);
    if (!curl) {
        emit message(curl.error().message);
        return;
    }
    QApplication::clipboard()->setText(*curl);
    emit message(tr("Copied the request as curl."));
}

void TrafficDock::updateCounts()
{
    QString text = tr("%n exchange(s)", nullptr, m_model->rowCount());
    if (m_model->isPaused() && m_model->pendingCount() > 0)
        text += u", "_s + tr("%n held", nullptr, m_model->pendingCount());
    m_countLabel->setText(text);
}
