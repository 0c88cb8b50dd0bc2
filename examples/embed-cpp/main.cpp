// Embedding Koers in C++: compile a ruleset from text, run sessions on it from two
// threads, assert facts with typed builders and as JSON, and read advice with its
// explanation. Prints the advice and exits with 0, or prints problems and exits with 1.
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include <koers/koers.hpp>

namespace {

const char* const ruleset_text = R"(template customer {
  name: symbol
  status: symbol in {gold, silver} = silver
}

template order {
  id: int
  customer: symbol
  total: number in 0..100000 = 0
}

rule big_order "A gold customer's large order deserves a personal thank-you"
when
  customer(name: ?c, status: gold)
  order(id: ?o, customer: ?c, total: ?t)
  where ?t >= 100
then
  advise thank_customer severity: notice
    customer: ?c
    order: ?o
    en: "Thank {?c} for order {?o} ({?t})."
end
)";

// One session: the customer from a builder, the orders from JSON.
std::string advise(const koers::api::Ruleset& rules, const std::string& customer)
{
    using namespace koers::api;
    Session session(rules);
    const AssertResult added = session.assert_fact(NewFact("customer").set("name", customer).set("status", "gold"));
    if (!added.ok()) return "error: " + added.error->render();
    const JsonAssertResult orders = session.assert_json(R"({"order": [{"id": 1, "customer": ")" + customer +
                                                        R"(", "total": 250}, {"id": 2, "customer": ")" + customer +
                                                        R"(", "total": 20}]})");
    if (!orders.ok()) return "error: " + orders.error->render();
    const RunResult result = session.run({.strategy = Strategy::Depth, .max_firings = 1000});
    if (result.error) return "error: " + result.error->render();

    std::string out;
    for (const Advice& advice : session.advice()) {
        out += std::string(severity_name(advice.severity)) + " " + advice.topic + ": " + advice.text("en") + "\n";
        out += session.explain_advice(advice.id)->render();
    }
    return out;
}

}  // namespace

int main()
{
    const koers::api::CompileResult compiled = koers::api::Ruleset::compile_text("shop.koers", ruleset_text);
    for (const koers::api::Diagnostic& diagnostic : compiled.diagnostics) std::cerr << diagnostic.render() << '\n';
    if (!compiled.ok()) return 1;

    // One ruleset, a session per thread.
    std::vector<std::string> results(2);
    std::thread first([&] { results[0] = advise(*compiled.ruleset, "ada"); });
    std::thread second([&] { results[1] = advise(*compiled.ruleset, "bo"); });
    first.join();
    second.join();
    for (const std::string& result : results) {
        std::cout << result;
        if (result.starts_with("error: ")) return 1;
    }
    return 0;
}
