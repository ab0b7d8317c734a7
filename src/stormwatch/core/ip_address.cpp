// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/core/ip_address.h"

#include <algorithm>
#include <bit>
#include <cstdio>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "stormwatch/core/text.h"

namespace stormwatch {

namespace {

// The 7 to 15 bytes of `text` padded with NULs to 16, as two words from fixed-size loads that
// may overlap, instead of a variable-length copy (a library call).
struct PaddedQuad {
    std::uint64_t low = 0;   ///< bytes 0-7
    std::uint64_t high = 0;  ///< bytes 8-15
};

PaddedQuad PadQuadText(std::string_view text) {
    const char* p = text.data();
    const std::size_t n = text.size();
    PaddedQuad q;
    if (n >= 8) {
        std::memcpy(&q.low, p, 8);
        if (n > 8) {
            std::memcpy(&q.high, p + n - 8, 8);
            q.high >>= 8 * (16 - n);  // keep bytes 8 .. n - 1
        }
    } else {
        std::uint32_t first = 0;
        std::uint32_t last = 0;
        std::memcpy(&first, p, 4);
        std::memcpy(&last, p + n - 4, 4);
        q.low = first | std::uint64_t{last} << (8 * (n - 4));
    }
    return q;
}

// Bit i set where byte i is a dot, and where it is a digit. The vector is built from the two
// words, not loaded from a 16-byte copy of them: a load across two 8-byte stores that were
// just made waits for them to retire.
struct QuadShape {
    unsigned dots = 0;
    unsigned digits = 0;
};

QuadShape ShapeOf(const PaddedQuad& q) {
    QuadShape shape;
#if defined(__SSE2__)
    const __m128i x = _mm_set_epi64x(static_cast<long long>(q.high), static_cast<long long>(q.low));
    const __m128i value = _mm_sub_epi8(x, _mm_set1_epi8('0'));
    shape.dots = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(x, _mm_set1_epi8('.'))));
    shape.digits = static_cast<unsigned>(
        _mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(value, _mm_set1_epi8(9)), value)));
#else
    for (unsigned i = 0; i < 16; ++i) {
        const auto c =
            static_cast<unsigned char>((i < 8 ? q.low >> (8 * i) : q.high >> (8 * (i - 8))));
        shape.dots |= static_cast<unsigned>(c == '.') << i;
        shape.digits |= static_cast<unsigned>(c >= '0' && c <= '9') << i;
    }
#endif
    return shape;
}

}  // namespace

// One to three digits per part, no leading zero (inet_aton would read it as octal; refuse the
// ambiguity), each part at most 255, nothing else. The parts' lengths vary address by address,
// so a digit-by-digit parse mispredicts a branch or more per part: the shape comes from masks
// instead, and each part's value from its last three bytes, weighted by its length.
std::optional<std::uint32_t> IpAddress::ParseDottedQuad(std::string_view text) {
    const auto n = static_cast<unsigned>(text.size());
    if (n < 7 || n > 15) {  // 0.0.0.0 .. 255.255.255.255
        return std::nullopt;
    }
    const PaddedQuad padded = PadQuadText(text);
    const QuadShape shape = ShapeOf(padded);
    unsigned rest = shape.dots;
    const auto first_dot = static_cast<unsigned>(std::countr_zero(rest));
    rest &= rest - 1;
    const auto second_dot = static_cast<unsigned>(std::countr_zero(rest));
    rest &= rest - 1;
    const auto third_dot = static_cast<unsigned>(std::countr_zero(rest));
    rest &= rest - 1;
    // Exactly three dots, digits elsewhere: `rest` is empty and the masks tile the text.
    if (rest != 0 || third_dot >= n || (shape.dots | shape.digits) != (1U << n) - 1) {
        return std::nullopt;
    }
    // Three '0's before the text: a part's three last bytes are then always in range, and
    // those before a short part are weighted zero.
    std::array<unsigned char, 19> bytes;
    std::memcpy(bytes.data(), "000", 3);
    std::memcpy(bytes.data() + 3, &padded.low, 8);
    std::memcpy(bytes.data() + 11, &padded.high, 8);
    // By part length (1-3; 0 is checked apart): weights of its last three digits, and its
    // least value without a leading zero.
    static constexpr std::array<unsigned, 4> kHundreds = {0, 0, 0, 100};
    static constexpr std::array<unsigned, 4> kTens = {0, 0, 10, 10};
    static constexpr std::array<unsigned, 4> kLeast = {0, 0, 10, 100};
    std::uint32_t value = 0;
    unsigned bad = 0;
    unsigned start = 0;
    for (const unsigned end : {first_dot, second_dot, third_dot, n}) {
        const unsigned length = end - start;  // wraps around when a dot leads or two touch
        const unsigned k = length & 3;
        const unsigned octet = kHundreds[k] * (bytes[end] - '0') +
                               kTens[k] * (bytes[end + 1] - '0') + (bytes[end + 2] - '0');
        bad |= static_cast<unsigned>(length - 1 > 2) | static_cast<unsigned>(octet < kLeast[k]) |
               static_cast<unsigned>(octet > 255);
        value = (value << 8) | (octet & 0xFF);
        start = end + 1;
    }
    if (bad != 0) {
        return std::nullopt;
    }
    return value;
}

