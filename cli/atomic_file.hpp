// Writing a file whole or not at all: the text goes to a temporary file beside the
// target, which is then renamed over it, so a crash or a full disk never leaves a partly
// written file behind. Used by `koers fmt` and by `koers advise --out`.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace koers::cli {

// Writes `text` to `path`; a file already there keeps its permissions, and a symbolic
// link keeps pointing at the (rewritten) file. Returns the reason on failure.
std::optional<std::string> write_file_atomically(const std::filesystem::path& path, const std::string& text);

}  // namespace koers::cli
