// Diagnostics as values: what went wrong, where, and how bad it is.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "grammar/ast.hpp"
#include "grammar/source.hpp"

namespace koers {

enum class Severity { Error, Warning };

struct Diagnostic {
    Severity severity = Severity::Error;
    std::string code;  // stable identifier, e.g. "syntax" or "unknown-template"
    ast::Span span;
    std::string message;
};

class Diagnostics {
public:
    void error(std::string code, const ast::Span& span, std::string message);
    void warning(std::string code, const ast::Span& span, std::string message);

    [[nodiscard]] const std::vector<Diagnostic>& all() const { return items_; }
    [[nodiscard]] bool has_errors() const;
    [[nodiscard]] std::size_t error_count() const;
    [[nodiscard]] std::size_t warning_count() const;

    // Orders by file, line and column so that output does not depend on the order
    // in which checks ran.
    void sort();

private:
    std::vector<Diagnostic> items_;
};

// `file:line:col: error: message`, then the source line and a caret under the column
// (the column counted in characters, not bytes).
std::string render(const Diagnostic& diagnostic, const SourceSet& sources);

// The column of a span in characters (UTF-8 code points), 1-based.
std::uint32_t character_column(const ast::Span& span, const SourceSet& sources);

}  // namespace koers
