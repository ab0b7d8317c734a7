// SPDX-License-Identifier: Apache-2.0
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "stormwatch/core/text.h"
#include "stormwatch/detect/ttp/ttp.h"
#include "stormwatch/detect/ttp/ttp_test_util.h"

namespace stormwatch::detect {
namespace {

bool IsAttackId(std::string_view id) {
    // T + four digits, optionally . + three digits.
    if (id.size() != 5 && id.size() != 9) {
        return false;
    }
    if (id[0] != 'T') {
        return false;
    }
    for (std::size_t i = 1; i < id.size(); ++i) {
        const bool dot = i == 5;
        if (dot ? id[i] != '.' : (id[i] < '0' || id[i] > '9')) {
            return false;
        }
    }
    return true;
}

TEST(TtpRegistryTest, RowsAreCompleteAndIdsUnique) {
    const std::set<std::string, std::less<>> categories = {"ttp.exploit-surface",
                                                           "ttp.acl-tampering",
                                                           "ttp.nonstandard-service-port",
                                                           "ttp.container-abuse",
                                                           "ttp.tunnel",
                                                           "ttp.packet-capture",
                                                           "ttp.traffic-mirroring",
                                                           "ttp.aaa-tampering",
                                                           "ttp.credential-capture",
                                                           "ttp.snmp-abuse",
                                                           "ttp.local-account",
                                                           "ttp.log-tampering",
                                                           "ttp.routing-tampering",
                                                           "ttp.remote-access",
                                                           "ttp.exfiltration",
                                                           "ioc.match"};
    std::set<std::string_view> ids;
    ASSERT_EQ(TtpDetectors().size(), 34U);
    for (const DetectorDef& def : TtpDetectors()) {
        EXPECT_TRUE(ids.insert(def.id).second) << def.id;
        EXPECT_TRUE(text::StartsWith(def.id, "SW-CFG-")) << def.id;
        EXPECT_TRUE(categories.count(def.category) == 1) << def.id << " " << def.category;
        EXPECT_FALSE(def.title.empty()) << def.id;
        EXPECT_GT(def.description.size(), 30U) << def.id;
        EXPECT_NE(def.run, nullptr) << def.id;
        const RuleInfo info = ToRuleInfo(def);
        EXPECT_FALSE(info.attack.empty()) << def.id;
        for (const std::string& attack : info.attack) {
            EXPECT_TRUE(IsAttackId(attack)) << def.id << " " << attack;
        }
    }
}

TEST(TtpRegistryTest, EmptyModelAndEmptyIntelGiveNoFindings) {
    ttp::testing::Env env;
    model::DeviceModel model;
    EXPECT_EQ(ttp::testing::RunAll(model, env), std::vector<std::string>{});
    env.policy.loaded = true;
    env.policy.local_accounts_present = true;
    env.policy.aaa_servers.present = true;
    EXPECT_EQ(ttp::testing::RunAll(model, env), std::vector<std::string>{});
    // Partial model: a tunnel with nothing but its name, an ACL use of a missing ACL.
    model::Interface tunnel;
    tunnel.name = "Tunnel0";
    tunnel.is_tunnel = true;
    model.interfaces.push_back(tunnel);
    model::AclUse use;
    use.acl = "99";
    use.where = "vty";
    model.acl_uses.push_back(use);
    model::StaticRoute route;
    route.interface = "Tunnel0";
    model.routes.push_back(route);
    model.users.emplace_back();
    model::Transfer transfer;
    transfer.url = "nonsense";
    model.transfers.push_back(transfer);
    EXPECT_EQ(ttp::testing::RunAll(model, env), std::vector<std::string>{});
}

}  // namespace
}  // namespace stormwatch::detect
