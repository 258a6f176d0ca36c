// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "credentialdialog.h"

#include "credentialinput.h"
#include "hubcards.h"
#include "theme.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

bool CredentialDialog::supports(Nh::PnsCredentialKind kind)
{
    using K = Nh::PnsCredentialKind;
    return kind == K::Apns || kind == K::FcmV1 || kind == K::Wns || kind == K::Browser;
}

CredentialDialog::CredentialDialog(Nh::PnsCredentialKind kind, QWidget *parent)
    : QDialog(parent)
    , m_kind(kind)
{
    setObjectName(u"credentialDialog"_s);
    setWindowTitle(tr("%1 Credential").arg(pnsCredentialTitle(kind)));
    setMinimumWidth(fontMetrics().averageCharWidth() * 70);
    auto *layout = new QVBoxLayout(this);
    m_form = new QFormLayout;
    layout->addLayout(m_form);
    using K = Nh::PnsCredentialKind;
    switch (kind) {
    case K::Apns: {
        m_environment = new QComboBox(this);
        m_environment->setObjectName(u"environmentCombo"_s);
        m_environment->addItems(
            {tr("Sandbox (development builds)"), tr("Production (App Store, TestFlight, ad hoc)")});
        m_form->addRow(tr("Environment:"), m_environment);
        m_tokenMode = new QRadioButton(tr("Token (.p8 key)"), this);
        m_tokenMode->setObjectName(u"tokenMode"_s);
        m_tokenMode->setChecked(true);
        auto *certificateMode = new QRadioButton(tr("Certificate (.p12)"), this);
        auto *modes = new QHBoxLayout;
        modes->addWidget(m_tokenMode);
        modes->addWidget(certificateMode);
        m_form->addRow(tr("Mode:"), modes);
        addText(tr(".p8 key:"), u"p8"_s, tr("APNs keys (*.p8)"));
        addLine(tr("Key id:"), u"keyId"_s);
        addLine(tr("Team id:"), u"teamId"_s);
        addLine(tr("Bundle id:"), u"bundleId"_s);
        m_p12Path = addLine(tr(".p12 file:"), u"p12Path"_s);
        auto *browse = new QPushButton(tr("Browse…"), this);
        connect(browse, &QPushButton::clicked, this, [this] {
            const QString path = QFileDialog::getOpenFileName(this, tr("APNs Certificate"), {},
                                                              tr("PKCS#12 files (*.p12 *.pfx)"));
            if (!path.isEmpty())
                m_p12Path->setText(path);
        });
        m_form->addRow(QString(), browse);
        addLine(tr("Password:"), u"p12Password"_s, true);
        // One mode's fields at a time: the hub refuses a token and a certificate together, and
        // the other mode's fields would only be noise.
        const auto follow = [this, browse](bool token) {
            const auto showRow = [this](QWidget *w, bool visible) {
                // The row whose field is `w`, or a layout that holds it.
                for (int row = 0; row < m_form->rowCount(); ++row) {
                    QLayoutItem *field = m_form->itemAt(row, QFormLayout::FieldRole);
                    if (field
                        && (field->widget() == w
                            || (field->layout() && field->layout()->indexOf(w) >= 0))) {
                        m_form->setRowVisible(row, visible);
                        return;
                    }
                }
            };
            for (const QString &name :
                 {u"p8"_s, u"p8Load"_s, u"keyId"_s, u"teamId"_s, u"bundleId"_s}) {
                if (auto *w = findChild<QWidget *>(name))
                    showRow(w, token);
            }
            for (const QString &name : {u"p12Path"_s, u"p12Password"_s})
                showRow(findChild<QWidget *>(name), !token);
            showRow(browse, !token);
            adjustSize();
        };
        connect(m_tokenMode, &QRadioButton::toggled, this, follow);
        follow(true);
        break;
    }
    case K::FcmV1:
        addText(tr("Service-account JSON:"), u"serviceAccount"_s, tr("JSON files (*.json)"));
        break;
    case K::Wns:
        addLine(tr("Package SID:"), u"packageSid"_s);
        addLine(tr("Secret:"), u"secret"_s, true);
        break;
    case K::Browser:
        addLine(tr("Subject:"), u"subject"_s);
        addLine(tr("Public key:"), u"publicKey"_s);
        addLine(tr("Private key:"), u"privateKey"_s, true);
        break;
    default:
        break;
    }
    m_error = new QLabel(this);
    m_error->setObjectName(u"credentialError"_s);
    m_error->setWordWrap(true);
    Theme::paintLabel(m_error, Theme::Tone::Failure);
    m_error->hide();
    layout->addWidget(m_error);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &CredentialDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &CredentialDialog::reject);
    layout->addWidget(buttons);
}

