// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "hubpage.h"

#include "client/explainer.h"
#include "client/hubclient.h"
#include "client/registrationcoverage.h"
#include "confirm.h"
#include "credentialdialog.h"
#include "credentialinput.h"
#include "hubcards.h"
#include "hubchange.h"
#include "platformcard.h"
#include "theme.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QScrollArea>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace {
constexpr int kCardColumns = 3;
} // namespace

HubPage::HubPage(Nh::HubClient *client, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
{
    setObjectName(u"hubPage"_s);
    m_refreshAction = new QAction(Theme::icon(u"refresh"_s), tr("&Refresh"), this);
    m_refreshAction->setObjectName(u"actionRefreshHubPage"_s);
    connect(m_refreshAction, &QAction::triggered, this, &HubPage::refresh);
    m_cancelAction = new QAction(tr("Cancel"), this);
    m_cancelAction->setObjectName(u"actionCancelHubPage"_s);
    m_cancelAction->setEnabled(false);
    connect(m_cancelAction, &QAction::triggered, this, &HubPage::cancel);
    m_coverage = new Nh::RegistrationCoverage(client, this);
    connect(m_coverage, &Nh::RegistrationCoverage::finished, this, &HubPage::onCoverageFinished);

    auto *layout = new QVBoxLayout(this);
    auto *bar = new QHBoxLayout;
    m_title = new QLabel(this);
    m_title->setObjectName(u"hubPageTitle"_s);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    bar->addWidget(m_title, 1);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 0);
    m_progress->setMaximumWidth(160);
    m_progress->setFormat(tr("Reading the hub…"));
    m_progress->hide();
    bar->addWidget(m_progress);
    m_cancelButton = new QToolButton(this);
    m_cancelButton->setDefaultAction(m_cancelAction);
    m_cancelButton->hide();
    bar->addWidget(m_cancelButton);
    auto *refresh = new QToolButton(this);
    refresh->setDefaultAction(m_refreshAction);
    refresh->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addWidget(refresh);
    layout->addLayout(bar);

    m_message = new QLabel(this);
    m_message->setObjectName(u"hubPageMessage"_s);
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setMargin(8);
    m_message->hide();
    layout->addWidget(m_message);

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    // The cards wrap to the page's width: a horizontal scroll bar would let the grid size them
    // from their one-line widths and cut their wrapped sentences.
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_content = new QWidget(scroll);
    auto *content = new QVBoxLayout(m_content);
    // Columns of cards rather than a grid: box layouts give wrapped sentences the height they
    // need at their width, a grid's rows cut them.
    auto *columns = new QHBoxLayout;
    for (int i = 0; i < kCardColumns; ++i) {
        auto *column = new QVBoxLayout;
        column->addStretch();
        columns->addLayout(column, 1);
        m_cardColumns.append(column);
    }
    content->addLayout(columns);
    m_coverageNote = new QLabel(m_content);
    m_coverageNote->setObjectName(u"hubCoverageNote"_s);
    m_coverageNote->setWordWrap(true);
    m_coverageNote->setTextFormat(Qt::PlainText);
    m_coverageNote->setForegroundRole(QPalette::PlaceholderText);
    m_coverageNote->hide();
    content->addWidget(m_coverageNote);
    m_hubFindings = new QVBoxLayout;
    content->addLayout(m_hubFindings);
    auto *rulesTitle = new QLabel(tr("Authorization rules"), m_content);
    rulesTitle->setFont(bold);
    content->addWidget(rulesTitle);
    m_rules = new QTableWidget(0, 3, m_content);
    m_rules->setObjectName(u"rulesTable"_s);
    m_rules->setHorizontalHeaderLabels({tr("Rule"), tr("Rights"), tr("Used by this profile")});
    m_rules->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_rules->horizontalHeader()->setStretchLastSection(true);
    m_rules->verticalHeader()->hide();
    m_rules->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_rules->setSelectionBehavior(QAbstractItemView::SelectRows);
    content->addWidget(m_rules);
    m_figures = new QLabel(m_content);
    m_figures->setObjectName(u"hubFigures"_s);
    m_figures->setWordWrap(true);
    content->addWidget(m_figures);
    content->addStretch();
    scroll->setWidget(m_content);
    layout->addWidget(scroll, 1);
    m_content->hide();
}

QList<PlatformCard *> HubPage::cards() const
{
    return m_content->findChildren<PlatformCard *>();
}

QString HubPage::message() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

bool HubPage::isCountingRegistrations() const
{
    return m_coverageWanted && m_coverage->isRunning();
}

void HubPage::setRegistrationLimit(int limit)
{
    m_coverage->setLimit(limit);
}

QString HubPage::coverageNote() const
{
    return m_coverageNote->isHidden() ? QString() : m_coverageNote->text();
}

void HubPage::refresh()
{
    m_coverageWanted = false;
    cancel();
    const QString hub = m_client->connection().hub;
    m_title->setText(tr("Hub %1").arg(hub));
    m_job = m_client->getHub(hub);
    connect(m_job, &Nh::HubJob::finished, this, &HubPage::onFinished);
    setLoading(true);
}

