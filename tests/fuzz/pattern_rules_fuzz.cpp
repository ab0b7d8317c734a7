// SPDX-License-Identifier: Apache-2.0
// Rule files come from `--rules DIR`, possibly from someone else's repository: the YAML parser
// must return rules or a located error for any bytes. Rule sets that parse are also compiled
// and run over a small config, and the Hyperscan path must agree with the RE2-only reference.

#include "stormwatch/rules/pattern_rules.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string_view>
#include <vector>

#include "tests/fuzz/fuzz_support.h"

#include "stormwatch/core/finding.h"
#include "stormwatch/parse/config_tree.h"

namespace {

// Built by BuildIndentTree, as the engine does for IOS-like configs.
constexpr std::string_view kConfig =
    "hostname pe1\n"
    "ip ssh port 2222 rotary 1\n"
    "app-hosting appid guestshell\n"
    " app-vnic management guest-interface 0\n"
    "interface Tunnel10\n"
    " tunnel destination 45.61.133.77\n"
    "ip access-list extended EDGE\n"
    " 10 permit ip host 45.61.133.77 any\n"
    "snmp-server community private RW\n"
    "line vty 0 4\n"
    " transport input telnet ssh\n";

// Compiling is the slow part; bound it so the fuzzer keeps its exec rate on parser bugs.
constexpr std::size_t kMaxRulesToCompile = 8;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    auto parsed = stormwatch::rules::ParsePatternRules(text, "fuzz.yml");
    if (!parsed.ok()) {
        if (parsed.status().message().empty()) {
            stormwatch::fuzz::Fail("rule error without a message");
        }
        return 0;
    }
    std::vector<stormwatch::rules::PatternRule> rules = std::move(parsed).value();
    if (rules.empty() || rules.size() > kMaxRulesToCompile) {
        return 0;
    }
    auto compiled = stormwatch::rules::PatternRuleSet::Compile(std::move(rules));
    if (!compiled.ok()) {
        return 0;  // duplicate ids, or a pattern Hyperscan rejects: a located error, fine
    }
    static const struct Fixture {
        stormwatch::InputStats stats;
        stormwatch::parse::ConfigTree tree = stormwatch::parse::BuildIndentTree(kConfig, stats);
    } fixture;
    stormwatch::model::DeviceModel model;
    model.dialect = stormwatch::model::Dialect::kCiscoIos;
    stormwatch::rules::PatternScratch scratch;
    std::vector<stormwatch::Finding> fast;
    std::vector<stormwatch::Finding> reference;
    compiled.value()->Run(fixture.tree, model, "fuzz.cfg", "pe1", scratch, fast);
    compiled.value()->RunReference(fixture.tree, model, "fuzz.cfg", "pe1", reference);
    if (fast.size() != reference.size()) {
        std::fprintf(stderr, "hyperscan %zu findings, reference %zu\n", fast.size(),
                     reference.size());
        stormwatch::fuzz::Fail("Hyperscan and RE2 reference disagree");
    }
    for (std::size_t i = 0; i < fast.size(); ++i) {
        if (fast[i].rule_id != reference[i].rule_id || fast[i].line != reference[i].line) {
            stormwatch::fuzz::Fail("Hyperscan and RE2 reference disagree on a finding");
        }
    }
    return 0;
}
