// The formatted text as a list of lines, each tied to the source code it shows, and
// the step that weaves the source comments and blank lines back in between them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "format/source_index.hpp"

namespace koers::formatting {

// Whether a blank line goes before a line.
enum class Spacing {
    none,      // never
    kept,      // where the source had one
    required,  // always (between top-level declarations)
};

struct Line {
    int indent = 0;
    std::string text;
    // Offset of the source code the line starts with; comments are placed by it. Lines
    // without one (hand-built trees) take no comments of their own.
    std::optional<std::uint32_t> anchor;
    // End of the source code the line shows: a comment between `anchor` and here (inside
    // an expression written over several lines) moves before the line.
    std::uint32_t code_end = 0;
    int comment_indent = 0;  // for comments on their own line before this one
    Spacing spacing = Spacing::none;
    bool opens_block = false;  // no blank line directly after it
};

// The final text: the lines with every source comment placed, each exactly once. A
// comment on its own line goes before the line whose code follows it, or before the
// line whose code it sits inside; a comment after code stays at the end of that line,
// unless that line would get two, then both go before it.
std::string weave(const std::vector<Line>& lines, const SourceIndex& source);

}  // namespace koers::formatting
