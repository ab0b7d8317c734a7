// SPDX-License-Identifier: Apache-2.0
#pragma once

// Pattern rules: declarative YAML rules over configuration lines (docs/rule-format.md).
// Every rule's `match` is compiled once into one Hyperscan block-mode database; a scan of
// each line's text yields candidate rules, which RE2 confirms together with `under`
// (an ancestor line must match) and `unless` (suppression). The compiled PatternRuleSet is
// immutable and shared by all threads; each thread owns a PatternScratch.

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "stormwatch/core/finding.h"
#include "stormwatch/core/rule_info.h"
#include "stormwatch/core/status.h"
#include "stormwatch/model/device_model.h"
#include "stormwatch/parse/config_tree.h"
#include "stormwatch/patterns/database.h"

namespace re2 {
class RE2;
}  // namespace re2

namespace stormwatch::rules {

/// Longest `match`/`under`/`unless` pattern accepted. Real rules are a line or two; the cap
/// keeps a hostile rule file from feeding megabytes into two regex compilers.
inline constexpr std::size_t kMaxPatternBytes = 4096;

struct PatternRule {
    std::string id;
    std::string title;
    std::string category;
    Severity severity = Severity::kInfo;
    std::vector<std::string> attack;
    std::string description;
    std::vector<model::Dialect> dialects;  ///< empty: every dialect
    std::string match;                     ///< RE2 syntax, against ConfigLine::text
    std::string under;                     ///< optional: some ancestor's text must match
    std::string unless;                    ///< optional: suppress when the line matches
    std::vector<std::string> references;
    std::string origin;  ///< file the rule came from (`rules/config/ios.yml` for built-ins)
    int line = 0;        ///< 1-based line of the rule in `origin`
};

/// True for a category of docs/findings.md: a `ttp.*` name from its list, `ioc.match`, or
/// `hardening.<words>` / `drift.<words>` (lowercase words joined by `-`).
bool IsValidCategory(std::string_view category);

/// Parses one rule file (`rules:` list). Errors are InvalidArgument with
/// `origin:line: rule 'ID': message` (or `origin:line: message` outside a rule).
/// Patterns are validated with RE2 here; Hyperscan validation happens in Compile().
Result<std::vector<PatternRule>> ParsePatternRules(std::string_view yaml,
                                                   const std::string& origin);

/// Per-thread scan state. Cheap to create empty; grows on first use with a rule set.
class PatternScratch {
public:
private:
    friend class PatternRuleSet;
    patterns::Scratch scratch_;
    std::vector<std::uint32_t> hits_;  ///< candidate rules of the current line (reused)
    std::string chunk_;                ///< joined lines of the current chunk (reused)
    std::vector<std::size_t> starts_;  ///< where each line of the chunk starts
    std::vector<std::pair<std::size_t, std::uint32_t>> node_hits_;  ///< (node, rule) candidates
};

class PatternRuleSet {
public:
    /// Compiles `rules` (ids must be unique across all of them). A pattern that Hyperscan or
    /// RE2 rejects is an error naming the rule and its file:line.
    static Result<std::shared_ptr<const PatternRuleSet>> Compile(std::vector<PatternRule> rules);

    PatternRuleSet(const PatternRuleSet&) = delete;
    PatternRuleSet& operator=(const PatternRuleSet&) = delete;

    /// Appends one finding per (line, rule) that fires, in tree order, then rule order.
    /// Findings carry no fingerprint yet (the engine fills it).
    void Run(const parse::ConfigTree& tree, const model::DeviceModel& model, std::string_view path,
             std::string_view device, PatternScratch& scratch, std::vector<Finding>& out) const;

    /// The same answer as Run() using RE2 alone on every line: the test oracle for the
    /// Hyperscan path (style.md: every engine agrees with a naive reference).
    void RunReference(const parse::ConfigTree& tree, const model::DeviceModel& model,
                      std::string_view path, std::string_view device,
                      std::vector<Finding>& out) const;

    [[nodiscard]] std::vector<RuleInfo> Catalogue() const;
    [[nodiscard]] const std::vector<PatternRule>& rules() const { return rules_; }

private:
    PatternRuleSet() = default;
    [[nodiscard]] bool Applies(std::size_t rule, model::Dialect dialect) const;
    [[nodiscard]] bool Confirm(std::size_t rule, const parse::ConfigTree& tree,
                               std::size_t node) const;
    void Emit(std::size_t rule, const parse::ConfigLine& line, std::string_view path,
              std::string_view device, std::vector<Finding>& out) const;
    void ConfirmAndEmit(const parse::ConfigTree& tree, const model::DeviceModel& model,
                        std::size_t node, std::span<const std::uint32_t> candidates,
                        std::string_view path, std::string_view device,
                        std::vector<Finding>& out) const;
    void RunJoined(const parse::ConfigTree& tree, const model::DeviceModel& model,
                   std::string_view path, std::string_view device, PatternScratch& scratch,
                   hs_scratch* hs_scratch, std::vector<Finding>& out) const;

    std::vector<PatternRule> rules_;
    std::vector<std::unique_ptr<re2::RE2>> match_;
    std::vector<std::unique_ptr<re2::RE2>> under_;   ///< null when the rule has none
    std::vector<std::unique_ptr<re2::RE2>> unless_;  ///< null when the rule has none
    patterns::Database database_;                    ///< null when there are no rules
    bool joined_ = false;  ///< lines scanned in joined chunks (no rule uses \A, \z, \Z)
};

/// The built-in rules of rules/config/*.yml, embedded in the binary.
Result<std::vector<PatternRule>> LoadBuiltinPatternRules();

/// Every `*.yml` / `*.yaml` file of `dir` (not recursive), in file-name order.
Result<std::vector<PatternRule>> LoadPatternRuleDir(const std::string& dir);

/// Reads and parses one rule file.
Result<std::vector<PatternRule>> LoadPatternRuleFile(const std::string& path);

}  // namespace stormwatch::rules
