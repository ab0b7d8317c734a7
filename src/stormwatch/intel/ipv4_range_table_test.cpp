// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/intel/ipv4_range_table.h"

#include <algorithm>
#include <random>
#include <span>
#include <vector>

#include <gtest/gtest.h>

namespace stormwatch::intel::detail {
namespace {

using Range = Ipv4RangeTable::Range;

std::uint32_t BruteForce(const std::vector<Range>& ranges, std::uint32_t address) {
    for (const Range& r : ranges) {
        if (r.first <= address && address <= r.last) {
            return r.record;
        }
    }
    return Ipv4RangeTable::kNone;
}

// Every way Find is reached must give the brute-force answer: Find itself and the batched
// steps (FindEntry, then record).
void ExpectAgrees(const Ipv4RangeTable& table, const std::vector<Range>& ranges,
                  std::uint32_t address) {
    const std::uint32_t expected = BruteForce(ranges, address);
    EXPECT_EQ(table.Find(address), expected) << address;
    const std::uint32_t entry = table.FindEntry(address);
    EXPECT_EQ(entry == Ipv4RangeTable::kNone ? Ipv4RangeTable::kNone : table.record(entry),
              expected)
        << address;
}

TEST(Ipv4RangeTable, EmptyTableFindsNothing) {
    const Ipv4RangeTable table(std::span<const Range>{});
    EXPECT_EQ(table.Find(0), Ipv4RangeTable::kNone);
    EXPECT_EQ(table.Find(0xffffffffU), Ipv4RangeTable::kNone);
    table.PrefetchIndex(1);
    table.PrefetchBounds(1);
}

TEST(Ipv4RangeTable, WholeSpaceAndEdges) {
    const std::vector<Range> whole = {{0, 0xffffffffU, 7}};
    const Ipv4RangeTable all(whole);
    for (const std::uint32_t a : {0U, 1U, 0xffffU, 0x10000U, 0x7fffffffU, 0xffffffffU}) {
        ExpectAgrees(all, whole, a);
    }
    // Single addresses at both ends of the space and of a /16, a range across /16s.
    const std::vector<Range> edges = {{0, 0, 1},
                                      {0xffff, 0x10000, 2},
                                      {0x1fffe, 0x3ffff, 3},
                                      {0xfffeffffU, 0xfffeffffU, 4},
                                      {0xffffffffU, 0xffffffffU, 5}};
    const Ipv4RangeTable table(edges);
    for (const Range& r : edges) {
        for (const std::uint32_t a : {r.first - 1, r.first, r.first + 1, r.last - 1, r.last,
                                      r.last + 1, (r.first + r.last) / 2}) {
            ExpectAgrees(table, edges, a);
        }
    }
}

TEST(Ipv4RangeTable, AgreesWithBruteForceOnRandomRanges) {
    std::mt19937 rng(1234);
    for (int round = 0; round < 20; ++round) {
        // Random cut points, sorted; every other gap between two cuts becomes a range, so the
        // ranges are disjoint, of every width (inside one /16, across many), with gaps.
        std::vector<std::uint32_t> cuts;
        const int count = 2 + static_cast<int>(rng() % 300);
        for (int i = 0; i < count; ++i) {
            // Half the cuts cluster in a few /16s so blocks hold many ranges.
            cuts.push_back(i % 2 == 0 ? rng() : (rng() % 4) << 16 | (rng() & 0xffff));
        }
        std::sort(cuts.begin(), cuts.end());
        cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
        std::vector<Range> ranges;
        for (std::size_t i = 0; i + 1 < cuts.size(); i += 2) {
            ranges.push_back({cuts[i], cuts[i + 1] - 1, static_cast<std::uint32_t>(i)});
        }
        const Ipv4RangeTable table(ranges);
        for (const Range& r : ranges) {
            for (const std::uint32_t a : {r.first - 1, r.first, r.last, r.last + 1}) {
                ExpectAgrees(table, ranges, a);
            }
        }
        for (int q = 0; q < 2000; ++q) {
            ExpectAgrees(table, ranges, q % 2 == 0 ? rng() : (rng() % 4) << 16 | (rng() & 0xffff));
        }
    }
}

}  // namespace
}  // namespace stormwatch::intel::detail
