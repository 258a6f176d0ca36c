// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sasinspector.h"

#include "client/hubclient.h"
#include "theme.h"

#include <QCheckBox>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace {

const QString kRedacted = u"[redacted]"_s;
constexpr int kDefaultLifetimeMinutes = 60;
/** A token about to expire is shown as a warning this many seconds before. */
constexpr qint64 kSoonSeconds = 300;

QLabel *valueLabel(QWidget *parent, const QString &name, bool mono)
{
    auto *l = new QLabel(parent);
    l->setObjectName(name);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    l->setWordWrap(true);
    l->setTextFormat(Qt::PlainText);
    if (mono)
        l->setFont(Theme::monospace());
    return l;
}

QString clock(qint64 seconds)
{
    const qint64 h = seconds / 3600;
    const qint64 m = (seconds % 3600) / 60;
    const qint64 s = seconds % 60;
    const QString ms = u"%1:%2"_s.arg(m, 2, 10, QLatin1Char('0')).arg(s, 2, 10, QLatin1Char('0'));
    return h > 0 ? u"%1:%2"_s.arg(h).arg(ms) : ms;
}

} // namespace

SasInspector::SasInspector(Nh::HubClient *client, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
{
    setObjectName(u"sasInspector"_s);
    setWindowTitle(tr("SAS Token Inspector"));
    m_profile = valueLabel(this, u"sasHub"_s, false);
    m_resource = valueLabel(this, u"sasResource"_s, true);
    m_rule = valueLabel(this, u"sasRule"_s, true);
    m_expiry = valueLabel(this, u"sasExpiry"_s, false);
    m_countdown = valueLabel(this, u"sasCountdown"_s, false);
    QFont bold = m_countdown->font();
    bold.setBold(true);
    m_countdown->setFont(bold);
    m_signature = new QLineEdit(this);
    m_signature->setObjectName(u"sasSignature"_s);
    m_signature->setReadOnly(true);
    m_signature->setFont(Theme::monospace());
    m_header = new QLineEdit(this);
    m_header->setObjectName(u"sasHeader"_s);
    m_header->setReadOnly(true);
    m_header->setFont(Theme::monospace());
    m_problem = valueLabel(this, u"sasProblem"_s, false);
    m_problem->hide();

    m_reveal = new QCheckBox(tr("&Reveal signature"), this);
    m_reveal->setObjectName(u"sasReveal"_s);
    m_reveal->setToolTip(tr("The signature lets anyone send to this hub until the token "
                            "expires"));
    connect(m_reveal, &QCheckBox::toggled, this, &SasInspector::setRevealed);
    m_lifetime = new QSpinBox(this);
    m_lifetime->setObjectName(u"sasLifetime"_s);
    m_lifetime->setRange(1, 60 * 24 * 7);
    m_lifetime->setValue(kDefaultLifetimeMinutes);
    m_lifetime->setSuffix(tr(" min"));
    m_regenerate = new QPushButton(Theme::icon(u"refresh"_s), tr("Re&generate"), this);
    m_regenerate->setObjectName(u"sasRegenerate"_s);
    connect(m_regenerate, &QPushButton::clicked, this, &SasInspector::regenerate);
    m_copy = new QPushButton(Theme::icon(u"copy"_s), tr("&Copy token"), this);
    m_copy->setObjectName(u"sasCopy"_s);
    m_copy->setToolTip(tr("Copies the whole Authorization value; shown only while revealed"));
    connect(m_copy, &QPushButton::clicked, this, &SasInspector::copyToken);

    auto *form = new QFormLayout;
    form->addRow(tr("Hub:"), m_profile);
    form->addRow(tr("Resource (sr):"), m_resource);
    form->addRow(tr("Rule (skn):"), m_rule);
    form->addRow(tr("Expires (se):"), m_expiry);
    form->addRow(QString(), m_countdown);
    form->addRow(tr("Signature (sig):"), m_signature);
    form->addRow(tr("Authorization:"), m_header);

    auto *actions = new QHBoxLayout;
    actions->addWidget(m_reveal);
    actions->addStretch(1);
    actions->addWidget(new QLabel(tr("Lifetime:"), this));
    actions->addWidget(m_lifetime);
    actions->addWidget(m_regenerate);
    actions->addWidget(m_copy);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addLayout(actions);
    layout->addWidget(buttons);
    resize(720, 320);

    m_timer = new QTimer(this);
    m_timer->setInterval(1000);
    connect(m_timer, &QTimer::timeout, this, &SasInspector::tick);
    m_timer->start();
    refresh();
}

bool SasInspector::isRevealed() const
{
    return m_reveal->isChecked();
}

void SasInspector::refresh()
{
    const Nh::HubConnection &c = m_client->connection();
    m_profile->setText(tr("%1 at %2").arg(c.hub, c.connectionString.hubUrl(c.hub).host()));
    setRevealed(false);
    regenerate();
}

void SasInspector::regenerate()
{
    const Nh::HubConnection &c = m_client->connection();
    if (c.connectionString.key().isEmpty()) {
        m_problem->setText(tr("This profile has no key loaded, so there is no token to show."));
        Theme::paintLabel(m_problem, Theme::Tone::Warning);
        m_problem->show();
        display(QString());
        return;
    }
    m_problem->hide();
    Nh::Sas::Options options = Nh::Sas::Options::canonical();
    options.ttlSeconds = qint64(m_lifetime->value()) * 60;
    const Nh::Sas::Token token = Nh::Sas::generateForHub(c.connectionString, c.hub,
                                                         QDateTime::currentDateTimeUtc(), options);
    display(token.header());
}

void SasInspector::display(const QString &authorization)
{
    m_authorization = authorization;
    m_token = {};
    if (!authorization.isEmpty()) {
        const auto decoded = Nh::Sas::decode(authorization);
        if (decoded) {
            m_token = decoded.value();
        } else {
            m_problem->setText(decoded.error().message);
            m_problem->show();
        }
    }
    m_resource->setText(m_token.resource);
    m_rule->setText(m_token.keyName);
    m_expiry->setText(m_token.expiry > 0
                          ? tr("%1 UTC (%2 local)")
                                .arg(m_token.expiresAt().toString(u"yyyy-MM-dd HH:mm:ss"_s),
                                     m_token.expiresAt().toLocalTime().toString(u"HH:mm:ss"_s))
                          : QString());
    m_copy->setEnabled(!m_authorization.isEmpty() && isRevealed());
    setRevealed(isRevealed());
    tick();
}

QString SasInspector::shownAuthorization() const
{
    if (m_authorization.isEmpty() || isRevealed())
        return m_authorization;
    QString shown = m_authorization;
    if (!m_token.rawSig.isEmpty())
        shown.replace(m_token.rawSig, kRedacted);
    return shown;
}

void SasInspector::setRevealed(bool on)
{
    if (m_reveal->isChecked() != on) {
        m_reveal->setChecked(on); // comes back through toggled()
        return;
    }
    m_signature->setText(m_token.signature.isEmpty() ? QString()
                                                     : (on ? m_token.signature : kRedacted));
    m_header->setText(shownAuthorization());
    // The value is longer than the field: show its start ("SharedAccessSignature sr=…"), the
    // whole on hover.
    m_header->setCursorPosition(0);
    m_header->setToolTip(m_header->text());
    m_copy->setEnabled(!m_authorization.isEmpty() && on);
}

QString SasInspector::countdownText(const QDateTime &now) const
{
    if (m_token.expiry <= 0)
        return {};
    const qint64 left = m_token.secondsLeft(now);
    if (left < 0)
        return tr("expired %1 ago").arg(clock(-left));
    return tr("expires in %1").arg(clock(left));
}

void SasInspector::tick()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_countdown->setText(countdownText(now));
    const qint64 left = m_token.expiry > 0 ? m_token.secondsLeft(now) : 0;
    Theme::paintLabel(m_countdown,
                      m_token.expiry <= 0       ? Theme::Tone::Neutral
                          : left < 0            ? Theme::Tone::Failure
                          : left < kSoonSeconds ? Theme::Tone::Warning
                                                : Theme::Tone::Success);
}

void SasInspector::copyToken()
{
    if (m_authorization.isEmpty() || !isRevealed())
        return;
    QGuiApplication::clipboard()->setText(m_authorization);
}

void SasInspector::changeEvent(QEvent *event)
{
    QDialog::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_countdown)
        tick();
}
