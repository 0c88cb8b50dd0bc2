// How text is spelled inside a Koers string literal: the inverse of the escapes the
// grammar reads (`\"`, `\\`, `\n`, `\t`, `\r`, and `\{` `\}` for literal braces).
#pragma once

#include <string>
#include <string_view>

namespace koers {

// `text` with the characters a string literal cannot hold as they are escaped; braces
// are escaped too when `escape_braces` (texts with interpolation).
std::string escaped_text(std::string_view text, bool escape_braces);

}  // namespace koers
