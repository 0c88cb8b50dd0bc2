#include "grammar/diagnostic.hpp"

#include <algorithm>
#include <tuple>

namespace koers {

void Diagnostics::error(std::string code, const ast::Span& span, std::string message)
{
    items_.push_back(Diagnostic{Severity::Error, std::move(code), span, std::move(message)});
}

void Diagnostics::warning(std::string code, const ast::Span& span, std::string message)
{
    items_.push_back(Diagnostic{Severity::Warning, std::move(code), span, std::move(message)});
}

bool Diagnostics::has_errors() const { return error_count() > 0; }

std::size_t Diagnostics::error_count() const
{
    return static_cast<std::size_t>(std::count_if(items_.begin(), items_.end(), [](const Diagnostic& d) {
        return d.severity == Severity::Error;
    }));
}

std::size_t Diagnostics::warning_count() const { return items_.size() - error_count(); }

void Diagnostics::sort()
{
    std::stable_sort(items_.begin(), items_.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::tie(a.span.file, a.span.line, a.span.column) < std::tie(b.span.file, b.span.line, b.span.column);
    });
}

namespace {

bool is_continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0U) == 0x80U; }

}  // namespace

std::uint32_t character_column(const ast::Span& span, const SourceSet& sources)
{
    if (span.file >= sources.size() || span.column == 0) return span.column;
    const std::string_view line = sources.line_text(span.file, span.line);
    const std::size_t bytes = std::min<std::size_t>(span.column - 1, line.size());
    std::uint32_t characters = 1;
    for (std::size_t i = 0; i < bytes; ++i) {
        if (!is_continuation_byte(line[i])) ++characters;
    }
    return characters;
}

std::string render(const Diagnostic& diagnostic, const SourceSet& sources)
{
    std::string out;
    const bool has_file = diagnostic.span.file < sources.size();
    if (has_file) out += sources.file(diagnostic.span.file).path;
    if (has_file && diagnostic.span.line > 0) {
        out += ':' + std::to_string(diagnostic.span.line) + ':' +
               std::to_string(character_column(diagnostic.span, sources));
    }
    if (!out.empty()) out += ": ";
    out += diagnostic.severity == Severity::Error ? "error: " : "warning: ";
    out += diagnostic.message;
    out += '\n';
    if (!has_file || diagnostic.span.line == 0) return out;
    const std::string_view line = sources.line_text(diagnostic.span.file, diagnostic.span.line);
    out += "  ";
    out += line;
    out += "\n  ";
    // Tabs in the source line stay tabs under it, so that the caret lines up.
    const std::uint32_t column = character_column(diagnostic.span, sources);
    std::size_t byte = 0;
    for (std::uint32_t c = 1; c < column && byte < line.size(); ++c) {
        out += line[byte] == '\t' ? '\t' : ' ';
        ++byte;
        while (byte < line.size() && is_continuation_byte(line[byte])) ++byte;
    }
    out += "^\n";
    return out;
}

}  // namespace koers
