// SPDX-License-Identifier: Apache-2.0
#pragma once

// ConfigTree: the hierarchy of a configuration file with every line's number, shared by all
// dialects. Lines are stored in file order (depth-first), so a node's descendants are the
// contiguous range (index, end). Text views point into the caller's buffer, which must
// outlive the tree.

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "stormwatch/core/input_stats.h"

namespace stormwatch::parse {

struct ConfigLine {
    std::string_view text;   ///< trimmed of indentation, trailing blanks and CR
    std::uint32_t line = 0;  ///< 1-based line number in the file
    std::uint32_t end = 0;   ///< one past the index of the last descendant
    std::int32_t parent = -1;
    std::uint16_t indent = 0;
    bool used = false;  ///< set by the dialect parser when the line fed the model
};

class ConfigTree {
public:
    std::vector<ConfigLine> nodes;
    /// Storage for node texts that are not slices of the input: Junos nodes hold their full
    /// statement path in `set` form. A deque keeps every string (and so every view) in place.
    std::deque<std::string> owned_text;

    /// Calls fn(index) for each direct child of `parent` (-1 for top level).
    template <typename Fn>
    void ForEachChild(std::int32_t parent, Fn&& fn) const {
        std::size_t i = parent < 0 ? 0 : static_cast<std::size_t>(parent) + 1;
        const std::size_t stop =
            parent < 0 ? nodes.size() : nodes[static_cast<std::size_t>(parent)].end;
        while (i < stop) {
            fn(static_cast<std::int32_t>(i));
            i = nodes[i].end;
        }
    }
};

/// Builds the tree of an indentation-structured config (IOS, IOS XE, IOS XR, NX-OS, EOS).
/// Counts every line as read; rejects oversized lines (kOversizedLine) and counts blank lines
/// and `!`/`#` comment lines as processed without adding them to the tree. Lines that stay
/// in the tree are not yet counted as processed: the dialect parser calls FinishAccounting().
ConfigTree BuildIndentTree(std::string_view text, InputStats& stats);

/// Counts every tree node as processed, and those with `used == false` as unrecognised.
void FinishAccounting(const ConfigTree& tree, InputStats& stats);

}  // namespace stormwatch::parse
