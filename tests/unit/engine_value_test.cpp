// Values: equality and hashing across ints and numbers, rendering, layered stores, and the
// evaluator's built-in functions.
#include <doctest/doctest.h>

#include "engine_rules_builder.hpp"

using namespace koers::engine;
using namespace koers::engine::testing;

TEST_CASE("ints and numbers of equal value are equal and hash alike")
{
    CHECK(Value::integer(2) == Value::number(2.0));
    CHECK(Value::integer(2).hash() == Value::number(2.0).hash());
    CHECK_FALSE(Value::integer(2) == Value::number(2.5));
    CHECK_FALSE(Value::integer(9007199254740993) == Value::number(9007199254740992.0));
    CHECK(Value::number(0.0) == Value::number(-0.0));
    CHECK(Value::number(0.0).hash() == Value::number(-0.0).hash());
    ValueStore store;
    CHECK_FALSE(store.symbol("a") == store.text("a"));
    CHECK(store.symbol("a") == store.symbol("a"));
    CHECK_FALSE(Value() == Value::boolean(false));
}

TEST_CASE("values render as source text and display as plain text")
{
    ValueStore store;
    CHECK(store.render(Value::number(2.0)) == "2.0");
    CHECK(store.render(Value::number(1.5)) == "1.5");
    CHECK(store.render(Value::integer(-3)) == "-3");
    CHECK(store.render(store.text("a \"b\" {c}")) == "\"a \\\"b\\\" \\{c\\}\"");
    CHECK(store.display(store.text("plain")) == "plain");
    CHECK(store.render(store.list({store.symbol("energie"), Value::integer(1)})) == "[energie, 1]");
    CHECK(store.render(Value()) == "nil");
}

TEST_CASE("a layered store keeps its base's ids and adds its own after them")
{
    auto base = std::make_shared<ValueStore>();
    const Value a = base->symbol("a");
    const Value list = base->list({a});
    ValueStore layer(base);
    CHECK(layer.symbol("a") == a);
    CHECK(layer.list({a}) == list);
    const Value b = layer.symbol("b");
    CHECK(b.id() > a.id());
    CHECK(layer.string(b.id()) == "b");
    InternId id = 0;
    CHECK_FALSE(base->find_string("b", id));
    CHECK(layer.string(12345).empty());
}

TEST_CASE("expressions in actions: arithmetic, built-ins, conditionals, functions and interpolation")
{
    RulesBuilder b;
    b.tmpl("n", {"v"});
    ExprSpec parameter;
    parameter.kind = ExprSpec::Kind::Parameter;
    b.function("twice", 1, operation(Operator::Mul, parameter, integer(2)));
    RuleDraft& r = b.rule("show");
    r.pattern("n", {{"v", "?v"}});
    const auto builtin = [](Builtin which, std::vector<ExprSpec> args) {
        ExprSpec e;
        e.kind = ExprSpec::Kind::Builtin;
        e.builtin = which;
        e.operands = std::move(args);
        return e;
    };
    ExprSpec call;
    call.kind = ExprSpec::Kind::Function;
    call.function = 0;
    call.operands = {r.var("?v")};
    ExprSpec conditional;
    conditional.kind = ExprSpec::Kind::Conditional;
    conditional.operands = {operation(Operator::Gt, r.var("?v"), integer(2)), b.txt("big"), b.txt("small")};
    ExprSpec text;
    text.kind = ExprSpec::Kind::Concat;
    text.operands = {b.txt("v="), r.var("?v"), b.txt(" half="), operation(Operator::Div, r.var("?v"), integer(2))};
    r.print(call)
        .print(conditional)
        .print(text)
        .print(builtin(Builtin::Max, {integer(1), r.var("?v"), integer(4)}))
        .print(builtin(Builtin::Round, {constant(Value::number(2.5))}))
        .print(builtin(Builtin::Upper, {b.txt("abc")}))
        .print(builtin(Builtin::Len, {b.txt("creëren")}))
        .print(operation(Operator::Mod, r.var("?v"), integer(2)));
    Session s(b.network());
    s.assert_fact(b.fact("n", {{"v", Value::integer(3)}}));
    const RunResult result = s.run();
    CHECK_FALSE(result.error);
    CHECK(s.output() == std::vector<std::string>{"6", "big", "v=3 half=1.5", "4", "3", "ABC", "7", "1"});
}
