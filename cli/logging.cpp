#include "cli/logging.hpp"

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

namespace koers::cli {

void set_up_logging(bool verbose)
{
    auto logger = spdlog::stderr_color_mt("koers");
    logger->set_pattern("koers: %l: %v");
    spdlog::set_default_logger(logger);
    spdlog::set_level(verbose ? spdlog::level::debug : spdlog::level::warn);
}

}  // namespace koers::cli
