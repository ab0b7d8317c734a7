// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/intel/indicator_set.h"

#include <algorithm>
#include <cctype>
#include <random>
#include <set>
#include <span>
#include <string>

#include <gtest/gtest.h>

#include "stormwatch/core/text.h"

namespace stormwatch::intel {
namespace {

struct Added {
    bool ok;
    IndicatorType type;
    std::string value;
};

Added AddOne(std::string_view value, std::string_view hint = {}) {
    IndicatorSetBuilder builder;
    if (!builder.Add(value, hint, "test", "high", "actor")) {
        return {false, IndicatorType::kIpv4, ""};
    }
    auto set = builder.Build();
    return {true, set->indicators()[0].type, set->indicators()[0].value};
}

TEST(IndicatorTypeDetection, DetectsEachType) {
    struct Case {
        std::string_view in;
        IndicatorType type;
        std::string_view normalised;
    };
    const Case cases[] = {
        {"192.0.2.7", IndicatorType::kIpv4, "192.0.2.7"},
        {"2001:DB8::1", IndicatorType::kIpv6, "2001:db8::1"},
        {"198.51.100.0/24", IndicatorType::kCidr, "198.51.100.0/24"},
        {"2001:db8::/32", IndicatorType::kCidr, "2001:db8::/32"},
        {"Evil.Example.COM.", IndicatorType::kDomain, "evil.example.com"},
        {"evil[.]example", IndicatorType::kDomain, "evil.example"},
        {"HTTPS://Evil.example:443/Path", IndicatorType::kUrl, "https://evil.example/Path"},
        {"hxxp://evil.example/x", IndicatorType::kUrl, "http://evil.example/x"},
        {"D41D8CD98F00B204E9800998ECF8427E", IndicatorType::kMd5,
         "d41d8cd98f00b204e9800998ecf8427e"},
        {"da39a3ee5e6b4b0d3255bfef95601890afd80709", IndicatorType::kSha1,
         "da39a3ee5e6b4b0d3255bfef95601890afd80709"},
        {"f2bbba1ea0f34b262f158ff31e00d39d89bbc471d04e8fca60a034cabe18e4f4", IndicatorType::kSha256,
         "f2bbba1ea0f34b262f158ff31e00d39d89bbc471d04e8fca60a034cabe18e4f4"},
        {"Someone@Example.ORG", IndicatorType::kEmail, "someone@example.org"},
    };
    for (const Case& c : cases) {
        const Added added = AddOne(c.in);
        ASSERT_TRUE(added.ok) << c.in;
        EXPECT_EQ(added.type, c.type) << c.in;
        EXPECT_EQ(added.value, c.normalised) << c.in;
    }
    const Added sha512 = AddOne(std::string(128, 'a'));
    ASSERT_TRUE(sha512.ok);
    EXPECT_EQ(sha512.type, IndicatorType::kSha512);
}

TEST(IndicatorTypeDetection, RejectsMalformedValues) {
    for (const std::string_view bad :
         {"", "   ", "999.1.1.1", "1.2.3.4/40", "10.1", "2001:db8::/129", "localhost",
          "bad_label-.example", "-bad.example", "a..b", "abcdef", "http://", "://x",
          "no spaces.example com", "@example.com", "1.2.3.4/", "deadbeefdeadbeef"}) {
        EXPECT_FALSE(AddOne(bad).ok) << "accepted: '" << bad << "'";
    }
}

TEST(IndicatorTypeDetection, HonoursHints) {
    EXPECT_EQ(AddOne("cisco_tac_admin", "account").type, IndicatorType::kAccount);
    EXPECT_EQ(AddOne("cisco_tac_admin", "USERNAME").type, IndicatorType::kAccount);
    EXPECT_EQ(AddOne("tac.pcap", "filename").type, IndicatorType::kFileName);
    EXPECT_EQ(AddOne("tac.pcap", "filename").value, "tac.pcap");
    EXPECT_EQ(AddOne("a.example", "hostname").type, IndicatorType::kDomain);
    EXPECT_EQ(AddOne("192.0.2.1", "ip").type, IndicatorType::kIpv4);
    EXPECT_EQ(AddOne("2001:db8::1", "ip").type, IndicatorType::kIpv6);
    EXPECT_EQ(AddOne("192.0.2.0/24", "cidr").type, IndicatorType::kCidr);
    EXPECT_EQ(AddOne(std::string(32, 'b'), "md5").type, IndicatorType::kMd5);
    EXPECT_EQ(AddOne("x@example.net", "email").type, IndicatorType::kEmail);
    EXPECT_EQ(AddOne("http://a.example/", "url").type, IndicatorType::kUrl);
    // A hint that contradicts the value rejects it rather than guessing.
    EXPECT_FALSE(AddOne("2001:db8::1", "ipv4").ok);
    EXPECT_FALSE(AddOne("192.0.2.1", "ipv6").ok);
    EXPECT_FALSE(AddOne(std::string(64, 'a'), "sha1").ok);
    EXPECT_FALSE(AddOne("192.0.2.1", "domain").ok);
    EXPECT_FALSE(AddOne("two words", "account").ok);
    EXPECT_FALSE(AddOne("x", "no-such-type").ok);
}

TEST(CanonicalIndicatorValue, IsTheFormTheSetStores) {
    using T = IndicatorType;
    const auto canonical = [](T type, std::string_view value) {
        const auto c = CanonicalIndicatorValue(type, value);
        return c ? std::string(IndicatorTypeName(c->type)) + ":" + c->value : std::string("-");
    };
    EXPECT_EQ(canonical(T::kIpv4, " 192.0.2.1 "), "ipv4:192.0.2.1");
    EXPECT_EQ(canonical(T::kIpv4, "192.0.2.1/24"), "cidr:192.0.2.0/24");
    EXPECT_EQ(canonical(T::kIpv4, "2001:db8::1"), "-");
    EXPECT_EQ(canonical(T::kIpv6, "2001:DB8:0::1"), "ipv6:2001:db8::1");
    EXPECT_EQ(canonical(T::kCidr, "192.0.2.9"), "ipv4:192.0.2.9");
    EXPECT_EQ(canonical(T::kDomain, "Evil[.]Example."), "domain:evil.example");
    EXPECT_EQ(canonical(T::kDomain, "host.123"), "-");
    EXPECT_EQ(canonical(T::kEmail, "Bad@Evil.Example"), "email:bad@evil.example");
    EXPECT_EQ(canonical(T::kUrl, "hxxps://Evil.Example:443"), "url:https://evil.example/");
    EXPECT_EQ(canonical(T::kSha1, "5898FC860300E228DCD54C0B1045B5FA0DCDA502"),
              "sha1:5898fc860300e228dcd54c0b1045b5fa0dcda502");
    EXPECT_EQ(canonical(T::kMd5, "5898FC860300E228DCD54C0B1045B5FA0DCDA502"), "-");
    EXPECT_EQ(canonical(T::kAccount, "cisco[.]tac"), "account:cisco[.]tac") << "taken literally";
    EXPECT_EQ(canonical(T::kAccount, "john smith"), "-");
    EXPECT_EQ(canonical(T::kFileName, "my file.bin"), "filename:my file.bin");
}

TEST(IndicatorTypeName, NamesEveryType) {
    EXPECT_EQ(IndicatorTypeName(IndicatorType::kIpv4), "ipv4");
    EXPECT_EQ(IndicatorTypeName(IndicatorType::kIpv6), "ipv6");
    EXPECT_EQ(IndicatorTypeName(IndicatorType::kCidr), "cidr");
    EXPECT_EQ(IndicatorTypeName(IndicatorType::kDomain), "domain");
    EXPECT_EQ(IndicatorTypeName(IndicatorType::kUrl), "url");
    EXPECT_EQ(IndicatorTypeName(IndicatorType::kMd5), "md5");
    EXPECT_EQ(IndicatorTypeName(IndicatorType::kSha1), "sha1");
    EXPECT_EQ(IndicatorTypeName(IndicatorType::kSha256), "sha256");
    EXPECT_EQ(IndicatorTypeName(IndicatorType::kSha512), "sha512");
    EXPECT_EQ(IndicatorTypeName(IndicatorType::kAccount), "account");
    EXPECT_EQ(IndicatorTypeName(IndicatorType::kFileName), "filename");
    EXPECT_EQ(IndicatorTypeName(IndicatorType::kEmail), "email");
}

IpAddress Ip(std::string_view s) {
    return *IpAddress::Parse(s);
}
IpPrefix Net(std::string_view s) {
    return *IpPrefix::Parse(s);
}

TEST(IndicatorSet, LongestPrefixWins) {
    IndicatorSetBuilder builder;
    ASSERT_TRUE(builder.Add("10.0.0.0/8", "", "wide", "", ""));
    ASSERT_TRUE(builder.Add("10.1.0.0/16", "", "narrow", "", ""));
    ASSERT_TRUE(builder.Add("10.1.2.3", "", "host", "", ""));
    ASSERT_TRUE(builder.Add("2001:db8::/32", "", "v6", "", ""));
    auto set = builder.Build();
    EXPECT_EQ(set->MatchAddress(Ip("10.1.2.3"))->source, "host");
    EXPECT_EQ(set->MatchAddress(Ip("10.1.2.4"))->source, "narrow");
    EXPECT_EQ(set->MatchAddress(Ip("10.2.0.1"))->source, "wide");
    EXPECT_EQ(set->MatchAddress(Ip("11.0.0.1")), nullptr);
    EXPECT_EQ(set->MatchAddress(Ip("2001:db8:1::5"))->source, "v6");
    EXPECT_EQ(set->MatchAddress(Ip("2001:db9::1")), nullptr);
    // Families never mix: ::ffff:10.1.2.3 storage must not leak into IPv6 lookups.
    EXPECT_EQ(set->MatchAddress(Ip("::ffff:10.1.2.3")), nullptr);
}

TEST(IndicatorSet, MatchPrefixFindsOverlapEitherWay) {
    IndicatorSetBuilder builder;
    ASSERT_TRUE(builder.Add("192.0.2.77", "", "host", "", ""));
    ASSERT_TRUE(builder.Add("203.0.113.0/24", "", "net", "", ""));
    auto set = builder.Build();
    // ACL entry permitting a range that contains an indicator host.
    EXPECT_EQ(set->MatchPrefix(Net("192.0.2.0/24"))->source, "host");
    EXPECT_EQ(set->MatchPrefix(Net("0.0.0.0/0"))->value, "192.0.2.77");
    // ACL entry inside an indicator range.
    EXPECT_EQ(set->MatchPrefix(Net("203.0.113.128/25"))->source, "net");
    EXPECT_EQ(set->MatchPrefix(Net("203.0.113.5/32"))->source, "net");
    EXPECT_EQ(set->MatchPrefix(Net("198.51.100.0/24")), nullptr);
    EXPECT_EQ(set->MatchPrefix(Net("2001:db8::/32")), nullptr);
}

TEST(IndicatorSet, DomainMatchesExactOrParent) {
    IndicatorSetBuilder builder;
    ASSERT_TRUE(builder.Add("evil.example", "domain", "s", "", ""));
    auto set = builder.Build();
    EXPECT_NE(set->MatchDomain("evil.example"), nullptr);
    EXPECT_NE(set->MatchDomain("A.B.Evil.Example."), nullptr);
    EXPECT_EQ(set->MatchDomain("notevil.example"), nullptr);
    EXPECT_EQ(set->MatchDomain("example"), nullptr);
    EXPECT_EQ(set->MatchDomain(""), nullptr);
}

TEST(IndicatorSet, ValuesMatchCaseInsensitivelyWithinTheirType) {
    IndicatorSetBuilder builder;
    ASSERT_TRUE(builder.Add("cisco_tac_admin", "account", "s", "", ""));
    ASSERT_TRUE(builder.Add("TAC.pcap", "filename", "s", "", ""));
    ASSERT_TRUE(builder.Add(std::string(64, 'A'), "", "s", "", ""));
    auto set = builder.Build();
    EXPECT_NE(set->MatchValue(IndicatorType::kAccount, "CISCO_TAC_ADMIN"), nullptr);
    EXPECT_EQ(set->MatchValue(IndicatorType::kFileName, "cisco_tac_admin"), nullptr);
    EXPECT_NE(set->MatchValue(IndicatorType::kFileName, "tac.PCAP"), nullptr);
    EXPECT_NE(set->MatchValue(IndicatorType::kSha256, std::string(64, 'a')), nullptr);
    EXPECT_EQ(set->MatchValue(IndicatorType::kAccount, "cisco_tac"), nullptr);
}

TEST(IndicatorSet, DuplicatesKeepTheFirstSource) {
    IndicatorSetBuilder builder;
    ASSERT_TRUE(builder.Add("192.0.2.1", "", "first", "", ""));
    ASSERT_TRUE(builder.Add("192.0.2.1", "ipv4", "second", "", ""));
    auto set = builder.Build();
    EXPECT_EQ(set->size(), 1U);
    EXPECT_EQ(set->MatchAddress(Ip("192.0.2.1"))->source, "first");
}

TEST(IndicatorSet, DuplicatesUniteLabelsAndWidenTheWindow) {
    IndicatorSetBuilder builder;
    ASSERT_TRUE(builder.Add(Indicator{.value = "Evil.Example",
                                      .type = IndicatorType::kDomain,
                                      .source = "stix",
                                      .actor = "Salt Typhoon",
                                      .id = "indicator--1",
                                      .labels = {"salt-typhoon", "c2"},
                                      .valid_from = 100,
                                      .valid_until = 200}));
    ASSERT_TRUE(builder.Add(Indicator{.value = "evil.example",
                                      .type = IndicatorType::kDomain,
                                      .source = "misp",
                                      .labels = {"c2", "tlp:green"},
                                      .valid_from = 50,
                                      .valid_until = 150}));
    ASSERT_TRUE(builder.Add(Indicator{
        .value = "192.0.2.9", .type = IndicatorType::kIpv4, .source = "a", .valid_from = 10}));
    ASSERT_TRUE(builder.Add(Indicator{.value = "192.0.2.9", .type = IndicatorType::kIpv4}));
    EXPECT_FALSE(builder.Add(Indicator{.value = "999.1.1.1", .type = IndicatorType::kIpv4}));
    EXPECT_FALSE(builder.Add(Indicator{.value = "evil.example", .type = IndicatorType::kMd5}));
    auto set = builder.Build();
    ASSERT_EQ(set->size(), 2U);
    const Indicator* d = set->MatchDomain("www.evil.example");
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(d->source, "stix");
    EXPECT_EQ(d->id, "indicator--1");
    EXPECT_EQ(d->actor, "Salt Typhoon");
    EXPECT_EQ(d->labels, (std::vector<std::string>{"salt-typhoon", "c2", "tlp:green"}));
    EXPECT_EQ(d->valid_from, 50);
    EXPECT_EQ(d->valid_until, 200);
    EXPECT_TRUE(IsValidAt(*d, 60));
    EXPECT_FALSE(IsValidAt(*d, 201));
    // An open bound on either side wins: the merged window is open.
    const Indicator* a = set->MatchAddress(Ip("192.0.2.9"));
    ASSERT_NE(a, nullptr);
    EXPECT_EQ(a->source, "a");
    EXPECT_FALSE(a->valid_from.has_value());
    // The same pointer every time: indicators are materialised once.
    EXPECT_EQ(set->MatchDomain("evil.example"), d);
    EXPECT_EQ(&set->indicators()[1], d);
}

TEST(IndicatorSet, AddressAndPrefixTypesStayDistinct) {
    IndicatorSetBuilder builder;
    ASSERT_TRUE(builder.Add("192.0.2.1", "", "host", "", ""));
    ASSERT_TRUE(builder.Add("192.0.2.1/32", "", "cidr", "", ""));
    ASSERT_TRUE(builder.Add("192.0.2.0/24", "cidr", "net", "", ""));
    ASSERT_TRUE(builder.Add("2001:db8::/32", "", "v6net", "", ""));
    auto set = builder.Build();
    EXPECT_EQ(set->size(), 4U);
    EXPECT_EQ(set->MatchValue(IndicatorType::kIpv4, "192.0.2.1")->source, "host");
    EXPECT_EQ(set->MatchValue(IndicatorType::kCidr, "192.0.2.1/32")->source, "cidr");
    EXPECT_EQ(set->MatchValue(IndicatorType::kCidr, "192.0.2.0/24")->source, "net");
    EXPECT_EQ(set->MatchValue(IndicatorType::kCidr, "2001:db8::/32")->source, "v6net");
    EXPECT_EQ(set->MatchValue(IndicatorType::kIpv4, "192.0.2.2"), nullptr);
    EXPECT_EQ(set->MatchAddress(Ip("192.0.2.1"))->source, "host");
    EXPECT_EQ(set->MatchAddress(Ip("192.0.2.2"))->source, "net");
    std::set<std::string> values;
    for (const Indicator& indicator : set->indicators()) {
        values.insert(indicator.value);
    }
    EXPECT_EQ(values, (std::set<std::string>{"192.0.2.1", "192.0.2.1/32", "192.0.2.0/24",
                                             "2001:db8::/32"}));
}

TEST(NormaliseUrl, FollowsRfc3986) {
    EXPECT_EQ(NormaliseUrl("HTTP://Evil.Example:80"), "http://evil.example/");
    EXPECT_EQ(NormaliseUrl("https://evil.example:443/a?b=1#frag"), "https://evil.example/a?b=1");
    EXPECT_EQ(NormaliseUrl("https://evil.example:8443/A"), "https://evil.example:8443/A");
    EXPECT_EQ(NormaliseUrl("ftp://u@FTP.example:21/x"), "ftp://u@ftp.example/x");
    EXPECT_EQ(NormaliseUrl("http://e.example/%7euser/%2f%2Fx%41"),
              "http://e.example/~user/%2F%2FxA");
    EXPECT_EQ(NormaliseUrl("http://[2001:DB8::1]:80/"), "http://[2001:db8::1]/");
    EXPECT_EQ(NormaliseUrl("http://e.example?q"), "http://e.example/?q");
    EXPECT_EQ(NormaliseUrl("http://"), "");
    EXPECT_EQ(NormaliseUrl("e.example/x"), "");
    EXPECT_EQ(NormaliseUrl("http://e.example:8x/"), "");
    EXPECT_EQ(NormaliseUrl("http://e.example/a b"), "");
}

TEST(IndicatorSet, MatchUrlComparesNormalisedForms) {
    IndicatorSetBuilder builder;
    ASSERT_TRUE(builder.Add("http://Evil.example/Drop/%61.sh", "url", "s", "", ""));
    auto set = builder.Build();
    EXPECT_NE(set->MatchUrl("HTTP://evil.EXAMPLE:80/Drop/a.sh"), nullptr);
    EXPECT_NE(set->MatchUrl("http://evil.example/Drop/a.sh#x"), nullptr);
    EXPECT_NE(set->MatchValue(IndicatorType::kUrl, "http://evil.example/Drop/%61.sh"), nullptr);
    EXPECT_EQ(set->MatchUrl("http://evil.example/drop/a.sh"), nullptr);  // paths keep case
    EXPECT_EQ(set->MatchUrl("https://evil.example/Drop/a.sh"), nullptr);
    EXPECT_EQ(set->MatchUrl("not a url"), nullptr);
}

TEST(ParseTimestamp, AcceptsRfc3339AndDates) {
    EXPECT_EQ(ParseTimestamp("1970-01-01"), 0);
    EXPECT_EQ(ParseTimestamp("2025-08-27"), 1756252800);
    EXPECT_EQ(ParseTimestamp("2025-08-27T10:00:00Z"), 1756288800);
    EXPECT_EQ(ParseTimestamp("2025-08-27T10:00:00.123Z"), 1756288800);
    EXPECT_EQ(ParseTimestamp("2025-08-27 12:00:00+02:00"), 1756288800);
    EXPECT_EQ(ParseTimestamp("2024-02-29"), 1709164800);
    for (const std::string_view bad : {"", "2025-02-29", "2025-13-01", "2025-08-27T25:00:00Z",
                                       "2025-08-27T10:00:00", "27/08/2025", "2025-08-27Tx"}) {
        EXPECT_FALSE(ParseTimestamp(bad).has_value()) << bad;
    }
}

TEST(IndicatorLoad, CsvLabelsAndValidityWindow) {
    const std::string csv =
        "value,type,labels,valid_from,valid_until,id\n"
        "192.0.2.1,ipv4,salt-typhoon; c2 |tlp:amber,2025-01-01,2025-12-31T23:59:59Z,x-1\n"
        "192.0.2.2,ipv4,,2025-02-30,,\n"
        "192.0.2.3,ipv4,,2025-06-01,2025-01-01,\n"
        "192.0.2.4,ipv4,,,,\n";
    IndicatorSetBuilder builder;
    InputStats stats;
    ASSERT_TRUE(builder.LoadText(csv, "feed.csv", stats).ok());
    auto set = builder.Build();
    const Indicator* a = set->MatchAddress(Ip("192.0.2.1"));
    ASSERT_NE(a, nullptr);
    EXPECT_EQ(a->labels, (std::vector<std::string>{"salt-typhoon", "c2", "tlp:amber"}));
    EXPECT_EQ(a->valid_from, 1735689600);
    EXPECT_EQ(a->valid_until, 1767225599);
    EXPECT_EQ(a->id, "x-1");
    EXPECT_EQ(a->source, "feed.csv");
    EXPECT_NE(set->MatchAddress(Ip("192.0.2.4")), nullptr);
    EXPECT_EQ(set->size(), 2U);
    ASSERT_EQ(stats.kept().size(), 2U);
    EXPECT_EQ(stats.kept()[0].line, 3U);
    EXPECT_NE(stats.kept()[0].detail.find("bad valid_from"), std::string::npos);
    EXPECT_EQ(stats.kept()[1].line, 4U);
    EXPECT_NE(stats.kept()[1].detail.find("before valid_from"), std::string::npos);
    EXPECT_EQ(stats.read(), stats.processed() + stats.rejected());
}

TEST(IndicatorLoad, RejectReasonsSayWhatIsWrong) {
    const std::string csv =
        "value,type\n"
        "999.1.1.1,\n"
        "1.2.3.4/40,\n"
        "2001:db8::/129,\n"
        "abcd,md5\n"
        "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz,md5\n"
        "x.example,colour\n"
        "deadbeefdeadbeefdeadbeef,\n"
        "evil.example,\n";
    IndicatorSetBuilder builder;
    InputStats stats;
    ASSERT_TRUE(builder.LoadText(csv, "feed.csv", stats).ok());
    EXPECT_EQ(builder.Build()->size(), 1U);
    ASSERT_EQ(stats.kept().size(), 7U);
    const char* expected[] = {"bad IPv4 address",         "bad prefix length (0-32",
                              "bad prefix length (0-128", "wrong length for md5",
                              "not hexadecimal",          "unknown indicator type 'colour'",
                              "no md5/sha1/sha256/sha512"};
    for (std::size_t i = 0; i < 7; ++i) {
        EXPECT_NE(stats.kept()[i].detail.find(expected[i]), std::string::npos)
            << stats.kept()[i].detail;
        EXPECT_EQ(stats.kept()[i].line, i + 2);
    }
}

// Naive reference engine (style.md 0.6): every query answered by a linear scan over the
// indicators, compared with the set's hash tables on random domains, values and hashes.
TEST(IndicatorSet, AgreesWithLinearScanOnRandomDomainsAndValues) {
    std::mt19937 rng(20250828);
    const std::vector<std::string> labels = {"a", "b", "evil", "c2", "x-1", "mail", "Cdn"};
    auto random_domain = [&](int min_labels) {
        std::string d;
        const int n = min_labels + static_cast<int>(rng() % 3);
        for (int i = 0; i < n; ++i) {
            d += labels[rng() % labels.size()];
            d += '.';
        }
        d += rng() % 2 == 0 ? "example" : "test";
        return d;
    };
    auto random_hex = [&](std::size_t n) {
        std::string h;
        for (std::size_t i = 0; i < n; ++i) {
            h += "0123456789abcdefABCDEF"[rng() % (i == 0 ? 16 : 22)];
        }
        return h;
    };
    IndicatorSetBuilder builder;
    std::vector<std::pair<IndicatorType, std::string>> reference;
    for (int i = 0; i < 300; ++i) {
        const std::string domain = random_domain(1);
        if (builder.Add(domain, "domain", "s", "", "")) {
            reference.emplace_back(IndicatorType::kDomain, text::ToLower(domain));
        }
        const std::string hash = random_hex(rng() % 2 == 0 ? 32 : 2);  // few distinct values
        if (builder.Add(hash, "md5", "s", "", "")) {
            reference.emplace_back(IndicatorType::kMd5, text::ToLower(hash));
        }
        const std::string account = labels[rng() % labels.size()] + std::to_string(rng() % 20);
        ASSERT_TRUE(builder.Add(account, "account", "s", "", ""));
        reference.emplace_back(IndicatorType::kAccount, account);
    }
    auto set = builder.Build();
    auto folded_equal = [](std::string_view a, std::string_view b) {
        return text::ToLower(a) == text::ToLower(b);
    };
    for (int q = 0; q < 3000; ++q) {
        const std::string domain = random_domain(1);
        std::string best;
        for (const auto& [type, value] : reference) {
            if (type != IndicatorType::kDomain) {
                continue;
            }
            const std::string lower = text::ToLower(domain);
            const bool hit = lower == value || (lower.size() > value.size() &&
                                                lower.compare(lower.size() - value.size(),
                                                              value.size(), value) == 0 &&
                                                lower[lower.size() - value.size() - 1] == '.');
            if (hit && value.size() > best.size()) {
                best = value;
            }
        }
        const Indicator* got = set->MatchDomain(domain);
        EXPECT_EQ(got == nullptr ? std::string() : got->value, best) << domain;

        const std::string account = labels[rng() % labels.size()] + std::to_string(rng() % 40);
        bool any = false;
        for (const auto& [type, value] : reference) {
            any = any || (type == IndicatorType::kAccount && folded_equal(value, account));
        }
        EXPECT_EQ(set->MatchValue(IndicatorType::kAccount, account) != nullptr, any) << account;
        const std::string hash = random_hex(32);
        any = false;
        for (const auto& [type, value] : reference) {
            any = any || (type == IndicatorType::kMd5 && folded_equal(value, hash));
        }
        EXPECT_EQ(set->MatchValue(IndicatorType::kMd5, hash) != nullptr, any) << hash;
    }
    // Every indicator finds itself, through the enumeration.
    for (const Indicator& indicator : set->indicators()) {
        EXPECT_EQ(set->MatchValue(indicator.type, indicator.value), &indicator) << indicator.value;
    }
}

TEST(IndicatorSet, EmptySetMatchesNothing) {
    IndicatorSetBuilder builder;
    auto set = builder.Build();
    EXPECT_EQ(set->MatchAddress(Ip("192.0.2.1")), nullptr);
    EXPECT_EQ(set->MatchPrefix(Net("0.0.0.0/0")), nullptr);
    EXPECT_EQ(set->MatchDomain("a.example"), nullptr);
}

// Reference check: random prefixes, random queries, the set's answers against a brute-force
// scan over every indicator (the longest containing prefix; overlap for MatchPrefix).
TEST(IndicatorSet, AgreesWithBruteForceOnRandomPrefixes) {
    std::mt19937 rng(20250827);
    for (const bool v4 : {true, false}) {
        IndicatorSetBuilder builder;
        std::vector<IpPrefix> prefixes;
        const int max_len = v4 ? 32 : 128;
        auto random_address = [&]() {
            std::array<std::uint8_t, 16> bytes{};
            // Few distinct top bits so prefixes actually nest and collide.
            for (auto& b : bytes) {
                b = static_cast<std::uint8_t>(rng() % 4);
            }
            if (v4) {
                std::uint32_t value = 0;
                for (int i = 0; i < 4; ++i) {
                    value = (value << 8) | (rng() % 4 == 0 ? 0 : rng() % 3);
                }
                return IpAddress::V4(value);
            }
            return IpAddress::V6(bytes);
        };
        for (int i = 0; i < 400; ++i) {
            const int len = static_cast<int>(rng() % static_cast<unsigned>(max_len + 1));
            const IpPrefix prefix(random_address(), len);
            prefixes.push_back(prefix);
            ASSERT_TRUE(builder.Add(prefix.ToString(), "cidr", std::to_string(i), "", ""));
        }
        auto set = builder.Build();
        for (int q = 0; q < 2000; ++q) {
            const IpAddress address = random_address();
            int best = -1;
            for (std::size_t i = 0; i < prefixes.size(); ++i) {
                if (prefixes[i].Contains(address) &&
                    (best < 0 ||
                     prefixes[i].length() > prefixes[static_cast<std::size_t>(best)].length())) {
                    best = static_cast<int>(i);
                }
            }
            const Indicator* hit = set->MatchAddress(address);
            if (best < 0) {
                EXPECT_EQ(hit, nullptr) << address.ToString();
                continue;
            }
            ASSERT_NE(hit, nullptr) << address.ToString();
            const IpPrefix got = *IpPrefix::Parse(hit->value);
            EXPECT_TRUE(got.Contains(address));
            EXPECT_EQ(got.length(), prefixes[static_cast<std::size_t>(best)].length())
                << address.ToString();

            const IpPrefix query(address,
                                 static_cast<int>(rng() % static_cast<unsigned>(max_len + 1)));
            bool any_overlap = false;
            for (const IpPrefix& p : prefixes) {
                any_overlap = any_overlap || p.Overlaps(query);
            }
            const Indicator* overlap = set->MatchPrefix(query);
            EXPECT_EQ(overlap != nullptr, any_overlap) << query.ToString();
            if (overlap != nullptr) {
                EXPECT_TRUE(IpPrefix::Parse(overlap->value)->Overlaps(query));
            }
        }
    }
}

// IPv4 longest-prefix match through MatchAddress, MatchIpv4 and MatchIpv4Batch against a brute
// force: prefixes of every length (/0 and /32 included), nested and spread over the space.
TEST(IndicatorSet, Ipv4LookupsAgreeWithBruteForce) {
    std::mt19937 rng(7);
    // Addresses from a few /8s and /16s so prefixes nest, plus anywhere.
    auto random_address = [&rng]() -> std::uint32_t {
        switch (rng() % 3) {
            case 0:
                return rng();
            case 1:
                return (10U << 24) | (rng() & 0x0003ffffU);
            default:
                return (rng() % 4) << 30 | (rng() & 0x000000ffU);
        }
    };
    for (const bool with_default_route : {false, true}) {
        IndicatorSetBuilder builder;
        std::vector<IpPrefix> prefixes;
        if (with_default_route) {
            prefixes.emplace_back(IpAddress::V4(0), 0);
        }
        for (int i = 0; i < 3000; ++i) {
            // Lengths weighted towards hosts, as feeds are.
            const int len = rng() % 2 == 0 ? 32 : static_cast<int>(rng() % 33);
            prefixes.emplace_back(IpAddress::V4(random_address()), len);
        }
        for (const IpPrefix& p : prefixes) {
            ASSERT_TRUE(builder.Add(p.ToString(), "cidr", "test", "", ""));
        }
        const auto set = builder.Build();
        std::vector<std::uint32_t> queries;
        for (int q = 0; q < 5000; ++q) {
            queries.push_back(q % 5 == 0 ? prefixes[rng() % prefixes.size()].address().v4()
                                         : random_address());
        }
        queries.push_back(0);
        queries.push_back(0xffffffffU);
        std::vector<const Indicator*> batch(queries.size());
        set->MatchIpv4Batch(queries, batch);
        // Batches shorter than, equal to and just past the batch pipeline's depth.
        for (const std::size_t length : {0, 1, 2, 15, 16, 17, 63, 64, 65, 80, 81, 129}) {
            std::vector<const Indicator*> part(length);
            const auto head = std::span(queries).subspan(0, length);
            set->MatchIpv4Batch(head, part);
            EXPECT_TRUE(std::equal(part.begin(), part.end(), batch.begin())) << length;
        }
        for (std::size_t q = 0; q < queries.size(); ++q) {
            const IpAddress address = IpAddress::V4(queries[q]);
            int best = -1;
            for (const IpPrefix& p : prefixes) {
                if (p.Contains(address)) {
                    best = std::max(best, p.length());
                }
            }
            const Indicator* hit = set->MatchAddress(address);
            EXPECT_EQ(set->MatchIpv4(queries[q]), hit);
            EXPECT_EQ(batch[q], hit) << address.ToString();
            if (best < 0) {
                EXPECT_EQ(hit, nullptr) << address.ToString();
                continue;
            }
            ASSERT_NE(hit, nullptr) << address.ToString();
            const IpPrefix got = *IpPrefix::Parse(hit->value);
            EXPECT_TRUE(got.Contains(address)) << address.ToString();
            EXPECT_EQ(got.length(), best) << address.ToString();
        }
    }
}

// The domain filter (one bit per indicator's last two labels) never hides a parent: many
// indicators of 2-5 labels (a filter of many bits), each queried through subdomains in mixed
// case, and names that share only the last label or only the first labels, against a walk
// over the name's parents in a std::set.
TEST(IndicatorSet, DomainFilterKeepsEveryParent) {
    std::mt19937 rng(31);
    const auto label = [&rng]() {
        std::string s;
        for (int i = 0, n = 1 + static_cast<int>(rng() % 6); i < n; ++i) {
            s += static_cast<char>('a' + rng() % 26);
        }
        return s;
    };
    std::set<std::string> domains;
    std::vector<std::string> queries;
    IndicatorSetBuilder builder;
    for (int i = 0; i < 20000; ++i) {
        std::string d = label();
        for (int k = 0, extra = 1 + static_cast<int>(rng() % 4); k < extra; ++k) {
            d += '.';
            d += label();
        }
        if (domains.insert(d).second) {
            ASSERT_TRUE(builder.Add(d, "domain", "test", "", ""));
        }
        std::string sub = label() + "." + d;
        sub[sub.size() - 1] = static_cast<char>(std::toupper(sub.back()));
        queries.push_back(sub);
        queries.push_back(label() + "." + d.substr(d.rfind('.') + 1));       // same last label
        queries.push_back(d.substr(0, d.rfind('.')) + "." + label() + "x");  // same first labels
    }
    const auto set = builder.Build();
    const std::vector<std::string_view> views(queries.begin(), queries.end());
    std::vector<const Indicator*> batch(views.size());
    set->MatchDomainBatch(views, batch);
    std::size_t hits = 0;
    for (std::size_t q = 0; q < queries.size(); ++q) {
        std::string name = queries[q];
        std::transform(name.begin(), name.end(), name.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        std::string expected = "-";
        for (std::size_t dot = 0; dot != std::string::npos; dot = name.find('.', dot + 1)) {
            const std::string parent = dot == 0 ? name : name.substr(dot + 1);
            if (domains.count(parent) != 0) {
                expected = parent;
                break;
            }
        }
        const Indicator* hit = set->MatchDomain(queries[q]);
        EXPECT_EQ(hit == nullptr ? std::string("-") : hit->value, expected) << queries[q];
        EXPECT_EQ(batch[q], hit) << queries[q];
        hits += hit != nullptr ? 1 : 0;
    }
    EXPECT_GE(hits, 20000U);
}

// MatchDomainBatch gives MatchDomain's answers: parents, case, trailing dots, padding, names
// too long to be domains, empty names, more names than one group.
TEST(IndicatorSet, DomainBatchAgreesWithSingleLookups) {
    IndicatorSetBuilder builder;
    for (const char* d : {"evil.example", "a.b.c.d.example", "x.evil.example", "co.uk"}) {
        ASSERT_TRUE(builder.Add(d, "domain", "test", "", ""));
    }
    ASSERT_TRUE(builder.Add("d41d8cd98f00b204e9800998ecf8427e", "", "test", "", ""));
    const auto set = builder.Build();
    std::vector<std::string> names = {"evil.example",
                                      "EVIL.Example.",
                                      "a.evil.example",
                                      "y.x.evil.example",
                                      "notevil.example",
                                      "example",
                                      "",
                                      " evil.example ",
                                      "b.c.d.example",
                                      "z.a.b.c.d.example",
                                      "co.uk",
                                      "a.co.uk",
                                      "uk",
                                      ".evil.example",
                                      "evil..example",
                                      "d41d8cd98f00b204e9800998ecf8427e",
                                      std::string(300, 'a') + ".evil.example",
                                      std::string(250, 'a') + ".co.uk",
                                      "b." + std::string(240, 'a') + ".evil.example"};
    for (int i = 0; i < 40; ++i) {
        names.push_back("n" + std::to_string(i) + (i % 3 == 0 ? ".evil.example" : ".else.example"));
    }
    const std::vector<std::string_view> views(names.begin(), names.end());
    std::vector<const Indicator*> batch(views.size());
    set->MatchDomainBatch(views, batch);
    for (std::size_t i = 0; i < views.size(); ++i) {
        EXPECT_EQ(batch[i], set->MatchDomain(views[i])) << views[i];
    }
    auto value_of = [&](std::string_view name) {
        const Indicator* hit = set->MatchDomain(name);
        return hit == nullptr ? std::string("-") : hit->value;
    };
    EXPECT_EQ(value_of("EVIL.Example."), "evil.example");
    EXPECT_EQ(value_of("y.x.evil.example"), "x.evil.example");  // the most specific parent
    EXPECT_EQ(value_of("z.a.b.c.d.example"), "a.b.c.d.example");
    EXPECT_EQ(value_of("b.c.d.example"), "-");
    EXPECT_EQ(value_of("notevil.example"), "-");
    EXPECT_EQ(value_of(".evil.example"), "evil.example");
    EXPECT_EQ(value_of("evil..example"), "-");
    EXPECT_EQ(value_of("d41d8cd98f00b204e9800998ecf8427e"), "-");  // a hash, not a domain
    // Parents of names longer than a domain can be, and of labels longer than 63 bytes.
    EXPECT_EQ(value_of(std::string(300, 'a') + ".evil.example"), "evil.example");
    EXPECT_EQ(value_of("b." + std::string(240, 'a') + ".evil.example"), "evil.example");
    EXPECT_EQ(value_of(std::string(240, 'a') + ".co.uk"), "co.uk");
}

// Metadata numbers are stored in 8, 16 or 32 bits by how many distinct tuples there are; each
// width must give every indicator its own source back.
TEST(IndicatorSet, EveryMetadataWidthKeepsEachSource) {
    for (const int sources : {3, 300, 70'000}) {
        IndicatorSetBuilder builder;
        for (int i = 0; i < 70'000; ++i) {
            const std::uint32_t address = 0x0a000000U + static_cast<std::uint32_t>(i);
            ASSERT_TRUE(builder.Add(IpAddress::V4(address).ToString(), "ipv4",
                                    "feed " + std::to_string(i % sources), "", ""));
        }
        const auto set = builder.Build();
        for (const int i : {0, 1, 255, 256, 299, 300, 65'535, 65'536, 69'999}) {
            const Indicator* hit = set->MatchIpv4(0x0a000000U + static_cast<std::uint32_t>(i));
            ASSERT_NE(hit, nullptr) << i;
            EXPECT_EQ(hit->source, "feed " + std::to_string(i % sources)) << sources << " " << i;
        }
    }
}

TEST(IndicatorLoad, CsvWithHeaderQuotesAndBadRows) {
    const std::string csv =
        "indicator,confidence,type,source,actor,id,extra\n"
        "192.0.2.1,high,ipv4,feed A,Actor,id-1,x\n"
        "\"evil.example\",low,domain,\"feed, with comma\",\"Say \"\"hi\"\"\",,\n"
        "# a comment row\n"
        "\n"
        "999.1.1.1,high,ipv4,feed,,,\n"
        "\"multi\nline.example\",,domain,,,,\n"
        "1.2.3.4/40,,,,,,\n"
        "ok.example,,,,,,,,,\n"
        "\"unterminated,,,\n";
    IndicatorSetBuilder builder;
    InputStats stats;
    ASSERT_TRUE(builder.LoadText(csv, "test.csv", stats).ok());
    auto set = builder.Build();
    ASSERT_EQ(set->size(), 2U);
    const Indicator* a = set->MatchAddress(Ip("192.0.2.1"));
    ASSERT_NE(a, nullptr);
    EXPECT_EQ(a->source, "feed A");
    EXPECT_EQ(a->confidence, "high");
    EXPECT_EQ(a->actor, "Actor");
    EXPECT_EQ(a->id, "id-1");
    const Indicator* d = set->MatchDomain("evil.example");
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(d->source, "feed, with comma");
    EXPECT_EQ(d->actor, "Say \"hi\"");
    EXPECT_EQ(stats.read(), stats.processed() + stats.rejected());
    EXPECT_EQ(stats.rejected(), 5U);
    ASSERT_GE(stats.kept().size(), 5U);
    EXPECT_EQ(stats.kept()[0].line, 6U);   // 999.1.1.1
    EXPECT_EQ(stats.kept()[1].line, 7U);   // multi-line domain (bad label with newline)
    EXPECT_EQ(stats.kept()[2].line, 9U);   // /40
    EXPECT_EQ(stats.kept()[3].line, 10U);  // too many fields
    EXPECT_EQ(stats.kept()[4].line, 11U);  // unterminated quote
    EXPECT_NE(stats.kept()[4].detail.find("unterminated"), std::string::npos);
}

TEST(IndicatorLoad, SourceDefaultsToTheInputName) {
    IndicatorSetBuilder builder;
    InputStats stats;
    ASSERT_TRUE(builder.LoadText("value,type\r\n192.0.2.9,\r\n", "mine.csv", stats).ok());
    auto set = builder.Build();
    ASSERT_EQ(set->size(), 1U);
    EXPECT_EQ(set->indicators()[0].source, "mine.csv");
    EXPECT_EQ(stats.read(), 2U);
    EXPECT_EQ(stats.rejected(), 0U);
}

TEST(IndicatorLoad, PlainListWithComments) {
    const std::string list =
        "# feed export\n"
        "192.0.2.5\n"
        "  evil.example   # trailing comment\n"
        "\n"
        "not an indicator\n"
        "2001:db8::/48\n"
        "http://x.example/a#frag\n";
    IndicatorSetBuilder builder;
    InputStats stats;
    ASSERT_TRUE(builder.LoadText(list, "list.txt", stats).ok());
    auto set = builder.Build();
    EXPECT_EQ(set->size(), 4U);
    EXPECT_NE(set->MatchDomain("evil.example"), nullptr);
    EXPECT_NE(set->MatchValue(IndicatorType::kUrl, "http://x.example/a#frag"), nullptr);
    EXPECT_EQ(stats.read(), 7U);
    EXPECT_EQ(stats.rejected(), 1U);
    EXPECT_EQ(stats.read(), stats.processed() + stats.rejected());
    ASSERT_EQ(stats.kept().size(), 1U);
    EXPECT_EQ(stats.kept()[0].line, 5U);
}

}  // namespace
}  // namespace stormwatch::intel
