// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/core/heap_optional.h"

#include <string>
#include <utility>

#include <gtest/gtest.h>

namespace stormwatch {
namespace {

TEST(HeapOptionalTest, BehavesAsAnOptional) {
    HeapOptional<std::string> none;
    EXPECT_FALSE(none.has_value());
    EXPECT_FALSE(none);
    EXPECT_EQ(none, HeapOptional<std::string>(std::nullopt));

    HeapOptional<std::string> some = std::string("45.61.133.77");
    ASSERT_TRUE(some);
    EXPECT_EQ(*some, "45.61.133.77");
    EXPECT_EQ(some->size(), 12U);
    EXPECT_NE(some, none);
    EXPECT_NE(some, HeapOptional<std::string>(std::string("45.61.133.78")));

    some = std::nullopt;
    EXPECT_FALSE(some);
    some = std::string("x");
    some.reset();
    EXPECT_EQ(some, none);
}

TEST(HeapOptionalTest, CopiesAreDeepAndMovesTakeTheValue) {
    HeapOptional<std::string> original = std::string("materialplies.com");
    HeapOptional<std::string> copy = original;
    copy->append(".evil");
    EXPECT_EQ(*original, "materialplies.com");
    EXPECT_EQ(*copy, "materialplies.com.evil");

    copy = original;
    EXPECT_EQ(copy, original);
    const HeapOptional<std::string>& same = copy;
    copy = same;  // self-assignment keeps the value
    EXPECT_EQ(*copy, "materialplies.com");

    const HeapOptional<std::string> moved = std::move(original);
    EXPECT_EQ(*moved, "materialplies.com");
    HeapOptional<std::string> target;
    target = std::move(copy);
    EXPECT_EQ(*target, "materialplies.com");
}

}  // namespace
}  // namespace stormwatch
