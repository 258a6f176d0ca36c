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
/** The "version" of toJson()'s object; raised when a member changes meaning or goes away. */
inline constexpr int kJsonVersion = 1;
/** A support ticket's text: title with subject and hub, verdict line, a table of the checks,
 *  each check's summary, details, next step and evidence, then the requests (redacted headers). */
QByteArray toMarkdown(const DiagnosisReport &report);
/** The whole report as README.md ("Diagnose a device") documents it. */
QJsonObject toJson(const DiagnosisReport &report);
} // namespace DiagnosisExport

} // namespace Nh
