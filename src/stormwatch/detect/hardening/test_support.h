// SPDX-License-Identifier: Apache-2.0
#pragma once

// Test-only helpers for the hardening detector tests: a fixture that runs one rule id
// through the registry on a hand-built DeviceModel, and a compact, printable summary of
// a finding (severity, line, evidence) to compare against.

#include <cstdint>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "stormwatch/detect/hardening/hardening.h"
#include "stormwatch/model/testing.h"

namespace stormwatch::detect::hardening::testing {

/// What a test asserts about one finding; rule id and category are checked by the fixture.
struct Hit {
    Severity severity;
    std::uint64_t line;
    std::string evidence;
    friend bool operator==(const Hit&, const Hit&) = default;
};

inline void PrintTo(const Hit& hit, std::ostream* os) {
    *os << "{" << SeverityName(hit.severity) << ", line " << hit.line << ", \"" << hit.evidence
        << "\"}";
}

inline model::SourceRef Ref(std::uint32_t line, std::string text) {
    return model::testing::KeptRef(line, std::move(text));
}

class HardeningTest : public ::testing::Test {
protected:
    /// A model of `dialect` big enough for absence checks: hostname on line 1 and four NTP
    /// servers, which no hardening check looks at.
    static model::DeviceModel Device(model::Dialect dialect) {
        model::DeviceModel model;
        model.dialect = dialect;
        model.device.hostname = "r1";
        model.device.hostname_ref = Ref(1, "hostname r1");
        for (std::uint32_t i = 0; i < 4; ++i) {
            model::NtpServer server;
            server.host.host = "192.0.2." + std::to_string(10 + i);
            server.host.ref = Ref(100 + i, "ntp server " + server.host.host);
            model.ntp_servers.push_back(server);
        }
        return model;
    }

    /// Runs the detector registered as `rule_id` and returns its findings as Hits, after
    /// checking that each carries the rule's id, category, device and path.
    std::vector<Hit> Run(std::string_view rule_id, const model::DeviceModel& model) {
        const DetectorDef* def = nullptr;
        for (const DetectorDef& candidate : HardeningDetectors()) {
            if (candidate.id == rule_id) {
                def = &candidate;
            }
        }
        EXPECT_NE(def, nullptr) << "no detector " << rule_id;
        if (def == nullptr) {
            return {};
        }
        const Context context{
            .policy = policy_, .intel = *intel_, .path = "r1.cfg", .device = "r1"};
        std::vector<Finding> findings;
        def->run(model, context, *def, findings);
        std::vector<Hit> hits;
        for (const Finding& finding : findings) {
            EXPECT_EQ(finding.rule_id, rule_id);
            EXPECT_EQ(finding.category, def->category);
            EXPECT_EQ(finding.device, "r1");
            EXPECT_EQ(finding.path, "r1.cfg");
            hits.push_back(Hit{finding.severity, finding.line, finding.evidence});
        }
        return hits;
    }

    policy::SitePolicy policy_;
    std::shared_ptr<const intel::IndicatorSet> intel_ = intel::IndicatorSetBuilder().Build();
};

}  // namespace stormwatch::detect::hardening::testing
