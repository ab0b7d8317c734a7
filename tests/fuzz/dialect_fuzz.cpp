// SPDX-License-Identifier: Apache-2.0
// Feeds arbitrary bytes straight to one dialect's parser (STORMWATCH_FUZZ_DIALECT, set per
// target in CMakeLists.txt), bypassing the sniffer: the parser must survive any text it is
// handed, since a sniff can be fooled by a hostile head.

#include "stormwatch/parse/dialect.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "tests/fuzz/fuzz_support.h"

#ifndef STORMWATCH_FUZZ_DIALECT
#error "STORMWATCH_FUZZ_DIALECT must name a dialect id, e.g. cisco-ios"
#endif

namespace {

const stormwatch::parse::DialectInfo& FindDialect() {
    for (const auto& info : stormwatch::parse::Dialects()) {
        if (info.name == STORMWATCH_FUZZ_DIALECT) {
            return info;
        }
    }
    stormwatch::fuzz::Fail("dialect " STORMWATCH_FUZZ_DIALECT " is not registered");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const stormwatch::parse::DialectInfo& dialect = FindDialect();
    const std::string_view text(reinterpret_cast<const char*>(data), size);

    // Sniffing reads only the head, but must not crash on any of it either.
    const int score = stormwatch::parse::SniffScore(dialect, text.substr(0, 64 * 1024));
    if (score < 0 || score > 100) {
        stormwatch::fuzz::Fail("sniff score outside 0..100");
    }

    stormwatch::parse::ConfigTree tree;
    stormwatch::model::DeviceModel model;
    model.dialect = dialect.dialect;
    stormwatch::InputStats stats;
    dialect.parse(text, tree, model, stats);
    stormwatch::fuzz::CheckAccounting(stats);

    // The tree's invariants, which the pattern rules and detectors rely on.
    const auto count = tree.nodes.size();
    for (std::size_t i = 0; i < count; ++i) {
        const auto& node = tree.nodes[i];
        if (node.end <= i || node.end > count) {
            stormwatch::fuzz::Fail("node.end outside (index, size]");
        }
        if (node.parent >= static_cast<std::int32_t>(i)) {
            stormwatch::fuzz::Fail("parent after child");
        }
        if (node.parent >= 0 && tree.nodes[static_cast<std::size_t>(node.parent)].end < node.end) {
            stormwatch::fuzz::Fail("child range outside its parent's");
        }
    }
    return 0;
}
