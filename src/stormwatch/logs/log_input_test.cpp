// SPDX-License-Identifier: Apache-2.0
// engine/log_input: the log path of the hunt, over a small indicator set.
#include "stormwatch/engine/log_input.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "stormwatch/intel/indicator_set.h"

namespace stormwatch::engine::detail {
namespace {

intel::TextMatcher Matcher() {
    intel::IndicatorSetBuilder builder;
    intel::Indicator windowed;
    windowed.value = "45.61.133.77";
    windowed.type = intel::IndicatorType::kIpv4;
    windowed.source = "AA25-239A";
    windowed.actor = "Salt Typhoon";
    windowed.valid_from = 1627776000;   // 2021-08-01T00:00:00Z
    windowed.valid_until = 1751327999;  // 2025-06-30T23:59:59Z
    EXPECT_TRUE(builder.Add(windowed));
    EXPECT_TRUE(builder.Add("evil.example", "domain", "test", "high", ""));
    EXPECT_TRUE(builder.Add("cisco_tac_admin", "account", "test", "high", ""));
    return intel::TextMatcher(builder.Build());
}

struct HuntRun {
    output::InputSummary input;
    std::vector<Finding> findings;
};

HuntRun Hunt(std::string_view data, std::int64_t default_year = 2025, unsigned threads = 1,
             std::optional<std::int64_t> written = std::nullopt) {
    HuntRun run;
    run.input.path = "logs/edge-7.log";
    HuntLogInput(data, Matcher(), default_year, written, threads, run.input, run.findings);
    return run;
}

TEST(LogInputTest, FindingCarriesLineHostTimeAndIndicator) {
    const HuntRun run = Hunt(
        "<189>2231: pe1-fra: Jan 14 2025 03:12:44.123 UTC: %SEC_LOGIN-5-LOGIN_SUCCESS: Login "
        "Success [user: netops] [Source: 45.61.133.77] [localport: 22]\n");
    ASSERT_EQ(run.findings.size(), 1U);
    const Finding& f = run.findings[0];
    EXPECT_EQ(f.rule_id, "SW-LOG-IOC");
    EXPECT_EQ(f.category, "ioc.match");
    EXPECT_EQ(f.severity, Severity::kHigh);
    EXPECT_EQ(f.source_kind, SourceKind::kLog);
    EXPECT_EQ(f.path, "logs/edge-7.log");
    EXPECT_EQ(f.line, 1U);
    EXPECT_EQ(f.device, "pe1-fra");
    EXPECT_EQ(f.time, "2025-01-14T03:12:44.123Z");
    EXPECT_EQ(f.attack, std::vector<std::string>{"T1071"});
    ASSERT_TRUE(f.indicator);
    EXPECT_EQ(f.indicator->value, "45.61.133.77");
    EXPECT_EQ(f.indicator->valid_from, "2021-08-01T00:00:00Z");
    EXPECT_EQ(f.indicator->valid_until, "2025-06-30T23:59:59Z");
    EXPECT_EQ(run.input.kind, "log");
    EXPECT_EQ(run.input.device, "pe1-fra");
}

TEST(LogInputTest, OutsideTheWindowIsOneStepLower) {
    const HuntRun run = Hunt(
        "2025 Sep 02 10:00:00 n9k %DAEMON-3-SYSTEM_MSG: from 45.61.133.77\n"
        "2020 Sep 02 10:00:00 n9k %DAEMON-3-SYSTEM_MSG: from 45.61.133.77\n");
    ASSERT_EQ(run.findings.size(), 2U);
    EXPECT_EQ(run.findings[0].severity, Severity::kMedium);
    EXPECT_EQ(run.findings[1].severity, Severity::kMedium);
    EXPECT_NE(run.findings[0].title.find("validity window"), std::string::npos);
}

TEST(LogInputTest, YearComesFromTheLastLineThatHadOne) {
    // The BSD line has no year: 2024 from the line above, not the default 2025, so it falls
    // inside the window.
    const HuntRun run = Hunt(
        "<38>1 2024-12-31T23:59:00Z mx1 sshd - - - hello\n"
        "<38>Mar  3 08:16:21 mx1 sshd[1]: Accepted publickey for root from 45.61.133.77\n",
        2030);
    ASSERT_EQ(run.findings.size(), 1U);
    EXPECT_EQ(run.findings[0].time, "2024-03-03T08:16:21Z");
    EXPECT_EQ(run.findings[0].severity, Severity::kHigh);
}

TEST(LogInputTest, EveryLineIsAccountedFor) {
    std::string data = "Jan 14 03:12:44 r1 a: one 45.61.133.77\n\n";
    data += std::string(64 * 1024 + 1, 'x') + " 45.61.133.77\n";
    data += "no header at all, evil.example and 45.61.133.77 and 45.61.133.77 again\r\n";
    data += "Feb 30 03:12:44 r1 a: impossible date, still hunted: sub.evil.example";
    const HuntRun run = Hunt(data);
    const InputStats& stats = run.input.stats;
    EXPECT_EQ(stats.read(), 5U);
    EXPECT_EQ(stats.processed(), 4U);
    EXPECT_EQ(stats.rejected(), 1U);
    EXPECT_EQ(stats.RejectedFor(RejectReason::kOversizedLine), 1U);
    ASSERT_EQ(stats.kept().size(), 1U);
    EXPECT_EQ(stats.kept()[0].line, 3U);
    // Line 1: one; line 4: the domain and the address once each; line 5: parent domain.
    ASSERT_EQ(run.findings.size(), 4U);
    EXPECT_EQ(run.findings[1].line, 4U);
    EXPECT_EQ(run.findings[1].device, "edge-7") << "no host: the file's stem";
    EXPECT_FALSE(run.findings[1].time);
    EXPECT_EQ(run.findings[3].line, 5U);
    EXPECT_FALSE(run.findings[3].time);
    EXPECT_EQ(run.findings[3].device, "r1");
}

TEST(LogInputTest, AccountNamesInLoginLines) {
    const HuntRun run = Hunt(
        "Jan 14 03:16:02 pe1 1: %SEC_LOGIN-5-LOGIN_SUCCESS: Login Success [user: cisco_tac_admin]\n"
        "Jan 14 03:16:03 pe1 sshd[1]: Failed password for invalid user cisco_tac_admin from x\n"
        "Jan 14 03:16:04 pe1 a: the word cisco_tac_admin in free text is not a login\n");
    ASSERT_EQ(run.findings.size(), 2U);
    EXPECT_EQ(run.findings[0].indicator->type, "account");
    EXPECT_EQ(run.findings[1].line, 2U);
}

TEST(LogInputTest, EveryAccountKeyIsFound) {
    const std::string keys[] = {"[user: ",       "User '",        "user '",         "for user ",
                                "invalid user ", "password for ", "publickey for ", "user="};
    std::string data;
    for (const std::string& key : keys) {
        data += "Jan 14 03:16:02 pe1 a: x" + key + "cisco_tac_admin' and " + key + "cisco_tac\n";
    }
    data += "Jan 14 03:16:02 pe1 a: user=cisco_tac_admin [Source: 45.61.133.77]\n";
    const HuntRun run = Hunt(data);
    ASSERT_EQ(run.findings.size(), 10U) << "one per key line, two on the last";
    for (std::size_t i = 0; i < 8; ++i) {
        EXPECT_EQ(run.findings[i].line, i + 1);
        EXPECT_EQ(run.findings[i].indicator->value, "cisco_tac_admin");
    }
    EXPECT_EQ(run.findings[8].line, 9U);
    EXPECT_EQ(run.findings[9].line, 9U);
}

TEST(LogInputTest, LinesAcrossScanChunksKeepTheirNumbersAndYear) {
    // ~3 MiB: several of the hunt's 1 MiB scan chunks, with indicators on lines that land on
    // every side of their boundaries and a year set early that must carry through.
    std::string data = "<189>1: r1: Jan 14 2019 03:12:44 UTC: %SYS-5-START: year line\n";
    std::vector<std::size_t> expected;
    std::size_t line = 1;
    while (data.size() < 3 * 1024 * 1024) {
        ++line;
        const bool ioc = line % 997 == 0 || line % 13107 == 0 || line % 13107 == 1;
        data += "Jan 14 03:12:44 r1 a: filler text to make the line long enough ";
        data += ioc ? "45.61.133.77\n" : "10.9.8.7\n";
        if (ioc) {
            expected.push_back(line);
        }
    }
    data += "Jan 14 03:12:45 r1 a: the last line has no newline 45.61.133.77";
    expected.push_back(++line);
    const HuntRun run = Hunt(data);
    EXPECT_EQ(run.input.stats.read(), line);
    EXPECT_EQ(run.input.stats.processed(), line);
    std::vector<std::size_t> lines;
    for (const Finding& finding : run.findings) {
        lines.push_back(finding.line);
        EXPECT_EQ(finding.time.value_or("").substr(0, 4), "2019") << "line " << finding.line;
    }
    EXPECT_EQ(lines, expected);
}

TEST(LogInputTest, ALargeLogSplitAcrossThreadsHuntsAsOnePass) {
    // ~40 MiB: cut into several pieces. The year is set once, in the first piece, so later
    // pieces (hunted from the default year at first) must be hunted again with it; oversized
    // and invalid UTF-8 lines sit in later pieces.
    std::string data = "<189>1: Jan 14 2019 03:12:44 UTC: %SYS-5-START: year line\n";
    for (std::size_t line = 2; data.size() < 40 * 1024 * 1024; ++line) {
        data += "Jan 14 03:12:44 r1 a: filler text, filler text, filler text, filler ";
        data += line % 50'000 == 0 ? "45.61.133.77" : (line % 70'001 == 0 ? "\xff" : "10.9.8.7");
        data += line % 123'457 == 0 ? std::string(70 * 1024, 'x') : std::string();
        data += line % 31'337 == 0 ? " user=cisco_tac_admin\n" : "\n";
    }
    const HuntRun one = Hunt(data, 2025, 1);
    const HuntRun split = Hunt(data, 2025, 3);
    ASSERT_GT(one.findings.size(), 20U);
    ASSERT_EQ(split.findings.size(), one.findings.size());
    for (std::size_t i = 0; i < one.findings.size(); ++i) {
        EXPECT_EQ(split.findings[i].line, one.findings[i].line);
        EXPECT_EQ(split.findings[i].time, one.findings[i].time);
        EXPECT_EQ(split.findings[i].time.value_or("").substr(0, 4), "2019");
        EXPECT_EQ(split.findings[i].device, one.findings[i].device);
        EXPECT_EQ(split.findings[i].indicator->value, one.findings[i].indicator->value);
        EXPECT_EQ(split.findings[i].evidence, one.findings[i].evidence);
    }
    const InputStats& a = one.input.stats;
    const InputStats& b = split.input.stats;
    EXPECT_EQ(b.read(), a.read());
    EXPECT_EQ(b.processed(), a.processed());
    EXPECT_EQ(b.rejected(), a.rejected());
    EXPECT_GT(b.rejected(), 2U);
    EXPECT_EQ(b.invalid_utf8_lines(), a.invalid_utf8_lines());
    ASSERT_EQ(b.kept().size(), a.kept().size());
    for (std::size_t i = 0; i < a.kept().size(); ++i) {
        EXPECT_EQ(b.kept()[i].line, a.kept()[i].line);
    }
    EXPECT_EQ(split.input.device, one.input.device);
}

// A yearless log that spans New Year, written on 2026-01-03: its December stamps are 2025's,
// not a December still to come; stamps with a year are left as they are.
TEST(LogInputTest, YearlessStampAfterTheLogWasWrittenIsFromTheYearBefore) {
    constexpr std::int64_t kWritten = 1767405600;  // 2026-01-03T02:00:00Z
    const std::string data =
        "Dec 31 23:59:59 r1 a: 45.61.133.77\n"
        "Jan  2 00:00:01 r1 a: evil.example\n"
        "Jan  3 03:00:00 r1 a: evil.example\n"  // an hour after: a clock a little ahead
        "<189>1: Dec 30 2026 03:12:44 UTC: %SYS-5-X: 45.61.133.77\n";
    const HuntRun run = Hunt(data, 2026, 1, kWritten);
    ASSERT_EQ(run.findings.size(), 4U);
    EXPECT_EQ(run.findings[0].time, "2025-12-31T23:59:59Z");
    EXPECT_EQ(run.findings[1].time, "2026-01-02T00:00:01Z");
    EXPECT_EQ(run.findings[2].time, "2026-01-03T03:00:00Z");
    EXPECT_EQ(run.findings[3].time, "2026-12-30T03:12:44Z");
    // Without a known write time the default year stands.
    EXPECT_EQ(Hunt(data, 2026).findings[0].time, "2026-12-31T23:59:59Z");
}

TEST(LogInputTest, EvidenceIsSanitised) {
    const HuntRun run = Hunt("Jan 14 03:12:44 r1 a: \x01\xff 45.61.133.77\n");
    ASSERT_EQ(run.findings.size(), 1U);
    EXPECT_EQ(run.findings[0].evidence.find('\x01'), std::string::npos);
    EXPECT_EQ(run.input.stats.invalid_utf8_lines(), 1U);
}

// logrotate's copytruncate (or a crash) leaves a run of NULs where the old content was: the
// line after it keeps its number, host, time and evidence, however long the run.
TEST(LogInputTest, NulRunBeforeALineIsNotPartOfIt) {
    std::string data(200'000, '\0');
    data += "Jan 14 03:12:44 pe1-fra 812: Login Success [Source: 45.61.133.77]\n";
    data += std::string(10, '\0') + "Jan 14 03:12:45 pe1-fra 813: evil.example\n";
    const HuntRun run = Hunt(data);
    ASSERT_EQ(run.findings.size(), 2U);
    EXPECT_EQ(run.findings[0].line, 1U);
    EXPECT_EQ(run.findings[0].device, "pe1-fra");
    EXPECT_EQ(run.findings[0].time, "2025-01-14T03:12:44Z");
    EXPECT_EQ(run.findings[0].evidence.rfind("Jan 14 03:12:44 pe1-fra", 0), 0U);
    EXPECT_EQ(run.findings[1].line, 2U);
    EXPECT_EQ(run.findings[1].evidence.rfind("Jan 14 03:12:45", 0), 0U);
    EXPECT_EQ(run.input.stats.rejected(), 0U);
}

TEST(LogInputTest, SniffRoutesLogsNotConfigs) {
    EXPECT_TRUE(LooksLikeLog("<13>Dec 14 12:09:00 HOSTNAME Bgp: %BGP-5-ADJCHANGE: peer x\n"));
    EXPECT_FALSE(LooksLikeLog("hostname r1\n!\ninterface Gi0/0\n shutdown\n"));
}

}  // namespace
}  // namespace stormwatch::engine::detail
