// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "profiledialog.h"

#include "protocol/connectionstring.h"
#include "store/profilestore.h"
#include "theme.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace {

/** How much of the connection string the caret line shows on each side of the error. */
constexpr int kExcerptRadius = 32;

struct Colour
{
    const char *name;
    const char *hex;
};
const Colour kColours[] = {
    {QT_TRANSLATE_NOOP("ProfileDialog", "No colour"), ""},
    {QT_TRANSLATE_NOOP("ProfileDialog", "Red"), "#c62828"},
    {QT_TRANSLATE_NOOP("ProfileDialog", "Orange"), "#ef6c00"},
    {QT_TRANSLATE_NOOP("ProfileDialog", "Green"), "#2e7d32"},
    {QT_TRANSLATE_NOOP("ProfileDialog", "Blue"), "#1565c0"},
    {QT_TRANSLATE_NOOP("ProfileDialog", "Purple"), "#6a1b9a"},
    {QT_TRANSLATE_NOOP("ProfileDialog", "Grey"), "#616161"},
};

QIcon colourIcon(const QString &hex)
{
    QPixmap pixmap(14, 14);
    pixmap.fill(Qt::transparent);
    if (!hex.isEmpty()) {
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setBrush(QColor(hex));
        painter.setPen(QColor(hex).darker(140));
        painter.drawEllipse(QRectF(1.5, 1.5, 11, 11));
    }
    return QIcon(pixmap);
}

/** The reveal eye struck through: what the toggle shows while the key is in clear. */
QIcon hideKeyIcon()
{
    const QIcon eye = Theme::icon(u"reveal"_s);
    QIcon icon;
    for (const int size : {16, 24, 32, 48}) {
        QPixmap pixmap = eye.pixmap(size, size);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        // A transparent gap along the stroke keeps it legible on light and dark fields alike.
        painter.setCompositionMode(QPainter::CompositionMode_Clear);
        painter.setPen(QPen(Qt::transparent, size / 6.0, Qt::SolidLine, Qt::RoundCap));
        painter.drawLine(QPointF(size * 0.2, size * 0.16), QPointF(size * 0.84, size * 0.8));
        painter.setCompositionMode(QPainter::CompositionMode_SourceOver);
        painter.setPen(QPen(QColor(0x7f, 0x8b, 0x99), size / 12.0, Qt::SolidLine, Qt::RoundCap));
        painter.drawLine(QPointF(size * 0.16, size * 0.2), QPointF(size * 0.8, size * 0.84));
        painter.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

/**
 * The connection string with every value whose name looks like a key or a signature masked
 * (misspelled ones too: "SharedAcessKey=…"), so neither the field nor the caret excerpt shows a
 * secret. One bullet per character: positions (errors, the cursor) stay the same.
 */
QString masked(const QString &text)
{
    static const QRegularExpression pair(u"([^;=]*)=([^;]*)"_s);
    QString out = text;
    auto it = pair.globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        const QString name = m.captured(1).trimmed().toLower();
        const bool secret = (name.contains(u"key"_s) && !name.endsWith(u"name"_s))
            || name.contains(u"sig"_s) || name.contains(u"secret"_s);
        if (!secret)
            continue;
        for (qsizetype i = m.capturedStart(2); i < m.capturedEnd(2); ++i)
            out[i] = u'•';
    }
    return out;
}

/**
 * `real` after the edit that turned `before` (what the field showed for it) into `after`, with
 * the cursor at `cursor` (the end of what was typed). The changed middle comes from `after`; the
 * unchanged ends come from `real`, so a bullet there keeps the character it stood for. The cursor
 * tells apart which of several equal bullets went.
 */
QString spliced(const QString &real, const QString &before, const QString &after, int cursor)
{
    if (real.size() != before.size())
        return after;
    const qsizetype shorter = qMin(before.size(), after.size());
    const qsizetype suffixLimit = qBound<qsizetype>(0, after.size() - cursor, shorter);
    qsizetype suffix = 0;
    while (suffix < suffixLimit
           && before.at(before.size() - 1 - suffix) == after.at(after.size() - 1 - suffix))
        ++suffix;
    qsizetype prefix = 0;
    while (prefix < shorter - suffix && before.at(prefix) == after.at(prefix))
        ++prefix;
    return real.left(prefix) + after.mid(prefix, after.size() - suffix - prefix)
        + real.right(suffix);
}

bool isKeychainIssue(Nh::KeychainIssue issue)
{
    return issue == Nh::KeychainIssue::Unavailable || issue == Nh::KeychainIssue::Locked
        || issue == Nh::KeychainIssue::Denied || issue == Nh::KeychainIssue::Failed;
}

} // namespace

