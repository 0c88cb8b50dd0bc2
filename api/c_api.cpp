// The C API: status codes, the thread's last error, strings, and rulesets.
#include <cstdlib>
#include <cstring>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/c_api_support.hpp"

namespace koers::api::c {

namespace {

thread_local std::string last_error;

using nlohmann::ordered_json;

std::string dumped(const ordered_json& document)
{
    return document.dump(-1, ' ', false, ordered_json::error_handler_t::replace);
}

std::string diagnostics_json(const std::vector<Diagnostic>& diagnostics)
{
    ordered_json list = ordered_json::array();
    for (const Diagnostic& diagnostic : diagnostics) {
        ordered_json item;
        item["file"] = diagnostic.file;
        item["line"] = diagnostic.line;
        item["column"] = diagnostic.column;
        item["severity"] = diagnostic.severity == Diagnostic::Severity::Error ? "error" : "warning";
        item["code"] = diagnostic.code;
        item["message"] = diagnostic.message;
        list.push_back(std::move(item));
    }
    return dumped(list);
}

koers_status compiled(CompileResult result, koers_ruleset** ruleset, char** diagnostics)
{
    hand_out(diagnostics, diagnostics_json(result.diagnostics));
    if (!result.ok()) {
        std::string first = "the ruleset has errors";
        for (const Diagnostic& diagnostic : result.diagnostics) {
            if (diagnostic.severity != Diagnostic::Severity::Error) continue;
            first = diagnostic.render();
            break;
        }
        return fail(KOERS_ERROR_COMPILE, first);
    }
    *ruleset = new koers_ruleset{std::move(*result.ruleset)};
    return KOERS_OK;
}

ordered_json value_json(const Value& value)
{
    switch (value.type()) {
    case Value::Type::Nil: return nullptr;
    case Value::Type::Bool: return value.as_bool();
    case Value::Type::Int: return value.as_int();
    case Value::Type::Number: return value.as_number();
    case Value::Type::Symbol:
    case Value::Type::Text: return value.as_string();
    case Value::Type::List: {
        ordered_json items = ordered_json::array();
        for (const Value& item : value.as_list()) items.push_back(value_json(item));
        return items;
    }
    }
    return nullptr;
}

std::string describe_json(const Ruleset& ruleset)
{
    ordered_json out;
    out["templates"] = ordered_json::array();
    for (const TemplateInfo& info : ruleset.templates()) {
        ordered_json item;
        item["name"] = info.name;
        item["doc"] = info.doc;
        item["slots"] = ordered_json::array();
        for (const SlotInfo& slot : info.slots) {
            ordered_json slot_json;
            slot_json["name"] = slot.name;
            slot_json["type"] = slot.type;
            slot_json["list"] = slot.is_list;
            slot_json["optional"] = slot.optional;
            slot_json["has_default"] = slot.has_default;
            ordered_json allowed = ordered_json::array();
            for (const Value& value : slot.allowed) allowed.push_back(value_json(value));
            slot_json["allowed"] = std::move(allowed);
            slot_json["low"] = slot.low ? ordered_json(*slot.low) : ordered_json(nullptr);
            slot_json["high"] = slot.high ? ordered_json(*slot.high) : ordered_json(nullptr);
            slot_json["doc"] = slot.doc;
            item["slots"].push_back(std::move(slot_json));
        }
        out["templates"].push_back(std::move(item));
    }
    out["rules"] = ruleset.rules();
    out["stages"] = ruleset.stages();
    out["files"] = ruleset.files();
    return dumped(out);
}

}  // namespace

koers_status fail(koers_status status, std::string message)
{
    last_error = std::move(message);
    return status;
}

void clear_error() { last_error.clear(); }

void hand_out(char** out, std::string_view text)
{
    if (out == nullptr) return;
    char* copy = static_cast<char*>(std::malloc(text.size() + 1));
    if (copy == nullptr) throw std::bad_alloc();
    std::memcpy(copy, text.data(), text.size());
    copy[text.size()] = '\0';
    *out = copy;
}

void reset_out(char** out)
{
    if (out != nullptr) *out = nullptr;
}

}  // namespace koers::api::c

using namespace koers::api;
using namespace koers::api::c;

extern "C" {

const char* koers_version(void) { return koers::api::version(); }

const char* koers_status_name(koers_status status)
{
    switch (status) {
    case KOERS_OK: return "ok";
    case KOERS_ERROR_ARGUMENT: return "argument";
    case KOERS_ERROR_COMPILE: return "compile";
    case KOERS_ERROR_JSON: return "json";
    case KOERS_ERROR_FACT: return "fact";
    case KOERS_ERROR_RUN: return "run";
    case KOERS_ERROR_LIMIT: return "limit";
    case KOERS_ERROR_INTERNAL: return "internal";
    }
    return "unknown";
}

const char* koers_last_error(void) { return last_error.c_str(); }

void koers_free_string(char* text) { std::free(text); }

koers_status koers_ruleset_compile_files(const char* const* paths, size_t count, koers_ruleset** ruleset,
                                         char** diagnostics_json)
{
    reset_out(diagnostics_json);
    if (ruleset != nullptr) *ruleset = nullptr;
    return guarded([&] {
        if (ruleset == nullptr || (paths == nullptr && count > 0)) {
            return fail(KOERS_ERROR_ARGUMENT, "koers_ruleset_compile_files: paths and ruleset must not be null");
        }
        std::vector<std::string> path_list;
        for (size_t index = 0; index < count; ++index) {
            if (paths[index] == nullptr) return fail(KOERS_ERROR_ARGUMENT, "koers_ruleset_compile_files: a path is null");
            path_list.emplace_back(paths[index]);
        }
        return compiled(Ruleset::compile_files(path_list), ruleset, diagnostics_json);
    });
}

koers_status koers_ruleset_compile_text(const char* name, const char* text, koers_ruleset** ruleset,
                                        char** diagnostics_json)
{
    reset_out(diagnostics_json);
    if (ruleset != nullptr) *ruleset = nullptr;
    return guarded([&] {
        if (name == nullptr || text == nullptr || ruleset == nullptr) {
            return fail(KOERS_ERROR_ARGUMENT, "koers_ruleset_compile_text: name, text and ruleset must not be null");
        }
        return compiled(Ruleset::compile_text(name, text), ruleset, diagnostics_json);
    });
}

koers_status koers_ruleset_describe_json(const koers_ruleset* ruleset, char** description_json)
{
    reset_out(description_json);
    return guarded([&] {
        if (ruleset == nullptr || description_json == nullptr) {
            return fail(KOERS_ERROR_ARGUMENT, "koers_ruleset_describe_json: ruleset and description_json must not be null");
        }
        hand_out(description_json, describe_json(ruleset->ruleset));
        return KOERS_OK;
    });
}

void koers_ruleset_free(koers_ruleset* ruleset) { delete ruleset; }

}  // extern "C"
