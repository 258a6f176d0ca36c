// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/exchange.h"
#include "protocol/draftcheck.h"
#include "targetpicker.h"

#include <QPointer>
#include <QWidget>
#include <functional>
#include <optional>

class FormatBar;
class HeadersEditor;
class PayloadEditor;
class QAction;
class QHBoxLayout;
class QLabel;
class QSplitter;
class QTabWidget;
class SendBar;
class SendOptions;
class QTimer;
class TemplatePropertiesTable;
namespace Nh {
class HubClient;
class HubJob;
class RegistrationPager;
} // namespace Nh

/**
 * Composes one notification and sends it (issue #7): a format picker with the builders' presets,
 * a payload editor with live, located validation, the template properties as a table kept in
 * sync with the JSON, the automatic headers (greyed) and the user's own, the target (tag
 * expression with live parse and completion, device handles, or broadcast), an optional
 * schedule and the `test` flag. Send is refused, with the reason shown, while anything is
 * invalid. Sending is asynchronous: progress and Cancel while in flight (docs/conventions.md R4).
 */
class ComposerWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ComposerWidget)

public:
    /** `client` must outlive the widget. */
    explicit ComposerWidget(Nh::HubClient *client, QWidget *parent = nullptr);

    /** Picks `format` and loads its default preset. */
    void setFormat(Nh::Format format);
    Nh::Format format() const;
    /** Loads preset `index` of the current format: body and platform headers. */
    void applyPreset(int index);

    void setPayload(const QByteArray &body);
    QByteArray payload() const;
    /** Picks the target field of `kind`: Tags, the handles (Device and Batch alike) or everyone. */
    void setTargetKind(Nh::TargetKind kind);
    /** Tags, Device (one handle), Batch (none or several) or Broadcast: the draft's target. */
    Nh::TargetKind targetKind() const { return m_target->kind(); }
    void setTagExpression(const QString &expression) { m_target->setTagExpression(expression); }
    QString tagExpression() const { return m_target->tagExpression(); }
    /** Handles separated by white space or commas: one is a direct send, more a batch. */
    void setDeviceHandles(const QString &handles) { m_target->setDeviceHandles(handles); }
    /** The handles of a direct send, as typed (split at white space and commas). */
    QStringList deviceHandles() const { return m_target->deviceHandles(); }
    void setTestSend(bool on);
    bool isTestSend() const;
    /** Whether the target and schedule allow a test send (the flag is greyed out when not). */
    bool isTestPossible() const;
    void setSchedule(const std::optional<QDateTime> &when);
    Nh::HttpHeaders customHeaders() const;
    void setCustomHeaders(const Nh::HttpHeaders &headers);

    /** Template format: the properties the payload holds now (empty when it does not read). */
    Nh::TemplateProperties templateProperties() const;

    /** The notification as composed now (it may be invalid). */
    Nh::Notification notification() const;
    /** Everything composed now, as the draft check reads it. */
    Nh::Draft draft() const;
    /** Why Send is refused; empty when the notification can be sent. */
    QString refusal() const { return m_refusal; }
    /**
     * Why there is no hub to send to (no key, keychain refused, emulator down), or empty when
     * connected. While set, Send is off and the status line says so; everything typed stays.
     */
    void setConnectionProblem(const QString &problem);
    QString connectionProblem() const { return m_connectionProblem; }
    bool canSend() const;
    bool isSending() const { return !m_job.isNull(); }

    QAction *sendAction() const { return m_sendAction; }
    QAction *cancelAction() const { return m_cancelAction; }
    QAction *prettyPrintAction() const { return m_prettyAction; }
    QAction *testSendAction() const { return m_testAction; }
    QAction *refreshTagsAction() const { return m_refreshTagsAction; }

    /** Adds `page` as a tab after Payload and Headers (e.g. the window's reach preview). */
    void addPage(QWidget *page, const QString &title);
    /** Renames the tab of a page added with addPage(). */
    void setPageTitle(QWidget *page, const QString &title);
    /** Brings the tab of `page` to the front. */
    void showPage(QWidget *page);
    /** The splitters whose sizes the window saves and restores. */
    QList<QSplitter *> splitters() const { return {m_payloadSplitter}; }
    /** Puts a button beside the composer's title that triggers `fold` (the window's
     *  View ▸ Composer toggle, which folds the composer to a strip). */
    void setFoldAction(QAction *fold);

    /**
     * Asked before every send the user starts (Send button, Ctrl+Enter): the gate calls
     * `proceed` to go on, or does not (a production hub that the user did not confirm, no
     * connection). Without a gate, a request sends at once.
     */
    using SendGate = std::function<void(const std::function<void()> &proceed)>;
    void setSendGate(SendGate gate) { m_sendGate = std::move(gate); }
    /** Puts the keyboard focus into the payload editor. */
    void focusPayload();
    /** Switches the target to a tag expression and puts the focus there. */
    void focusTagExpression();

