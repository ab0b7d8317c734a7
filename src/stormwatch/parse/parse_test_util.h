// SPDX-License-Identifier: Apache-2.0
#pragma once

// Test helper for the dialect parsers: one config text parsed by one dialect.

#include <memory>
#include <string>
#include <utility>

#include <gtest/gtest.h>

#include "stormwatch/parse/dialect.h"

namespace stormwatch::parse::testing {

// The model views the text, so the text lives as long as the result (on the heap: moving the
// result must not move the characters).
struct Parsed {
    std::shared_ptr<const std::string> text;
    ConfigTree tree;
    model::DeviceModel model;
    InputStats stats;
};

/// Parses `text` as `dialect` and checks that every line is accounted for.
inline Parsed ParseAs(const DialectInfo& dialect, std::string text) {
    Parsed p;
    p.text = std::make_shared<const std::string>(std::move(text));
    dialect.parse(*p.text, p.tree, p.model, p.stats);
    EXPECT_EQ(p.stats.read(), p.stats.processed() + p.stats.rejected());
    return p;
}

}  // namespace stormwatch::parse::testing
