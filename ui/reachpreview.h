// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/reachplan.h"
#include "protocol/notification.h"
#include "protocol/platform.h"
#include "protocol/registration.h"
#include "protocol/tagexpression.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QStringList>
#include <QWidget>
#include <optional>

class QAction;
class QComboBox;
class QFrame;
class QHBoxLayout;
class QLabel;
class QProgressBar;
class QPushButton;
class QSplitter;
class QTableView;
class RenderedPayloadView;
class QVBoxLayout;
class QTimer;
class TagExpressionEdit;
namespace Nh {
class HubClient;
class ReachQuery;
class RegistrationModel;
} // namespace Nh

/**
 * Which registrations a send would reach, before sending (issues #7 and #18): the listings the
 * expression needs are fetched (Nh::ReachPlan: the by-tag listings of the tags that must be
 * present, the whole hub only for a broadcast or negations alone; raced, bounded, cancellable)
 * and the expression and format are evaluated locally with Nh::reaches(), the rule the emulator
 * delivers by. Listings stay until Refresh, so an edit they already cover re-evaluates at once;
 * one they do not cover fetches what it needs after a short pause in typing. A plan stopped by
 * the bound is reported as "at least N". The first show fetches by itself.
 */
class ReachPreview final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReachPreview)

public:
    /** The pause in typing after which an expression the fetched listings do not answer is
     *  fetched. */
    static constexpr int kPlanDelayMs = 400;

    /** `client` must outlive the widget. */
    explicit ReachPreview(Nh::HubClient *client, QWidget *parent = nullptr);

    /** An empty expression is a broadcast. Leaves a direct send (setDeviceHandles()). */
    void setTagExpression(const QString &expression);
    QString tagExpression() const;
    void setFormat(Nh::Format format);
    Nh::Format format() const;
    /**
     * A direct send to `handles`, until the next setTagExpression(). The preview then says
     * the send goes to those handles, registered or not, and lists the fetched registrations
     * of the format's platform that carry one of them.
     */
    void setDeviceHandles(const QStringList &handles);
    QStringList deviceHandles() const { return m_handles; }
    /**
     * The form for a preview fed by the composer, in its narrow column: no format and
     * expression fields (the composer's are used), the summary beside Refresh, and only the
     * platform, id, handle and tags columns.
     */
    void setCompact(bool compact);
    /**
     * Whether the client has a connection for the current profile. Disconnected: a fetch in
     * flight is dropped, the registrations are forgotten, `note` is the summary and refresh()
     * does nothing. Connecting does not fetch by itself (the next show or refresh() does).
     */
    void setConnected(bool connected, const QString &note = {});
    bool isConnected() const { return m_connected; }
    /** Registrations fetched at most per plan (default Nh::ReachQuery::kDefaultLimit). */
    void setLimit(int registrations);
    /**
     * The properties of a template send (the composer's). For a template send the current
     * reached registration is shown rendered with them, its empty substitutions and the
     * linter's warnings highlighted, and the summary counts the registrations that would get
     * an empty substitution.
     */
    void setTemplateProperties(const Nh::TemplateProperties &properties);
    /** Every registration fetched since the last Refresh. */
    const QList<Nh::Registration> &registrations() const;
    /** The union of the properties the reached template registrations use (first spelling,
     *  compared case-insensitively, sorted); empty unless the format is template. */
    QStringList templatePropertiesUsed() const { return m_used; }
    /** Reached template registrations that would get at least one empty substitution. */
    int emptySubstitutionCount() const { return m_emptyCount; }
    RenderedPayloadView *renderedView() const { return m_rendered; }
    QTableView *table() const { return m_table; }

    /** The reached registrations, in the hub's order. */
    Nh::RegistrationModel *model() const { return m_model; }
    /** -1 before an evaluation, or while the expression does not parse; for a direct send the
     *  number of handles. */
    int reachedCount() const { return m_reached; }
    /** Registrations the evaluation was made from; -1 before the first fetch. */
    int fetchedCount() const;
    /** Requests the last fetch made (0 when fetched listings already covered it). */
    int requestCount() const;
    /** Whether reachedCount() is a lower bound: the plan's listings were not fetched whole. */
    bool isLowerBound() const { return m_lowerBound; }
    /** "Reaches N registrations …". */
    QString summaryText() const;
    /** "Evaluated locally from N registrations … fetched at HH:MM" (+ the bound's note). */
    QString noteText() const;
    /** The parse error of the expression or the fetch's failure sentence; empty when none. */
    QString errorText() const;
    bool isFetching() const;
    QDateTime fetchedAt() const;

    /** F5 while the preview has focus: fetch the registrations again. */
    QAction *refreshAction() const { return m_refreshAction; }