public slots:
    /** What the Send button and Ctrl+Enter do: asks the send gate, then send(). */
    void requestSend();
    /** Sends now, without asking the gate. */
    void send();
    void cancel();
    /** Validates at once (edits are validated after a short pause). */
    void validateNow();
    bool prettyPrint();
    /** Asks the hub for its registrations and offers their tags for completion. */
    void refreshKnownTags();
    /** Tags to offer as the user types (e.g. from the reach preview's fetch); no request. */
    void setKnownTags(const QStringList &tags);
    /**
     * The properties the targeted template registrations use (the reach preview's union):
     * the property table offers them, marks those not filled in and warns about the sent ones
     * no template uses.
     */
    void setTemplatePropertiesUsed(const QStringList &properties);

signals:
    void sendStarted(const Nh::Notification &notification);
    void exchangeFinished(const Nh::Exchange &exchange);
    void sendingChanged(bool sending);
    void readyChanged(bool canSend);
    /** A one-line note for the status bar. */
    void message(const QString &text);
    /** The format, the target kind, the tag expression or the handles changed. Emitted after
     *  the validation pause, so typing does not emit for every key. */
    void targetChanged();
    /** Template format: templateProperties() changed (after the validation pause). */
    void templatePropertiesChanged();

protected:
    void changeEvent(QEvent *event) override;

private:
    QWidget *buildPayloadTab();
    void scheduleValidation();
    void onPayloadEdited();
    void onPropertiesEdited(const Nh::TemplateProperties &properties);
    /** The draft check's notes and tab icons, in the tones of the current palette. */
    void showNotes(const Nh::DraftCheck &check);
    void updateAutomaticHeaders(const Nh::HttpHeaders &headers);
    void updateTestOption();
    void updateSendState();
    void setSending(bool sending);
    /** Pages through the hub's registrations (up to `pagesLeft` pages) and offers their tags:
     *  the composer's one loop over registrations. */

    Nh::HubClient *m_client;
    QPointer<Nh::HubJob> m_job;
    QTimer *m_validateTimer = nullptr;
    bool m_syncing = false;
    QString m_refusal;
    SendGate m_sendGate;
    QString m_connectionProblem;
    QString m_previewAuthorization;
    QString m_emittedTarget; ///< what targetChanged() last announced
    Nh::TemplateProperties m_emittedProperties; ///< what templatePropertiesChanged() announced
    std::optional<Nh::DraftCheck> m_check; ///< the last validation

    FormatBar *m_formatBar = nullptr;
    QTabWidget *m_tabs = nullptr;
    TemplatePropertiesTable *m_properties = nullptr;
    PayloadEditor *m_editor = nullptr;
    QSplitter *m_payloadSplitter = nullptr;
    QHBoxLayout *m_titleRow = nullptr;
    Nh::RegistrationPager *m_tagPager = nullptr;
    QStringList m_fetchedTags; ///< the tags of the pages read so far
    QLabel *m_payloadLabel = nullptr;
    HeadersEditor *m_headers = nullptr;
    TargetPicker *m_target = nullptr;
    SendOptions *m_options = nullptr;
    SendBar *m_sendBar = nullptr;
    QAction *m_sendAction = nullptr;
    QAction *m_cancelAction = nullptr;
    QAction *m_prettyAction = nullptr;
    QAction *m_testAction = nullptr;
    QAction *m_refreshTagsAction = nullptr;
};
