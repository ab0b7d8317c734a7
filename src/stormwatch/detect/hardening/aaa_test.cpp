// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/detect/hardening/test_support.h"

namespace stormwatch::detect::hardening::testing {
namespace {

constexpr std::string_view kAaaKey = "SW-CFG-HARD-AAA-KEY";
constexpr std::string_view kNoAes = "SW-CFG-HARD-NO-AES-PASSWORD-ENCRYPTION";
constexpr std::string_view kNoAccounting = "SW-CFG-HARD-NO-COMMAND-ACCOUNTING";
constexpr std::string_view kNoAaa = "SW-CFG-HARD-NO-AAA";

model::AaaServer Server(std::string key_type, std::uint32_t line, std::string text) {
    model::AaaServer server;
    server.protocol = "tacacs+";
    server.host.host = "192.0.2.5";
    server.key_type = std::move(key_type);
    server.key_ref = Ref(line, std::move(text));
    return server;
}

using AaaTest = HardeningTest;

TEST_F(AaaTest, ReversibleAndClearKeysFire) {
    model::DeviceModel model = Device(model::Dialect::kCiscoIos);
    model.aaa_servers.push_back(Server("7", 30, "key 7 0822455D0A16"));
    model.aaa_servers.push_back(Server("0", 31, "key 0 s3cret"));
    model.aaa_servers.push_back(Server("", 32, "tacacs-server host 192.0.2.6 key s3cret"));
    model.aaa_servers.push_back(
        Server("encrypted", 33, "set system tacplus-server 192.0.2.7 secret \"$9$abc\""));
    EXPECT_EQ(Run(kAaaKey, model),
              (std::vector<Hit>{
                  {Severity::kMedium, 30, "key 7 0822455D0A16"},
                  {Severity::kMedium, 31, "key 0 s3cret"},
                  {Severity::kMedium, 32, "tacacs-server host 192.0.2.6 key s3cret"},
                  {Severity::kLow, 33, "set system tacplus-server 192.0.2.7 secret \"$9$abc\""},
              }));
}

TEST_F(AaaTest, Type6KeysAndKeylessServersDoNotFire) {
    model::DeviceModel model = Device(model::Dialect::kCiscoIos);
    model.aaa_servers.push_back(Server("6", 30, "key 6 AbCdEf"));
    model::AaaServer keyless;
    keyless.protocol = "radius";
    model.aaa_servers.push_back(keyless);
    EXPECT_TRUE(Run(kAaaKey, model).empty());
    EXPECT_TRUE(Run(kNoAes, model).empty());
}

TEST_F(AaaTest, SharedKeyLineIsReportedOnce) {
    model::DeviceModel model = Device(model::Dialect::kCiscoIos);
    model.aaa_servers.push_back(Server("7", 30, "tacacs-server key 7 0822455D0A16"));
    model.aaa_servers.push_back(Server("7", 30, "tacacs-server key 7 0822455D0A16"));
    EXPECT_EQ(Run(kAaaKey, model).size(), 1U);
}

TEST_F(AaaTest, NoAesPasswordEncryptionFiresOnIosWithWeakKeys) {
    model::DeviceModel model = Device(model::Dialect::kCiscoIos);
    model.aaa_servers.push_back(Server("7", 30, "key 7 0822455D0A16"));
    EXPECT_EQ(Run(kNoAes, model),
              (std::vector<Hit>{{Severity::kLow, 1, "missing: password encryption aes"}}));

    model.password_encryption_aes = Ref(3, "password encryption aes");
    EXPECT_TRUE(Run(kNoAes, model).empty());

    model::DeviceModel nxos = Device(model::Dialect::kCiscoNxos);
    nxos.aaa_servers.push_back(Server("7", 30, "tacacs-server host 192.0.2.5 key 7 \"abc\""));
    EXPECT_TRUE(Run(kNoAes, nxos).empty());
}

TEST_F(AaaTest, NoCommandAccountingIsAnAbsenceCheck) {
    model::DeviceModel model = Device(model::Dialect::kCiscoIos);
    EXPECT_EQ(Run(kNoAccounting, model),
              (std::vector<Hit>{{Severity::kMedium, 1, "missing: aaa accounting commands"}}));

    model::DeviceModel junos = Device(model::Dialect::kJunos);
    EXPECT_EQ(Run(kNoAccounting, junos),
              (std::vector<Hit>{{Severity::kMedium, 1,
                                 "missing: system accounting events interactive-commands"}}));

    model.aaa.command_accounting = true;
    EXPECT_TRUE(Run(kNoAccounting, model).empty());
}

TEST_F(AaaTest, AbsenceChecksSkipNearEmptyModels) {
    model::DeviceModel snippet;
    snippet.dialect = model::Dialect::kCiscoIos;
    snippet.device.hostname = "r1";
    snippet.device.hostname_ref = Ref(1, "hostname r1");
    EXPECT_TRUE(Run(kNoAccounting, snippet).empty());
    EXPECT_TRUE(Run(kNoAaa, snippet).empty());

    // Plenty of elements but neither hostname nor interface: still a fragment.
    model::DeviceModel unnamed = Device(model::Dialect::kCiscoIos);
    unnamed.device.hostname.clear();
    unnamed.device.hostname_ref = {};
    EXPECT_TRUE(Run(kNoAaa, unnamed).empty());
}

TEST_F(AaaTest, AbsenceWithoutHostnameUsesLineZero) {
    model::DeviceModel model = Device(model::Dialect::kCiscoIos);
    model.device.hostname.clear();
    model.device.hostname_ref = {};
    model::Interface interface;
    interface.name = "GigabitEthernet1";
    interface.ref = Ref(20, "interface GigabitEthernet1");
    model.interfaces.push_back(interface);
    EXPECT_EQ(Run(kNoAaa, model),
              (std::vector<Hit>{{Severity::kMedium, 0, "missing: aaa new-model"}}));
}

TEST_F(AaaTest, NoAaaFiresOnlyOnIosWithoutEitherForm) {
    model::DeviceModel model = Device(model::Dialect::kCiscoIos);
    EXPECT_EQ(Run(kNoAaa, model),
              (std::vector<Hit>{{Severity::kMedium, 1, "missing: aaa new-model"}}));

    model.aaa.new_model = Ref(4, "aaa new-model");
    EXPECT_TRUE(Run(kNoAaa, model).empty());

    // An explicit `no aaa new-model` is tradecraft (SW-CFG-AAA-DISABLED), not a gap.
    model.aaa.new_model.reset();
    model.aaa.no_new_model = Ref(4, "no aaa new-model");
    EXPECT_TRUE(Run(kNoAaa, model).empty());

    EXPECT_TRUE(Run(kNoAaa, Device(model::Dialect::kCiscoNxos)).empty());
    EXPECT_TRUE(Run(kNoAaa, Device(model::Dialect::kJunos)).empty());
}

}  // namespace
}  // namespace stormwatch::detect::hardening::testing
