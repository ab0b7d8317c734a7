// SPDX-License-Identifier: Apache-2.0
// End-to-end runs of the real `stormwatch` binary on the demo lab: exit codes, output formats,
// stats accounting and the handling of unreadable and hostile inputs.

#include <sys/wait.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "support/gzip_data.h"
#include "support/test_files.h"
#include <gtest/gtest.h>

namespace {

namespace fs = std::filesystem;

const std::string kCli = STORMWATCH_CLI_PATH;
const std::string kLab = std::string(STORMWATCH_SOURCE_DIR) + "/examples/lab";

struct CliRun {
    int exit_code = -1;
    std::string out;
};

enum class Stream { kStdout, kStderr };

// Runs the CLI with `args`; `out` is what it wrote to `stream` (the other is dropped).
CliRun Exec(const std::string& args, Stream stream = Stream::kStdout) {
    CliRun run;
    const std::string command = "NO_COLOR=1 " + kCli + " " + args +
                                (stream == Stream::kStdout ? " 2>/dev/null" : " 2>&1 >/dev/null");
    FILE* pipe = popen(command.c_str(), "r");
    if (pipe == nullptr) {
        return run;
    }
    std::array<char, 65536> buf{};
    std::size_t n = 0;
    while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) {
        run.out.append(buf.data(), n);
    }
    const int status = pclose(pipe);
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return run;
}

using stormwatch::test_support::ReadFile;

int CountLines(const std::string& s) {
    int n = 0;
    for (const char c : s) {
        n += c == '\n' ? 1 : 0;
    }
    return n;
}

TEST(CliTest, TheBinarySitsAtTheTopOfTheBuildTree) {
    // `make demo`, the README and the bench scripts run build/<preset>/stormwatch.
    EXPECT_EQ(fs::path(kCli), fs::path(STORMWATCH_BINARY_DIR) / "stormwatch");
}

TEST(CliTest, HuntsTheLabAndExitsZero) {
    const CliRun run = Exec("hunt " + kLab);
    EXPECT_EQ(run.exit_code, 0);
    EXPECT_NE(run.out.find("pe1-fra"), std::string::npos);
    EXPECT_NE(run.out.find("SW-CFG-ACL-IOC"), std::string::npos);
    EXPECT_EQ(run.out.find("\033["), std::string::npos) << "NO_COLOR must disable colour";
}

TEST(CliTest, NdjsonHasOneFindingPerLineWithTheContractFields) {
    const CliRun run = Exec("hunt " + kLab + " --format ndjson");
    ASSERT_EQ(run.exit_code, 0);
    ASSERT_GT(CountLines(run.out), 20);
    std::istringstream lines(run.out);
    std::string line;
    while (std::getline(lines, line)) {
        ASSERT_EQ(line.rfind("{\"rule_id\":\"", 0), 0u) << line;
        for (const char* key : {"\"title\":", "\"category\":", "\"severity\":", "\"attack\":[",
                                "\"device\":", "\"source\":{\"kind\":\"config\"",
                                "\"evidence\":", "\"time\":null", "\"fingerprint\":"}) {
            EXPECT_NE(line.find(key), std::string::npos) << key << " missing in " << line;
        }
    }
}

TEST(CliTest, FailOnSeverityGivesExitOne) {
    EXPECT_EQ(Exec("hunt " + kLab + " --fail-on critical --format ndjson").exit_code, 1);
    EXPECT_EQ(Exec("hunt " + kLab + "/pe2-ams.cfg --fail-on critical --format ndjson").exit_code,
              0);
}

