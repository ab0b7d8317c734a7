// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/detect/hardening/test_support.h"

namespace stormwatch::detect::hardening::testing {
namespace {

constexpr std::string_view kNoDenyLog = "SW-CFG-HARD-ACL-NO-DENY-LOG";

model::AclEntry Entry(std::string action, std::uint32_t line, std::string text, bool log = false) {
    model::AclEntry entry;
    entry.action = std::move(action);
    entry.ref = Ref(line, std::move(text));
    entry.log = log;
    return entry;
}

model::AclEntry DenyAnyLog(std::uint32_t line) {
    model::AclEntry entry = Entry("deny", line, "deny ip any any log", true);
    entry.protocol = "ip";
    entry.source_any = true;
    entry.destination_any = true;
    return entry;
}

model::Acl Acl(std::string name, std::string kind, std::uint32_t line, std::string text,
               std::vector<model::AclEntry> entries) {
    model::Acl acl;
    acl.name = std::move(name);
    acl.kind = std::move(kind);
    acl.ref = Ref(line, std::move(text));
    acl.entries = std::move(entries);
    return acl;
}

using AclTest = HardeningTest;

TEST_F(AclTest, UsedAclsWithoutLoggedDenyAnyFire) {
    model::DeviceModel model = Device(model::Dialect::kCiscoIos);
    // Used on the vty, ends in a permit.
    model.acls.push_back(Acl("MGMT", "standard", 20, "ip access-list standard MGMT",
                             {Entry("permit", 21, "permit 192.0.2.0 0.0.0.255")}));
    // Used on an interface, ends in a deny without log (a remark after it does not count).
    model::AclEntry deny = DenyAnyLog(31);
    deny.log = false;
    model.acls.push_back(Acl("EDGE-IN", "extended", 30, "ip access-list extended EDGE-IN",
                             {deny, Entry("remark", 32, "remark end")}));
    // Compliant: ends with `deny ip any any log`, then a remark.
    model.acls.push_back(Acl("GOOD", "extended", 40, "ip access-list extended GOOD",
                             {Entry("permit", 41, "permit tcp any any eq 22"), DenyAnyLog(42),
                              Entry("remark", 43, "remark end")}));
    // Not used anywhere: not this rule's business.
    model.acls.push_back(Acl("SPARE", "extended", 50, "ip access-list extended SPARE", {}));
    // A prefix-list filters routes.
    model.acls.push_back(
        Acl("PL", "prefix-list", 60, "ip prefix-list PL seq 5 permit 0.0.0.0/0", {}));

    model.acl_uses.push_back(
        {.acl = "MGMT", .where = "vty", .ref = Ref(71, "access-class MGMT in")});
    model.acl_uses.push_back(
        {.acl = "GOOD", .where = "snmp", .ref = Ref(72, "snmp-server community x RO GOOD")});
    model.acl_uses.push_back(
        {.acl = "PL", .where = "bgp", .ref = Ref(73, "neighbor 192.0.2.1 prefix-list PL in")});
    model::Interface interface;
    interface.name = "GigabitEthernet1";
    interface.ref = Ref(80, "interface GigabitEthernet1");
    interface.acls.push_back(
        {.acl = "EDGE-IN", .direction = "in", .ref = Ref(81, "ip access-group EDGE-IN in")});
    model.interfaces.push_back(interface);

    EXPECT_EQ(Run(kNoDenyLog, model),
              (std::vector<Hit>{{Severity::kLow, 20, "ip access-list standard MGMT"},
                                {Severity::kLow, 30, "ip access-list extended EDGE-IN"}}));
}

TEST_F(AclTest, StandardDenyAnyLogAndEmptyAcl) {
    model::DeviceModel model = Device(model::Dialect::kCiscoIos);
    model::AclEntry deny = Entry("deny", 22, "access-list 20 deny any log", true);
    deny.source_any = true;
    model.acls.push_back(Acl("20", "standard", 21, "access-list 20 permit 192.0.2.1",
                             {Entry("permit", 21, "access-list 20 permit 192.0.2.1"), deny}));
    model.acls.push_back(Acl("EMPTY", "extended", 30, "ip access-list extended EMPTY", {}));
    model.acl_uses.push_back({.acl = "20", .where = "vty", .ref = Ref(40, "access-class 20 in")});
    model.acl_uses.push_back(
        {.acl = "EMPTY", .where = "http", .ref = Ref(41, "ip http access-class EMPTY")});
    EXPECT_EQ(Run(kNoDenyLog, model),
              (std::vector<Hit>{{Severity::kLow, 30, "ip access-list extended EMPTY"}}));
}

TEST_F(AclTest, DenyOfOneProtocolOrOneSourceIsNotDenyAny) {
    model::DeviceModel model = Device(model::Dialect::kCiscoIos);
    model::AclEntry tcp = DenyAnyLog(11);
    tcp.protocol = "tcp";
    model::AclEntry host = DenyAnyLog(21);
    host.source_any = false;
    model.acls.push_back(Acl("A", "extended", 10, "ip access-list extended A", {tcp}));
    model.acls.push_back(Acl("B", "extended", 20, "ip access-list extended B", {host}));
    model.acl_uses.push_back({.acl = "A", .where = "vty", .ref = Ref(40, "access-class A in")});
    model.acl_uses.push_back({.acl = "B", .where = "vty", .ref = Ref(41, "access-class B in")});
    EXPECT_EQ(Run(kNoDenyLog, model),
              (std::vector<Hit>{{Severity::kLow, 10, "ip access-list extended A"},
                                {Severity::kLow, 20, "ip access-list extended B"}}));
}

}  // namespace
}  // namespace stormwatch::detect::hardening::testing
