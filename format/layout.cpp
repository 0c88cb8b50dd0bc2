#include "format/layout.hpp"

#include <algorithm>

namespace koers::formatting {

namespace {

// Where each comment goes: before a line, at the end of a line, or at the end of the file
// (the extra entry past the last line).
struct Placement {
    std::vector<std::size_t> before;
    std::vector<std::size_t> trailing;
};

class CommentPlacer {
public:
    CommentPlacer(const std::vector<Line>& lines, const SourceIndex& source) : lines_(lines), source_(source)
    {
        for (std::size_t i = 0; i < lines.size(); ++i) {
            if (lines[i].anchor) anchored_.push_back(i);
        }
        std::stable_sort(anchored_.begin(), anchored_.end(),
                         [&](std::size_t a, std::size_t b) { return *lines[a].anchor < *lines[b].anchor; });
    }

    std::vector<Placement> place() const
    {
        std::vector<Placement> placements(lines_.size() + 1);
        const std::vector<SourceComment>& comments = source_.comments();
        for (std::size_t c = 0; c < comments.size(); ++c) {
            const std::uint32_t offset = comments[c].offset;
            const std::optional<std::size_t> before = last_line_from(offset);
            if (before && source_.follows_code(offset)) {
                placements[*before].trailing.push_back(c);
            } else if (before && offset < lines_[*before].code_end) {
                placements[*before].before.push_back(c);
            } else {
                placements[first_line_after(offset)].before.push_back(c);
            }
        }
        // A line comment must end its line, so a line gets at most one trailing comment.
        for (Placement& placement : placements) {
            if (placement.trailing.size() < 2) continue;
            placement.before.insert(placement.before.end(), placement.trailing.begin(), placement.trailing.end());
            placement.trailing.clear();
            std::sort(placement.before.begin(), placement.before.end());
        }
        return placements;
    }

private:
    // The line whose code starts last at or before `offset`.
    std::optional<std::size_t> last_line_from(std::uint32_t offset) const
    {
        const auto after = std::upper_bound(anchored_.begin(), anchored_.end(), offset,
                                            [&](std::uint32_t value, std::size_t i) { return value < *lines_[i].anchor; });
        if (after == anchored_.begin()) return std::nullopt;
        return *std::prev(after);
    }

    // The line whose code starts first after `offset`; the end of the file when none does.
    std::size_t first_line_after(std::uint32_t offset) const
    {
        const auto after = std::upper_bound(anchored_.begin(), anchored_.end(), offset,
                                            [&](std::uint32_t value, std::size_t i) { return value < *lines_[i].anchor; });
        return after == anchored_.end() ? lines_.size() : *after;
    }

    const std::vector<Line>& lines_;
    const SourceIndex& source_;
    std::vector<std::size_t> anchored_;
};

class Printer {
public:
    void blank()
    {
        if (!text_.empty() && !after_opener_ && !after_blank_) {
            text_ += '\n';
            after_blank_ = true;
        }
    }

    void line(int indent, const std::string& content, bool opens_block)
    {
        text_.append(static_cast<std::size_t>(indent), ' ');
        text_ += content;
        text_ += '\n';
        after_blank_ = false;
        after_opener_ = opens_block;
    }

    std::string take() { return std::move(text_); }

private:
    std::string text_;
    bool after_blank_ = false;
    bool after_opener_ = false;
};

}  // namespace

std::string weave(const std::vector<Line>& lines, const SourceIndex& source)
{
    const std::vector<Placement> placements = CommentPlacer(lines, source).place();
    const std::vector<SourceComment>& comments = source.comments();
    Printer printer;

    for (std::size_t i = 0; i <= lines.size(); ++i) {
        const Placement& placement = placements[i];
        // A blank line in the source before a comment or a line is kept (where the line
        // allows it); a line that needs one gets it before its leading comments.
        std::vector<bool> blank_before;
        for (const std::size_t c : placement.before) blank_before.push_back(source.blank_line_before(comments[c].offset));
        const Line* line = i < lines.size() ? &lines[i] : nullptr;
        bool line_blank = false;
        if (line != nullptr && line->spacing == Spacing::kept && line->anchor) {
            line_blank = source.blank_line_before(*line->anchor);
        }
        if (line != nullptr && line->spacing == Spacing::required &&
            std::none_of(blank_before.begin(), blank_before.end(), [](bool b) { return b; })) {
            if (blank_before.empty()) {
                line_blank = true;
            } else {
                blank_before.front() = true;
            }
        }

        const int comment_indent = line != nullptr ? line->comment_indent : 0;
        for (std::size_t k = 0; k < placement.before.size(); ++k) {
            if (blank_before[k]) printer.blank();
            printer.line(comment_indent, comments[placement.before[k]].text, false);
        }
        if (line == nullptr) break;
        if (line_blank) printer.blank();
        std::string content = line->text;
        for (const std::size_t c : placement.trailing) content += ' ' + comments[c].text;
        printer.line(line->indent, content, line->opens_block);
    }
    return printer.take();
}

}  // namespace koers::formatting
