// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "reachpreview.h"

#include "client/reach.h"
#include "client/reachquery.h"
#include "emulator/emulatorstate.h"
#include "models/registrationmodel.h"
#include "protocol/renderedpayload.h"
#include "protocol/tagexpression.h"
#include "protocol/templatedocument.h"
#include "renderedpayloadview.h"
#include "tagexpressionedit.h"
#include "theme.h"

#include <QAction>
#include <QComboBox>
#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMap>
#include <QProgressBar>
#include <QPushButton>
#include <QSet>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>

using namespace Qt::Literals::StringLiterals;

ReachPreview::ReachPreview(Nh::HubClient *client, QWidget *parent)
    : QWidget(parent)
    , m_query(new Nh::ReachQuery(client, this))
    , m_model(new Nh::RegistrationModel(nullptr, this))
    , m_planTimer(new QTimer(this))
{
    setObjectName(u"reachPreview"_s);

    m_refreshAction = new QAction(Theme::icon(u"refresh"_s), tr("&Refresh Reach Preview"), this);
    m_refreshAction->setObjectName(u"refreshReachAction"_s);
    m_refreshAction->setShortcut(QKeySequence::Refresh);
    m_refreshAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_refreshAction, &QAction::triggered, this, &ReachPreview::refresh);
    addAction(m_refreshAction);

    m_formatCombo = new QComboBox(this);
    m_formatCombo->setObjectName(u"reachFormat"_s);
    for (int f = 0; f < Nh::kFormatCount; ++f)
        m_formatCombo->addItem(Nh::formatDisplayName(Nh::Format(f)), f);
    connect(m_formatCombo, &QComboBox::currentIndexChanged, this, &ReachPreview::evaluate);

    m_tagEdit = new TagExpressionEdit(this);
    m_tagEdit->setObjectName(u"reachTags"_s);
    m_tagEdit->setPlaceholderText(tr("Tag expression, e.g. sports && !lang:fr (empty: broadcast)"));
    connect(m_tagEdit, &QLineEdit::textChanged, this, &ReachPreview::evaluate);

    m_refreshButton = new QPushButton(m_refreshAction->icon(), tr("Refresh"), this);
    m_refreshButton->setObjectName(u"refreshReach"_s);
    m_refreshButton->setToolTip(
        tr("Fetch the hub's registrations again (%1)")
            .arg(m_refreshAction->shortcut().toString(QKeySequence::NativeText)));
    connect(m_refreshButton, &QPushButton::clicked, this, &ReachPreview::refresh);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(u"reachProgress"_s);
    m_progress->setRange(0, 0);
    m_progress->setMaximumWidth(160);
    m_progress->hide();
    m_cancelButton = new QPushButton(Theme::icon(u"cancel"_s), tr("Cancel"), this);
    m_cancelButton->setObjectName(u"cancelReach"_s);
    m_cancelButton->hide();
    connect(m_cancelButton, &QPushButton::clicked, this, &ReachPreview::cancel);

    m_errorBanner = new QFrame(this);
    m_errorBanner->setObjectName(u"reachError"_s);
    m_errorBanner->setFrameShape(QFrame::StyledPanel);
    m_errorLabel = new QLabel(m_errorBanner);
    m_errorLabel->setObjectName(u"reachErrorText"_s);
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *bannerLayout = new QHBoxLayout(m_errorBanner);
    bannerLayout->setContentsMargins(8, 4, 8, 4);
    bannerLayout->addWidget(m_errorLabel);
    m_errorBanner->hide();

    m_summary = new QLabel(this);
    m_summary->setObjectName(u"reachSummary"_s);
    m_summary->setWordWrap(true);
    QFont big = m_summary->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.15);
    m_summary->setFont(big);

    m_table = new QTableView(this);
    m_table->setObjectName(u"reachTable"_s);
    m_table->setModel(m_model);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideMiddle);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    const int em = m_table->fontMetrics().horizontalAdvance(u'M');
    // Narrow enough for the composer's column; the middle of an id or handle is elided.
    m_table->setColumnWidth(Nh::RegistrationModel::Platform, em * 10);
    m_table->setColumnWidth(Nh::RegistrationModel::RegistrationId, em * 9);
    m_table->setColumnWidth(Nh::RegistrationModel::Handle, em * 10);
    m_table->setColumnWidth(Nh::RegistrationModel::Tags, em * 14);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ReachPreview::showRendered);
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        emit registrationActivated(
            index.data(Nh::RegistrationModel::RegistrationIdRole).toString());
    });

    // A template send: what the current registration receives, under the list.
    m_rendered = new RenderedPayloadView(this);
    m_rendered->setObjectName(u"reachRenderedPayload"_s);
    m_split = new QSplitter(Qt::Vertical, this);
    m_split->setObjectName(u"reachSplitter"_s);
    m_split->setChildrenCollapsible(false);
    m_split->addWidget(m_table);
    m_split->addWidget(m_rendered);
    m_split->setStretchFactor(0, 1);
    m_split->setStretchFactor(1, 1);
    m_rendered->hide();

    m_note = new QLabel(this);
    m_note->setObjectName(u"reachNote"_s);
    m_note->setWordWrap(true);
    m_note->setTextInteractionFlags(Qt::TextSelectableByMouse);

    connect(m_query, &Nh::ReachQuery::progress, this, [this](int fetched, int requests) {
        m_note->setText(tr("Fetching registrations… %1 so far (%n request(s))", nullptr, requests)
                            .arg(fetched));
    });
    connect(m_query, &Nh::ReachQuery::finished, this, &ReachPreview::onFetched);
    // Long enough that typing a tag does not fetch every prefix of it.
    m_planTimer->setSingleShot(true);
    m_planTimer->setInterval(kPlanDelayMs);
    connect(m_planTimer, &QTimer::timeout, this, &ReachPreview::fetchPlan);

    auto *row = new QHBoxLayout;
    m_inputRow = row;
    row->addWidget(m_formatCombo);
    row->addWidget(m_tagEdit, 1);
    // Takes the room the fields leave when hidden (setCompact()): buttons stay right.
    row->addStretch(0);
    row->addWidget(m_refreshButton);
    row->addWidget(m_progress);
    row->addWidget(m_cancelButton);
    auto *layout = new QVBoxLayout(this);
    m_layout = layout;
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addWidget(m_errorBanner);
    layout->addWidget(m_summary);
    layout->addWidget(m_split, 1);
    layout->addWidget(m_note);
    evaluate();
}

