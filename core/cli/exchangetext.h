// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/textrenderer.h"
#include "client/exchange.h"
#include "client/explainer.h"

#include <QJsonObject>
#include <QString>

namespace Nh {

/** {cause, nextStep, docsHint} or an empty object. */
QJsonObject explanationToJson(const Explanation &explanation);

/** Method and URL, the request headers as built (redacted), then the body. */
TextPanel requestPanel(const Exchange &exchange);
/** Status, result, timings, ids, and the parsed outcome (or the error) of the response. */
TextPanel responsePanel(const Exchange &exchange);

/**
 * The exchange as the GUI's exchange view shows it: request and response side by side (or
 * stacked on a narrow terminal), then the error sentence and the explanation when it failed.
 * An exchange refused before sending (ExchangeResult::Invalid) prints only the located error.
 */
QString exchangeText(const Exchange &exchange, const TextRenderer &renderer);

/** `text` with a caret line under `offset` (QChar units), for located errors in one line. */
QString caretLines(const QString &text, qsizetype offset, qsizetype length);

} // namespace Nh