void HubPage::cancel()
{
    // The counting ends with a note (onCoverageFinished()) when it is still wanted.
    if (m_coverage->isRunning())
        m_coverage->cancel();
    if (m_job) {
        Nh::HubJob *job = m_job;
        m_job = nullptr;
        disconnect(job, nullptr, this, nullptr);
        job->cancel();
        setLoading(false);
        showMessage(tr("Reading the hub was cancelled."), int(Theme::Tone::Neutral));
        emit loaded();
    }
}

void HubPage::clear(const QString &note)
{
    m_coverageWanted = false;
    cancel();
    clearContent();
    m_title->clear();
    showMessage(note, int(Theme::Tone::Neutral));
}

void HubPage::setLoading(bool loading)
{
    const bool busy = loading || isCountingRegistrations();
    m_progress->setFormat(loading ? tr("Reading the hub…") : tr("Counting registrations…"));
    m_progress->setVisible(busy);
    m_cancelButton->setVisible(busy);
    m_cancelAction->setEnabled(busy);
}

void HubPage::startCoverage()
{
    m_coverageWanted = true;
    m_coverage->start();
    m_coverageNote->setText(
        tr("Counting the hub's registrations to check that every platform they use has a "
           "credential…"));
    m_coverageNote->show();
    setLoading(false);
}

void HubPage::onCoverageFinished()
{
    if (!m_coverageWanted)
        return;
    m_coverageWanted = false;
    setLoading(m_job != nullptr);
    if (m_description && m_coverage->counts()) {
        const Nh::HubDescription description = *m_description;
        Nh::HubCheckContext context;
        context.registrations = m_coverage->counts();
        showDescription(description, context);
    }
    m_coverageNote->setText(m_coverage->note());
    m_coverageNote->setVisible(!m_coverage->note().isEmpty());
    emit coverageChecked();
}

void HubPage::showMessage(const QString &text, int tone)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
    Theme::paintBanner(m_message, Theme::Tone(tone));
}

void HubPage::clearContent()
{
    m_description.reset();
    m_findings.clear();
    for (PlatformCard *card : cards())
        delete card;
    while (QLayoutItem *item = m_hubFindings->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_rules->setRowCount(0);
    m_figures->clear();
    m_coverageNote->clear();
    m_coverageNote->hide();
    m_content->hide();
}

void HubPage::onFinished(const Nh::Exchange &exchange)
{
    m_job = nullptr;
    setLoading(false);
    emit exchangeFinished(exchange);
    if (exchange.result == Nh::ExchangeResult::Success && exchange.hubDescription) {
        showDescription(*exchange.hubDescription);
        startCoverage();
    } else if (exchange.result == Nh::ExchangeResult::Cancelled) {
        showMessage(tr("Reading the hub was cancelled."), int(Theme::Tone::Neutral));
    } else {
        clearContent();
        const Nh::Explanation x = Nh::explain(exchange);
        QString text =
            x.cause.isEmpty() ? tr("The hub's configuration could not be read.") : x.cause;
        if (!x.nextStep.isEmpty())
            text += u"\n\n"_s + tr("What to do: %1").arg(x.nextStep);
        showMessage(text, int(Theme::Tone::Failure));
    }
    emit loaded();
}

void HubPage::showDescription(const Nh::HubDescription &description, Nh::HubCheckContext context)
{
    clearContent();
    m_description = description;
    if (m_title->text().isEmpty())
        m_title->setText(tr("Hub %1").arg(description.name));
    const Nh::ConnectionString &cs = m_client->connection().connectionString;
    if (context.profiles.isEmpty() && !cs.keyName().isEmpty())
        context.profiles.append({m_profileName.isEmpty() ? tr("(current)") : m_profileName,
                                 cs.keyName(), cs.key(), Nh::ProfileKey::Role::BackEnd});
    m_findings = Nh::checkHub(description, context);

    const QList<PlatformCardData> data = platformCards(description, m_findings, context.now);
    for (int i = 0; i < data.size(); ++i) {
        QVBoxLayout *column = m_cardColumns.at(i % kCardColumns);
        auto *card = new PlatformCard(data.at(i), m_content);
        connect(card, &PlatformCard::removeRequested, this, &HubPage::removeCredential);
        connect(card, &PlatformCard::editRequested, this, &HubPage::editCredential);
        column->insertWidget(column->count() - 1, card);
    }
    for (const Nh::HubFinding &f : hubWideFindings(m_findings))
        m_hubFindings->addWidget(PlatformCard::findingRow(f, m_content));
    fillRules(description);
    fillFigures(description);

    const Nh::HubCheckSeverity worst = Nh::worstSeverity(m_findings);
    int problems = 0;
    for (const Nh::HubFinding &f : m_findings)
        problems += f.severity >= Nh::HubCheckSeverity::Warning ? 1 : 0;
    if (problems > 0)
        showMessage(tr("The checks found %n thing(s) to fix in this hub's configuration.", nullptr,
                       problems),
                    int(severityTone(worst)));
    else
        showMessage({}, int(Theme::Tone::Neutral));
    m_content->show();
}

void HubPage::removeCredential(Nh::PnsCredentialKind kind)
{
    if (!m_description || !m_description->credential(kind) || m_job)
        return;
    Nh::HubDescription changed = *m_description;
    changed.credentials.removeIf([kind](const Nh::PnsCredential &c) { return c.kind == kind; });
    confirmAndSave(changed,
                   tr("This is a production profile: sends to the removed platform will "
                      "fail for every device."));
}

void HubPage::editCredential(Nh::PnsCredentialKind kind)
{
    if (!m_description || m_job || !CredentialDialog::supports(kind))
        return;
    auto *dialog = new CredentialDialog(kind, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog] { setCredential(dialog->credential()); });
    dialog->open();
}

