// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/detect/ttp/ttp_test_util.h"

#include <gtest/gtest.h>

#include "stormwatch/detect/ttp/ttp.h"
#include "stormwatch/model/testing.h"

namespace stormwatch::detect::ttp::testing {

namespace {

std::string Render(const Finding& finding) {
    std::string line = finding.rule_id + " " + std::string(SeverityName(finding.severity)) + " " +
                       std::to_string(finding.line) + " " + finding.evidence;
    if (finding.indicator) {
        line += " [" + finding.indicator->value + "]";
    }
    return line;
}

}  // namespace

Env::Env() {
    intel::IndicatorSetBuilder builder;
    EXPECT_TRUE(builder.Add(kIocAddress, "", "AA25-239A", "medium", "Salt Typhoon"));
    EXPECT_TRUE(builder.Add(kIocAddress2, "ipv4", "AA25-239A", "medium", "Salt Typhoon"));
    EXPECT_TRUE(builder.Add(kIocRange, "cidr", "test", "low", "test"));
    EXPECT_TRUE(builder.Add(kIocDomain, "domain", "Silent Push", "medium", "Salt Typhoon"));
    EXPECT_TRUE(builder.Add(kIocAccount, "account", "test", "high", "test"));
    intel = builder.Build();
}

Context Env::context() const {
    return Context{.policy = policy, .intel = *intel, .path = "configs/r1.cfg", .device = "r1"};
}

policy::ApprovedHosts Approved(std::vector<std::string_view> networks,
                               std::vector<std::string> names) {
    policy::ApprovedHosts hosts;
    for (std::string_view network : networks) {
        hosts.networks.push_back(Prefix(network));
    }
    hosts.names = std::move(names);
    hosts.present = true;
    return hosts;
}

model::SourceRef Ref(std::uint32_t line, std::string text) {
    return model::testing::KeptRef(line, std::move(text));
}

model::HostRef Host(std::string_view host, std::uint32_t line, std::string text) {
    return model::HostRef{.address = IpAddress::Parse(host),
                          .host = std::string(host),
                          .ref = Ref(line, std::move(text))};
}

IpPrefix Prefix(std::string_view text) {
    const std::optional<IpPrefix> prefix = IpPrefix::Parse(text);
    EXPECT_TRUE(prefix.has_value()) << text;
    return prefix.value_or(IpPrefix{});
}

model::AddressMention Mention(std::string_view prefix, std::uint32_t line, std::string text) {
    return model::AddressMention{.prefix = Prefix(prefix), .ref = Ref(line, std::move(text))};
}

IpAddress Address(std::string_view text) {
    const std::optional<IpAddress> address = IpAddress::Parse(text);
    EXPECT_TRUE(address.has_value()) << text;
    return address.value_or(IpAddress{});
}

std::vector<Finding> RunRaw(std::string_view rule_id, const model::DeviceModel& model,
                            const Env& env) {
    std::vector<Finding> out;
    const Context context = env.context();
    bool found = false;
    for (const DetectorDef& def : TtpDetectors()) {
        if (def.id == rule_id) {
            def.run(model, context, def, out);
            found = true;
        }
    }
    EXPECT_TRUE(found) << "no TTP detector " << rule_id;
    return out;
}

std::vector<std::string> RunRule(std::string_view rule_id, const model::DeviceModel& model,
                                 const Env& env) {
    std::vector<std::string> lines;
    for (const Finding& finding : RunRaw(rule_id, model, env)) {
        lines.push_back(Render(finding));
    }
    return lines;
}

std::vector<std::string> RunAll(const model::DeviceModel& model, const Env& env) {
    std::vector<Finding> out;
    const Context context = env.context();
    for (const DetectorDef& def : TtpDetectors()) {
        def.run(model, context, def, out);
    }
    std::vector<std::string> lines;
    for (const Finding& finding : out) {
        lines.push_back(Render(finding));
    }
    return lines;
}

}  // namespace stormwatch::detect::ttp::testing
