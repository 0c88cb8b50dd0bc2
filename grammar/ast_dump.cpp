// The dump format, by example:
//   (template pole "doc" (slot value number (in (range (- 2) 2)) (default 0) optional "doc"))
//   (rule r "doc" (salience 10) (stage s) (tags (phase formeren) (experimental))
//     (when (pattern ?ph phase (current (== formeren)) (strength ?s (>= 0.5))) (where (> ?v 1)))
//     (then (advise topic (severity warning) (link competence x) (text nl (text "a " ?v)))))
// (all on one line per declaration). Literals print as in source (numbers by their
// spelling, text quoted and escaped), variables with `?`, and every optional field only
// when present, so that two parses of equivalent text dump the same.
#include "grammar/ast_dump.hpp"

#include <string_view>

namespace koers::ast {

namespace {

template <class... Handlers>
struct Overloaded : Handlers... {
    using Handlers::operator()...;
};

std::string quoted(std::string_view text)
{
    std::string out = "\"";
    for (const char c : text) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\t': out += "\\t"; break;
        case '\r': out += "\\r"; break;
        default: out += c;
        }
    }
    return out + '"';
}

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

// Writes S-expressions: `open` starts a list, `atom` adds an item, `close` ends the list.
class Writer {
public:
    void open(std::string_view head)
    {
        separate();
        text_ += '(';
        text_ += head;
        fresh_ = false;
    }
    void close() { text_ += ')'; }
    void atom(std::string_view item)
    {
        separate();
        text_ += item;
    }
    void doc(const std::string& text)
    {
        if (!text.empty()) atom(quoted(text));
    }
    std::string take() { return std::move(text_); }

    void expr(const Expr& e);
    void expr(const std::unique_ptr<Expr>& e)
    {
        if (e) {
            expr(*e);
        } else {
            atom("()");
        }
    }
    void exprs(const std::vector<Expr>& items)
    {
        for (const Expr& item : items) expr(item);
    }
    void literal(const Literal& literal);
    void text_template(const TextTemplate& text);
    void domain(const Domain& domain);
    void type(const TypeRef& type);
    void condition(const Condition& c);
    void condition(const std::unique_ptr<Condition>& c)
    {
        if (c) {
            condition(*c);
        } else {
            atom("()");
        }
    }
    void pattern(const Pattern& p);
    void fact(const FactSpec& f);
    void slot_values(const std::vector<SlotValue>& values);
    void action(const Action& a);
    void expectation(const Expectation& e);
    void declaration(const Declaration& d);

private:
    void separate()
    {
        if (!fresh_) text_ += ' ';
        fresh_ = false;
    }

    std::string text_;
    bool fresh_ = true;
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
    open("text");
    std::string plain;
    bool has_plain = false;
    for (const TextPart& part : text.parts) {
        if (part.expr) {
            if (has_plain) atom(quoted(plain));
            plain.clear();
            has_plain = false;
            expr(*part.expr);
        } else {
            plain += part.text;
            has_plain = true;
        }
    }
    if (has_plain || text.parts.empty()) atom(quoted(plain));
    close();
}

void Writer::domain(const Domain& domain)
{
    open(domain.kind == Domain::Kind::Set ? "set" : "range");
    exprs(domain.items);
    close();
}

void Writer::type(const TypeRef& type)
{
    if (type.is_list) {
        open("list-of");
        atom(spelling(type.base));
        close();
    } else {
        atom(spelling(type.base));
    }
}

