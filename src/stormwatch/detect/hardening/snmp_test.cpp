// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/detect/hardening/test_support.h"

namespace stormwatch::detect::hardening::testing {
namespace {

constexpr std::string_view kV1V2c = "SW-CFG-HARD-SNMP-V1V2C";
constexpr std::string_view kV3NoPriv = "SW-CFG-HARD-SNMP-V3-NOPRIV";

model::SnmpUser User(std::string version, std::string auth, std::string priv, std::uint32_t line,
                     std::string text) {
    model::SnmpUser user;
    user.name = "nms";
    user.version = std::move(version);
    user.auth = std::move(auth);
    user.priv = std::move(priv);
    user.ref = Ref(line, std::move(text));
    return user;
}

model::SnmpHost Host(std::string version, std::uint32_t line, std::string text) {
    model::SnmpHost host;
    host.host.host = "192.0.2.9";
    host.host.ref = Ref(line, std::move(text));
    host.version = std::move(version);
    host.community = "s3cret";
    return host;
}

using SnmpTest = HardeningTest;

TEST_F(SnmpTest, CommunitiesV2cUsersAndHostsFireOncePerLine) {
    model::DeviceModel model = Device(model::Dialect::kCiscoIos);
    model::SnmpCommunity community;
    community.name = "public";
    community.access = "ro";
    community.ref = Ref(40, "snmp-server community public RO");
    model.snmp.communities.push_back(community);
    model.snmp.users.push_back(User("v2c", "", "", 41, "snmp-server user old grp v2c"));
    model.snmp.hosts.push_back(Host("2c", 42, "snmp-server host 192.0.2.9 version 2c s3cret"));
    model.snmp.hosts.push_back(Host("", 43, "snmp-server host 192.0.2.9 s3cret"));
    // A parser that records the community of a host line on that same line.
    model.snmp.hosts.push_back(Host("2c", 40, "snmp-server community public RO"));
    EXPECT_EQ(Run(kV1V2c, model),
              (std::vector<Hit>{
                  {Severity::kMedium, 40, "snmp-server community public RO"},
                  {Severity::kMedium, 41, "snmp-server user old grp v2c"},
                  {Severity::kMedium, 42, "snmp-server host 192.0.2.9 version 2c s3cret"},
                  {Severity::kMedium, 43, "snmp-server host 192.0.2.9 s3cret"},
              }));
}

TEST_F(SnmpTest, V3OnlyDoesNotFireV1V2c) {
    model::DeviceModel model = Device(model::Dialect::kCiscoIos);
    model.snmp.users.push_back(
        User("v3", "sha", "aes 128", 41, "snmp-server user nms grp v3 auth sha x priv aes 128 y"));
    model.snmp.hosts.push_back(Host("3", 42, "snmp-server host 192.0.2.9 version 3 priv nms"));
    EXPECT_TRUE(Run(kV1V2c, model).empty());
    EXPECT_TRUE(Run(kV3NoPriv, model).empty());
}

TEST_F(SnmpTest, UnversionedHostIsV1OnlyOnIos) {
    model::DeviceModel model = Device(model::Dialect::kCiscoNxos);
    model.snmp.hosts.push_back(Host("", 43, "snmp-server host 192.0.2.9 traps s3cret"));
    EXPECT_TRUE(Run(kV1V2c, model).empty());
}

TEST_F(SnmpTest, V3WithoutPrivacyOrWithWeakAlgorithmsFires) {
    model::DeviceModel model = Device(model::Dialect::kCiscoIos);
    model.snmp.users.push_back(User("v3", "sha", "", 50, "snmp-server user a g v3 auth sha x"));
    model.snmp.users.push_back(
        User("v3", "md5", "aes 128", 51, "snmp-server user b g v3 auth md5 x priv aes 128 y"));
    model.snmp.users.push_back(
        User("v3", "sha", "des", 52, "snmp-server user c g v3 auth sha x priv des y"));
    model.snmp.users.push_back(User("v3", "", "", 53, "snmp-server user d g v3"));
    model.snmp.users.push_back(
        User("v3", "sha", "aes 256", 54, "snmp-server user e g v3 auth sha x priv aes 256 y"));
    model.snmp.groups.push_back(Ref(55, "snmp-server group g v3 auth"));
    model.snmp.groups.push_back(Ref(56, "snmp-server group h v3 priv"));
    model.snmp.groups.push_back(Ref(57, "snmp-server group i v3 noauth"));
    EXPECT_EQ(Run(kV3NoPriv, model),
              (std::vector<Hit>{
                  {Severity::kLow, 50, "snmp-server user a g v3 auth sha x"},
                  {Severity::kLow, 51, "snmp-server user b g v3 auth md5 x priv aes 128 y"},
                  {Severity::kLow, 52, "snmp-server user c g v3 auth sha x priv des y"},
                  {Severity::kLow, 53, "snmp-server user d g v3"},
                  {Severity::kLow, 55, "snmp-server group g v3 auth"},
                  {Severity::kLow, 57, "snmp-server group i v3 noauth"},
              }));
}

}  // namespace
}  // namespace stormwatch::detect::hardening::testing