void HubPage::setCredential(const Nh::PnsCredential &credential)
{
    if (!m_description || m_job)
        return;
    confirmAndSave(withCredential(*m_description, credential),
                   tr("This is a production profile: every device of this platform gets its "
                      "pushes through the new credential."));
}

void HubPage::confirmAndSave(const Nh::HubDescription &changed, const QString &risk)
{
    const QStringList changes = hubDescriptionChanges(*m_description, changed);
    if (changes.isEmpty())
        return;
    Confirm::Question q;
    q.objectName = u"confirmHubChange"_s;
    q.title = tr("Save the Hub Configuration");
    QString text = tr("Saving replaces the hub's whole description. This changes:") + u"\n\n• "_s
        + changes.join(u"\n• "_s);
    if (m_production)
        text += u"\n\n"_s + risk;
    q.text = text;
    q.acceptText = tr("Save");
    q.acceptObjectName = u"saveHubButton"_s;
    Confirm::ask(this, q, [this, changed] { save(changed); });
}

void HubPage::save(const Nh::HubDescription &changed)
{
    m_coverageWanted = false; // the page reads the hub again after saving, and counts again
    cancel();
    m_job = m_client->updateHub(changed);
    connect(m_job, &Nh::HubJob::finished, this, &HubPage::onSaved);
    setLoading(true);
}

void HubPage::onSaved(const Nh::Exchange &exchange)
{
    m_job = nullptr;
    setLoading(false);
    emit exchangeFinished(exchange);
    if (exchange.result == Nh::ExchangeResult::Success) {
        refresh();
        return;
    }
    const Nh::Explanation x = Nh::explain(exchange);
    QString text = x.cause.isEmpty() ? tr("The hub's configuration could not be saved.") : x.cause;
    if (!x.nextStep.isEmpty())
        text += u"\n\n"_s + tr("What to do: %1").arg(x.nextStep);
    showMessage(text, int(Theme::Tone::Failure));
    emit loaded();
}

void HubPage::fillRules(const Nh::HubDescription &description)
{
    const QString used = m_client->connection().connectionString.keyName();
    m_rules->setRowCount(int(description.authorizationRules.size()));
    int row = 0;
    for (const Nh::AuthorizationRule &rule : description.authorizationRules) {
        m_rules->setItem(row, 0, new QTableWidgetItem(rule.keyName));
        m_rules->setItem(row, 1, new QTableWidgetItem(Nh::accessRightsText(rule.rights)));
        auto *mark = new QTableWidgetItem(rule.keyName == used ? tr("Yes") : QString());
        if (rule.keyName == used)
            mark->setIcon(Theme::icon(u"success"_s));
        m_rules->setItem(row, 2, mark);
        ++row;
    }
    if (!used.isEmpty() && !description.rule(used)) {
        m_rules->insertRow(row);
        m_rules->setItem(row, 0, new QTableWidgetItem(used));
        m_rules->setItem(row, 1, new QTableWidgetItem(tr("(not a rule of this hub)")));
        m_rules->setItem(row, 2, new QTableWidgetItem(tr("Yes")));
    }
    const int rows = m_rules->rowCount();
    m_rules->setFixedHeight(m_rules->horizontalHeader()->sizeHint().height()
                            + (rows > 0 ? rows * m_rules->rowHeight(0) : 0)
                            + 2 * m_rules->frameWidth());
}

void HubPage::fillFigures(const Nh::HubDescription &description)
{
    const QLocale locale;
    const auto figure = [&](const std::optional<qint64> &v) {
        return v ? locale.toString(*v) : tr("unknown");
    };
    QStringList lines;
    lines << tr("Registration TTL: %1").arg(registrationTtlText(description.registrationTtl));
    lines << tr("Daily operations: %1").arg(figure(description.dailyOperations));
    lines
        << tr("Daily maximum of active devices: %1").arg(figure(description.dailyMaxActiveDevices));
    lines << tr("Daily maximum of active registrations: %1")
                 .arg(figure(description.dailyMaxActiveRegistrations));
    m_figures->setText(lines.join(u'\n'));
}
