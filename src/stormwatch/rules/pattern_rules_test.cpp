// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/rules/pattern_rules.h"

#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include <gtest/gtest.h>

#include "stormwatch/rules/test_tree.h"

namespace stormwatch::rules {
namespace {

using testing::TreeFromIndent;

constexpr std::string_view kTwoRules = R"(rules:
  - id: T-ONE
    title: One
    category: ttp.remote-access
    severity: high
    attack: [T1021.004, T1571]
    description: first
    dialects: [cisco-ios, cisco-nxos]
    match: '^rotary (\d+)$'
    under: '^line vty'
    unless: 'rotary 99'
    references: [https://example.net/a]
  - id: T-TWO
    title: Two
    category: hardening.ip-source-route
    severity: low
    match: '^ip source-route$'
)";

std::string ErrorOf(std::string_view yaml) {
    auto parsed = ParsePatternRules(yaml, "x.yml");
    if (!parsed.ok()) {
        EXPECT_EQ(parsed.status().code(), StatusCode::kInvalidArgument);
        return parsed.status().message();
    }
    auto compiled = PatternRuleSet::Compile(std::move(parsed).value());
    EXPECT_FALSE(compiled.ok()) << "accepted:\n" << yaml;
    return compiled.ok() ? "" : compiled.status().message();
}

std::string OneRule(std::string_view extra, std::string_view match = "'^x$'") {
    std::string yaml =
        "rules:\n  - id: R1\n    title: t\n    category: ttp.tunnel\n"
        "    severity: low\n    match: ";
    yaml += match;
    yaml += "\n";
    yaml += extra;
    return yaml;
}

TEST(ParsePatternRules, ReadsEveryField) {
    auto parsed = ParsePatternRules(kTwoRules, "two.yml");
    ASSERT_TRUE(parsed.ok()) << parsed.status().message();
    const auto& rules = parsed.value();
    ASSERT_EQ(rules.size(), 2U);
    const PatternRule& one = rules[0];
    EXPECT_EQ(one.id, "T-ONE");
    EXPECT_EQ(one.title, "One");
    EXPECT_EQ(one.category, "ttp.remote-access");
    EXPECT_EQ(one.severity, Severity::kHigh);
    EXPECT_EQ(one.attack, (std::vector<std::string>{"T1021.004", "T1571"}));
    EXPECT_EQ(one.description, "first");
    EXPECT_EQ(one.dialects,
              (std::vector<model::Dialect>{model::Dialect::kCiscoIos, model::Dialect::kCiscoNxos}));
    EXPECT_EQ(one.match, "^rotary (\\d+)$");
    EXPECT_EQ(one.under, "^line vty");
    EXPECT_EQ(one.unless, "rotary 99");
    EXPECT_EQ(one.references, (std::vector<std::string>{"https://example.net/a"}));
    EXPECT_EQ(one.origin, "two.yml");
    EXPECT_EQ(one.line, 2);
    EXPECT_EQ(rules[1].line, 13);
    EXPECT_TRUE(rules[1].dialects.empty());
}

TEST(ParsePatternRules, EmptyFileHasNoRules) {
    auto parsed = ParsePatternRules("# nothing yet\n", "e.yml");
    ASSERT_TRUE(parsed.ok());
    EXPECT_TRUE(parsed.value().empty());
}

TEST(ParsePatternRules, ErrorsNameFileLineAndRule) {
    EXPECT_EQ(ErrorOf(OneRule("    severity: huge\n")),
              "x.yml:7: rule 'R1': duplicate field 'severity'");
    EXPECT_NE(
        ErrorOf(OneRule("    colour: red\n")).find("x.yml:7: rule 'R1': unknown field 'colour'"),
        std::string::npos);
    EXPECT_NE(ErrorOf(OneRule("", "'^(x'")).find("x.yml:6: rule 'R1': 'match' is not a valid RE2"),
              std::string::npos);
    EXPECT_NE(ErrorOf(OneRule("    under: '(?<=a)b'\n")).find("x.yml:7: rule 'R1': 'under'"),
              std::string::npos);
    EXPECT_NE(ErrorOf(OneRule("    attack: [T10]\n")).find("bad ATT&CK id 'T10'"),
              std::string::npos);
    EXPECT_NE(ErrorOf(OneRule("    dialects: [cisco-asa]\n")).find("unknown dialect 'cisco-asa'"),
              std::string::npos);
    EXPECT_NE(ErrorOf(OneRule("", "'" + std::string(5000, 'a') + "'")).find("longer than 4 KiB"),
              std::string::npos);
    const std::string bad_category = ErrorOf(
        "rules:\n  - id: R1\n    title: t\n    category: ttp.made-up\n    severity: low\n"
        "    match: x\n");
    EXPECT_EQ(bad_category,
              "x.yml:4: rule 'R1': unknown category 'ttp.made-up' (docs/findings.md vocabulary)");
    EXPECT_NE(ErrorOf("rules:\n  - id: R1\n    title: t\n    category: ttp.tunnel\n    match: x\n")
                  .find("x.yml:2: rule 'R1': missing required field 'severity'"),
              std::string::npos);
    EXPECT_NE(ErrorOf("rules:\n  - title: t\n").find("x.yml:2: rule without an 'id'"),
              std::string::npos);
    EXPECT_NE(ErrorOf("rules:\n  - id: 'bad id'\n").find("x.yml:2:"), std::string::npos);
    EXPECT_NE(ErrorOf("rule: []\n").find("x.yml:1: unknown key 'rule'"), std::string::npos);
    EXPECT_NE(ErrorOf("rules: {a: b}\n").find("must be a list"), std::string::npos);
    EXPECT_NE(ErrorOf("rules: [\n").find("x.yml:"), std::string::npos);
}

TEST(ParsePatternRules, DuplicateIdsNameBothPlaces) {
    const std::string yaml = std::string(kTwoRules) +
                             "  - id: T-ONE\n    title: again\n    category: ioc.match\n"
                             "    severity: info\n    match: again\n";
    EXPECT_EQ(ErrorOf(yaml), "x.yml:18: rule 'T-ONE': duplicate id (first defined at x.yml:2)");

    auto a = ParsePatternRules(kTwoRules, "a.yml");
    auto b = ParsePatternRules(kTwoRules, "b.yml");
    ASSERT_TRUE(a.ok() && b.ok());
    std::vector<PatternRule> both = a.value();
    both.insert(both.end(), b.value().begin(), b.value().end());
    auto compiled = PatternRuleSet::Compile(std::move(both));
    ASSERT_FALSE(compiled.ok());
    EXPECT_EQ(compiled.status().message(),
              "b.yml:2: rule 'T-ONE': duplicate id (first defined at a.yml:2)");
}

TEST(ParsePatternRules, HyperscanRejectionNamesTheRule) {
    // RE2 accepts a pattern that matches the empty string; Hyperscan refuses it without
    // HS_FLAG_ALLOWEMPTY, and a rule firing on every line is a broken rule anyway.
    const std::string message = ErrorOf(OneRule("", "'x*'"));
    EXPECT_NE(message.find("x.yml:2: rule 'R1': 'match' is not supported by the multi-pattern"),
              std::string::npos)
        << message;
}

TEST(ParsePatternRules, HostileYamlIsRejected) {
    std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n";
    std::string prev = "a";
    for (char c = 'b'; c <= 'j'; ++c) {
        const std::string name(1, c);
        bomb += name + ": &" + name + " [";
        for (int i = 0; i < 9; ++i) {
            bomb += (i ? ", *" : "*") + prev;
        }
        bomb += "]\n";
        prev = name;
    }
    EXPECT_NE(ErrorOf(bomb).find("alias expansion"), std::string::npos);
    EXPECT_FALSE(ErrorOf("rules: " + std::string(3000, '[') + std::string(3000, ']')).empty());
    EXPECT_FALSE(ErrorOf(std::string("rules:\0\x01\x02", 9)).empty());
    EXPECT_FALSE(ErrorOf("\xff\xfe").empty());
}

TEST(IsValidCategory, FollowsTheFindingsVocabulary) {
    for (const std::string_view ok :
         {"ttp.exploit-surface", "ttp.exfiltration", "ioc.match", "hardening.telnet-enabled",
          "drift.acl", "hardening.snmp-v1v2c"}) {
        EXPECT_TRUE(IsValidCategory(ok)) << ok;
    }
    for (const std::string_view bad : {"ttp.made-up", "ioc.other", "hardening.", "hardening.Bad",
                                       "hardening.a--b", "drift.-x", "other", ""}) {
        EXPECT_FALSE(IsValidCategory(bad)) << bad;
    }
}

std::shared_ptr<const PatternRuleSet> CompileTwo() {
    auto parsed = ParsePatternRules(kTwoRules, "two.yml");
    EXPECT_TRUE(parsed.ok());
    auto compiled = PatternRuleSet::Compile(std::move(parsed).value());
    EXPECT_TRUE(compiled.ok()) << compiled.status().message();
    return compiled.value();
}

TEST(PatternRuleSet, RunReportsLineEvidenceAndRuleFields) {
    const auto set = CompileTwo();
    const std::string config =
        "hostname r1\n"
        "ip source-route\n"
        "line vty 0 4\n"
        " rotary 1\n"
        " rotary 99\n"
        "line aux 0\n"
        " rotary 2\n";
    const parse::ConfigTree tree = TreeFromIndent(config);
    model::DeviceModel model;
    model.dialect = model::Dialect::kCiscoIos;
    PatternScratch scratch;
    std::vector<Finding> out;
    set->Run(tree, model, "configs/r1.cfg", "r1", scratch, out);
    ASSERT_EQ(out.size(), 2U);
    EXPECT_EQ(out[0].rule_id, "T-TWO");
    EXPECT_EQ(out[0].line, 2U);
    EXPECT_EQ(out[1].rule_id, "T-ONE");
    EXPECT_EQ(out[1].line, 4U);
    EXPECT_EQ(out[1].evidence, "rotary 1");
    EXPECT_EQ(out[1].title, "One");
    EXPECT_EQ(out[1].category, "ttp.remote-access");
    EXPECT_EQ(out[1].severity, Severity::kHigh);
    EXPECT_EQ(out[1].attack, (std::vector<std::string>{"T1021.004", "T1571"}));
    EXPECT_EQ(out[1].device, "r1");
    EXPECT_EQ(out[1].path, "configs/r1.cfg");
    EXPECT_EQ(out[1].source_kind, SourceKind::kConfig);
    EXPECT_FALSE(out[1].time.has_value());

    // Dialect filter: T-ONE is for IOS and NX-OS only.
    model.dialect = model::Dialect::kJunos;
    out.clear();
    set->Run(tree, model, "configs/r1.cfg", "r1", scratch, out);
    ASSERT_EQ(out.size(), 1U);
    EXPECT_EQ(out[0].rule_id, "T-TWO");
}

TEST(PatternRuleSet, EvidenceIsSanitised) {
    const auto set = CompileTwo();
    const std::string config = std::string("ip source-route\n");
    parse::ConfigTree tree = TreeFromIndent(config);
    const std::string dirty = "ip source-route\x01";
    parse::ConfigLine line = tree.nodes[0];
    // A control byte in the middle would defeat the `$` anchor; use a clean anchor-free rule.
    auto parsed = ParsePatternRules(
        "rules:\n  - id: S\n    title: s\n    category: ioc.match\n    severity: info\n"
        "    match: 'source-route'\n",
        "s.yml");
    ASSERT_TRUE(parsed.ok());
    auto compiled = PatternRuleSet::Compile(std::move(parsed).value());
    ASSERT_TRUE(compiled.ok());
    line.text = dirty;
    tree.nodes[0] = line;
    PatternScratch scratch;
    std::vector<Finding> out;
    compiled.value()->Run(tree, model::DeviceModel{}, "p", "d", scratch, out);
    ASSERT_EQ(out.size(), 1U);
    EXPECT_EQ(out[0].evidence, "ip source-route ");
    (void)set;
}

TEST(PatternRuleSet, CatalogueListsEveryRule) {
    const auto infos = CompileTwo()->Catalogue();
    ASSERT_EQ(infos.size(), 2U);
    EXPECT_EQ(infos[0].id, "T-ONE");
    EXPECT_EQ(infos[0].kind, "pattern");
    EXPECT_EQ(infos[0].origin, "two.yml");
    EXPECT_EQ(infos[0].description, "first");
    EXPECT_EQ(infos[1].severity, Severity::kLow);
}

TEST(PatternRuleSet, EmptySetFindsNothing) {
    auto compiled = PatternRuleSet::Compile({});
    ASSERT_TRUE(compiled.ok());
    const parse::ConfigTree tree = TreeFromIndent("ip source-route\n");
    PatternScratch scratch;
    std::vector<Finding> out;
    compiled.value()->Run(tree, model::DeviceModel{}, "p", "d", scratch, out);
    EXPECT_TRUE(out.empty());
}

TEST(PatternRuleSet, ScratchMovesAndServesSeveralSets) {
    const auto a = CompileTwo();
    auto parsed = ParsePatternRules(
        "rules:\n  - id: B\n    title: b\n    category: ioc.match\n    severity: info\n"
        "    match: 'hostname'\n",
        "b.yml");
    ASSERT_TRUE(parsed.ok());
    auto b = PatternRuleSet::Compile(std::move(parsed).value());
    ASSERT_TRUE(b.ok());
    const parse::ConfigTree tree = TreeFromIndent("hostname r1\nip source-route\n");
    PatternScratch first;
    std::vector<Finding> out;
    a->Run(tree, model::DeviceModel{}, "p", "d", first, out);
    PatternScratch moved(std::move(first));
    b.value()->Run(tree, model::DeviceModel{}, "p", "d", moved, out);
    PatternScratch assigned;
    assigned = std::move(moved);
    a->Run(tree, model::DeviceModel{}, "p", "d", assigned, out);
    ASSERT_EQ(out.size(), 3U);
    EXPECT_EQ(out[0].rule_id, "T-TWO");
    EXPECT_EQ(out[1].rule_id, "B");
    EXPECT_EQ(out[2].rule_id, "T-TWO");
}

// Runs `set` both ways on `config` and expects the same findings, line for line; returns how
// many there were.
std::size_t ExpectAgreesWithReference(const PatternRuleSet& set, const model::DeviceModel& model,
                                      std::string_view config, PatternScratch& scratch) {
    const parse::ConfigTree tree = TreeFromIndent(config);
    std::vector<Finding> fast;
    std::vector<Finding> reference;
    set.Run(tree, model, "p", "d", scratch, fast);
    set.RunReference(tree, model, "p", "d", reference);
    EXPECT_EQ(fast.size(), reference.size()) << config.substr(0, 200);
    for (std::size_t i = 0; i < std::min(fast.size(), reference.size()); ++i) {
        if (fast[i].rule_id != reference[i].rule_id || fast[i].line != reference[i].line) {
            ADD_FAILURE() << "finding " << i << ": " << fast[i].rule_id << " at line "
                          << fast[i].line << ", reference " << reference[i].rule_id << " at line "
                          << reference[i].line;
            break;
        }
    }
    return reference.size();
}

// Hyperscan and the RE2-only reference engine agree on random lines built from rule
// fragments (so that matches, near misses and `under`/`unless` all occur).
TEST(PatternRuleSet, HyperscanAgreesWithReferenceOnRandomConfigs) {
    const auto set = CompileTwo();
    const std::vector<std::string> fragments = {
        "rotary 1",           "rotary 99",       "rotary",
        "line vty 0 4",       "ip source-route", "ip source-route x",
        "no ip source-route", "rotary 12345",    "line con 0"};
    std::mt19937 rng(42);
    model::DeviceModel model;
    model.dialect = model::Dialect::kCiscoIos;
    PatternScratch scratch;
    for (int round = 0; round < 200; ++round) {
        std::string config;
        for (int i = 0; i < 12; ++i) {
            config += std::string(rng() % 3, ' ') + fragments[rng() % fragments.size()] + "\n";
        }
        ExpectAgreesWithReference(*set, model, config, scratch);
    }
}

// Rules in YAML, one per match pattern (ids R0, R1, ...).
std::shared_ptr<const PatternRuleSet> CompileMatches(const std::vector<std::string>& matches) {
    std::string yaml = "rules:\n";
    for (std::size_t i = 0; i < matches.size(); ++i) {
        yaml += "  - id: R" + std::to_string(i) +
                "\n    title: t\n    category: ttp.tunnel\n    severity: low\n    match: '" +
                matches[i] + "'\n";
    }
    auto parsed = ParsePatternRules(yaml, "m.yml");
    EXPECT_TRUE(parsed.ok()) << parsed.status().message();
    auto compiled = PatternRuleSet::Compile(std::move(parsed).value());
    EXPECT_TRUE(compiled.ok()) << compiled.status().message();
    return compiled.value();
}

// Lines are scanned in joined chunks of ~64 KiB; patterns that could run across the joining
// newline (classes, \s, unanchored words), matches at chunk edges, and the per-line mode that
// a buffer anchor (\A) selects must all agree with the reference, line for line.
TEST(PatternRuleSet, JoinedChunksAndBufferAnchorsAgreeWithReference) {
    const std::vector<std::string> joined_rules = {
        "^rotary \\d+$", "(^|[^a-z])pcap\\b", "\\s+tclsh$", "(?i)\\btclsh\\b", "x$", "^$|^y"};
    std::vector<std::string> anchored_rules = joined_rules;
    anchored_rules.push_back("\\Arotary");
    const std::vector<std::string> fragments = {
        "rotary 1", "rotary x", "pcap", "a.pcap", "xpcap", "run tclsh", "TCLSH",
        "tclsh",    "x",        "y",    "yx",     "x y",   "ab",        "rotary 77 x"};
    std::mt19937 rng(7);
    model::DeviceModel model;
    model.dialect = model::Dialect::kCiscoIos;
    PatternScratch scratch;
    for (const auto& matches : {joined_rules, anchored_rules}) {
        const auto set = CompileMatches(matches);
        for (int round = 0; round < 3; ++round) {
            std::string config;
            while (config.size() < 200 * 1024) {  // several chunks
                config += std::string(rng() % 3, ' ') + fragments[rng() % fragments.size()] + "\n";
            }
            EXPECT_GT(ExpectAgreesWithReference(*set, model, config, scratch), 0U);
        }
    }
}

TEST(LoadPatternRuleDir, LoadsYamlFilesInNameOrder) {
    namespace fs = std::filesystem;
    const fs::path dir = fs::path(::testing::TempDir()) / "stormwatch_rules_dir_test";
    fs::remove_all(dir);
    fs::create_directories(dir);
    auto write = [&dir](const std::string& name, const std::string& body) {
        std::ofstream(dir / name) << body;
    };
    write("b.yaml",
          "rules:\n  - id: B\n    title: b\n    category: ioc.match\n"
          "    severity: info\n    match: b\n");
    write("a.yml",
          "rules:\n  - id: A\n    title: a\n    category: ioc.match\n"
          "    severity: info\n    match: a\n");
    write("notes.txt", "not rules");
    auto loaded = LoadPatternRuleDir(dir.string());
    ASSERT_TRUE(loaded.ok()) << loaded.status().message();
    ASSERT_EQ(loaded.value().size(), 2U);
    EXPECT_EQ(loaded.value()[0].id, "A");
    EXPECT_EQ(loaded.value()[1].id, "B");
    EXPECT_EQ(loaded.value()[1].origin, (dir / "b.yaml").string());

    write("c.yml",
          "rules:\n  - id: A\n    title: a\n    category: ioc.match\n"
          "    severity: info\n    match: a\n");
    auto duplicate = LoadPatternRuleDir(dir.string());
    ASSERT_FALSE(duplicate.ok());
    EXPECT_NE(duplicate.status().message().find("duplicate id"), std::string::npos);
    EXPECT_NE(duplicate.status().message().find("a.yml:2"), std::string::npos);
    fs::remove_all(dir);

    auto missing = LoadPatternRuleDir("no/such/rules");
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
    EXPECT_NE(missing.status().message().find("no/such/rules"), std::string::npos);
}

}  // namespace
}  // namespace stormwatch::rules