void ReachPreview::setTagExpression(const QString &expression)
{
    const bool wasDirect = m_direct;
    m_direct = false;
    if (m_tagEdit->text() != expression)
        m_tagEdit->setText(expression);
    else if (wasDirect)
        evaluate();
}

QString ReachPreview::tagExpression() const
{
    return m_tagEdit->text();
}

void ReachPreview::setFormat(Nh::Format format)
{
    m_formatCombo->setCurrentIndex(m_formatCombo->findData(int(format)));
}

Nh::Format ReachPreview::format() const
{
    return Nh::Format(m_formatCombo->currentData().toInt());
}

void ReachPreview::setDeviceHandles(const QStringList &handles)
{
    if (m_direct && handles == m_handles)
        return;
    m_direct = true;
    m_handles = handles;
    evaluate();
}

void ReachPreview::setCompact(bool compact)
{
    m_formatCombo->setVisible(!compact);
    m_tagEdit->setVisible(!compact);
    if (compact) {
        m_layout->removeWidget(m_summary);
        m_inputRow->insertWidget(0, m_summary, 1);
    } else {
        m_inputRow->removeWidget(m_summary);
        m_layout->insertWidget(m_layout->indexOf(m_errorBanner) + 1, m_summary);
    }
    for (const int column : {Nh::RegistrationModel::Expiry, Nh::RegistrationModel::TemplateName})
        m_table->setColumnHidden(column, compact);
}

void ReachPreview::setConnected(bool connected, const QString &note)
{
    m_connected = connected;
    m_disconnectedNote = note;
    if (!connected) {
        m_planTimer->stop();
        m_query->clear();
        m_hasSnapshot = false;
        m_truncatedListings.clear();
        m_fetchFailed = false;
    }
    // A first show must not fetch over a connection that belongs to another profile.
    m_fetchedOnce = !connected;
    m_refreshAction->setEnabled(connected);
    m_refreshButton->setEnabled(connected);
    updateBusy();
    evaluate();
}

void ReachPreview::setLimit(int registrations)
{
    m_query->setLimit(registrations);
}

void ReachPreview::setTemplateProperties(const Nh::TemplateProperties &properties)
{
    if (properties == m_templateProperties)
        return;
    m_templateProperties = properties;
    evaluate();
}

const QList<Nh::Registration> &ReachPreview::registrations() const
{
    return m_query->registrations();
}

int ReachPreview::fetchedCount() const
{
    return m_hasSnapshot ? int(m_query->registrations().size()) : -1;
}

