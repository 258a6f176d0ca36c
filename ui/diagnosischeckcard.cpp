// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "diagnosischeckcard.h"

#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QToolButton>
#include <QUrlQuery>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int kIconSize = 20;
/// Longest path shown in an evidence line; the rest is elided in the middle.
constexpr int kPathChars = 72;

QLabel *wrappingLabel(QWidget *parent, const QString &name)
{
    auto *l = new QLabel(parent);
    l->setObjectName(name);
    l->setWordWrap(true);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return l;
}

} // namespace

DiagnosisCheckCard::DiagnosisCheckCard(Nh::DiagnosisCheckId id, QWidget *parent)
    : QFrame(parent)
{
    m_check.id = id;
    setObjectName(u"diagnosisCheck_"_s + Nh::diagnosisCheckKey(id));
    setFrameShape(QFrame::StyledPanel);
    setCursor(Qt::PointingHandCursor);

    m_arrow = new QToolButton(this);
    m_arrow->setObjectName(u"expandButton"_s);
    m_arrow->setAutoRaise(true);
    m_arrow->setCursor(Qt::ArrowCursor);
    connect(m_arrow, &QToolButton::clicked, this, [this] { setExpanded(!m_expanded); });
    m_icon = new QLabel(this);
    m_icon->setFixedSize(kIconSize, kIconSize);
    m_title = new QLabel(Nh::diagnosisCheckTitle(id), this);
    m_title->setObjectName(u"checkTitle"_s);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_verdict = new QLabel(this);
    m_verdict->setObjectName(u"checkVerdict"_s);
    m_verdict->setFont(bold);
    m_summary = wrappingLabel(this, u"checkSummary"_s);
    m_summary->setTextFormat(Qt::PlainText);

    m_body = new QWidget(this);
    m_body->setObjectName(u"checkBody"_s);
    m_body->setCursor(Qt::ArrowCursor);
    m_details = wrappingLabel(m_body, u"checkDetails"_s);
    m_details->setTextFormat(Qt::RichText);
    m_nextStep = wrappingLabel(m_body, u"checkNextStep"_s);
    m_nextStep->setTextFormat(Qt::RichText);
    m_rendered = wrappingLabel(m_body, u"checkRendered"_s);
    m_rendered->setTextFormat(Qt::PlainText);
    m_rendered->setFont(Theme::monospace());
    m_evidenceLabel = wrappingLabel(m_body, u"checkEvidence"_s);
    m_evidenceLabel->setTextFormat(Qt::RichText);
    m_evidenceLabel->setTextInteractionFlags(Qt::TextBrowserInteraction);
    connect(m_evidenceLabel, &QLabel::linkActivated, this, [this](const QString &link) {
        if (link.startsWith(kExchangeLink))
            emit exchangeActivated(QUuid::fromString(link.mid(kExchangeLink.size())));
    });
    auto *bodyLayout = new QVBoxLayout(m_body);
    bodyLayout->setContentsMargins(0, 4, 0, 0);
    bodyLayout->addWidget(m_details);
    bodyLayout->addWidget(m_nextStep);
    bodyLayout->addWidget(m_rendered);
    bodyLayout->addWidget(m_evidenceLabel);
    m_body->hide();

    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(4, 4, 8, 6);
    grid->setHorizontalSpacing(6);
    grid->setVerticalSpacing(2);
    grid->addWidget(m_arrow, 0, 0);
    grid->addWidget(m_icon, 0, 1);
    auto *titleRow = new QHBoxLayout;
    titleRow->addWidget(m_title);
    titleRow->addSpacing(8);
    titleRow->addWidget(m_verdict);
    titleRow->addStretch(1);
    grid->addLayout(titleRow, 0, 2);
    grid->addWidget(m_summary, 1, 2);
    grid->addWidget(m_body, 2, 2);
    grid->setColumnStretch(2, 1);
    refresh();
}

Theme::Tone DiagnosisCheckCard::toneFor(Nh::DiagnosisVerdict verdict)
{
    switch (verdict) {
    case Nh::DiagnosisVerdict::Ok:
        return Theme::Tone::Success;
    case Nh::DiagnosisVerdict::Warning:
        return Theme::Tone::Warning;
    case Nh::DiagnosisVerdict::Problem:
        return Theme::Tone::Failure;
    case Nh::DiagnosisVerdict::CannotTell:
        return Theme::Tone::Info;
    case Nh::DiagnosisVerdict::Pending:
        break;
    }
    return Theme::Tone::Neutral;
}

QString DiagnosisCheckCard::evidenceText(const Nh::Exchange &exchange)
{
    QString path = exchange.url.path();
    const QUrlQuery query(exchange.url);
    QStringList items;
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (key != u"api-version"_s)
            items.append(value.isEmpty() ? key : key + u'=' + value);
    }
    if (!items.isEmpty())
        path += u'?' + items.join(u'&');
    if (path.size() > kPathChars)
        path = path.left(kPathChars / 2) + QChar(0x2026) + path.right(kPathChars / 2);
    const QString answer = exchange.status > 0
        ? tr("%1 %2").arg(exchange.status).arg(Nh::exchangeResultDisplayName(exchange.result))
        : Nh::exchangeResultDisplayName(exchange.result);
    const QString time = exchange.totalMs >= 0 ? tr("%1 ms").arg(exchange.totalMs) : QString();
    return tr("%1 %2 · %3").arg(QString::fromLatin1(exchange.method), path, answer)
        + (time.isEmpty() ? QString() : u" · "_s + time);
}

