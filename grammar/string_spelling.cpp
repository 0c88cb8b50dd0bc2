#include "grammar/string_spelling.hpp"

namespace koers {

std::string escaped_text(std::string_view text, bool escape_braces)
{
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\t': out += "\\t"; break;
        case '\r': out += "\\r"; break;
        case '{':
        case '}':
            if (escape_braces) out += '\\';
            out += c;
            break;
        default: out += c;
        }
    }
    return out;
}

}  // namespace koers
