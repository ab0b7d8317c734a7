// SPDX-License-Identifier: Apache-2.0
#include <set>
#include <string>

#include "stormwatch/core/text.h"
#include "stormwatch/detect/hardening/test_support.h"

namespace stormwatch::detect::hardening::testing {
namespace {

TEST(HardeningRegistryTest, EveryRowIsWellFormedAndUnique) {
    std::set<std::string_view> ids;
    for (const DetectorDef& def : HardeningDetectors()) {
        EXPECT_TRUE(text::StartsWith(def.id, "SW-CFG-HARD-")) << def.id;
        EXPECT_TRUE(text::StartsWith(def.category, "hardening.")) << def.id;
        for (const char c : def.category.substr(std::string_view("hardening.").size())) {
            EXPECT_TRUE((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')
                << def.id << ": " << def.category;
        }
        EXPECT_FALSE(def.title.empty()) << def.id;
        EXPECT_FALSE(def.description.empty()) << def.id;
        EXPECT_NE(def.run, nullptr) << def.id;
        EXPECT_TRUE(ids.insert(def.id).second) << "duplicate " << def.id;
    }
    EXPECT_EQ(ids.size(), 20U);
}

// An empty model of any dialect must not produce findings: every absence check needs a
// substantial model, every presence check needs the element.
TEST(HardeningRegistryTest, EmptyModelsAreQuiet) {
    const policy::SitePolicy policy;
    const auto intel = intel::IndicatorSetBuilder().Build();
    const Context context{.policy = policy, .intel = *intel, .path = "x.cfg", .device = "x"};
    for (const model::Dialect dialect :
         {model::Dialect::kUnknown, model::Dialect::kCiscoIos, model::Dialect::kCiscoIosXr,
          model::Dialect::kCiscoNxos, model::Dialect::kAristaEos, model::Dialect::kJunos,
          model::Dialect::kJunosSet}) {
        model::DeviceModel model;
        model.dialect = dialect;
        std::vector<Finding> findings;
        for (const DetectorDef& def : HardeningDetectors()) {
            def.run(model, context, def, findings);
        }
        EXPECT_TRUE(findings.empty())
            << model::DialectName(dialect) << ": " << findings.front().rule_id;
    }
}

// The full IOS baseline of section 4 produces no hardening finding at all.
TEST_F(HardeningTest, HardenedIosIsClean) {
    model::DeviceModel model = Device(model::Dialect::kCiscoIos);
    model.device.version = "17.9";
    model.device.ios_xe = true;
    model::LocalUser user;
    user.name = "admin";
    user.secret_type = "9";
    user.ref = Ref(2, "username admin privilege 15 secret 9 $9$x");
    model.users.push_back(user);
    model.aaa.new_model = Ref(3, "aaa new-model");
    model.aaa.command_accounting = true;
    model.password_encryption_aes = Ref(4, "password encryption aes");
    model::AaaServer server;
    server.protocol = "tacacs+";
    server.key_type = "6";
    server.key_ref = Ref(5, "key 6 abc");
    model.aaa_servers.push_back(server);
    model.ssh.version = 2;
    model.ssh.version_ref = Ref(6, "ip ssh version 2");
    model::HostRef host;
    host.host = "192.0.2.50";
    host.ref = Ref(7, "logging host 192.0.2.50");
    model.logging.hosts.push_back(host);
    model.logging.trap_level = Ref(8, "logging trap informational");
    model.logging.trap_level_value = "informational";
    model.logging.archive_log_config = true;
    model.logging.login_on_failure_log = true;
    model::Acl acl;
    acl.name = "MGMT";
    acl.kind = "standard";
    acl.ref = Ref(10, "ip access-list standard MGMT");
    model::AclEntry deny;
    deny.action = "deny";
    deny.source_any = true;
    deny.log = true;
    deny.ref = Ref(11, "deny any log");
    acl.entries.push_back(deny);
    model.acls.push_back(acl);
    model.acl_uses.push_back(
        {.acl = "MGMT", .where = "vty", .ref = Ref(22, "access-class MGMT in")});
    model::VtyLine vty;
    vty.range = "vty 0 4";
    vty.ref = Ref(20, "line vty 0 4");
    vty.transport_input = {"ssh"};
    vty.transport_input_ref = Ref(21, "transport input ssh");
    vty.transport_output_none = true;
    vty.access_class_in = "MGMT";
    vty.exec_timeout_seconds = 600;
    vty.exec_timeout_ref = Ref(23, "exec-timeout 10 0");
    model.lines.push_back(vty);
    model::Service http;
    http.name = "http";
    http.enabled = false;
    http.ref = Ref(30, "no ip http server");
    model.services.push_back(http);

    for (const DetectorDef& def : HardeningDetectors()) {
        EXPECT_TRUE(Run(def.id, model).empty()) << def.id;
    }
}

}  // namespace
}  // namespace stormwatch::detect::hardening::testing
