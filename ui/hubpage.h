// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/hubchecks.h"
#include "protocol/hubdescription.h"

#include <QList>
#include <QPointer>
#include <QWidget>
#include <optional>

class PlatformCard;
class QAction;
class QLabel;
class QProgressBar;
class QTableWidget;
class QToolButton;
class QVBoxLayout;
namespace Nh {
struct Exchange;
class HubClient;
class HubJob;
class RegistrationCoverage;
} // namespace Nh

/**
 * The Hub page (issue #17): the current connection's hub as its configuration describes it. One
 * PlatformCard per platform, the hub-wide findings, the authorization rules with their rights
 * and the one the profile's key names, the registration TTL and the daily figures. Refresh reads
 * the hub (GET /{hub}, which needs Manage); while it loads a busy bar and Cancel show; a failure
 * (a key without Manage above all) shows the explainer's sentence and what to do. Secrets are
 * never shown: the cards list only the non-secret properties, the rules only their rights.
 *
 * Once a description is shown, the hub's registrations are counted in the background
 * (Nh::RegistrationCoverage, as `nhcli hub check` does) and the cards gain the coverage
 * findings: registrations of a platform without a credential, legacy GCM registrations. The
 * listing is bounded and cancellable; a note under the cards says when only the first N were
 * counted, or why coverage was not checked.
 */
class HubPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HubPage)

public:
    explicit HubPage(Nh::HubClient *client, QWidget *parent = nullptr);

    /** The profile's name, for the rights findings; empty when unknown. */
    void setProfileName(const QString &name) { m_profileName = name; }
    /** A production profile: saving a change asks with a stronger warning. */
    void setProduction(bool production) { m_production = production; }

    QAction *refreshAction() const { return m_refreshAction; }
    QAction *cancelAction() const { return m_cancelAction; }
    bool isLoading() const { return m_job != nullptr; }
    /** True while the registrations are being counted for the coverage checks. */
    bool isCountingRegistrations() const;
    /** At most this many registrations are counted (for tests; default the collector's). */
    void setRegistrationLimit(int limit);
    /** The note about the coverage checks (counting, truncated, failed); empty when none. */
    QString coverageNote() const;
    /** The findings shown (empty before a description was read). */
    const QList<Nh::HubFinding> &findings() const { return m_findings; }
    QList<PlatformCard *> cards() const;
    /** The message above the cards (a failure's explanation, or a note); empty when none. */
    QString message() const;

public slots:
    /** Reads the connection's hub again; a read in flight is cancelled first. */
    void refresh();
    /** Cancels the read in flight, if any, and the counting of the registrations. */
    void cancel();
    /** Forgets the hub shown and says `note` instead (a profile that is not connected). */
    void clear(const QString &note);
    /**
     * Saves the hub without the `kind` credential: shows the change (hubDescriptionChanges())
     * and asks first, then updates the hub (its whole description) and reads it again.
     */
    void removeCredential(Nh::PnsCredentialKind kind);
    /** Opens a CredentialDialog for `kind`; its credential goes to setCredential(). */
    void editCredential(Nh::PnsCredentialKind kind);
    /** The same for a new or replaced credential (credentialinput.h builds them). */
    void setCredential(const Nh::PnsCredential &credential);
    /** Shows `description` checked with `context` (the profile's key added when missing). */
    void showDescription(const Nh::HubDescription &description, Nh::HubCheckContext context = {});

signals:
    /** A read ended (shown, failed or cancelled). */
    void loaded();
    /** The read's exchange, for the history. */
    void exchangeFinished(const Nh::Exchange &exchange);
    /** The registrations were counted (or could not be: see coverageNote()). */
    void coverageChecked();

private:
    void onFinished(const Nh::Exchange &exchange);
    /** Shows what `changed` changes, asks, then save(). */
    void confirmAndSave(const Nh::HubDescription &changed, const QString &risk);
    void save(const Nh::HubDescription &changed);
    void onSaved(const Nh::Exchange &exchange);
    void setLoading(bool loading);
    void startCoverage();
    void onCoverageFinished();
    void showMessage(const QString &text, int tone);
    void clearContent();
    void fillRules(const Nh::HubDescription &description);
    void fillFigures(const Nh::HubDescription &description);

    Nh::HubClient *m_client;
    QString m_profileName;
    bool m_production = false;
    /// The description read last, unredacted (never shown: edits start from it).
    std::optional<Nh::HubDescription> m_description;
    QPointer<Nh::HubJob> m_job;
    Nh::RegistrationCoverage *m_coverage = nullptr;
    /// False once a refresh or another hub makes the counting in flight stale.
    bool m_coverageWanted = false;
    QList<Nh::HubFinding> m_findings;
    QAction *m_refreshAction = nullptr;
    QAction *m_cancelAction = nullptr;
    QLabel *m_title = nullptr;
    QProgressBar *m_progress = nullptr;
    QToolButton *m_cancelButton = nullptr;
    QLabel *m_message = nullptr;
    QWidget *m_content = nullptr;
    QList<QVBoxLayout *> m_cardColumns;
    QVBoxLayout *m_hubFindings = nullptr;
    QLabel *m_coverageNote = nullptr;
    QTableWidget *m_rules = nullptr;
    QLabel *m_figures = nullptr;
};
