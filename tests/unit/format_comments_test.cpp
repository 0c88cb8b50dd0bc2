// Comments survive formatting: on their own line before the item that follows them, or at
// the end of the line of code they follow.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "format_support.hpp"

using koers::format_test::check_round_trip;

TEST_CASE("comments around top-level declarations")
{
    const std::string input =
        "// File header\n"
        "\n"
        "// About the imports\n"
        "import \"a.koers\"   // trailing\n"
        "import \"b.koers\"\n"
        "/* before the function */ function f() = 1 /* after */\n"
        "// end of file\n";
    CHECK(check_round_trip(input) ==
          "// File header\n"
          "\n"
          "// About the imports\n"
          "import \"a.koers\" // trailing\n"
          "import \"b.koers\"\n"
          "\n"
          "/* before the function */\n"
          "function f() = 1 /* after */\n"
          "// end of file\n");
}

TEST_CASE("comments in templates: before slots, after slots, before the closing brace")
{
    const std::string input =
        "template t \"Doc\" { // opening\n"
        "// first slot\n"
        "a: int in 1..3 = 2 \"A\" // trailing a\n"
        "\n"
        "    // second slot, after a blank line\n"
        "b: symbol, // trailing b\n"
        "        // last words\n"
        "} // closing\n";
    CHECK(check_round_trip(input) ==
          "template t \"Doc\" { // opening\n"
          "  // first slot\n"
          "  a: int in 1..3 = 2 \"A\" // trailing a\n"
          "\n"
          "  // second slot, after a blank line\n"
          "  b: symbol // trailing b\n"
          "  // last words\n"
          "} // closing\n");
}

TEST_CASE("comments in facts blocks")
{
    const std::string input =
        "facts f {\n"
        "  // the alliance\n"
        "  alliance(name: \"K\") // trailing\n"
        "  // nothing more\n"
        "}\n";
    CHECK(check_round_trip(input) == input);
}

TEST_CASE("comments in rules: header, options, conditions, actions, keywords")
{
    const std::string input =
        "rule r \"Doc\" // header\n"
        "  // why so high\n"
        "  salience 5 // salience\n"
        "  tags x: y // tags\n"
        "  // before when\n"
        "when // when\n"
        "  // first condition\n"
        "  ?f <- t(a: ?a > 1) // condition\n"
        "  // before then\n"
        "then // then\n"
        "  advise topic severity: warning // advise\n"
        "    // before the link\n"
        "    competence: x // link\n"
        "    nl: \"tekst\" // text\n"
        "  halt // halt\n"
        "  // before end\n"
        "end // end\n";
    CHECK(check_round_trip(input) == input);
}

TEST_CASE("comments inside an expression written over several lines move before it")
{
    const std::string input =
        "rule r\n"
        "when\n"
        "  where ?a > 1 and // first part\n"
        "    // second part\n"
        "    ?a < 5\n"
        "then\n"
        "end\n";
    CHECK(check_round_trip(input) ==
          "rule r\n"
          "when\n"
          "  // second part\n"
          "  where ?a > 1 and ?a < 5 // first part\n"
          "then\n"
          "end\n");
}

TEST_CASE("a line never gets two trailing comments: they go before it")
{
    const std::string input =
        "function f() = g(1, /* one */ 2) // two\n"
        "function h() = g(1, /* only */ 2)\n";
    CHECK(check_round_trip(input) ==
          "/* one */\n"
          "// two\n"
          "function f() = g(1, 2)\n"
          "\n"
          "function h() = g(1, 2) /* only */\n");
}

TEST_CASE("comments in tests: given block, expectations, closing braces")
{
    const std::string input =
        "test \"t\" { // test\n"
        "  // the facts\n"
        "  given { // given\n"
        "    t(a: 1) // fact\n"
        "    // end of given\n"
        "  } // given closed\n"
        "  // expectations\n"
        "  expect rule r fires // fires\n"
        "  // end of test\n"
        "} // test closed\n";
    CHECK(check_round_trip(input) == input);
}

TEST_CASE("comments inside empty blocks keep the block open")
{
    CHECK(check_round_trip("template t { // none yet\n}\n") == "template t { // none yet\n}\n");
    CHECK(check_round_trip("facts {\n  // to do\n}\n") == "facts {\n  // to do\n}\n");
    CHECK(check_round_trip("test \"t\" {\n  given {\n    // nothing given\n  }\n}\n") ==
          "test \"t\" {\n  given {\n    // nothing given\n  }\n}\n");
}

TEST_CASE("block comments over several lines are kept verbatim")
{
    const std::string input =
        "/* A block\n"
        "   over lines\n"
        "\n"
        "   with a blank line */\n"
        "template t {\n"
        "      /* inner\n"
        "         block */\n"
        "  a: int\n"
        "}\n";
    CHECK(check_round_trip(input) ==
          "/* A block\n"
          "   over lines\n"
          "\n"
          "   with a blank line */\n"
          "template t {\n"
          "  /* inner\n"
          "         block */\n"
          "  a: int\n"
          "}\n");
}

TEST_CASE("line comments lose trailing white space only")
{
    CHECK(check_round_trip("stage s //  note  \t\n// alone   \n") == "stage s //  note\n// alone\n");
    CHECK(check_round_trip("// only a comment") == "// only a comment\n");
}

TEST_CASE("comment-like text inside strings is not a comment")
{
    CHECK(check_round_trip("stage s \"a // b /* c */\"\n") == "stage s \"a // b /* c */\"\n");
}

TEST_CASE("a comment between `expect` and what is expected stays with the expectation")
{
    const std::string input =
        "test \"t\" {\n"
        "  expect // what\n"
        "\n"
        "    rule r fires\n"
        "}\n";
    CHECK(check_round_trip(input) == "test \"t\" {\n  expect rule r fires // what\n}\n");
}

TEST_CASE("a comment inserted between any two tokens of the tour survives formatting")
{
    std::ifstream in(std::string(KOERS_SOURCE_DIR) + "/tests/samples/tour.koers", std::ios::binary);
    REQUIRE(in);
    std::ostringstream read;
    read << in.rdbuf();
    const std::string tour = read.str();
    std::vector<std::size_t> gaps;
    for (std::size_t i = 0; i < tour.size(); ++i) {
        if (tour[i] == ' ' || tour[i] == '\n' || tour[i] == '(' || tour[i] == ',') gaps.push_back(i);
    }
    // A sample of the gaps, spread over the whole file, keeps the test fast.
    const std::size_t stride = std::max<std::size_t>(1, gaps.size() / 40);
    for (std::size_t k = 0; k < gaps.size(); k += stride) {
        for (const char* comment : {" /* note */ ", " // note\n", "\n\n// own line\n"}) {
            std::string text = tour;
            text.insert(gaps[k], comment);
            // Inside a string a line comment cuts the string short; that text does not parse.
            if (!koers::format_test::parse(text).errors.empty()) continue;
            check_round_trip(text, "tour.koers with a comment at offset " + std::to_string(gaps[k]));
        }
    }
}