int ReachPreview::requestCount() const
{
    return m_query->requests();
}

QString ReachPreview::summaryText() const
{
    return m_summary->text();
}

QString ReachPreview::noteText() const
{
    return m_note->text();
}

QString ReachPreview::errorText() const
{
    return m_errorBanner->isHidden() ? QString() : m_errorLabel->text();
}

bool ReachPreview::isFetching() const
{
    return m_query->isRunning() || m_planTimer->isActive();
}

QDateTime ReachPreview::fetchedAt() const
{
    return m_query->fetchedAt();
}

void ReachPreview::refresh()
{
    if (!m_connected)
        return;
    m_fetchedOnce = true;
    m_query->clear();
    m_hasSnapshot = false;
    m_truncatedListings.clear();
    m_propertiesOf.clear();
    fetchPlan();
}

void ReachPreview::fetchPlan()
{
    m_planTimer->stop();
    if (!m_connected)
        return;
    std::optional<Nh::TagExpression> expression;
    const std::optional<Nh::ReachPlan> plan = currentPlan(expression);
    if (!plan)
        return;
    m_fetchFailed = false;
    m_errorBanner->hide();
    m_query->start(*plan);
    updateBusy();
    present();
}

void ReachPreview::cancel()
{
    m_planTimer->stop();
    m_query->cancel();
    updateBusy();
}

void ReachPreview::onFetched()
{
    updateBusy();
    m_fetchFailed = !m_query->ok();
    if (m_query->ok()) {
        m_hasSnapshot = true;
        if (m_query->isTruncated()) {
            m_truncatedListings.clear();
            for (const Nh::ReachPlan::Listing &listing : m_query->plan().listings())
                m_truncatedListings << listing.key();
        }
    }
    // A set: a generated hub has a tag per user, and a list's contains() made this quadratic
    // in the registrations fetched (10,000 and more) on the UI thread.
    QSet<QString> tags;
    for (const Nh::Registration &r : m_query->registrations()) {
        if (r.isTemplate && !m_propertiesOf.contains(r.registrationId)) {
            const auto document =
                Nh::TemplateDocument::parse(Nh::TemplateSource::fromRegistration(r));
            m_propertiesOf.insert(r.registrationId,
                                  document ? document->properties() : QStringList());
        }
        for (const QString &tag : r.tags)
            tags.insert(tag);
    }
    QStringList known(tags.cbegin(), tags.cend());
    known.sort(Qt::CaseInsensitive);
    m_tagEdit->setKnownTags(known);
    emit knownTagsChanged(known);
    const QStringList usedBefore = m_used;
    present();
    if (m_used != usedBefore)
        emit templatePropertiesUsedChanged(m_used);
}

void ReachPreview::evaluate()
{
    const QStringList usedBefore = m_used;
    m_planTimer->stop();
    // An edit the fetched listings do not answer fetches what it needs, once typing pauses.
    if (!present() && m_connected && m_fetchedOnce)
        m_planTimer->start();
    updateBusy();
    if (m_used != usedBefore)
        emit templatePropertiesUsedChanged(m_used);
}

std::optional<Nh::ReachPlan> ReachPreview::currentPlan(std::optional<Nh::TagExpression> &expression)
{
    expression.reset();
    if (m_direct) {
        const auto platform = Nh::platformForFormat(format());
        return platform ? Nh::ReachPlan::forHandles(*platform, m_handles)
                        : Nh::ReachPlan::everything();
    }
    const QString text = m_tagEdit->text().trimmed();
    if (!text.isEmpty()) {
        // Report, not Enforce: a preview of an expression over the service's tag limit is still
        // useful; the limit is named in the summary.
        const auto parsed =
            Nh::TagExpression::parse(m_tagEdit->text(), Nh::TagExpression::Limits::Report);
        if (!parsed) {
            m_tagEdit->setErrorSpan(int(parsed.error().offset), int(parsed.error().length));
            m_reached = -1;
            m_lowerBound = false;
            m_model->clear();
            m_summary->setText(tr("The expression does not parse."));
            showError(parsed.error().message, int(Theme::Tone::Failure));
            return std::nullopt;
        }
        expression = *parsed;
    }
    m_tagEdit->clearErrorSpan();
    return Nh::ReachPlan::forExpression(expression ? &*expression : nullptr);
}

