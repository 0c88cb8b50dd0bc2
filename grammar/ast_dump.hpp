// A readable, span-free rendering of an AST, for shape tests and round-trip checks.
#pragma once

#include <string>

#include "grammar/ast.hpp"

namespace koers::ast {

// One S-expression per declaration, one per line; spans and comments are left out so
// that two parses of equivalent text dump the same.
std::string dump(const Module& module);
std::string dump(const Expr& expr);
std::string dump(const Condition& condition);

}  // namespace koers::ast
