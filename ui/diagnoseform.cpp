// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "diagnoseform.h"

#include "headerseditor.h"
#include "protocol/notification.h"
#include "store/historystore.h"
#include "tagexpressionedit.h"
#include "templatepropertiestable.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace {

/// How many recent sends the history list offers.
constexpr int kRecentSends = 50;
/// Rows read to find them (other operations are skipped).
constexpr int kRowsRead = 400;

QString exchangeLabel(const QDateTime &started, const QString &format, const QString &target)
{
    return DiagnoseForm::tr("%1 · %2 · %3")
        .arg(started.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss"_s),
             format.isEmpty() ? DiagnoseForm::tr("no format") : format,
             target.isEmpty() ? DiagnoseForm::tr("everyone") : target);
}

} // namespace

DiagnoseForm::DiagnoseForm(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(buildSubject());
    layout->addWidget(buildSend());
    layout->addStretch(1);
    m_noSend->setChecked(true);
    updateEnabled();
}

QWidget *DiagnoseForm::buildSubject()
{
    auto *box = new QGroupBox(tr("The device"), this);
    m_kind = new QComboBox(box);
    m_kind->setObjectName(u"diagnoseSubjectKind"_s);
    using Kind = Nh::DiagnosisSubject::Kind;
    m_kind->addItem(tr("PNS handle (device token)"), int(Kind::Handle));
    m_kind->addItem(tr("Registration id"), int(Kind::Registration));
    m_kind->addItem(tr("Installation id"), int(Kind::Installation));
    m_kind->addItem(tr("User id ($UserId:{…})"), int(Kind::User));
    m_value = new QLineEdit(box);
    m_value->setObjectName(u"diagnoseSubject"_s);
    m_value->setClearButtonEnabled(true);
    m_value->setPlaceholderText(tr("Paste the token, id or user the push did not reach"));
    m_platform = new QComboBox(box);
    m_platform->setObjectName(u"diagnosePlatform"_s);
    m_platform->addItem(tr("Any platform"), -1);
    for (int i = 0; i < Nh::kPlatformCount; ++i)
        m_platform->addItem(Nh::platformDisplayName(Nh::Platform(i)), i);
    m_platform->setToolTip(tr("A handle's platform narrows the search; leave it at Any when "
                              "unsure"));
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        updateEnabled();
        emit subjectChanged();
    });
    connect(m_value, &QLineEdit::textChanged, this, &DiagnoseForm::subjectChanged);
    connect(m_value, &QLineEdit::returnPressed, this, &DiagnoseForm::submitted);

    auto *form = new QFormLayout(box);
    form->addRow(tr("&Kind:"), m_kind);
    form->addRow(tr("&Value:"), m_value);
    form->addRow(tr("&Platform:"), m_platform);
    return box;
}

