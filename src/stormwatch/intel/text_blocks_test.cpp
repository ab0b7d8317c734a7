// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/intel/text_blocks.h"

#include <array>
#include <random>
#include <string>

#include <gtest/gtest.h>

namespace stormwatch::intel::detail {
namespace {

TEST(TextBlocks, ClassTableNamesTokenBytes) {
    EXPECT_EQ(kByteClass['0'], kDigit);
    EXPECT_EQ(kByteClass['F'], kHexAlpha);
    EXPECT_EQ(kByteClass['g'], kAlpha);
    EXPECT_EQ(kByteClass['Z'], kAlpha);
    EXPECT_EQ(kByteClass['_'], kDash);
    for (const int c :
         {int{' '}, int{'/'}, int{'['}, int{'`'}, int{'{'}, int{'?'}, 0x80, 0xC1, 0xFF, 0}) {
        EXPECT_EQ(kByteClass[static_cast<std::size_t>(c)], 0) << c;
    }
}

// The table classifier on a known block: each byte's class lands on its own bit.
TEST(TextBlocks, TableClassifierPutsEachByteOnItsBit) {
    std::string block = "a9.:-_@/Zg ";  // bytes 0-10, then spaces
    block.resize(kBlock, ' ');
    block[63] = '.';
    const BlockMasks m =
        BlockClassifiers().front().classify(reinterpret_cast<const unsigned char*>(block.data()));
    const auto bit = [](int i) {
        return std::uint64_t{1} << i;
    };
    EXPECT_EQ(m.token, bit(0) | bit(1) | bit(2) | bit(3) | bit(4) | bit(5) | bit(6) | bit(8) |
                           bit(9) | bit(63));
    EXPECT_EQ(m.slash, bit(7));
    EXPECT_EQ(m.of_class[ClassIndex(kHexAlpha)], bit(0));
    EXPECT_EQ(m.of_class[ClassIndex(kDigit)], bit(1));
    EXPECT_EQ(m.of_class[ClassIndex(kDot)], bit(2) | bit(63));
    EXPECT_EQ(m.of_class[ClassIndex(kColon)], bit(3));
    EXPECT_EQ(m.of_class[ClassIndex(kDash)], bit(4) | bit(5));
    EXPECT_EQ(m.of_class[ClassIndex(kAt)], bit(6));
    EXPECT_EQ(m.of_class[ClassIndex(kAlpha)], bit(8) | bit(9));
}

// Every vector classifier this CPU runs (SSE2, AVX2, AVX-512) gives the table's masks: on
// every byte value at every position, and on random blocks.
TEST(TextBlocks, EveryClassifierAgreesWithTheTable) {
    const std::vector<BlockClassifier> classifiers = BlockClassifiers();
    ASSERT_FALSE(classifiers.empty());
    ASSERT_EQ(classifiers.front().name, "table");
    std::array<unsigned char, kBlock> block{};
    std::mt19937 rng(7);
    for (int round = 0; round < 256 + 2000; ++round) {
        for (std::size_t i = 0; i < kBlock; ++i) {
            block[i] = static_cast<unsigned char>(round < 256 ? (round + i) % 256 : rng() % 256);
        }
        const BlockMasks expected = classifiers.front().classify(block.data());
        for (const BlockClassifier& classifier : classifiers) {
            ASSERT_EQ(classifier.classify(block.data()), expected)
                << classifier.name << " round " << round;
        }
    }
}

// A partial block: only its own bytes are classified, whatever follows them in memory.
TEST(TextBlocks, PartialBlocksStopAtTheirLength) {
    const std::string text(100, 'a');
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    for (std::size_t n = 0; n <= kBlock; ++n) {
        const BlockMasks m = ClassifyBlock(p, n);
        const std::uint64_t expected =
            n == kBlock ? ~std::uint64_t{0} : (std::uint64_t{1} << n) - 1;
        EXPECT_EQ(m.token, expected) << n;
        EXPECT_EQ(m.of_class[ClassIndex(kHexAlpha)], expected) << n;
    }
    EXPECT_EQ(ClassifyBlock(p, 200).token, ~std::uint64_t{0});
}

TEST(TextBlocks, ClassOfARun) {
    const std::string text = "user 10.0.0.5:22 x@y_z";
    std::string block = text;
    block.resize(kBlock, ' ');
    const BlockMasks m =
        ClassifyBlock(reinterpret_cast<const unsigned char*>(block.data()), kBlock);
    const auto run = [](std::size_t from, std::size_t to) {
        return ((std::uint64_t{1} << (to - from)) - 1) << from;
    };
    EXPECT_EQ(m.ClassOf(run(0, 4)), kAlpha | kHexAlpha);
    EXPECT_EQ(m.ClassOf(run(5, 16)), kDigit | kDot | kColon);
    EXPECT_EQ(m.ClassOf(run(17, 22)), kAlpha | kAt | kDash);
    EXPECT_EQ(m.ClassOf(run(4, 5)), 0);
}

}  // namespace
}  // namespace stormwatch::intel::detail
