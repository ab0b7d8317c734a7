// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/intel/misp/json_location.h"

#include <string>
#include <string_view>
#include <utility>

#include <gtest/gtest.h>

namespace stormwatch::intel::detail {
namespace {

TEST(JsonLocation, ValidDocumentsHaveNoError) {
    for (const char* json : {R"({})", R"([])", R"({"a":[1,-2.5e3,true,false,null,"x\u00e9\n"]})",
                             " [ {\"k\" : {}} , [] ] "}) {
        EXPECT_FALSE(FindJsonError(json, 64).has_value()) << json;
    }
}

TEST(JsonLocation, NamesOffsetLineAndColumn) {
    const auto error = FindJsonError("{\n  \"a\": 1\n  \"b\": 2\n}", 64);
    ASSERT_TRUE(error.has_value());
    EXPECT_EQ(error->offset, 13U);
    EXPECT_EQ(error->line, 3U);
    EXPECT_EQ(error->column, 3U);
    EXPECT_EQ(error->what, "expected ',' or '}'");
}

TEST(JsonLocation, Truncation) {
    const auto error = FindJsonError(R"({"Event": {"info": "x")", 64);
    ASSERT_TRUE(error.has_value());
    EXPECT_EQ(error->offset, 22U);
    EXPECT_EQ(error->what, "unexpected end of input inside a container");
}

TEST(JsonLocation, DepthAndStringErrors) {
    const std::string deep(100, '[');
    const auto depth = FindJsonError(deep, 64);
    ASSERT_TRUE(depth.has_value());
    EXPECT_EQ(depth->offset, 64U);
    EXPECT_EQ(depth->what, "nesting deeper than 64 levels");

    EXPECT_EQ(FindJsonError("[\"a\x01\"]", 64)->what, "control character inside a string");
    EXPECT_EQ(FindJsonError("[\"\xC3\x28\"]", 64)->what, "invalid UTF-8");
    EXPECT_EQ(FindJsonError(R"(["\q"])", 64)->what, "bad escape");
    EXPECT_EQ(FindJsonError("[01]", 64)->what, "expected ',' or ']'");
    EXPECT_EQ(FindJsonError("{} x", 64)->what, "unexpected content after the top-level value");
    EXPECT_EQ(FindJsonError("", 64)->what, "empty input");
    EXPECT_EQ(FindJsonError("{1:2}", 64)->what, "expected a string key");
}

TEST(JsonLocation, BadNumbersNameTheFirstByteThatIsNoDigit) {
    const std::pair<std::string_view, std::size_t> cases[] = {
        {"[-]", 2}, {"[-x]", 2}, {"[1.]", 3}, {"[1.e5]", 3}, {"[2e]", 3}, {"[2e+]", 4}};
    for (const auto& [json, offset] : cases) {
        const auto error = FindJsonError(json, 64);
        ASSERT_TRUE(error.has_value()) << json;
        EXPECT_EQ(error->what, "bad number") << json;
        EXPECT_EQ(error->offset, offset) << json;
    }
    for (const char* json : {"[0]", "[-0.0]", "[10E+2]", "[3e-7]", "[0.25e1]"}) {
        EXPECT_FALSE(FindJsonError(json, 64).has_value()) << json;
    }
}

}  // namespace
}  // namespace stormwatch::intel::detail