QWidget *DiagnoseForm::buildSend()
{
    auto *box = new QGroupBox(tr("The send that did not arrive"), this);
    m_noSend = new QRadioButton(tr("&None: check the device only"), box);
    m_noSend->setObjectName(u"diagnoseNoSend"_s);
    m_historySend = new QRadioButton(tr("From the &history"), box);
    m_historySend->setObjectName(u"diagnoseHistorySend"_s);
    m_typedSend = new QRadioButton(tr("&Typed in"), box);
    m_typedSend->setObjectName(u"diagnoseTypedSend"_s);
    m_modes = new QButtonGroup(this);
    m_modes->addButton(m_noSend, int(SendMode::None));
    m_modes->addButton(m_historySend, int(SendMode::History));
    m_modes->addButton(m_typedSend, int(SendMode::Typed));
    connect(m_modes, &QButtonGroup::idToggled, this, [this](int, bool on) {
        if (on)
            updateEnabled();
    });

    m_historyBox = new QWidget(box);
    m_historyCombo = new QComboBox(m_historyBox);
    m_historyCombo->setObjectName(u"diagnoseHistoryCombo"_s);
    m_historyCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_historyCombo->setMinimumContentsLength(24);
    m_historyNote = new QLabel(m_historyBox);
    m_historyNote->setObjectName(u"diagnoseHistoryNote"_s);
    m_historyNote->setWordWrap(true);
    connect(m_historyCombo, &QComboBox::currentIndexChanged, this,
            &DiagnoseForm::showHistoryChoice);
    auto *historyLayout = new QVBoxLayout(m_historyBox);
    historyLayout->setContentsMargins(20, 0, 0, 0);
    historyLayout->addWidget(m_historyCombo);
    historyLayout->addWidget(m_historyNote);

    m_typedBox = new QWidget(box);
    m_format = new QComboBox(m_typedBox);
    m_format->setObjectName(u"diagnoseFormat"_s);
    for (int i = 0; i < Nh::kFormatCount; ++i)
        m_format->addItem(Nh::formatDisplayName(Nh::Format(i)), i);
    m_format->setCurrentIndex(m_format->findData(int(Nh::Format::Apple)));
    m_tags = new TagExpressionEdit(m_typedBox);
    m_tags->setObjectName(u"diagnoseTags"_s);
    m_tags->setPlaceholderText(tr("Empty: sent to everyone"));
    m_propertiesLabel = new QLabel(tr("Template properties:"), m_typedBox);
    m_properties = new TemplatePropertiesTable(m_typedBox);
    m_properties->setObjectName(u"diagnoseProperties"_s);
    m_headers = new HeadersEditor(m_typedBox);
    m_headers->setObjectName(u"diagnoseHeaders"_s);
    m_headers->setMaximumHeight(fontMetrics().lineSpacing() * 9);
    connect(m_format, &QComboBox::currentIndexChanged, this, &DiagnoseForm::updateEnabled);
    auto *typed = new QFormLayout(m_typedBox);
    typed->setContentsMargins(20, 0, 0, 0);
    typed->addRow(tr("&Format:"), m_format);
    typed->addRow(tr("T&ags:"), m_tags);
    typed->addRow(m_propertiesLabel);
    typed->addRow(m_properties);
    typed->addRow(new QLabel(tr("Headers (optional):"), m_typedBox));
    typed->addRow(m_headers);

    auto *layout = new QVBoxLayout(box);
    layout->addWidget(m_noSend);
    layout->addWidget(m_historySend);
    layout->addWidget(m_historyBox);
    layout->addWidget(m_typedSend);
    layout->addWidget(m_typedBox);
    return box;
}

void DiagnoseForm::updateEnabled()
{
    const auto kind = Nh::DiagnosisSubject::Kind(m_kind->currentData().toInt());
    m_platform->setEnabled(kind == Nh::DiagnosisSubject::Kind::Handle);
    const auto mode = sendMode();
    m_historyBox->setEnabled(mode == SendMode::History);
    m_typedBox->setEnabled(mode == SendMode::Typed);
    const bool isTemplate = Nh::Format(m_format->currentData().toInt()) == Nh::Format::Template;
    m_propertiesLabel->setVisible(isTemplate);
    m_properties->setVisible(isTemplate);
    m_headers->setFormat(Nh::Format(m_format->currentData().toInt()));
    if (mode == SendMode::History)
        showHistoryChoice();
}

void DiagnoseForm::reloadHistory()
{
    const QUuid selected = historyExchangeId();
    // The exchanges an entry point gave stay; the recent sends are read again.
    while (m_historyCombo->count() > 0) {
        const QUuid id = m_historyCombo->itemData(m_historyCombo->count() - 1).toUuid();
        if (m_given.contains(id))
            break;
        m_historyCombo->removeItem(m_historyCombo->count() - 1);
    }
    Nh::HistoryStore *store = m_history ? m_history() : nullptr;
    if (store) {
        const auto rows = store->reader().page({}, {}, nullptr, kRowsRead);
        int added = 0;
        for (const Nh::HistorySummary &row : rows ? rows.value() : QList<Nh::HistorySummary>()) {
            if (added >= kRecentSends)
                break;
            if (!row.operation.startsWith(u"send"_s) || m_given.contains(row.id))
                continue;
            m_historyCombo->addItem(exchangeLabel(row.started, row.format, row.target), row.id);
            ++added;
        }
    }
    const int row = m_historyCombo->findData(selected);
    if (row >= 0)
        m_historyCombo->setCurrentIndex(row);
    showHistoryChoice();
}

void DiagnoseForm::showHistoryChoice()
{
    if (m_historyCombo->count() == 0) {
        m_historyNote->setText(tr("The history holds no send yet."));
        return;
    }
    const QUuid id = historyExchangeId();
    m_historyNote->setText(m_given.contains(id)
                               ? tr("The exchange this diagnosis was opened from.")
                               : tr("One of the %n most recent sends.", nullptr, kRecentSends));
}

