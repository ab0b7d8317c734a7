// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/intel/string_hash.h"

#include <array>
#include <random>
#include <string>

#include <gtest/gtest.h>

namespace stormwatch::intel::detail {
namespace {

TEST(StringHash, FoldWordLowersAsciiLettersOnly) {
    for (int c = 0; c < 256; ++c) {
        const auto byte = static_cast<std::uint64_t>(c);
        const std::uint64_t expected = (c >= 'A' && c <= 'Z') ? byte + 32 : byte;
        // In every byte position, next to bytes that must not disturb it.
        for (int shift = 0; shift < 64; shift += 8) {
            const std::uint64_t word = (byte << shift) | (shift == 0 ? 0xff00 : 0x5a);
            const std::uint64_t folded = FoldWord(word);
            EXPECT_EQ((folded >> shift) & 0xff, expected) << c << " at " << shift;
        }
    }
}

TEST(StringHash, LoadUpTo8SeesEveryByte) {
    const std::string s = "abcdefgh";
    for (std::size_t n = 1; n <= 8; ++n) {
        for (std::size_t i = 0; i < n; ++i) {
            std::string changed = s;
            changed[i] = 'X';
            EXPECT_NE(LoadUpTo8(s.data(), n), LoadUpTo8(changed.data(), n)) << n << " " << i;
        }
    }
}

// A name of at most 253 bytes has at most 127 labels unless some are empty; past 127 the
// name is refused (0 labels) before anything is written beyond the arrays.
TEST(StringHash, DomainSuffixHashesRefuseMoreLabelsThanADomainHas) {
    std::array<std::uint8_t, kMaxDomainLabels> starts{};
    std::array<std::uint64_t, kMaxDomainLabels> hashes{};
    std::string widest = "a";
    while (widest.size() + 2 <= kMaxDomainBytes) {
        widest += ".a";
    }
    EXPECT_EQ(DomainSuffixHashes(3, widest, starts.data(), hashes.data()), kMaxDomainLabels);
    for (const std::size_t dots : {kMaxDomainLabels - 1, kMaxDomainLabels, std::size_t{200}}) {
        const std::string name = "x" + std::string(dots, '.') + "y";
        EXPECT_EQ(DomainSuffixHashes(3, name, starts.data(), hashes.data()),
                  dots < kMaxDomainLabels ? dots + 1 : 0)
            << dots;
    }
}

// Each suffix hash of a domain equals the hash of that suffix on its own, whatever the case
// of the letters, so the parent domains of a name are found with the values' own hashes.
TEST(StringHash, DomainSuffixHashesAreTheSuffixesHashes) {
    std::mt19937 rng(5);
    const std::string alphabet = "abcXYZ019-_";
    for (int round = 0; round < 500; ++round) {
        std::string name;
        const int labels = 1 + static_cast<int>(rng() % 6);
        for (int l = 0; l < labels; ++l) {
            if (l > 0) {
                name += '.';
            }
            const int length = static_cast<int>(rng() % 20);  // empty labels too
            for (int i = 0; i < length; ++i) {
                name += alphabet[rng() % alphabet.size()];
            }
        }
        std::array<std::uint8_t, kMaxDomainLabels> starts{};
        std::array<std::uint64_t, kMaxDomainLabels> hashes{};
        const std::size_t n = DomainSuffixHashes(3, name, starts.data(), hashes.data());
        ASSERT_EQ(n, static_cast<std::size_t>(labels)) << name;
        EXPECT_EQ(starts[0], 0);
        std::string lower = name;
        for (char& c : lower) {
            c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
        }
        for (std::size_t k = 0; k < n; ++k) {
            EXPECT_TRUE(starts[k] == 0 || name[starts[k] - 1] == '.') << name;
            std::array<std::uint8_t, kMaxDomainLabels> s2{};
            std::array<std::uint64_t, kMaxDomainLabels> h2{};
            DomainSuffixHashes(3, lower.substr(starts[k]), s2.data(), h2.data());
            EXPECT_EQ(hashes[k], h2[0]) << name << " suffix " << k;
        }
        std::uint64_t two = 0;
        ASSERT_EQ(LastTwoLabelsHash(3, name, two), n >= 2) << name;
        if (n >= 2) {
            EXPECT_EQ(two, hashes[n - 2]) << name;
        }
        // Another type seeds another chain.
        std::array<std::uint64_t, kMaxDomainLabels> other{};
        DomainSuffixHashes(4, name, starts.data(), other.data());
        EXPECT_NE(hashes[0], other[0]) << name;
    }
}

TEST(StringHash, LabelBoundariesMatter) {
    std::array<std::uint8_t, kMaxDomainLabels> starts{};
    std::array<std::uint64_t, kMaxDomainLabels> a{};
    std::array<std::uint64_t, kMaxDomainLabels> b{};
    DomainSuffixHashes(3, "ab.c", starts.data(), a.data());
    DomainSuffixHashes(3, "a.bc", starts.data(), b.data());
    EXPECT_NE(a[0], b[0]);
    EXPECT_NE(ValueHash(5, "abc"), ValueHash(5, "abd"));
    EXPECT_EQ(ValueHash(5, "ABCDEFGHIJKLMNOPQ"), ValueHash(5, "abcdefghijklmnopq"));
}

}  // namespace
}  // namespace stormwatch::intel::detail
