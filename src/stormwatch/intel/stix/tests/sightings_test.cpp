// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/intel/stix/sightings.h"

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "stormwatch/intel/stix/pattern.h"

namespace stormwatch::intel::stix {
namespace {

std::vector<Finding> FixedFindings() {
    std::vector<Finding> findings;
    Finding acl;
    acl.rule_id = "SW-CFG-ACL-IOC";
    acl.title = "ACL permits an address from a threat advisory";
    acl.category = "ttp.acl-tampering";
    acl.severity = Severity::kCritical;
    acl.device = "pe1-fra";
    acl.path = "configs/pe1-fra.cfg";
    acl.line = 71;
    acl.evidence = "20 permit 198.51.100.77";
    acl.indicator = IndicatorRef{"198.51.100.77", "ipv4", "AA25-239A", "", "Salt Typhoon"};
    acl.fingerprint = "0123456789abcdef0123456789abcdef";
    findings.push_back(acl);

    Finding log;
    log.rule_id = "SW-LOG-DOMAIN-IOC";
    log.title = "DNS query for an indicator domain";
    log.category = "ioc.match";
    log.severity = Severity::kHigh;
    log.device = "dns1";
    log.source_kind = SourceKind::kLog;
    log.path = "logs/dns.log";
    log.line = 12;
    log.evidence = "query c2.evil.example A";
    log.indicator = IndicatorRef{"c2.evil.example", "domain", "Example feed",
                                 "indicator--33fe3b22-0201-47cf-85d0-97c02164528d", ""};
    log.time = "2025-03-01T10:00:00.250Z";
    log.count = 3;
    log.first_time = "2025-03-01T10:00:00Z";
    log.last_time = "2025-03-01T11:30:00Z";
    log.fingerprint = "fedcba9876543210fedcba9876543210";
    findings.push_back(log);

    Finding account = acl;
    account.rule_id = "SW-CFG-LOCAL-ACCOUNT-IOC";
    account.title = "Local account named in a threat advisory";
    account.line = 90;
    account.evidence = "username cisco_tac_admin privilege 15 secret 9 x";
    account.indicator = IndicatorRef{"cisco_tac_admin", "account", "threat-reference 3.6", "", ""};
    account.fingerprint = "00000000000000000000000000000001";
    findings.push_back(account);

    Finding hardening = acl;  // no indicator: not a sighting
    hardening.rule_id = "SW-CFG-TELNET";
    hardening.indicator.reset();
    findings.push_back(hardening);
    return findings;
}

std::string GoldenPath() {
    return std::string(STORMWATCH_SOURCE_DIR) +
           "/src/stormwatch/intel/stix/testdata/sightings.golden.json";
}

TEST(StixSightingsTest, MatchesGolden) {
    const std::vector<Finding> findings = FixedFindings();
    std::string out;
    RenderStixSightings(findings, out, "2025-09-01T12:00:00Z");
    if (std::getenv("STORMWATCH_UPDATE_GOLDEN") != nullptr) {
        std::ofstream(GoldenPath(), std::ios::binary) << out;
        GTEST_SKIP() << "golden updated: review git diff";
    }
    std::ifstream in(GoldenPath(), std::ios::binary);
    ASSERT_TRUE(in) << "missing " << GoldenPath();
    std::ostringstream golden;
    golden << in.rdbuf();
    EXPECT_EQ(out, golden.str());

    std::string again;
    RenderStixSightings(findings, again, "2025-09-01T12:00:00Z");
    EXPECT_EQ(out, again);
}

TEST(StixSightingsTest, EveryMintedPatternMapsBackToTheValue) {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"ipv4", "192.0.2.1"},
        {"ipv6", "2001:db8::1"},
        {"cidr", "192.0.2.0/24"},
        {"cidr", "2001:db8::/32"},
        {"domain", "evil.example"},
        {"url", "http://evil.example/'x"},
        {"email", "a@evil.example"},
        {"account", "cisco_tac_admin"},
        {"filename", "it's\\cmd1"},
        {"md5", "001dd76872d80801692ff942308c64e6"},
        {"sha1", "5898fc860300e228dcd54c0b1045b5fa0dcda502"},
        {"sha256", "ef537f25c895bfa782526529a9b63d97aa631564d5d789c2b765448c8635fb6c"},
    };
    for (const auto& [type, value] : cases) {
        const std::string pattern = StixPatternFor(type, value);
        const PatternMapping mapping = MapStixPattern(pattern);
        ASSERT_TRUE(mapping.ok()) << pattern << ": " << mapping.message;
        ASSERT_EQ(mapping.values.size(), 1U) << pattern;
        EXPECT_EQ(mapping.values[0].value, value) << pattern;
        EXPECT_EQ(IndicatorTypeName(mapping.values[0].type), type) << pattern;
    }
    EXPECT_EQ(StixPatternFor("unknown", "x"), "");
}

TEST(StixSightingsTest, EmptyInputIsABundleWithTheReporterOnly) {
    std::string out;
    RenderStixSightings({}, out);
    EXPECT_NE(out.find("\"type\": \"bundle\""), std::string::npos) << out;
    EXPECT_NE(out.find("\"name\": \"Stormwatch\""), std::string::npos) << out;
    EXPECT_EQ(out.find("sighting--"), std::string::npos);
}

}  // namespace
}  // namespace stormwatch::intel::stix
