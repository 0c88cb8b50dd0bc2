// Every `koers` example in docs/language.md must parse, so that the reference cannot
// drift from the grammar.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "grammar/diagnostic.hpp"
#include "grammar/parser.hpp"
#include "grammar/source.hpp"

namespace {

struct Example {
    int line = 0;  // line of the opening fence in the document
    std::string text;
};

std::vector<Example> koers_examples(const std::string& markdown)
{
    std::vector<Example> examples;
    std::istringstream in(markdown);
    std::string line;
    int number = 0;
    Example* open = nullptr;
    while (std::getline(in, line)) {
        ++number;
        if (open == nullptr && line == "```koers") {
            examples.push_back(Example{number, {}});
            open = &examples.back();
        }
        else if (open != nullptr && line == "```") {
            open = nullptr;
        }
        else if (open != nullptr) {
            open->text += line + '\n';
        }
    }
    return examples;
}

}  // namespace

TEST_CASE("every koers example in docs/language.md parses")
{
    std::ifstream file(std::string(KOERS_SOURCE_DIR) + "/docs/language.md");
    REQUIRE(file.good());
    std::stringstream content;
    content << file.rdbuf();
    const std::vector<Example> examples = koers_examples(content.str());
    CHECK(examples.size() >= 15);
    for (const Example& example : examples) {
        CAPTURE(example.line);
        koers::SourceSet sources;
        const auto id = sources.add("docs/language.md example at line " + std::to_string(example.line), example.text);
        koers::Diagnostics diagnostics;
        const koers::ast::Module module = koers::parse_module(sources, id, diagnostics);
        std::string rendered;
        for (const auto& diagnostic : diagnostics.all()) rendered += koers::render(diagnostic, sources);
        CHECK_MESSAGE(diagnostics.all().empty(), rendered);
        CHECK_FALSE(module.declarations.empty());
    }
}
