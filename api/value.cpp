// The plain value types of the public API: values, diagnostics, errors, facts, advice
// and explanations, and how each reads as text.
#include "api/conversion.hpp"
#include "koers/koers.hpp"

namespace koers::api {

namespace {

std::string place(const std::string& file, std::uint32_t line, std::uint32_t column)
{
    if (file.empty()) return {};
    if (line == 0) return file + ": ";
    return file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": ";
}

void render_explanation(const Explanation& e, std::size_t indent, std::string& out)
{
    out.append(indent * 2, ' ');
    out += e.text;
    if (e.input) out += "  [input]";
    else if (e.firing != 0) out += "  <- rule `" + e.rule + "` (firing " + std::to_string(e.firing) + ")";
    for (std::size_t i = 0; i < e.bindings.size(); ++i) {
        out += (i == 0 ? " with " : ", ") + e.bindings[i].first + " = " + e.bindings[i].second;
    }
    if (!e.live) out += "  (no longer present)";
    if (e.repeated) out += "  (see above)";
    if (e.cut) out += "  (...)";
    out += '\n';
    for (const Explanation& child : e.because) render_explanation(child, indent + 1, out);
}

}  // namespace

const char* version() { return KOERS_VERSION; }

Value Value::symbol(std::string name)
{
    Value value(std::move(name));
    value.type_ = Type::Symbol;
    return value;
}

Value Value::text(std::string text)
{
    Value value(std::move(text));
    value.type_ = Type::Text;
    return value;
}

std::string Value::render() const
{
    engine::ValueStore store;
    return store.render(plain_engine_value(*this, store));
}

bool operator==(const Value& a, const Value& b)
{
    const bool a_numeric = a.type_ == Value::Type::Int || a.type_ == Value::Type::Number;
    const bool b_numeric = b.type_ == Value::Type::Int || b.type_ == Value::Type::Number;
    if (a_numeric && b_numeric) {
        if (a.type_ == Value::Type::Int && b.type_ == Value::Type::Int) return a.int_ == b.int_;
        return a.as_number() == b.as_number();
    }
    if (a.type_ != b.type_) return false;
    switch (a.type_) {
    case Value::Type::Nil: return true;
    case Value::Type::Bool: return a.int_ == b.int_;
    case Value::Type::Symbol:
    case Value::Type::Text: return a.string_ == b.string_;
    case Value::Type::List: return a.items_ == b.items_;
    default: return false;
    }
}

const char* severity_name(Severity severity)
{
    switch (severity) {
    case Severity::Info: return "info";
    case Severity::Notice: return "notice";
    case Severity::Warning: return "warning";
    case Severity::Critical: return "critical";
    }
    return "notice";
}

const char* stop_reason_name(StopReason stop)
{
    switch (stop) {
    case StopReason::Finished: return "finished";
    case StopReason::Halted: return "halted";
    case StopReason::Limit: return "limit";
    case StopReason::Error: return "error";
    }
    return "finished";
}

std::string Diagnostic::render() const
{
    return place(file, line, column) + (severity == Severity::Error ? "error: " : "warning: ") + message;
}

std::string Error::render() const
{
    if (!path.empty()) return path + ": " + message;
    std::string out = place(file, line, column);
    if (!out.empty()) out += "error: ";
    out += message;
    if (!rule.empty()) out += " (in rule `" + rule + "`)";
    return out;
}

const Value* Fact::slot(std::string_view name) const
{
    for (const auto& [slot_name, value] : slots) {
        if (slot_name == name) return &value;
    }
    return nullptr;
}

std::string Fact::render() const
{
    std::string out = template_name + "(";
    for (std::size_t i = 0; i < slots.size(); ++i) {
        out += (i == 0 ? "" : ", ") + slots[i].first + ": " + slots[i].second.render();
    }
    return out + ")";
}

std::string Advice::text(std::string_view language) const
{
    for (const auto& [text_language, text] : texts) {
        if (text_language == language) return text;
    }
    return texts.empty() ? std::string() : texts.front().second;
}

std::string Explanation::render() const
{
    std::string out;
    render_explanation(*this, 0, out);
    return out;
}

}  // namespace koers::api
