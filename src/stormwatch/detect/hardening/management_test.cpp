// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/detect/hardening/test_support.h"

namespace stormwatch::detect::hardening::testing {
namespace {

constexpr std::string_view kHttp = "SW-CFG-HARD-HTTP-SERVER";
constexpr std::string_view kTelnet = "SW-CFG-HARD-TELNET";
constexpr std::string_view kVtyNoAcl = "SW-CFG-HARD-VTY-NO-ACL";
constexpr std::string_view kTransportOutput = "SW-CFG-HARD-VTY-TRANSPORT-OUTPUT";
constexpr std::string_view kExecTimeout = "SW-CFG-HARD-EXEC-TIMEOUT";
constexpr std::string_view kSshV1 = "SW-CFG-HARD-SSH-V1";
constexpr std::string_view kWeakCrypto = "SW-CFG-HARD-WEAK-CRYPTO";

model::Service Service(std::string name, bool enabled, std::uint32_t line, std::string text,
                       int port = 0) {
    model::Service service;
    service.name = std::move(name);
    service.enabled = enabled;
    service.port = port;
    service.ref = Ref(line, std::move(text));
    return service;
}

// `line vty 0 4` at `line`, with `transport input <inputs>` on the next line when given.
model::VtyLine Vty(std::uint32_t line, std::vector<std::string> inputs) {
    model::VtyLine vty;
    vty.range = "vty 0 4";
    vty.ref = Ref(line, "line vty 0 4");
    if (!inputs.empty()) {
        std::string text = "transport input";
        for (const std::string& input : inputs) {
            text += " " + input;
        }
        vty.transport_input_ref = Ref(line + 1, text);
        vty.transport_input = std::move(inputs);
    }
    return vty;
}

// A vty line that passes every lock-down check.
model::VtyLine LockedVty(std::uint32_t line) {
    model::VtyLine vty = Vty(line, {"ssh"});
    vty.transport_output_none = true;
    vty.access_class_in = "MGMT";
    vty.access_class_ref = Ref(line + 2, "access-class MGMT in");
    vty.exec_timeout_seconds = 600;
    vty.exec_timeout_ref = Ref(line + 3, "exec-timeout 10 0");
    return vty;
}

model::AclUse Use(std::string acl, std::string where, std::uint32_t line, std::string text) {
    return model::AclUse{
        .acl = std::move(acl), .where = std::move(where), .ref = Ref(line, std::move(text))};
}

using ManagementTest = HardeningTest;

TEST_F(ManagementTest, HttpServersWithoutAccessClassFire) {
    model::DeviceModel model = Device(model::Dialect::kCiscoIos);
    model.services.push_back(Service("http", true, 60, "ip http port 8080", 8080));
    model.services.push_back(Service("http", true, 61, "ip http server"));
    model.services.push_back(Service("https", true, 62, "ip http secure-server"));
    EXPECT_EQ(Run(kHttp, model),
              (std::vector<Hit>{{Severity::kMedium, 61, "ip http server"},
                                {Severity::kMedium, 62, "ip http secure-server"}}));

    model.acl_uses.push_back(Use("MGMT", "http", 63, "ip http access-class ipv4 MGMT"));
    EXPECT_TRUE(Run(kHttp, model).empty());
}

TEST_F(ManagementTest, DisabledHttpServerDoesNotFire) {
    model::DeviceModel model = Device(model::Dialect::kCiscoIos);
    model.services.push_back(Service("http", false, 61, "no ip http server"));
    model.services.push_back(Service("https", false, 62, "no ip http secure-server"));
    EXPECT_TRUE(Run(kHttp, model).empty());
}

TEST_F(ManagementTest, TelnetOnVtyAndAsServiceFires) {
    model::DeviceModel model = Device(model::Dialect::kCiscoIos);
    model.lines.push_back(Vty(70, {"telnet", "ssh"}));
    model.lines.push_back(Vty(80, {"all"}));
    model.lines.back().range = "vty 5 15";
    // The same vty line recorded as a service by the parser: reported once.
    model.services.push_back(Service("telnet", true, 71, "transport input telnet ssh"));
    EXPECT_EQ(Run(kTelnet, model),
              (std::vector<Hit>{{Severity::kHigh, 71, "transport input telnet ssh"},
                                {Severity::kHigh, 81, "transport input all"}}));

    model::DeviceModel junos = Device(model::Dialect::kJunosSet);
    junos.services.push_back(Service("telnet", true, 5, "set system services telnet"));
    EXPECT_EQ(Run(kTelnet, junos),
              (std::vector<Hit>{{Severity::kHigh, 5, "set system services telnet"}}));

    model::DeviceModel nxos = Device(model::Dialect::kCiscoNxos);
    nxos.services.push_back(Service("telnet", true, 5, "feature telnet"));
    EXPECT_EQ(Run(kTelnet, nxos), (std::vector<Hit>{{Severity::kHigh, 5, "feature telnet"}}));
}

TEST_F(ManagementTest, SshOnlyVtyAndDisabledTelnetDoNotFire) {
    model::DeviceModel model = Device(model::Dialect::kCiscoIos);
    model.device.version = "12.4";
    model.lines.push_back(Vty(70, {"ssh"}));
    model.lines.push_back(Vty(80, {"none"}));
    model.services.push_back(Service("telnet", false, 5, "no feature telnet"));
    EXPECT_TRUE(Run(kTelnet, model).empty());
}

TEST_F(ManagementTest, VtyWithoutTransportInputIsLowTelnetOnlyBeforeIos15) {
    model::DeviceModel model = Device(model::Dialect::kCiscoIos);
    model.lines.push_back(Vty(70, {}));
    model::VtyLine console;
    console.range = "console 0";
    console.ref = Ref(90, "line con 0");
    model.lines.push_back(console);

    model.device.version = "12.4";
    EXPECT_EQ(Run(kTelnet, model), (std::vector<Hit>{{Severity::kLow, 70, "line vty 0 4"}}));

    model.device.version = "15.2";
    EXPECT_TRUE(Run(kTelnet, model).empty());
    model.device.version = "";  // unknown: stay quiet
    EXPECT_TRUE(Run(kTelnet, model).empty());
    model.device.version = "12.4";
    model.device.ios_xe = true;
    EXPECT_TRUE(Run(kTelnet, model).empty());
}

TEST_F(ManagementTest, VtyWithoutAccessClassFires) {
    model::DeviceModel model = Device(model::Dialect::kCiscoIos);
    model.lines.push_back(LockedVty(70));
    model.lines.push_back(Vty(80, {"ssh"}));
    model.lines.back().range = "vty 5 15";
    model.lines.back().ref = Ref(80, "line vty 5 15");
    model.lines.push_back(Vty(90, {"none"}));  // accepts no session: nothing to guard
    model::VtyLine console;
    console.range = "console 0";
    console.ref = Ref(95, "line con 0");
    model.lines.push_back(console);
    EXPECT_EQ(Run(kVtyNoAcl, model), (std::vector<Hit>{{Severity::kMedium, 80, "line vty 5 15"}}));
}

TEST_F(ManagementTest, IosXrManagementPlaneRestrictionCountsAsVtyAcl) {
    model::DeviceModel model = Device(model::Dialect::kCiscoIosXr);
    model::VtyLine line;
    line.range = "default";
    line.ref = Ref(70, "line default");
    model.lines.push_back(line);
    EXPECT_EQ(Run(kVtyNoAcl, model), (std::vector<Hit>{{Severity::kMedium, 70, "line default"}}));

    model.acl_uses.push_back(
        Use("MGMT", "management-plane", 75, "allow SSH peer address ipv4 192.0.2.0/24"));
    EXPECT_TRUE(Run(kVtyNoAcl, model).empty());
}

TEST_F(ManagementTest, JunosNeedsAnInputFilterOnLo0) {
    model::DeviceModel model = Device(model::Dialect::kJunos);
    EXPECT_EQ(Run(kVtyNoAcl, model),
              (std::vector<Hit>{{Severity::kMedium, 1, "missing: input firewall filter on lo0"}}));

    model::Interface lo0;
    lo0.name = "lo0.0";
    lo0.ref = Ref(30, "set interfaces lo0 unit 0");
    lo0.acls.push_back(
        {.acl = "PROTECT-RE",
         .direction = "in",
         .ref = Ref(31, "set interfaces lo0 unit 0 family inet filter input PROTECT-RE")});
    model.interfaces.push_back(lo0);
    EXPECT_TRUE(Run(kVtyNoAcl, model).empty());
}

TEST_F(ManagementTest, TransportOutputNoneIsRequiredOnIosVtyOnly) {
    model::DeviceModel model = Device(model::Dialect::kCiscoIos);
    model.lines.push_back(LockedVty(70));
    model.lines.push_back(Vty(80, {"ssh"}));
    EXPECT_EQ(Run(kTransportOutput, model),
              (std::vector<Hit>{{Severity::kLow, 80, "line vty 0 4"}}));

    model::DeviceModel nxos = Device(model::Dialect::kCiscoNxos);
    nxos.lines.push_back(Vty(80, {}));
    EXPECT_TRUE(Run(kTransportOutput, nxos).empty());
}

TEST_F(ManagementTest, ExecTimeoutNeverOrTooLongFires) {
    model::DeviceModel model = Device(model::Dialect::kCiscoIos);
    model.lines.push_back(LockedVty(70));  // 10 minutes
    model::VtyLine never = Vty(80, {"ssh"});
    never.exec_timeout_seconds = 0;
    never.exec_timeout_ref = Ref(82, "exec-timeout 0 0");
    model.lines.push_back(never);
    model::VtyLine console;
    console.range = "console 0";
    console.ref = Ref(90, "line con 0");
    console.exec_timeout_seconds = 30 * 60;
    console.exec_timeout_ref = Ref(91, "exec-timeout 30 0");
    model.lines.push_back(console);
    model::VtyLine limit = Vty(95, {"ssh"});
    limit.exec_timeout_seconds = 15 * 60;
    limit.exec_timeout_ref = Ref(96, "exec-timeout 15 0");
    model.lines.push_back(limit);
    model.lines.push_back(Vty(100, {"ssh"}));  // not written: platform default
    EXPECT_EQ(Run(kExecTimeout, model),
              (std::vector<Hit>{{Severity::kLow, 82, "exec-timeout 0 0"},
                                {Severity::kLow, 91, "exec-timeout 30 0"}}));
}

TEST_F(ManagementTest, SshVersionOneFires) {
    model::DeviceModel model = Device(model::Dialect::kJunos);
    model.ssh.version = 1;
    model.ssh.version_ref = Ref(12, "set system services ssh protocol-version v1");
    EXPECT_EQ(
        Run(kSshV1, model),
        (std::vector<Hit>{{Severity::kMedium, 12, "set system services ssh protocol-version v1"}}));

    model.ssh.version = 2;
    model.ssh.version_ref = Ref(12, "set system services ssh protocol-version v2");
    EXPECT_TRUE(Run(kSshV1, model).empty());
}

TEST_F(ManagementTest, IosWithSshButNoVersionPinIsLow) {
    model::DeviceModel model = Device(model::Dialect::kCiscoIos);
    model.lines.push_back(Vty(70, {"ssh"}));
    EXPECT_EQ(Run(kSshV1, model),
              (std::vector<Hit>{{Severity::kLow, 1, "missing: ip ssh version 2"}}));

    model.ssh.version = 2;
    model.ssh.version_ref = Ref(8, "ip ssh version 2");
    EXPECT_TRUE(Run(kSshV1, model).empty());

    // No SSH reachable: nothing to pin. Other dialects default to v2 only.
    model::DeviceModel no_ssh = Device(model::Dialect::kCiscoIos);
    no_ssh.lines.push_back(Vty(70, {"none"}));
    EXPECT_TRUE(Run(kSshV1, no_ssh).empty());
    model::DeviceModel nxos = Device(model::Dialect::kCiscoNxos);
    nxos.lines.push_back(Vty(70, {"ssh"}));
    EXPECT_TRUE(Run(kSshV1, nxos).empty());
}

TEST_F(ManagementTest, WeakAlgorithmLinesFire) {
    model::DeviceModel model = Device(model::Dialect::kCiscoIos);
    EXPECT_TRUE(Run(kWeakCrypto, model).empty());
    model.ssh.weak_algorithms.push_back(Ref(9, "ip ssh server algorithm encryption 3des-cbc"));
    model.ssh.weak_algorithms.push_back(Ref(10, "ip ssh server algorithm mac hmac-sha1"));
    EXPECT_EQ(
        Run(kWeakCrypto, model),
        (std::vector<Hit>{{Severity::kMedium, 9, "ip ssh server algorithm encryption 3des-cbc"},
                          {Severity::kMedium, 10, "ip ssh server algorithm mac hmac-sha1"}}));
}

}  // namespace
}  // namespace stormwatch::detect::hardening::testing
