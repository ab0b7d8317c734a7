// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/parse/config_tree.h"

#include <string>

#include <gtest/gtest.h>

namespace stormwatch::parse {
namespace {

TEST(ConfigTreeTest, BuildsHierarchyWithLineNumbers) {
    const std::string text =
        "hostname r1\n"
        "!\n"
        "interface Gi0/1\n"
        " description uplink\n"
        " ip address 192.0.2.1 255.255.255.0\n"
        "\n"
        "router bgp 65000\n"
        " address-family ipv4\n"
        "  neighbor 198.51.100.1 activate\n"
        " exit-address-family\n"
        "end\n";
    InputStats stats;
    ConfigTree tree = BuildIndentTree(text, stats);
    ASSERT_EQ(tree.nodes.size(), 9U);
    EXPECT_EQ(tree.nodes[0].text, "hostname r1");
    EXPECT_EQ(tree.nodes[1].text, "interface Gi0/1");
    EXPECT_EQ(tree.nodes[1].line, 3U);
    EXPECT_EQ(tree.nodes[1].end, 4U);
    EXPECT_EQ(tree.nodes[2].parent, 1);
    EXPECT_EQ(tree.nodes[3].text, "ip address 192.0.2.1 255.255.255.0");
    EXPECT_EQ(tree.nodes[3].line, 5U);
    EXPECT_EQ(tree.nodes[4].text, "router bgp 65000");
    EXPECT_EQ(tree.nodes[6].parent, 5);
    EXPECT_EQ(tree.nodes[6].line, 9U);
    EXPECT_EQ(tree.nodes[7].parent, 4);
    EXPECT_EQ(tree.nodes[8].parent, -1);
    // Blank and comment lines are processed now; tree lines wait for FinishAccounting.
    EXPECT_EQ(stats.read(), 11U);
    EXPECT_EQ(stats.processed(), 2U);
    tree.nodes[0].used = true;
    FinishAccounting(tree, stats);
    EXPECT_EQ(stats.processed(), 11U);
    EXPECT_EQ(stats.unrecognised(), 8U);
    EXPECT_EQ(stats.read(), stats.processed() + stats.rejected());

    std::vector<std::int32_t> top;
    tree.ForEachChild(-1, [&](std::int32_t i) { top.push_back(i); });
    EXPECT_EQ(top, (std::vector<std::int32_t>{0, 1, 4, 8}));
}

TEST(ConfigTreeTest, CrlfAndTabsAndTrailingBlanks) {
    const std::string text =
        "interface Tunnel1\r\n\ttunnel source Loopback0   \r\n\t ip mtu 1400\r\n";
    InputStats stats;
    ConfigTree tree = BuildIndentTree(text, stats);
    ASSERT_EQ(tree.nodes.size(), 3U);
    EXPECT_EQ(tree.nodes[1].text, "tunnel source Loopback0");
    EXPECT_EQ(tree.nodes[1].parent, 0);
    EXPECT_EQ(tree.nodes[2].parent, 1);  // tab+space is deeper than a tab
    EXPECT_EQ(tree.nodes[2].text, "ip mtu 1400");
}

TEST(ConfigTreeTest, OversizedLineIsRejectedWithItsLineNumber) {
    std::string text = "hostname r1\n";
    text += std::string(100 * 1024, 'a');
    text += "\nend\n";
    InputStats stats;
    ConfigTree tree = BuildIndentTree(text, stats);
    FinishAccounting(tree, stats);
    ASSERT_EQ(tree.nodes.size(), 2U);
    EXPECT_EQ(tree.nodes[1].text, "end");
    EXPECT_EQ(tree.nodes[1].line, 3U);
    EXPECT_EQ(stats.RejectedFor(RejectReason::kOversizedLine), 1U);
    ASSERT_EQ(stats.kept().size(), 1U);
    EXPECT_EQ(stats.kept()[0].line, 2U);
    EXPECT_EQ(stats.read(), 3U);
    EXPECT_EQ(stats.read(), stats.processed() + stats.rejected());
}

TEST(ConfigTreeTest, InvalidUtf8IsCountedButParsed) {
    const std::string text = "description caf\xe9\nhostname r\xff\xfe\n";
    InputStats stats;
    ConfigTree tree = BuildIndentTree(text, stats);
    EXPECT_EQ(tree.nodes.size(), 2U);
    EXPECT_EQ(stats.invalid_utf8_lines(), 2U);
}

TEST(ConfigTreeTest, BannerBodyIsChildTextNotCommands) {
    const std::string text =
        "banner motd ^C\n"
        "username evil privilege 15 secret 0 x\n"
        "\n"
        "Authorised access only ^C\n"
        "username real privilege 15 secret 9 $9$abc\n"
        "banner login\n"
        "Hello\n"
        "EOF\n"
        "banner exec #one line#\n"
        "hostname r1\n";
    InputStats stats;
    ConfigTree tree = BuildIndentTree(text, stats);
    std::vector<std::string_view> top;
    tree.ForEachChild(
        -1, [&](std::int32_t i) { top.push_back(tree.nodes[static_cast<std::size_t>(i)].text); });
    EXPECT_EQ(top, (std::vector<std::string_view>{
                       "banner motd ^C", "username real privilege 15 secret 9 $9$abc",
                       "banner login", "banner exec #one line#", "hostname r1"}));
    FinishAccounting(tree, stats);
    EXPECT_EQ(stats.read(), 10U);
    EXPECT_EQ(stats.read(), stats.processed() + stats.rejected());
}

TEST(ConfigTreeTest, BinaryGarbageKeepsAccounting) {
    std::string text;
    for (int i = 0; i < 4096; ++i) {
        text.push_back(static_cast<char>((i * 131 + 7) % 256));
    }
    InputStats stats;
    ConfigTree tree = BuildIndentTree(text, stats);
    FinishAccounting(tree, stats);
    EXPECT_GT(stats.read(), 0U);
    EXPECT_EQ(stats.read(), stats.processed() + stats.rejected());
    for (const ConfigLine& node : tree.nodes) {
        EXPECT_LE(node.end, tree.nodes.size());
        EXPECT_LT(node.parent, static_cast<std::int32_t>(tree.nodes.size()));
    }
}

TEST(ConfigTreeTest, EmptyInput) {
    InputStats stats;
    ConfigTree tree = BuildIndentTree("", stats);
    EXPECT_TRUE(tree.nodes.empty());
    EXPECT_EQ(stats.read(), 0U);
}

}  // namespace
}  // namespace stormwatch::parse
