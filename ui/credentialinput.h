// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A platform's credential from what people paste or pick (issue #17): a .p8 key with its ids,
// a .p12 with its password, a Firebase service-account JSON, WNS and VAPID values. The property
// names and endpoints are those of docs/protocol.md §14 and docs/hub-checks.md.

#include "common/result.h"
#include "protocol/hubdescription.h"

#include <QByteArray>
#include <QString>

/** APNs environment a new credential is saved for. */
enum class ApnsTarget { Sandbox, Production };

/** Token mode: the .p8 text (PEM lines and white space dropped), key id, team id, bundle id. */
Nh::Result<Nh::PnsCredential> apnsTokenCredential(const QString &p8, const QString &keyId,
                                                  const QString &teamId, const QString &bundleId,
                                                  ApnsTarget target);
/** Certificate mode: the .p12 file's bytes and password (read first, so a wrong password or a
 *  file without key is refused here, not by the hub). */
Nh::Result<Nh::PnsCredential> apnsCertificateCredential(const QByteArray &p12,
                                                        const QString &password, ApnsTarget target);
/** FCM v1 from the Firebase service-account JSON (project_id, client_email, private_key). */
Nh::Result<Nh::PnsCredential> fcmV1Credential(const QByteArray &serviceAccountJson);
/** WNS: the package SID and its secret. */
Nh::Result<Nh::PnsCredential> wnsCredential(const QString &packageSid, const QString &secret);
/** Browser (VAPID): subject (mailto: or https:), public and private key. */
Nh::Result<Nh::PnsCredential> browserCredential(const QString &subject, const QString &publicKey,
                                                const QString &privateKey);

/** `description` with `credential` in place of the one of its kind (appended when absent). */
Nh::HubDescription withCredential(Nh::HubDescription description,
                                  const Nh::PnsCredential &credential);
