// Run-time values: 16 bytes each, compared and hashed in constant time. Symbols, texts
// and lists are interned in a ValueStore, so a value holds only their id.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace koers::engine {

enum class ValueType : std::uint8_t { Nil, Bool, Int, Number, Symbol, Text, List };

using InternId = std::uint32_t;

class Value {
public:
    Value() = default;  // nil: an absent optional slot

    static Value boolean(bool b)
    {
        Value v;
        v.type_ = ValueType::Bool;
        v.payload_.b = b;
        return v;
    }
    static Value integer(std::int64_t i)
    {
        Value v;
        v.type_ = ValueType::Int;
        v.payload_.i = i;
        return v;
    }
    static Value number(double d)
    {
        Value v;
        v.type_ = ValueType::Number;
        v.payload_.d = d;
        return v;
    }
    static Value symbol(InternId id) { return with_id(ValueType::Symbol, id); }
    static Value text(InternId id) { return with_id(ValueType::Text, id); }
    static Value list(InternId id) { return with_id(ValueType::List, id); }

    [[nodiscard]] ValueType type() const { return type_; }
    [[nodiscard]] bool is_nil() const { return type_ == ValueType::Nil; }
    [[nodiscard]] bool is_numeric() const { return type_ == ValueType::Int || type_ == ValueType::Number; }
    [[nodiscard]] bool as_bool() const { return payload_.b; }
    [[nodiscard]] std::int64_t as_int() const { return payload_.i; }
    // An int or a number as a double.
    [[nodiscard]] double as_number() const
    {
        return type_ == ValueType::Int ? static_cast<double>(payload_.i) : payload_.d;
    }
    [[nodiscard]] InternId id() const { return payload_.id; }

    // Ints and numbers compare by numeric value (1 == 1.0); other types never equal
    // a value of another type. Inline: matching compares and hashes keys all the time.
    friend bool operator==(const Value& a, const Value& b)
    {
        if (a.type_ != b.type_) return mixed_equal(a, b);
        switch (a.type_) {
        case ValueType::Nil: return true;
        case ValueType::Bool: return a.payload_.b == b.payload_.b;
        case ValueType::Int: return a.payload_.i == b.payload_.i;
        case ValueType::Number: return a.payload_.d == b.payload_.d;
        default: return a.payload_.id == b.payload_.id;
        }
    }
    // Consistent with ==: an int and a number of equal value hash alike. Cheap on
    // purpose: the hash tables that use it mix the bits themselves.
    [[nodiscard]] std::size_t hash() const
    {
        switch (type_) {
        case ValueType::Nil: return 0x51ed270b27d1a3c5ULL;
        case ValueType::Bool: return payload_.b ? 0x2ULL : 0x1ULL;
        case ValueType::Int: return static_cast<std::uint64_t>(payload_.i);
        case ValueType::Number: return number_hash();
        case ValueType::Symbol: return (1ULL << 40U) | payload_.id;
        case ValueType::Text: return (2ULL << 40U) | payload_.id;
        case ValueType::List: return (3ULL << 40U) | payload_.id;
        }
        return 0;
    }

private:
    // The payload's other bytes stay zero (a default Value's), so a copy never reads
    // bytes that were not written.
    static Value with_id(ValueType type, InternId id)
    {
        Value v;
        v.type_ = type;
        v.payload_.id = id;
        return v;
    }
    // Values of different types: equal only for an int and a number of the same value.
    static bool mixed_equal(const Value& a, const Value& b);
    [[nodiscard]] std::size_t number_hash() const;

    ValueType type_ = ValueType::Nil;
    union {
        bool b;
        std::int64_t i;
        double d;
        InternId id;
    } payload_{.i = 0};
};

// Symbols, texts and lists by id. Symbols and texts share one table of strings (a
// symbol `a` and a text "a" have the same string id but differ in type).
class ValueStore {
public:
    ValueStore() = default;
    // A store that extends `base`: the ids of `base` keep their meaning and new strings
    // and lists get ids after them. `base` must not change afterwards; a session layers
    // its run-time values on the ruleset's store this way and leaves it shared.
    explicit ValueStore(std::shared_ptr<const ValueStore> base);

    InternId intern_string(std::string_view s);
    // An id this store never gave out reads as an empty string or list.
    [[nodiscard]] const std::string& string(InternId id) const
    {
        if (id < string_base_) return base_->string(id);
        return id - string_base_ < strings_.size() ? strings_[id - string_base_] : empty_string();
    }
    // The id of a string if it was interned, without interning it.
    [[nodiscard]] bool find_string(std::string_view s, InternId& id) const;

    Value symbol(std::string_view s) { return Value::symbol(intern_string(s)); }
    Value text(std::string_view s) { return Value::text(intern_string(s)); }
    Value list(std::vector<Value> items);
    [[nodiscard]] const std::vector<Value>& list_items(InternId id) const
    {
        if (id < list_base_) return base_->list_items(id);
        return id - list_base_ < lists_.size() ? lists_[id - list_base_] : empty_list();
    }

    // The value as Koers source text would write it: `formeren`, `"tekst"`, `1.5`, `[a, b]`.
    [[nodiscard]] std::string render(const Value& value) const;
    // The value as plain text for interpolation and printing: texts without quotes.
    [[nodiscard]] std::string display(const Value& value) const;
    void append_display(std::string& out, const Value& value) const;

private:
    static const std::string& empty_string();
    static const std::vector<Value>& empty_list();

    struct ListHash {
        std::size_t operator()(const std::vector<Value>& items) const;
    };
    std::shared_ptr<const ValueStore> base_;
    InternId string_base_ = 0;  // ids below these belong to base_
    InternId list_base_ = 0;
    std::vector<std::string> strings_;
    // Looked up by string_view, without making a string.
    struct StringHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    std::unordered_map<std::string, InternId, StringHash, std::equal_to<>> string_ids_;
    std::vector<std::vector<Value>> lists_;
    std::unordered_map<std::vector<Value>, InternId, ListHash> list_ids_;
};

}  // namespace koers::engine

template <>
struct std::hash<koers::engine::Value> {
    std::size_t operator()(const koers::engine::Value& value) const { return value.hash(); }
};
