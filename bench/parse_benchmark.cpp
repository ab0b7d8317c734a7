// SPDX-License-Identifier: Apache-2.0
// Each dialect's parser on a generated ~5,000-line config of its own dialect (tree + model +
// accounting), as the engine calls it once per file.

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>

#include "bench/bench_support.h"
#include <benchmark/benchmark.h>

#include "stormwatch/core/input_stats.h"
#include "stormwatch/model/device_model.h"
#include "stormwatch/parse/config_tree.h"
#include "stormwatch/parse/dialect.h"

namespace {

const stormwatch::parse::DialectInfo* FindDialect(std::string_view name) {
    for (const auto& info : stormwatch::parse::Dialects()) {
        if (info.name == name) {
            return &info;
        }
    }
    return nullptr;
}

void BM_ParseDialect(benchmark::State& state, std::string_view name) {
    const stormwatch::parse::DialectInfo* dialect = FindDialect(name);
    const std::string data =
        stormwatch::bench::ReadFile(stormwatch::bench::DataDir() / (std::string(name) + ".cfg"));
    if (dialect == nullptr || data.empty()) {
        state.SkipWithError("dialect not registered or generated config missing");
        return;
    }
    const auto lines = static_cast<std::uint64_t>(std::count(data.begin(), data.end(), '\n'));
    {
        // The generated config must sniff as its own dialect and parse cleanly: a benchmark
        // of a parser that rejects its input measures the error path.
        const auto sniff = stormwatch::parse::SniffDialect(data.substr(0, 64 * 1024));
        stormwatch::parse::ConfigTree tree;
        stormwatch::model::DeviceModel model;
        model.dialect = dialect->dialect;
        stormwatch::InputStats stats;
        dialect->parse(data, tree, model, stats);
        if (sniff.dialect != dialect) {
            state.SkipWithError("generated config does not sniff as its dialect");
            return;
        }
        if (stats.read() != stats.processed() + stats.rejected() || stats.rejected() != 0 ||
            model.device.hostname != "bench-" + std::string(name)) {
            state.SkipWithError("parse: accounting broken, rejections, or hostname not read");
            return;
        }
    }
    for (auto _ : state) {
        stormwatch::parse::ConfigTree tree;
        stormwatch::model::DeviceModel model;
        model.dialect = dialect->dialect;
        stormwatch::InputStats stats;
        dialect->parse(data, tree, model, stats);
        benchmark::DoNotOptimize(tree.nodes.data());
        benchmark::DoNotOptimize(&model);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(data.size()));
    state.counters["lines/s"] =
        benchmark::Counter(static_cast<double>(lines) * static_cast<double>(state.iterations()),
                           benchmark::Counter::kIsRate);
}

BENCHMARK_CAPTURE(BM_ParseDialect, cisco_ios, std::string_view("cisco-ios"));
BENCHMARK_CAPTURE(BM_ParseDialect, cisco_iosxr, std::string_view("cisco-iosxr"));
BENCHMARK_CAPTURE(BM_ParseDialect, cisco_nxos, std::string_view("cisco-nxos"));
BENCHMARK_CAPTURE(BM_ParseDialect, arista_eos, std::string_view("arista-eos"));
BENCHMARK_CAPTURE(BM_ParseDialect, junos, std::string_view("junos"));
BENCHMARK_CAPTURE(BM_ParseDialect, junos_set, std::string_view("junos-set"));

}  // namespace
