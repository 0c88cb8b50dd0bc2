// Left unlinking. A lazy node (network_lazy_nodes.cpp: a join, or an `exists` of one
// pattern) whose alpha memory has had no fact yet would get a token each time its parent
// passes one on, and would pass nothing on itself. Such a node starts unlinked: it gets
// no tokens until its alpha memory gets its first fact; then it is linked for the rest of
// the session. So a change that reaches a node with many such children costs little.
//
// The order of the lists those tokens would be in must not change: a parent token's
// children and a fact's tokens give the order of deletions, which reaches truth
// maintenance and the order of new activations, and a left memory gives the order of
// matches. Nothing happens between the tokens the eager code makes for a run of unlinked
// children (none passes anything on), so the parent makes one placeholder instead, in
// the run's place in both lists, covering the run's children. Linking a node splits
// each placeholder that covers it, oldest first, into the node's real token and
// placeholders for the rest of the run, all in the run's place: the node's left memory
// ends up as it would have been, newest first.
#include <algorithm>

#include <boost/container/small_vector.hpp>

#include "engine/matcher.hpp"

namespace koers::engine {

namespace {

// Whether a placeholder whose first child is `first` stands for child `index`.
bool covers(const Token* placeholder, const Node& first, std::uint32_t index)
{
    return first.child_index <= index && index <= placeholder->state.last_child;
}

// Links `token` into the lists `beside` is in (its parent's children or body, its fact's
// tokens), just before it (nearer the head: made later) or just after it.
void link_beside(Token* token, Token* beside, bool before)
{
    token->parent = beside->parent;
    token->flags |= beside->flags & token_sub;
    if (Token* parent = beside->parent; parent != nullptr) {
        Token*& head = (beside->flags & token_sub) != 0 ? parent->first_sub : parent->first_child;
        Token* prev = before ? beside->prev_sibling : beside;
        Token* next = before ? beside : beside->next_sibling;
        token->prev_sibling = prev;
        token->next_sibling = next;
        if (prev != nullptr) prev->next_sibling = token;
        else head = token;
        if (next != nullptr) next->prev_sibling = token;
    }
    if (Fact* fact = beside->fact; fact != nullptr) {
        Token* prev = before ? beside->fact_prev : beside;
        Token* next = before ? beside : beside->fact_next;
        token->fact_prev = prev;
        token->fact_next = next;
        if (prev != nullptr) prev->fact_next = token;
        else fact->tokens = token;
        if (next != nullptr) next->fact_prev = token;
    }
}

// A node's placeholders, newest first, through Token::link: `placeholder` goes before
// `next`, or first when `next` is null.
void insert_placeholder(Token*& head, Token* placeholder, Token* next)
{
    Token* prev = next != nullptr ? next->link.prev : nullptr;
    placeholder->link.prev = prev;
    placeholder->link.next = next != nullptr ? next : head;
    if (placeholder->link.next != nullptr) placeholder->link.next->link.prev = placeholder;
    if (prev != nullptr) prev->link.next = placeholder;
    else head = placeholder;
}

void remove_placeholder(Token*& head, Token* placeholder)
{
    if (placeholder->link.prev != nullptr) placeholder->link.prev->link.next = placeholder->link.next;
    else head = placeholder->link.next;
    if (placeholder->link.next != nullptr) placeholder->link.next->link.prev = placeholder->link.prev;
}

}  // namespace

void Matcher::emit_to_unlinked_children(NodeId id, const Node& node, NodeMemory& memory, Token* parent, Fact* fact,
                                        bool sub)
{
    memory.peak_passes = std::max(memory.peak_passes, passes(node, memory) + 1);
    // Linking happens only as a fact enters an alpha memory, never while tokens pass.
    std::uint32_t next = 0;
    const auto place_run = [&](std::uint32_t end) {
        if (next == end) return;
        Token* placeholder = make_placeholder(id, parent, fact, next, end - 1);
        link_token(placeholder, parent, sub);
        insert_placeholder(memory.placeholders, placeholder, nullptr);
        if (next == node.first_lazy_child) ++memory.first_lazy_placeholders;
    };
    for (const std::uint32_t index : memory.linked_children) {
        place_run(index);
        emit(node.children[index], parent, fact, sub);
        next = index + 1;
    }
    place_run(static_cast<std::uint32_t>(node.children.size()));
}

// Each pass of a node makes its first lazy child one token or placeholder, and they go
// together: those count the passes that stand.
std::uint32_t Matcher::passes(const Node& node, const NodeMemory& memory) const
{
    const NodeMemory* first = find_node_memory(node.children[node.first_lazy_child]);
    return memory.first_lazy_placeholders + (first != nullptr ? first->tokens : 0);
}

Token* Matcher::make_placeholder(NodeId id, Token* parent, Fact* fact, std::uint32_t first, std::uint32_t last)
{
    const NodeId child = net_.node(id).children[first];
    Token* placeholder = make_token(child, net_.node(child).depth, parent, fact);
    placeholder->flags = token_placeholder;
    placeholder->state.last_child = last;
    return placeholder;
}

void Matcher::delete_placeholder(Token* placeholder)
{
    const Node& first = net_.node(placeholder->node);
    NodeMemory& memory = node_memory(first.parent);
    if (first.child_index == net_.node(first.parent).first_lazy_child) --memory.first_lazy_placeholders;
    drop_placeholder(memory, placeholder);
}

void Matcher::drop_placeholder(NodeMemory& memory, Token* placeholder)
{
    unlink_token(placeholder);
    remove_placeholder(memory.placeholders, placeholder);
    tokens_.release(placeholder, placeholder->depth);
}

void Matcher::link_node(NodeId id, const Node& node)
{
    NodeMemory& memory = node_memory(id);
    if (memory.linked) return;
    memory.linked = true;
    NodeMemory& parent = node_memory(node.parent);
    std::vector<std::uint32_t>& linked = parent.linked_children;
    linked.insert(std::lower_bound(linked.begin(), linked.end(), node.child_index), node.child_index);
    parent.unlinked_children = linked.size() < net_.node(node.parent).children.size();
    // Each pass of the parent left a token here: the left memory would have grown to hold
    // as many as stood at once.
    memory.left.grow_for(parent.peak_passes, meter_);
    boost::container::small_vector<Token*, 8> covering;
    for (Token* placeholder = parent.placeholders; placeholder != nullptr; placeholder = placeholder->link.next) {
        if (covers(placeholder, net_.node(placeholder->node), node.child_index)) covering.push_back(placeholder);
    }
    for (auto placeholder = covering.rbegin(); placeholder != covering.rend(); ++placeholder) {
        realise(id, node, memory, parent, *placeholder);
    }
}

// Puts the node's token where the placeholder stands. In the lists, the tokens of a run
// stand last child first (each went in at the head), so the children after the node's
// go before its token and those before it after.
void Matcher::realise(NodeId id, const Node& node, NodeMemory& memory, NodeMemory& parent, Token* placeholder)
{
    const std::uint32_t index = node.child_index;
    const std::uint32_t first = net_.node(placeholder->node).child_index;
    const std::uint32_t last = placeholder->state.last_child;
    Token* token = make_token(id, node.depth, placeholder->parent, placeholder->fact);
    token->state.blocker = nullptr;  // a negative: no fact has matched it
    if (first == index) {
        if (index == net_.node(node.parent).first_lazy_child) --parent.first_lazy_placeholders;
        link_beside(token, placeholder, false);
        if (last == index) drop_placeholder(parent, placeholder);
        else placeholder->node = net_.node(node.parent).children[index + 1];
    } else {
        link_beside(token, placeholder, true);
        placeholder->state.last_child = index - 1;
        if (last > index) {
            Token* rest = make_placeholder(node.parent, placeholder->parent, placeholder->fact, index + 1, last);
            link_beside(rest, token, true);
            insert_placeholder(parent.placeholders, rest, placeholder);
        }
    }
    memory.left.push_front(token, direct_left_hash(node, token->facts()), meter_);
    ++memory.tokens;
}

bool Matcher::unlinked(NodeId id) const
{
    if (!net_.node(id).lazy) return false;
    const NodeMemory* memory = find_node_memory(id);
    return memory == nullptr || !memory->linked;
}

std::uint32_t Matcher::tokens_at(NodeId id) const
{
    if (!unlinked(id)) {
        const NodeMemory* memory = find_node_memory(id);
        return memory != nullptr ? memory->tokens : 0;
    }
    const Node& parent = net_.node(net_.node(id).parent);
    const NodeMemory* memory = find_node_memory(net_.node(id).parent);
    return memory != nullptr ? passes(parent, *memory) : 0;
}

// A left memory visits its buckets in turn, newest first within each; the bucket count
// follows the most tokens it held at once, which for an unlinked node is the parent's
// peak of passes.
std::vector<const Token*> Matcher::placeholders_in_join_order(NodeId id) const
{
    const Node& node = net_.node(id);
    const NodeMemory* parent = find_node_memory(node.parent);
    if (parent == nullptr) return {};
    const std::size_t buckets = TokenIndex::bucket_count(!node.keys.empty(), parent->peak_passes);
    std::vector<std::pair<std::size_t, const Token*>> found;
    for (const Token* placeholder = parent->placeholders; placeholder != nullptr; placeholder = placeholder->link.next) {
        if (!covers(placeholder, net_.node(placeholder->node), node.child_index)) continue;
        found.emplace_back(direct_left_hash(node, placeholder->facts()) & (buckets - 1), placeholder);
    }
    std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<const Token*> tokens;
    tokens.reserve(found.size());
    for (const auto& [bucket, placeholder] : found) tokens.push_back(placeholder);
    return tokens;
}

}  // namespace koers::engine