namespace {

std::optional<std::array<std::uint8_t, 16>> ParseV6(std::string_view text) {
    std::array<std::uint16_t, 8> groups{};
    int count = 0;
    int gap = -1;  // index where `::` stands
    std::size_t i = 0;
    if (text.size() < 2 || text.size() > 45) {
        return std::nullopt;
    }
    if (text[0] == ':') {
        if (text[1] != ':') {
            return std::nullopt;
        }
        gap = 0;
        i = 2;
        if (i == text.size()) {
            return std::array<std::uint8_t, 16>{};
        }
    }
    while (i < text.size()) {
        if (count >= 8) {
            return std::nullopt;
        }
        // Embedded IPv4 in the last 32 bits.
        const std::size_t next_colon = text.find(':', i);
        const std::string_view part = text.substr(
            i, next_colon == std::string_view::npos ? std::string_view::npos : next_colon - i);
        if (part.find('.') != std::string_view::npos) {
            if (next_colon != std::string_view::npos || count > 6) {
                return std::nullopt;
            }
            const auto v4 = IpAddress::ParseDottedQuad(part);
            if (!v4) {
                return std::nullopt;
            }
            groups[static_cast<std::size_t>(count++)] = static_cast<std::uint16_t>(*v4 >> 16);
            groups[static_cast<std::size_t>(count++)] = static_cast<std::uint16_t>(*v4 & 0xFFFF);
            i = text.size();
            break;
        }
        if (part.empty() || part.size() > 4) {
            return std::nullopt;
        }
        std::uint16_t group = 0;
        for (const char c : part) {
            const int h = text::HexValue(c);
            if (h < 0) {
                return std::nullopt;
            }
            group = static_cast<std::uint16_t>((group << 4) | h);
        }
        groups[static_cast<std::size_t>(count++)] = group;
        i += part.size();
        if (i == text.size()) {
            break;
        }
        // text[i] == ':'
        ++i;
        if (i < text.size() && text[i] == ':') {
            if (gap >= 0) {
                return std::nullopt;
            }
            gap = count;
            ++i;
            if (i == text.size()) {
                break;
            }
        } else if (i == text.size()) {
            return std::nullopt;  // trailing single colon
        }
    }
    std::array<std::uint16_t, 8> full{};
    if (gap >= 0) {
        if (count > 7) {
            return std::nullopt;
        }
        const int tail = count - gap;
        for (int k = 0; k < gap; ++k) {
            full[static_cast<std::size_t>(k)] = groups[static_cast<std::size_t>(k)];
        }
        for (int k = 0; k < tail; ++k) {
            full[static_cast<std::size_t>(8 - tail + k)] =
                groups[static_cast<std::size_t>(gap + k)];
        }
    } else {
        if (count != 8) {
            return std::nullopt;
        }
        full = groups;
    }
    std::array<std::uint8_t, 16> bytes{};
    for (std::size_t k = 0; k < 8; ++k) {
        bytes[2 * k] = static_cast<std::uint8_t>(full[k] >> 8);
        bytes[2 * k + 1] = static_cast<std::uint8_t>(full[k] & 0xFF);
    }
    return bytes;
}

bool InV4(std::uint32_t address, std::uint32_t network, int length) {
    const std::uint32_t mask = length == 0 ? 0 : ~std::uint32_t{0} << (32 - length);
    return (address & mask) == network;
}

}  // namespace

IpAddress IpAddress::V4(std::uint32_t host_order) {
    IpAddress a;
    a.v4_ = true;
    a.bytes_ = {};
    a.bytes_[10] = 0xFF;
    a.bytes_[11] = 0xFF;
    a.bytes_[12] = static_cast<std::uint8_t>(host_order >> 24);
    a.bytes_[13] = static_cast<std::uint8_t>(host_order >> 16);
    a.bytes_[14] = static_cast<std::uint8_t>(host_order >> 8);
    a.bytes_[15] = static_cast<std::uint8_t>(host_order);
    return a;
}

IpAddress IpAddress::V6(const std::array<std::uint8_t, 16>& bytes) {
    IpAddress a;
    a.v4_ = false;
    a.bytes_ = bytes;
    return a;
}

std::optional<IpAddress> IpAddress::Parse(std::string_view text) {
    // Dotted quads first: they are most of what configs and logs hold, and ParseDottedQuad refuses
    // any text with a colon, so the IPv6 search is only for what it refused.
    if (auto v4 = ParseDottedQuad(text)) {
        return V4(*v4);
    }
    if (text.find(':') != std::string_view::npos) {
        if (auto bytes = ParseV6(text)) {
            return V6(*bytes);
        }
    }
    return std::nullopt;
}

std::uint32_t IpAddress::v4() const {
    return (std::uint32_t{bytes_[12]} << 24) | (std::uint32_t{bytes_[13]} << 16) |
           (std::uint32_t{bytes_[14]} << 8) | std::uint32_t{bytes_[15]};
}

