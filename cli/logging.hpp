// Logging for the koers programs: lines on stderr, so that they never mix with a
// command's output; details only with --verbose.
#pragma once

namespace koers::cli {

void set_up_logging(bool verbose);

}  // namespace koers::cli
