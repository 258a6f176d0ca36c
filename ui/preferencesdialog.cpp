// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "preferencesdialog.h"

#include "theme.h"

#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace {

using Appearance = Nh::Settings::Appearance;

/** Upper bounds of the retention fields: far beyond any real history, still an int. */
constexpr int kMaxRetentionCount = 10'000'000;
constexpr int kMaxRetentionDays = 3650;
constexpr qint64 kDayMs = 24LL * 60 * 60 * 1000;
constexpr int kMsPerSecond = 1000;

/** Data-plane API versions seen in the wild (docs/protocol.md §3.1), newest first. */
const char *const kApiVersions[] = {"2020-06", "2017-04", "2016-07", "2015-08",
                                    "2015-04", "2015-01", "2013-10"};

} // namespace

PreferencesDialog::PreferencesDialog(QSettings *settings, Nh::HistoryStore *history,
                                     QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_history(history)
    , m_appearanceBefore(Theme::currentAppearance())
{
    Q_ASSERT(settings);
    setWindowTitle(tr("Preferences"));
    build();
    load();
    validate();
}

PreferencesDialog::~PreferencesDialog()
{
    // Closed without an answer (its parent went away): the preview must not outlive it.
    if (!m_finished && Theme::currentAppearance() != m_appearanceBefore)
        Theme::applyAppearance(m_appearanceBefore);
}

void PreferencesDialog::build()
{
    setObjectName(u"preferencesDialog"_s);

    // --- Appearance ---
    auto *appearanceGroup = new QGroupBox(tr("Appearance"), this);
    m_appearance = new QComboBox(appearanceGroup);
    m_appearance->setObjectName(u"appearanceCombo"_s);
    m_appearance->addItem(tr("Follow the system"), int(Appearance::System));
    m_appearance->addItem(tr("Light"), int(Appearance::Light));
    m_appearance->addItem(tr("Dark"), int(Appearance::Dark));
    m_appearance->setToolTip(tr("Light or Dark overrides the desktop's colours for nhconsole; "
                                "“Follow the system” uses them again."));
    auto *appearanceForm = new QFormLayout(appearanceGroup);
    auto *appearanceLabel = new QLabel(tr("Colour &scheme:"), appearanceGroup);
    appearanceLabel->setBuddy(m_appearance);
    appearanceForm->addRow(appearanceLabel, m_appearance);
    auto *appearanceNote =
        new QLabel(tr("Shown at once; Cancel goes back to the previous scheme."), appearanceGroup);
    appearanceNote->setEnabled(false);
    appearanceNote->setWordWrap(true);
    appearanceForm->addRow(QString(), appearanceNote);
    connect(m_appearance, &QComboBox::currentIndexChanged, this,
            [this] { Theme::applyAppearance(appearance()); });

    // --- History ---
    m_historyGroup = new QGroupBox(tr("History"), this);
    m_historyGroup->setObjectName(u"historyGroup"_s);
    m_maxCount = new QSpinBox(m_historyGroup);
    m_maxCount->setObjectName(u"retentionCountSpin"_s);
    m_maxCount->setRange(0, kMaxRetentionCount);
    m_maxCount->setSingleStep(1000);
    m_maxCount->setGroupSeparatorShown(true);
    m_maxCount->setSpecialValueText(tr("Unlimited"));
    m_maxCount->setSuffix(tr(" exchanges"));
    m_maxCount->setToolTip(tr("How many exchanges to keep, newest first, not counting pinned "
                              "ones (an exchange is one request and its response). 0 keeps "
                              "them all."));
    m_maxAge = new QSpinBox(m_historyGroup);
    m_maxAge->setObjectName(u"retentionAgeSpin"_s);
    m_maxAge->setRange(0, kMaxRetentionDays);
    m_maxAge->setSpecialValueText(tr("Never"));
    m_maxAge->setSuffix(tr(" days"));
    m_maxAge->setToolTip(tr("Exchanges sent more than this many days ago are deleted, in days "
                            "(up to %1). 0 never deletes by age.")
                             .arg(kMaxRetentionDays));
    m_historyNote = new QLabel(m_historyGroup);
    m_historyNote->setObjectName(u"historyNote"_s);
    m_historyNote->setWordWrap(true);
    auto *historyForm = new QFormLayout(m_historyGroup);
    auto *countLabel = new QLabel(tr("Keep at &most:"), m_historyGroup);
    countLabel->setBuddy(m_maxCount);
    historyForm->addRow(countLabel, m_maxCount);
    auto *ageLabel = new QLabel(tr("Delete exchanges o&lder than:"), m_historyGroup);
    ageLabel->setBuddy(m_maxAge);
    historyForm->addRow(ageLabel, m_maxAge);
    historyForm->addRow(QString(), m_historyNote);

    // --- New profiles ---
    auto *sendGroup = new QGroupBox(tr("New profiles"), this);
    m_timeout = new QSpinBox(sendGroup);
    m_timeout->setObjectName(u"sendTimeoutSpin"_s);
    const auto [minMs, maxMs] = Nh::Settings::range(Nh::Settings::kSendTimeoutKey);
    m_timeout->setRange(minMs / kMsPerSecond, maxMs / kMsPerSecond);
    m_timeout->setSuffix(tr(" s"));
    m_timeout->setToolTip(tr("How long a send may wait for data from the hub before it is given "
                             "up, in seconds (%1–%2).")
                              .arg(minMs / kMsPerSecond)
                              .arg(maxMs / kMsPerSecond));
    m_apiVersion = new QComboBox(sendGroup);
    m_apiVersion->setObjectName(u"apiVersionCombo"_s);
    m_apiVersion->setEditable(true);
    m_apiVersion->setInsertPolicy(QComboBox::NoInsert);
    for (const char *v : kApiVersions)
        m_apiVersion->addItem(QString::fromLatin1(v));
    // Only what can become an api-version can be typed; an unfinished one is reported below.
    m_apiVersion->setValidator(new QRegularExpressionValidator(
        QRegularExpression(u"\\d{0,4}(-\\d{0,2}(-\\d{0,2})?(-p(r(e(v(i(e(w)?)?)?)?)?)?)?)?"_s),
        m_apiVersion));
    m_apiVersion->setToolTip(tr("The api-version query parameter new profiles send, as YYYY-MM "
                                "(2020-06 is the newest the hub documents)."));
    auto *sendForm = new QFormLayout(sendGroup);
    auto *timeoutLabel = new QLabel(tr("Send &timeout:"), sendGroup);
    timeoutLabel->setBuddy(m_timeout);
    sendForm->addRow(timeoutLabel, m_timeout);
    auto *apiLabel = new QLabel(tr("Default &API version:"), sendGroup);
    apiLabel->setBuddy(m_apiVersion);
    sendForm->addRow(apiLabel, m_apiVersion);
    auto *sendNote = new QLabel(
        tr("Profiles you add from now on start with these; every existing profile keeps its "
           "own (Edit Profile)."),
        sendGroup);
    sendNote->setEnabled(false);
    sendNote->setWordWrap(true);
    sendForm->addRow(QString(), sendNote);
    connect(m_apiVersion, &QComboBox::currentTextChanged, this, &PreferencesDialog::validate);

    m_error = new QLabel(this);
    m_error->setObjectName(u"preferencesError"_s);
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->hide();

    m_buttons = new QDialogButtonBox(
        QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::RestoreDefaults, this);
    restoreDefaultsButton()->setToolTip(
        tr("Puts every preference back to its default; nothing is saved before OK."));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &PreferencesDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &PreferencesDialog::reject);
    connect(restoreDefaultsButton(), &QPushButton::clicked, this,
            &PreferencesDialog::restoreDefaults);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(appearanceGroup);
    layout->addWidget(m_historyGroup);
    layout->addWidget(sendGroup);
    layout->addWidget(m_error);
    layout->addStretch(1);
    layout->addWidget(m_buttons);
}