void Writer::expr(const Expr& e)
{
    std::visit(Overloaded{
                   [&](const Literal& l) { literal(l); },
                   [&](const TextTemplate& t) { text_template(t); },
                   [&](const VariableRef& v) { atom(variable(v.name)); },
                   [&](const Call& c) {
                       open("call");
                       atom(c.function.text);
                       exprs(c.arguments);
                       close();
                   },
                   [&](const Unary& u) {
                       open(u.op == UnaryOp::Not ? "not" : "-");
                       expr(u.operand);
                       close();
                   },
                   [&](const Binary& b) {
                       open(spelling(b.op));
                       expr(b.left);
                       expr(b.right);
                       close();
                   },
                   [&](const Membership& m) {
                       open(m.negated ? "not-in" : "in");
                       expr(m.value);
                       domain(m.domain);
                       close();
                   },
                   [&](const Conditional& c) {
                       open("if");
                       expr(c.condition);
                       expr(c.when_true);
                       expr(c.when_false);
                       close();
                   },
                   [&](const ListExpr& l) {
                       open("list");
                       exprs(l.items);
                       close();
                   },
                   [&](const SlotAccess& s) {
                       open(".");
                       expr(s.object);
                       atom(s.slot.text);
                       close();
                   },
               },
               e.node);
}

void Writer::pattern(const Pattern& p)
{
    open("pattern");
    if (p.binding) atom(variable(p.binding->text));
    atom(p.template_name.text);
    for (const SlotConstraint& c : p.constraints) {
        open(c.slot.text);
        if (c.variable) atom(variable(c.variable->text));
        if (c.test) {
            switch (c.test->kind) {
            case SlotTest::Kind::Compare:
                open(spelling(c.test->op));
                if (c.test->operand) expr(*c.test->operand);
                break;
            case SlotTest::Kind::In: open("in"); break;
            case SlotTest::Kind::NotIn: open("not-in"); break;
            }
            if (c.test->domain) domain(*c.test->domain);
            close();
        }
        close();
    }
    close();
}

void Writer::condition(const Condition& c)
{
    std::visit(Overloaded{
                   [&](const Pattern& p) { pattern(p); },
                   [&](const NotCondition& n) {
                       open("not");
                       condition(n.body);
                       close();
                   },
                   [&](const ExistsCondition& e) {
                       open("exists");
                       condition(e.body);
                       close();
                   },
                   [&](const ForallCondition& f) {
                       open("forall");
                       condition(f.domain);
                       condition(f.requirement);
                       close();
                   },
                   [&](const GroupCondition& g) {
                       open(g.op == GroupCondition::Op::And ? "and" : "or");
                       for (const Condition& item : g.items) condition(item);
                       close();
                   },
                   [&](const GuardCondition& g) {
                       open("where");
                       expr(g.test);
                       close();
                   },
                   [&](const AggregateCondition& a) {
                       open(spelling(a.function));
                       atom(variable(a.result.text));
                       if (a.value) expr(*a.value);
                       condition(a.source);
                       close();
                   },
               },
               c.node);
}

void Writer::slot_values(const std::vector<SlotValue>& values)
{
    for (const SlotValue& value : values) {
        open(value.slot.text);
        expr(value.value);
        close();
    }
}

void Writer::fact(const FactSpec& f)
{
    open("fact");
    atom(f.template_name.text);
    slot_values(f.slots);
    close();
}

void Writer::action(const Action& a)
{
    std::visit(Overloaded{
                   [&](const AssertAction& x) {
                       open("assert");
                       if (x.logical) atom("logical");
                       fact(x.fact);
                       close();
                   },
                   [&](const RetractAction& x) {
                       open("retract");
                       expr(x.target);
                       close();
                   },
                   [&](const ModifyAction& x) {
                       open("modify");
                       expr(x.target);
                       slot_values(x.changes);
                       close();
                   },
                   [&](const AdviseAction& x) {
                       open("advise");
                       atom(x.topic.text);
                       if (x.severity) {
                           open("severity");
                           atom(x.severity->text);
                           close();
                       }
                       for (const AdviceLink& link : x.links) {
                           open("link");
                           atom(link.key.text);
                           expr(link.value);
                           close();
                       }
                       for (const AdviceText& text : x.texts) {
                           open("text");
                           atom(text.language.text);
                           text_template(text.text);
                           close();
                       }
                       close();
                   },
                   [&](const PrintAction& x) {
                       open("print");
                       expr(x.message);
                       close();
                   },
                   [&](const HaltAction&) {
                       open("halt");
                       close();
                   },
                   [&](const BindAction& x) {
                       open("bind");
                       atom(variable(x.variable.text));
                       expr(x.value);
                       close();
                   },
                   [&](const FocusAction& x) {
                       open("focus");
                       for (const Name& stage : x.stages) atom(stage.text);
                       close();
                   },
               },
               a.node);
}

