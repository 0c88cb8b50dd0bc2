#include "grammar/source.hpp"

namespace koers {

std::uint32_t SourceSet::add(std::string path, std::string text)
{
    files_.push_back(SourceFile{std::move(path), std::move(text)});
    return static_cast<std::uint32_t>(files_.size() - 1);
}

std::string_view SourceSet::line_text(std::uint32_t file, std::uint32_t line) const
{
    if (file >= files_.size() || line == 0) return {};
    std::string_view text = files_[file].text;
    std::size_t start = 0;
    for (std::uint32_t current = 1; current < line; ++current) {
        const std::size_t newline = text.find('\n', start);
        if (newline == std::string_view::npos) return {};
        start = newline + 1;
    }
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    if (end > start && text[end - 1] == '\r') --end;
    return text.substr(start, end - start);
}

}  // namespace koers
