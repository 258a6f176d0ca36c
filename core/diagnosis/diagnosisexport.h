// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "diagnosis/diagnosis.h"

#include <QByteArray>
#include <QJsonObject>

namespace Nh {

/**
 * A diagnosis as a support ticket wants it (issue #19): Markdown and JSON (the JSON form is
 * documented in README.md and docs/diagnosis.md). Secrets redacted: no key, signature or PNS
 * credential, whatever the evidence held; the payloads and handles stay (they are what is
 * being diagnosed).
 */
namespace DiagnosisExport {
QByteArray toMarkdown(const DiagnosisReport &report);
QJsonObject toJson(const DiagnosisReport &report);
} // namespace DiagnosisExport

} // namespace Nh
