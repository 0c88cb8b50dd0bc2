#include "engine/value.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <cstring>

namespace koers::engine {

namespace {

// splitmix64's finaliser: spreads ids and small ints over all bits, so that masked hash
// tables use every bucket.
std::uint64_t mix(std::uint64_t x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30U)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27U)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31U);
}

// A double that holds a whole number an int64 can hold exactly, as that int.
bool as_exact_int(double d, std::int64_t& out)
{
    // 2^63 is the first double past the int64 range; -2^63 is inside it.
    if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0)) return false;
    const auto i = static_cast<std::int64_t>(d);
    if (static_cast<double>(i) != d) return false;
    out = i;
    return true;
}

void append_number(std::string& out, double d)
{
    if (std::isnan(d)) {
        out += "nan";
        return;
    }
    if (std::isinf(d)) {
        out += d < 0 ? "-inf" : "inf";
        return;
    }
    std::array<char, 32> buffer{};
    const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), d);
    const std::string_view text(buffer.data(), static_cast<std::size_t>(result.ptr - buffer.data()));
    out += text;
    // A number always reads back as a number, never as an int.
    if (text.find_first_of(".e") == std::string_view::npos) out += ".0";
}

void append_quoted(std::string& out, const std::string& text)
{
    out += '"';
    for (const char c : text) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\t': out += "\\t"; break;
        case '\r': out += "\\r"; break;
        case '{': out += "\\{"; break;
        case '}': out += "\\}"; break;
        default: out += c;
        }
    }
    out += '"';
}

}  // namespace

bool Value::mixed_equal(const Value& a, const Value& b)
{
    if (!a.is_numeric() || !b.is_numeric()) return false;
    // An int equals a number only when the number is exactly that whole number, so that
    // equal values always hash alike.
    const Value& whole = a.type_ == ValueType::Int ? a : b;
    const Value& real = a.type_ == ValueType::Int ? b : a;
    std::int64_t i = 0;
    return as_exact_int(real.payload_.d, i) && i == whole.payload_.i;
}

std::size_t Value::number_hash() const
{
    std::int64_t i = 0;
    if (as_exact_int(payload_.d, i)) return static_cast<std::uint64_t>(i);
    std::uint64_t bits = 0;
    std::memcpy(&bits, &payload_.d, sizeof bits);
    return mix(bits);
}

const std::string& ValueStore::empty_string()
{
    static const std::string empty;
    return empty;
}

const std::vector<Value>& ValueStore::empty_list()
{
    static const std::vector<Value> empty;
    return empty;
}

ValueStore::ValueStore(std::shared_ptr<const ValueStore> base) : base_(std::move(base))
{
    if (base_) {
        string_base_ = static_cast<InternId>(base_->string_base_ + base_->strings_.size());
        list_base_ = static_cast<InternId>(base_->list_base_ + base_->lists_.size());
    }
}

InternId ValueStore::intern_string(std::string_view s)
{
    InternId id = 0;
    if (find_string(s, id)) return id;
    id = static_cast<InternId>(string_base_ + strings_.size());
    strings_.emplace_back(s);
    string_ids_.emplace(strings_.back(), id);
    return id;
}

bool ValueStore::find_string(std::string_view s, InternId& id) const
{
    if (base_ && base_->find_string(s, id)) return true;
    const auto found = string_ids_.find(s);
    if (found == string_ids_.end()) return false;
    id = found->second;
    return true;
}

Value ValueStore::list(std::vector<Value> items)
{
    for (const ValueStore* store = base_.get(); store != nullptr; store = store->base_.get()) {
        const auto found = store->list_ids_.find(items);
        if (found != store->list_ids_.end()) return Value::list(found->second);
    }
    const auto found = list_ids_.find(items);
    if (found != list_ids_.end()) return Value::list(found->second);
    const auto id = static_cast<InternId>(list_base_ + lists_.size());
    lists_.push_back(items);
    list_ids_.emplace(std::move(items), id);
    return Value::list(id);
}

std::size_t ValueStore::ListHash::operator()(const std::vector<Value>& items) const
{
    std::uint64_t h = mix(items.size());
    for (const Value& item : items) h = mix(h ^ item.hash());
    return h;
}

std::string ValueStore::render(const Value& value) const
{
    std::string out;
    switch (value.type()) {
    case ValueType::Nil: out = "nil"; break;
    case ValueType::Bool: out = value.as_bool() ? "true" : "false"; break;
    case ValueType::Int: out = std::to_string(value.as_int()); break;
    case ValueType::Number: append_number(out, value.as_number()); break;
    case ValueType::Symbol: out = string(value.id()); break;
    case ValueType::Text: append_quoted(out, string(value.id())); break;
    case ValueType::List: {
        out = "[";
        bool first = true;
        for (const Value& item : list_items(value.id())) {
            if (!first) out += ", ";
            first = false;
            out += render(item);
        }
        out += "]";
        break;
    }
    }
    return out;
}

std::string ValueStore::display(const Value& value) const
{
    if (value.type() == ValueType::Text) return string(value.id());
    return render(value);
}

void ValueStore::append_display(std::string& out, const Value& value) const
{
    if (value.type() == ValueType::Text || value.type() == ValueType::Symbol) out += string(value.id());
    else out += render(value);
}

}  // namespace koers::engine
