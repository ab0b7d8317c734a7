// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/intel/misp/sightings.h"

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace stormwatch::intel {
namespace {

constexpr const char* kGolden =
    STORMWATCH_SOURCE_DIR "/src/stormwatch/intel/misp/testdata/sightings.golden.json";

std::vector<Finding> SampleFindings() {
    std::vector<Finding> findings;
    Finding log;
    log.rule_id = "SW-LOG-IOC";
    log.source_kind = SourceKind::kLog;
    log.path = "logs/syslog";
    log.line = 7;
    log.evidence = "Accepted password for admin from 203.0.113.5";
    log.indicator = IndicatorRef{.value = "203.0.113.5",
                                 .type = "ipv4",
                                 .source = "MISP event 1234: Salt Typhoon",
                                 .id = "5b1f6a1e-0000-4000-8000-000000000001"};
    log.time = "2025-09-01T12:00:00Z";
    findings.push_back(log);

    Finding config;
    config.rule_id = "SW-CFG-ACL-IOC";
    config.path = "configs/pe1.cfg";
    config.line = 71;
    config.evidence = "20 permit 45.61.133.77";
    config.indicator = IndicatorRef{.value = "45.61.133.77",
                                    .type = "ipv4",
                                    .source = "AA25-239A",
                                    .id = "indicator--0b6a2e9c-1f4c-4b9e-9a53-3f0f2f3d7e11"};
    findings.push_back(config);

    Finding hardening;
    hardening.rule_id = "SW-CFG-TELNET";
    hardening.path = "configs/pe1.cfg";
    hardening.line = 3;
    hardening.evidence = "transport input telnet";
    findings.push_back(hardening);

    Finding flow;
    flow.rule_id = "SW-FLOW-IOC";
    flow.source_kind = SourceKind::kFlow;
    flow.path = "flows/a.nfcapd";
    flow.record = 12;
    flow.evidence = "tcp 10.0.0.1:51515 -> evil.example \"x\":443";
    flow.indicator = IndicatorRef{.value = "evil.example\"quoted",
                                  .type = "domain",
                                  .source = "MISP event 1234",
                                  .id = "5B1F6A1E-0000-4000-8000-00000000000F"};
    flow.count = 3;
    flow.first_time = "2025-09-01T00:00:00Z";
    flow.last_time = "2025-09-02T00:00:00+02:00";
    findings.push_back(flow);
    return findings;
}

TEST(MispSightings, Golden) {
    std::string out;
    RenderMispSightings(SampleFindings(), out);
    if (std::getenv("STORMWATCH_UPDATE_GOLDEN") != nullptr) {
        std::ofstream(kGolden, std::ios::binary) << out;
    }
    std::ifstream in(kGolden, std::ios::binary);
    ASSERT_TRUE(in) << kGolden;
    std::ostringstream golden;
    golden << in.rdbuf();
    EXPECT_EQ(out, golden.str()) << "rerun with STORMWATCH_UPDATE_GOLDEN=1 to accept";
}

TEST(MispSightings, DeterministicWhateverTheInputOrder) {
    std::vector<Finding> findings = SampleFindings();
    std::string forward;
    RenderMispSightings(findings, forward);
    std::reverse(findings.begin(), findings.end());
    std::string backward;
    RenderMispSightings(findings, backward);
    EXPECT_EQ(forward, backward);
}

TEST(MispSightings, EmptyIsAnEmptyArray) {
    std::string out;
    RenderMispSightings({}, out);
    EXPECT_EQ(out, "[]\n");
}

}  // namespace
}  // namespace stormwatch::intel
