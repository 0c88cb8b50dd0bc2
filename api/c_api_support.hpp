// What the C API's functions share: the handles behind the opaque types, the thread's
// last error, strings handed to the caller, and the guard that keeps exceptions inside.
// Internal to libkoers.
#pragma once

#include <exception>
#include <new>
#include <string>
#include <string_view>

#include "koers/koers.h"
#include "koers/koers.hpp"

struct koers_ruleset {
    koers::api::Ruleset ruleset;
};

struct koers_session {
    koers::api::Session session;
};

namespace koers::api::c {

koers_status fail(koers_status status, std::string message);
void clear_error();

// Stores a copy for the caller (freed with koers_free_string) when `out` is not null.
void hand_out(char** out, std::string_view text);
// Sets `out` to null, when it is not null, so that the caller never frees garbage.
void reset_out(char** out);

// Runs `body`; an exception becomes KOERS_ERROR_INTERNAL with its message.
template <typename Body>
koers_status guarded(Body&& body) noexcept
{
    try {
        clear_error();
        return body();
    } catch (const std::bad_alloc&) {
        return fail(KOERS_ERROR_INTERNAL, "out of memory");
    } catch (const std::exception& error) {
        return fail(KOERS_ERROR_INTERNAL, std::string("unexpected failure: ") + error.what());
    } catch (...) {
        return fail(KOERS_ERROR_INTERNAL, "unexpected failure");
    }
}

}  // namespace koers::api::c
