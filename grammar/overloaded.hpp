// `std::visit(Overloaded{[](const A&) {...}, [](const B&) {...}}, variant)`: one handler
// per alternative of a variant.
#pragma once

namespace koers {

template <class... Handlers>
struct Overloaded : Handlers... {
    using Handlers::operator()...;
};

// Clang 14 does not deduce the handlers of an aggregate without this guide.
template <class... Handlers>
Overloaded(Handlers...) -> Overloaded<Handlers...>;

}  // namespace koers