bool ReachPreview::present()
{
    evaluateTemplates({});
    if (!m_connected) {
        m_tagEdit->clearErrorSpan();
        m_errorBanner->hide();
        m_reached = -1;
        m_lowerBound = false;
        m_model->clear();
        m_summary->setText(m_disconnectedNote.isEmpty() ? tr("Not connected.")
                                                        : m_disconnectedNote);
        m_note->clear();
        emit reachChanged(-1);
        return true;
    }
    std::optional<Nh::TagExpression> expression;
    const std::optional<Nh::ReachPlan> plan = currentPlan(expression);
    if (!plan) {
        emit reachChanged(-1);
        return true; // nothing to fetch for an expression that does not parse
    }
    if (m_fetchFailed && !m_query->isRunning()) {
        const Nh::Exchange &e = m_query->failure();
        showError(e.errorSentence,
                  int(e.result == Nh::ExchangeResult::Cancelled ? Theme::Tone::Warning
                                                                : Theme::Tone::Failure));
    } else {
        m_errorBanner->hide();
    }
    const bool covered = m_hasSnapshot && m_query->covers(*plan);
    QStringList listings;
    for (const Nh::ReachPlan::Listing &listing : plan->listings())
        listings << listing.key();
    const bool bounded =
        !covered && m_hasSnapshot && !m_query->isRunning() && listings == m_truncatedListings;
    if (!covered && !bounded) {
        m_reached = -1;
        m_lowerBound = false;
        m_model->clear();
        if (m_query->isRunning() || m_planTimer->isActive() || (m_fetchedOnce && !m_fetchFailed))
            m_summary->setText(tr("Fetching %1…").arg(plan->describe()));
        else if (m_fetchFailed)
            m_summary->setText(tr("The registrations could not be fetched."));
        else
            m_summary->setText(
                tr("Refresh to fetch the hub's registrations and preview the reach."));
        if (!m_query->isRunning())
            m_note->clear();
        emit reachChanged(-1);
        return m_query->isRunning() || m_fetchFailed;
    }
    m_lowerBound = bounded;
    if (m_direct) {
        evaluateDirect();
        return true;
    }

    const QList<Nh::Registration> reached = Nh::reachedRegistrations(
        m_query->registrations(), format(), expression ? &*expression : nullptr);
    m_reached = int(reached.size());
    m_model->setRegistrations(reached);
    evaluateTemplates(reached);

    QString who = format() == Nh::Format::Template
        ? tr("template registrations of every platform")
        : tr("native %1 registrations")
              .arg(Nh::platformDisplayName(*Nh::platformForFormat(format())));
    if (format() == Nh::Format::Template && !reached.isEmpty()) {
        QMap<int, int> perPlatform;
        for (const Nh::Registration &r : reached)
            ++perPlatform[int(r.platform)];
        QStringList counts;
        for (auto it = perPlatform.cbegin(); it != perPlatform.cend(); ++it)
            counts
                << tr("%1 %2").arg(Nh::platformDisplayName(Nh::Platform(it.key()))).arg(it.value());
        who += u" ("_s + counts.join(u", "_s) + u')';
    }
    QString summary;
    if (bounded)
        summary = tr("Reaches at least %n registration(s)", nullptr, m_reached);
    else if (expression)
        summary = tr("Reaches %n registration(s)", nullptr, m_reached);
    else
        summary = tr("A broadcast reaches %n registration(s)", nullptr, m_reached);
    summary += u": "_s + who;
    QStringList notes;
    if (expression) {
        if (const Nh::Status limits = expression->checkLimits(); !limits)
            notes << limits.error().message;
    }
    if (format() == Nh::Format::Template && m_emptyCount > 0)
        notes << tr("%n of them would get an empty substitution (a property the send does not "
                    "fill in).",
                    nullptr, m_emptyCount);
    if (m_reached > Nh::EmulatorState::kTestSendLimit)
        notes
            << tr("A test send reports at most %1 of them.").arg(Nh::EmulatorState::kTestSendLimit);
    m_summary->setText(notes.isEmpty() ? summary : summary + u"\n"_s + notes.join(u' '));

    const QString at = m_query->fetchedAt().toLocalTime().toString(u"HH:mm"_s);
    const int fetched = int(m_query->registrations().size());
    QString note =
        tr("Evaluated locally from %n registration(s) fetched at %1", nullptr, fetched).arg(at)
        + u": "_s + plan->describe() + u'.';
    if (bounded)
        note += u' '
            + tr("At least %n — the rest was not fetched: a preview fetches at most %1 "
                 "registrations.",
                 nullptr, m_reached)
                  .arg(m_query->limit());
    m_note->setText(note);
    Theme::paintLabel(m_note, bounded ? Theme::Tone::Warning : Theme::Tone::Neutral);
    emit reachChanged(m_reached);
    return true;
}