std::string IpAddress::ToString() const {
    char buf[64];
    if (v4_) {
        std::snprintf(buf, sizeof buf, "%u.%u.%u.%u", bytes_[12], bytes_[13], bytes_[14],
                      bytes_[15]);
        return buf;
    }
    // RFC 5952: lower case, longest run (>= 2) of zero groups compressed, first one on ties.
    std::array<std::uint16_t, 8> g{};
    for (std::size_t k = 0; k < 8; ++k) {
        g[k] = static_cast<std::uint16_t>((bytes_[2 * k] << 8) | bytes_[2 * k + 1]);
    }
    int best_start = -1;
    int best_len = 0;
    for (int k = 0; k < 8;) {
        if (g[static_cast<std::size_t>(k)] != 0) {
            ++k;
            continue;
        }
        int run = k;
        while (run < 8 && g[static_cast<std::size_t>(run)] == 0) {
            ++run;
        }
        if (run - k > best_len && run - k >= 2) {
            best_start = k;
            best_len = run - k;
        }
        k = run;
    }
    std::string out;
    for (int k = 0; k < 8; ++k) {
        if (k == best_start) {
            out += "::";
            k += best_len - 1;
            continue;
        }
        if (!out.empty() && out.back() != ':') {
            out.push_back(':');
        }
        std::snprintf(buf, sizeof buf, "%x", g[static_cast<std::size_t>(k)]);
        out += buf;
    }
    return out;
}

bool IpAddress::IsPublic() const {
    if (v4_) {
        const std::uint32_t a = v4();
        struct Range {
            std::uint32_t network;
            int length;
        };
        static constexpr Range kNotPublic[] = {
            {0x00000000, 8},  {0x0A000000, 8},  {0x64400000, 10}, {0x7F000000, 8},
            {0xA9FE0000, 16}, {0xAC100000, 12}, {0xC0000000, 24}, {0xC0A80000, 16},
            {0xC6120000, 15}, {0xE0000000, 4},  {0xF0000000, 4},
        };
        for (const Range& r : kNotPublic) {
            if (InV4(a, r.network, r.length)) {
                return false;
            }
        }
        return true;
    }
    return (bytes_[0] & 0xE0) == 0x20;  // only 2000::/3 is global unicast
}

IpPrefix::IpPrefix(IpAddress address, int length) : address_(address), length_(length) {
    const int bits = address.is_v4() ? 32 : 128;
    length_ = length < 0 ? 0 : (length > bits ? bits : length);
    if (address.is_v4()) {
        const std::uint32_t mask = length_ == 0 ? 0 : ~std::uint32_t{0} << (32 - length_);
        address_ = IpAddress::V4(address.v4() & mask);
        return;
    }
    std::array<std::uint8_t, 16> bytes = address.bytes();
    const auto full = static_cast<std::size_t>(length_ / 8);
    if (full < bytes.size()) {
        bytes[full] &= static_cast<std::uint8_t>(0xFF00u >> (length_ % 8));
        std::fill(bytes.begin() + static_cast<std::ptrdiff_t>(full) + 1, bytes.end(), 0);
    }
    address_ = IpAddress::V6(bytes);
}

std::optional<IpPrefix> IpPrefix::Parse(std::string_view text) {
    const std::size_t slash = text.find('/');
    const auto address = IpAddress::Parse(text.substr(0, slash));
    if (!address) {
        return std::nullopt;
    }
    const int bits = address->is_v4() ? 32 : 128;
    if (slash == std::string_view::npos) {
        return IpPrefix(*address, bits);
    }
    const std::string_view len_text = text.substr(slash + 1);
    if (len_text.empty() || len_text.size() > 3) {
        return std::nullopt;
    }
    int length = 0;
    for (const char c : len_text) {
        if (c < '0' || c > '9') {
            return std::nullopt;
        }
        length = length * 10 + (c - '0');
    }
    if (length > bits) {
        return std::nullopt;
    }
    return IpPrefix(*address, length);
}

std::optional<IpPrefix> IpPrefix::FromMask(IpAddress address, IpAddress mask, bool wildcard) {
    if (!address.is_v4() || !mask.is_v4()) {
        return std::nullopt;
    }
    std::uint32_t m = mask.v4();
    if (wildcard) {
        m = ~m;
    }
    // Contiguous masks only; discontiguous wildcards have no prefix form.
    const std::uint32_t inverted = ~m;
    if ((inverted & (inverted + 1)) != 0) {
        return std::nullopt;
    }
    return IpPrefix(address, std::countl_one(m));
}

bool IpPrefix::Contains(const IpAddress& address) const {
    if (address.is_v4() != address_.is_v4()) {
        return false;
    }
    return IpPrefix(address, length_).address_ == address_;
}

bool IpPrefix::Contains(const IpPrefix& other) const {
    return other.length_ >= length_ && Contains(other.address_);
}

bool IpPrefix::Overlaps(const IpPrefix& other) const {
    return Contains(other) || other.Contains(*this);
}

std::string IpPrefix::ToString() const {
    return address_.ToString() + "/" + std::to_string(length_);
}

}  // namespace stormwatch
