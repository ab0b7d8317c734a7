// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/core/json_writer.h"

#include <gtest/gtest.h>

namespace stormwatch {
namespace {

TEST(JsonWriterTest, WritesCompactNestedValues) {
    std::string out;
    JsonWriter w(out);
    w.BeginObject().Key("a").Int(-1).Key("b").BeginArray().String("x").Bool(true).Null().EndArray();
    w.Key("c").BeginObject().EndObject().EndObject();
    EXPECT_EQ(out, R"({"a":-1,"b":["x",true,null],"c":{}})");
}

TEST(JsonWriterTest, EscapesAndRepairsInvalidUtf8) {
    std::string out;
    JsonWriter::AppendQuoted(out, "q\"\\\n\x01\xE9");
    EXPECT_EQ(out, "\"q\\\"\\\\\\n\\u0001\xEF\xBF\xBD\"");
}

TEST(JsonWriterTest, KeepsPlainRunsAroundEscapes) {
    std::string out = "prefix";
    JsonWriter::AppendQuoted(out,
                             "\tab c\x7F"
                             "d\"é\r\x1F"
                             "end");
    EXPECT_EQ(out, "prefix\"\\tab c\\u007fd\\\"é\\r\\u001fend\"");
    out.clear();
    JsonWriter::AppendQuoted(out, "");
    EXPECT_EQ(out, "\"\"");
}

TEST(JsonWriterTest, IndentsWhenAsked) {
    std::string out;
    JsonWriter w(out, 2);
    w.BeginObject().Key("k").BeginArray().UInt(1).EndArray().EndObject();
    EXPECT_EQ(out, "{\n  \"k\": [\n    1\n  ]\n}");
}

}  // namespace
}  // namespace stormwatch