// A log that starts with a run of NULs (logrotate copytruncate, a crash) is hunted as a log,
// not refused as binary.
TEST(CliTest, LogStartingWithNulsIsHunted) {
    const fs::path dir = fs::path(testing::TempDir()) / "stormwatch_cli_nul_log";
    fs::create_directories(dir);
    std::ofstream(dir / "messages", std::ios::binary)
        << std::string(20'000, '\0')
        << "Jan 14 03:12:10 pe1 812: %SEC_LOGIN-5-LOGIN_SUCCESS: Login Success [user: noc] "
           "[Source: 45.61.133.77] [localport: 22] at 03:12:10 UTC Tue Jan 14 2025\n";
    const CliRun run = Exec("hunt " + (dir / "messages").string() + " --format ndjson");
    EXPECT_EQ(run.exit_code, 0);
    EXPECT_EQ(CountLines(run.out), 1);
    EXPECT_NE(run.out.find(R"("line":1)"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find(R"("device":"pe1")"), std::string::npos) << run.out;
    fs::remove_all(dir);
}

// `"rule_id":"X" "line":N` for each finding of an NDJSON report, in order.
std::vector<std::string> RulesAndLines(const std::string& ndjson) {
    std::vector<std::string> out;
    std::istringstream lines(ndjson);
    for (std::string line; std::getline(lines, line);) {
        const std::size_t rule = line.find(R"("rule_id":")");
        const std::size_t number = line.find(R"("line":)");
        out.push_back(line.substr(rule, line.find(',', rule) - rule) + " " +
                      line.substr(number, line.find(',', number) - number));
    }
    return out;
}

// The copy of examples/lab/pe1-fra.cfg at `path`, in another form, gives the config's findings
// on the same lines.
void ExpectFindingsOfPe1Fra(const fs::path& path) {
    const CliRun clean = Exec("hunt " + kLab + "/pe1-fra.cfg --format ndjson");
    const CliRun copy = Exec("hunt " + path.string() + " --format ndjson");
    EXPECT_EQ(copy.exit_code, 0) << path;
    EXPECT_GT(CountLines(clean.out), 30);
    EXPECT_EQ(RulesAndLines(copy.out), RulesAndLines(clean.out)) << path;
}

// A config exported as UTF-16 (PowerShell 5 redirection writes UTF-16LE with a mark) gives the
// findings of the same config in UTF-8, on the same lines.
TEST(CliTest, Utf16ConfigIsHuntedAsItsText) {
    const fs::path dir = fs::path(testing::TempDir()) / "stormwatch_cli_utf16";
    fs::create_directories(dir);
    const std::string config = ReadFile(kLab + "/pe1-fra.cfg");  // ASCII
    std::string utf16 = "\xFF\xFE";
    for (const char c : config) {
        utf16 += c;
        utf16 += '\0';
    }
    std::ofstream(dir / "pe1-fra.cfg", std::ios::binary) << utf16;
    ExpectFindingsOfPe1Fra(dir / "pe1-fra.cfg");

    // An indicator list saved as UTF-16 loads too.
    std::ofstream(dir / "iocs.txt", std::ios::binary) << std::string(
        "\xFF\xFE"
        "2\0"
        "0\0"
        "3\0"
        ".\0"
        "0\0"
        ".\0"
        "1\0"
        "1\0"
        "3\0"
        ".\0"
        "9\0"
        "\n\0",
        26);
    EXPECT_EQ(
        Exec("intel match 203.0.113.9 --no-builtin-intel --intel " + (dir / "iocs.txt").string())
            .exit_code,
        0);
    fs::remove_all(dir);
}

// `show running-config` captured from a terminal session, its pager prompts erased with
// backspaces, gives the findings of the config itself, on the same lines.
TEST(CliTest, TerminalCaptureIsHuntedAsTheScreenShowedIt) {
    const fs::path dir = fs::path(testing::TempDir()) / "stormwatch_cli_capture";
    fs::create_directories(dir);
    const std::string config = ReadFile(kLab + "/pe1-fra.cfg");
    std::string capture;
    std::istringstream lines(config);
    int number = 0;
    for (std::string line; std::getline(lines, line);) {
        if (++number % 24 == 0) {
            capture +=
                " --More-- " + std::string(10, '\b') + std::string(10, ' ') + std::string(10, '\b');
        }
        capture += line + "\r\n";
    }
    std::ofstream(dir / "pe1-capture.log", std::ios::binary) << capture;
    ExpectFindingsOfPe1Fra(dir / "pe1-capture.log");

    // Classic Mac line ends (carriage returns only) are line ends too.
    std::string mac = config;
    std::replace(mac.begin(), mac.end(), '\n', '\r');
    std::ofstream(dir / "pe1-mac.cfg", std::ios::binary) << mac;
    ExpectFindingsOfPe1Fra(dir / "pe1-mac.cfg");
    fs::remove_all(dir);
}

// A rotated, gzipped log is hunted as its text: the finding names the .gz file and the line.
TEST(CliTest, GzippedLogIsHunted) {
    const fs::path dir = fs::path(testing::TempDir()) / "stormwatch_cli_gzip";
    fs::create_directories(dir);
    std::ofstream(dir / "messages.1.gz", std::ios::binary) << stormwatch::test_support::Gzip(
        "Jan 14 03:12:09 pe1 811: %SYS-5-CONFIG_I: Configured from console\n"
        "Jan 14 03:12:10 pe1 812: %SEC_LOGIN-5-LOGIN_SUCCESS: Login Success [user: noc] "
        "[Source: 45.61.133.77] [localport: 22] at 03:12:10 UTC Tue Jan 14 2025\n");
    const CliRun run = Exec("hunt " + dir.string() + " --format ndjson");
    EXPECT_EQ(run.exit_code, 0);
    EXPECT_EQ(CountLines(run.out), 1);
    EXPECT_NE(run.out.find(R"("path":")" + (dir / "messages.1.gz").string() + R"(","line":2)"),
              std::string::npos)
        << run.out;
    fs::remove_all(dir);
}

// A report or stats path that cannot be written fails before the hunt, not after it.
TEST(CliTest, UnwritableOutputFailsBeforeHunting) {
    for (const char* option : {" --stats ", " --output "}) {
        const CliRun run = Exec("hunt " + kLab + option + "/nonexistent/dir/out.json");
        EXPECT_EQ(run.exit_code, 2) << option;
        EXPECT_EQ(run.out, "") << option;  // no report was rendered first
    }
}

// Nothing to hunt (an empty folder) is said as such, apart from inputs that could not be read.
TEST(CliTest, EmptyFolderSaysThereIsNothingToHunt) {
    const fs::path dir = fs::path(testing::TempDir()) / "stormwatch_cli_empty";
    fs::create_directories(dir);
    const CliRun run = Exec("hunt " + dir.string(), Stream::kStderr);
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_NE(run.out.find("no files to hunt"), std::string::npos) << run.out;
    EXPECT_NE(
        Exec("hunt /nonexistent/path.cfg", Stream::kStderr).out.find("no input could be read"),
        std::string::npos);
    fs::remove_all(dir);
}

TEST(CliTest, UsageErrorsAndUnreadableInputsGiveExitTwo) {
    EXPECT_EQ(Exec("hunt /nonexistent/path.cfg").exit_code, 2);
    EXPECT_EQ(Exec("hunt " + kLab + " --format xml").exit_code, 2);
    EXPECT_EQ(Exec("hunt " + kLab + " --fail-on severe").exit_code, 2);
    EXPECT_EQ(Exec("frobnicate").exit_code, 2);
    EXPECT_EQ(Exec("intel list --type ipv5").exit_code, 2);
    EXPECT_EQ(Exec("hunt " + kLab + " --jobs 100000").exit_code, 2);  // not 2,000 threads
    EXPECT_EQ(Exec("intel list --type sha256").exit_code, 0);
    // One unreadable path among readable ones is reported, and the run still finishes.
    EXPECT_EQ(Exec("hunt /nonexistent/path.cfg " + kLab + " --format ndjson").exit_code, 0);
}

TEST(CliTest, SarifAndStatsFilesAreWritten) {
    const fs::path dir = fs::path(testing::TempDir()) / "stormwatch_cli_test";
    fs::create_directories(dir);
    const CliRun run =
        Exec("hunt " + kLab + " --format sarif --output " + (dir / "out.sarif").string() +
             " --stats " + (dir / "stats.json").string());
    ASSERT_EQ(run.exit_code, 0);
    EXPECT_TRUE(run.out.empty());
    const std::string sarif = ReadFile(dir / "out.sarif");
    EXPECT_NE(sarif.find("\"version\": \"2.1.0\""), std::string::npos);
    EXPECT_NE(sarif.find("\"startLine\": "), std::string::npos);
    const std::string stats = ReadFile(dir / "stats.json");
    EXPECT_NE(stats.find("\"not_a_config\""), std::string::npos) << "README.txt must be counted";
    fs::remove_all(dir);
}

TEST(CliTest, LargeNdjsonReportsStreamTheSameBytesToAFileAndToStdout) {
    // More findings than one output slice (4,096): a log naming an advisory address per line.
    const fs::path dir = fs::path(testing::TempDir()) / "stormwatch_cli_ndjson_test";
    fs::create_directories(dir);
    {
        std::ofstream log(dir / "edge.log");
        for (int i = 0; i < 5000; ++i) {
            log << "Jan 14 03:12:" << (10 + i % 50) << " pe1 " << i
                << ": %SEC-6-IPACCESSLOGP: list 120 denied tcp 45.61.133.77(" << 1024 + i
                << ") -> 192.0.2.1(22), 1 packet\n";
        }
    }
    const std::string log = (dir / "edge.log").string();
    const CliRun to_stdout = Exec("hunt " + log + " --format ndjson");
    ASSERT_EQ(to_stdout.exit_code, 0);
    EXPECT_EQ(CountLines(to_stdout.out), 5000);
    const CliRun to_file =
        Exec("hunt " + log + " --format ndjson --output " + (dir / "out.ndjson").string());
    ASSERT_EQ(to_file.exit_code, 0);
    EXPECT_EQ(ReadFile(dir / "out.ndjson"), to_stdout.out);
    EXPECT_EQ(Exec("hunt " + log + " --format ndjson --output " + (dir / "no/such/dir/x").string())
                  .exit_code,
              2);
    fs::remove_all(dir);
}

TEST(CliTest, HostileInputsAreSkippedWithAReason) {
    const fs::path dir = fs::path(testing::TempDir()) / "stormwatch_cli_hostile";
    fs::create_directories(dir);
    {
        std::ofstream(dir / "binary.cfg", std::ios::binary) << std::string(
            "\x7f"
            "ELF\0\0\1",
            7);
        std::ofstream(dir / "empty.cfg");
        std::ofstream big(dir / "one-line.cfg", std::ios::binary);
        big << "hostname big\n" << std::string(2 * 1024 * 1024, 'A') << "\n";
        std::ofstream(dir / "latin1.cfg", std::ios::binary)
            << "hostname r\xE9seau\ninterface GigabitEthernet0/1\n description caf\xE9\n"
               " ip address 192.0.2.9 255.255.255.0\nline vty 0 4\n transport input telnet\n";
    }
    const CliRun run =
        Exec("hunt " + dir.string() + " --format ndjson --stats " + (dir / "stats.json").string());
    EXPECT_EQ(run.exit_code, 0);
    const std::string stats = ReadFile(dir / "stats.json");
    EXPECT_NE(stats.find("\"binary_content\""), std::string::npos);
    EXPECT_NE(stats.find("\"empty\""), std::string::npos);
    EXPECT_NE(stats.find("\"oversized_line\""), std::string::npos);
    // The Latin-1 file still audits, and its evidence stays valid UTF-8.
    EXPECT_NE(run.out.find("transport input telnet"), std::string::npos);
    EXPECT_NE(run.out.find("r\xEF\xBF\xBDseau"), std::string::npos);
    fs::remove_all(dir);
}

// `--misp-context` loads attributes marked `to_ids: false`, for `intel` and for `hunt` alike.
TEST(CliTest, MispContextFlagLoadsContextAttributes) {
    const fs::path dir = fs::path(testing::TempDir()) / "stormwatch_cli_misp_context";
    fs::create_directories(dir);
    std::ofstream(dir / "event.json")
        << R"({"Event": {"info": "edge intrusion", "uuid": "5f0c0e3a-0000-4000-8000-000000000001",
        "Attribute": [
          {"type": "ip-dst", "value": "203.0.113.5", "to_ids": true},
          {"type": "ip-dst", "value": "203.0.113.6", "to_ids": false}]}})";
    std::ofstream(dir / "edge.log")
        << "Jan 14 03:12:10 pe1 812: %SEC_LOGIN-5-LOGIN_SUCCESS: Login Success [user: noc] "
           "[Source: 203.0.113.6] [localport: 22] at 03:12:10 UTC Tue Jan 14 2025\n";
    const std::string intel = " --no-builtin-intel --intel " + (dir / "event.json").string();
    EXPECT_EQ(Exec("intel match 203.0.113.5" + intel).exit_code, 0);
    EXPECT_EQ(Exec("intel match 203.0.113.6" + intel).exit_code, 1);
    EXPECT_EQ(Exec("intel match 203.0.113.6 --misp-context" + intel).exit_code, 0);
    EXPECT_NE(Exec("intel import " + (dir / "event.json").string()).out.find("1 indicators"),
              std::string::npos);
    EXPECT_NE(Exec("intel import --misp-context " + (dir / "event.json").string())
                  .out.find("2 indicators"),
              std::string::npos);

    const std::string hunt = "hunt " + (dir / "edge.log").string() + " --format ndjson" + intel;
    EXPECT_EQ(CountLines(Exec(hunt).out), 0);
    const CliRun with_context = Exec(hunt + " --misp-context");
    EXPECT_EQ(with_context.exit_code, 0);
    EXPECT_EQ(CountLines(with_context.out), 1);
    EXPECT_NE(with_context.out.find("203.0.113.6"), std::string::npos);
    fs::remove_all(dir);
}

