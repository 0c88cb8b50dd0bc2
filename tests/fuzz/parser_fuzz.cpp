// libFuzzer target: any bytes, read as one Koers file, must parse and check without a
// crash, a leak, undefined behaviour or a hang. Diagnostics are rendered too, since
// they point into the text with spans the parser made.
#include <cstddef>
#include <cstdint>
#include <string>

#include "check/checker.hpp"
#include "check/loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    koers::Diagnostics diagnostics;
    const koers::Program program =
        koers::load_text("fuzz.koers", std::string(reinterpret_cast<const char*>(data), size), diagnostics);
    koers::check_program(program, diagnostics);
    for (const koers::Diagnostic& diagnostic : diagnostics.all()) koers::render(diagnostic, program.sources);
    return 0;
}
