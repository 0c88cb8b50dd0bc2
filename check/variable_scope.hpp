// Where each variable of a rule, function or test is bound, which uses found a binding,
// and which did not. Nested conditions (`not`, `exists`, `forall`, aggregates, `or`
// branches) open a copy of the current frame; what they bind stays inside.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "grammar/ast.hpp"
#include "grammar/diagnostic.hpp"

namespace koers::checks {

enum class BindingKind { Slot, Fact, Aggregate, Bind, Parameter };

struct Binding {
    std::string name;
    ast::Span span;
    BindingKind kind = BindingKind::Slot;
    std::string fact_template;  // for Fact: the template of the bound fact, when known
    bool used = false;
};

// A name bound inside a nested condition that has closed: why it is out of reach.
struct HiddenBinding {
    std::string construct;  // "`not`", "`exists`", "`forall`", "aggregate", "`or`"
    ast::Span span;  // of that condition
    // The bindings out of reach; a use that finds them counts as their use, so that the
    // unbound-use error is not followed by an unused-variable warning.
    std::vector<std::size_t> bindings;
};

// The variables visible at one point; copied to open a nested scope.
struct Frame {
    std::map<std::string, std::vector<std::size_t>, std::less<>> visible;  // into the tracker's bindings
    std::map<std::string, HiddenBinding, std::less<>> hidden;
};

class VariableTracker {
public:
    enum class Owner { Rule, Function, Test };

    VariableTracker(Owner owner, std::string owner_name);

    void bind(Frame& frame, const ast::Name& name, BindingKind kind, std::string fact_template = {});
    // Marks the bindings of `name` visible in `frame` used and returns them; records an
    // unbound use when there are none.
    std::vector<const Binding*> use(const Frame& frame, std::string_view name, const ast::Span& span);
    [[nodiscard]] const Binding* first_visible(const Frame& frame, std::string_view name) const;

    // Ends a nested scope: what `inner` bound beyond `outer` is hidden from `outer`.
    static void close_scope(Frame& outer, const Frame& inner, const std::string& construct, const ast::Span& span);
    // Ends an `or`: names bound in every branch stay visible, the rest are hidden.
    static void merge_branches(Frame& outer, const std::vector<Frame>& branches, const ast::Span& span);

    // Unbound uses as errors; with `warn_unused`, bindings never used as warnings.
    void report(Diagnostics& diagnostics, bool warn_unused) const;

private:
    struct UnboundUse {
        std::string name;
        ast::Span span;
        std::optional<HiddenBinding> hidden;
    };

    [[nodiscard]] std::string unbound_message(const UnboundUse& use) const;
    [[nodiscard]] std::string unused_message(const Binding& binding) const;

    Owner owner_;
    std::string owner_name_;
    std::vector<Binding> bindings_;
    std::vector<UnboundUse> unbound_;
};

}  // namespace koers::checks
