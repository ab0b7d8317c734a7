// SPDX-License-Identifier: Apache-2.0
// Line splitting and the indentation tree: the first two passes over every IOS-like config.

#include "stormwatch/core/text.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>

#include "bench/bench_support.h"
#include <benchmark/benchmark.h>

#include "stormwatch/core/input_stats.h"
#include "stormwatch/parse/config_tree.h"

namespace {

using stormwatch::bench::DataDir;
using stormwatch::bench::ReadFile;

// One input of every dialect back to back (~30k lines, ~1 MB): line splitting does not care
// about the dialect, and a mixed input keeps line lengths realistic.
std::string AllDialects() {
    std::string all;
    for (const char* name :
         {"cisco-ios", "cisco-iosxr", "cisco-nxos", "arista-eos", "junos", "junos-set"}) {
        all += ReadFile(DataDir() / (std::string(name) + ".cfg"));
    }
    return all;
}

void BM_ForEachLine(benchmark::State& state) {
    const std::string data = AllDialects();
    const auto expected = static_cast<std::size_t>(std::count(data.begin(), data.end(), '\n'));
    std::size_t lines = 0;
    std::size_t bytes = 0;
    auto count = [&](std::string_view line, std::size_t /*number*/) {
        ++lines;
        bytes += line.size();
    };
    stormwatch::text::ForEachLine(data, count);
    if (data.empty() || lines != expected) {
        state.SkipWithError("ForEachLine line count differs from the newline count");
        return;
    }
    for (auto _ : state) {
        lines = 0;
        bytes = 0;
        stormwatch::text::ForEachLine(data, count);
        benchmark::DoNotOptimize(lines);
        benchmark::DoNotOptimize(bytes);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(data.size()));
    state.counters["lines/s"] =
        benchmark::Counter(static_cast<double>(expected) * static_cast<double>(state.iterations()),
                           benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ForEachLine);

void BM_BuildIndentTree(benchmark::State& state) {
    const std::string data = ReadFile(DataDir() / "cisco-ios.cfg");
    const auto lines = static_cast<std::uint64_t>(std::count(data.begin(), data.end(), '\n'));
    {
        stormwatch::InputStats stats;
        const auto tree = stormwatch::parse::BuildIndentTree(data, stats);
        // Processed is only completed by the dialect parser (FinishAccounting), so check the
        // reads and that the generated config built a non-trivial tree without rejections.
        if (data.empty() || stats.read() != lines || stats.rejected() != 0 ||
            tree.nodes.size() < lines / 2) {
            state.SkipWithError("BuildIndentTree: unexpected line accounting or tree size");
            return;
        }
    }
    for (auto _ : state) {
        stormwatch::InputStats stats;
        auto tree = stormwatch::parse::BuildIndentTree(data, stats);
        benchmark::DoNotOptimize(tree.nodes.data());
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(data.size()));
    state.counters["lines/s"] =
        benchmark::Counter(static_cast<double>(lines) * static_cast<double>(state.iterations()),
                           benchmark::Counter::kIsRate);
}
BENCHMARK(BM_BuildIndentTree);

}  // namespace