ProfileDialog::ProfileDialog(Nh::ProfileStore *store, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
{
    setWindowTitle(tr("New Profile"));
    build();
    validate();
}

ProfileDialog::ProfileDialog(Nh::ProfileStore *store, const Nh::Profile &profile, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_editing(true)
    , m_original(profile)
{
    setWindowTitle(tr("Edit Profile “%1”").arg(profile.name));
    build();
    m_kind->setCurrentIndex(profile.isEmulator() ? 1 : 0);
    m_kind->setEnabled(false);
    m_hub->setText(profile.hub);
    m_name->setText(profile.name);
    m_label->setText(profile.label);
    const int colour = m_colour->findData(profile.colour);
    if (colour >= 0) {
        m_colour->setCurrentIndex(colour);
    } else if (!profile.colour.isEmpty()) {
        m_colour->addItem(colourIcon(profile.colour), profile.colour, profile.colour);
        m_colour->setCurrentIndex(m_colour->count() - 1);
    }
    m_production->setChecked(profile.production);
    m_connectionString->setPlaceholderText(
        tr("Leave empty to keep the key; paste a connection string to replace it"));
    validate();
}

void ProfileDialog::build()
{
    setObjectName(u"profileDialog"_s);
    m_kind = new QComboBox(this);
    m_kind->setObjectName(u"profileKind"_s);
    m_kind->addItem(Theme::icon(u"addhub"_s), tr("Azure Notification Hub"), int(Kind::Hub));
    m_kind->addItem(Theme::icon(u"emulator"_s), tr("Bundled local emulator"), int(Kind::Emulator));

    m_connectionString = new QLineEdit(this);
    m_connectionString->setObjectName(u"connectionStringEdit"_s);
    m_connectionString->setFont(Theme::monospace());
    m_connectionString->setMinimumWidth(fontMetrics().horizontalAdvance(u'M') * 40);
    m_connectionString->setPlaceholderText(
        u"Endpoint=sb://<namespace>.servicebus.windows.net/;SharedAccessKeyName=…;"
        "SharedAccessKey=…"_s);
    m_revealKey = new QAction(Theme::icon(u"reveal"_s), tr("Reveal the Key"), this);
    m_revealKey->setObjectName(u"revealKeyAction"_s);
    m_revealKey->setCheckable(true);
    m_revealKey->setToolTip(tr("Show the SharedAccessKey in clear; it is hidden again when this "
                               "window loses focus"));
    m_connectionString->addAction(m_revealKey, QLineEdit::TrailingPosition);
    connect(m_revealKey, &QAction::toggled, this, &ProfileDialog::setKeyRevealed);
    m_connectionHelp = new QLabel(tr("Azure portal ▸ the hub ▸ Access Policies. The key is shown "
                                     "as •••• and goes to the system keychain only."),
                                  this);
    m_connectionHelp->setEnabled(false);

    m_hub = new QLineEdit(this);
    m_hub->setObjectName(u"hubNameEdit"_s);
    m_hub->setPlaceholderText(tr("The hub's name (EntityPath of the string if left empty)"));
    m_name = new QLineEdit(this);
    m_name->setObjectName(u"profileNameEdit"_s);
    m_name->setPlaceholderText(tr("namespace/hub when left empty"));
    m_name->setMaxLength(Nh::Profile::kMaxNameLength);
    m_label = new QLineEdit(this);
    m_label->setObjectName(u"profileLabelEdit"_s);
    m_label->setPlaceholderText(tr("e.g. staging, dev, customer A"));
    m_label->setMaxLength(Nh::Profile::kMaxLabelLength);
    m_colour = new QComboBox(this);
    m_colour->setObjectName(u"profileColour"_s);
    for (const Colour &c : kColours) {
        const QString hex = QString::fromLatin1(c.hex);
        m_colour->addItem(colourIcon(hex), tr(c.name), hex);
    }
    m_production = new QCheckBox(tr("Production hub: ask before every send"), this);
    m_production->setObjectName(u"profileProduction"_s);

    m_error = new QLabel(this);
    m_error->setObjectName(u"profileError"_s);
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_caret = new QLabel(this);
    m_caret->setObjectName(u"profileErrorCaret"_s);
    m_caret->setFont(Theme::monospace());
    m_caret->setTextFormat(Qt::PlainText);
    m_warning = new QLabel(this);
    m_warning->setObjectName(u"profileWarning"_s);
    m_warning->setWordWrap(true);

    m_keychainBox = new QFrame(this);
    m_keychainBox->setObjectName(u"keychainProblem"_s);
    m_keychainText = new QLabel(m_keychainBox);
    m_keychainText->setObjectName(u"keychainProblemText"_s);
    m_keychainText->setWordWrap(true);
    m_keychainText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_keepInMemory = new QPushButton(Theme::icon(u"lock"_s),
                                     tr("Keep the key in memory for this "
                                        "run"),
                                     m_keychainBox);
    m_keepInMemory->setObjectName(u"keepInMemoryButton"_s);
    auto *keychainLayout = new QVBoxLayout(m_keychainBox);
    keychainLayout->addWidget(m_keychainText);
    keychainLayout->addWidget(m_keepInMemory, 0, Qt::AlignRight);
    m_keychainBox->hide();
    connect(m_keepInMemory, &QPushButton::clicked, this, [this] {
        m_store->secrets()->setSessionFallbackEnabled(true);
        m_keychainBox->hide();
        save();
    });

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(u"profileProgress"_s);
    m_progress->setRange(0, 0);
    m_progress->setMaximumHeight(fontMetrics().height());
    m_progressText = new QLabel(this);
    m_progress->hide();
    m_progressText->hide();

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    okButton()->setText(m_editing ? tr("Save") : tr("Add Profile"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ProfileDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ProfileDialog::reject);

    auto *form = new QFormLayout;
    form->addRow(tr("&Kind:"), m_kind);
    form->addRow(tr("&Connection string:"), m_connectionString);
    form->addRow(QString(), m_connectionHelp);
    form->addRow(tr("&Hub:"), m_hub);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Label:"), m_label);
    form->addRow(tr("C&olour:"), m_colour);
    form->addRow(QString(), m_production);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_caret);
    layout->addWidget(m_warning);
    layout->addWidget(m_keychainBox);
    layout->addWidget(m_progressText);
    layout->addWidget(m_progress);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    connect(m_connectionString, &QLineEdit::textChanged, this,
            &ProfileDialog::onConnectionStringEdited);
    for (QLineEdit *edit : {m_hub, m_name, m_label})
        connect(edit, &QLineEdit::textChanged, this, &ProfileDialog::validate);
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        const bool hub = Kind(m_kind->currentData().toInt()) == Kind::Hub;
        m_connectionString->setEnabled(hub);
        m_connectionHelp->setVisible(hub);
        if (!hub && m_hub->text().isEmpty())
            m_hub->setText(Nh::defaultEmulatorProfile().hub);
        validate();
    });
    connect(m_production, &QCheckBox::toggled, this, &ProfileDialog::validate);
    connect(m_colour, &QComboBox::currentIndexChanged, this, &ProfileDialog::validate);
}

