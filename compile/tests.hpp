// Tests written in the language: given facts and expectations in engine terms.
#pragma once

#include "compile/compile_context.hpp"

namespace koers::compile {

engine::TestSpec compile_test(CompileContext& context, const ast::TestDecl& test);

}  // namespace koers::compile
