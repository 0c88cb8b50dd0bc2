// The canonical layout of Koers source, as `koers fmt` writes it:
//
// - Two spaces per indentation level; no trailing white space; one line ending at the end.
// - One blank line between top-level declarations; consecutive imports and consecutive
//   stages stay together (a blank line between two of them is kept if the source had one).
//   Inside blocks, one blank line is kept between items where the source had at least one.
// - `template name "doc" {`, then one slot per line,
//   `name: type in domain = default optional "doc"`, then `}`. An empty block is `{}`.
// - `facts name "doc" {`, one fact per line, `}`.
// - Rules: `rule name "doc"`, then `salience`, `stage` and `tags` (in that order, all tags
//   in one clause) each on its own line indented 2; `when`, `then` and `end` at column 1,
//   conditions and actions indented 2, one per line. `advise topic severity: level` is
//   followed by its links and then its texts (each in source order), one per line,
//   indented 4.
// - `function name(?a: type, ?b) -> type "doc" = expression` and `stage`/`import` on one line.
// - `test "name" {`, `given {` with its facts indented 4 and `}` at 2, then one
//   expectation per line at 2, then `}`.
// - Expressions: one space around binary operators and after commas, none inside
//   brackets; parentheses only where the tree needs them (precedence, loosest first: if,
//   or, and, not, comparison/in, + -, * / %, unary -, postfix). Numbers keep their source
//   spelling; strings are re-escaped (`\"`, `\\`, `\n`, `\t`, `\r`, and `\{` `\}` in
//   strings that may interpolate) with interpolations written as `{expression}`.
// - Comments are never dropped: one on its own line goes before the item that follows it,
//   at that item's indentation (before `}` or `end`: at the indentation of the block's
//   items); one after code stays at the end of that code's line. A comment inside an
//   expression written over several lines moves before that line.
#include "format/formatter.hpp"

#include <algorithm>
#include <optional>
#include <string_view>
#include <variant>

#include "format/clause_text.hpp"
#include "format/expression_text.hpp"
#include "format/layout.hpp"
#include "format/source_index.hpp"
#include "grammar/overloaded.hpp"

namespace koers {

namespace {

using formatting::Line;
using formatting::SourceIndex;
using formatting::Spacing;

constexpr int indent_step = 2;

std::uint32_t span_end(const ast::Span& span) { return std::max(span.offset, span.end_offset); }

std::string with_doc(std::string text, const std::string& doc)
{
    if (!doc.empty()) text += ' ' + formatting::plain_string_text(doc);
    return text;
}

std::optional<std::uint32_t> after_token(std::optional<std::uint32_t> offset, std::size_t length)
{
    if (!offset) return std::nullopt;
    return *offset + static_cast<std::uint32_t>(length);
}

// Builds the lines of a module, one declaration at a time, tying each line to the source
// offset of the code it shows so that comments can be woven back in.
class ModuleLayout {
public:
    explicit ModuleLayout(const SourceIndex& source, std::uint32_t text_size) : source_(source), text_size_(text_size) {}

    void add(const ast::Declaration& declaration, Spacing spacing)
    {
        std::visit(Overloaded{
                       [&](const ast::ImportDecl& d) {
                           item(0, "import " + formatting::plain_string_text(d.path), d.span, spacing);
                       },
                       [&](const ast::StageDecl& d) { item(0, with_doc("stage " + d.name.text, d.doc), d.span, spacing); },
                       [&](const ast::TemplateDecl& d) { add_template(d, spacing); },
                       [&](const ast::FactsDecl& d) { add_facts(d, spacing); },
                       [&](const ast::RuleDecl& d) { add_rule(d, spacing); },
                       [&](const ast::FunctionDecl& d) { add_function(d, spacing); },
                       [&](const ast::TestDecl& d) { add_test(d, spacing); },
                   },
                   declaration);
    }

