// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "targetpicker.h"

#include "draftnotelabel.h"
#include "tagexpressionedit.h"
#include "theme.h"

#include <QButtonGroup>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QRegularExpression>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace {

QLabel *noteLabel(const QString &text, QWidget *parent, const QString &name)
{
    auto *l = new QLabel(text, parent);
    l->setWordWrap(true);
    l->setObjectName(name);
    return l;
}

} // namespace

TargetPicker::TargetPicker(QWidget *parent)
    : QWidget(parent)
{
    auto *box = new QGroupBox(tr("Target"), this);
    box->setObjectName(u"targetBox"_s);
    m_tagsRadio = new QRadioButton(tr("Ta&gs"), box);
    m_tagsRadio->setObjectName(u"targetTags"_s);
    m_devicesRadio = new QRadioButton(tr("&Device"), box);
    m_devicesRadio->setObjectName(u"targetDevices"_s);
    m_broadcastRadio = new QRadioButton(tr("&Everyone"), box);
    m_broadcastRadio->setObjectName(u"targetBroadcast"_s);
    m_group = new QButtonGroup(box);
    for (QRadioButton *radio : {m_tagsRadio, m_devicesRadio, m_broadcastRadio})
        m_group->addButton(radio);

    m_tagEdit = new TagExpressionEdit(box);
    m_tagEdit->setObjectName(u"tagExpressionEdit"_s);
    m_tagEdit->setPlaceholderText(tr("sports && (lang:en || lang:fr)"));
    m_tagLabel = noteLabel({}, box, u"tagStatus"_s);
    m_tagLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_devicesEdit = new QLineEdit(box);
    m_devicesEdit->setObjectName(u"deviceHandlesEdit"_s);
    m_devicesEdit->setFont(Theme::monospace());
    m_devicesEdit->setPlaceholderText(tr("PNS handle; several separated by spaces for a batch"));
    auto *broadcastNote =
        noteLabel(tr("Every registration of this format in the hub."), box, u"broadcastNote"_s);

    auto *grid = new QGridLayout(box);
    grid->addWidget(m_tagsRadio, 0, 0);
    grid->addWidget(m_tagEdit, 0, 1);
    grid->addWidget(m_tagLabel, 1, 1);
    grid->addWidget(m_devicesRadio, 2, 0);
    grid->addWidget(m_devicesEdit, 2, 1);
    grid->addWidget(m_broadcastRadio, 3, 0);
    grid->addWidget(broadcastNote, 3, 1);
    grid->setColumnStretch(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(box);

    connect(m_group, &QButtonGroup::buttonToggled, this, [this](QAbstractButton *, bool on) {
        if (on) {
            updateFields();
            emit changed();
        }
    });
    connect(m_tagEdit, &QLineEdit::textChanged, this, &TargetPicker::changed);
    connect(m_devicesEdit, &QLineEdit::textChanged, this, &TargetPicker::changed);
    // Typing in a field picks its target.
    connect(m_tagEdit, &QLineEdit::textEdited, this, [this] { m_tagsRadio->setChecked(true); });
    connect(m_devicesEdit, &QLineEdit::textEdited, this,
            [this] { m_devicesRadio->setChecked(true); });
    m_broadcastRadio->setChecked(true);
    updateFields();
}

void TargetPicker::setKind(Nh::TargetKind kind)
{
    switch (kind) {
    case Nh::TargetKind::Tags:
        m_tagsRadio->setChecked(true);
        break;
    case Nh::TargetKind::Device:
    case Nh::TargetKind::Batch:
        m_devicesRadio->setChecked(true);
        break;
    case Nh::TargetKind::None:
    case Nh::TargetKind::Broadcast:
    case Nh::TargetKind::Resource:
        m_broadcastRadio->setChecked(true);
        break;
    }
    updateFields();
}

Nh::TargetKind TargetPicker::kind() const
{
    if (m_tagsRadio->isChecked())
        return Nh::TargetKind::Tags;
    if (m_devicesRadio->isChecked())
        return deviceHandles().size() == 1 ? Nh::TargetKind::Device : Nh::TargetKind::Batch;
    return Nh::TargetKind::Broadcast;
}

void TargetPicker::setTagExpression(const QString &expression)
{
    m_tagEdit->setText(expression);
}

QString TargetPicker::tagExpression() const
{
    return m_tagEdit->text();
}

void TargetPicker::setDeviceHandles(const QString &handles)
{
    m_devicesEdit->setText(handles);
}

QStringList TargetPicker::deviceHandles() const
{
    static const QRegularExpression separators(u"[\\s,]+"_s);
    return m_devicesEdit->text().split(separators, Qt::SkipEmptyParts);
}

QString TargetPicker::deviceHandlesText() const
{
    return m_devicesEdit->text();
}

Nh::Target TargetPicker::target() const
{
    switch (kind()) {
    case Nh::TargetKind::Tags:
        return Nh::Target::tags(m_tagEdit->text());
    case Nh::TargetKind::Device:
        return Nh::Target::device(deviceHandles().first());
    case Nh::TargetKind::Batch:
        return Nh::Target::devices(deviceHandles());
    case Nh::TargetKind::None:
    case Nh::TargetKind::Broadcast:
    case Nh::TargetKind::Resource:
        break;
    }
    return Nh::Target::broadcast();
}

QString TargetPicker::describe(Nh::Format format) const
{
    switch (kind()) {
    case Nh::TargetKind::Tags:
        return tr("tags <tt>%1</tt>").arg(m_tagEdit->text().trimmed().toHtmlEscaped());
    case Nh::TargetKind::Device:
    case Nh::TargetKind::Batch:
        return tr("%n device(s)", nullptr, int(deviceHandles().size()));
    case Nh::TargetKind::None:
    case Nh::TargetKind::Broadcast:
    case Nh::TargetKind::Resource:
        break;
    }
    return tr("every %1 registration").arg(Nh::formatDisplayName(format));
}

void TargetPicker::showTagNote(const Nh::DraftNote &note)
{
    m_tagEdit->clearErrorSpan();
    if (note.error && note.error->offset >= 0)
        m_tagEdit->setErrorSpan(int(note.error->offset), int(note.error->length));
    showDraftNote(m_tagLabel, note);
    updateFields();
}

void TargetPicker::setKnownTags(const QStringList &tags)
{
    m_tagEdit->setKnownTags(tags);
}

void TargetPicker::focusTagExpression()
{
    setKind(Nh::TargetKind::Tags);
    m_tagEdit->setFocus();
}

void TargetPicker::updateFields()
{
    const bool tags = m_tagsRadio->isChecked();
    m_tagEdit->setEnabled(tags);
    m_tagLabel->setVisible(tags && !m_tagLabel->text().isEmpty());
    m_devicesEdit->setEnabled(m_devicesRadio->isChecked());
}