QLineEdit *CredentialDialog::addLine(const QString &label, const QString &name, bool secret)
{
    auto *edit = new QLineEdit(this);
    edit->setObjectName(name);
    if (secret)
        edit->setEchoMode(QLineEdit::Password);
    m_form->addRow(label, edit);
    m_lines.append(edit);
    return edit;
}

QPlainTextEdit *CredentialDialog::addText(const QString &label, const QString &name,
                                          const QString &filter)
{
    auto *edit = new QPlainTextEdit(this);
    edit->setObjectName(name);
    edit->setFont(Theme::monospace());
    edit->setPlaceholderText(tr("Paste the file's text, or load it"));
    edit->setFixedHeight(edit->fontMetrics().lineSpacing() * 5);
    auto *load = new QPushButton(tr("Load…"), this);
    load->setObjectName(name + u"Load"_s);
    connect(load, &QPushButton::clicked, this, [this, edit, filter] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Load"), {}, filter);
        QFile file(path);
        if (!path.isEmpty() && file.open(QIODevice::ReadOnly))
            edit->setPlainText(QString::fromUtf8(file.readAll()));
    });
    auto *row = new QVBoxLayout;
    row->addWidget(edit);
    row->addWidget(load, 0, Qt::AlignLeft);
    m_form->addRow(label, row);
    m_texts.append(edit);
    return edit;
}

Nh::Result<Nh::PnsCredential> CredentialDialog::build() const
{
    const auto line = [this](const QString &name) {
        return findChild<QLineEdit *>(name)->text();
    };
    const auto text = [this](const QString &name) {
        return findChild<QPlainTextEdit *>(name)->toPlainText();
    };
    using K = Nh::PnsCredentialKind;
    switch (m_kind) {
    case K::Apns: {
        const ApnsTarget target =
            m_environment->currentIndex() == 1 ? ApnsTarget::Production : ApnsTarget::Sandbox;
        if (m_tokenMode->isChecked())
            return apnsTokenCredential(text(u"p8"_s), line(u"keyId"_s), line(u"teamId"_s),
                                       line(u"bundleId"_s), target);
        QFile file(m_p12Path->text());
        if (!file.open(QIODevice::ReadOnly))
            return Nh::makeError(Nh::ErrorCode::Storage,
                                 tr("Cannot read %1: %2").arg(file.fileName(), file.errorString()));
        return apnsCertificateCredential(file.readAll(), line(u"p12Password"_s), target);
    }
    case K::FcmV1:
        return fcmV1Credential(text(u"serviceAccount"_s).toUtf8());
    case K::Wns:
        return wnsCredential(line(u"packageSid"_s), line(u"secret"_s));
    case K::Browser:
        return browserCredential(line(u"subject"_s), line(u"publicKey"_s), line(u"privateKey"_s));
    default:
        return Nh::makeError(Nh::ErrorCode::InvalidValue,
                             tr("nhconsole cannot enter this platform's credential yet."));
    }
}

void CredentialDialog::accept()
{
    const auto built = build();
    if (!built) {
        m_error->setText(built.error().message);
        m_error->show();
        return;
    }
    m_credential = built.value();
    QDialog::accept();
}
