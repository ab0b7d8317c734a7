// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/engine/intel_loader.h"

#include <filesystem>
#include <fstream>
#include <string_view>

#include "support/test_files.h"
#include <gtest/gtest.h>

#include "stormwatch/core/time.h"

namespace stormwatch::engine {
namespace {

namespace fs = std::filesystem;

const fs::path kCorpus = stormwatch::test_support::SharedCorpusDir() / "intel";

TEST(IntelLoaderTest, SniffsEveryFormatFromContent) {
    EXPECT_EQ(SniffIntelFormat("value,type\n192.0.2.1,ipv4\n"), IntelFormat::kText);
    EXPECT_EQ(SniffIntelFormat("# list\n192.0.2.1\n"), IntelFormat::kText);
    EXPECT_EQ(SniffIntelFormat(R"({"type": "bundle", "id": "bundle--1", "objects": []})"),
              IntelFormat::kStix);
    EXPECT_EQ(SniffIntelFormat(R"({"Event": {"info": "x", "Attribute": []}})"), IntelFormat::kMisp);
    EXPECT_EQ(SniffIntelFormat(R"({"response": [{"Event": {"info": "x"}}]})"), IntelFormat::kMisp);
}

TEST(IntelLoaderTest, BuiltInPackLoadsCleanAndKnowsTheCampaign) {
    intel::IndicatorSetBuilder builder;
    InputStats stats;
    ASSERT_TRUE(LoadBuiltinIntel(builder, stats).ok());
    for (const Rejection& r : stats.kept()) {
        ADD_FAILURE() << "line " << r.line << ": " << r.detail;
    }
    EXPECT_EQ(stats.read(), stats.processed());
    const auto set = builder.Build();
    EXPECT_GE(set->size(), 170U);

    const intel::Indicator* ip = set->MatchAddress(*IpAddress::Parse("45.125.67.144"));
    ASSERT_NE(ip, nullptr);
    EXPECT_EQ(ip->actor, "Salt Typhoon");
    EXPECT_EQ(ip->source, "AA25-239A (blocklist published 2025-08-28; S10)");
    EXPECT_EQ(ip->id.rfind("indicator--", 0), 0U);
    // AA25-239A rows: observed Aug 2021 - Jun 2025 (rules/intel/README.md).
    EXPECT_EQ(ip->valid_from, ParseRfc3339("2021-08-01T00:00:00Z"));
    EXPECT_EQ(ip->valid_until, ParseRfc3339("2025-06-30T23:59:59Z"));

    EXPECT_NE(set->MatchValue(intel::IndicatorType::kAccount, "cisco_tac_admin"), nullptr);
    EXPECT_NE(set->MatchValue(intel::IndicatorType::kAccount, "cisco_sys_manager"), nullptr);
    EXPECT_NE(set->MatchDomain("imap.dateupdata.com"), nullptr);
    EXPECT_NE(set->MatchValue(intel::IndicatorType::kSha256,
                              "f2bbba1ea0f34b262f158ff31e00d39d89bbc471d04e8fca60a034cabe18e4f4"),
              nullptr);
}

TEST(IntelLoaderTest, LoadsRealStixAndMispFilesByContent) {
    const fs::path stix = kCorpus / "oasis-cti-documentation" / "examples" / "example_json";
    const fs::path misp = kCorpus / "eset-malware-ioc" / "mozi";
    if (!fs::exists(stix) || !fs::exists(misp)) {
        GTEST_SKIP() << "shared corpus not present";
    }
    std::size_t stix_files = 0;
    for (const auto& entry : fs::directory_iterator(stix)) {
        if (entry.path().extension() != ".json") {
            continue;
        }
        intel::IndicatorSetBuilder builder;
        InputStats stats;
        const auto loaded = LoadIntelPath(entry.path().string(), builder, stats);
        ASSERT_TRUE(loaded.ok()) << entry.path() << ": " << loaded.status().message();
        EXPECT_EQ(loaded.value(), IntelFormat::kStix) << entry.path();
        EXPECT_EQ(stats.read(), stats.processed() + stats.rejected()) << entry.path();
        ++stix_files;
    }
    EXPECT_GT(stix_files, 3U);
    for (const auto& entry : fs::directory_iterator(misp)) {
        if (entry.path().extension() != ".json") {
            continue;
        }
        intel::IndicatorSetBuilder builder;
        InputStats stats;
        const auto loaded = LoadIntelPath(entry.path().string(), builder, stats);
        ASSERT_TRUE(loaded.ok()) << entry.path() << ": " << loaded.status().message();
        EXPECT_EQ(loaded.value(), IntelFormat::kMisp) << entry.path();
        EXPECT_GT(stats.processed(), 0U) << entry.path();
    }
}

// One attribute for detection, one marked as context (`to_ids: false`).
constexpr std::string_view kMispEventWithContext =
    R"({"Event": {"info": "edge intrusion", "uuid": "5f0c0e3a-0000-4000-8000-000000000001",
        "Attribute": [
          {"type": "ip-dst", "value": "203.0.113.5", "to_ids": true,
           "uuid": "5f0c0e3a-0000-4000-8000-000000000002"},
          {"type": "ip-dst", "value": "203.0.113.6", "to_ids": false,
           "uuid": "5f0c0e3a-0000-4000-8000-000000000003"}]}})";

