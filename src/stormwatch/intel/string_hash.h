// SPDX-License-Identifier: Apache-2.0
#pragma once

// The hashes of IndicatorSet's string table: case-insensitive (ASCII), 8 bytes at a time (wyhash
// style multiply-fold). Domain names are hashed label by label from the right, so one pass over
// `a.b.evil.example` yields the hash of every parent domain (`b.evil.example`, `evil.example`)
// without copying or re-hashing: hash(label . rest) = LabelHash(label, hash(rest)). Every
// other type hashes its value as one label.

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace stormwatch::intel::detail {

/// ASCII upper case to lower case in each byte of `x`; other bytes (including >= 0x80) kept.
inline std::uint64_t FoldWord(std::uint64_t x) {
    constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
    const std::uint64_t heptets = x & (0x7f * kOnes);
    const std::uint64_t above_z = heptets + (0x7f - 'Z') * kOnes;  // bit 7 set when > 'Z'
    const std::uint64_t from_a = heptets + (0x80 - 'A') * kOnes;   // bit 7 set when >= 'A'
    const std::uint64_t upper = ~x & (from_a ^ above_z) & (0x80 * kOnes);
    return x | (upper >> 2);
}

/// 64x64 -> 128-bit multiply, folded: the mixing step of wyhash.
inline std::uint64_t Mum(std::uint64_t a, std::uint64_t b) {
    __extension__ using U128 = unsigned __int128;
    const U128 product = static_cast<U128>(a) * b;
    return static_cast<std::uint64_t>(product) ^ static_cast<std::uint64_t>(product >> 64);
}

/// `n` (1-8) bytes at `p` as one word; every byte lands somewhere, nothing past `p + n` is read.
inline std::uint64_t LoadUpTo8(const char* p, std::size_t n) {
    if (n >= 4) {
        std::uint32_t head = 0;
        std::uint32_t tail = 0;
        std::memcpy(&head, p, 4);
        std::memcpy(&tail, p + n - 4, 4);
        return static_cast<std::uint64_t>(tail) << 32 | head;
    }
    const auto byte = [p](std::size_t i) {
        return static_cast<std::uint64_t>(static_cast<unsigned char>(p[i]));
    };
    return byte(0) << 16 | byte(n / 2) << 8 | byte(n - 1);
}

constexpr std::uint64_t kHashPrime0 = 0xa0761d6478bd642fULL;
constexpr std::uint64_t kHashPrime1 = 0xe7037ed1a0b428dbULL;

/// The hash of `label` (case-folded) continuing from `seed`, the hash of what follows it.
inline std::uint64_t LabelHash(std::string_view label, std::uint64_t seed) {
    std::uint64_t h = seed ^ label.size();
    const char* p = label.data();
    std::size_t n = label.size();
    for (; n > 8; p += 8, n -= 8) {
        std::uint64_t word = 0;
        std::memcpy(&word, p, 8);
        h = Mum(h ^ FoldWord(word), kHashPrime1);
    }
    return Mum(h ^ (n == 0 ? 0 : FoldWord(LoadUpTo8(p, n))), kHashPrime0);
}

/// The hash chain's start for strings of one indicator type (types never collide by value).
inline std::uint64_t StringHashSeed(unsigned type) {
    return Mum(type + 1, kHashPrime1);
}

/// The hash of a string value that is not a domain name: its bytes as one label.
inline std::uint64_t ValueHash(unsigned type, std::string_view value) {
    return LabelHash(value, StringHashSeed(type));
}

/// Domain names are at most 253 bytes, so at most 127 labels.
constexpr std::size_t kMaxDomainBytes = 253;
constexpr std::size_t kMaxDomainLabels = 127;

/// Splits `name` (at most kMaxDomainBytes) into labels: label i starts at `starts[i]`, and
/// `hashes[i]` is the hash of `name.substr(starts[i])`, that is LabelHash of label i continuing
/// from `hashes[i + 1]` (from the seed of type `type` for the last label). Returns the number
/// of labels; both arrays need room for kMaxDomainLabels. A name with more labels than that
/// has empty ones (`a..b`, dots of a log line) and is no domain name: 0, nothing hashed.
inline std::size_t DomainSuffixHashes(unsigned type, std::string_view name, std::uint8_t* starts,
                                      std::uint64_t* hashes) {
    // Dots 8 bytes at a time: a byte is a dot when it XORs to zero against '.'.
    constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
    std::size_t labels = 1;
    starts[0] = 0;
    std::size_t i = 0;
    for (; i + 8 <= name.size(); i += 8) {
        std::uint64_t word = 0;
        std::memcpy(&word, name.data() + i, 8);
        const std::uint64_t x = word ^ ('.' * kOnes);
        // Exact zero-byte mask (no borrow between bytes): bit 7 set where x's byte is zero.
        std::uint64_t dots = ~(((x & (0x7f * kOnes)) + 0x7f * kOnes) | x | (0x7f * kOnes));
        for (; dots != 0; dots &= dots - 1) {
            if (labels == kMaxDomainLabels) {
                return 0;
            }
            starts[labels++] = static_cast<std::uint8_t>(i + std::countr_zero(dots) / 8 + 1);
        }
    }
    for (; i < name.size(); ++i) {
        if (name[i] == '.') {
            if (labels == kMaxDomainLabels) {
                return 0;
            }
            starts[labels++] = static_cast<std::uint8_t>(i + 1);
        }
    }
    std::uint64_t h = StringHashSeed(type);
    std::size_t end = name.size();
    for (std::size_t k = labels; k-- > 0;) {
        h = LabelHash(name.substr(starts[k], end - starts[k]), h);
        hashes[k] = h;
        end = starts[k] - 1;
    }
    return labels;
}

/// The hash of `name`'s last two labels, as DomainSuffixHashes gives it for that suffix,
/// found from the right without hashing the rest; false when `name` has one label.
inline bool LastTwoLabelsHash(unsigned type, std::string_view name, std::uint64_t& hash) {
    const std::size_t last_dot = name.rfind('.');
    if (last_dot == std::string_view::npos) {
        return false;
    }
    const std::size_t dot_before =
        last_dot == 0 ? std::string_view::npos : name.rfind('.', last_dot - 1);
    const std::size_t second = dot_before == std::string_view::npos ? 0 : dot_before + 1;
    hash = LabelHash(name.substr(last_dot + 1), StringHashSeed(type));
    hash = LabelHash(name.substr(second, last_dot - second), hash);
    return true;
}

}  // namespace stormwatch::intel::detail