void ProfileDialog::setNewProfileDefaults(const Nh::Settings &settings)
{
    m_newTimeoutMs = settings.sendTimeoutMs();
    m_newApiVersion = settings.defaultApiVersion();
    validate();
}

QPushButton *ProfileDialog::okButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

Nh::Result<Nh::ProfileWithKey> ProfileDialog::result() const
{
    const bool hubKind = Kind(m_kind->currentData().toInt()) == Kind::Hub;
    const QString text = m_connectionText.trimmed();
    Nh::ProfileWithKey out;
    QList<Nh::Warning> warnings;
    Nh::Profile &p = out.profile;
    if (m_editing) {
        p = m_original;
    } else {
        p.timeoutMs = m_newTimeoutMs;
        p.apiVersion = m_newApiVersion;
    }
    if (hubKind && (!m_editing || !text.isEmpty())) {
        if (text.isEmpty()) {
            return Nh::makeError(Nh::ErrorCode::Empty,
                                 tr("Paste the connection string of one of the hub's access "
                                    "policies."),
                                 -1, 0, u"connectionString"_s);
        }
        // The string's own errors are located in the text as typed (the caret line uses them).
        if (const auto cs = Nh::ConnectionString::parse(m_connectionText); !cs) {
            Nh::Error e = cs.error();
            e.where = u"connectionString"_s;
            return e;
        }
        auto parsed =
            Nh::ProfileStore::fromConnectionString(m_connectionText, m_hub->text(), m_name->text());
        if (!parsed)
            return parsed.error();
        warnings = parsed.warnings();
        const Nh::Profile &fresh = parsed.value().profile;
        if (!m_editing)
            p.id = fresh.id;
        p.kind = Nh::ProfileKind::Hub;
        p.host = fresh.host;
        p.port = fresh.port;
        p.keyName = fresh.keyName;
        p.hub = fresh.hub;
        p.name = fresh.name;
        out.key = parsed.value().key;
    } else {
        p.kind = hubKind ? Nh::ProfileKind::Hub : Nh::ProfileKind::Emulator;
        p.hub = m_hub->text().trimmed();
        if (!hubKind && p.keyName.isEmpty())
            p.keyName = Nh::defaultEmulatorProfile().keyName;
        p.name = m_name->text().trimmed();
        if (p.name.isEmpty() && !hubKind)
            p.name = tr("Emulator/%1").arg(p.hub);
        if (!m_editing)
            p.id = QUuid::createUuid();
    }
    p.label = m_label->text().trimmed();
    p.colour = m_colour->currentData().toString();
    p.production = m_production->isChecked();
    if (const Nh::Status valid = p.validate(); !valid)
        return valid.error();
    if (m_store->isNameTaken(p.name, m_editing ? p.id : QUuid())) {
        return Nh::makeError(
            Nh::ErrorCode::DuplicateField,
            tr("There is a profile named “%1” already; pick another name.").arg(p.name), -1, 0,
            u"name"_s);
    }
    Nh::Result<Nh::ProfileWithKey> done(out);
    done.setWarnings(warnings);
    return done;
}