void DiagnosisCheckCard::setCheck(const Nh::DiagnosisCheck &check,
                                  const Nh::DiagnosisReport &report)
{
    m_check = check;
    m_running = false;
    m_evidence.clear();
    for (const QUuid &id : check.evidence) {
        const Nh::Exchange *e = report.exchange(id);
        m_evidence.append({id, e ? evidenceText(*e) : tr("A request (not kept)")});
    }
    refresh();
}

void DiagnosisCheckCard::setPending(bool running)
{
    const Nh::DiagnosisCheckId id = m_check.id;
    m_check = {};
    m_check.id = id;
    m_evidence.clear();
    m_running = running;
    refresh();
}

bool DiagnosisCheckCard::isExpandable() const
{
    return !m_check.details.isEmpty() || !m_check.nextStep.isEmpty() || !m_evidence.isEmpty()
        || !m_check.rendered.isEmpty();
}

void DiagnosisCheckCard::setExpanded(bool expanded)
{
    m_expanded = expanded && isExpandable();
    m_body->setVisible(m_expanded);
    updateArrow();
}

void DiagnosisCheckCard::updateArrow()
{
    m_arrow->setEnabled(isExpandable());
    m_arrow->setArrowType(m_expanded ? Qt::DownArrow : Qt::RightArrow);
    m_arrow->setToolTip(m_expanded ? tr("Hide the evidence") : tr("Show the evidence"));
}

void DiagnosisCheckCard::refresh()
{
    const Theme::Tone tone = toneFor(m_check.verdict);
    const QIcon icon = Theme::toneIcon(tone);
    m_icon->setPixmap(icon.isNull() ? QPixmap() : icon.pixmap(kIconSize, kIconSize));
    m_verdict->setText(Nh::diagnosisVerdictName(m_check.verdict));
    Theme::paintLabel(m_verdict, tone);

    QString summary = m_check.summary;
    if (m_check.verdict == Nh::DiagnosisVerdict::Pending) {
        if (m_running)
            summary = tr("Checking…");
        else if (m_check.id == Nh::DiagnosisCheckId::TestSend)
            summary = tr("Runs only when you ask for it: it pushes to the device. Use “Send Test "
                         "to This Device” below.");
        else
            summary = tr("Not run yet.");
        m_verdict->setText(m_running ? tr("Running") : Nh::diagnosisVerdictName(m_check.verdict));
    }
    m_summary->setText(summary);

    QString details;
    if (!m_check.details.isEmpty()) {
        details = u"<ul style=\"margin-left:0px; -qt-list-indent:1\">"_s;
        for (const QString &line : std::as_const(m_check.details))
            details += u"<li>"_s + line.toHtmlEscaped() + u"</li>"_s;
        details += u"</ul>"_s;
    }
    m_details->setText(details);
    m_details->setVisible(!details.isEmpty());
    m_nextStep->setText(m_check.nextStep.isEmpty()
                            ? QString()
                            : tr("<b>Next step:</b> %1").arg(m_check.nextStep.toHtmlEscaped()));
    m_nextStep->setVisible(!m_check.nextStep.isEmpty());

    QStringList rendered;
    for (auto it = m_check.rendered.cbegin(); it != m_check.rendered.cend(); ++it)
        rendered.append(tr("Registration %1 receives:").arg(it.key()) + u"\n"_s
                        + QString::fromUtf8(it.value()));
    m_rendered->setText(rendered.join(u"\n\n"_s));
    m_rendered->setVisible(!rendered.isEmpty());

    QString evidence;
    if (!m_evidence.isEmpty()) {
        evidence = tr("<b>Evidence</b> (opens in the exchange view):");
        for (const auto &[id, text] : std::as_const(m_evidence)) {
            evidence += u"<br>&nbsp;&nbsp;<a href=\"%1%2\">%3</a>"_s.arg(
                kExchangeLink, id.toString(QUuid::WithoutBraces), text.toHtmlEscaped());
        }
    }
    m_evidenceLabel->setText(evidence);
    m_evidenceLabel->setVisible(!evidence.isEmpty());

    if (!isExpandable())
        m_expanded = false;
    m_body->setVisible(m_expanded);
    updateArrow();
}

void DiagnosisCheckCard::mouseReleaseEvent(QMouseEvent *event)
{
    // A click on the header (not in the body, whose text may be selected) toggles the card.
    if (event->button() == Qt::LeftButton
        && !m_body->geometry().contains(event->position().toPoint()))
        setExpanded(!m_expanded);
    QFrame::mouseReleaseEvent(event);
}

void DiagnosisCheckCard::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    // Rich text takes the link colour of the palette it was parsed with.
    if (event->type() == QEvent::PaletteChange && m_evidenceLabel)
        refresh();
}
