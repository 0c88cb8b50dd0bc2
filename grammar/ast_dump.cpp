// The dump format, by example:
//   (template pole "doc" (slot value number (in (range (- 2) 2)) (default 0) optional "doc"))
//   (rule r "doc" (salience 10) (stage s) (tags (phase formeren) (experimental))
//     (when (pattern ?ph phase (current (== formeren)) (strength ?s (>= 0.5))) (where (> ?v 1)))
//     (then (advise topic (severity warning) (link competence x) (text nl (text "a " ?v)))))
// (all on one line per declaration). Integers print by value, other numbers by their
// spelling (which `koers fmt` keeps), text quoted and escaped, variables with `?`, and
// every optional field only when present, so that two parses of equivalent text dump
// the same.
#include "grammar/ast_dump.hpp"
#include "grammar/overloaded.hpp"
#include "grammar/string_spelling.hpp"

#include <optional>
#include <string_view>

namespace koers::ast {

namespace {

std::string quoted(std::string_view text) { return '"' + escaped_text(text, false) + '"'; }

std::string variable(std::string_view name) { return name.starts_with('?') ? std::string(name) : '?' + std::string(name); }

std::string_view spelling(BinaryOp op)
{
    switch (op) {
    case BinaryOp::Or: return "or";
    case BinaryOp::And: return "and";
    case BinaryOp::Eq: return "==";
    case BinaryOp::Ne: return "!=";
    case BinaryOp::Lt: return "<";
    case BinaryOp::Le: return "<=";
    case BinaryOp::Gt: return ">";
    case BinaryOp::Ge: return ">=";
    case BinaryOp::Add: return "+";
    case BinaryOp::Sub: return "-";
    case BinaryOp::Mul: return "*";
    case BinaryOp::Div: return "/";
    case BinaryOp::Mod: return "%";
    }
    return "?";
}

std::string_view spelling(CompareOp op)
{
    switch (op) {
    case CompareOp::Eq: return "==";
    case CompareOp::Ne: return "!=";
    case CompareOp::Lt: return "<";
    case CompareOp::Le: return "<=";
    case CompareOp::Gt: return ">";
    case CompareOp::Ge: return ">=";
    }
    return "?";
}

std::string_view spelling(AggregateFn function)
{
    switch (function) {
    case AggregateFn::Count: return "count";
    case AggregateFn::Sum: return "sum";
    case AggregateFn::Min: return "min";
    case AggregateFn::Max: return "max";
    case AggregateFn::Avg: return "avg";
    case AggregateFn::Collect: return "collect";
    }
    return "?";
}

std::string_view spelling(BaseType type)
{
    switch (type) {
    case BaseType::Symbol: return "symbol";
    case BaseType::Text: return "text";
    case BaseType::Int: return "int";
    case BaseType::Number: return "number";
    case BaseType::Bool: return "bool";
    }
    return "?";
}

// Writes S-expressions: `list` wraps what its body writes in `(head ...)`, `atom` adds
// one item.
class Writer {
public:
    template <class Body>
    void list(std::string_view head, Body body)
    {
        atom("(" + std::string(head));
        body();
        text_ += ')';
    }
    void atom(std::string_view item)
    {
        if (!text_.empty() && text_.back() != '(') text_ += ' ';
        text_ += item;
    }
    void doc(const std::string& text)
    {
        if (!text.empty()) atom(quoted(text));
    }
    std::string take() { return std::move(text_); }

