// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/core/ip_address.h"

#include <optional>
#include <random>
#include <string>
#include <utility>

#include <gtest/gtest.h>

namespace stormwatch {
namespace {

TEST(IpAddressTest, ParsesStrictIpv4) {
    const auto a = IpAddress::Parse("192.0.2.77");
    ASSERT_TRUE(a.has_value());
    EXPECT_TRUE(a->is_v4());
    EXPECT_EQ(a->v4(), 0xC000024Du);
    EXPECT_EQ(a->ToString(), "192.0.2.77");
    for (const char* bad : {"999.1.1.1", "1.2.3",     "1.2.3.4.5", "01.2.3.4",   "1.2.3.4 ",
                            "",          "a.b.c.d",   "1..2.3",    "1.2.3.256",  "1.2.3.4444",
                            "1.2.3.04",  "1.2.3.4.",  ".1.2.3.4",  "00.1.2.3",   "1.2.3.-1",
                            "1.2.3.1a",  "300.1.1.1", "1.2.3./",   "1.2.3.4:80", "255.255.255.2555",
                            "1.2.3.400", "256.2.3.4"}) {
        EXPECT_FALSE(IpAddress::Parse(bad).has_value()) << bad;
    }
    EXPECT_FALSE(IpAddress::Parse(std::string_view("1.2.3.4\0", 8)).has_value());
    EXPECT_FALSE(IpAddress::Parse(std::string_view("1.2.3\0.4", 8)).has_value());
    EXPECT_TRUE(IpAddress::Parse("::ffff:1.2.3.4").has_value());
    const std::pair<const char*, std::uint32_t> good[] = {{"0.0.0.0", 0},
                                                          {"255.255.255.255", 0xFFFFFFFFu},
                                                          {"10.0.100.9", 0x0A006409u},
                                                          {"1.20.255.0", 0x0114FF00u}};
    for (const auto& [text, value] : good) {
        const auto parsed = IpAddress::Parse(text);
        ASSERT_TRUE(parsed.has_value()) << text;
        EXPECT_EQ(parsed->v4(), value) << text;
    }
}

// Every length a dotted quad can have, read from the front of a longer buffer whose next
// bytes are a dot and digits: only the view's own bytes count.
TEST(IpAddressTest, DottedQuadOfEveryLengthInsideLongerText) {
    const std::pair<std::string_view, std::uint32_t> quads[] = {
        {"1.2.3.4", 0x01020304u},         {"1.2.3.45", 0x0102032Du},
        {"1.2.34.56", 0x01022238u},       {"1.23.45.67", 0x01172D43u},
        {"12.34.56.78", 0x0C22384Eu},     {"12.34.56.189", 0x0C2238BDu},
        {"12.34.156.189", 0x0C229CBDu},   {"12.134.156.189", 0x0C869CBDu},
        {"112.134.156.189", 0x70869CBDu},
    };
    for (const auto& [quad, value] : quads) {
        const std::string buffer = std::string(quad) + ".9.9";
        const std::string_view view = std::string_view(buffer).substr(0, quad.size());
        EXPECT_EQ(IpAddress::ParseDottedQuad(view), value) << quad;
        EXPECT_FALSE(
            IpAddress::ParseDottedQuad(std::string_view(buffer).substr(0, quad.size() + 1)))
            << quad;
        EXPECT_FALSE(IpAddress::ParseDottedQuad(std::string(view.substr(0, view.size() - 1)) + "x"))
            << quad;
    }
    EXPECT_FALSE(IpAddress::ParseDottedQuad("2001:db8::1"));
}

// A digit-by-digit reading of the rules, to hold the parser to.
std::optional<std::uint32_t> ReferenceDottedQuad(std::string_view s) {
    std::uint32_t value = 0;
    std::size_t i = 0;
    for (int part = 0; part < 4; ++part) {
        if (part > 0) {
            if (i >= s.size() || s[i] != '.') {
                return std::nullopt;
            }
            ++i;
        }
        const std::size_t start = i;
        unsigned octet = 0;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9' && i - start < 4) {
            octet = octet * 10 + static_cast<unsigned>(s[i] - '0');
            ++i;
        }
        const std::size_t digits = i - start;
        if (digits == 0 || digits > 3 || octet > 255 || (digits > 1 && s[start] == '0')) {
            return std::nullopt;
        }
        value = value << 8 | octet;
    }
    return i == s.size() ? std::optional(value) : std::nullopt;
}

// Random strings of dots, digits and a few other bytes, and random near-quads (parts up to
// 299, some with a leading zero), each read from the front of a longer buffer.
TEST(IpAddressTest, DottedQuadAgreesWithReference) {
    std::mt19937 rng(5);
    const std::string_view alphabet = "0123456789..........x 125";
    int valid = 0;
    for (int iteration = 0; iteration < 200000; ++iteration) {
        std::string s;
        if (rng() % 3 == 0) {
            for (int part = 0; part < 4; ++part) {
                s += part > 0 ? "." : "";
                s += std::to_string(rng() % 300);
                if (rng() % 10 == 0) {
                    s.insert(s.size() - 1, "0");
                }
            }
        } else {
            const auto length = rng() % 18;
            for (unsigned k = 0; k < length; ++k) {
                s += alphabet[rng() % alphabet.size()];
            }
        }
        const auto expected = ReferenceDottedQuad(s);
        valid += expected.has_value() ? 1 : 0;
        const std::string buffer = s + "1.2";
        ASSERT_EQ(IpAddress::ParseDottedQuad(std::string_view(buffer).substr(0, s.size())),
                  expected)
            << "[" << s << "]";
    }
    EXPECT_GT(valid, 20000);  // most near-quads are valid
}

TEST(IpAddressTest, ParsesIpv6FormsAndPrintsRfc5952) {
    EXPECT_EQ(IpAddress::Parse("2001:DB8:0:0:0:0:0:1")->ToString(), "2001:db8::1");
    EXPECT_EQ(IpAddress::Parse("::")->ToString(), "::");
    EXPECT_EQ(IpAddress::Parse("::1")->ToString(), "::1");
    EXPECT_EQ(IpAddress::Parse("fe80::")->ToString(), "fe80::");
    EXPECT_EQ(IpAddress::Parse("2001:db8:0:1:0:0:1:1")->ToString(), "2001:db8:0:1::1:1");
    EXPECT_EQ(IpAddress::Parse("::ffff:192.0.2.1")->ToString(), "::ffff:c000:201");
    for (const char* bad :
         {"2001:db8::1::2", "2001:db8:", ":1", "12345::", "1:2:3:4:5:6:7:8:9", "2001:db8::g"}) {
        EXPECT_FALSE(IpAddress::Parse(bad).has_value()) << bad;
    }
}

TEST(IpAddressTest, PublicRanges) {
    EXPECT_FALSE(IpAddress::Parse("10.1.2.3")->IsPublic());
    EXPECT_FALSE(IpAddress::Parse("172.31.255.1")->IsPublic());
    EXPECT_TRUE(IpAddress::Parse("172.32.0.1")->IsPublic());
    EXPECT_FALSE(IpAddress::Parse("100.64.0.1")->IsPublic());
    EXPECT_FALSE(IpAddress::Parse("fd00::1")->IsPublic());
    EXPECT_TRUE(IpAddress::Parse("45.61.133.77")->IsPublic());
    EXPECT_TRUE(IpAddress::Parse("203.0.113.9")->IsPublic());  // documentation stands for Internet
    EXPECT_TRUE(IpAddress::Parse("2001:db8::1")->IsPublic());
}

TEST(IpPrefixTest, ParsesAndContains) {
    const auto p = IpPrefix::Parse("10.10.12.77/24");
    ASSERT_TRUE(p.has_value());
    EXPECT_EQ(p->ToString(), "10.10.12.0/24");
    EXPECT_TRUE(p->Contains(*IpAddress::Parse("10.10.12.1")));
    EXPECT_FALSE(p->Contains(*IpAddress::Parse("10.10.13.1")));
    EXPECT_FALSE(IpPrefix::Parse("1.2.3.4/40").has_value());
    EXPECT_FALSE(IpPrefix::Parse("1.2.3.4/").has_value());
    EXPECT_TRUE(IpPrefix::Parse("1.2.3.4")->is_host());
    EXPECT_TRUE(IpPrefix::Parse("0.0.0.0/0")->Contains(*IpPrefix::Parse("192.0.2.0/24")));
    EXPECT_TRUE(IpPrefix::Parse("192.0.2.0/24")->Overlaps(*IpPrefix::Parse("192.0.0.0/16")));
    EXPECT_FALSE(IpPrefix::Parse("2001:db8::/32")->Contains(*IpAddress::Parse("192.0.2.1")));
}

TEST(IpPrefixTest, MasksAndWildcards) {
    const auto a = *IpAddress::Parse("198.51.100.0");
    EXPECT_EQ(IpPrefix::FromMask(a, *IpAddress::Parse("255.255.255.0"), false)->length(), 24);
    EXPECT_EQ(IpPrefix::FromMask(a, *IpAddress::Parse("0.0.0.255"), true)->length(), 24);
    EXPECT_EQ(IpPrefix::FromMask(a, *IpAddress::Parse("0.0.0.0"), true)->length(), 32);
    EXPECT_FALSE(IpPrefix::FromMask(a, *IpAddress::Parse("0.255.0.255"), true).has_value());
}

}  // namespace
}  // namespace stormwatch
