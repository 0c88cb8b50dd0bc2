#include "check/variable_scope.hpp"

#include <algorithm>
#include <set>

#include "check/check_context.hpp"

namespace koers::checks {

VariableTracker::VariableTracker(Owner owner, std::string owner_name)
    : owner_(owner), owner_name_(std::move(owner_name))
{
}

void VariableTracker::bind(Frame& frame, const ast::Name& name, BindingKind kind, std::string fact_template)
{
    bindings_.push_back(Binding{name.text, name.span, kind, std::move(fact_template), false});
    frame.visible[name.text] = {bindings_.size() - 1};
    frame.hidden.erase(name.text);
}

std::vector<const Binding*> VariableTracker::use(const Frame& frame, std::string_view name, const ast::Span& span)
{
    std::vector<const Binding*> found;
    const auto visible = frame.visible.find(name);
    if (visible == frame.visible.end()) {
        const auto hidden = frame.hidden.find(name);
        std::optional<HiddenBinding> why;
        if (hidden != frame.hidden.end()) {
            why = hidden->second;
            for (const std::size_t index : hidden->second.bindings) bindings_[index].used = true;
        }
        unbound_.push_back(UnboundUse{std::string(name), span, std::move(why)});
        return found;
    }
    for (const std::size_t index : visible->second) {
        bindings_[index].used = true;
        found.push_back(&bindings_[index]);
    }
    return found;
}

const Binding* VariableTracker::first_visible(const Frame& frame, std::string_view name) const
{
    const auto visible = frame.visible.find(name);
    if (visible == frame.visible.end() || visible->second.empty()) return nullptr;
    return &bindings_[visible->second.front()];
}

void VariableTracker::close_scope(Frame& outer, const Frame& inner, const std::string& construct,
                                  const ast::Span& span)
{
    for (const auto& [name, hidden] : inner.hidden) {
        if (!outer.visible.contains(name)) outer.hidden.insert_or_assign(name, hidden);
    }
    for (const auto& [name, indices] : inner.visible) {
        if (!outer.visible.contains(name)) outer.hidden.insert_or_assign(name, HiddenBinding{construct, span, indices});
    }
}

void VariableTracker::merge_branches(Frame& outer, const std::vector<Frame>& branches, const ast::Span& span)
{
    if (branches.empty()) return;
    std::set<std::string, std::less<>> bound_somewhere;
    for (const Frame& branch : branches) {
        for (const auto& [name, indices] : branch.visible) {
            if (!outer.visible.contains(name)) bound_somewhere.insert(name);
        }
        for (const auto& [name, hidden] : branch.hidden) {
            if (!outer.visible.contains(name)) outer.hidden.insert_or_assign(name, hidden);
        }
    }
    for (const std::string& name : bound_somewhere) {
        std::vector<std::size_t> merged;
        bool in_every_branch = true;
        for (const Frame& branch : branches) {
            const auto found = branch.visible.find(name);
            if (found == branch.visible.end()) {
                in_every_branch = false;
                continue;
            }
            merged.insert(merged.end(), found->second.begin(), found->second.end());
        }
        if (!in_every_branch) {
            outer.hidden.insert_or_assign(name, HiddenBinding{"`or`", span, std::move(merged)});
            continue;
        }
        outer.visible[name] = std::move(merged);
        outer.hidden.erase(name);
    }
}

std::string VariableTracker::unbound_message(const UnboundUse& use) const
{
    const std::string variable = "variable " + quoted_variable(use.name);
    if (use.hidden) {
        if (use.hidden->construct == "`or`") {
            return variable + " is not bound in every branch of the `or` on " + line_of(use.hidden->span);
        }
        return variable + " is bound only inside the " + use.hidden->construct + " on " +
               line_of(use.hidden->span) + " and cannot be used outside it";
    }
    const auto later = std::find_if(bindings_.begin(), bindings_.end(), [&](const Binding& binding) {
        return binding.name == use.name && binding.span.file == use.span.file &&
               binding.span.offset > use.span.offset;
    });
    if (later != bindings_.end()) return variable + " is used before it is bound on " + line_of(later->span);
    switch (owner_) {
    case Owner::Function: return variable + " is not a parameter of function " + quoted(owner_name_);
    case Owner::Test: return variable + " is never bound in this test";
    case Owner::Rule: break;
    }
    return variable + " is never bound in rule " + quoted(owner_name_);
}

std::string VariableTracker::unused_message(const Binding& binding) const
{
    const std::string hint = "; name it " + quoted_variable("_" + binding.name) + " if that is on purpose";
    switch (binding.kind) {
    case BindingKind::Parameter:
        return "parameter " + quoted_variable(binding.name) + " of function " + quoted(owner_name_) +
               " is never used" + hint;
    case BindingKind::Fact:
        return "fact variable " + quoted_variable(binding.name) + " is bound but never used" + hint;
    default: return "variable " + quoted_variable(binding.name) + " is bound but never used" + hint;
    }
}

void VariableTracker::report(Diagnostics& diagnostics, bool warn_unused) const
{
    // One error per name: the first unbound use says what to fix.
    std::set<std::string, std::less<>> reported;
    for (const UnboundUse& use : unbound_) {
        if (!reported.insert(use.name).second) continue;
        diagnostics.error(use.hidden ? "variable-out-of-scope" : "unbound-variable", use.span, unbound_message(use));
    }
    if (!warn_unused) return;
    for (const Binding& binding : bindings_) {
        if (binding.used || binding.name.starts_with('_')) continue;
        diagnostics.warning("unused-variable", binding.span, unused_message(binding));
    }
}

}  // namespace koers::checks
