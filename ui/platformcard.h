// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "hubcards.h"

#include <QFrame>

/**
 * One platform of the Hub page (issue #17): its title, configured or not, the mode and the
 * APNs environment badge, the certificate's expiry countdown, the non-secret properties and the
 * findings of the checks with their severity icon and what to do. objectName "platformCard-<kind>"
 * (the credential's element name, e.g. "platformCard-ApnsCredential").
 */
class PlatformCard final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlatformCard)

public:
    explicit PlatformCard(const PlatformCardData &data, QWidget *parent = nullptr);

    const PlatformCardData &data() const { return m_data; }

signals:
    /** The card's Remove button: save the hub without this credential (after a confirmation). */
    void removeRequested(Nh::PnsCredentialKind kind);
    /** The card's Edit button (kinds CredentialDialog supports). */
    void editRequested(Nh::PnsCredentialKind kind);

public:
    /** One finding as a row: its severity icon, its sentence and the fix. */
    static QWidget *findingRow(const Nh::HubFinding &finding, QWidget *parent);

protected:
    /** Keeps the card as tall as its wrapped sentences need at its width (layouts in a scroll
     *  area size it from its width-less size hint otherwise, and cut them). */
    void resizeEvent(QResizeEvent *event) override;

private:
    PlatformCardData m_data;
};