void ProfileDialog::validate()
{
    if (isBusy())
        return;
    const auto r = result();
    okButton()->setEnabled(r.ok());
    if (!r) {
        showError(r.error(), m_connectionText);
        m_warning->hide();
        return;
    }
    m_error->hide();
    m_caret->hide();
    QStringList notes;
    for (const Nh::Warning &w : r.warnings())
        notes << w.message;
    m_warning->setText(notes.join(u'\n'));
    Theme::paintLabel(m_warning, Theme::Tone::Warning);
    m_warning->setVisible(!notes.isEmpty());
}

void ProfileDialog::showError(const Nh::Error &error, const QString &source)
{
    m_error->setText(error.message);
    Theme::paintLabel(m_error, Theme::Tone::Failure);
    m_error->show();
    // Point at the place in the connection string itself (the key's value masked).
    if (error.where == u"connectionString"_s && error.offset >= 0 && !source.isEmpty()) {
        const QString text = masked(source);
        const qsizetype start = qMax<qsizetype>(0, error.offset - kExcerptRadius);
        const qsizetype end =
            qMin(text.size(), error.offset + qMax<qsizetype>(1, error.length) + kExcerptRadius);
        QString excerpt = text.mid(start, end - start);
        qsizetype column = error.offset - start;
        if (start > 0) {
            excerpt.prepend(u'…');
            ++column;
        }
        if (end < text.size())
            excerpt.append(u'…');
        m_caret->setText(excerpt + u'\n' + QString(column, u' ')
                         + QString(qMax<qsizetype>(1, error.length), u'^'));
        Theme::paintLabel(m_caret, Theme::Tone::Failure);
        m_caret->show();
    } else {
        m_caret->hide();
    }
}

