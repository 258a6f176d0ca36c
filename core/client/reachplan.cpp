// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "reachplan.h"

#include "protocol/tagexpression.h"

#include <algorithm>
#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

/**
 * The plan's tree: a listing, or parts of which every one (`||`) or any one (`&&`) must be
 * complete. Built once, never changed.
 */
struct ReachPlan::Node
{
    enum class Kind { Listing, All, Any };
    Kind kind = Kind::Listing;
    ReachPlan::Listing listing;
    QList<std::shared_ptr<const Node>> parts;
};

namespace {

using NodePtr = std::shared_ptr<const ReachPlan::Node>;

NodePtr leaf(ReachPlan::Listing listing)
{
    auto node = std::make_shared<ReachPlan::Node>();
    node->listing = std::move(listing);
    return node;
}

/** The plan of one subexpression; nullopt when no listing holds all it can match (`!a`). */
std::optional<NodePtr> plan(const TagExpression::Term &term)
{
    using Kind = TagExpression::Term::Kind;
    switch (term.kind) {
    case Kind::Tag: {
        ReachPlan::Listing listing;
        listing.kind = ReachPlan::Listing::Kind::ByTag;
        listing.tag = term.tag;
        return leaf(listing);
    }
    case Kind::Not:
        return std::nullopt;
    case Kind::Or: {
        // Everything either side matches: each side must have a plan.
        auto node = std::make_shared<ReachPlan::Node>();
        node->kind = ReachPlan::Node::Kind::All;
        for (const TagExpression::Term &operand : term.operands) {
            auto part = plan(operand);
            if (!part)
                return std::nullopt;
            node->parts.append(*part);
        }
        if (node->parts.isEmpty())
            return std::nullopt;
        return node->parts.size() == 1 ? node->parts.constFirst() : NodePtr(node);
    }
    case Kind::And: {
        // A match matches every side: any side's plan holds it; the sides without one filter.
        auto node = std::make_shared<ReachPlan::Node>();
        node->kind = ReachPlan::Node::Kind::Any;
        for (const TagExpression::Term &operand : term.operands) {
            if (auto part = plan(operand))
                node->parts.append(*part);
        }
        if (node->parts.isEmpty())
            return std::nullopt;
        return node->parts.size() == 1 ? node->parts.constFirst() : NodePtr(node);
    }
    }
    return std::nullopt;
}

bool covered(const ReachPlan::Node &node, const QSet<QString> &complete)
{
    switch (node.kind) {
    case ReachPlan::Node::Kind::Listing:
        return complete.contains(node.listing.key());
    case ReachPlan::Node::Kind::All:
        return std::all_of(node.parts.cbegin(), node.parts.cend(),
                           [&](const NodePtr &p) { return covered(*p, complete); });
    case ReachPlan::Node::Kind::Any:
        return std::any_of(node.parts.cbegin(), node.parts.cend(),
                           [&](const NodePtr &p) { return covered(*p, complete); });
    }
    return false;
}

void appendOnce(QList<ReachPlan::Listing> &out, const ReachPlan::Listing &listing)
{
    const QString key = listing.key();
    if (std::none_of(out.cbegin(), out.cend(),
                     [&](const ReachPlan::Listing &l) { return l.key() == key; }))
        out.append(listing);
}

/** Listings below `node`; with `complete`, only those still worth fetching. */
void collect(const ReachPlan::Node &node, const QSet<QString> *complete,
             QList<ReachPlan::Listing> &out)
{
    if (complete && covered(node, *complete))
        return;
    if (node.kind == ReachPlan::Node::Kind::Listing) {
        appendOnce(out, node.listing);
        return;
    }
    for (const NodePtr &part : node.parts)
        collect(*part, complete, out);
}

} // namespace

QString ReachPlan::Listing::key() const
{
    switch (kind) {
    case Kind::All:
        return u"all"_s;
    case Kind::ByTag:
        return u"tag:"_s + tag.toCaseFolded();
    case Kind::ByChannel:
        return u"channel:"_s + HubClient::channelFilter(platform, handle);
    }
    return {};
}

HubClient::ListQuery ReachPlan::Listing::query() const
{
    HubClient::ListQuery query;
    if (kind == Kind::ByTag)
        query.tag = tag;
    else if (kind == Kind::ByChannel)
        query.filter = HubClient::channelFilter(platform, handle);
    return query;
}

QString ReachPlan::Listing::describe() const
{
    switch (kind) {
    case Kind::All:
        return tr("every registration of the hub");
    case Kind::ByTag:
        return tr("the registrations tagged %1").arg(tag);
    case Kind::ByChannel:
        return tr("the registrations with handle %1").arg(handle);
    }
    return {};
}

ReachPlan ReachPlan::everything()
{
    ReachPlan p;
    p.m_root = leaf(Listing {});
    return p;
}

ReachPlan ReachPlan::forExpression(const TagExpression *expression)
{
    if (!expression)
        return everything();
    const auto root = plan(expression->term());
    if (!root)
        return everything();
    ReachPlan p;
    p.m_root = *root;
    return p;
}

ReachPlan ReachPlan::forHandles(Platform platform, const QStringList &handles)
{
    auto node = std::make_shared<Node>();
    node->kind = Node::Kind::All;
    for (const QString &handle : handles) {
        Listing listing;
        listing.kind = Listing::Kind::ByChannel;
        listing.platform = platform;
        listing.handle = handle;
        node->parts.append(leaf(listing));
    }
    ReachPlan p;
    p.m_root = node;
    return p;
}

bool ReachPlan::isEverything() const
{
    return m_root->kind == Node::Kind::Listing && m_root->listing.kind == Listing::Kind::All;
}

QList<ReachPlan::Listing> ReachPlan::listings() const
{
    QList<Listing> out;
    collect(*m_root, nullptr, out);
    return out;
}

bool ReachPlan::isCoveredBy(const QSet<QString> &completeKeys) const
{
    return completeKeys.contains(Listing {}.key()) || covered(*m_root, completeKeys);
}

QList<ReachPlan::Listing> ReachPlan::wanted(const QSet<QString> &completeKeys) const
{
    QList<Listing> out;
    if (!isCoveredBy(completeKeys))
        collect(*m_root, &completeKeys, out);
    return out;
}

QString ReachPlan::describe() const
{
    const QList<Listing> all = listings();
    QStringList parts;
    for (const Listing &l : all)
        parts << l.describe();
    return parts.join(tr(", "));
}

} // namespace Nh