TEST(IntelLoaderTest, MispContextLoadsOnlyWhenAskedFromTextAndFromFile) {
    const fs::path dir = fs::path(testing::TempDir()) / "stormwatch_intel_loader_context";
    fs::create_directories(dir);
    const fs::path file = dir / "event.json";
    std::ofstream(file) << kMispEventWithContext;
    for (const bool context : {false, true}) {
        const IntelLoadOptions options{.misp_context = context};
        intel::IndicatorSetBuilder from_text;
        intel::IndicatorSetBuilder from_file;
        InputStats text_stats;
        InputStats file_stats;
        ASSERT_TRUE(
            LoadIntelText(kMispEventWithContext, "event.json", from_text, text_stats, options)
                .ok());
        ASSERT_TRUE(LoadIntelPath(file.string(), from_file, file_stats, options).ok());
        for (const auto& set : {from_text.Build(), from_file.Build()}) {
            EXPECT_NE(set->MatchAddress(*IpAddress::Parse("203.0.113.5")), nullptr) << context;
            EXPECT_EQ(set->MatchAddress(*IpAddress::Parse("203.0.113.6")) != nullptr, context);
            EXPECT_EQ(set->size(), context ? 2U : 1U);
        }
        // Context left out is still processed, not dropped.
        EXPECT_EQ(text_stats.read(), 2U);
        EXPECT_EQ(text_stats.processed(), 2U);
        EXPECT_EQ(file_stats.processed(), 2U);
    }
    fs::remove_all(dir);
}

TEST(IntelLoaderTest, BinaryFileIsRejectedWhole) {
    const fs::path path = fs::path(testing::TempDir()) / "stormwatch_intel_loader_binary.bin";
    {
        std::ofstream out(path, std::ios::binary);
        const char junk[] = {'\x7f', 'E', 'L', 'F', '\0', '\x01', '\n', '\0', '\xff', '\n'};
        out.write(junk, sizeof(junk));
    }
    intel::IndicatorSetBuilder builder;
    InputStats stats;
    const auto loaded = LoadIntelPath(path.string(), builder, stats);
    ASSERT_FALSE(loaded.ok());
    EXPECT_NE(loaded.status().message().find("binary content"), std::string::npos);
    EXPECT_TRUE(stats.input_rejected());
    EXPECT_EQ(stats.read(), 1U);  // one rejection, the file's; none per row
    EXPECT_EQ(stats.rejected(), 1U);
    EXPECT_EQ(builder.pending(), 0U);
    fs::remove(path);
}

TEST(IntelLoaderTest, MissingFileNamesThePath) {
    intel::IndicatorSetBuilder builder;
    InputStats stats;
    const auto loaded = LoadIntelPath("/nonexistent/feed.csv", builder, stats);
    ASSERT_FALSE(loaded.ok());
    EXPECT_NE(loaded.status().message().find("/nonexistent/feed.csv"), std::string::npos);
}

}  // namespace
}  // namespace stormwatch::engine
