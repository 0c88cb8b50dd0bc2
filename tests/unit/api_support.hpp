// A small ruleset that the API tests share: gold customers get a discount and advice on
// each order, and a counter that counts up forever (to reach limits).
#pragma once

inline constexpr const char* api_shop_ruleset = R"(template customer {
  name: symbol
  status: symbol in {gold, silver} = silver
}

template order {
  id: int
  customer: symbol
  total: number in 0..100000 = 0
}

template discount {
  order: int
}

template counter {
  value: int
}

stage audit

rule gold_discount "Gold customers get a discount on each order"
when
  customer(name: ?c, status: gold)
  order(id: ?o, customer: ?c, total: ?t)
then
  assert logical discount(order: ?o)
  advise big_spender severity: warning
    customer: ?c
    en: "Customer {?c} spends {?t}."
    nl: "Klant {?c} besteedt {?t}."
  print "discount on {?o}"
end

rule count_up
when
  ?f <- counter(value: ?v)
  where ?v < 1000000000
then
  modify ?f(value: ?v + 1)
end
)";
