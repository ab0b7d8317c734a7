// SPDX-License-Identifier: Apache-2.0
#pragma once

// Ipv4RangeTable: disjoint IPv4 address ranges, each labelled with a record number, answering
// "which range holds this address". IndicatorSet flattens its nested prefixes into such ranges
// (each labelled with its most specific prefix), so a longest-prefix match is one Find.
//
// Layout (README.md, "Memory layout"): the ranges are cut at /16 boundaries; each part is an
// entry: 4 bytes of bounds (the low 16 bits of its first and last address) in one array, its
// record in another. A 65,537-entry table gives each /16's first entry. A lookup reads the /16
// table (256 KiB, cache-resident under load) and the bounds of one /16 (~11 entries for a
// 1M-indicator feed: usually one cache line); only a hit reads its record.
//
// In front of that sits a filter: one bit per block of the space (a /24 for a 1M-indicator
// feed, coarser for smaller tables: at most 32 bits per entry), set when some range touches the
// block. Most addresses of a log are in no indicator's block, and the filter (2 MiB at most)
// answers them from one line that stays cached, instead of a line of the 5 MB of bounds.

#include <cstdint>
#include <span>
#include <vector>

namespace stormwatch::intel::detail {

class Ipv4RangeTable {
public:
    static constexpr std::uint32_t kNone = UINT32_MAX;

    struct Range {
        std::uint32_t first;
        std::uint32_t last;  ///< inclusive
        std::uint32_t record;
    };

    Ipv4RangeTable() = default;
    /// `ranges` sorted by `first` and disjoint.
    explicit Ipv4RangeTable(std::span<const Range> ranges);

    /// The record of the range holding `address`, or kNone.
    [[nodiscard]] std::uint32_t Find(std::uint32_t address) const {
        const std::uint32_t entry = MayHold(address) ? FindEntry(address) : kNone;
        return entry == kNone ? kNone : records_[entry];
    }

    // A batched lookup runs these steps for each address, a few addresses apart, so the
    // cache misses of many addresses overlap: PrefetchIndex; if MayHold, PrefetchBounds and
    // FindEntry (+ PrefetchRecord); record.

    /// Starts loading the filter bit and the /16 table entry of `address`.
    void PrefetchIndex(std::uint32_t address) const {
        __builtin_prefetch(&filter_[FilterBlock(address) / 64]);
        if (!block_begin_.empty()) {
            __builtin_prefetch(&block_begin_[address >> 16]);
        }
    }

    /// False when no range touches the filter block of `address`: FindEntry would answer kNone.
    [[nodiscard]] bool MayHold(std::uint32_t address) const {
        const std::uint64_t block = FilterBlock(address);
        return ((filter_[block / 64] >> (block % 64)) & 1) != 0;
    }

    /// Starts loading the bounds FindEntry(address) will search.
    void PrefetchBounds(std::uint32_t address) const {
        if (block_begin_.empty()) {
            return;
        }
        const std::uint32_t block = address >> 16;
        const char* begin = reinterpret_cast<const char*>(bounds_.data() + block_begin_[block]);
        const char* end = reinterpret_cast<const char*>(bounds_.data() + block_begin_[block + 1]);
        // Blocks rarely exceed two lines; a longer one is searched from the lines fetched.
        for (int line = 0; line < 3 && begin < end; ++line, begin += 64) {
            __builtin_prefetch(begin);
        }
    }

    /// The entry of the range holding `address`, or kNone. Reads only the bounds: a miss (the
    /// common answer) never touches the records.
    [[nodiscard]] std::uint32_t FindEntry(std::uint32_t address) const {
        if (block_begin_.empty()) {
            return kNone;
        }
        const std::uint32_t block = address >> 16;
        const auto low = static_cast<std::uint16_t>(address);
        const std::uint32_t begin = block_begin_[block];
        std::uint32_t n = block_begin_[block + 1] - begin;
        if (n == 0) {
            return kNone;
        }
        // Last range starting at or below `low`: branch-free over one or two cache lines.
        const Bounds* base = bounds_.data() + begin;
        while (n > 1) {
            const std::uint32_t half = n / 2;
            base = base[half].first <= low ? base + half : base;
            n -= half;
        }
        if (base->first > low || low > base->last) {
            return kNone;
        }
        return static_cast<std::uint32_t>(base - bounds_.data());
    }

    void PrefetchRecord(std::uint32_t entry) const { __builtin_prefetch(&records_[entry]); }
    [[nodiscard]] std::uint32_t record(std::uint32_t entry) const { return records_[entry]; }

    [[nodiscard]] std::size_t Bytes() const {
        return bounds_.capacity() * sizeof(Bounds) + records_.capacity() * sizeof(std::uint32_t) +
               block_begin_.capacity() * sizeof(std::uint32_t) +
               filter_.capacity() * sizeof(std::uint64_t);
    }

private:
    [[nodiscard]] std::uint64_t FilterBlock(std::uint32_t address) const {
        return std::uint64_t{address} >> filter_shift_;
    }

    /// A range's part inside one /16, as the low 16 bits of its first and last address.
    struct Bounds {
        std::uint16_t first;
        std::uint16_t last;
    };
    std::vector<Bounds> bounds_;
    std::vector<std::uint32_t> records_;  ///< per entry of bounds_
    /// Entries of /16 `b` are [block_begin_[b], block_begin_[b + 1]); empty when no range.
    std::vector<std::uint32_t> block_begin_;
    /// Bit b set when a range touches addresses [b << filter_shift_, (b + 1) << filter_shift_).
    /// An empty table has one zero word and a shift of 32: every address is in block 0.
    std::vector<std::uint64_t> filter_ = {0};
    unsigned filter_shift_ = 32;
};

}  // namespace stormwatch::intel::detail
