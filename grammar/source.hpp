// The text of every source file of one load, addressed by the index that spans carry.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace koers {

struct SourceFile {
    std::string path;  // as the user named it, used in diagnostics
    std::string text;
};

class SourceSet {
public:
    // Adds a file and returns its index.
    std::uint32_t add(std::string path, std::string text);

    [[nodiscard]] const SourceFile& file(std::uint32_t index) const { return files_.at(index); }
    [[nodiscard]] std::size_t size() const { return files_.size(); }

    // The text of one line (1-based) without its line ending; empty past the end.
    [[nodiscard]] std::string_view line_text(std::uint32_t file, std::uint32_t line) const;

private:
    std::vector<SourceFile> files_;
    // Byte offset of the start of each line, per file: line_text is called for every
    // span the compiler records, so it must not scan the file from the start.
    std::vector<std::vector<std::size_t>> line_starts_;
};

}  // namespace koers
