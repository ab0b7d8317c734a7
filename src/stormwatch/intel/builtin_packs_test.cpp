// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/intel/builtin_packs.h"

#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

namespace stormwatch::intel {
namespace {

TEST(BuiltinPacks, EmbeddedBytesEqualTheShippedFile) {
    const auto packs = BuiltinIntelPacks();
    ASSERT_EQ(packs.size(), 1U);
    EXPECT_EQ(packs[0].name, "salt-typhoon-indicators.csv");
    std::ifstream in(
        std::string(STORMWATCH_SOURCE_DIR) + "/rules/intel/salt-typhoon-indicators.csv",
        std::ios::binary);
    ASSERT_TRUE(in);
    std::ostringstream content;
    content << in.rdbuf();
    EXPECT_EQ(packs[0].content, content.str());
}

TEST(BuiltinPacks, LoadCleanAndMatchTheCampaign) {
    IndicatorSetBuilder builder;
    InputStats stats;
    ASSERT_TRUE(LoadBuiltinPacks(builder, stats).ok());
    for (const Rejection& r : stats.kept()) {
        ADD_FAILURE() << "line " << r.line << ": " << r.detail;
    }
    EXPECT_EQ(stats.rejected(), 0U);
    EXPECT_EQ(stats.read(), stats.processed());
    auto set = builder.Build();
    EXPECT_GE(set->size(), 170U);

    const Indicator* ip = set->MatchAddress(*IpAddress::Parse("45.125.67.144"));
    ASSERT_NE(ip, nullptr);
    EXPECT_EQ(ip->type, IndicatorType::kIpv4);
    EXPECT_EQ(ip->actor.empty(), false);

    const Indicator* account = set->MatchValue(IndicatorType::kAccount, "cisco_tac_admin");
    ASSERT_NE(account, nullptr);
    EXPECT_EQ(account->confidence, "high");
    EXPECT_NE(set->MatchValue(IndicatorType::kAccount, "cisco_support"), nullptr);
    EXPECT_NE(set->MatchValue(IndicatorType::kAccount, "cisco_sys_manager"), nullptr);
    EXPECT_NE(set->MatchDomain("imap.dateupdata.com"), nullptr);
    EXPECT_NE(set->MatchValue(IndicatorType::kSha256,
                              "f2bbba1ea0f34b262f158ff31e00d39d89bbc471d04e8fca60a034cabe18e4f4"),
              nullptr);
}

}  // namespace
}  // namespace stormwatch::intel