// A repeatable option takes one value each time: `--intel FEED PATHS` hunts PATHS, the way an
// analyst types it, and a binary file given as intel is refused whole, by name.
TEST(CliTest, IntelOptionBeforeThePathsTakesOneFile) {
    const fs::path dir = fs::path(testing::TempDir()) / "stormwatch_cli_intel_first";
    fs::create_directories(dir);
    std::ofstream(dir / "feed.csv") << "value,type\n203.0.113.9,ipv4\n";
    std::ofstream(dir / "edge.log")
        << "Jan 14 03:12:10 pe1 812: %SEC_LOGIN-5-LOGIN_SUCCESS: Login Success [user: noc] "
           "[Source: 203.0.113.9] [localport: 22] at 03:12:10 UTC Tue Jan 14 2025\n";
    const CliRun run = Exec("hunt --no-builtin-intel --intel " + (dir / "feed.csv").string() + " " +
                            (dir / "edge.log").string() + " --format ndjson");
    EXPECT_EQ(run.exit_code, 0);
    EXPECT_EQ(CountLines(run.out), 1);
    EXPECT_NE(run.out.find("203.0.113.9"), std::string::npos);

    std::ofstream(dir / "feed.bin", std::ios::binary) << std::string(
        "\x7f"
        "ELF\0\x01\n\xff",
        8);
    const CliRun binary = Exec("intel import " + (dir / "feed.bin").string());
    EXPECT_EQ(binary.exit_code, 2);
    EXPECT_EQ(binary.out, "");  // no row of it listed as a rejected indicator
    EXPECT_NE(Exec("intel import " + (dir / "feed.bin").string(), Stream::kStderr)
                  .out.find("feed.bin: binary content, not an indicator file"),
              std::string::npos);
    fs::remove_all(dir);
}

