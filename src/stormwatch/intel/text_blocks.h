// SPDX-License-Identifier: Apache-2.0
#pragma once

// The byte classes of TextMatcher's tokens, and where each class sits in a 64-byte block of
// text: one bit per byte. The matcher looks only at the tokens these masks single out, and
// reads a token's classes from them instead of from its bytes. Classifying is the one step
// that touches every byte, so it runs on the widest vector instructions the CPU has.

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace stormwatch::intel::detail {

// A token is a maximal run of bytes with a non-zero class. The OR of a token's classes
// decides, without looking at it again, whether it can be an indicator at all.
enum : std::uint8_t {
    kDigit = 1,
    kHexAlpha = 2,  // a-f A-F
    kAlpha = 4,     // other letters
    kDot = 8,
    kColon = 16,
    kDash = 32,  // `-` and `_`
    kAt = 64,
};

inline constexpr std::array<std::uint8_t, 256> kByteClass = [] {
    std::array<std::uint8_t, 256> t{};
    for (int c = '0'; c <= '9'; ++c) {
        t[static_cast<std::size_t>(c)] = kDigit;
    }
    for (int c = 'a'; c <= 'z'; ++c) {
        const std::uint8_t cls = c <= 'f' ? kHexAlpha : kAlpha;
        t[static_cast<std::size_t>(c)] = cls;
        t[static_cast<std::size_t>(c - 'a' + 'A')] = cls;
    }
    t['.'] = kDot;
    t[':'] = kColon;
    t['-'] = kDash;
    t['_'] = kDash;
    t['@'] = kAt;
    return t;
}();

inline constexpr std::size_t kBlock = 64;
inline constexpr int kClassCount = 7;  // kDigit .. kAt, one bit each

constexpr int ClassIndex(std::uint8_t cls) {
    return std::countr_zero(unsigned{cls});
}

// Where each byte class is in a 64-byte block: bit i for byte i. The class OR of any run of
// the block's bytes then costs seven mask tests instead of a table lookup per byte.
struct BlockMasks {
    std::uint64_t token = 0;  ///< bytes with a class (kByteClass non-zero)
    std::uint64_t slash = 0;  ///< `/`: no class, but `scheme:` before `//` starts a URL
    /// of_class[b]: bytes of class `1 << b`.
    std::array<std::uint64_t, kClassCount> of_class{};

    /// `.`, `:`, `@`: a token holding one may be an indicator. But a colon that ends its token
    /// (`user:`, `sshd[812]:`, `%SYS-5-CONFIG_I:`) does not make it one, unless `//` follows
    /// (a URL's scheme): a token whose only colon ends it is no IPv6 address, and without a `.`
    /// or `@` only a hash could be in it, which its run of token bytes finds. Most colons of a
    /// log end a field name or a tag. `next_token`, `next_slash`: the byte after the block.
    [[nodiscard]] std::uint64_t special(bool next_token, bool next_slash) const {
        const std::uint64_t colon = of_class[ClassIndex(kColon)];
        const std::uint64_t token_after = (token >> 1) | std::uint64_t{next_token} << 63;
        const std::uint64_t slash_after = (slash >> 1) | std::uint64_t{next_slash} << 63;
        const std::uint64_t field_end = colon & ~token_after & ~slash_after;
        return of_class[ClassIndex(kDot)] | (colon & ~field_end) | of_class[ClassIndex(kAt)];
    }

    /// The OR of the classes of the bytes whose bits are set in `range`.
    [[nodiscard]] std::uint8_t ClassOf(std::uint64_t range) const {
        unsigned mask = 0;
        for (int b = 0; b < kClassCount; ++b) {
            mask |= static_cast<unsigned>((of_class[b] & range) != 0) << b;
        }
        return static_cast<std::uint8_t>(mask);
    }

    friend bool operator==(const BlockMasks&, const BlockMasks&) = default;
};

/// The masks of the min(n, kBlock) bytes at `p`; bits past them are clear.
BlockMasks ClassifyBlock(const unsigned char* p, std::size_t n);

/// A whole-block classifier ClassifyBlock may pick, by its instruction set.
struct BlockClassifier {
    std::string_view name;  ///< "table", "sse2", "avx2", "avx512bw"
    BlockMasks (*classify)(const unsigned char* block);
};

/// Every whole-block classifier this CPU can run, the byte table first: all must agree.
std::vector<BlockClassifier> BlockClassifiers();

}  // namespace stormwatch::intel::detail
