// Builds the parse tree while PEGTL matches, as a control class: a rule the selector
// keeps becomes a node when it succeeds, with the nodes its sub-rules made as children;
// a rule that fails drops the nodes made since it started. Nodes live in vectors that
// are reused from one declaration to the next, so parsing allocates almost nothing.
#pragma once

#include <cstdint>
#include <vector>

#include <tao/pegtl.hpp>

#include "grammar/tree_node.hpp"
#include "grammar/tree_selector.hpp"

namespace koers {

class TreeBuilder {
public:
    // Forgets the nodes of the previous declaration, also after a parse error.
    void reset();

    void open_group() { marks_.push_back(static_cast<std::uint32_t>(pending_.size())); }
    void keep_group() { marks_.pop_back(); }
    void drop_group()
    {
        pending_.resize(marks_.back());
        marks_.pop_back();
    }

    void open_node(const TextPosition& begin)
    {
        open_group();
        begins_.push_back(begin);
    }
    void drop_node()
    {
        drop_group();
        begins_.pop_back();
    }
    // The node of a rule that succeeded; `end` has null data for a node without text.
    void keep_node(const char* rule, const TextPosition& end);
    // A folded rule: one child stands for it, several get a node without text.
    void keep_folded(const char* rule)
    {
        if (pending_.size() - marks_.back() == 1) {
            marks_.pop_back();
            begins_.pop_back();
            return;
        }
        keep_node(rule, TextPosition{});
    }

    // The top-level nodes of the parse, once every node's children are in place.
    TreeChildren finish();

private:
    std::vector<TreeNode> nodes_;
    std::vector<std::uint32_t> first_child_;    // per node, into children_
    std::vector<std::uint32_t> children_;       // node indices, each node's children together
    std::vector<std::uint32_t> pending_;        // nodes made but not yet given a parent
    std::vector<std::uint32_t> marks_;          // size of pending_ when each open rule started
    std::vector<TextPosition> begins_;          // where each open kept rule started
    std::vector<const TreeNode*> child_nodes_;  // children_ as pointers, made by finish()
};

namespace grammar {

enum class TreeRole { none, group, kept, folded };

// Whether a rule, or a rule it is made of, can make a node; `Depth` bounds the search
// through recursive rules, past which the answer is yes.
template <typename Rule, unsigned Depth>
constexpr bool may_make_nodes();

template <unsigned Depth, typename... Subs>
constexpr bool any_may_make_nodes(tao::pegtl::type_list<Subs...> /*subs*/)
{
    if constexpr (Depth == 0) return sizeof...(Subs) != 0;
    else return (may_make_nodes<Subs, Depth - 1>() || ...);
}

template <typename Rule, unsigned Depth>
constexpr bool may_make_nodes()
{
    if constexpr (kept_rules::contains<Rule> || folded_rules::contains<Rule>) return true;
    else return any_may_make_nodes<Depth>(typename Rule::subs_t{});
}

template <typename Rule>
inline constexpr TreeRole tree_role = kept_rules::contains<Rule>     ? TreeRole::kept
                                      : folded_rules::contains<Rule> ? TreeRole::folded
                                      : may_make_nodes<Rule, 8>()   ? TreeRole::group
                                                                     : TreeRole::none;

// The control of a parse that builds a tree: Base's behaviour, plus the tree kept in
// the `tree` member of the first parse state.
template <template <typename...> class Base, typename Rule>
struct tree_building : Base<Rule> {
    static constexpr TreeRole role = tree_role<Rule>;

    template <typename ParseInput>
    static TextPosition position(const ParseInput& in)
    {
        const auto& at = in.iterator();
        return TextPosition{at.data, static_cast<std::uint32_t>(at.byte), static_cast<std::uint32_t>(at.line),
                            static_cast<std::uint32_t>(at.column)};
    }

    template <typename ParseInput, typename State, typename... States>
    static void start(const ParseInput& in, State& state, States&&... st)
    {
        if constexpr (role == TreeRole::group) state.tree.open_group();
        else if constexpr (role != TreeRole::none) state.tree.open_node(position(in));
        Base<Rule>::start(in, state, st...);
    }

    template <typename ParseInput, typename State, typename... States>
    static void success(const ParseInput& in, State& state, States&&... st)
    {
        if constexpr (role == TreeRole::group) state.tree.keep_group();
        else if constexpr (role == TreeRole::kept) state.tree.keep_node(&rule_tag<Rule>, position(in));
        else if constexpr (role == TreeRole::folded) state.tree.keep_folded(&rule_tag<Rule>);
        Base<Rule>::success(in, state, st...);
    }

    template <typename ParseInput, typename State, typename... States>
    static void failure(const ParseInput& in, State& state, States&&... st)
    {
        if constexpr (role == TreeRole::group) state.tree.drop_group();
        else if constexpr (role != TreeRole::none) state.tree.drop_node();
        Base<Rule>::failure(in, state, st...);
    }
};

}  // namespace grammar
}  // namespace koers
