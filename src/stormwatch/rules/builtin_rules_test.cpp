// SPDX-License-Identifier: Apache-2.0
// Data-driven checks of the built-in rules: rules/tests/cases.yml gives, per rule, configs
// that must fire it and near misses that must not. Every built-in rule needs both.
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include "stormwatch/rules/pattern_rules.h"
#include "stormwatch/rules/test_tree.h"

namespace stormwatch::rules {
namespace {

std::shared_ptr<const PatternRuleSet> BuiltinSet() {
    auto rules = LoadBuiltinPatternRules();
    EXPECT_TRUE(rules.ok()) << rules.status().message();
    if (!rules.ok()) {
        return nullptr;
    }
    auto set = PatternRuleSet::Compile(std::move(rules).value());
    EXPECT_TRUE(set.ok()) << set.status().message();
    return set.ok() ? set.value() : nullptr;
}

model::Dialect DialectNamed(const std::string& name) {
    for (int i = 1; i <= static_cast<int>(model::Dialect::kJunosSet); ++i) {
        if (model::DialectName(static_cast<model::Dialect>(i)) == name) {
            return static_cast<model::Dialect>(i);
        }
    }
    ADD_FAILURE() << "unknown dialect " << name;
    return model::Dialect::kUnknown;
}

std::vector<std::string> Configs(const YAML::Node& node) {
    std::vector<std::string> out;
    if (!node) {
        return out;
    }
    if (node.IsScalar()) {
        out.push_back(node.Scalar());
    } else {
        for (const auto& item : node) {
            // A plain scalar ending in `:` turns into a mapping: quote such cases.
            EXPECT_TRUE(item.IsScalar()) << "cases.yml line " << item.Mark().line + 1;
            out.push_back(item.Scalar());
        }
    }
    return out;
}

TEST(BuiltinPatternRules, LoadAndCompile) {
    const auto set = BuiltinSet();
    ASSERT_NE(set, nullptr);
    EXPECT_GE(set->rules().size(), 20U);
    for (const PatternRule& rule : set->rules()) {
        EXPECT_EQ(rule.id.rfind("SW-PAT-", 0), 0U) << rule.id;
        EXPECT_FALSE(rule.description.empty()) << rule.id;
        EXPECT_EQ(rule.origin.rfind("rules/config/", 0), 0U) << rule.origin;
        EXPECT_GT(rule.line, 0) << rule.id;
    }
}

TEST(BuiltinPatternRules, EveryRuleFiresOnItsCasesAndStaysQuietOnNearMisses) {
    const auto set = BuiltinSet();
    ASSERT_NE(set, nullptr);
    const YAML::Node cases =
        YAML::LoadFile(std::string(STORMWATCH_SOURCE_DIR) + "/rules/tests/cases.yml")["cases"];
    ASSERT_TRUE(cases.IsSequence());
    std::map<std::string, std::pair<int, int>> counts;  // rule -> (fire, quiet) cases
    std::set<std::string> known;
    for (const PatternRule& rule : set->rules()) {
        known.insert(rule.id);
    }
    PatternScratch scratch;
    for (const auto& c : cases) {
        const std::string rule = c["rule"].Scalar();
        EXPECT_TRUE(known.count(rule) == 1) << "cases.yml names unknown rule " << rule;
        model::DeviceModel model;
        model.dialect = DialectNamed(c["dialect"].Scalar());
        for (const bool fire : {true, false}) {
            for (const std::string& config : Configs(c[fire ? "fire" : "quiet"])) {
                const parse::ConfigTree tree = testing::TreeFromIndent(config);
                std::vector<Finding> fast;
                std::vector<Finding> reference;
                set->Run(tree, model, "case.cfg", "dev", scratch, fast);
                set->RunReference(tree, model, "case.cfg", "dev", reference);
                ASSERT_EQ(fast.size(), reference.size()) << rule << "\n" << config;
                for (std::size_t i = 0; i < fast.size(); ++i) {
                    EXPECT_EQ(fast[i].rule_id, reference[i].rule_id);
                    EXPECT_EQ(fast[i].line, reference[i].line);
                }
                const auto hits =
                    std::count_if(fast.begin(), fast.end(),
                                  [&rule](const Finding& f) { return f.rule_id == rule; });
                if (fire) {
                    EXPECT_GT(hits, 0) << rule << " did not fire on:\n" << config;
                    ++counts[rule].first;
                } else {
                    EXPECT_EQ(hits, 0) << rule << " fired on the near miss:\n" << config;
                    ++counts[rule].second;
                }
            }
        }
    }
    for (const std::string& id : known) {
        EXPECT_GT(counts[id].first, 0) << id << " has no firing case in rules/tests/cases.yml";
        EXPECT_GT(counts[id].second, 0) << id << " has no near-miss case in rules/tests/cases.yml";
    }
}

TEST(BuiltinPatternRules, EmbeddedCopyMatchesTheSourceFiles) {
    auto builtin = LoadBuiltinPatternRules();
    ASSERT_TRUE(builtin.ok());
    auto from_disk = LoadPatternRuleDir(std::string(STORMWATCH_SOURCE_DIR) + "/rules/config");
    ASSERT_TRUE(from_disk.ok()) << from_disk.status().message();
    ASSERT_EQ(builtin.value().size(), from_disk.value().size())
        << "a rules/config file is missing from src/stormwatch/rules/CMakeLists.txt";
    for (std::size_t i = 0; i < builtin.value().size(); ++i) {
        EXPECT_EQ(builtin.value()[i].id, from_disk.value()[i].id);
        EXPECT_EQ(builtin.value()[i].match, from_disk.value()[i].match);
    }
}

}  // namespace
}  // namespace stormwatch::rules
