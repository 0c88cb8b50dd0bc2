#include "engine/errors.hpp"

namespace koers::engine {

std::string RuntimeError::render() const
{
    std::string out;
    if (!where.file.empty()) {
        out = where.file + ":" + std::to_string(where.line) + ":" + std::to_string(where.column) + ": ";
    }
    out += "error: " + message;
    if (!rule.empty()) out += " (in rule `" + rule + "`)";
    return out;
}

}  // namespace koers::engine
