#include "compile/or_split.hpp"

#include <string>
#include <utility>

namespace koers::compile {

namespace {

using Alternatives = std::vector<FlatConjunction>;

FlatCondition flat(FlatCondition::Kind kind, const ast::Condition& source, FlatConjunction body = {},
                   FlatConjunction requirement = {})
{
    return FlatCondition{kind, &source, std::move(body), std::move(requirement)};
}

class OrSplitter {
public:
    explicit OrSplitter(CompileContext& context) : context_(context) {}

    std::optional<Alternatives> split(const std::vector<ast::Condition>& conditions, const ast::Span& span)
    {
        Alternatives result{FlatConjunction{}};
        for (const ast::Condition& condition : conditions) result = product(result, expand(condition), span);
        if (!ok_) return std::nullopt;
        return result;
    }

private:
    Alternatives expand(const ast::Condition& condition)
    {
        return std::visit([&](const auto& node) { return visit(condition, node); }, condition.node);
    }

    Alternatives expand(const std::unique_ptr<ast::Condition>& condition, const ast::Condition& parent)
    {
        if (condition) return expand(*condition);
        context_.internal_error(parent.span, "a condition is missing its body");
        ok_ = false;
        return {FlatConjunction{}};
    }

    Alternatives visit(const ast::Condition& condition, const ast::Pattern&)
    {
        return {{flat(FlatCondition::Kind::Pattern, condition)}};
    }

    Alternatives visit(const ast::Condition& condition, const ast::GuardCondition&)
    {
        return {{flat(FlatCondition::Kind::Guard, condition)}};
    }

    Alternatives visit(const ast::Condition& condition, const ast::GroupCondition& group)
    {
        if (group.op == ast::GroupCondition::Op::And) {
            Alternatives result{FlatConjunction{}};
            for (const ast::Condition& item : group.items) result = product(result, expand(item), condition.span);
            return result;
        }
        if (group.items.empty()) {
            context_.internal_error(condition.span, "an `or` without alternatives");
            ok_ = false;
            return {FlatConjunction{}};
        }
        Alternatives result;
        for (const ast::Condition& item : group.items) {
            Alternatives branch = expand(item);
            if (result.size() + branch.size() > max_rule_variants) return too_many(condition.span, std::move(result));
            for (FlatConjunction& alternative : branch) result.push_back(std::move(alternative));
        }
        return result;
    }

    Alternatives visit(const ast::Condition& condition, const ast::NotCondition& negation)
    {
        FlatConjunction negations;
        for (FlatConjunction& alternative : expand(negation.body, condition)) {
            negations.push_back(flat(FlatCondition::Kind::Not, condition, std::move(alternative)));
        }
        return {std::move(negations)};
    }

    Alternatives visit(const ast::Condition& condition, const ast::ExistsCondition& exists)
    {
        Alternatives body = expand(exists.body, condition);
        if (body.size() == 1) return {{flat(FlatCondition::Kind::Exists, condition, std::move(body.front()))}};
        FlatConjunction none_holds;
        for (FlatConjunction& alternative : body) {
            none_holds.push_back(flat(FlatCondition::Kind::Not, condition, std::move(alternative)));
        }
        return {{flat(FlatCondition::Kind::Not, condition, std::move(none_holds))}};
    }

    Alternatives visit(const ast::Condition& condition, const ast::ForallCondition& forall)
    {
        Alternatives domains = expand(forall.domain, condition);
        Alternatives requirements = expand(forall.requirement, condition);
        FlatConjunction result;
        for (FlatConjunction& domain : domains) {
            if (requirements.size() == 1) {
                result.push_back(flat(FlatCondition::Kind::Forall, condition, std::move(domain), requirements.front()));
                continue;
            }
            // No match of the domain may fail every alternative of the requirement.
            FlatConjunction counterexample = std::move(domain);
            for (const FlatConjunction& requirement : requirements) {
                counterexample.push_back(flat(FlatCondition::Kind::Not, condition, requirement));
            }
            result.push_back(flat(FlatCondition::Kind::Not, condition, std::move(counterexample)));
        }
        return {std::move(result)};
    }

    Alternatives visit(const ast::Condition& condition, const ast::AggregateCondition& aggregate)
    {
        Alternatives source = expand(aggregate.source, condition);
        if (source.size() != 1) {
            context_.unsupported(condition.span,
                                 "an aggregate cannot range over an `or`: a fact matching two alternatives "
                                 "would count twice; write one aggregate per alternative and combine the "
                                 "results in a `where` guard");
            ok_ = false;
            return {FlatConjunction{}};
        }
        return {{flat(FlatCondition::Kind::Aggregate, condition, std::move(source.front()))}};
    }

    Alternatives product(const Alternatives& left, const Alternatives& right, const ast::Span& span)
    {
        if (left.size() * right.size() > max_rule_variants) return too_many(span, left);
        Alternatives result;
        result.reserve(left.size() * right.size());
        for (const FlatConjunction& first : left) {
            for (const FlatConjunction& second : right) {
                FlatConjunction joined = first;
                joined.insert(joined.end(), second.begin(), second.end());
                result.push_back(std::move(joined));
            }
        }
        return result;
    }

    Alternatives too_many(const ast::Span& span, Alternatives partial)
    {
        if (ok_) {
            context_.unsupported(span, "the `or` conditions of this rule make more than " +
                                           std::to_string(max_rule_variants) +
                                           " alternatives; split the rule into several rules");
        }
        ok_ = false;
        if (partial.empty()) partial.emplace_back();
        return partial;
    }

    CompileContext& context_;
    bool ok_ = true;
};

}  // namespace

std::optional<std::vector<FlatConjunction>> split_alternatives(CompileContext& context,
                                                               const std::vector<ast::Condition>& conditions,
                                                               const ast::Span& rule_span)
{
    return OrSplitter(context).split(conditions, rule_span);
}

}  // namespace koers::compile
