// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/logs/log_sniff.h"

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "support/test_files.h"
#include <gtest/gtest.h>

#include "stormwatch/parse/dialect.h"

namespace stormwatch::logs {
namespace {

namespace fs = std::filesystem;

const fs::path kSourceDir = STORMWATCH_SOURCE_DIR;
using stormwatch::test_support::FilesUnder;

const fs::path kCorpusDir = stormwatch::test_support::SharedCorpusDir();

std::string ReadHead(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::string data(64 * 1024, '\0');
    in.read(data.data(), static_cast<std::streamsize>(data.size()));
    data.resize(static_cast<std::size_t>(in.gcount()));
    return data;
}

TEST(LogSniffTest, SyslogLines) {
    EXPECT_TRUE(
        SniffLog("<13>Dec 14 12:09:00 HOSTNAME Bgp: %BGP-5-ADJCHANGE: peer 192.0.2.2").is_log);
    EXPECT_TRUE(SniffLog("Jan 14 03:12:44 mx1 sshd[1]: a\nJan 14 03:12:45 mx1 sshd[1]: b\n"
                         "Jan 14 03:12:46 mx1 sshd[1]: c\n  continuation of c\n")
                    .is_log);
}

TEST(LogSniffTest, ShowLoggingCountsFromTheBuffer) {
    std::string text = "Syslog logging: enabled (0 messages dropped)\n";
    for (int i = 0; i < 20; ++i) {
        text += "    Console logging: level debugging, 22827 messages logged\n";
    }
    text += "Log Buffer (16384 bytes):\n";
    text += "022701: Jun 19 03:02:31: %LINEPROTO-5-UPDOWN: Line protocol\n";
    text += "022702: Jun 19 03:02:32: %LINK-3-UPDOWN: Interface\n";
    text += "022703: Jun 19 03:02:37: %LINK-3-UPDOWN: Interface\n";
    EXPECT_TRUE(SniffLog(text).is_log);
}

TEST(LogSniffTest, NotLogs) {
    EXPECT_FALSE(SniffLog("").is_log);
    EXPECT_FALSE(SniffLog("\n\n  \n").is_log);
    EXPECT_FALSE(
        SniffLog("hostname r1\n!\ninterface Gi0/0\n ip address 192.0.2.1 255.255.255.0\n").is_log);
    // Two timestamped lines in a config-like file are not enough.
    EXPECT_FALSE(SniffLog("Jan 14 03:12:44 a b: c\nJan 14 03:12:44 a b: c\nhostname r1\n"
                          "interface x\n shutdown\n!\n")
                     .is_log);
}

// The log sniffer runs first: it must never take a configuration away from the parsers.
TEST(LogSniffTest, NeverClaimsAProjectConfig) {
    std::vector<fs::path> files = FilesUnder(kSourceDir / "examples" / "lab");
    for (const auto& entry : fs::directory_iterator(kSourceDir / "tests" / "golden" / "hunt")) {
        for (const fs::path& file : FilesUnder(entry.path() / "input")) {
            // The golden case for logs holds logs on purpose.
            if (file.extension() != ".log") {
                files.push_back(file);
            }
        }
    }
    ASSERT_FALSE(files.empty());
    for (const fs::path& file : files) {
        EXPECT_FALSE(SniffLog(ReadHead(file)).is_log) << file;
    }
}

// Every corpus file that the configuration sniffer recognises (a supported dialect or a
// known unsupported vendor) stays a config. The corpus also holds CLI output (`show clock`,
// `show logging`) that is rightly a log or neither.
TEST(LogSniffTest, NeverClaimsACorpusConfig) {
    const std::vector<fs::path> files = FilesUnder(kCorpusDir / "configs");
    if (files.empty()) {
        GTEST_SKIP() << "shared corpus not present";
    }
    std::size_t configs = 0;
    for (const fs::path& file : files) {
        const std::string head = ReadHead(file);
        const std::string config_head = head.substr(0, 64 * 1024);
        if (parse::SniffDialect(config_head).dialect == nullptr &&
            parse::SniffUnsupportedVendor(config_head).empty()) {
            continue;
        }
        ++configs;
        EXPECT_FALSE(SniffLog(head).is_log) << file;
    }
    EXPECT_GT(configs, 1000u);
}

TEST(LogSniffTest, RecognisesCorpusLogs) {
    const fs::path logs = kCorpusDir / "logs";
    if (!fs::exists(logs)) {
        GTEST_SKIP() << "shared corpus not present";
    }
    std::size_t total = 0;
    for (const fs::path& file : FilesUnder(logs / "napalm-logs")) {
        if (file.filename() != "syslog.msg") {
            continue;
        }
        ++total;
        EXPECT_TRUE(SniffLog(ReadHead(file)).is_log) << file;
    }
    for (const char* vendor : {"cisco_ios", "cisco_asa"}) {
        for (const fs::path& file :
             FilesUnder(logs / "ntc-templates" / "tests" / vendor / "show_logging")) {
            if (file.extension() != ".raw") {
                continue;
            }
            ++total;
            const LogSniff sniff = SniffLog(ReadHead(file));
            EXPECT_TRUE(sniff.is_log) << file << " " << sniff.with_header << "/" << sniff.lines;
        }
    }
    EXPECT_GT(total, 50u);
}

}  // namespace
}  // namespace stormwatch::logs
