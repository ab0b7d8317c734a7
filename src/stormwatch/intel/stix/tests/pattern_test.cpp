// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/intel/stix/pattern.h"

#include <ostream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace stormwatch::intel::stix {

// Readable failures (style 2.7): found by ADL, so it lives in PatternValue's namespace.
void PrintTo(const PatternValue& v, std::ostream* os);
void PrintTo(const PatternValue& v, std::ostream* os) {
    *os << IndicatorTypeName(v.type) << ":" << v.value;
}

namespace {

using T = IndicatorType;

struct Accepted {
    const char* pattern;
    std::vector<PatternValue> values;
};

TEST(StixPatternTest, AcceptsEveryMappedForm) {
    const std::vector<Accepted> cases = {
        {"[ipv4-addr:value = '198.51.100.7']", {{T::kIpv4, "198.51.100.7"}}},
        {"[ ipv4-addr:value = '10.0.0.0' ]", {{T::kIpv4, "10.0.0.0"}}},
        {"[ipv4-addr:value = '203.0.113.0/24']", {{T::kCidr, "203.0.113.0/24"}}},
        {"[ipv4-addr:value ISSUBSET '198.51.100.0/24']", {{T::kCidr, "198.51.100.0/24"}}},
        {"[ipv6-addr:value = '2001:DB8::1']", {{T::kIpv6, "2001:db8::1"}}},
        {"[ipv6-addr:value ISSUBSET '2001:db8::/32']", {{T::kCidr, "2001:db8::/32"}}},
        {"[domain-name:value = 'Evil.Example']", {{T::kDomain, "evil.example"}}},
        {"[domain-name:value LIKE 'evil.example']", {{T::kDomain, "evil.example"}}},
        {"[domain-name:value LIKE '%.evil.example']", {{T::kDomain, "evil.example"}}},
        {"[domain-name:value MATCHES '^evil\\\\.example$']", {{T::kDomain, "evil.example"}}},
        {"[domain-name:value MATCHES '^(.*\\\\.)?evil\\\\.example$']",
         {{T::kDomain, "evil.example"}}},
        {"[url:value = 'http://evil.example/a?b=c']", {{T::kUrl, "http://evil.example/a?b=c"}}},
        {"[email-addr:value = 'Bad@Evil.Example']", {{T::kEmail, "bad@evil.example"}}},
        {"[user-account:user_id = 'cisco_tac_admin']", {{T::kAccount, "cisco_tac_admin"}}},
        {"[user-account:account_login = 'cisco_support']", {{T::kAccount, "cisco_support"}}},
        {"[file:name = 'cmd1']", {{T::kFileName, "cmd1"}}},
        {"[file:hashes.'SHA-256' = "
         "'EF537F25C895BFA782526529A9B63D97AA631564D5D789C2B765448C8635FB6C']",
         {{T::kSha256, "ef537f25c895bfa782526529a9b63d97aa631564d5d789c2b765448c8635fb6c"}}},
        {"[file:hashes.md5 = '001dd76872d80801692ff942308c64e6']",
         {{T::kMd5, "001dd76872d80801692ff942308c64e6"}}},
        {"[file:hashes.'sha1' = '5898fc860300e228dcd54c0b1045b5fa0dcda502']",
         {{T::kSha1, "5898fc860300e228dcd54c0b1045b5fa0dcda502"}}},
        {"[file:hashes.MD5 = h'001DD76872D80801692FF942308C64E6']",
         {{T::kMd5, "001dd76872d80801692ff942308c64e6"}}},
        {"[file:hashes.MD5 = b64'AB3XaHLYCAFpL/lCMIxk5g==']",
         {{T::kMd5, "001dd76872d80801692ff942308c64e6"}}},
        {"[network-traffic:dst_ref.value = '198.51.100.9']", {{T::kIpv4, "198.51.100.9"}}},
        {"[network-traffic:src_ref.value ISSUBSET '192.0.2.0/24']", {{T::kCidr, "192.0.2.0/24"}}},
        {"[network-traffic:dst_ref.value = 'c2.evil.example']", {{T::kDomain, "c2.evil.example"}}},
        {"[ipv4-addr:value IN ('192.0.2.1', '192.0.2.2', '192.0.2.1')]",
         {{T::kIpv4, "192.0.2.1"}, {T::kIpv4, "192.0.2.2"}}},
        {"[domain-name:value = 'a.example' OR ipv4-addr:value = '192.0.2.3']",
         {{T::kDomain, "a.example"}, {T::kIpv4, "192.0.2.3"}}},
        {"[domain-name:value = 'a.example'] OR [ipv4-addr:value = '192.0.2.3']",
         {{T::kDomain, "a.example"}, {T::kIpv4, "192.0.2.3"}}},
        {"([domain-name:value = 'a.example'] or ([ipv4-addr:value = '192.0.2.3']))",
         {{T::kDomain, "a.example"}, {T::kIpv4, "192.0.2.3"}}},
        // Values take the indicator set's canonical form (CanonicalIndicatorValue).
        {"[url:value = 'HTTP://Evil.Example:80/%7Ea']", {{T::kUrl, "http://evil.example/~a"}}},
        {"[domain-name:value = 'evil[.]example']", {{T::kDomain, "evil.example"}}},
        {"[ipv4-addr:value = '198.51.100.7/16']", {{T::kCidr, "198.51.0.0/16"}}},
    };
    for (const auto& c : cases) {
        const PatternMapping mapping = MapStixPattern(c.pattern);
        ASSERT_TRUE(mapping.ok()) << c.pattern << ": " << mapping.message;
        EXPECT_EQ(mapping.values, c.values) << c.pattern;
    }
}

TEST(StixPatternTest, StringEscapes) {
    const PatternMapping mapping =
        MapStixPattern(R"([file:name = 'it\'s' OR file:name = 'back\\slash'])");
    ASSERT_TRUE(mapping.ok()) << mapping.message;
    ASSERT_EQ(mapping.values.size(), 2U);
    EXPECT_EQ(mapping.values[0].value, "it's");
    EXPECT_EQ(mapping.values[1].value, "back\\slash");
    const PatternMapping bad = MapStixPattern(R"([file:name = 'a\nb'])");
    EXPECT_EQ(bad.issue, PatternIssue::kSyntax);
    EXPECT_NE(bad.message.find("invalid escape"), std::string::npos) << bad.message;
}

struct Rejected {
    const char* pattern;
    PatternIssue issue;
    const char* message_part;
};

TEST(StixPatternTest, RejectsWhatCannotBeHonouredWithAReason) {
    const std::vector<Rejected> cases = {
        {"[file:name = 'oui' AND file:hashes.'sha1' = '5898fc860300e228dcd54c0b1045b5fa0dcda502']",
         PatternIssue::kUnsupported, "AND of comparisons"},
        {"[ipv4-addr:value = '192.0.2.1'] AND [ipv4-addr:value = '192.0.2.2']",
         PatternIssue::kUnsupported, "observations joined by AND"},
        {"[ipv4-addr:value = '192.0.2.1'] FOLLOWEDBY [domain-name:value = 'a.example']",
         PatternIssue::kUnsupported, "FOLLOWEDBY"},
        {"[ipv4-addr:value = '192.0.2.1'] WITHIN 300 SECONDS", PatternIssue::kUnsupported,
         "WITHIN 300 SECONDS"},
        {"[ipv4-addr:value = '192.0.2.1'] REPEATS 5 TIMES", PatternIssue::kUnsupported,
         "REPEATS 5 TIMES"},
        {"[ipv4-addr:value = '192.0.2.1'] START t'2016-06-01T00:00:00Z' STOP "
         "t'2016-07-01T00:00:00Z'",
         PatternIssue::kUnsupported, "START"},
        {"[ipv4-addr:value != '192.0.2.1']", PatternIssue::kUnsupported, "'!='"},
        {"[ipv4-addr:value NOT = '192.0.2.1']", PatternIssue::kUnsupported, "negation"},
        {"[file:size > 1000]", PatternIssue::kUnsupported, "file:size"},
        {"[ipv4-addr:value > '192.0.2.1']", PatternIssue::kUnsupported, "ordering"},
        {"[ipv4-addr:value ISSUPERSET '192.0.2.1']", PatternIssue::kUnsupported, "ISSUPERSET"},
        {"[domain-name:value LIKE 'evil%']", PatternIssue::kUnsupported, "wildcards"},
        {"[user-account:user_id LIKE 'cisco_tac_admin']", PatternIssue::kUnsupported, "wildcards"},
        {"[email-message:from_ref.value MATCHES '.+\\\\banking@g0thamnatl\\\\.com$']",
         PatternIssue::kUnsupported, "email-message:from_ref.value"},
        {"[domain-name:value MATCHES 'evil\\\\.example']", PatternIssue::kUnsupported,
         "not anchored"},
        {"[domain-name:value MATCHES '^ev.l\\\\.example$']", PatternIssue::kUnsupported,
         "metacharacter '.'"},
        {"[url:value MATCHES '^http://a\\\\d$']", PatternIssue::kUnsupported, "escape \\d"},
        {"[EXISTS domain-name:value]", PatternIssue::kUnsupported, "EXISTS"},
        {"[ipv4-addr:value = 42]", PatternIssue::kUnsupported, "non-string literal"},
        {"[file:name = h'41']", PatternIssue::kUnsupported, "binary literal"},
        {"[ipv4-addr:value IN ()]", PatternIssue::kUnsupported, "empty IN"},
        {"[x-custom:value = 'a']", PatternIssue::kUnsupported, "x-custom:value"},
        {"[ipv4-addr:value = '999.1.1.1']", PatternIssue::kInvalidValue, "'999.1.1.1'"},
        {"[ipv4-addr:value = '1.2.3.4/40']", PatternIssue::kInvalidValue, "'1.2.3.4/40'"},
        {"[ipv4-addr:value = '2001:db8::1']", PatternIssue::kInvalidValue, "ipv4-addr:value"},
        {"[file:hashes.'SHA-256' = 'abc']", PatternIssue::kInvalidValue, "'abc'"},
        {"[domain-name:value = 'not a domain']", PatternIssue::kInvalidValue, "not a domain"},
        {"[domain-name:value = 'host.123']", PatternIssue::kInvalidValue, "'host.123'"},
        {"[user-account:account_login = 'john smith']", PatternIssue::kInvalidValue,
         "'john smith'"},
        {"[url:value = 'evil.example/a']", PatternIssue::kInvalidValue, "'evil.example/a'"},
        {"[ipv4-addr:value = '192.0.2.1' OR ipv4-addr:value = '999.1.1.1']",
         PatternIssue::kInvalidValue, "999.1.1.1"},
        {"", PatternIssue::kSyntax, "offset 0"},
        {"ipv4-addr:value = '1.2.3.4'", PatternIssue::kSyntax, "expected '['"},
        {"[ipv4-addr:value = '1.2.3.4'", PatternIssue::kSyntax, "expected ']'"},
        {"[ipv4-addr:value = '1.2.3.4]", PatternIssue::kSyntax, "unterminated"},
        {"[ipv4-addr:value '1.2.3.4']", PatternIssue::kSyntax, "comparison operator"},
        {"[ipv4-addr = '1.2.3.4']", PatternIssue::kSyntax, "':'"},
        {"[ipv4-addr:value = '1.2.3.4'] WITHIN SECONDS", PatternIssue::kSyntax, "WITHIN"},
        {"[file:hashes.MD5 = h'0g']", PatternIssue::kSyntax, "hex literal"},
        {"[file:hashes.MD5 = b64'!!']", PatternIssue::kSyntax, "base64"},
        {"[a:b = 'c'] junk", PatternIssue::kSyntax, "after the pattern"},
        {"[a:b = 'c' @]", PatternIssue::kSyntax, "unexpected character '@'"},
    };
    for (const auto& c : cases) {
        const PatternMapping mapping = MapStixPattern(c.pattern);
        EXPECT_EQ(mapping.issue, c.issue) << c.pattern << ": " << mapping.message;
        EXPECT_NE(mapping.message.find(c.message_part), std::string::npos)
            << c.pattern << ": " << mapping.message;
        EXPECT_TRUE(mapping.values.empty()) << c.pattern;
    }
}

TEST(StixPatternTest, SyntaxOfTheWholeGrammar) {
    for (const char* pattern : {
             "[file:extensions.'windows-pebinary-ext'.sections[*].entropy > 7.0]",
             "[network-traffic:dst_port = 443 AND network-traffic:protocols[0] = 'tcp']",
             "[process:command_line MATCHES '^.*evil.*$'] REPEATS 5 TIMES WITHIN 1800 SECONDS",
             "([a:b = 'c'] AND [d:e = 'f']) FOLLOWEDBY [g:h = true]",
             "[artifact:payload_bin = b64'AAAA' OR artifact:mime_type IN ('a', 'b')]",
             "[x509-certificate:validity_not_before < t'2016-01-01T00:00:00Z']",
             "[a:b NOT IN (1, 2.5, -3)] START t'2016-01-01T00:00:00Z' STOP "
             "t'2017-01-01T00:00:00Z'",
             "[(a:b = 'c' OR a:d ISSUBSET '10.0.0.0/8') AND NOT_A:key LIKE 'x']",
         }) {
        const PatternMapping mapping = CheckStixPatternSyntax(pattern);
        EXPECT_TRUE(mapping.ok()) << pattern << ": " << mapping.message;
    }
}

TEST(StixPatternTest, DeepNestingFailsWithoutBlowingTheStack) {
    std::string pattern(100000, '(');
    pattern += "[a:b = 'c']";
    pattern += std::string(100000, ')');
    const PatternMapping mapping = MapStixPattern(pattern);
    EXPECT_EQ(mapping.issue, PatternIssue::kUnsupported);
    EXPECT_NE(mapping.message.find("nesting deeper"), std::string::npos) << mapping.message;

    const PatternMapping huge = MapStixPattern(std::string(kMaxPatternBytes + 1, ' '));
    EXPECT_EQ(huge.issue, PatternIssue::kUnsupported);
}

}  // namespace
}  // namespace stormwatch::intel::stix
