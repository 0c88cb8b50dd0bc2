// Builds the parse tree while PEGTL matches, as a control class: a rule the selector
// keeps becomes a node when it succeeds, with the nodes its sub-rules made as children;
// a rule that fails drops the nodes made since it started. Nodes live in vectors that
// are reused from one declaration to the next, so parsing allocates almost nothing.
#pragma once

#include <cstddef>
#include <cstdint>
#include <type_traits>
#include <vector>

#include <tao/pegtl.hpp>

#include "grammar/tree_node.hpp"
#include "grammar/tree_selector.hpp"

namespace koers {

class TreeBuilder {
public:
    // Forgets the nodes of the previous declaration, also after a parse error.
    void reset();

    [[gnu::always_inline]] void open_group()
    {
        if (open_ == marks_.size()) grow(marks_, open_);
        marks_[open_++] = pending_count_;
    }
    void keep_group() { --open_; }
    void drop_group() { pending_count_ = marks_[--open_]; }

    void open_node(const TextPosition& begin)
    {
        if (open_ >= begins_.size()) grow(begins_, open_);
        begins_[open_] = begin;
        open_group();
    }
    // The node of a rule that succeeded; `end` has null data for a node without text.
    void keep_node(const char* rule, const TextPosition& end);
    // A folded rule: one child stands for it, several get a node without text.
    void keep_folded(const char* rule)
    {
        if (pending_count_ - marks_[open_ - 1] == 1) {
            --open_;
            return;
        }
        keep_node(rule, TextPosition{});
    }

    // The top-level nodes of the parse, once every node's children are in place.
    TreeChildren finish();

private:
    // Makes room for item `index` and more.
    template <typename Item>
    static void grow(std::vector<Item>& stack, std::size_t index)
    {
        stack.resize(index * 2 + 64);
    }

    std::vector<TreeNode> nodes_;
    std::vector<std::uint32_t> first_child_;    // per node, into children_
    std::vector<std::uint32_t> children_;       // node indices, each node's children together
    std::vector<const TreeNode*> child_nodes_;  // children_ as pointers, made by finish()
    // Stacks that only grow: their sizes are the counts below.
    std::vector<std::uint32_t> pending_;  // nodes made but not yet given a parent
    std::uint32_t pending_count_ = 0;
    std::vector<std::uint32_t> marks_;    // pending_count_ when each open rule started
    std::vector<TextPosition> begins_;    // where each open rule started (kept rules only)
    std::uint32_t open_ = 0;
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

// Rules that never fail (they match nothing or throw).
template <typename Implementation>
inline constexpr bool never_fails = false;
template <typename Rule>
inline constexpr bool never_fails<tao::pegtl::internal::opt<Rule>> = true;
template <typename Rule>
inline constexpr bool never_fails<tao::pegtl::internal::star<Rule>> = true;
template <typename Rule>
inline constexpr bool never_fails<tao::pegtl::internal::must<Rule>> = true;

template <typename Rule>
constexpr bool may_fail()
{
    return !never_fails<typename Rule::rule_t>;
}

// Whether a rule that fails leaves no nodes behind without a mark of its own, because
// its sub-rules drop theirs. Unknown kinds of rules take a mark.
template <typename Implementation>
struct cleans_up : std::false_type {};

template <typename Rule>
constexpr bool leaves_nothing_on_failure()
{
    return tao::pegtl::internal::enable_control<Rule> || !may_make_nodes<Rule, 8>() || !may_fail<Rule>() ||
           cleans_up<typename Rule::rule_t>::value;
}

// A sequence also leaves nodes when a sub-rule that made some is followed by one that fails.
template <typename... Rules>
struct cleans_up<tao::pegtl::internal::seq<Rules...>> {
    static constexpr bool no_failure_after_nodes()
    {
        constexpr bool makes[] = {may_make_nodes<Rules, 8>()..., false};
        constexpr bool fails[] = {may_fail<Rules>()..., false};
        bool made = false;
        for (std::size_t i = 0; i < sizeof...(Rules); ++i) {
            if (made && fails[i]) return false;
            made = made || makes[i];
        }
        return true;
    }
    static constexpr bool value = no_failure_after_nodes() && (leaves_nothing_on_failure<Rules>() && ...);
};

template <typename... Rules>
struct cleans_up<tao::pegtl::internal::sor<Rules...>>
    : std::bool_constant<(leaves_nothing_on_failure<Rules>() && ...)> {};

template <typename Rule>
inline constexpr TreeRole tree_role =
    kept_rules::contains<Rule>                                                      ? TreeRole::kept
    : folded_rules::contains<Rule>                                                  ? TreeRole::folded
    : may_make_nodes<Rule, 8>() && may_fail<Rule>() && !cleans_up<typename Rule::rule_t>::value ? TreeRole::group
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
        // A kept rule's start needs no undoing: the next rule to open overwrites it.
        if constexpr (role != TreeRole::none) state.tree.drop_group();
        Base<Rule>::failure(in, state, st...);
    }
};

}  // namespace grammar
}  // namespace koers