    void expr(const Expr& e);
    void expr(const std::unique_ptr<Expr>& e) { e ? expr(*e) : atom("()"); }
    void exprs(const std::vector<Expr>& items)
    {
        for (const Expr& item : items) expr(item);
    }
    void literal(const Literal& literal);
    void text_template(const TextTemplate& text);
    void domain(const Domain& d)
    {
        list(d.kind == Domain::Kind::Set ? "set" : "range", [&] { exprs(d.items); });
    }
    void type(const TypeRef& t)
    {
        if (t.is_list) {
            list("list-of", [&] { atom(spelling(t.base)); });
        } else {
            atom(spelling(t.base));
        }
    }
    void condition(const Condition& c);
    void condition(const std::unique_ptr<Condition>& c) { c ? condition(*c) : atom("()"); }
    void pattern(const Pattern& p);
    void fact(const FactSpec& f)
    {
        list("fact", [&] {
            atom(f.template_name.text);
            slot_values(f.slots);
        });
    }
    void slot_values(const std::vector<SlotValue>& values)
    {
        for (const SlotValue& value : values) list(value.slot.text, [&] { expr(value.value); });
    }
    void action(const Action& a);
    void advise(const AdviseAction& a);
    void expectation(const Expectation& e);
    void declaration(const Declaration& d);
    void slot(const SlotDecl& slot);
    void rule(const RuleDecl& rule);
    void function(const FunctionDecl& function);

private:
    std::string text_;
};

void Writer::literal(const Literal& literal)
{
    switch (literal.kind) {
    case LiteralKind::Int: atom(std::to_string(literal.int_value)); return;
    case LiteralKind::Number: atom(literal.text.empty() ? std::to_string(literal.number_value) : literal.text); return;
    case LiteralKind::Text: atom(quoted(literal.text)); return;
    case LiteralKind::Symbol: atom(literal.text); return;
    case LiteralKind::Bool: atom(literal.bool_value ? "true" : "false"); return;
    }
}

// Adjacent plain parts merge, so that how the parser split a string at its escapes
// does not show.
void Writer::text_template(const TextTemplate& text)
{
    list("text", [&] {
        std::optional<std::string> plain;
        for (const TextPart& part : text.parts) {
            if (!part.expr) {
                plain = plain.value_or("") + part.text;
                continue;
            }
            if (plain) atom(quoted(*plain));
            plain.reset();
            expr(*part.expr);
        }
        if (plain || text.parts.empty()) atom(quoted(plain.value_or("")));
    });
}

void Writer::expr(const Expr& e)
{
    std::visit(Overloaded{
                   [&](const Literal& l) { literal(l); },
                   [&](const TextTemplate& t) { text_template(t); },
                   [&](const VariableRef& v) { atom(variable(v.name)); },
                   [&](const Call& c) {
                       list("call", [&] {
                           atom(c.function.text);
                           exprs(c.arguments);
                       });
                   },
                   [&](const Unary& u) { list(u.op == UnaryOp::Not ? "not" : "-", [&] { expr(u.operand); }); },
                   [&](const Binary& b) {
                       list(spelling(b.op), [&] {
                           expr(b.left);
                           expr(b.right);
                       });
                   },
                   [&](const Membership& m) {
                       list(m.negated ? "not-in" : "in", [&] {
                           expr(m.value);
                           domain(m.domain);
                       });
                   },
                   [&](const Conditional& c) {
                       list("if", [&] {
                           expr(c.condition);
                           expr(c.when_true);
                           expr(c.when_false);
                       });
                   },
                   [&](const ListExpr& l) { list("list", [&] { exprs(l.items); }); },
                   [&](const SlotAccess& s) {
                       list(".", [&] {
                           expr(s.object);
                           atom(s.slot.text);
                       });
                   },
               },
               e.node);
}

void Writer::pattern(const Pattern& p)
{
    list("pattern", [&] {
        if (p.binding) atom(variable(p.binding->text));
        atom(p.template_name.text);
        for (const SlotConstraint& c : p.constraints) {
            list(c.slot.text, [&] {
                if (c.variable) atom(variable(c.variable->text));
                if (!c.test) return;
                const SlotTest& test = *c.test;
                std::string_view head = spelling(test.op);
                if (test.kind == SlotTest::Kind::In) head = "in";
                if (test.kind == SlotTest::Kind::NotIn) head = "not-in";
                list(head, [&] {
                    if (test.operand) expr(*test.operand);
                    if (test.domain) domain(*test.domain);
                });
            });
        }
    });
}

void Writer::condition(const Condition& c)
{
    std::visit(Overloaded{
                   [&](const Pattern& p) { pattern(p); },
                   [&](const NotCondition& n) { list("not", [&] { condition(n.body); }); },
                   [&](const ExistsCondition& e) { list("exists", [&] { condition(e.body); }); },
                   [&](const ForallCondition& f) {
                       list("forall", [&] {
                           condition(f.domain);
                           condition(f.requirement);
                       });
                   },
                   [&](const GroupCondition& g) {
                       list(g.op == GroupCondition::Op::And ? "and" : "or", [&] {
                           for (const Condition& item : g.items) condition(item);
                       });
                   },
                   [&](const GuardCondition& g) { list("where", [&] { expr(g.test); }); },
                   [&](const AggregateCondition& a) {
                       list(spelling(a.function), [&] {
                           atom(variable(a.result.text));
                           if (a.value) expr(*a.value);
                           condition(a.source);
                       });
                   },
               },
               c.node);
}

void Writer::advise(const AdviseAction& a)
{
    list("advise", [&] {
        atom(a.topic.text);
        if (a.severity) list("severity", [&] { atom(a.severity->text); });
        for (const AdviceLink& link : a.links) {
            list("link", [&] {
                atom(link.key.text);
                expr(link.value);
            });
        }
        for (const AdviceText& text : a.texts) {
            list("text", [&] {
                atom(text.language.text);
                text_template(text.text);
            });
        }
    });
}

void Writer::action(const Action& a)
{
    std::visit(Overloaded{
                   [&](const AssertAction& x) {
                       list("assert", [&] {
                           if (x.logical) atom("logical");
                           fact(x.fact);
                       });
                   },
                   [&](const RetractAction& x) { list("retract", [&] { expr(x.target); }); },
                   [&](const ModifyAction& x) {
                       list("modify", [&] {
                           expr(x.target);
                           slot_values(x.changes);
                       });
                   },
                   [&](const AdviseAction& x) { advise(x); },
                   [&](const PrintAction& x) { list("print", [&] { expr(x.message); }); },
                   [&](const HaltAction&) { list("halt", [] {}); },
                   [&](const BindAction& x) {
                       list("bind", [&] {
                           atom(variable(x.variable.text));
                           expr(x.value);
                       });
                   },
                   [&](const FocusAction& x) {
                       list("focus", [&] {
                           for (const Name& stage : x.stages) atom(stage.text);
                       });
                   },
               },
               a.node);
}

void Writer::expectation(const Expectation& e)
{
    switch (e.kind) {
    case Expectation::Kind::Fact:
        list("expect-fact", [&] {
            if (e.negated) atom("no");
            if (e.fact) pattern(*e.fact);
        });
        return;
    case Expectation::Kind::Advice:
        list("expect-advice", [&] {
            if (e.negated) atom("no");
            atom(e.name.text);
            for (const AdviceProperty& property : e.properties) list(property.key.text, [&] { expr(property.value); });
        });
        return;
    case Expectation::Kind::RuleFires:
        list("expect-rule", [&] {
            atom(e.name.text);
            atom(e.negated ? "no-fire" : "fires");
            if (e.times) atom(std::to_string(*e.times));
        });
        return;
    }
}

void Writer::slot(const SlotDecl& slot)
{
    list("slot", [&] {
        atom(slot.name.text);
        type(slot.type);
        if (slot.allowed) list("in", [&] { domain(*slot.allowed); });
        if (slot.default_value) list("default", [&] { expr(*slot.default_value); });
        if (slot.optional) atom("optional");
        doc(slot.doc);
    });
}

void Writer::rule(const RuleDecl& rule)
{
    list("rule", [&] {
        atom(rule.name.text);
        doc(rule.doc);
        if (rule.salience) list("salience", [&] { atom(std::to_string(*rule.salience)); });
        if (rule.stage) list("stage", [&] { atom(rule.stage->text); });
        if (!rule.tags.empty()) {
            list("tags", [&] {
                for (const Tag& tag : rule.tags) {
                    list(tag.key.text, [&] {
                        if (tag.value) atom(tag.value->text);
                    });
                }
            });
        }
        list("when", [&] {
            for (const Condition& c : rule.conditions) condition(c);
        });
        list("then", [&] {
            for (const Action& a : rule.actions) action(a);
        });
    });
}

void Writer::function(const FunctionDecl& function)
{
    list("function", [&] {
        atom(function.name.text);
        list("params", [&] {
            for (const Parameter& p : function.parameters) {
                list(variable(p.name.text), [&] {
                    if (p.type) type(*p.type);
                });
            }
        });
        if (function.result) list("->", [&] { type(*function.result); });
        doc(function.doc);
        expr(function.body);
    });
}

void Writer::declaration(const Declaration& d)
{
    std::visit(Overloaded{
                   [&](const ImportDecl& x) { list("import", [&] { atom(quoted(x.path)); }); },
                   [&](const StageDecl& x) {
                       list("stage", [&] {
                           atom(x.name.text);
                           doc(x.doc);
                       });
                   },
                   [&](const TemplateDecl& x) {
                       list("template", [&] {
                           atom(x.name.text);
                           doc(x.doc);
                           for (const SlotDecl& s : x.slots) slot(s);
                       });
                   },
                   [&](const FactsDecl& x) {
                       list("facts", [&] {
                           if (x.name) atom(x.name->text);
                           doc(x.doc);
                           for (const FactSpec& f : x.facts) fact(f);
                       });
                   },
                   [&](const RuleDecl& x) { rule(x); },
                   [&](const FunctionDecl& x) { function(x); },
                   [&](const TestDecl& x) {
                       list("test", [&] {
                           atom(quoted(x.name));
                           if (!x.given.empty()) {
                               list("given", [&] {
                                   for (const FactSpec& f : x.given) fact(f);
                               });
                           }
                           for (const Expectation& e : x.expectations) expectation(e);
                       });
                   },
               },
               d);
}

}  // namespace

std::string dump(const Module& module)
{
    std::string out;
    for (const Declaration& declaration : module.declarations) {
        Writer writer;
        writer.declaration(declaration);
        out += writer.take() + '\n';
    }
    return out;
}

std::string dump(const Expr& expr)
{
    Writer writer;
    writer.expr(expr);
    return writer.take();
}

std::string dump(const Condition& condition)
{
    Writer writer;
    writer.condition(condition);
    return writer.take();
}

}  // namespace koers::ast