    [[nodiscard]] const std::vector<Line>& lines() const { return lines_; }

private:
    Line& push(int indent, std::string text, std::optional<std::uint32_t> anchor, std::uint32_t code_end,
               Spacing spacing)
    {
        Line line;
        line.indent = indent;
        line.comment_indent = indent;
        line.text = std::move(text);
        line.anchor = anchor;
        line.code_end = code_end;
        line.spacing = spacing;
        lines_.push_back(std::move(line));
        return lines_.back();
    }

    // A line that shows one node of the tree.
    Line& item(int indent, std::string text, const ast::Span& span, Spacing spacing)
    {
        return push(indent, std::move(text), span.offset, source_.code_end(span), spacing);
    }

    // A line that shows a keyword found in the source (when, then, end, braces).
    Line& keyword(int indent, std::string text, std::optional<std::uint32_t> at, std::size_t length)
    {
        return push(indent, std::move(text), at, at ? *at + static_cast<std::uint32_t>(length) : 0, Spacing::none);
    }

    // The end of the declaration's code, to bound searches for its keywords.
    [[nodiscard]] std::uint32_t limit_of(const ast::Span& span) const
    {
        return span.end_offset > span.offset ? source_.code_end(span) : text_size_;
    }

    // `}` after the last item of a block (or after its `{` when it is empty).
    [[nodiscard]] std::optional<std::uint32_t> closing_brace(std::optional<std::uint32_t> after_last_item) const
    {
        if (!after_last_item) return std::nullopt;
        return source_.token_at(*after_last_item, "}");
    }

    // The head line of a block ending in `{`, its items, and `}`; an empty block without
    // comments inside stays on the head line as `{}`.
    template <class Item, class AddItem>
    void block(std::string head, const ast::Span& head_span, Spacing spacing, std::optional<std::uint32_t> open_brace,
               int indent, const std::vector<Item>& items, AddItem add_item)
    {
        const std::optional<std::uint32_t> close_brace =
            closing_brace(items.empty() ? after_token(open_brace, 1) : source_.code_end(items.back().span));
        const bool empty = items.empty() && !(open_brace && close_brace &&
                                              source_.has_comment_between(*open_brace, *close_brace));
        if (empty) {
            const std::uint32_t end = close_brace ? *close_brace + 1 : source_.code_end(head_span);
            push(indent, head + " {}", head_span.offset, end, spacing);
            return;
        }
        const std::uint32_t head_end = open_brace ? *open_brace + 1 : head_span.offset;
        push(indent, head + " {", head_span.offset, head_end, spacing).opens_block = true;
        for (const Item& entry : items) add_item(entry);
        keyword(indent, "}", close_brace, 1).comment_indent = indent + indent_step;
    }

    void add_template(const ast::TemplateDecl& d, Spacing spacing)
    {
        const std::optional<std::uint32_t> brace = source_.find_token(d.span.offset, limit_of(d.span), "{");
        block(with_doc("template " + d.name.text, d.doc), d.span, spacing, brace, 0, d.slots,
              [&](const ast::SlotDecl& slot) { item(indent_step, slot_text(slot), slot.span, Spacing::kept); });
    }

    static std::string slot_text(const ast::SlotDecl& slot)
    {
        std::string text = slot.name.text + ": " + formatting::type_text(slot.type);
        if (slot.allowed) text += " in " + formatting::domain_text(*slot.allowed);
        if (slot.default_value) text += " = " + formatting::expression_text(*slot.default_value);
        if (slot.optional) text += " optional";
        return with_doc(std::move(text), slot.doc);
    }

    void add_facts(const ast::FactsDecl& d, Spacing spacing)
    {
        std::string head = "facts";
        if (d.name) head += ' ' + d.name->text;
        const std::optional<std::uint32_t> brace = source_.find_token(d.span.offset, limit_of(d.span), "{");
        block(with_doc(std::move(head), d.doc), d.span, spacing, brace, 0, d.facts, [&](const ast::FactSpec& fact) {
            item(indent_step, formatting::fact_text(fact), fact.span, Spacing::kept);
        });
    }

