// SPDX-License-Identifier: Apache-2.0
// Lines are copied from the shared corpus (napalm-logs, ntc-templates, wazuh ruleset tests;
// see its PROVENANCE.md files) unless marked as written for the test.
#include "stormwatch/logs/syslog_line.h"

#include <gtest/gtest.h>

#include "stormwatch/core/time.h"

namespace stormwatch::logs {
namespace {

constexpr std::int64_t kYear = 2025;

std::string TimeOf(const LogLine& line) {
    return line.time ? FormatRfc3339(*line.time, line.millis) : "none";
}

TEST(SyslogLineTest, Rfc5424) {
    const LogLine line = ParseLogLine(
        "<166>1 2019-02-20T15:10:35.073589+00:00 ss12.00.lab bgpd 83 - -  %ADJCHANGE: neighbor "
        "100.67.0.142(sp01.02.lab) in vrf Default Down Interface down",
        kYear);
    EXPECT_EQ(line.format, LogFormat::kRfc5424);
    EXPECT_EQ(line.priority, 166);
    EXPECT_EQ(TimeOf(line), "2019-02-20T15:10:35.073Z");
    EXPECT_FALSE(line.zone_assumed);
    EXPECT_EQ(line.host, "ss12.00.lab");
    EXPECT_EQ(line.app, "bgpd");
    EXPECT_EQ(line.mnemonic, "ADJCHANGE");
    EXPECT_EQ(line.message.substr(0, 12), " %ADJCHANGE:");
}

TEST(SyslogLineTest, Rfc5424WithStructuredDataAndOffset) {
    // Written for the test (RFC 5424 section 6.5 example 3, moved to 2025).
    const LogLine line = ParseLogLine(
        "<165>1 2025-01-14T05:12:44.12+02:00 mymachine.example.com evntslog - ID47 "
        "[exampleSDID@32473 iut=\"3\" eventSource=\"Appl\\]ication\"] BOMAn application event",
        kYear);
    EXPECT_EQ(TimeOf(line), "2025-01-14T03:12:44.120Z");
    EXPECT_EQ(line.host, "mymachine.example.com");
    EXPECT_EQ(line.app, "evntslog");
    EXPECT_EQ(line.mnemonic, "ID47");
    EXPECT_EQ(line.message, "BOMAn application event");
}

TEST(SyslogLineTest, Rfc5424NilFields) {
    const LogLine line = ParseLogLine("<13>1 - - - - - -", kYear);
    EXPECT_EQ(line.format, LogFormat::kRfc5424);
    EXPECT_FALSE(line.time);
    EXPECT_EQ(line.host, "");
    EXPECT_EQ(line.message, "");
}

TEST(SyslogLineTest, BsdWithPriAndProgram) {
    const LogLine line = ParseLogLine(
        "<13>Dec 14 12:09:00 HOSTNAME Bgp: %BGP-5-ADJCHANGE: peer 192.0.2.2 (VRF default AS "
        "12345) old state OpenConfirm event Established new state Established",
        kYear);
    EXPECT_EQ(line.format, LogFormat::kBsd);
    EXPECT_EQ(TimeOf(line), "2025-12-14T12:09:00Z");
    EXPECT_TRUE(line.year_inferred);
    EXPECT_TRUE(line.zone_assumed);
    EXPECT_EQ(line.host, "HOSTNAME");
    EXPECT_EQ(line.app, "Bgp");
    EXPECT_EQ(line.mnemonic, "BGP-5-ADJCHANGE");
}

TEST(SyslogLineTest, JunosDoubleSpaceAndPid) {
    const LogLine line = ParseLogLine(
        "<28>Jun 21 14:03:12  vmx01 rpd[2902]: RPD_BGP_NEIGHBOR_STATE_CHANGED: BGP peer 1.1.1.1 "
        "(External AS 2222) changed state from OpenConfirm to Established",
        kYear);
    EXPECT_EQ(TimeOf(line), "2025-06-21T14:03:12Z");
    EXPECT_EQ(line.host, "vmx01");
    EXPECT_EQ(line.app, "rpd");
    EXPECT_EQ(line.mnemonic, "RPD_BGP_NEIGHBOR_STATE_CHANGED");
    EXPECT_EQ(line.message.substr(0, 31), "RPD_BGP_NEIGHBOR_STATE_CHANGED:");
}

TEST(SyslogLineTest, BsdWithoutPriAndSingleDigitDay) {
    const LogLine line = ParseLogLine("Jan  2 12:00:05 mx1 sshd[123]: Accepted password", kYear);
    EXPECT_EQ(line.format, LogFormat::kBsd);
    EXPECT_EQ(TimeOf(line), "2025-01-02T12:00:05Z");
    EXPECT_EQ(line.host, "mx1");
    EXPECT_EQ(line.app, "sshd");
    EXPECT_EQ(line.message, "Accepted password");
}

TEST(SyslogLineTest, IosSequenceHostAndZone) {
    const LogLine line = ParseLogLine(
        "<189>1179: NetAuto_CSRv-03: May 31 15:25:53.743 MEST: %LINK-5-CHANGED: Interface "
        "GigabitEthernet2, changed state to administratively down",
        kYear);
    EXPECT_EQ(line.format, LogFormat::kCisco);
    EXPECT_EQ(TimeOf(line), "2025-05-31T13:25:53.743Z");  // MEST = UTC+2
    EXPECT_FALSE(line.zone_assumed);
    EXPECT_EQ(line.host, "NetAuto_CSRv-03");
    EXPECT_EQ(line.mnemonic, "LINK-5-CHANGED");
    EXPECT_EQ(line.app, "LINK-5-CHANGED");
}

TEST(SyslogLineTest, IosBufferLines) {
    LogLine line = ParseLogLine(
        "022701: Jun 19 03:02:31: %LINEPROTO-5-UPDOWN: Line protocol on Interface "
        "GigabitEthernet2/0/3, changed state to down",
        kYear);
    EXPECT_EQ(line.format, LogFormat::kCisco);
    EXPECT_EQ(TimeOf(line), "2025-06-19T03:02:31Z");
    EXPECT_EQ(line.host, "");
    EXPECT_EQ(line.mnemonic, "LINEPROTO-5-UPDOWN");

    line = ParseLogLine(
        "Jan 30 14:11:55.762: %SYS-5-CONFIG_I: Configured from console by cisco on vty0 "
        "(172.16.5.22)",
        kYear);
    EXPECT_EQ(TimeOf(line), "2025-01-30T14:11:55.762Z");
    EXPECT_EQ(line.mnemonic, "SYS-5-CONFIG_I");
    EXPECT_EQ(line.message.substr(0, 16), "%SYS-5-CONFIG_I:");

    line = ParseLogLine(
        "*Sep 14 05:59:54.113: %LINEPROTO-5-UPDOWN: Line protocol on Interface Virtual-PPP2, "
        "changed state to up",
        kYear);
    EXPECT_EQ(line.format, LogFormat::kCisco);
    EXPECT_TRUE(line.clock_unsynced);
    EXPECT_EQ(TimeOf(line), "2025-09-14T05:59:54.113Z");

    line = ParseLogLine(
        "065478: Dec  4 11:01:38.694 EST: %MAB-5-SUCCESS: Authentication successful for client",
        kYear);
    EXPECT_EQ(TimeOf(line), "2025-12-04T16:01:38.694Z");
}

TEST(SyslogLineTest, CiscoZoneWordsAndSyncMarkers) {
    LogLine line = ParseLogLine(
        "3924923: *Oct  6 03:32:04.114 gmt: %SEC-6-IPACCESSLOGP: list bcv_out denied tcp "
        "10.0.3.100(50150) -> 192.168.216.1(443), 1 packet",
        kYear);
    EXPECT_EQ(TimeOf(line), "2025-10-06T03:32:04.114Z");
    EXPECT_FALSE(line.zone_assumed);
    EXPECT_EQ(line.host, "");
    EXPECT_EQ(line.mnemonic, "SEC-6-IPACCESSLOGP");

    line = ParseLogLine("681: Aug 17 17:41:24.776 AEST: %SEC-6-IPACCESSLOGP: list 102 denied tcp",
                        kYear);
    EXPECT_EQ(TimeOf(line), "2025-08-17T07:41:24.776Z");

    // An upper-case zone we do not know is still a zone, read as UTC.
    line = ParseLogLine("12: .Jan 14 03:12:44.123 XYZT: %SYS-5-CONFIG_I: x", kYear);
    EXPECT_TRUE(line.clock_unsynced);
    EXPECT_TRUE(line.zone_assumed);
    EXPECT_EQ(TimeOf(line), "2025-01-14T03:12:44.123Z");
    EXPECT_EQ(line.host, "");

    // A lower-case word that is no zone is the host.
    line = ParseLogLine("3924923: *Oct 6 03:32:04 mng: %SEC-6-IPACCESSLOGP: list 1111", kYear);
    EXPECT_EQ(line.host, "mng");
    EXPECT_EQ(line.mnemonic, "SEC-6-IPACCESSLOGP");
}

TEST(SyslogLineTest, CiscoUptimeHasNoTime) {
    LogLine line = ParseLogLine(
        "00:00:46: %LINK-3-UPDOWN: Interface Port-channel1, changed state to up", kYear);
    EXPECT_EQ(line.format, LogFormat::kCisco);
    EXPECT_FALSE(line.time);
    EXPECT_EQ(line.mnemonic, "LINK-3-UPDOWN");
    line = ParseLogLine("000123: 1d02h: %SYS-5-CONFIG_I: Configured from console", kYear);
    EXPECT_EQ(line.format, LogFormat::kCisco);
    EXPECT_FALSE(line.time);
    EXPECT_EQ(line.mnemonic, "SYS-5-CONFIG_I");
}

TEST(SyslogLineTest, IosXrLocationBeforeStamp) {
    LogLine line = ParseLogLine(
        "<149>2647599: vmx01 RP/0/RSP1/CPU0:Mar 28 15:08:30.941 UTC: bgp[1051]: "
        "%ROUTING-BGP-5-MAXPFX : No. of IPv4 Unicast prefixes received from 1.2.3.4 has reached "
        "94106, max 125000",
        kYear);
    EXPECT_EQ(line.format, LogFormat::kCisco);
    EXPECT_EQ(TimeOf(line), "2025-03-28T15:08:30.941Z");
    EXPECT_EQ(line.host, "vmx01");
    EXPECT_EQ(line.app, "bgp");
    EXPECT_EQ(line.mnemonic, "ROUTING-BGP-5-MAXPFX");

    line = ParseLogLine(
        "<187>94307: gw2.acy1 LC/0/2/CPU0:Jul  7 20:16:14.834 : ifmgr[214]: "
        "%PKT_INFRA-LINK-3-UPDOWN : Interface TenGigE0/2/0/4, changed state to Down",
        kYear);
    EXPECT_EQ(TimeOf(line), "2025-07-07T20:16:14.834Z");
    EXPECT_EQ(line.host, "gw2.acy1");
    EXPECT_EQ(line.app, "ifmgr");
    EXPECT_EQ(line.mnemonic, "PKT_INFRA-LINK-3-UPDOWN");
}

TEST(SyslogLineTest, AsaWithYearWithAndWithoutHost) {
    LogLine line = ParseLogLine(
        "Aug 15 2019 13:44:38: %ASA-6-305011: Built dynamic UDP translation from "
        "inside:192.168.1.5/56739 to outside:56.22.114.12/56739",
        kYear);
    EXPECT_EQ(line.format, LogFormat::kCisco);
    EXPECT_EQ(TimeOf(line), "2019-08-15T13:44:38Z");
    EXPECT_FALSE(line.year_inferred);
    EXPECT_EQ(line.host, "");
    EXPECT_EQ(line.mnemonic, "ASA-6-305011");

    line = ParseLogLine(
        "Mar 09 2017 10:25:04 MDF-ASA5515X : %ASA-6-305012: Teardown dynamic TCP translation",
        kYear);
    EXPECT_EQ(TimeOf(line), "2017-03-09T10:25:04Z");
    EXPECT_EQ(line.host, "MDF-ASA5515X");
    EXPECT_EQ(line.mnemonic, "ASA-6-305012");

    line = ParseLogLine("%ASA-2-106006: Deny inbound UDP from 185.158.113.158/53306", kYear);
    EXPECT_EQ(line.format, LogFormat::kCisco);
    EXPECT_FALSE(line.time);
    EXPECT_EQ(line.mnemonic, "ASA-2-106006");
}

TEST(SyslogLineTest, NxosYearFirst) {
    const LogLine line = ParseLogLine(
        "<190>2018 Apr 20 13:15:07 nexus-switch %ETH_PORT_CHANNEL-5-PORT_INDIVIDUAL_DOWN: "
        "individual port Ethernet1/33 is down",
        kYear);
    EXPECT_EQ(line.format, LogFormat::kNxos);
    EXPECT_EQ(TimeOf(line), "2018-04-20T13:15:07Z");
    EXPECT_EQ(line.host, "nexus-switch");
    EXPECT_EQ(line.mnemonic, "ETH_PORT_CHANNEL-5-PORT_INDIVIDUAL_DOWN");
}

TEST(SyslogLineTest, IsoPrefixes) {
    LogLine line = ParseLogLine(
        "<13>2020-03-31T08:41:59+00:00 some-switch Bgp: %BGP-5-ADJCHANGE: peer 192.0.2.2", kYear);
    EXPECT_EQ(line.format, LogFormat::kIso);
    EXPECT_EQ(TimeOf(line), "2020-03-31T08:41:59Z");
    EXPECT_EQ(line.host, "some-switch");
    EXPECT_EQ(line.app, "Bgp");

    line = ParseLogLine("2025-01-14 03:12:44 core1 sshd[9]: Failed password", kYear);
    EXPECT_EQ(TimeOf(line), "2025-01-14T03:12:44Z");
    EXPECT_TRUE(line.zone_assumed);
    EXPECT_EQ(line.host, "core1");

    // Huawei: single-digit month and a two-group fraction.
    line = ParseLogLine(
        "<29>2018-7-23 01:00:34.270.1 my-awesome-huawei-switch "
        "%%01IFNET/4/IF_STATE(l)[4997]:Interface Ethernet0/0/8 has turned into DOWN state.",
        kYear);
    EXPECT_EQ(TimeOf(line), "2018-07-23T01:00:34.270Z");
    EXPECT_EQ(line.host, "my-awesome-huawei-switch");
}

TEST(SyslogLineTest, RelayedIosKeepsRelayHost) {
    const LogLine line = ParseLogLine(
        "Sep  1 10:25:29 10.10.10.1 %IPS-4-SIGNATURE: Sig:3051 Subsig:1 Sev:4 TCP Connection "
        "Window Size DoS [192.168.100.11:51654 -> 10.10.10.10:4444]",
        kYear);
    EXPECT_EQ(line.host, "10.10.10.1");
    EXPECT_EQ(line.mnemonic, "IPS-4-SIGNATURE");
}

TEST(SyslogLineTest, LinesWithoutHeader) {
    for (std::string_view text :
         {"Syslog logging: enabled (0 messages dropped, 34 messages rate-limited)",
          "hostname pe1-fra", " ip address 192.0.2.1 255.255.255.0", "!", "",
          "interface GigabitEthernet0/0", "set system host-name mx1",
          "date=2019-04-04 time=09:19:21 devname=fw01", "12:00:00 is noon", "<999>x", "<", "Jan",
          "Jan 14", "Jan 14 25:00:00 host x", "2025-13-01T00:00:00Z host"}) {
        const LogLine line = ParseLogLine(text, kYear);
        EXPECT_FALSE(line.has_header()) << text;
        EXPECT_FALSE(line.time) << text;
        EXPECT_EQ(line.message, text);
    }
}

TEST(SyslogLineTest, InvalidDateKeepsHeaderWithoutTime) {
    // Feb 30 has the shape of a timestamp but no instant: header yes, time no.
    const LogLine line = ParseLogLine("Feb 30 03:12:44 host app: x", kYear);
    EXPECT_TRUE(line.has_header());
    EXPECT_FALSE(line.time);
    EXPECT_EQ(line.host, "host");
}

TEST(SyslogLineTest, DefaultYearIsUsedOnlyWithoutYear) {
    EXPECT_EQ(TimeOf(ParseLogLine("Jan 14 03:12:44 h a: m", 2021)), "2021-01-14T03:12:44Z");
    EXPECT_EQ(TimeOf(ParseLogLine("Jan 14 2024 03:12:44: %ASA-1-1: m", 2021)),
              "2024-01-14T03:12:44Z");
}

TEST(SyslogLineTest, TruncatedHeadersNeverReadPastTheLine) {
    const std::string full =
        "<166>1 2019-02-20T15:10:35.073589+00:00 ss12.00.lab bgpd 83 - [a b=\"c\\]\"] msg";
    for (std::size_t n = 0; n <= full.size(); ++n) {
        const std::string cut = full.substr(0, n);  // own buffer: ASan sees overreads
        const LogLine line = ParseLogLine(cut, kYear);
        EXPECT_LE(line.message.size(), cut.size());
    }
    const std::string ios = "<189>1179: NetAuto: May 31 15:25:53.743 MEST: %LINK-5-CHANGED: x";
    for (std::size_t n = 0; n <= ios.size(); ++n) {
        const std::string cut = ios.substr(0, n);
        const LogLine line = ParseLogLine(cut, kYear);
        EXPECT_LE(line.message.size(), cut.size());
    }
}

}  // namespace
}  // namespace stormwatch::logs