void ProfileDialog::onConnectionStringEdited(const QString &shown)
{
    m_connectionText = m_keyRevealed
        ? shown
        : spliced(m_connectionText, m_connectionShown, shown, m_connectionString->cursorPosition());
    showConnectionString();
    validate();
}

void ProfileDialog::showConnectionString()
{
    const QString shown = m_keyRevealed ? m_connectionText : masked(m_connectionText);
    if (m_connectionString->text() != shown) {
        // Same length either way, so the cursor stays where it was.
        const int cursor = m_connectionString->cursorPosition();
        const QSignalBlocker block(m_connectionString);
        m_connectionString->setText(shown);
        m_connectionString->setCursorPosition(cursor);
    }
    m_connectionShown = shown;
}

void ProfileDialog::setKeyRevealed(bool revealed)
{
    if (m_keyRevealed == revealed)
        return;
    m_keyRevealed = revealed;
    {
        const QSignalBlocker block(m_revealKey);
        m_revealKey->setChecked(revealed);
    }
    m_revealKey->setText(revealed ? tr("Hide the Key") : tr("Reveal the Key"));
    m_revealKey->setIcon(revealed ? hideKeyIcon() : Theme::icon(u"reveal"_s));
    showConnectionString();
}

void ProfileDialog::changeEvent(QEvent *event)
{
    // Whoever comes to the screen next must not find the key in clear.
    if (event->type() == QEvent::ActivationChange && !isActiveWindow())
        setKeyRevealed(false);
    QDialog::changeEvent(event);
}

void ProfileDialog::hideEvent(QHideEvent *event)
{
    setKeyRevealed(false);
    QDialog::hideEvent(event);
}

void ProfileDialog::setBusy(bool busy, const QString &what)
{
    if (busy)
        setKeyRevealed(false);
    m_progress->setVisible(busy);
    m_progressText->setVisible(busy);
    m_progressText->setText(what);
    for (QWidget *w : std::initializer_list<QWidget *> {m_kind, m_connectionString, m_hub, m_name,
                                                        m_label, m_colour, m_production})
        w->setEnabled(!busy && (w != m_kind || !m_editing));
    okButton()->setEnabled(!busy);
    if (!busy)
        validate();
}

void ProfileDialog::accept()
{
    if (isBusy())
        return;
    validate();
    if (!okButton()->isEnabled())
        return;
    m_keychainBox->hide();
    save();
}

void ProfileDialog::save()
{
    const auto r = result();
    if (!r) {
        showError(r.error(), m_connectionText);
        return;
    }
    const Nh::ProfileWithKey &pk = r.value();
    Nh::ProfileJob *job = nullptr;
    if (!m_editing) {
        job = m_store->create(pk.profile, pk.key);
    } else {
        if (const Nh::Status updated = m_store->update(pk.profile); !updated) {
            showError(updated.error(), {});
            return;
        }
        m_savedId = pk.profile.id;
        if (pk.key.isEmpty()) {
            QDialog::accept();
            return;
        }
        job = m_store->changeKey(pk.profile.id, pk.key);
    }
    m_job = job;
    setBusy(true,
            pk.profile.needsKey() ? tr("Storing the key in the system keychain… (it may "
                                       "ask to be unlocked)")
                                  : tr("Saving…"));
    connect(job, &Nh::ProfileJob::finished, this,
            [this, job](const Nh::Status &status) { onJobFinished(job, status); });
}

void ProfileDialog::onJobFinished(Nh::ProfileJob *job, const Nh::Status &status)
{
    m_job = nullptr;
    setBusy(false);
    if (status) {
        if (!job->profileIds().isEmpty())
            m_savedId = job->profileIds().constFirst();
        QDialog::accept();
        return;
    }
    if (isKeychainIssue(job->issue())) {
        m_keychainText->setText(
            tr("<b>The system keychain cannot keep the key.</b> %1<p>You can still use this "
               "profile: nhconsole can keep the key in memory for this run only. It is never "
               "written to disk; when nhconsole quits it is gone, and you paste it again next "
               "time (or fix the keychain).</p>")
                .arg(status.error().message.toHtmlEscaped()));
        Theme::paintBanner(m_keychainBox, Theme::Tone::Warning);
        m_keychainBox->show();
        return;
    }
    showError(status.error(), m_connectionText);
}
