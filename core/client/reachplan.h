// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/hubclient.h"
#include "protocol/platform.h"

#include <QCoreApplication>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>
#include <memory>

namespace Nh {

class TagExpression;

/**
 * Which of the hub's listings hold every registration a send can reach (docs/reach.md), so that
 * a preview fetches what the answer needs rather than the whole hub.
 *
 * - A tag expression is planned from its tree: a tag needs its by-tag listing; `a || b` needs
 *   the listings of both sides; `a && b` needs those of either side (whichever is complete
 *   first: the fetch races them); `!a` needs nothing it could fetch. An expression with no such
 *   plan (negations alone) falls back to the full listing, as does a broadcast.
 * - A direct send to device handles needs the by-channel listing of each handle.
 *
 * Once the listings a plan needs are complete, evaluating the expression locally (Nh::reaches())
 * over the registrations fetched gives the exact reach. A ReachPlan is a value; ReachQuery runs
 * it.
 */
class ReachPlan
{
    Q_DECLARE_TR_FUNCTIONS(Nh::ReachPlan)

public:
    /** One listing of the hub: all, by tag, or by channel. Equal when they list the same. */
    struct Listing
    {
        enum class Kind { All, ByTag, ByChannel };
        Kind kind = Kind::All;
        QString tag; ///< ByTag, as written in the expression
        Platform platform = Platform::Apple; ///< ByChannel
        QString handle; ///< ByChannel

        /** Identifies the listing: tags compare case-insensitively (docs/protocol.md §6.1). */
        QString key() const;
        /** The query that asks for its first page. */
        HubClient::ListQuery query() const;
        /** "registrations tagged sports", for notes. */
        QString describe() const;
    };

    /** The full listing: a broadcast, or an expression no listing narrows down. */
    static ReachPlan everything();
    /** The plan for `expression`; a null pointer is a broadcast. */
    static ReachPlan forExpression(const TagExpression *expression);
    /** The plan for a direct send to `handles` on `platform`. */
    static ReachPlan forHandles(Platform platform, const QStringList &handles);

    /** Whether the plan is the full listing. */
    bool isEverything() const;
    /** Every listing the plan may fetch, each once, in the order of the expression. */
    QList<Listing> listings() const;
    /**
     * Whether listings complete so far (by key()) hold every registration the send can reach.
     * A complete full listing covers any plan.
     */
    bool isCoveredBy(const QSet<QString> &completeKeys) const;
    /**
     * The listings worth fetching next, given those complete: for `a && b` both sides (they
     * race), for `a || b` the sides not complete yet. Empty once covered.
     */
    QList<Listing> wanted(const QSet<QString> &completeKeys) const;
    /** What the plan fetches, for a note: "registrations tagged a, or tagged b". */
    QString describe() const;

    struct Node;

private:
    std::shared_ptr<const Node> m_root;
};

} // namespace Nh
