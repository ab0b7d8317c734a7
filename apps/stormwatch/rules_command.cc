// SPDX-License-Identifier: Apache-2.0
// `stormwatch rules list`: every rule id the hunt runs, with category, severity and ATT&CK.

#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "apps/stormwatch/commands.h"
#include <CLI/CLI.hpp>

#include "stormwatch/core/json_writer.h"
#include "stormwatch/engine/hunt.h"

namespace stormwatch::cli {

namespace {

struct RulesFlags {
    engine::HuntOptions options;
    bool no_builtin_rules = false;
    bool json = false;
};

std::string Join(const std::vector<std::string>& items) {
    std::string out;
    for (const std::string& item : items) {
        out += out.empty() ? "" : ",";
        out += item;
    }
    return out;
}

ExitCode RunRulesList(RulesFlags& flags) {
    flags.options.builtin_rules = !flags.no_builtin_rules;
    flags.options.builtin_intel = false;  // listing rules needs no indicators
    auto hunter = engine::Hunter::Create(flags.options);
    if (!hunter.ok()) {
        std::cerr << "stormwatch: " << hunter.status().message() << "\n";
        return ExitCode::kError;
    }
    const std::vector<RuleInfo> rules = hunter.value().Catalogue();
    if (flags.json) {
        std::string out;
        JsonWriter w(out, 2);
        w.BeginArray();
        for (const RuleInfo& rule : rules) {
            w.BeginObject().Key("id").String(rule.id).Key("title").String(rule.title);
            w.Key("category")
                .String(rule.category)
                .Key("severity")
                .String(SeverityName(rule.severity));
            w.Key("attack").BeginArray();
            for (const std::string& id : rule.attack) {
                w.String(id);
            }
            w.EndArray().Key("kind").String(rule.kind).Key("origin").String(rule.origin);
            w.Key("description").String(rule.description).EndObject();
        }
        w.EndArray();
        std::cout << out << "\n";
        return ExitCode::kFinished;
    }
    for (const RuleInfo& rule : rules) {
        std::cout << rule.id << "\t" << SeverityName(rule.severity) << "\t" << rule.category << "\t"
                  << Join(rule.attack) << "\t" << rule.title << "\n";
    }
    return ExitCode::kFinished;
}

}  // namespace

Command AddRulesCommand(CLI::App& app) {
    auto flags = std::make_shared<RulesFlags>();
    CLI::App* sub = app.add_subcommand("rules", "Inspect the rules Stormwatch runs.");
    sub->require_subcommand(1);
    CLI::App* list = sub->add_subcommand(
        "list",
        "List every rule: id, default severity, category, ATT&CK ids and title (tab-separated),\n"
        "C++ detectors first, then pattern rules.");
    list->add_option("--rules", flags->options.rule_dirs, "Also load pattern rules from DIR")
        ->allow_extra_args(false)
        ->check(CLI::ExistingDirectory);
    list->add_flag("--no-builtin-rules", flags->no_builtin_rules,
                   "Skip the built-in pattern rules");
    list->add_flag("--json", flags->json, "JSON array with descriptions instead of a table");
    return {sub, [flags] {
                return RunRulesList(*flags);
            }};
}

}  // namespace stormwatch::cli
