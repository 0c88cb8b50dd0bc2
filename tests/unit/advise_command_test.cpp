// `koers advise`: golden reports for every shipped example in every format and language,
// JSON assessments that mean what their .koers twins mean, and every kind of bad input
// rejected with a message that names the field (and no report file written).
//
// KOERS_UPDATE_GOLDEN=1 rewrites examples/alliances/reports/; review every change by eye.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "advisor/assessment.hpp"
#include "cli/engine_commands.hpp"
#include "cli/engine_loading.hpp"
#include "engine_commands_support.hpp"

namespace {

namespace fs = std::filesystem;
using koers::cli::AdviseCommandOptions;
using koers::engine_commands_test::CommandResult;
using koers::engine_commands_test::TempFolder;

const fs::path source_dir = KOERS_SOURCE_DIR;
const fs::path examples = source_dir / "examples" / "alliances";
const std::string ruleset = (source_dir / "rulesets" / "alliance").string();

CommandResult advise(AdviseCommandOptions options)
{
    if (options.ruleset.empty()) options.ruleset = {ruleset};
    std::ostringstream out;
    std::ostringstream err;
    const int code = koers::cli::run_advise(options, out, err);
    return {code, out.str(), err.str()};
}

AdviseCommandOptions options_for(const std::string& assessment, const std::string& language = "en",
                                 const std::string& format = "text")
{
    AdviseCommandOptions options;
    options.assessment = assessment;
    options.language = language;
    options.format = format;
    return options;
}

std::string read(const fs::path& file)
{
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

const char* extension(const std::string& format) { return format == "text" ? "txt" : format.c_str(); }

}  // namespace

TEST_CASE("koers advise: the golden report of every example in every format and language")
{
    const bool update = std::getenv("KOERS_UPDATE_GOLDEN") != nullptr;
    std::vector<fs::path> assessments;
    for (const auto& entry : fs::directory_iterator(examples)) {
        if (entry.path().extension() == ".koers") assessments.push_back(entry.path());
    }
    std::sort(assessments.begin(), assessments.end());
    REQUIRE(assessments.size() >= 6);
    for (const fs::path& assessment : assessments) {
        for (const std::string language : {"nl", "en"}) {
            for (const std::string format : {"text", "md", "html", "json"}) {
                const fs::path golden = examples / "reports" /
                                        (assessment.stem().string() + "." + language + "." + extension(format));
                CAPTURE(golden);
                const CommandResult result = advise(options_for(assessment.string(), language, format));
                REQUIRE(result.exit_code == 0);
                CHECK(result.err.empty());
                if (update) {
                    fs::create_directories(golden.parent_path());
                    std::ofstream(golden, std::ios::binary) << result.out;
                }
                REQUIRE_MESSAGE(fs::exists(golden), "no golden report; run with KOERS_UPDATE_GOLDEN=1 to create it");
                CHECK(result.out == read(golden));
            }
        }
    }
}

TEST_CASE("koers advise: a JSON assessment gives the report of its .koers twin")
{
    for (const std::string name : {"gabv", "los_netwerk"}) {
        for (const std::string format : {"text", "json"}) {
            CAPTURE(name);
            const CommandResult koers = advise(options_for((examples / (name + ".koers")).string(), "nl", format));
            const CommandResult json = advise(options_for((examples / "json" / (name + ".json")).string(), "nl", format));
            CHECK(koers.exit_code == 0);
            CHECK(json.exit_code == 0);
            CHECK(json.err.empty());
            CHECK(json.out == koers.out);
        }
    }
}

TEST_CASE("koers advise: every piece of advice says why, with the observations it rests on")
{
    const CommandResult result = advise(options_for((examples / "gabv.koers").string(), "en", "md"));
    REQUIRE(result.exit_code == 0);
    CHECK(result.out.find("**Why:** Rule `heftige_pool_overdreven` (paradoxes.koers:") != std::string::npos);
    CHECK(result.out.find("- *observation*: position on a paradox — paradox: H4 agility – stability; value: 2") !=
          std::string::npos);
    CHECK(result.out.find("*Source: design inference of this ruleset; not Boonstra's*") != std::string::npos);
}

TEST_CASE("koers advise --out writes the report whole, and nothing when it fails")
{
    const TempFolder folder;
    const std::string target = folder.write("report.html", "old");
    AdviseCommandOptions options = options_for((examples / "cems.koers").string(), "nl", "html");
    options.out_file = target;
    const CommandResult written = advise(options);
    CHECK(written.exit_code == 0);
    CHECK(written.out.empty());
    CHECK(read(target).starts_with("<!DOCTYPE html>"));
    CHECK(read(target).find("</html>") != std::string::npos);

    // The run stops at a limit: no report, the old file stays as it was.
    const std::string kept = folder.write("kept.txt", "old");
    options.out_file = kept;
    options.max_firings = 5;
    const CommandResult stopped = advise(options);
    CHECK(stopped.exit_code == 1);
    CHECK(stopped.err.find("no report written") != std::string::npos);
    CHECK(read(kept) == "old");
}

TEST_CASE("koers advise: bad assessments are rejected with the field and what it allows")
{
    const TempFolder folder;
    const std::pair<std::string, std::string> json_cases[] = {
        {R"({"alliance": {"name": "X"}, "identity": {"mission": "finished"}})",
         "$.identity.mission: expected one of absent, draft, agreed, elaborated, under_revision, not \"finished\""},
        {R"({"alliance": {"name": "X"}, "pole": [{"paradox": "P02", "value": 3}]})",
         "$.pole[0].value: expected a number in -2..2, not 3"},
        {R"({"alliance": {"name": "X"}, "pole": [{"value": 1}]})",
         "$.pole[0]: missing required field `paradox`: one of P01, P02, P03, P04, P05, P06, P07, P08, P09, P10, P11, P12, H4"},
        {R"({"alliance": {"name": "X", "memebrs": 3}})", "$.alliance: unknown field `memebrs` in `alliance`; the fields are "},
        {R"({"alliance": {"name": "X"}, "current_phase": {"phase": "formeren", "rank": "primary", "provenance": "D"}})",
         "$.current_phase: `current_phase` is not part of an assessment; allowed: "},
        {R"({"identity": {"mission": "draft"}})", "the assessment has no `alliance`; it needs one"},
        {R"({"alliance": {"name": "X"},})", "bad.json:1:28: not valid JSON: "},
    };
    for (const auto& [text, message] : json_cases) {
        CAPTURE(text);
        const CommandResult result = advise(options_for(folder.write("bad.json", text)));
        CHECK(result.exit_code == 1);
        CHECK(result.out.empty());
        CHECK(result.err.find(message) != std::string::npos);
    }

    const std::pair<std::string, std::string> koers_cases[] = {
        {"facts a { alliance(name: \"X\")\n  identity(mission: finished) }\n", "bad.koers:2:21: error: value `finished` is not one of the allowed values of slot `identity.mission`: absent, draft"},
        {"facts a { alliance(name: \"X\")\n  pole(paradox: P02, value: 3) }\n", "bad.koers:2:29: error: value 3 is outside the range -2..2 of slot `pole.value`"},
        {"facts a { alliance(name: \"X\") current_phase(phase: formeren, rank: primary, provenance: D) }\n",
         "bad.koers:1:31: an assessment may not hold `current_phase` facts"},
        {"facts a { alliance(name: \"X\") }\nrule r when alliance() then end\n",
         "bad.koers:2:1: error: an assessment holds facts blocks only"},
        {"facts a { identity(mission: draft) }\n", "the assessment has no `alliance`; it needs one"},
    };
    for (const auto& [text, message] : koers_cases) {
        CAPTURE(text);
        const CommandResult result = advise(options_for(folder.write("bad.koers", text)));
        CHECK(result.exit_code == 1);
        CHECK(result.out.empty());
        CHECK(result.err.find(message) != std::string::npos);
    }
}

TEST_CASE("koers advise: bad options")
{
    const std::string gabv = (examples / "gabv.koers").string();
    CHECK(advise(options_for(gabv, "de")).exit_code == 2);
    CHECK(advise(options_for(gabv, "en", "pdf")).exit_code == 2);
    CHECK(advise(options_for((examples / "missing.koers").string())).exit_code == 1);
    const CommandResult csv = advise(options_for("assessment.csv"));
    CHECK(csv.exit_code == 2);
    CHECK(csv.err == "koers: error: the assessment assessment.csv must end in .koers or .json\n");
}

TEST_CASE("docs/assessment.md describes every part and field an assessment may hold")
{
    std::ostringstream ignored;
    const std::unique_ptr<koers::cli::LoadedRuleset> loaded = koers::cli::load_ruleset({ruleset}, ignored);
    REQUIRE(loaded != nullptr);
    const std::string doc = read(source_dir / "docs" / "assessment.md");
    const koers::advisor::AssessmentShape shape = koers::advisor::assessment_shape(*loaded->rules);
    REQUIRE(shape.allowed.size() >= 10);
    for (const koers::engine::TemplateId id : shape.allowed) {
        const koers::engine::TemplateSpec& part = loaded->rules->templates[id];
        const std::size_t section = doc.find("### `" + part.name + "`");
        CHECK_MESSAGE(section != std::string::npos, std::string(part.name));
        const std::size_t next = doc.find("### ", section + 1);
        for (const koers::engine::SlotSpec& slot : part.slots) {
            CHECK_MESSAGE(doc.substr(section, next - section).find("| `" + slot.name + "` |") != std::string::npos,
                          std::string(part.name + "." + slot.name));
        }
    }
}
