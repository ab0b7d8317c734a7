// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/intel/stix/ids.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "stormwatch/core/text.h"

namespace stormwatch::intel::stix {

namespace {

std::uint32_t Rotl(std::uint32_t x, int n) {
    return (x << n) | (x >> (32 - n));
}

}  // namespace

std::string Sha1(std::string_view data) {
    std::uint32_t h[5] = {0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0};
    std::string message(data);
    const std::uint64_t bit_length = static_cast<std::uint64_t>(data.size()) * 8;
    message.push_back(static_cast<char>(0x80));
    while (message.size() % 64 != 56) {
        message.push_back('\0');
    }
    for (int i = 7; i >= 0; --i) {
        message.push_back(static_cast<char>((bit_length >> (i * 8)) & 0xff));
    }
    for (std::size_t chunk = 0; chunk < message.size(); chunk += 64) {
        std::array<std::uint32_t, 80> w{};
        for (std::size_t i = 0; i < 16; ++i) {
            const auto* p = reinterpret_cast<const unsigned char*>(message.data() + chunk + i * 4);
            w[i] = (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) |
                   (std::uint32_t{p[2]} << 8) | std::uint32_t{p[3]};
        }
        for (std::size_t i = 16; i < 80; ++i) {
            w[i] = Rotl(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
        }
        std::uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
        for (std::size_t i = 0; i < 80; ++i) {
            std::uint32_t f = 0;
            std::uint32_t k = 0;
            if (i < 20) {
                f = (b & c) | (~b & d);
                k = 0x5A827999;
            } else if (i < 40) {
                f = b ^ c ^ d;
                k = 0x6ED9EBA1;
            } else if (i < 60) {
                f = (b & c) | (b & d) | (c & d);
                k = 0x8F1BBCDC;
            } else {
                f = b ^ c ^ d;
                k = 0xCA62C1D6;
            }
            const std::uint32_t temp = Rotl(a, 5) + f + e + k + w[i];
            e = d;
            d = c;
            c = Rotl(b, 30);
            b = a;
            a = temp;
        }
        h[0] += a;
        h[1] += b;
        h[2] += c;
        h[3] += d;
        h[4] += e;
    }
    std::string digest;
    for (const std::uint32_t word : h) {
        for (int i = 3; i >= 0; --i) {
            digest.push_back(static_cast<char>((word >> (i * 8)) & 0xff));
        }
    }
    return digest;
}

std::string Uuid5(std::string_view namespace_uuid, std::string_view name) {
    std::string bytes;
    for (const char c : namespace_uuid) {
        if (c == '-') {
            continue;
        }
        if (text::HexValue(c) < 0) {
            return {};
        }
        bytes.push_back(c);
    }
    if (bytes.size() != 32) {
        return {};
    }
    std::string input;
    for (std::size_t i = 0; i < 32; i += 2) {
        input.push_back(
            static_cast<char>(text::HexValue(bytes[i]) * 16 + text::HexValue(bytes[i + 1])));
    }
    input.append(name);
    std::string digest = Sha1(input);
    digest[6] = static_cast<char>((static_cast<unsigned char>(digest[6]) & 0x0f) | 0x50);
    digest[8] = static_cast<char>((static_cast<unsigned char>(digest[8]) & 0x3f) | 0x80);
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out;
    for (std::size_t i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) {
            out.push_back('-');
        }
        const auto b = static_cast<unsigned char>(digest[i]);
        out.push_back(kDigits[b >> 4]);
        out.push_back(kDigits[b & 0xf]);
    }
    return out;
}

std::string StormwatchId(std::string_view type, std::string_view name) {
    return std::string(type) + "--" + Uuid5(kStormwatchNamespace, name);
}

}  // namespace stormwatch::intel::stix
