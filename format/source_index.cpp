#include "format/source_index.hpp"

#include <algorithm>
#include <cctype>

namespace koers::formatting {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }
bool is_line_space(char c) { return is_space(c) && c != '\n'; }

bool is_word_start(char c)
{
    const auto byte = static_cast<unsigned char>(c);
    return std::isalpha(byte) != 0 || c == '_' || byte >= 0x80;
}

bool is_word_char(char c) { return is_word_start(c) || std::isdigit(static_cast<unsigned char>(c)) != 0; }

std::string trimmed_comment_text(std::string_view text)
{
    // Only line comments can carry trailing white space (and a line ending) in their text.
    if (text.starts_with("//")) {
        while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
    }
    return std::string(text);
}

}  // namespace

SourceIndex::SourceIndex(std::string_view text, const std::vector<ast::Comment>& comments) : text_(text)
{
    comments_.reserve(comments.size());
    for (const ast::Comment& comment : comments) {
        SourceComment entry;
        entry.offset = comment.span.offset;
        entry.text = trimmed_comment_text(comment.text);
        entry.end = entry.offset + static_cast<std::uint32_t>(entry.text.size());
        comments_.push_back(std::move(entry));
    }
    std::stable_sort(comments_.begin(), comments_.end(),
                     [](const SourceComment& a, const SourceComment& b) { return a.offset < b.offset; });
}

std::uint32_t SourceIndex::line_start(std::uint32_t offset) const
{
    std::uint32_t start = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text_.size()));
    while (start > 0 && text_[start - 1] != '\n') --start;
    return start;
}

const SourceComment* SourceIndex::comment_ending_at(std::uint32_t offset) const
{
    // Comments do not overlap, so ordering by offset also orders by end.
    const auto found = std::lower_bound(comments_.begin(), comments_.end(), offset,
                                        [](const SourceComment& c, std::uint32_t value) { return c.end < value; });
    if (found == comments_.end() || found->end != offset) return nullptr;
    return &*found;
}

bool SourceIndex::inside_comment(std::uint32_t offset) const
{
    const auto after = std::upper_bound(comments_.begin(), comments_.end(), offset,
                                        [](std::uint32_t value, const SourceComment& c) { return value < c.offset; });
    if (after == comments_.begin()) return false;
    const SourceComment& candidate = *std::prev(after);
    return candidate.offset < offset && offset < candidate.end;
}

bool SourceIndex::follows_code(std::uint32_t offset) const
{
    std::uint32_t position = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text_.size()));
    const std::uint32_t start = line_start(position);
    while (true) {
        while (position > start && is_line_space(text_[position - 1])) --position;
        if (position == start) return false;
        const SourceComment* comment = comment_ending_at(position);
        if (comment == nullptr) return true;
        if (comment->offset < start) return false;  // a block comment that began on an earlier line
        position = comment->offset;
    }
}

bool SourceIndex::blank_line_before(std::uint32_t offset) const
{
    const std::uint32_t start = line_start(offset);
    for (std::uint32_t i = start; i < offset && i < text_.size(); ++i) {
        if (!is_line_space(text_[i])) return false;
    }
    if (start == 0) return false;
    const std::uint32_t above = line_start(start - 1);
    for (std::uint32_t i = above; i + 1 < start; ++i) {
        if (!is_line_space(text_[i])) return false;
    }
    return !inside_comment(above);
}

std::uint32_t SourceIndex::code_end(const ast::Span& span) const
{
    if (span.end_offset <= span.offset) return span.offset;
    std::uint32_t position = std::min<std::uint32_t>(span.end_offset, static_cast<std::uint32_t>(text_.size()));
    while (true) {
        while (position > span.offset && is_space(text_[position - 1])) --position;
        const SourceComment* comment = comment_ending_at(position);
        if (comment == nullptr || comment->offset < span.offset) return position;
        position = comment->offset;
    }
}

std::uint32_t SourceIndex::skip_space_and_comments(std::uint32_t offset) const
{
    std::size_t position = offset;
    while (position < text_.size()) {
        if (is_space(text_[position])) {
            ++position;
        } else if (text_.substr(position, 2) == "//") {
            position = text_.find('\n', position);
            if (position == std::string_view::npos) position = text_.size();
        } else if (text_.substr(position, 2) == "/*") {
            const std::size_t close = text_.find("*/", position + 2);
            position = close == std::string_view::npos ? text_.size() : close + 2;
        } else {
            break;
        }
    }
    return static_cast<std::uint32_t>(position);
}

std::optional<SourceToken> SourceIndex::next_token(std::uint32_t offset) const
{
    const std::uint32_t start = skip_space_and_comments(offset);
    if (start >= text_.size()) return std::nullopt;
    std::size_t end = start + 1;
    if (text_[start] == '"') {
        while (end < text_.size() && text_[end] != '"' && text_[end] != '\n') end += text_[end] == '\\' ? 2 : 1;
        end = std::min(end + 1, text_.size());
    } else if (is_word_char(text_[start])) {
        while (end < text_.size() &&
               (is_word_char(text_[end]) ||
                (text_[end] == '-' && end + 1 < text_.size() && is_word_start(text_[end + 1])))) {
            ++end;
        }
    }
    return SourceToken{start, static_cast<std::uint32_t>(end), text_.substr(start, end - start)};
}

std::optional<std::uint32_t> SourceIndex::token_at(std::uint32_t offset, std::string_view spelling) const
{
    const std::optional<SourceToken> token = next_token(offset);
    if (!token || token->text != spelling) return std::nullopt;
    return token->offset;
}

std::optional<std::uint32_t> SourceIndex::find_token(std::uint32_t from, std::uint32_t limit,
                                                     std::string_view spelling) const
{
    std::uint32_t position = from;
    while (position < limit) {
        const std::optional<SourceToken> token = next_token(position);
        if (!token || token->offset >= limit) return std::nullopt;
        if (token->text == spelling) return token->offset;
        position = token->end;
    }
    return std::nullopt;
}

bool SourceIndex::has_comment_between(std::uint32_t from, std::uint32_t to) const
{
    return std::any_of(comments_.begin(), comments_.end(),
                       [&](const SourceComment& c) { return c.offset >= from && c.offset < to; });
}

}  // namespace koers::formatting
