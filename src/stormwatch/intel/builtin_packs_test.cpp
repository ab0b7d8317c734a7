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
    EXPECT_EQ(packs[0].name, "salt-typhoon.stix.json");
    std::ifstream in(std::string(STORMWATCH_SOURCE_DIR) + "/rules/intel/salt-typhoon.stix.json",
                     std::ios::binary);
    ASSERT_TRUE(in);
    std::ostringstream content;
    content << in.rdbuf();
    EXPECT_EQ(packs[0].content, content.str());
}

}  // namespace
}  // namespace stormwatch::intel
