#include "grammar/source.hpp"

namespace koers {

std::uint32_t SourceSet::add(std::string path, std::string text)
{
    std::vector<std::size_t> starts{0};
    for (std::size_t newline = text.find('\n'); newline != std::string::npos; newline = text.find('\n', newline + 1)) {
        starts.push_back(newline + 1);
    }
    line_starts_.push_back(std::move(starts));
    files_.push_back(SourceFile{std::move(path), std::move(text)});
    return static_cast<std::uint32_t>(files_.size() - 1);
}

std::string_view SourceSet::line_text(std::uint32_t file, std::uint32_t line) const
{
    if (file >= files_.size() || line == 0) return {};
    const std::vector<std::size_t>& starts = line_starts_[file];
    if (line > starts.size()) return {};
    std::string_view text = files_[file].text;
    const std::size_t start = starts[line - 1];
    std::size_t end = line < starts.size() ? starts[line] - 1 : text.size();
    if (end > start && text[end - 1] == '\r') --end;
    return text.substr(start, end - start);
}

}  // namespace koers
