// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "store/exchangeexport.h"
#include "store/historystore.h"

#include <QList>
#include <QUuid>
#include <QWidget>
#include <functional>

class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;
class QTimer;
class HistoryDecorationProxy;
namespace Nh {
class HistoryFilterModel;
class HistoryModel;
class ProfileStore;
} // namespace Nh

/**
 * The history of every exchange (issue #7, over issue #6's store and models): a search box
 * (free text, FTS5 when the file has it), filters by profile, status, format, time and pinned,
 * and the table, loaded page by page as it scrolls. Selecting a row loads the whole exchange
 * from the file and emits exchangeSelected(). Re-send, compare two, pin, label, delete
 * (confirmed) and export (curl, JSON, HAR through core's ExchangeExport: never a key) act on the
 * selected rows.
 */
class HistoryPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryPanel)

public:
    using ExportFormat = Nh::ExportFormat;
    enum class TimeRange { Any, LastHour, LastDay, LastWeek, LastMonth };

    /** Neither pointer is owned; `profiles` may be null (no profile filter). */
    HistoryPanel(Nh::HistoryStore *store, Nh::ProfileStore *profiles, QWidget *parent = nullptr);

    Nh::HistoryModel *model() const { return m_model; }
    Nh::HistoryFilterModel *filterModel() const { return m_filter; }
    QTableView *table() const { return m_table; }
    QLineEdit *searchEdit() const { return m_search; }
    /** Rows shown (fetched so far and passing the filter). */
    int rowCount() const;
    /** The exchange id of shown row `row`. */
    QUuid idAt(int row) const;

    /** Selects the row of `id` (fetching pages until found); false when it is not shown. */
    bool selectExchange(const QUuid &id);
    /**
     * No row is current: the window shows an exchange the history has not written yet. Clicking
     * the row that was current then opens it again (it would do nothing were it still current).
     */
    void clearSelection();
    /**
     * Shows the exchanges of `store` from now on (the console opens its history after its
     * window is shown); null shows none. The filters stay.
     */
    void setStore(Nh::HistoryStore *store);
    void selectRows(const QList<int> &rows);
    QList<QUuid> selectedIds() const;

    /** Sets the filters the way the controls do (tests and the window use them). */
    void setSearchText(const QString &text);
    void setProfileFilter(const QString &profileId);
    void setStatusFilter(Nh::HistoryStatuses statuses);
    void setFormatFilter(const QString &wireName);
    void setTimeRange(TimeRange range);

    /** The table's header state (column widths, order, hidden columns, sort) for the
     *  settings. */
    QByteArray headerState() const;
    bool restoreHeaderState(const QByteArray &state);

    /**
     * Signs a fresh Authorization value for a stored exchange (the current profile's token for
     * its hub), or returns an empty string when it cannot (another hub, no key): the curl export
     * then keeps the ${NH_SAS_TOKEN} placeholder. Never given a key; see Nh::CurlOptions.
     */
    using TokenSigner = Nh::CurlOptions::PerRecord;
    void setTokenSigner(TokenSigner signer);
    /** Which certificate file curl must trust for a stored exchange; see Nh::CurlOptions. */
    void setCertificateLookup(Nh::CurlOptions::PerRecord lookup)
    {
        m_certificateLookup = std::move(lookup);
    }

    /** Writes the exchanges `ids` to `path` as `format`; `freshTokens` signs each curl command
     *  with the token signer instead of the placeholder. Errors name the file. */
    Nh::Status exportTo(const QList<QUuid> &ids, ExportFormat format, const QString &path,
                        bool freshTokens = false) const;

    QAction *resendAction() const { return m_resendAction; }
    QAction *compareAction() const { return m_compareAction; }
    /** "Diagnose a Device with This Send…" (issue #19): diagnoseRequested(). */
    QAction *diagnoseAction() const { return m_diagnoseAction; }
    QAction *pinAction() const { return m_pinAction; }
    QAction *labelAction() const { return m_labelAction; }
    QAction *deleteAction() const { return m_deleteAction; }
    QAction *exportCurlAction() const { return m_exportCurlAction; }
    QAction *exportCurlTokenAction() const { return m_exportCurlTokenAction; }
    QAction *exportJsonAction() const { return m_exportJsonAction; }
    QAction *exportHarAction() const { return m_exportHarAction; }

    QSize sizeHint() const override;
    /**
     * sizeHint()'s height, for a panel made later in `context`'s window: the window's skeleton
     * gives the History dock this height before the panel exists (docs/architecture.md,
     * "Start-up").
     */
    static int initialHeight(const QWidget *context);

public slots:
    void focusSearch();
    void resendSelected();
    void compareSelected();
    /** The selected exchange, loaded, to diagnoseRequested(). */
    void diagnoseSelected();
    void togglePinSelected();
    void labelSelected();
    /** Asks first (a message box), then removes the selected exchanges from the file. */
    void deleteSelected();
    void exportSelected(ExportFormat format, bool freshTokens = false);
    /** Re-reads the profile names of the profile filter. */
    void reloadProfiles();

signals:
    /** The whole record of the row that became current, loaded from the file. */
    void exchangeSelected(const Nh::HistoryRecord &record);
    void resendRequested(const Nh::HistoryRecord &record);
    /** Diagnose a device with this exchange as the send that did not arrive. */
    void diagnoseRequested(const Nh::HistoryRecord &record);
    /** A one-line note for the status bar. */
    void message(const QString &text);

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateSearchPlaceholder();
    void buildActions();
    void applyTimeRange();
    void onCurrentChanged();
    void updateActions();
    void updateCount();
    int sourceRow(int row) const;
    Nh::Result<QList<Nh::HistoryRecord>> load(const QList<QUuid> &ids) const;

    Nh::HistoryStore *m_store;
    Nh::ProfileStore *m_profiles;
    Nh::HistoryModel *m_model = nullptr;
    Nh::HistoryFilterModel *m_filter = nullptr;
    HistoryDecorationProxy *m_decoration = nullptr;
    QLineEdit *m_search = nullptr;
    QTimer *m_searchDelay = nullptr;
    QComboBox *m_profileCombo = nullptr;
    QComboBox *m_statusCombo = nullptr;
    QComboBox *m_formatCombo = nullptr;
    QComboBox *m_timeCombo = nullptr;
    QCheckBox *m_pinnedCheck = nullptr;
    QLabel *m_countLabel = nullptr;
    QTableView *m_table = nullptr;
    QUuid m_current;
    TokenSigner m_signer;
    Nh::CurlOptions::PerRecord m_certificateLookup;

    QAction *m_resendAction = nullptr;
    QAction *m_compareAction = nullptr;
    QAction *m_diagnoseAction = nullptr;
    QAction *m_pinAction = nullptr;
    QAction *m_labelAction = nullptr;
    QAction *m_deleteAction = nullptr;
    QAction *m_exportCurlAction = nullptr;
    QAction *m_exportCurlTokenAction = nullptr;
    QAction *m_exportJsonAction = nullptr;
    QAction *m_exportHarAction = nullptr;
};
