// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "comparedialog.h"

#include "theme.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace {

QTableWidget *makeTable(QWidget *parent, const QString &name, const QStringList &headers)
{
    auto *t = new QTableWidget(0, int(headers.size()), parent);
    t->setObjectName(name);
    t->setHorizontalHeaderLabels(headers);
    t->verticalHeader()->hide();
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setWordWrap(false);
    t->setTextElideMode(Qt::ElideRight);
    t->verticalHeader()->setDefaultSectionSize(t->fontMetrics().height() + 6);
    return t;
}

QTableWidgetItem *cell(const QString &text, bool mono = false)
{
    auto *item = new QTableWidgetItem(text);
    item->setToolTip(text);
    if (mono)
        item->setFont(Theme::monospace());
    return item;
}

QString describe(const Nh::HistoryRecord &r)
{
    return CompareDialog::tr("%1 · %2 · %3")
        .arg(r.exchange.started.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss"_s),
             r.exchange.operation,
             r.context.profileName.isEmpty() ? r.exchange.hub : r.context.profileName);
}

} // namespace

CompareDialog::CompareDialog(const Nh::HistoryRecord &left, const Nh::HistoryRecord &right,
                             QWidget *parent)
    : QDialog(parent)
    , m_left(left)
    , m_right(right)
    , m_diff(Nh::diffExchanges(left, right))
{
    setObjectName(u"compareDialog"_s);
    setWindowTitle(tr("Compare exchanges"));
    const QString l = tr("Left");
    const QString r = tr("Right");
    auto *legend =
        new QLabel(tr("<b>Left:</b> %1<br><b>Right:</b> %2")
                       .arg(describe(left).toHtmlEscaped(), describe(right).toHtmlEscaped()),
                   this);
    legend->setObjectName(u"compareLegend"_s);
    legend->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_summary = new QLabel(this);
    m_summary->setObjectName(u"compareSummary"_s);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_fields = makeTable(this, u"compareFields"_s, {tr("Field"), l, r});
    m_headers = makeTable(this, u"compareHeaders"_s, {tr("Header"), l, r});
    m_requestBody = makeTable(this, u"compareRequestBody"_s, {tr("#"), l, tr("#"), r});
    m_responseBody = makeTable(this, u"compareResponseBody"_s, {tr("#"), l, tr("#"), r});
    m_outcomes = makeTable(this, u"compareOutcomes"_s, {tr("Registration"), l, r});

    m_showVolatile = new QCheckBox(tr("Show headers that differ on every call (Date, "
                                      "TrackingId, Authorization, …)"),
                                   this);
    m_showVolatile->setObjectName(u"compareShowVolatile"_s);
    connect(m_showVolatile, &QCheckBox::toggled, this, &CompareDialog::fillHeaders);
    auto *headersPage = new QWidget(this);
    auto *headersLayout = new QVBoxLayout(headersPage);
    headersLayout->addWidget(m_showVolatile);
    headersLayout->addWidget(m_headers, 1);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(u"compareTabs"_s);
    m_tabs->addTab(m_fields, tr("Fields"));
    m_tabs->addTab(headersPage, tr("Headers"));
    m_tabs->addTab(m_requestBody, tr("Request body"));
    m_tabs->addTab(m_responseBody, tr("Response body"));
    m_tabs->addTab(m_outcomes, tr("Outcomes"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    for (QTableWidget *table : {m_fields, m_headers, m_outcomes}) {
        table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
        table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    }

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(legend);
    layout->addWidget(m_summary);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(buttons);
    resize(1100, 640);
    fill();
}

void CompareDialog::fill()
{
    const Nh::ExchangeDiff &d = m_diff;
    int headerCount = 0;
    for (const auto &h : d.requestHeaders)
        headerCount += h.isVolatile ? 0 : 1;
    for (const auto &h : d.responseHeaders)
        headerCount += h.isVolatile ? 0 : 1;
    if (d.isEquivalent()) {
        m_summary->setText(tr("<b>Equivalent.</b> Only the ids, times and headers that change on "
                              "every call differ."));
    } else {
        QStringList parts;
        parts << tr("%n field(s)", nullptr, int(d.fields.size()))
              << tr("%n header(s)", nullptr, headerCount);
        if (!d.requestBody.identical)
            parts << tr("the request body");
        if (!d.responseBody.identical)
            parts << tr("the response body");
        parts << tr("%n registration outcome(s)", nullptr, int(d.outcomes.size()));
        m_summary->setText(tr("<b>Differences:</b> %1.").arg(parts.join(u", "_s)));
    }

    m_fields->setRowCount(int(d.fields.size()));
    for (int i = 0; i < d.fields.size(); ++i) {
        const Nh::FieldDifference &f = d.fields.at(i);
        m_fields->setItem(i, 0, cell(f.name));
        m_fields->setItem(i, 1, cell(f.left, true));
        m_fields->setItem(i, 2, cell(f.right, true));
    }
    m_fields->resizeColumnToContents(0);
    m_tabs->setTabText(FieldsTab, tr("Fields (%1)").arg(d.fields.size()));

    fillHeaders();
    fillBody(m_requestBody, d.requestBody);
    fillBody(m_responseBody, d.responseBody);
    m_tabs->setTabText(RequestBodyTab,
                       d.requestBody.identical ? tr("Request body (same)") : tr("Request body"));
    m_tabs->setTabText(ResponseBodyTab,
                       d.responseBody.identical ? tr("Response body (same)") : tr("Response body"));

    m_outcomes->setRowCount(int(d.outcomes.size()));
    for (int i = 0; i < d.outcomes.size(); ++i) {
        const Nh::OutcomeDifference &o = d.outcomes.at(i);
        m_outcomes->setItem(i, 0, cell(o.registrationId, true));
        m_outcomes->setItem(i, 1, cell(o.left.isEmpty() ? tr("(absent)") : o.left));
        m_outcomes->setItem(i, 2, cell(o.right.isEmpty() ? tr("(absent)") : o.right));
    }
    m_outcomes->resizeColumnToContents(0);
    m_tabs->setTabText(OutcomesTab, tr("Outcomes (%1)").arg(d.outcomes.size()));
}

void CompareDialog::fillHeaders()
{
    const bool all = m_showVolatile->isChecked();
    m_headers->setRowCount(0);
    const auto section = [this](const QString &title) {
        const int row = m_headers->rowCount();
        m_headers->insertRow(row);
        auto *item = cell(title);
        QFont bold = item->font();
        bold.setBold(true);
        item->setFont(bold);
        m_headers->setItem(row, 0, item);
        m_headers->setSpan(row, 0, 1, 3);
    };
    const auto value = [](const std::optional<QByteArray> &v) {
        return v ? QString::fromUtf8(*v) : tr("(absent)");
    };
    int shown = 0;
    const auto add = [&](const QList<Nh::HeaderDifference> &list, const QString &title) {
        bool first = true;
        for (const Nh::HeaderDifference &h : list) {
            if (h.isVolatile && !all)
                continue;
            if (first)
                section(title);
            first = false;
            const int row = m_headers->rowCount();
            m_headers->insertRow(row);
            m_headers->setItem(row, 0, cell(QString::fromUtf8(h.name), true));
            m_headers->setItem(row, 1, cell(value(h.left), true));
            m_headers->setItem(row, 2, cell(value(h.right), true));
            if (h.isVolatile) {
                for (int c = 0; c < 3; ++c)
                    m_headers->item(row, c)->setForeground(
                        palette().color(QPalette::Disabled, QPalette::Text));
            }
            ++shown;
        }
    };
    add(m_diff.requestHeaders, tr("Request headers"));
    add(m_diff.responseHeaders, tr("Response headers"));
    m_headers->resizeColumnToContents(0);
    m_headers->setColumnWidth(0, qMin(m_headers->columnWidth(0), 320));
    m_tabs->setTabText(HeadersTab, tr("Headers (%1)").arg(shown));
}

void CompareDialog::fillBody(QTableWidget *table, const Nh::BodyDiff &diff)
{
    table->setRowCount(int(diff.lines.size()));
    const QColor removed = Theme::background(Theme::Tone::Failure, palette());
    const QColor added = Theme::background(Theme::Tone::Success, palette());
    for (int i = 0; i < diff.lines.size(); ++i) {
        const Nh::DiffLine &line = diff.lines.at(i);
        const bool onLeft = line.kind != Nh::DiffLine::Kind::Added;
        const bool onRight = line.kind != Nh::DiffLine::Kind::Removed;
        table->setItem(i, 0, cell(line.leftLine > 0 ? QString::number(line.leftLine) : QString()));
        table->setItem(i, 1, cell(onLeft ? line.text : QString(), true));
        table->setItem(i, 2,
                       cell(line.rightLine > 0 ? QString::number(line.rightLine) : QString()));
        table->setItem(i, 3, cell(onRight ? line.text : QString(), true));
        if (line.kind == Nh::DiffLine::Kind::Removed) {
            table->item(i, 1)->setBackground(removed);
        } else if (line.kind == Nh::DiffLine::Kind::Added) {
            table->item(i, 3)->setBackground(added);
        }
    }
    const int digits = table->fontMetrics().horizontalAdvance(u"00000"_s);
    table->setColumnWidth(0, digits);
    table->setColumnWidth(2, digits);
    table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    table->horizontalHeader()->setSectionResizeMode(3, QHeaderView::Stretch);
}

void CompareDialog::changeEvent(QEvent *event)
{
    QDialog::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_requestBody) {
        fillBody(m_requestBody, m_diff.requestBody);
        fillBody(m_responseBody, m_diff.responseBody);
    }
}
