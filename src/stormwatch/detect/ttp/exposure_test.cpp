// SPDX-License-Identifier: Apache-2.0
// Exploit surface, containers, captures, TFTP server exposure and the SSH loopback source.

#include <gtest/gtest.h>

#include "stormwatch/detect/ttp/ttp_test_util.h"

namespace stormwatch::detect::ttp {
namespace {

using testing::Env;
using testing::Host;
using testing::Ref;
using testing::RunRule;
using Lines = std::vector<std::string>;

TEST(TtpContainerTest, EveryContainerFires) {
    Env env;
    model::DeviceModel model;
    EXPECT_EQ(RunRule("SW-CFG-CONTAINER", model, env), Lines{});
    model.containers = {{.kind = "iox", .name = "", .ref = Ref(4, "iox")},
                        {.kind = "app-hosting",
                         .name = "guestshell",
                         .ref = Ref(5, "app-hosting appid guestshell")}};
    EXPECT_EQ(RunRule("SW-CFG-CONTAINER", model, env),
              (Lines{"SW-CFG-CONTAINER high 4 iox",
                     "SW-CFG-CONTAINER high 5 app-hosting appid guestshell"}));
}

TEST(TtpCaptureTest, CapturesAndAaaCaptures) {
    Env env;
    model::DeviceModel model;
    model::PacketCapture plain;
    plain.name = "mycap";
    plain.tool = "epc";
    plain.ref = Ref(1, "monitor capture mycap interface Gi1 both");
    plain.lines = {plain.ref};
    model::PacketCapture tacacs;
    tacacs.name = "TAC";
    tacacs.tool = "epc";
    tacacs.ref = Ref(3, "monitor capture TAC interface Gi2 both");
    tacacs.lines = {tacacs.ref, Ref(4, "monitor capture TAC match ipv4 protocol tcp any any eq 49"),
                    Ref(5, "monitor capture TAC export flash:tac.pcap")};
    tacacs.targets_aaa = true;
    tacacs.file = "flash:tac.pcap";
    model.captures = {plain, tacacs};
    EXPECT_EQ(RunRule("SW-CFG-CAPTURE", model, env),
              (Lines{"SW-CFG-CAPTURE high 1 monitor capture mycap interface Gi1 both",
                     "SW-CFG-CAPTURE high 3 monitor capture TAC interface Gi2 both"}));
    EXPECT_EQ(RunRule("SW-CFG-CAPTURE-AAA", model, env),
              (Lines{"SW-CFG-CAPTURE-AAA critical 4 monitor capture TAC match ipv4 protocol tcp "
                     "any any eq 49"}));
    // Without a line naming the port the definition line is the evidence.
    model.captures[1].lines = {tacacs.ref};
    EXPECT_EQ(RunRule("SW-CFG-CAPTURE-AAA", model, env),
              (Lines{"SW-CFG-CAPTURE-AAA critical 3 monitor capture TAC interface Gi2 both"}));
}

model::Service Svc(std::string name, std::uint32_t line, std::string text, bool enabled = true,
                   std::string detail = {}) {
    return model::Service{.name = std::move(name),
                          .enabled = enabled,
                          .port = 0,
                          .ref = Ref(line, std::move(text)),
                          .detail = std::move(detail)};
}

TEST(TtpExposureTest, WebUiOnIosXeOnlyCriticalWithoutAccessClass) {
    Env env;
    model::DeviceModel model;
    model.dialect = model::Dialect::kCiscoIos;
    model.services = {Svc("http", 1, "ip http server"),
                      Svc("https", 2, "no ip http secure-server", false),
                      Svc("ssh", 3, "ip ssh version 2")};
    EXPECT_EQ(RunRule("SW-CFG-WEBUI-EXPOSED", model, env), Lines{});  // classic IOS
    model.device.ios_xe = true;
    EXPECT_EQ(RunRule("SW-CFG-WEBUI-EXPOSED", model, env),
              (Lines{"SW-CFG-WEBUI-EXPOSED critical 1 ip http server"}));
    model.acl_uses.push_back(
        {.acl = "MGMT", .where = "http", .ref = Ref(9, "ip http access-class MGMT")});
    EXPECT_EQ(RunRule("SW-CFG-WEBUI-EXPOSED", model, env),
              (Lines{"SW-CFG-WEBUI-EXPOSED high 1 ip http server"}));
}

TEST(TtpExposureTest, SmartInstall) {
    Env env;
    model::DeviceModel model;
    model.dialect = model::Dialect::kCiscoIos;
    EXPECT_EQ(RunRule("SW-CFG-SMART-INSTALL", model, env), Lines{});  // a router
    model.device.is_switch = true;
    EXPECT_EQ(RunRule("SW-CFG-SMART-INSTALL", model, env),
              (Lines{"SW-CFG-SMART-INSTALL high 0 no 'no vstack' line: Smart Install client on by "
                     "default"}));
    model.smart_install_disabled = Ref(30, "no vstack");
    EXPECT_EQ(RunRule("SW-CFG-SMART-INSTALL", model, env), Lines{});
    model.smart_install_enabled = Ref(31, "vstack");
    EXPECT_EQ(RunRule("SW-CFG-SMART-INSTALL", model, env),
              (Lines{"SW-CFG-SMART-INSTALL high 31 vstack"}));
    model::DeviceModel nxos;
    nxos.dialect = model::Dialect::kCiscoNxos;
    nxos.device.is_switch = true;
    EXPECT_EQ(RunRule("SW-CFG-SMART-INSTALL", nxos, env), Lines{});
}

std::vector<std::string> VersionFindings(std::string_view version, bool ios_xe = true) {
    Env env;
    model::DeviceModel model;
    model.dialect = model::Dialect::kCiscoIos;
    model.device.ios_xe = ios_xe;
    model.device.version = std::string(version);
    model.device.version_ref = Ref(2, "version " + std::string(version));
    std::vector<std::string> out;
    for (const Finding& finding : testing::RunRaw("SW-CFG-VERSION-VULNERABLE", model, env)) {
        out.push_back(std::string(SeverityName(finding.severity)) + " " + finding.title);
    }
    return out;
}

TEST(TtpExposureTest, VersionAgainstFixedReleases) {
    const std::string cve = "CVE-2023-20198/CVE-2023-20273";
    EXPECT_EQ(VersionFindings("17.7"),
              (Lines{"critical IOS XE 17.7: no fixed release in this train for " + cve}));
    EXPECT_EQ(VersionFindings("16.9"),
              (Lines{"critical IOS XE 16.9: no fixed release in this train for " + cve}));
    EXPECT_EQ(VersionFindings("17.9"),
              (Lines{"medium IOS XE 17.9: verify the release is at least 17.9.4a (" + cve + ")"}));
    EXPECT_EQ(VersionFindings("17.09.03"),
              (Lines{"critical IOS XE release below 17.9.4a, vulnerable to " + cve}));
    EXPECT_EQ(VersionFindings("17.9.4"),
              (Lines{"critical IOS XE release below 17.9.4a, vulnerable to " + cve}));
    EXPECT_EQ(VersionFindings("16.12.9"),
              (Lines{"critical IOS XE release below 16.12.10a, vulnerable to " + cve}));
    EXPECT_EQ(VersionFindings("17.9.4a"), Lines{});
    EXPECT_EQ(VersionFindings("17.06.06a"), Lines{});
    EXPECT_EQ(VersionFindings("17.3.9"), Lines{});
    EXPECT_EQ(VersionFindings("17.10"), Lines{});
    EXPECT_EQ(VersionFindings("17.12.1"), Lines{});
    EXPECT_EQ(VersionFindings("garbage"), Lines{});
    EXPECT_EQ(VersionFindings(""), Lines{});
    EXPECT_EQ(VersionFindings("15.2", false), Lines{});  // classic IOS: not this CVE
}

TEST(TtpExfilTest, TftpServerExposure) {
    Env env;
    model::DeviceModel model;
    model.services = {
        Svc("tftp-server", 1, "tftp-server nvram:startup-config", true, "nvram:startup-config"),
        Svc("tftp-server", 2, "tftp-server bootflash:", true, "bootflash:"),
        Svc("tftp-server", 3, "tftp-server flash:c2960-lanbase.bin", true,
            "flash:c2960-lanbase.bin"),
        Svc("tftp-server", 4, "no tftp-server flash:x", false, "flash:x"),
        Svc("ftp-server", 5, "ftp-server enable", true)};
    // A single image (line 3) is SW-CFG-HARD-UNUSED-SERVICE's, not an exposure of device data.
    EXPECT_EQ(RunRule("SW-CFG-EXFIL-TFTP-SERVER", model, env),
              (Lines{"SW-CFG-EXFIL-TFTP-SERVER high 1 tftp-server nvram:startup-config",
                     "SW-CFG-EXFIL-TFTP-SERVER high 2 tftp-server bootflash:"}));
}

TEST(TtpRouteTest, SshSourcedFromLoopback) {
    Env env;
    model::DeviceModel model;
    EXPECT_EQ(RunRule("SW-CFG-SSH-LOOPBACK-SOURCE", model, env), Lines{});
    model.ssh.source_interface =
        Host("GigabitEthernet0/0", 7, "ip ssh source-interface GigabitEthernet0/0");
    EXPECT_EQ(RunRule("SW-CFG-SSH-LOOPBACK-SOURCE", model, env), Lines{});
    model.ssh.source_interface = Host("Loopback5", 7, "ip ssh source-interface Loopback5");
    EXPECT_EQ(RunRule("SW-CFG-SSH-LOOPBACK-SOURCE", model, env),
              (Lines{"SW-CFG-SSH-LOOPBACK-SOURCE low 7 ip ssh source-interface Loopback5"}));
}

}  // namespace
}  // namespace stormwatch::detect::ttp
