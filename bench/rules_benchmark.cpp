// SPDX-License-Identifier: Apache-2.0
// Pattern rules over a generated tree of 50 configs: every built-in rule, one Hyperscan pass
// per line, against the RE2-only reference engine (the oracle) on the same trees.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "bench/bench_support.h"
#include <benchmark/benchmark.h>

#include "stormwatch/core/finding.h"
#include "stormwatch/parse/config_tree.h"
#include "stormwatch/parse/dialect.h"
#include "stormwatch/rules/pattern_rules.h"

namespace {

enum class Engine { kHyperscan, kReference };

struct ParsedConfig {
    std::string text;
    std::string path;
    stormwatch::parse::ConfigTree tree;
    stormwatch::model::DeviceModel model;
};

// Parsed once, outside the timing: this benchmark measures the rule scan alone.
std::vector<std::unique_ptr<ParsedConfig>> LoadTree() {
    std::vector<std::unique_ptr<ParsedConfig>> configs;
    for (const auto& path : stormwatch::bench::ListTree(stormwatch::bench::DataDir() / "tree")) {
        auto config = std::make_unique<ParsedConfig>();
        config->text = stormwatch::bench::ReadFile(path);
        config->path = path.filename().string();
        const auto sniff = stormwatch::parse::SniffDialect(config->text.substr(0, 64 * 1024));
        if (sniff.dialect == nullptr) {
            continue;
        }
        config->model.dialect = sniff.dialect->dialect;
        stormwatch::InputStats stats;
        sniff.dialect->parse(config->text, config->tree, config->model, stats);
        configs.push_back(std::move(config));
    }
    return configs;
}

void Scan(const stormwatch::rules::PatternRuleSet& rules, const ParsedConfig& config, Engine engine,
          stormwatch::rules::PatternScratch& scratch, std::vector<stormwatch::Finding>& out) {
    if (engine == Engine::kHyperscan) {
        rules.Run(config.tree, config.model, config.path, "bench", scratch, out);
    } else {
        rules.RunReference(config.tree, config.model, config.path, "bench", out);
    }
}

void BM_PatternRules(benchmark::State& state, Engine engine) {
    auto loaded = stormwatch::rules::LoadBuiltinPatternRules();
    if (!loaded.ok()) {
        state.SkipWithError(loaded.status().message().c_str());
        return;
    }
    const std::size_t rule_count = loaded.value().size();
    auto compiled = stormwatch::rules::PatternRuleSet::Compile(std::move(loaded).value());
    if (!compiled.ok()) {
        state.SkipWithError(compiled.status().message().c_str());
        return;
    }
    const auto& rules = *compiled.value();
    const auto configs = LoadTree();
    std::uint64_t bytes = 0;
    std::uint64_t nodes = 0;
    for (const auto& config : configs) {
        bytes += config->text.size();
        nodes += config->tree.nodes.size();
    }
    // Both engines must report the same findings, and the planted tradecraft must fire.
    stormwatch::rules::PatternScratch scratch;
    std::vector<stormwatch::Finding> fast;
    std::vector<stormwatch::Finding> reference;
    for (const auto& config : configs) {
        Scan(rules, *config, Engine::kHyperscan, scratch, fast);
        Scan(rules, *config, Engine::kReference, scratch, reference);
    }
    if (configs.size() < 40 || rule_count == 0) {
        state.SkipWithError("generated tree or built-in rules missing");
        return;
    }
    if (fast.empty() || fast.size() != reference.size()) {
        const std::string message = "Hyperscan " + std::to_string(fast.size()) +
                                    " findings, reference " + std::to_string(reference.size()) +
                                    " (want equal and > 0)";
        state.SkipWithError(message.c_str());
        return;
    }
    std::vector<stormwatch::Finding> out;
    for (auto _ : state) {
        for (const auto& config : configs) {
            out.clear();
            Scan(rules, *config, engine, scratch, out);
            benchmark::DoNotOptimize(out.data());
        }
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(bytes));
    state.counters["lines/s"] =
        benchmark::Counter(static_cast<double>(nodes) * static_cast<double>(state.iterations()),
                           benchmark::Counter::kIsRate);
    state.counters["rules"] = static_cast<double>(rule_count);
    state.counters["findings"] = static_cast<double>(fast.size());
}
BENCHMARK_CAPTURE(BM_PatternRules, hyperscan, Engine::kHyperscan)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_PatternRules, reference, Engine::kReference)->Unit(benchmark::kMillisecond);

}  // namespace