public slots:
    /** Forgets what was fetched, fetches what the current expression needs, then evaluates. */
    void refresh();
    void cancel();
    /** Evaluates the current expression and format against the registrations already fetched. */
    void evaluate();

signals:
    /** After each evaluation; -1 when the expression does not parse. */
    void reachChanged(int reached);
    /** A row was double-clicked (e.g. to show it in the registrations browser). */
    void registrationActivated(const QString &registrationId);
    /** Every tag of the registrations just fetched, sorted: what tag completion can offer. */
    void knownTagsChanged(const QStringList &tags);
    /** templatePropertiesUsed() changed (after an evaluation or a fetch). */
    void templatePropertiesUsedChanged(const QStringList &properties);

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void onFetched();
    /** Starts fetching what the current plan needs (the pause after an edit is over). */
    void fetchPlan();
    /**
     * Shows the reach of the current expression from what was fetched. False when the fetched
     * listings do not answer it (a fetch is needed); the summary then says so.
     */
    bool present();
    /** The current expression's plan; nullopt (and the error shown) when it does not parse. */
    std::optional<Nh::ReachPlan> currentPlan(std::optional<Nh::TagExpression> &expression);
    void evaluateDirect();
    void updateBusy();
    void showError(const QString &sentence, int tone);
    /** The union of the reached registrations' properties and the empty-substitution count. */
    void evaluateTemplates(const QList<Nh::Registration> &reached);
    /** The current row rendered for the template properties (template sends only). */
    void showRendered();

    Nh::ReachQuery *m_query;
    Nh::RegistrationModel *m_model;
    /// The pause after an edit before a plan the listings do not cover is fetched.
    QTimer *m_planTimer;
    bool m_fetchedOnce = false;
    bool m_connected = true;
    QString m_disconnectedNote;
    bool m_direct = false; ///< a direct send to m_handles
    QStringList m_handles;
    /// A fetch finished since the last Refresh (evaluate() has registrations to work on).
    bool m_hasSnapshot = false;
    /// The listings of the last plan whose fetch the bound stopped: evaluate() reports a lower
    /// bound for a plan with the same listings rather than fetching it again.
    QStringList m_truncatedListings;
    bool m_lowerBound = false;
    bool m_fetchFailed = false;
    int m_reached = -1;
    int m_errorTone = 0;
    Nh::TemplateProperties m_templateProperties;
    /// Per template registration id, the properties its template uses (parsed once per fetch).
    QHash<QString, QStringList> m_propertiesOf;
    QStringList m_used;
    int m_emptyCount = 0;

    QComboBox *m_formatCombo = nullptr;
    TagExpressionEdit *m_tagEdit = nullptr;
    QPushButton *m_refreshButton = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QFrame *m_errorBanner = nullptr;
    QLabel *m_errorLabel = nullptr;
    QLabel *m_summary = nullptr;
    QTableView *m_table = nullptr;
    QSplitter *m_split = nullptr;
    RenderedPayloadView *m_rendered = nullptr;
    QLabel *m_note = nullptr;
    QAction *m_refreshAction = nullptr;
    QHBoxLayout *m_inputRow = nullptr;
    QVBoxLayout *m_layout = nullptr;
};
