// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/intel/ipv4_range_table.h"

#include <algorithm>
#include <iterator>
#include <random>
#include <span>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

namespace stormwatch::intel::detail {
namespace {

using Range = Ipv4RangeTable::Range;

// The reference for tables too large for BruteForce: a binary search over the sorted ranges
// (no /16 cutting, no filter).
std::uint32_t SortedSearch(const std::vector<Range>& ranges, std::uint32_t address) {
    const auto after =
        std::upper_bound(ranges.begin(), ranges.end(), address,
                         [](std::uint32_t a, const Range& r) { return a < r.first; });
    if (after == ranges.begin() || std::prev(after)->last < address) {
        return Ipv4RangeTable::kNone;
    }
    return std::prev(after)->record;
}

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
    EXPECT_TRUE(table.MayHold(address) || expected == Ipv4RangeTable::kNone) << address;
    const std::uint32_t entry = table.FindEntry(address);
    EXPECT_EQ(entry == Ipv4RangeTable::kNone ? Ipv4RangeTable::kNone : table.record(entry),
              expected)
        << address;
}

TEST(Ipv4RangeTable, EmptyTableFindsNothing) {
    const Ipv4RangeTable table(std::span<const Range>{});
    EXPECT_EQ(table.Find(0), Ipv4RangeTable::kNone);
    EXPECT_EQ(table.Find(0xffffffffU), Ipv4RangeTable::kNone);
    EXPECT_FALSE(table.MayHold(0));
    EXPECT_FALSE(table.MayHold(0xffffffffU));
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

// Large tables: over 2^19 ranges, so the filter is at its finest (one bit per /24) and most
// /24s are empty. Range bounds at random addresses and on the edges of /1, /8, /23, /24, /25
// and /32 prefixes; and a table covering the whole space but for one-address holes (what a /0
// with hosts flattens to).
TEST(Ipv4RangeTable, FilterAgreesWithSortedSearchOnLargeTables) {
    std::mt19937 rng(99);
    const auto aligned = [&rng](int length) {
        const std::uint32_t size_mask = length == 0 ? 0xffffffffU : (1U << (32 - length)) - 1;
        const std::uint32_t first = rng() & ~size_mask;
        return std::pair{first, first | size_mask};
    };
    for (const bool whole_space : {false, true}) {
        std::vector<std::uint32_t> cuts;
        for (int i = 0; i < (1 << 20) + 2; ++i) {
            cuts.push_back(rng());
        }
        for (const int length : {8, 23, 24, 25, 32, 1}) {
            for (int i = 0; i < (length == 1 ? 1 : 200); ++i) {
                const auto [first, last] = aligned(length);
                cuts.push_back(first);
                if (last != 0xffffffffU) {
                    cuts.push_back(last + 1);
                }
            }
        }
        std::sort(cuts.begin(), cuts.end());
        cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
        std::vector<Range> ranges;
        if (whole_space) {
            // Every gap between cuts is a range; the holes are the cut addresses themselves.
            std::uint32_t first = 0;
            for (const std::uint32_t cut : cuts) {
                if (cut > first) {
                    ranges.push_back({first, cut - 1, static_cast<std::uint32_t>(ranges.size())});
                }
                first = cut + 1;
            }
            if (cuts.back() != 0xffffffffU) {
                ranges.push_back({first, 0xffffffffU, static_cast<std::uint32_t>(ranges.size())});
            }
        } else {
            for (std::size_t i = 0; i + 1 < cuts.size(); i += 2) {
                ranges.push_back({cuts[i], cuts[i + 1] - 1, static_cast<std::uint32_t>(i)});
            }
        }
        ASSERT_GT(ranges.size(), std::size_t{1} << 19);
        const Ipv4RangeTable table(ranges);
        const auto expect_agrees = [&](std::uint32_t address) {
            const std::uint32_t expected = SortedSearch(ranges, address);
            ASSERT_EQ(table.Find(address), expected) << address;
            ASSERT_TRUE(table.MayHold(address) || expected == Ipv4RangeTable::kNone) << address;
        };
        for (std::size_t i = 0; i < ranges.size(); i += 7) {
            const Range& r = ranges[i];
            // Both ends, their neighbours, and the neighbouring /24s.
            for (const std::uint32_t a :
                 {r.first - 1, r.first, r.last, r.last + 1, r.first - 256, r.last + 256}) {
                expect_agrees(a);
            }
        }
        for (int q = 0; q < 200000; ++q) {
            expect_agrees(rng());
        }
        expect_agrees(0);
        expect_agrees(0xffffffffU);
    }
}

}  // namespace
}  // namespace stormwatch::intel::detail
