// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/intel/ipv4_range_table.h"

namespace stormwatch::intel::detail {

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
}

}  // namespace stormwatch::intel::detail