    // `salience` is the keyword followed by a number (a tag or stage may be called
    // `salience` too).
    [[nodiscard]] std::optional<std::uint32_t> salience_keyword(std::uint32_t from, std::uint32_t limit) const
    {
        constexpr std::uint32_t length = 8;
        std::uint32_t position = from;
        while (const std::optional<std::uint32_t> at = source_.find_token(position, limit, "salience")) {
            position = *at + length;
            const auto next = source_.next_token(position);
            if (next && !next->text.empty() && (next->text[0] == '-' || (next->text[0] >= '0' && next->text[0] <= '9'))) {
                return at;
            }
        }
        return std::nullopt;
    }

    void add_rule(const ast::RuleDecl& d, Spacing spacing)
    {
        const std::uint32_t after_name = span_end(d.name.span);
        push(0, with_doc("rule " + d.name.text, d.doc), d.span.offset, after_name, spacing).opens_block = true;

        const std::uint32_t header_limit = d.conditions.empty() ? limit_of(d.span) : d.conditions.front().span.offset;
        const std::optional<std::uint32_t> when_at = source_.find_token(after_name, header_limit, "when");
        const std::uint32_t options_limit = when_at.value_or(header_limit);
        if (d.salience) {
            const std::optional<std::uint32_t> at = salience_keyword(after_name, options_limit);
            keyword(indent_step, "salience " + std::to_string(*d.salience), at, 8);
        }
        if (d.stage) item(indent_step, "stage " + d.stage->text, d.stage->span, Spacing::none);
        if (!d.tags.empty()) {
            std::string text = "tags ";
            for (std::size_t i = 0; i < d.tags.size(); ++i) {
                if (i > 0) text += ", ";
                text += d.tags[i].key.text;
                if (d.tags[i].value) text += ": " + d.tags[i].value->text;
            }
            push(indent_step, std::move(text), d.tags.front().span.offset, source_.code_end(d.tags.back().span),
                 Spacing::none);
        }

        section("when", when_at, d.conditions, [&](const ast::Condition& condition) {
            item(indent_step, formatting::condition_text(condition), condition.span, Spacing::kept);
        });
        const std::optional<std::uint32_t> then_at =
            source_.token_at(d.conditions.empty() ? after_token(when_at, 4).value_or(after_name)
                                                  : source_.code_end(d.conditions.back().span),
                             "then");
        section("then", then_at, d.actions, [&](const ast::Action& action) { add_action(action); });
        const std::optional<std::uint32_t> end_at =
            d.actions.empty() ? (then_at ? source_.token_at(*then_at + 4, "end") : std::nullopt)
                              : source_.token_at(source_.code_end(d.actions.back().span), "end");
        keyword(0, "end", end_at, 3).comment_indent = indent_step;
    }

    // `when` or `then` and the items under it. A comment just before the keyword belongs
    // with the items above it, so it takes their indentation.
    template <class Item, class AddItem>
    void section(std::string_view word, std::optional<std::uint32_t> at, const std::vector<Item>& items,
                 AddItem add_item)
    {
        Line& line = keyword(0, std::string(word), at, word.size());
        line.comment_indent = indent_step;
        line.opens_block = true;
        for (const Item& entry : items) add_item(entry);
    }

    void add_action(const ast::Action& action)
    {
        const auto* advise = std::get_if<ast::AdviseAction>(&action.node);
        if (advise == nullptr) {
            item(indent_step, formatting::action_text(action), action.span, Spacing::kept);
            return;
        }
        const std::uint32_t head_end = span_end(advise->severity ? advise->severity->span : advise->topic.span);
        Line& head = push(indent_step, formatting::advise_head_text(*advise), action.span.offset, head_end, Spacing::kept);
        head.opens_block = !advise->links.empty() || !advise->texts.empty();
        const int property_indent = 2 * indent_step;
        for (const ast::AdviceLink& link : advise->links) {
            item(property_indent, formatting::advice_link_text(link), link.span, Spacing::none);
        }
        for (const ast::AdviceText& text : advise->texts) {
            item(property_indent, formatting::advice_text_text(text), text.span, Spacing::none);
        }
    }

