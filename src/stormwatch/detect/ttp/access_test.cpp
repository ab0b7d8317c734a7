// SPDX-License-Identifier: Apache-2.0
// ACLs, services on non-standard ports, local accounts and AAA servers.

#include <gtest/gtest.h>

#include "stormwatch/detect/ttp/ttp_test_util.h"

namespace stormwatch::detect::ttp {
namespace {

using testing::Approved;
using testing::Env;
using testing::Host;
using testing::Mention;
using testing::Prefix;
using testing::Ref;
using testing::RunRule;
using Lines = std::vector<std::string>;

model::AclEntry Permit(std::uint32_t line, std::string text, std::vector<std::string_view> sources,
                       std::vector<std::string_view> destinations = {}) {
    model::AclEntry entry;
    entry.ref = Ref(line, std::move(text));
    entry.action = "permit";
    for (std::string_view source : sources) {
        entry.sources.push_back(Prefix(source));
    }
    for (std::string_view destination : destinations) {
        entry.destinations.push_back(Prefix(destination));
    }
    entry.destination_any = destinations.empty();
    return entry;
}

model::Acl MakeAcl(std::string name, std::vector<model::AclEntry> entries) {
    model::Acl acl;
    acl.name = std::move(name);
    acl.kind = "standard";
    acl.entries = std::move(entries);
    return acl;
}

TEST(TtpAclTest, PermitOfIndicatorFiresWithIndicatorAndDenyDoesNot) {
    Env env;
    model::DeviceModel model;
    model::AclEntry deny = Permit(12, "access-list 20 deny 167.88.173.252", {"167.88.173.252"});
    deny.action = "deny";
    model.acls.push_back(MakeAcl(
        "20", {Permit(10, "access-list 20 permit 45.61.133.77", {"45.61.133.77"}),
               Permit(11, "access-list 20 permit 192.0.2.0 0.0.0.255", {"192.0.2.0/24"}), deny}));
    model::Acl filter = MakeAcl("PROTECT-RE", {Permit(30,
                                                      "set firewall family inet filter PROTECT-RE "
                                                      "term t1 from source-address 203.0.0.0/16",
                                                      {"203.0.0.0/16"})});
    filter.kind = "filter";
    model.acls.push_back(filter);
    model::Acl both = MakeAcl("EXT", {Permit(40, "permit ip host 45.61.133.77 host 167.88.173.252",
                                             {"45.61.133.77"}, {"167.88.173.252"})});
    model.acls.push_back(both);

    EXPECT_EQ(
        RunRule("SW-CFG-ACL-IOC", model, env),
        (Lines{"SW-CFG-ACL-IOC critical 10 access-list 20 permit 45.61.133.77 [45.61.133.77]",
               "SW-CFG-ACL-IOC critical 30 set firewall family inet filter PROTECT-RE term t1 "
               "from source-address 203.0.0.0/16 [203.0.113.0/24]",
               "SW-CFG-ACL-IOC critical 40 permit ip host 45.61.133.77 host 167.88.173.252 "
               "[45.61.133.77]",
               "SW-CFG-ACL-IOC critical 40 permit ip host 45.61.133.77 host 167.88.173.252 "
               "[167.88.173.252]"}));
    // The indicator attached carries its source.
    const std::vector<Finding> raw = testing::RunRaw("SW-CFG-ACL-IOC", model, env);
    ASSERT_FALSE(raw.empty());
    ASSERT_TRUE(raw[0].indicator.has_value());
    EXPECT_EQ(raw[0].indicator->source, "AA25-239A");
    EXPECT_EQ(raw[0].device, "r1");
    EXPECT_EQ(raw[0].path, "configs/r1.cfg");
    EXPECT_EQ(raw[0].attack, (Lines{"T1562.004"}));
}

// A Junos term starts on one line and names its addresses on later ones: the hit is on the
// first line after the term's start that writes the prefix, not on an earlier line or a later
// term's; an entry whose prefix no line writes keeps its own line.
TEST(TtpAclTest, IndicatorHitIsOnTheLineThatWritesThePrefix) {
    Env env;
    model::DeviceModel model;
    model::Acl filter = MakeAcl("PROTECT-RE", {Permit(50, "term t1", {"45.61.133.77"}),
                                               Permit(60, "term t2", {"167.88.173.252"}),
                                               Permit(80, "term t3", {"45.61.133.77"})});
    filter.kind = "filter";
    model.acls.push_back(filter);
    model.addresses = {Mention("45.61.133.77", 20, "ntp server 45.61.133.77"),
                       Mention("45.61.133.77", 83, "source-address 45.61.133.77/32 (t3)"),
                       Mention("192.0.2.1", 52, "destination-address 192.0.2.1/32"),
                       Mention("45.61.133.77", 53, "source-address 45.61.133.77/32 (t1)"),
                       Mention("45.61.133.77", 53, "source-address 45.61.133.77/32 (again)")};
    EXPECT_EQ(RunRule("SW-CFG-ACL-IOC", model, env),
              (Lines{"SW-CFG-ACL-IOC critical 53 source-address 45.61.133.77/32 (t1) "
                     "[45.61.133.77]",
                     "SW-CFG-ACL-IOC critical 60 term t2 [167.88.173.252]",
                     "SW-CFG-ACL-IOC critical 83 source-address 45.61.133.77/32 (t3) "
                     "[45.61.133.77]"}));
}

TEST(TtpAclTest, PermitAnyPrefixIsNotAnIndicatorHit) {
    Env env;
    model::DeviceModel model;
    model.acls.push_back(
        MakeAcl("PL", {Permit(5, "ip prefix-list PL permit 0.0.0.0/0 le 32", {"0.0.0.0/0"})}));
    EXPECT_EQ(RunRule("SW-CFG-ACL-IOC", model, env), Lines{});
}

model::DeviceModel MgmtModel() {
    model::DeviceModel model;
    model::AclEntry any = Permit(3, "access-list 20 permit any", {});
    any.source_any = true;
    model.acls.push_back(
        MakeAcl("20", {Permit(1, "access-list 20 permit 10.0.0.0 0.0.0.255", {"10.0.0.0/24"}),
                       Permit(2, "access-list 20 permit 8.8.8.0 0.0.0.255", {"8.8.8.0/24"}), any,
                       Permit(4, "access-list 20 permit 45.61.133.77", {"45.61.133.77"})}));
    model.acls.push_back(
        MakeAcl("MGMT", {Permit(7, "permit 172.16.0.0 0.0.255.255", {"172.16.0.0/16"}),
                         Permit(8, "permit 100.64.0.1", {"100.64.0.1"}),
                         Permit(9, "permit 9.9.9.9", {"9.9.9.9"})}));
    model.acls.push_back(MakeAcl("UNUSED", {Permit(20, "permit 1.1.1.1", {"1.1.1.1"})}));
    model.acl_uses.push_back({.acl = "20", .where = "vty", .ref = Ref(50, "access-class 20 in")});
    model.acl_uses.push_back(
        {.acl = "20", .where = "snmp", .ref = Ref(51, "snmp-server community x RO 20")});
    model.acl_uses.push_back(
        {.acl = "MGMT", .where = "http", .ref = Ref(52, "ip http access-class MGMT")});
    model.acl_uses.push_back(
        {.acl = "UNUSED", .where = "interface", .ref = Ref(53, "ip access-group UNUSED in")});
    model.acl_uses.push_back(
        {.acl = "MISSING", .where = "vty", .ref = Ref(54, "access-class MISSING in")});
    return model;
}

TEST(TtpAclTest, ManagementAclWithoutPolicyFlagsOnlyAny) {
    Env env;
    // List 20 is an actor favourite: high without policy. Without management networks in a
    // policy, public sources (lines 2 and 9) say nothing; only `any` is suspicious. The
    // indicator entry (line 4) belongs to SW-CFG-ACL-IOC; interface ACLs are not management ACLs.
    EXPECT_EQ(RunRule("SW-CFG-ACL-MGMT-SOURCE", MgmtModel(), env),
              (Lines{"SW-CFG-ACL-MGMT-SOURCE high 3 access-list 20 permit any"}));
}

TEST(TtpAclTest, ManagementAclWithPolicyIsExact) {
    Env env;
    env.policy.loaded = true;
    env.policy.management_networks = Approved({"10.0.0.0/16", "172.16.0.0/12", "8.8.8.0/24"});
    EXPECT_EQ(RunRule("SW-CFG-ACL-MGMT-SOURCE", MgmtModel(), env),
              (Lines{"SW-CFG-ACL-MGMT-SOURCE high 3 access-list 20 permit any",
                     "SW-CFG-ACL-MGMT-SOURCE high 8 permit 100.64.0.1",
                     "SW-CFG-ACL-MGMT-SOURCE high 9 permit 9.9.9.9"}));
}

model::Service Svc(std::string name, int port, std::uint32_t line, std::string text,
                   bool enabled = true) {
    return model::Service{.name = std::move(name),
                          .enabled = enabled,
                          .port = port,
                          .ref = Ref(line, std::move(text)),
                          .detail = {}};
}

TEST(TtpServiceTest, NonStandardPortsBySeverity) {
    Env env;
    model::DeviceModel model;
    model.services = {Svc("ssh", 22, 1, "ip ssh port 22 rotary 1"),
                      Svc("ssh", 0, 2, "ip ssh version 2"),
                      Svc("ssh", 22222, 3, "ip ssh port 22222 rotary 1"),
                      Svc("ssh", 57722, 4, "ssh server port 57722"),
                      Svc("http", 8080, 5, "ip http port 8080"),
                      Svc("https", 443, 6, "ip http secure-port 443"),
                      Svc("https", 18443, 7, "ip http secure-port 18443", false),
                      Svc("tftp-server", 2069, 8, "tftp-server flash:x port 2069"),
                      Svc("sftp-server", 2022, 9, "sftp server port 2022")};
    EXPECT_EQ(RunRule("SW-CFG-SVC-NONSTD-PORT", model, env),
              (Lines{"SW-CFG-SVC-NONSTD-PORT critical 3 ip ssh port 22222 rotary 1",
                     "SW-CFG-SVC-NONSTD-PORT critical 4 ssh server port 57722",
                     "SW-CFG-SVC-NONSTD-PORT high 5 ip http port 8080",
                     "SW-CFG-SVC-NONSTD-PORT high 9 sftp server port 2022"}));

    // Ports the policy allows are approved, pattern ports included.
    env.policy.loaded = true;
    env.policy.allowed_ports["http"] = {8080};
    env.policy.allowed_ports["ssh"] = {57722};
    env.policy.allowed_ports["sftp"] = {2022};
    EXPECT_EQ(RunRule("SW-CFG-SVC-NONSTD-PORT", model, env),
              (Lines{"SW-CFG-SVC-NONSTD-PORT critical 3 ip ssh port 22222 rotary 1"}));
}

model::LocalUser User(std::string name, int privilege, std::uint32_t line) {
    model::LocalUser user;
    user.name = name;
    user.privilege = privilege;
    user.ref =
        Ref(line, "username " + name + " privilege " + std::to_string(privilege) + " secret 9 x");
    return user;
}

TEST(TtpAccountTest, KnownBadNamesFromIntelAndFallbackList) {
    Env env;
    model::DeviceModel model;
    model.users = {User("cisco_tac_admin", 15, 1), User("admin", 15, 2),
                   User("Backdoor_Admin", 15, 3), User("cisco_support", 1, 4),
                   User("cisco", 15, 5)};
    EXPECT_EQ(
        RunRule("SW-CFG-USER-KNOWN-BAD", model, env),
        (Lines{"SW-CFG-USER-KNOWN-BAD critical 1 username cisco_tac_admin privilege 15 secret 9 x",
               "SW-CFG-USER-KNOWN-BAD critical 3 username Backdoor_Admin privilege 15 secret 9 x "
               "[backdoor_admin]",
               "SW-CFG-USER-KNOWN-BAD critical 4 username cisco_support privilege 1 secret 9 x"}));
}

TEST(TtpAccountTest, UnapprovedAccountsOnlyWithAnAccountList) {
    Env env;
    model::DeviceModel model;
    model.users = {User("admin", 15, 1), User("ops", 15, 2), User("viewer", 1, 3),
                   User("cisco_sys_manager", 15, 4)};
    EXPECT_EQ(RunRule("SW-CFG-USER-UNAPPROVED", model, env), Lines{});
    env.policy.loaded = true;
    EXPECT_EQ(RunRule("SW-CFG-USER-UNAPPROVED", model, env), Lines{});

    env.policy.local_accounts = {"admin"};
    env.policy.local_accounts_present = true;
    EXPECT_EQ(RunRule("SW-CFG-USER-UNAPPROVED", model, env),
              (Lines{"SW-CFG-USER-UNAPPROVED high 2 username ops privilege 15 secret 9 x",
                     "SW-CFG-USER-UNAPPROVED medium 3 username viewer privilege 1 secret 9 x"}));
}

model::AaaServer Server(std::string_view host, std::uint32_t line, std::string name = {}) {
    model::AaaServer server;
    server.protocol = "tacacs+";
    server.name = std::move(name);
    server.host = Host(host, line, "address ipv4 " + std::string(host));
    return server;
}

TEST(TtpAaaTest, ServerIndicatorIsCriticalAndNotAlsoUnapproved) {
    Env env;
    model::DeviceModel model;
    model.aaa_servers = {Server("45.61.133.77", 1), Server("10.1.1.5", 2), Server("8.8.4.4", 3),
                         Server("10.2.2.2", 4, "ISE-2")};
    EXPECT_EQ(RunRule("SW-CFG-AAA-SERVER-IOC", model, env),
              (Lines{"SW-CFG-AAA-SERVER-IOC critical 1 address ipv4 45.61.133.77 [45.61.133.77]"}));
    // Without a policy a public AAA server says nothing: operators run them in their own space.
    EXPECT_EQ(RunRule("SW-CFG-AAA-SERVER-UNAPPROVED", model, env), Lines{});

    env.policy.loaded = true;
    env.policy.aaa_servers = Approved({"10.1.1.0/24", "8.8.4.4/32"}, {"ise-2"});
    EXPECT_EQ(RunRule("SW-CFG-AAA-SERVER-UNAPPROVED", model, env), Lines{});
    env.policy.aaa_servers = Approved({"10.1.1.0/24"});
    EXPECT_EQ(RunRule("SW-CFG-AAA-SERVER-UNAPPROVED", model, env),
              (Lines{"SW-CFG-AAA-SERVER-UNAPPROVED high 3 address ipv4 8.8.4.4",
                     "SW-CFG-AAA-SERVER-UNAPPROVED high 4 address ipv4 10.2.2.2"}));
}

TEST(TtpAaaTest, NoNewModelFires) {
    Env env;
    model::DeviceModel model;
    model.aaa.new_model = Ref(3, "aaa new-model");
    EXPECT_EQ(RunRule("SW-CFG-AAA-DISABLED", model, env), Lines{});
    model.aaa.no_new_model = Ref(9, "no aaa new-model");
    EXPECT_EQ(RunRule("SW-CFG-AAA-DISABLED", model, env),
              (Lines{"SW-CFG-AAA-DISABLED high 9 no aaa new-model"}));
}

}  // namespace
}  // namespace stormwatch::detect::ttp
