// What the formatter needs to know about the source text beyond the AST: where the
// comments and blank lines are, and where keywords that have no node of their own
// (`when`, `then`, `end`, braces) were written.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "grammar/ast.hpp"

namespace koers::formatting {

// A comment with its text ready to print: line comments lose trailing white space.
struct SourceComment {
    std::uint32_t offset = 0;
    std::uint32_t end = 0;  // just past the last character of `text` in the source
    std::string text;
};

// One token of source text, as far as the formatter needs to tell them apart: a word,
// a string, or a single other character.
struct SourceToken {
    std::uint32_t offset = 0;
    std::uint32_t end = 0;
    std::string_view text;
};

class SourceIndex {
public:
    SourceIndex(std::string_view text, const std::vector<ast::Comment>& comments);

    // Every comment, ordered by offset.
    [[nodiscard]] const std::vector<SourceComment>& comments() const { return comments_; }

    // True when code, not only white space and comments, precedes `offset` on its line.
    [[nodiscard]] bool follows_code(std::uint32_t offset) const;

    // True when `offset` is the first thing on its line and the line above is blank.
    [[nodiscard]] bool blank_line_before(std::uint32_t offset) const;

    // Where the code of a node ends: its span without the white space and comments that
    // the grammar lets tokens swallow. The start of the span when the end is unknown.
    [[nodiscard]] std::uint32_t code_end(const ast::Span& span) const;

    // The first token at or after `offset`, skipping white space and comments.
    [[nodiscard]] std::optional<SourceToken> next_token(std::uint32_t offset) const;

    // Where the next token is, if it reads `spelling`.
    [[nodiscard]] std::optional<std::uint32_t> token_at(std::uint32_t offset, std::string_view spelling) const;

    // The first token reading `spelling` in [from, limit).
    [[nodiscard]] std::optional<std::uint32_t> find_token(std::uint32_t from, std::uint32_t limit,
                                                          std::string_view spelling) const;

    [[nodiscard]] bool has_comment_between(std::uint32_t from, std::uint32_t to) const;

private:
    [[nodiscard]] std::uint32_t line_start(std::uint32_t offset) const;
    [[nodiscard]] const SourceComment* comment_ending_at(std::uint32_t offset) const;
    [[nodiscard]] bool inside_comment(std::uint32_t offset) const;
    [[nodiscard]] std::uint32_t skip_space_and_comments(std::uint32_t offset) const;

    std::string_view text_;
    std::vector<SourceComment> comments_;
};

}  // namespace koers::formatting
