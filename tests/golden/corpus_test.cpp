// SPDX-License-Identifier: Apache-2.0
// The shared corpus sweep: every configuration-like file of public repositories goes through
// the whole hunt without a crash, and every line is accounted for. Skips when the corpus
// (beside the source tree, as ../shared/corpus) is absent, as on a user's fresh clone.

#include <filesystem>
#include <set>
#include <string>

#include "support/test_files.h"
#include <gtest/gtest.h>

#include "stormwatch/engine/hunt.h"

namespace stormwatch {
namespace {

namespace fs = std::filesystem;

TEST(CorpusTest, EveryConfigHuntsWithFullAccounting) {
    const fs::path corpus = stormwatch::test_support::SharedCorpusDir() / "configs";
    if (!fs::exists(corpus)) {
        GTEST_SKIP() << "shared corpus not present";
    }
    auto hunter = engine::Hunter::Create({});
    ASSERT_TRUE(hunter.ok()) << hunter.status().message();
    const engine::HuntResult result = hunter.value().Run({corpus.string()}, 0, {});
    ASSERT_GT(result.summary.inputs.size(), 4000u);
    std::size_t configs = 0;
    std::set<std::string> dialects;
    for (const auto& input : result.summary.inputs) {
        EXPECT_EQ(input.stats.read(), input.stats.processed() + input.stats.rejected())
            << input.path;
        if (input.kind == "config") {
            ++configs;
            dialects.insert(input.dialect);
        }
    }
    // All six dialects occur in the corpus; well over a thousand files are configs.
    EXPECT_EQ(dialects.size(), 6u);
    EXPECT_GT(configs, 1000u);
    EXPECT_FALSE(result.findings.empty());
}

}  // namespace
}  // namespace stormwatch
