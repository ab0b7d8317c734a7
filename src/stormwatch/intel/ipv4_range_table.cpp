// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/intel/ipv4_range_table.h"

#include <algorithm>
#include <bit>

namespace stormwatch::intel::detail {

namespace {

// Sets bits [first, last] of `words`.
void SetBits(std::vector<std::uint64_t>& words, std::uint64_t first, std::uint64_t last) {
    const std::uint64_t first_word = first / 64;
    const std::uint64_t last_word = last / 64;
    const std::uint64_t head = ~std::uint64_t{0} << (first % 64);
    const std::uint64_t tail = ~std::uint64_t{0} >> (63 - last % 64);
    if (first_word == last_word) {
        words[first_word] |= head & tail;
        return;
    }
    words[first_word] |= head;
    std::fill(words.begin() + static_cast<std::ptrdiff_t>(first_word + 1),
              words.begin() + static_cast<std::ptrdiff_t>(last_word), ~std::uint64_t{0});
    words[last_word] |= tail;
}

}  // namespace

Ipv4RangeTable::Ipv4RangeTable(std::span<const Range> ranges) {
    if (ranges.empty()) {
        return;  // Find answers kNone without touching a table
    }
    // One entry per (range, /16 it touches): a range wider than a /16 repeats in every block.
    std::size_t count = 0;
    for (const Range& r : ranges) {
        count += (r.last >> 16) - (r.first >> 16) + 1;
    }
    bounds_.reserve(count);
    records_.reserve(count);
    block_begin_.assign(65537, 0);
    for (const Range& r : ranges) {
        const std::uint32_t first_block = r.first >> 16;
        const std::uint32_t last_block = r.last >> 16;
        for (std::uint32_t block = first_block; block <= last_block; ++block) {
            // Inside the /16 only the low bits vary; a part not at the range's end runs to the
            // /16's edge.
            const auto first = static_cast<std::uint16_t>(block == first_block ? r.first : 0);
            const auto last = static_cast<std::uint16_t>(block == last_block ? r.last : 0xffff);
            bounds_.push_back({first, last});
            records_.push_back(r.record);
            ++block_begin_[block + 1];
        }
    }
    for (std::size_t b = 1; b < block_begin_.size(); ++b) {
        block_begin_[b] += block_begin_[b - 1];
    }
    // At most 32 filter bits per entry (half the entry's 8 bytes), at least 64, blocks
    // no smaller than a /24 (finer ones would cost memory and cache for few more misses).
    constexpr std::size_t kMaxFilterBits = std::size_t{1} << 24;
    const std::size_t bits =
        std::clamp<std::size_t>(std::bit_floor(32 * count), 64, kMaxFilterBits);
    filter_shift_ = 32 - static_cast<unsigned>(std::countr_zero(bits));
    filter_.assign(bits / 64, 0);
    for (const Range& r : ranges) {
        SetBits(filter_, FilterBlock(r.first), FilterBlock(r.last));
    }
}

}  // namespace stormwatch::intel::detail