void PreferencesDialog::load()
{
    const Nh::Settings settings(m_settings);
    {
        // The stored scheme; picking another one previews it.
        const QSignalBlocker block(m_appearance);
        m_appearance->setCurrentIndex(m_appearance->findData(int(settings.appearance())));
    }
    m_timeout->setValue(settings.sendTimeoutMs() / kMsPerSecond);
    m_apiVersion->setCurrentText(settings.defaultApiVersion());

    if (m_history) {
        const Nh::RetentionPolicy policy = m_history->retention();
        m_maxCount->setValue(qBound(0, policy.maxCount, kMaxRetentionCount));
        m_maxAge->setValue(qBound(0, policy.maxAgeDays, kMaxRetentionDays));
        m_historyNote->setText(tr("Pinned exchanges are always kept. The limits are stored in "
                                  "the history file, so nhcli keeps to them too."));
    } else {
        m_maxCount->setValue(Nh::RetentionPolicy::kDefaultMaxCount);
        m_maxAge->setValue(0);
        m_historyGroup->setEnabled(false);
        m_historyNote->setText(tr("No history file is open in this run (see the warning at "
                                  "start-up), so there is nothing to keep or delete."));
    }
}

Appearance PreferencesDialog::appearance() const
{
    return Appearance(m_appearance->currentData().toInt());
}

Nh::RetentionPolicy PreferencesDialog::retention() const
{
    return {m_maxCount->value(), m_maxAge->value()};
}

int PreferencesDialog::sendTimeoutMs() const
{
    return m_timeout->value() * kMsPerSecond;
}

QString PreferencesDialog::apiVersion() const
{
    return m_apiVersion->currentText().trimmed();
}

QPushButton *PreferencesDialog::okButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

