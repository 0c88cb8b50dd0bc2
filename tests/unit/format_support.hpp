// Helpers shared by the formatter and AST dump tests: parse text, format it, and check
// that formatting keeps the tree and the comments and settles after one pass.
#pragma once

#include <doctest/doctest.h>

#include <string>

#include "format/formatter.hpp"
#include "grammar/ast_dump.hpp"
#include "grammar/diagnostic.hpp"
#include "grammar/parser.hpp"
#include "grammar/source.hpp"

namespace koers::format_test {

struct Parsed {
    SourceSet sources;
    ast::Module module;
    std::string errors;  // rendered syntax errors, empty when the text parsed
};

inline Parsed parse(const std::string& text, const std::string& name = "test.koers")
{
    Parsed parsed;
    const std::uint32_t file = parsed.sources.add(name, text);
    Diagnostics diagnostics;
    parsed.module = parse_module(parsed.sources, file, diagnostics);
    for (const Diagnostic& diagnostic : diagnostics.all()) parsed.errors += render(diagnostic, parsed.sources);
    return parsed;
}

// The canonical text of `text`, which must parse.
inline std::string format(const std::string& text)
{
    const Parsed parsed = parse(text);
    REQUIRE_MESSAGE(parsed.errors.empty(), parsed.errors);
    return format_module(parsed.module, parsed.sources);
}

inline std::string dump_of(const std::string& text)
{
    const Parsed parsed = parse(text);
    REQUIRE_MESSAGE(parsed.errors.empty(), parsed.errors);
    return ast::dump(parsed.module);
}

// Formats `text` and checks what must hold for any input: the result parses to the same
// tree with as many comments, and formatting it again changes nothing. Returns it.
inline std::string check_round_trip(const std::string& text, const std::string& name = "test.koers")
{
    INFO("file: " << name);
    const Parsed original = parse(text, name);
    REQUIRE_MESSAGE(original.errors.empty(), original.errors);
    const std::string formatted = format_module(original.module, original.sources);
    INFO("formatted:\n" << formatted);
    const Parsed again = parse(formatted, name);
    REQUIRE_MESSAGE(again.errors.empty(), again.errors);
    CHECK(ast::dump(again.module) == ast::dump(original.module));
    CHECK(again.module.comments.size() == original.module.comments.size());
    CHECK(format_module(again.module, again.sources) == formatted);
    return formatted;
}

}  // namespace koers::format_test
