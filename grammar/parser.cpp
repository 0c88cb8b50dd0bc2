// The top-level parse loop: one declaration at a time, so that a syntax error costs
// only the declaration it is in. After an error the parser resumes at the next line
// that starts (in column 1) with a declaration keyword.
#include "grammar/parser.hpp"

#include <map>
#include <string>
#include <string_view>

#include <tao/pegtl.hpp>

#include "grammar/error_messages.hpp"
#include "grammar/rules.hpp"
#include "grammar/tree_builder.hpp"
#include "grammar/tree_to_ast.hpp"

namespace koers {
namespace {

namespace pegtl = tao::pegtl;

struct ParseState {
    std::uint32_t file = 0;
    // Keyed by offset: a comment read again after backtracking is stored once.
    std::map<std::uint32_t, ast::Comment> comments;
    TreeBuilder tree;
};

template <typename Rule>
struct parse_action : pegtl::nothing<Rule> {};

struct collect_comment {
    template <typename ActionInput, typename... Rest>
    static void apply(const ActionInput& in, ParseState& state, Rest&&... /*tree state*/)
    {
        std::string text = in.string();
        while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
        const auto position = in.position();
        ast::Comment comment;
        comment.span.file = state.file;
        comment.span.line = static_cast<std::uint32_t>(position.line);
        comment.span.column = static_cast<std::uint32_t>(position.column);
        comment.span.offset = static_cast<std::uint32_t>(position.byte);
        comment.span.end_offset = static_cast<std::uint32_t>(position.byte + text.size());
        comment.text = std::move(text);
        state.comments.emplace(comment.span.offset, std::move(comment));
    }
};

template <>
struct parse_action<grammar::line_comment> : collect_comment {};
template <>
struct parse_action<grammar::block_comment> : collect_comment {};

// Counts how deeply recursive productions nest and stops the parse before the
// recursion can exhaust the stack.
struct nesting_guard : pegtl::maybe_nothing {
    template <typename Rule, pegtl::apply_mode A, pegtl::rewind_mode M, template <typename...> class Action,
              template <typename...> class Control, typename ParseInput, typename... States>
    static bool match(ParseInput& in, States&&... st)
    {
        struct depth_scope {
            std::size_t& depth;
            explicit depth_scope(std::size_t& d) : depth(d) { ++depth; }
            ~depth_scope() { --depth; }
            depth_scope(const depth_scope&) = delete;
            depth_scope& operator=(const depth_scope&) = delete;
        } scope(in.private_depth);
        if (in.private_depth > max_nesting_depth) {
            throw pegtl::parse_error("nesting is too deep: more than " + std::to_string(max_nesting_depth) +
                                         " levels of parentheses, conditions or operators",
                                     in);
        }
        return pegtl::match<Rule, A, M, Action, Control>(in, st...);
    }
};

template <>
struct parse_action<grammar::expression> : nesting_guard {};
template <>
struct parse_action<grammar::condition> : nesting_guard {};
template <>
struct parse_action<grammar::negation> : nesting_guard {};
template <>
struct parse_action<grammar::logical_not> : nesting_guard {};

template <typename Rule>
using parse_control = grammar::tree_building<pegtl::must_if<grammar::error_messages>::control, Rule>;

bool is_declaration_keyword_at(std::string_view text, std::size_t offset)
{
    static constexpr std::string_view keywords[] = {"template", "facts", "rule", "function",
                                                    "stage",    "test",  "import"};
    for (const std::string_view keyword : keywords) {
        if (text.substr(offset, keyword.size()) != keyword) continue;
        const std::size_t after = offset + keyword.size();
        if (after == text.size()) return true;
        const char next = text[after];
        if (next == ' ' || next == '\t' || next == '\r' || next == '\n' || next == '"' || next == '/') return true;
    }
    return false;
}

// The offset of the first line after `declaration_start`, at or after the line of
// `error_offset`, that starts with a declaration keyword; the end of the text if none.
std::size_t recovery_offset(std::string_view text, std::size_t declaration_start, std::size_t error_offset)
{
    std::size_t line_start = text.rfind('\n', error_offset == 0 ? 0 : error_offset - 1);
    line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
    while (line_start < text.size()) {
        if (line_start > declaration_start && is_declaration_keyword_at(text, line_start)) return line_start;
        const std::size_t newline = text.find('\n', line_start);
        if (newline == std::string_view::npos) break;
        line_start = newline + 1;
    }
    return text.size();
}

// The reserved word that starts at `offset`, if one does; a name was probably meant
// where a syntax error points at one.
std::string_view reserved_word_at(std::string_view text, std::size_t offset)
{
    if (offset >= text.size()) return {};
    pegtl::memory_input<pegtl::tracking_mode::lazy> in(text.data() + offset, text.data() + text.size(), "");
    const char* start = in.current();
    if (!pegtl::parse<grammar::reserved_word>(in)) return {};
    return text.substr(offset, static_cast<std::size_t>(in.current() - start));
}

bool followed_by_colon(std::string_view text, std::size_t offset)
{
    while (offset < text.size() && (text[offset] == ' ' || text[offset] == '\t')) ++offset;
    return offset < text.size() && text[offset] == ':';
}

ast::Span span_at(std::uint32_t file, const pegtl::position& position)
{
    ast::Span span;
    span.file = file;
    span.line = static_cast<std::uint32_t>(position.line);
    span.column = static_cast<std::uint32_t>(position.column);
    span.offset = static_cast<std::uint32_t>(position.byte);
    span.end_offset = span.offset;
    return span;
}

}  // namespace

ast::Module parse_module(const SourceSet& sources, std::uint32_t file, Diagnostics& diagnostics)
{
    ast::Module module;
    module.file = file;
    const std::string_view text = sources.file(file).text;
    ParseState state;
    state.file = file;
    TreeConverter converter(file, diagnostics);

    auto report = [&](const pegtl::parse_error& error, const auto& input) {
        const pegtl::position position = error.positions().empty() ? input.position() : error.positions().front();
        std::string message(error.message());
        const std::string_view word = reserved_word_at(text, position.byte);
        if (!word.empty() && (message.find("name") != std::string::npos || followed_by_colon(text, position.byte + word.size())))
            message += " ('" + std::string(word) + "' is a reserved word and cannot be a name)";
        diagnostics.error("syntax", span_at(file, position), std::move(message));
        return position;
    };

    // The source name stays empty: spans carry the file index instead.
    pegtl::memory_input<pegtl::tracking_mode::eager> in(text.data(), text.data() + text.size(), "");
    while (true) {
        // White space and comments first, so that recovery never lands on the line
        // of the declaration that failed.
        try {
            (void)pegtl::parse<grammar::sep, parse_action, parse_control>(in, state);
        }
        catch (const pegtl::parse_error& error) {
            report(error, in);
            break;
        }
        const auto declaration_iterator = in.iterator();
        const std::size_t declaration_start = static_cast<std::size_t>(in.current() - text.data());
        state.tree.reset();
        try {
            (void)pegtl::parse<grammar::next_declaration, parse_action, parse_control>(in, state);
            const TreeChildren declarations = state.tree.finish();
            if (declarations.empty()) break;  // end of file
            for (const TreeNode* node : declarations) {
                if (auto declaration = converter.declaration(*node)) {
                    module.declarations.push_back(std::move(*declaration));
                }
            }
        }
        catch (const pegtl::parse_error& error) {
            const pegtl::position position = report(error, in);
            const std::size_t resume = recovery_offset(text, declaration_start, position.byte);
            in.iterator() = declaration_iterator;
            in.private_depth = 0;
            if (resume >= text.size()) break;
            in.bump(resume - declaration_start);
        }
    }
    for (auto& [offset, comment] : state.comments) module.comments.push_back(std::move(comment));
    return module;
}

}  // namespace koers