// `intel match` answers as a hunt would: a URL whose host, or an e-mail address whose domain,
// is an indicator matches, and says through which part.
TEST(CliTest, IntelMatchLooksInsideUrlsAndAddresses) {
    const CliRun url = Exec("intel match https://cdn.materialplies.com:8443/a?b=c");
    EXPECT_EQ(url.exit_code, 0);
    EXPECT_NE(url.out.find("(its host cdn.materialplies.com: a parent domain of it)"),
              std::string::npos)
        << url.out;
    EXPECT_EQ(Exec("intel match ops@materialplies.com").exit_code, 0);
    EXPECT_EQ(Exec("intel match http://45.61.133.77:8080/x").exit_code, 0);
    EXPECT_EQ(Exec("intel match http://example.org/ ops@example.org").exit_code, 1);
}

TEST(CliTest, RulesListShowsDetectorsAndPatternRules) {
    const CliRun run = Exec("rules list");
    ASSERT_EQ(run.exit_code, 0);
    EXPECT_NE(run.out.find("SW-CFG-ACL-IOC\tcritical\tttp.acl-tampering"), std::string::npos);
    EXPECT_NE(run.out.find("SW-PAT-"), std::string::npos);
    EXPECT_NE(run.out.find("hardening."), std::string::npos);
}

}  // namespace
