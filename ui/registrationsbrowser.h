// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/exchange.h"
#include "protocol/platform.h"
#include "protocol/registration.h"

#include <QMetaType>
#include <QPointer>
#include <QWidget>
#include <functional>
#include <optional>

class InstallationDialog;
class PayloadEditor;
class QAction;
class QComboBox;
class QFrame;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSplitter;
class QStackedWidget;
class QTableView;
class QTreeWidget;
namespace Nh {
class HubClient;
class HubJob;
class RegistrationModel;
} // namespace Nh

/**
 * What the composer needs to send a test to one registration: a native registration is reached
 * directly by its handle in its platform's format (a browser one with its keys); a template
 * registration, which a direct send cannot reach, by a tag expression that selects it
 * (`$InstallationId:{…}` when it has one, else its tags joined with `&&`, at most six).
 */
struct SendTestTarget
{
    QString registrationId;
    Nh::Format format = Nh::Format::Template;
    QString deviceHandle; ///< native registrations; empty for templates
    QByteArray p256dh; ///< browser registrations
    QByteArray auth;
    QString tagExpression; ///< template registrations; empty when it has no tags
    QStringList tags; ///< every tag of the registration
};
Q_DECLARE_METATYPE(SendTestTarget)

/**
 * The hub's registrations and installations (issue #7, docs/conventions.md R11): list all, by tag
 * or by channel, loading pages as the table scrolls (Nh::RegistrationModel), with progress and
 * Cancel for a page in flight; a details pane with every field and the raw XML the hub returns for
 * the selected registration; create, edit and delete (confirmed); "Send test to this
 * registration" (sendTestRequested()); installations by id (InstallationDialog). The hub's
 * errors are shown inline as the client's sentences.
 */
class RegistrationsBrowser final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RegistrationsBrowser)

public:
    enum class Listing { All, ByTag, ByChannel };
    Q_ENUM(Listing)

    /** `client` must outlive the browser. */
    explicit RegistrationsBrowser(Nh::HubClient *client, QWidget *parent = nullptr);

    /** Chooses what to list; takes effect at the next refresh(). `value`: the tag or handle. */
    void setListing(Listing listing, const QString &value = {},
                    Nh::Platform platform = Nh::Platform::Apple);
    Listing listing() const;
    void setPageSize(int rows);

    Nh::RegistrationModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    /** The table beside the selected registration's details; the window keeps its sizes. */
    QSplitter *splitter() const { return m_splitter; }
    /** The registration selected in the table; nullopt when none. */
    std::optional<Nh::Registration> currentRegistration() const;
    /** Selects the row of `registrationId`; false when it is not loaded. */
    bool selectRegistration(const QString &registrationId);
    /** The inline error or note under the toolbar; empty when none is shown. */
    QString errorText() const;
    /** The raw XML shown in the details pane. */
    QString detailsXml() const;
    /** The installation dialog, once opened; null before. */
    InstallationDialog *installationDialog() const;

    /** F5: reloads the listing from its first page. For the window's View menu. */
    QAction *refreshAction() const { return m_refreshAction; }
    QAction *cancelAction() const { return m_cancelAction; }
    QAction *newAction() const { return m_newAction; }
    QAction *editAction() const { return m_editAction; }
    QAction *deleteAction() const { return m_deleteAction; }
    QAction *sendTestAction() const { return m_sendTestAction; }
    QAction *installationsAction() const { return m_installationsAction; }
    /** "Diagnose This Registration…" (issue #19): diagnoseRequested(). */
    QAction *diagnoseAction() const { return m_diagnoseAction; }

    /**
     * Whether the window's client has a connection for the current profile. Disconnected:
     * requests in flight are dropped, the list is emptied, `note` (if any) is shown as a plain
     * note, and refresh/create do nothing until connected again. Connecting does not refresh
     * by itself.
     */
    void setConnected(bool connected, const QString &note = {});
    bool isConnected() const { return m_connected; }

    /**
     * A send reported that the push service refused these registrations' handles, so the hub
     * deletes them. When any of them is listed, a note says so and asks for F5 (the hub removes
     * them on its own schedule, so the list is not reloaded behind the user's back).
     */
    void noteRefusedRegistrations(const QStringList &registrationIds);
    /** The same for the registrations whose handle `exchange`'s outcome names as invalid or
     *  expired (a send or a re-send that just finished). */
    void noteRefusedRegistrations(const Nh::Exchange &exchange);

    /** The target a test send to `registration` uses (see SendTestTarget). */
    static SendTestTarget sendTestTarget(const Nh::Registration &registration);

public slots:
    void refresh();
    /** Cancels the request in flight (a page, details, a create, edit or delete). */
    void cancel();
    /** Opens the editor for a new registration; creates it when accepted. */
    void createRegistration();
    /** Opens the editor on the current registration; saves it (If-Match its ETag). */
    void editCurrent();
    /** Asks for confirmation, then deletes the current registration. */
    void deleteCurrent();
    void sendTestToCurrent();
    /** Opens the installation dialog (for the current registration's installation, if any). */
    void openInstallations();

signals:
    void sendTestRequested(const SendTestTarget &target);
    /** "Diagnose This Registration…" on the current registration. */
    void diagnoseRequested(const QString &registrationId);
    /** A one-line note for the status bar. */
    void message(const QString &text);
    /** Each exchange the user asked for that changes the hub: create, update and delete, and
     *  those of the installation dialog. List pages and detail reads are not reported. */
    void exchangeFinished(const Nh::Exchange &exchange);

protected:
    void changeEvent(QEvent *event) override;

private:
    QWidget *buildToolbar();
    QWidget *buildDetails();
    void createActions();
    void onListingChanged();
    void onCurrentChanged();
    void onPageFinished(const Nh::Exchange &exchange, int added);
    void showDetails(const Nh::Registration &registration);
    void fetchDetails(const QString &registrationId);
    void runEdit(Nh::HubJob *job, const QString &doing,
                 std::function<void(const Nh::Exchange &)> onSuccess);
    void showError(const QString &sentence, int tone);
    void clearError();
    void updateBusy();
    void updateActions();
    void updateCount();

    Nh::HubClient *m_client;
    Nh::RegistrationModel *m_model = nullptr;
    QPointer<Nh::HubJob> m_detailsJob;
    QPointer<Nh::HubJob> m_editJob;
    QPointer<InstallationDialog> m_installations;
    int m_errorTone = 0;
    bool m_connected = true;
    QString m_shownId; ///< the registration whose details are shown

    QComboBox *m_listingCombo = nullptr;
    QLineEdit *m_valueEdit = nullptr;
    QComboBox *m_platformCombo = nullptr;
    QPushButton *m_refreshButton = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QFrame *m_errorBanner = nullptr;
    QLabel *m_errorLabel = nullptr;
    QLabel *m_countLabel = nullptr;
    QPushButton *m_moreButton = nullptr;
    QTableView *m_table = nullptr;
    QSplitter *m_splitter = nullptr;
    QTreeWidget *m_fields = nullptr;
    PayloadEditor *m_xml = nullptr;
    QLabel *m_detailsNote = nullptr;
    QStackedWidget *m_detailsStack = nullptr;

    QAction *m_refreshAction = nullptr;
    QAction *m_cancelAction = nullptr;
    QAction *m_newAction = nullptr;
    QAction *m_editAction = nullptr;
    QAction *m_deleteAction = nullptr;
    QAction *m_sendTestAction = nullptr;
    QAction *m_installationsAction = nullptr;
    QAction *m_diagnoseAction = nullptr;
};
