// SPDX-License-Identifier: Apache-2.0
#pragma once

// Test helper: a ConfigTree built from indentation, so pattern-rule tests need no parser
// (the real BuildIndentTree lives in parse/, which this component must not link).

#include <string_view>
#include <utility>
#include <vector>

#include "stormwatch/core/text.h"
#include "stormwatch/parse/config_tree.h"

namespace stormwatch::rules::testing {

/// Every non-blank line becomes a node; its parent is the closest earlier line with less
/// indentation. Views point into `config`, which must outlive the tree.
inline parse::ConfigTree TreeFromIndent(std::string_view config) {
    parse::ConfigTree tree;
    std::vector<std::pair<std::uint16_t, std::int32_t>> open;  // (indent, node) of ancestors
    text::ForEachLine(config, [&](std::string_view raw, std::size_t number) {
        const std::string_view trimmed = text::Trim(raw);
        if (trimmed.empty()) {
            return;
        }
        const auto indent = static_cast<std::uint16_t>(raw.find_first_not_of(" \t"));
        while (!open.empty() && open.back().first >= indent) {
            open.pop_back();
        }
        parse::ConfigLine line;
        line.text = trimmed;
        line.line = static_cast<std::uint32_t>(number);
        line.indent = indent;
        line.parent = open.empty() ? -1 : open.back().second;
        tree.nodes.push_back(line);
        open.emplace_back(indent, static_cast<std::int32_t>(tree.nodes.size() - 1));
    });
    // `end` is one past the last descendant: walk back from each node's successors.
    for (std::size_t i = tree.nodes.size(); i-- > 0;) {
        std::size_t end = i + 1;
        while (end < tree.nodes.size()) {
            std::int32_t p = tree.nodes[end].parent;
            while (p > static_cast<std::int32_t>(i)) {
                p = tree.nodes[static_cast<std::size_t>(p)].parent;
            }
            if (p != static_cast<std::int32_t>(i)) {
                break;
            }
            end = tree.nodes[end].end;
        }
        tree.nodes[i].end = static_cast<std::uint32_t>(end);
    }
    return tree;
}

}  // namespace stormwatch::rules::testing
