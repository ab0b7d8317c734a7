// SPDX-License-Identifier: Apache-2.0
// Indicator lookups: every address of every config line goes through MatchAddress, so its
// cost times the number of addresses bounds the whole hunt. Swept over the feed size.

#include <cstdint>
#include <random>
#include <string>
#include <unordered_set>
#include <vector>

#include <benchmark/benchmark.h>

#include "stormwatch/core/input_stats.h"
#include "stormwatch/core/ip_address.h"
#include "stormwatch/intel/indicator_set.h"

namespace {

constexpr std::size_t kQueries = 10'000;

std::string Dotted(std::uint32_t v) {
    return std::to_string(v >> 24) + "." + std::to_string((v >> 16) & 255) + "." +
           std::to_string((v >> 8) & 255) + "." + std::to_string(v & 255);
}

// `count` distinct random IPv4 host indicators (mt19937 with a fixed seed: the same on every
// machine) and kQueries lookups, half of them hits, interleaved.
struct Workload {
    std::vector<std::uint32_t> indicators;
    std::vector<stormwatch::IpAddress> queries;
    std::size_t expected_hits = 0;
};

Workload MakeWorkload(std::size_t count) {
    std::mt19937 rng(42);
    Workload w;
    std::unordered_set<std::uint32_t> seen;
    while (w.indicators.size() < count) {
        const std::uint32_t v = rng();
        if (seen.insert(v).second) {
            w.indicators.push_back(v);
        }
    }
    for (std::size_t i = 0; i < kQueries; ++i) {
        const std::uint32_t v = (i % 2 == 0) ? w.indicators[rng() % count] : rng();
        w.expected_hits += seen.count(v);
        w.queries.push_back(stormwatch::IpAddress::V4(v));
    }
    return w;
}

void BM_MatchAddress(benchmark::State& state) {
    const auto count = static_cast<std::size_t>(state.range(0));
    const Workload w = MakeWorkload(count);
    stormwatch::intel::IndicatorSetBuilder builder;
    for (const std::uint32_t v : w.indicators) {
        builder.Add(Dotted(v), "ipv4", "bench", "high", "bench");
    }
    const auto set = builder.Build();
    std::size_t hits = 0;
    for (const auto& q : w.queries) {
        hits += set->MatchAddress(q) != nullptr ? 1 : 0;
    }
    if (set->size() != count || hits != w.expected_hits) {
        state.SkipWithError("MatchAddress disagrees with the hash-set oracle");
        return;
    }
    for (auto _ : state) {
        hits = 0;
        for (const auto& q : w.queries) {
            hits += set->MatchAddress(q) != nullptr ? 1 : 0;
        }
        benchmark::DoNotOptimize(hits);
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(kQueries));
}
BENCHMARK(BM_MatchAddress)->RangeMultiplier(10)->Range(10'000, 1'000'000);

// Loading a feed: CSV text to a built set (the `--intel FILE` path), per indicator.
void BM_LoadIndicators(benchmark::State& state) {
    const auto count = static_cast<std::size_t>(state.range(0));
    const Workload w = MakeWorkload(count);
    std::string csv = "value,type,source,confidence,actor\n";
    for (const std::uint32_t v : w.indicators) {
        csv += Dotted(v) + ",ipv4,bench,high,bench\n";
    }
    {
        stormwatch::intel::IndicatorSetBuilder builder;
        stormwatch::InputStats stats;
        const auto status = builder.LoadText(csv, "bench.csv", stats);
        if (!status.ok() || builder.Build()->size() != count ||
            stats.read() != stats.processed() + stats.rejected()) {
            state.SkipWithError("LoadText did not load every generated indicator");
            return;
        }
    }
    for (auto _ : state) {
        stormwatch::intel::IndicatorSetBuilder builder;
        stormwatch::InputStats stats;
        benchmark::DoNotOptimize(builder.LoadText(csv, "bench.csv", stats));
        auto set = builder.Build();
        benchmark::DoNotOptimize(set.get());
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(count));
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(csv.size()));
}
BENCHMARK(BM_LoadIndicators)->Arg(100'000)->Unit(benchmark::kMillisecond);

}  // namespace