void Writer::expectation(const Expectation& e)
{
    switch (e.kind) {
    case Expectation::Kind::Fact:
        open("expect-fact");
        if (e.negated) atom("no");
        if (e.fact) pattern(*e.fact);
        break;
    case Expectation::Kind::Advice:
        open("expect-advice");
        if (e.negated) atom("no");
        atom(e.name.text);
        for (const AdviceProperty& property : e.properties) {
            open(property.key.text);
            expr(property.value);
            close();
        }
        break;
    case Expectation::Kind::RuleFires:
        open("expect-rule");
        atom(e.name.text);
        atom(e.negated ? "no-fire" : "fires");
        if (e.times) atom(std::to_string(*e.times));
        break;
    }
    close();
}

void Writer::declaration(const Declaration& d)
{
    std::visit(Overloaded{
                   [&](const ImportDecl& x) {
                       open("import");
                       atom(quoted(x.path));
                   },
                   [&](const StageDecl& x) {
                       open("stage");
                       atom(x.name.text);
                       doc(x.doc);
                   },
                   [&](const TemplateDecl& x) {
                       open("template");
                       atom(x.name.text);
                       doc(x.doc);
                       for (const SlotDecl& slot : x.slots) {
                           open("slot");
                           atom(slot.name.text);
                           type(slot.type);
                           if (slot.allowed) {
                               open("in");
                               domain(*slot.allowed);
                               close();
                           }
                           if (slot.default_value) {
                               open("default");
                               expr(*slot.default_value);
                               close();
                           }
                           if (slot.optional) atom("optional");
                           doc(slot.doc);
                           close();
                       }
                   },
                   [&](const FactsDecl& x) {
                       open("facts");
                       if (x.name) atom(x.name->text);
                       doc(x.doc);
                       for (const FactSpec& f : x.facts) fact(f);
                   },
                   [&](const RuleDecl& x) {
                       open("rule");
                       atom(x.name.text);
                       doc(x.doc);
                       if (x.salience) {
                           open("salience");
                           atom(std::to_string(*x.salience));
                           close();
                       }
                       if (x.stage) {
                           open("stage");
                           atom(x.stage->text);
                           close();
                       }
                       if (!x.tags.empty()) {
                           open("tags");
                           for (const Tag& tag : x.tags) {
                               open(tag.key.text);
                               if (tag.value) atom(tag.value->text);
                               close();
                           }
                           close();
                       }
                       open("when");
                       for (const Condition& c : x.conditions) condition(c);
                       close();
                       open("then");
                       for (const Action& a : x.actions) action(a);
                       close();
                   },
                   [&](const FunctionDecl& x) {
                       open("function");
                       atom(x.name.text);
                       open("params");
                       for (const Parameter& p : x.parameters) {
                           open(variable(p.name.text));
                           if (p.type) type(*p.type);
                           close();
                       }
                       close();
                       if (x.result) {
                           open("->");
                           type(*x.result);
                           close();
                       }
                       doc(x.doc);
                       expr(x.body);
                   },
                   [&](const TestDecl& x) {
                       open("test");
                       atom(quoted(x.name));
                       if (!x.given.empty()) {
                           open("given");
                           for (const FactSpec& f : x.given) fact(f);
                           close();
                       }
                       for (const Expectation& e : x.expectations) expectation(e);
                   },
               },
               d);
    close();
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