QPushButton *PreferencesDialog::restoreDefaultsButton() const
{
    return m_buttons->button(QDialogButtonBox::RestoreDefaults);
}

qint64 PreferencesDialog::exchangesToDelete() const
{
    if (!m_history)
        return 0;
    // The writer's rule (HistoryWriter::prune): unpinned exchanges started before the age
    // cutoff go first, then all but the newest maxCount of the unpinned ones left.
    const Nh::HistoryReader &reader = m_history->reader();
    const auto unpinned = [&reader](Nh::HistoryFilter filter) -> qint64 {
        const auto all = reader.count(filter);
        filter.pinnedOnly = true;
        const auto pinned = reader.count(filter);
        if (!all || !pinned)
            return -1;
        return all.value() - pinned.value();
    };
    const Nh::RetentionPolicy policy = retention();
    const qint64 total = unpinned({});
    if (total < 0)
        return -1;
    qint64 old = 0;
    if (policy.maxAgeDays > 0) {
        Nh::HistoryFilter older;
        older.to = QDateTime::fromMSecsSinceEpoch(
            QDateTime::currentMSecsSinceEpoch() - policy.maxAgeDays * kDayMs, Qt::UTC);
        old = unpinned(older);
        if (old < 0)
            return -1;
    }
    const qint64 overCount =
        policy.maxCount > 0 ? qMax<qint64>(0, total - old - policy.maxCount) : 0;
    return old + overCount;
}

void PreferencesDialog::restoreDefaults()
{
    m_appearance->setCurrentIndex(m_appearance->findData(int(Appearance::System)));
    m_timeout->setValue(Nh::Settings::defaultValue(Nh::Settings::kSendTimeoutKey).toInt()
                        / kMsPerSecond);
    m_apiVersion->setCurrentText(
        Nh::Settings::defaultValue(Nh::Settings::kDefaultApiVersionKey).toString());
    if (m_history) {
        const Nh::RetentionPolicy defaults;
        m_maxCount->setValue(defaults.maxCount);
        m_maxAge->setValue(defaults.maxAgeDays);
    }
}

void PreferencesDialog::validate()
{
    const QString version = apiVersion();
    const bool ok = Nh::Settings::isApiVersion(version);
    okButton()->setEnabled(ok);
    if (ok) {
        m_error->hide();
        return;
    }
    m_error->setText(version.isEmpty()
                         ? tr("Default API version: enter one, as YYYY-MM (like 2020-06).")
                         : tr("Default API version: “%1” is not one; write it as YYYY-MM "
                              "(like 2020-06), optionally with a day and -preview.")
                               .arg(version));
    Theme::paintLabel(m_error, Theme::Tone::Failure);
    m_error->show();
}

void PreferencesDialog::accept()
{
    validate();
    if (!okButton()->isEnabled() || m_confirmation)
        return;
    const bool retentionChanged = m_history && retention() != m_history->retention();
    const qint64 doomed = retentionChanged ? exchangesToDelete() : 0;
    if (doomed == 0) {
        apply();
        return;
    }
    // Deleting is final, so the number is said before anything goes (R4: open(), not exec()).
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Delete History?"), QString(),
                                QMessageBox::Cancel, this);
    box->setObjectName(u"retentionConfirmation"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    if (doomed == 1) {
        box->setText(tr("The new limits delete 1 exchange from the history now."));
    } else if (doomed > 1) {
        box->setText(tr("The new limits delete %1 exchanges from the history now.")
                         .arg(locale().toString(doomed)));
    } else {
        box->setText(tr("Older exchanges will be deleted from the history now."));
    }
    box->setInformativeText(tr("Pinned exchanges are kept. Deleted ones cannot be restored."));
    QPushButton *confirm = box->addButton(tr("&Delete and Save"), QMessageBox::DestructiveRole);
    confirm->setObjectName(u"confirmDeleteButton"_s);
    box->setDefaultButton(QMessageBox::Cancel);
    connect(box, &QMessageBox::finished, this, [this, box, confirm] {
        m_confirmation = nullptr;
        if (box->clickedButton() == confirm)
            apply();
    });
    m_confirmation = box;
    box->open();
}

void PreferencesDialog::apply()
{
    Nh::Settings settings(m_settings);
    settings.setAppearance(appearance());
    settings.setSendTimeoutMs(sendTimeoutMs());
    settings.setDefaultApiVersion(apiVersion());
    if (m_history && retention() != m_history->retention())
        m_history->setRetention(retention());
    if (Theme::currentAppearance() != appearance())
        Theme::applyAppearance(appearance());
    m_finished = true;
    QDialog::accept();
}

void PreferencesDialog::reject()
{
    if (Theme::currentAppearance() != m_appearanceBefore)
        Theme::applyAppearance(m_appearanceBefore);
    m_finished = true;
    QDialog::reject();
}
