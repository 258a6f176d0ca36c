// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "registrationdialog.h"

#include "payloadeditor.h"
#include "protocol/registrationfeed.h"
#include "protocol/renderedpayload.h"
#include "protocol/templatedocument.h"
#include "protocol/templatelinter.h"
#include "protocol/xmlutil.h"
#include "theme.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QTextBlock>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

RegistrationDialog::RegistrationDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(u"registrationDialog"_s);
    setWindowTitle(tr("New registration"));
    build();
    loadSkeleton();
}

RegistrationDialog::RegistrationDialog(const Nh::Registration &registration, QWidget *parent)
    : QDialog(parent)
    , m_editing(true)
    , m_original(registration)
{
    setObjectName(u"registrationDialog"_s);
    setWindowTitle(tr("Edit registration %1").arg(registration.registrationId));
    build();
    m_kind->setCurrentIndex(
        m_kind->findData(int(registration.platform) * 2 + (registration.isTemplate ? 1 : 0)));
    m_kind->setEnabled(false);
    const QByteArray xml = Nh::registrationRequestXml(registration);
    m_editor->setPayload(Nh::Xml::pretty(xml).value_or(xml));
    validate();
}

void RegistrationDialog::build()
{
    m_kind = new QComboBox(this);
    m_kind->setObjectName(u"registrationKind"_s);
    for (int p = 0; p < Nh::kPlatformCount; ++p) {
        const auto platform = Nh::Platform(p);
        m_kind->addItem(Nh::platformDisplayName(platform), p * 2);
        m_kind->addItem(tr("%1 template").arg(Nh::platformDisplayName(platform)), p * 2 + 1);
    }
    connect(m_kind, &QComboBox::activated, this, &RegistrationDialog::loadSkeleton);

    m_editor = new PayloadEditor(this);
    m_editor->setObjectName(u"registrationXml"_s);
    m_editor->setSyntax(PayloadHighlighter::Syntax::Xml);
    // Marking an error re-highlights, which emits textChanged again: only new text counts.
    connect(m_editor, &QPlainTextEdit::textChanged, this, [this] {
        if (m_editor->payload() != m_checked)
            validate();
    });

    m_status = new QLabel(this);
    m_status->setObjectName(u"registrationXmlStatus"_s);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *note = new QLabel(tr("The body the hub receives. RegistrationId, ETag and ExpirationTime "
                               "are set by the hub."),
                            this);
    note->setWordWrap(true);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(m_editing ? tr("Save") : tr("Create"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *form = new QFormLayout;
    form->addRow(tr("&Kind:"), m_kind);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(m_editor, 1);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);
    resize(720, 480);
}

QByteArray RegistrationDialog::skeleton(const Nh::RegistrationKind &kind)
{
    Nh::Registration r;
    r.platform = kind.platform;
    r.isTemplate = kind.isTemplate;
    r.tags = {u"sample-tag"_s};
    switch (kind.platform) {
    case Nh::Platform::Apple:
        r.handle = u"0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF"_s;
        break;
    case Nh::Platform::Windows:
    case Nh::Platform::WindowsPhone:
        r.handle = u"https://db5.notify.windows.com/?token=sample"_s;
        break;
    case Nh::Platform::Browser:
        r.handle = u"https://fcm.googleapis.com/fcm/send/sample-endpoint"_s;
        r.p256dh =
            u"BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM"_s;
        r.auth = u"tBHItJI5svbpez7KI4CCXg"_s;
        break;
    case Nh::Platform::Baidu:
        r.handle = u"sample-channel-id"_s;
        r.baiduUserId = u"sample-user-id"_s;
        break;
    default:
        r.handle = u"sample-registration-token"_s;
        break;
    }
    if (kind.isTemplate) {
        r.templateName = u"sample"_s;
        switch (kind.platform) {
        case Nh::Platform::Apple:
            r.bodyTemplate = uR"x({"aps":{"alert":"$(message)"}})x"_s;
            break;
        case Nh::Platform::Windows:
        case Nh::Platform::WindowsPhone:
            r.bodyTemplate = u"<toast><visual><binding template=\"ToastText01\"><text id=\"1\">"
                             u"$(message)</text></binding></visual></toast>"_s;
            if (kind.platform == Nh::Platform::Windows)
                r.headers = {{u"X-WNS-Type"_s, u"wns/toast"_s}};
            break;
        case Nh::Platform::FcmV1:
            r.bodyTemplate = uR"x({"message":{"notification":{"body":"$(message)"}}})x"_s;
            break;
        default:
            r.bodyTemplate = uR"x({"data":{"message":"$(message)"}})x"_s;
            break;
        }
    }
    const QByteArray xml = Nh::registrationRequestXml(r);
    return Nh::Xml::pretty(xml).value_or(xml);
}

void RegistrationDialog::loadSkeleton()
{
    const int code = m_kind->currentData().toInt();
    m_editor->setPayload(skeleton({Nh::Platform(code / 2), code % 2 == 1}));
    validate();
}

namespace {

/**
 * Where position `offset` of the BodyTemplate's text is in the registration XML `xml`: after
 * `<BodyTemplate>` (any prefix), inside a CDATA section as it is, otherwise with each entity or
 * character reference counted as the one character it stands for. -1 when not found.
 */
qsizetype bodyTemplatePosition(const QString &xml, qsizetype offset)
{
    static const QRegularExpression open(uR"(<(?:[\w.-]+:)?BodyTemplate(?:\s[^>]*)?>)"_s);
    const QRegularExpressionMatch m = open.match(xml);
    if (!m.hasMatch())
        return -1;
    qsizetype i = m.capturedEnd();
    qsizetype seen = 0;
    bool cdata = false;
    while (i < xml.size()) {
        if (!cdata && xml.mid(i, 9) == u"<![CDATA["_s) {
            cdata = true;
            i += 9;
            continue;
        }
        if (cdata && xml.mid(i, 3) == u"]]>"_s) {
            cdata = false;
            i += 3;
            continue;
        }
        if (!cdata && xml.at(i) == u'<')
            break;
        if (seen == offset)
            return i;
        if (!cdata && xml.at(i) == u'&') {
            const qsizetype end = xml.indexOf(u';', i);
            i = end < 0 ? i + 1 : end + 1;
        } else {
            ++i;
        }
        ++seen;
    }
    return seen == offset ? i : -1;
}

} // namespace

std::optional<Nh::Error> RegistrationDialog::templateRefusal(const Nh::Registration &r) const
{
    if (!r.isTemplate)
        return std::nullopt;
    const Nh::TemplateLint lint = Nh::TemplateLinter::lint(Nh::TemplateSource::fromRegistration(r));
    const auto errors = lint.ofSeverity(Nh::TemplateFinding::Severity::Error);
    if (errors.isEmpty())
        return std::nullopt;
    const Nh::TemplateFinding &f = errors.first();
    Nh::Error e;
    e.code = f.code == Nh::ErrorCode::None ? Nh::ErrorCode::Syntax : f.code;
    e.where = f.field == Nh::TemplateField::Body ? u"BodyTemplate"_s : f.header;
    const QString text = m_editor->toPlainText();
    const qsizetype at = f.field == Nh::TemplateField::Body && f.offset >= 0
        ? bodyTemplatePosition(text, f.offset)
        : -1;
    if (at >= 0) {
        const QTextBlock block = m_editor->document()->findBlock(int(at));
        e.offset = at;
        e.length = qMax<qsizetype>(1, f.length);
        e.line = block.blockNumber() + 1;
        e.column = at - block.position() + 1;
        //: %1: the 1-based position in the template, %2 and %3 where that is in the XML
        e.message = tr("The hub refuses this body template at character %1 (line %2, column "
                       "%3): %4")
                        .arg(f.offset + 1)
                        .arg(e.line)
                        .arg(e.column)
                        .arg(Nh::findingSentence(f));
    } else {
        e.message = tr("The hub refuses this template: %1").arg(Nh::findingSentence(f));
    }
    return e;
}

QStringList RegistrationDialog::templateWarnings(const Nh::Registration &r)
{
    QStringList notes;
    if (!r.isTemplate)
        return notes;
    const Nh::TemplateLint lint = Nh::TemplateLinter::lint(Nh::TemplateSource::fromRegistration(r));
    for (const Nh::TemplateFinding &f : lint.ofSeverity(Nh::TemplateFinding::Severity::Warning))
        notes << (Nh::findingSentence(f));
    return notes;
}

void RegistrationDialog::validate()
{
    m_checked = m_editor->payload();
    const auto parsed = Nh::parseRegistrationEntry(m_checked);
    if (!parsed) {
        m_parsed.reset();
        m_editor->setError(parsed.error());
        m_status->setText(parsed.error().message);
        Theme::paintLabel(m_status, Theme::Tone::Failure);
    } else if (const auto refusal = templateRefusal(*parsed)) {
        // A template the hub refuses (400): OK stays off, the error is underlined where it is.
        m_parsed.reset();
        m_editor->setError(*refusal);
        m_status->setText(refusal->message);
        Theme::paintLabel(m_status, Theme::Tone::Failure);
    } else {
        Nh::Registration r = *parsed;
        if (m_editing) {
            r.registrationId = m_original.registrationId;
            r.etag = m_original.etag;
            r.expirationTime = m_original.expirationTime;
        }
        m_parsed = r;
        m_editor->clearError();
        QStringList notes;
        for (const Nh::Warning &w : parsed.warnings())
            notes << w.message;
        notes << templateWarnings(r);
        if (m_editing
            && (r.platform != m_original.platform || r.isTemplate != m_original.isTemplate)) {
            notes << tr("The kind differs from the stored registration's; the hub replaces it.");
        }
        m_status->setText(notes.isEmpty() ? tr("Valid %1.").arg(r.kindName()) : notes.join(u'\n'));
        Theme::paintLabel(m_status, notes.isEmpty() ? Theme::Tone::Success : Theme::Tone::Warning);
    }
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_parsed.has_value());
}

std::optional<Nh::Registration> RegistrationDialog::registration() const
{
    return m_parsed;
}

QString RegistrationDialog::errorText() const
{
    return m_parsed ? QString() : m_status->text();
}