    void add_function(const ast::FunctionDecl& d, Spacing spacing)
    {
        std::string text = "function " + d.name.text + '(';
        for (std::size_t i = 0; i < d.parameters.size(); ++i) {
            if (i > 0) text += ", ";
            text += formatting::variable_text(d.parameters[i].name.text);
            if (d.parameters[i].type) text += ": " + formatting::type_text(*d.parameters[i].type);
        }
        text += ')';
        if (d.result) text += " -> " + formatting::type_text(*d.result);
        text = with_doc(std::move(text), d.doc) + " = " + formatting::expression_text(d.body);
        item(0, std::move(text), d.span, spacing);
    }

    void add_test(const ast::TestDecl& d, Spacing spacing)
    {
        const std::uint32_t limit = limit_of(d.span);
        const std::optional<std::uint32_t> brace = source_.find_token(d.span.offset, limit, "{");
        const std::optional<std::uint32_t> given_at =
            brace ? source_.token_at(*brace + 1, "given") : std::optional<std::uint32_t>();
        const bool has_given = given_at.has_value() || !d.given.empty();
        const std::string head = "test " + formatting::plain_string_text(d.name);

        if (!has_given && d.expectations.empty()) {
            block(head, d.span, spacing, brace, 0, d.expectations, [](const ast::Expectation&) {});
            return;
        }
        push(0, head + " {", d.span.offset, brace ? *brace + 1 : d.span.offset, spacing).opens_block = true;
        std::optional<std::uint32_t> previous_end = after_token(brace, 1);
        if (has_given) previous_end = add_given(d, given_at);
        for (const ast::Expectation& expectation : d.expectations) {
            Line& line = item(indent_step, formatting::expectation_text(expectation), expectation.span, Spacing::kept);
            // The line starts at `expect`, which the expectation's span may leave out.
            if (const auto keyword_at = previous_end ? source_.token_at(*previous_end, "expect") : std::nullopt) {
                if (*keyword_at < expectation.span.offset) line.anchor = keyword_at;
            }
            previous_end = line.code_end;
        }
        keyword(0, "}", closing_brace(previous_end), 1).comment_indent = indent_step;
    }

    // `given { facts }`; returns where it ends in the source, when known.
    std::optional<std::uint32_t> add_given(const ast::TestDecl& d, std::optional<std::uint32_t> given_at)
    {
        const std::optional<std::uint32_t> brace =
            given_at ? source_.token_at(*given_at + 5, "{") : std::optional<std::uint32_t>();
        ast::Span head_span;
        head_span.offset = given_at.value_or(0);
        head_span.end_offset = head_span.offset;
        const std::size_t first_line = lines_.size();
        block("given", head_span, Spacing::kept, brace, indent_step, d.given, [&](const ast::FactSpec& fact) {
            item(2 * indent_step, formatting::fact_text(fact), fact.span, Spacing::kept);
        });
        if (!given_at) lines_[first_line].anchor.reset();
        const Line& last = lines_.back();
        return last.anchor ? std::optional<std::uint32_t>(last.code_end) : std::nullopt;
    }

    const SourceIndex& source_;
    std::uint32_t text_size_;
    std::vector<Line> lines_;
};

// Consecutive imports, and consecutive stages, form one group without blank lines.
Spacing spacing_between(const ast::Declaration& previous, const ast::Declaration& next)
{
    const bool same_kind = previous.index() == next.index();
    const bool groups = std::holds_alternative<ast::ImportDecl>(next) || std::holds_alternative<ast::StageDecl>(next);
    return same_kind && groups ? Spacing::kept : Spacing::required;
}

}  // namespace

std::string format_module(const ast::Module& module, const SourceSet& sources)
{
    const std::string_view text = module.file < sources.size() ? std::string_view(sources.file(module.file).text)
                                                                : std::string_view();
    const SourceIndex source(text, module.comments);
    ModuleLayout layout(source, static_cast<std::uint32_t>(text.size()));
    for (std::size_t i = 0; i < module.declarations.size(); ++i) {
        layout.add(module.declarations[i],
                   i == 0 ? Spacing::kept : spacing_between(module.declarations[i - 1], module.declarations[i]));
    }
    return formatting::weave(layout.lines(), source);
}

}  // namespace koers