int DiagnoseForm::addHistoryExchange(const Nh::Exchange &exchange)
{
    m_given.insert(exchange.id, exchange);
    int row = m_historyCombo->findData(exchange.id);
    if (row >= 0)
        m_historyCombo->removeItem(row);
    const auto record = Nh::historyRecordFor(exchange);
    m_historyCombo->insertItem(
        0,
        exchangeLabel(exchange.started.isValid() ? exchange.started : QDateTime::currentDateTime(),
                      record.context.format, record.context.target),
        exchange.id);
    return 0;
}

void DiagnoseForm::setSubject(const Nh::DiagnosisSubject &subject)
{
    m_kind->setCurrentIndex(m_kind->findData(int(subject.kind)));
    m_value->setText(subject.value);
    m_platform->setCurrentIndex(subject.platform ? m_platform->findData(int(*subject.platform))
                                                 : 0);
}

Nh::DiagnosisSubject DiagnoseForm::subject() const
{
    Nh::DiagnosisSubject s;
    s.kind = Nh::DiagnosisSubject::Kind(m_kind->currentData().toInt());
    s.value = m_value->text().trimmed();
    const int platform = m_platform->currentData().toInt();
    if (s.kind == Nh::DiagnosisSubject::Kind::Handle && platform >= 0)
        s.platform = Nh::Platform(platform);
    return s;
}

bool DiagnoseForm::hasSubject() const
{
    return !m_value->text().trimmed().isEmpty();
}

void DiagnoseForm::askForSubject()
{
    m_value->clear();
    m_value->setFocus(Qt::OtherFocusReason);
}

void DiagnoseForm::clearSend()
{
    m_noSend->setChecked(true);
}

void DiagnoseForm::setHistoryExchange(const Nh::Exchange &exchange)
{
    m_historyCombo->setCurrentIndex(addHistoryExchange(exchange));
    m_historySend->setChecked(true);
    showHistoryChoice();
}

void DiagnoseForm::setTypedSend(const Nh::DiagnosisSend &send)
{
    if (send.format)
        m_format->setCurrentIndex(m_format->findData(int(*send.format)));
    m_tags->setText(send.tagExpression);
    Nh::TemplateProperties properties;
    for (auto it = send.properties.cbegin(); it != send.properties.cend(); ++it)
        properties.append({it.key(), it.value()});
    m_properties->setProperties(properties);
    m_headers->setCustomHeaders(send.headers);
    m_typedSend->setChecked(true);
}

DiagnoseForm::SendMode DiagnoseForm::sendMode() const
{
    return SendMode(qMax(0, m_modes->checkedId()));
}

QUuid DiagnoseForm::historyExchangeId() const
{
    return m_historyCombo->currentData().toUuid();
}

Nh::Result<std::optional<Nh::DiagnosisSend>> DiagnoseForm::send() const
{
    using Sent = std::optional<Nh::DiagnosisSend>;
    switch (sendMode()) {
    case SendMode::None:
        return Sent();
    case SendMode::Typed: {
        Nh::DiagnosisSend s;
        s.format = Nh::Format(m_format->currentData().toInt());
        s.tagExpression = m_tags->text().trimmed();
        if (s.format == Nh::Format::Template) {
            for (const auto &[name, value] : m_properties->properties())
                s.properties.insert(name, value);
        }
        s.headers = m_headers->customHeaders();
        return Sent(s);
    }
    case SendMode::History:
        break;
    }
    const QUuid id = historyExchangeId();
    if (id.isNull())
        return Nh::makeError(Nh::ErrorCode::MissingField, tr("Choose a send from the history."));
    Nh::Exchange exchange;
    if (m_given.contains(id)) {
        exchange = m_given.value(id);
    } else {
        Nh::HistoryStore *store = m_history ? m_history() : nullptr;
        if (!store)
            return Nh::makeError(Nh::ErrorCode::Storage, tr("There is no history."));
        const auto record = store->reader().load(id);
        if (!record)
            return record.error();
        exchange = record.value().exchange;
    }
    auto send = Nh::DiagnosisSend::fromExchange(exchange);
    if (!send)
        return send.error();
    Nh::DiagnosisSend s = std::move(send).value();
    s.exchangeId = exchange.id;
    return Sent(s);
}