void ReachPreview::evaluateDirect()
{
    m_tagEdit->clearErrorSpan();
    QList<Nh::Registration> carrying;
    for (const Nh::Registration &r : m_query->registrations()) {
        if (m_handles.contains(r.handle) && Nh::formatReaches(format(), r))
            carrying << r;
    }
    m_reached = int(m_handles.size());
    m_model->setRegistrations(carrying);
    m_summary->setText(m_handles.isEmpty()
                           ? tr("Enter the device handle of a direct send.")
                           : tr("A direct send goes to %n device handle(s), registered or not.",
                                nullptr, m_reached));
    m_note->setText(
        tr("Registrations on the hub with this handle, for this format: %1.").arg(carrying.size()));
    Theme::paintLabel(m_note, Theme::Tone::Neutral);
    emit reachChanged(m_reached);
}

void ReachPreview::evaluateTemplates(const QList<Nh::Registration> &reached)
{
    m_used.clear();
    m_emptyCount = 0;
    const bool templates = format() == Nh::Format::Template && !m_direct;
    if (templates) {
        const Nh::TemplatePropertyBag bag(m_templateProperties);
        for (const Nh::Registration &r : reached) {
            bool empty = false;
            for (const QString &p : m_propertiesOf.value(r.registrationId)) {
                if (!m_used.contains(p, Qt::CaseInsensitive))
                    m_used << p;
                const auto value = bag.value(p);
                empty = empty || !value || value->isEmpty();
            }
            if (empty)
                ++m_emptyCount;
        }
        m_used.sort(Qt::CaseInsensitive);
    }
    const bool wasHidden = m_rendered->isHidden();
    m_rendered->setVisible(templates && !reached.isEmpty());
    if (templates && !reached.isEmpty() && wasHidden && m_split->height() > 0) {
        // A few rows for the list, the rest for what the current one receives.
        const int rows = m_table->horizontalHeader()->height()
            + m_table->verticalHeader()->defaultSectionSize()
                * int(qMin<qsizetype>(reached.size(), 3))
            + m_table->frameWidth() * 2;
        const int total = m_split->height();
        m_split->setSizes({qMin(rows, total / 2), total - qMin(rows, total / 2)});
    }
    if (templates && !reached.isEmpty()) {
        // The first registration that would get an empty substitution is what to look at.
        int row = 0;
        const Nh::TemplatePropertyBag bag(m_templateProperties);
        for (int i = 0; i < reached.size(); ++i) {
            const QStringList used = m_propertiesOf.value(reached.at(i).registrationId);
            if (std::any_of(used.cbegin(), used.cend(), [&bag](const QString &p) {
                    const auto value = bag.value(p);
                    return !value || value->isEmpty();
                })) {
                row = i;
                break;
            }
        }
        m_table->setCurrentIndex(m_model->index(row, 0));
        showRendered();
    }
}

void ReachPreview::showRendered()
{
    if (m_rendered->isHidden())
        return;
    const QModelIndex current = m_table->currentIndex();
    const QString id = current.isValid()
        ? current.siblingAtColumn(Nh::RegistrationModel::RegistrationId)
              .data(Nh::RegistrationModel::RegistrationIdRole)
              .toString()
        : QString();
    for (const Nh::Registration &r : m_query->registrations()) {
        if (!id.isEmpty() && r.registrationId == id) {
            m_rendered->setPayload(
                Nh::RenderedPayload::render(r, Nh::TemplatePropertyBag(m_templateProperties)));
            return;
        }
    }
    m_rendered->clear(tr("Select a registration to see the payload it would receive."));
}

void ReachPreview::updateBusy()
{
    const bool busy = m_query->isRunning();
    m_progress->setVisible(busy);
    m_cancelButton->setVisible(busy);
}

void ReachPreview::showError(const QString &sentence, int tone)
{
    m_errorTone = tone;
    m_errorLabel->setText(sentence);
    Theme::paintBanner(m_errorBanner, Theme::Tone(tone));
    m_errorBanner->show();
}

void ReachPreview::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_fetchedOnce)
        refresh();
}

void ReachPreview::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange && !m_errorBanner->isHidden())
        Theme::paintBanner(m_errorBanner, Theme::Tone(m_errorTone));
    QWidget::changeEvent(event);
}
