// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/yaml/single_document.h"

#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>

namespace stormwatch::yaml {
namespace {

std::string ErrorOf(std::string_view text) {
    auto loaded = LoadSingleDocument(text, "f.yml", "rule file");
    return loaded.ok() ? "" : loaded.status().message();
}

TEST(SingleDocumentTest, LoadsOneDocumentAndEmptyText) {
    auto loaded = LoadSingleDocument("a: [1, 2]\n", "f.yml", "rule file");
    ASSERT_TRUE(loaded.ok());
    EXPECT_EQ(loaded.value()["a"].size(), 2u);
    auto empty = LoadSingleDocument("", "f.yml", "rule file");
    ASSERT_TRUE(empty.ok());
    EXPECT_TRUE(empty.value().IsNull());
}

TEST(SingleDocumentTest, RefusesHostileInputWithItsName) {
    EXPECT_EQ(ErrorOf("a: 1\n---\nb: 2\n"), "f.yml: a rule file holds one YAML document");
    EXPECT_EQ(ErrorOf("a: [1, 2\n").rfind("f.yml:", 0), 0u);
    EXPECT_EQ(ErrorOf(std::string("a: \xff\n")), "f.yml: not a UTF-8 YAML text file");
    std::string deep;
    for (int i = 0; i < 40; ++i) {
        deep += "[";
    }
    deep += "1";
    for (int i = 0; i < 40; ++i) {
        deep += "]";
    }
    EXPECT_NE(ErrorOf(deep).find("nested too deeply"), std::string::npos);
    const std::string bomb =
        "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
        "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, "
        "*c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: [*e, *e, *e, *e, *e, *e]\n";
    EXPECT_NE(ErrorOf(bomb).find("too large after alias expansion"), std::string::npos);
}

// Regression: yaml-cpp 0.7's LoadAll never returned on these bytes (found by fuzzing the site
// policy parser); the document count now takes at most two parser steps.
TEST(SingleDocumentTest, StrayCommaDoesNotHang) {
    EXPECT_FALSE(ErrorOf(",l`\n").empty());
    EXPECT_FALSE(ErrorOf(",").empty());
}

TEST(SingleDocumentTest, ReadsSmallFilesAndStopsAtTheLimit) {
    const std::string path =
        (std::filesystem::path(::testing::TempDir()) / "stormwatch_small.yml").string();
    std::ofstream(path) << "rules: []\n";
    const auto read = ReadSmallFile(path, "rule file");
    ASSERT_TRUE(read.ok()) << read.status().message();
    EXPECT_EQ(read.value(), "rules: []\n");
    std::filesystem::remove(path);

    const auto missing = ReadSmallFile("/nonexistent/policy.yml", "policy file");
    EXPECT_EQ(missing.status().code(), StatusCode::kIoError);
    EXPECT_EQ(
        missing.status().message().rfind("/nonexistent/policy.yml: cannot open policy file", 0),
        0U);

    // An endless source is cut at the limit, not read whole.
    const auto endless = ReadSmallFile("/dev/zero", "policy file", {.max_bytes = 1 << 20});
    EXPECT_EQ(endless.status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(endless.status().message(), "/dev/zero: policy file larger than 1 MiB");
}

}  // namespace
}  // namespace stormwatch::yaml
