// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/output/report.h"

#include <cctype>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "stormwatch/core/finding.h"
#include "stormwatch/core/input_stats.h"
#include "stormwatch/core/rule_info.h"
#include "stormwatch/core/text.h"
#include "stormwatch/output/finding_json.h"
#include "stormwatch/output/report_detail.h"

namespace stormwatch::output {
namespace {

// ---------------------------------------------------------------------------------------------
// A strict JSON reader, so the tests check that output parses (RFC 8259: no raw control
// characters in strings, valid escapes, valid UTF-8) and can inspect its structure.

struct JsonValue {
    enum class Type { kNull, kBool, kNumber, kString, kArray, kObject };
    Type type = Type::kNull;
    bool boolean = false;
    std::string number;  // the literal, so tests compare exact text
    std::string string;  // raw bytes between the quotes, escapes decoded for \" \\ \/ only
    std::vector<JsonValue> items;
    std::vector<std::pair<std::string, JsonValue>> members;

    [[nodiscard]] const JsonValue* Find(std::string_view key) const {
        for (const auto& [name, value] : members) {
            if (name == key) {
                return &value;
            }
        }
        return nullptr;
    }
    [[nodiscard]] std::vector<std::string> Keys() const {
        std::vector<std::string> keys;
        for (const auto& member : members) {
            keys.push_back(member.first);
        }
        return keys;
    }
};

class JsonReader {
public:
    explicit JsonReader(std::string_view text) : text_(text) {}

    std::optional<JsonValue> ReadDocument() {
        JsonValue value;
        if (!ReadValue(value, 0)) {
            return std::nullopt;
        }
        SkipSpace();
        if (pos_ != text_.size()) {
            return std::nullopt;
        }
        return value;
    }

private:
    void SkipSpace() {
        while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\n' ||
                                       text_[pos_] == '\r' || text_[pos_] == '\t')) {
            ++pos_;
        }
    }
    bool Consume(char c) {
        SkipSpace();
        if (pos_ < text_.size() && text_[pos_] == c) {
            ++pos_;
            return true;
        }
        return false;
    }
    bool Literal(std::string_view word) {
        if (text_.substr(pos_, word.size()) != word) {
            return false;
        }
        pos_ += word.size();
        return true;
    }
    bool ReadString(std::string& out) {
        if (!Consume('"')) {
            return false;
        }
        while (pos_ < text_.size()) {
            const char c = text_[pos_++];
            if (c == '"') {
                return text::IsValidUtf8(out);
            }
            if (static_cast<unsigned char>(c) < 0x20) {
                return false;
            }
            if (c != '\\') {
                out.push_back(c);
                continue;
            }
            if (pos_ >= text_.size()) {
                return false;
            }
            const char e = text_[pos_++];
            if (e == 'u') {
                if (pos_ + 4 > text_.size()) {
                    return false;
                }
                for (int i = 0; i < 4; ++i) {
                    if (std::isxdigit(static_cast<unsigned char>(text_[pos_ + i])) == 0) {
                        return false;
                    }
                }
                out += "\\u";
                out += text_.substr(pos_, 4);
                pos_ += 4;
            } else if (e == '"' || e == '\\' || e == '/') {
                out.push_back(e);
            } else if (e == 'b' || e == 'f' || e == 'n' || e == 'r' || e == 't') {
                out.push_back('\\');
                out.push_back(e);
            } else {
                return false;
            }
        }
        return false;
    }
    bool ReadValue(JsonValue& value, int depth) {
        if (depth > 64) {
            return false;
        }
        SkipSpace();
        if (pos_ >= text_.size()) {
            return false;
        }
        const char c = text_[pos_];
        if (c == '{') {
            ++pos_;
            value.type = JsonValue::Type::kObject;
            if (Consume('}')) {
                return true;
            }
            do {
                std::string key;
                JsonValue member;
                if (!ReadString(key) || !Consume(':') || !ReadValue(member, depth + 1)) {
                    return false;
                }
                value.members.emplace_back(std::move(key), std::move(member));
            } while (Consume(','));
            return Consume('}');
        }
        if (c == '[') {
            ++pos_;
            value.type = JsonValue::Type::kArray;
            if (Consume(']')) {
                return true;
            }
            do {
                JsonValue item;
                if (!ReadValue(item, depth + 1)) {
                    return false;
                }
                value.items.push_back(std::move(item));
            } while (Consume(','));
            return Consume(']');
        }
        if (c == '"') {
            value.type = JsonValue::Type::kString;
            return ReadString(value.string);
        }
        if (Literal("null")) {
            value.type = JsonValue::Type::kNull;
            return true;
        }
        if (Literal("true") || Literal("false")) {
            value.type = JsonValue::Type::kBool;
            value.boolean = text_[pos_ - 1] == 'e' && text_[pos_ - 2] == 'u';
            return true;
        }
        const std::size_t start = pos_;
        while (pos_ < text_.size() &&
               std::string_view("+-.0123456789eE").find(text_[pos_]) != std::string_view::npos) {
            ++pos_;
        }
        if (pos_ == start) {
            return false;
        }
        value.type = JsonValue::Type::kNumber;
        value.number = std::string(text_.substr(start, pos_ - start));
        return true;
    }

    std::string_view text_;
    std::size_t pos_ = 0;
};

JsonValue ParseOrFail(std::string_view text) {
    std::optional<JsonValue> value = JsonReader(text).ReadDocument();
    EXPECT_TRUE(value.has_value()) << "not valid JSON:\n" << text;
    return value.value_or(JsonValue{});
}

const JsonValue& At(const JsonValue& object, std::string_view key) {
    static const JsonValue kMissing;
    const JsonValue* value = object.Find(key);
    EXPECT_NE(value, nullptr) << "missing key " << key;
    return value != nullptr ? *value : kMissing;
}

// ---------------------------------------------------------------------------------------------
// Goldens under testdata/; STORMWATCH_UPDATE_GOLDEN=1 rewrites them (review with git diff).

std::string GoldenPath(std::string_view name) {
    return std::string(STORMWATCH_SOURCE_DIR) + "/src/stormwatch/output/testdata/" +
           std::string(name);
}

void ExpectGolden(std::string_view name, const std::string& actual) {
    const std::string path = GoldenPath(name);
    const char* update = std::getenv("STORMWATCH_UPDATE_GOLDEN");
    if (update != nullptr && std::string_view(update) == "1") {
        std::ofstream(path, std::ios::binary) << actual;
        GTEST_SKIP() << "rewrote " << path;
    }
    std::ifstream in(path, std::ios::binary);
    ASSERT_TRUE(in.good()) << "missing " << path << "; run with STORMWATCH_UPDATE_GOLDEN=1";
    const std::string expected((std::istreambuf_iterator<char>(in)),
                               std::istreambuf_iterator<char>());
    EXPECT_EQ(expected, actual) << "golden " << name;
}

// ---------------------------------------------------------------------------------------------
// The fixed fixture: a config finding with an indicator, a config hardening finding, a
// record-based flow finding whose rule is not in the catalogue, and a log finding whose
// evidence has non-ASCII text, invalid UTF-8 and an escape character.

std::vector<Finding> Findings() {
    std::vector<Finding> findings(4);

    Finding& acl = findings[0];
    acl.rule_id = "SW-CFG-ACL-IOC";
    acl.title = "ACL permits an address from a threat advisory";
    acl.category = "ttp.acl-tampering";
    acl.severity = Severity::kCritical;
    acl.attack = {"T1562.004"};
    acl.device = "pe1-fra";
    acl.source_kind = SourceKind::kConfig;
    acl.path = "configs/pe1-fra.cfg";
    acl.line = 212;
    acl.evidence = "access-list 20 permit 192.0.2.77";
    acl.indicator = IndicatorRef{"192.0.2.77", "ipv4", "AA25-239A", "", ""};
    acl.fingerprint = "9c1f0e2a7b3d4c5e9c1f0e2a7b3d4c5e";

    Finding& telnet = findings[1];
    telnet.rule_id = "SW-HARD-TELNET";
    telnet.title = "Telnet is accepted on the VTY lines";
    telnet.category = "hardening.telnet-enabled";
    telnet.severity = Severity::kMedium;
    telnet.device = "pe1-fra";
    telnet.source_kind = SourceKind::kConfig;
    telnet.path = "configs/pe1-fra.cfg";
    telnet.line = 240;
    telnet.evidence = " transport input telnet ssh";
    telnet.fingerprint = "0123456789abcdef0123456789abcdef";

    Finding& flow = findings[2];
    flow.rule_id = "SW-FLOW-IOC";
    flow.title = "Flow to an address from a threat advisory";
    flow.category = "ioc.match";
    flow.severity = Severity::kHigh;
    flow.attack = {"T1071", "T1572"};
    flow.device = "edge-rtr1";
    flow.source_kind = SourceKind::kFlow;
    flow.path = "flows/edge rtr1.ipfix";
    flow.record = 1234;
    flow.evidence = "tcp 198.51.100.7:51512 -> 203.0.113.9:443 3 pkts 180 bytes";
    flow.indicator =
        IndicatorRef{"203.0.113.9", "ipv4", "AA25-239A",
                     "indicator--5b1c7a4e-0000-4000-8000-000000000001", "Salt Typhoon"};
    flow.time = "2025-08-27T10:15:00Z";
    flow.count = 3;
    flow.first_time = "2025-08-27T10:15:00Z";
    flow.last_time = "2025-08-27T10:17:30Z";
    flow.fingerprint = "fedcba9876543210fedcba9876543210";

    Finding& log = findings[3];
    log.rule_id = "SW-LOG-CLEAR";
    log.title = "Logging buffer cleared";
    log.category = "ttp.log-tampering";
    log.severity = Severity::kLow;
    log.attack = {"T1070"};
    log.device = "pe1-fra";
    log.source_kind = SourceKind::kLog;
    log.path = "logs/pe1 fra.log";
    log.line = 7;
    // "Zuerich" with u-umlaut (valid UTF-8), then an invalid byte 0xFF, then ESC.
    log.evidence = "%CLEAR-5-LOG: cleared by admin at Z\xC3\xBCrich \xFF\x1b[2J done";
    log.time = "2025-08-27T09:00:01Z";
    log.fingerprint = "00112233445566778899aabbccddeeff";
    return findings;
}

std::vector<RuleInfo> Catalogue() {
    std::vector<RuleInfo> rules(4);
    rules[0] = RuleInfo{
        "SW-CFG-ACL-IOC",    "ACL permits an address from a threat advisory",
        "ttp.acl-tampering", Severity::kCritical,
        {"T1562.004"},       "An access list permits an address that a threat advisory lists.",
        "detector",          "built-in"};
    rules[1] = RuleInfo{"SW-HARD-TELNET",
                        "Telnet is accepted on the VTY lines",
                        "hardening.telnet-enabled",
                        Severity::kMedium,
                        {},
                        "",
                        "pattern",
                        "built-in"};
    rules[2] = RuleInfo{
        "SW-LOG-CLEAR",      "Logging buffer cleared",
        "ttp.log-tampering", Severity::kLow,
        {"T1070"},           "Someone cleared the logging buffer, which hides earlier activity.",
        "pattern",           "built-in"};
    rules[3] =
        RuleInfo{"SW-UNUSED", "Never fires in this fixture",    "ttp.tunnel", Severity::kInfo,
                 {},          "Not referenced by any finding.", "detector",   "built-in"};
    return rules;
}

RunSummary FixtureRun() {
    RunSummary run;
    run.wall_seconds = 0.5;
    run.tool_version = "0.1.0";
    run.rule_sources = {"built-in", "rules/site.yml"};

    InputSummary config{"configs/pe1-fra.cfg", "config", "cisco_ios", "pe1-fra", 8192, {}};
    config.stats.CountRead(300);
    config.stats.CountProcessed(299);
    config.stats.CountUnrecognised(40);
    config.stats.Reject(RejectReason::kUnknownSyntax, 17, "stray '}'");

    InputSummary log{"logs/pe1 fra.log", "log", "syslog", "pe1-fra", 2048, {}};
    log.stats.CountRead(10);
    log.stats.CountProcessed(10);
    log.stats.CountInvalidUtf8Line();

    InputSummary flow{"flows/edge rtr1.ipfix", "flow", "ipfix", "edge-rtr1", 65536, {}};
    flow.stats.CountRead(500);
    flow.stats.CountProcessed(500);

    InputSummary junk{"junk.bin", "rejected", "", "", 224, {}};
    junk.stats.RejectInput(RejectReason::kBinaryContent, "NUL bytes in the first 8 KiB");

    run.inputs = {std::move(config), std::move(log), std::move(flow), std::move(junk)};
    return run;
}

std::vector<std::string_view> Lines(std::string_view s) {
    std::vector<std::string_view> lines;
    text::ForEachLine(s, [&](std::string_view line, std::size_t) { lines.push_back(line); });
    return lines;
}

// ---------------------------------------------------------------------------------------------

TEST(FormatTest, ParsesEveryNameCaseInsensitively) {
    for (const Format format : {Format::kTable, Format::kNdjson, Format::kJson, Format::kSarif,
                                Format::kStix, Format::kMisp}) {
        EXPECT_EQ(ParseFormat(FormatName(format)), format);
    }
    EXPECT_EQ(ParseFormat("SARIF"), Format::kSarif);
    EXPECT_EQ(ParseFormat("xml"), std::nullopt);
    EXPECT_EQ(ParseFormat(""), std::nullopt);
}

TEST(NdjsonTest, MatchesGolden) {
    std::string out;
    RenderNdjson(Findings(), out);
    ExpectGolden("findings.ndjson", out);
}

TEST(NdjsonTest, EveryLineIsOneFindingWithTheContractKeyOrder) {
    std::string out;
    RenderNdjson(Findings(), out);
    const std::vector<std::string_view> lines = Lines(out);
    ASSERT_EQ(lines.size(), 4U);
    ASSERT_EQ(out.back(), '\n');

    const JsonValue acl = ParseOrFail(lines[0]);
    EXPECT_EQ(acl.Keys(), (std::vector<std::string>{"rule_id", "title", "category", "severity",
                                                    "attack", "device", "source", "evidence",
                                                    "indicator", "time", "count", "fingerprint"}));
    EXPECT_EQ(At(acl, "source").Keys(), (std::vector<std::string>{"kind", "path", "line"}));
    EXPECT_EQ(At(acl, "indicator").Keys(), (std::vector<std::string>{"value", "type", "source"}));
    EXPECT_EQ(At(acl, "time").type, JsonValue::Type::kNull);

    const JsonValue telnet = ParseOrFail(lines[1]);
    EXPECT_EQ(telnet.Find("indicator"), nullptr);
    EXPECT_EQ(At(telnet, "attack").type, JsonValue::Type::kArray);
    EXPECT_TRUE(At(telnet, "attack").items.empty());

    const JsonValue flow = ParseOrFail(lines[2]);
    EXPECT_EQ(flow.Keys(),
              (std::vector<std::string>{"rule_id", "title", "category", "severity", "attack",
                                        "device", "source", "evidence", "indicator", "time",
                                        "count", "first_time", "last_time", "fingerprint"}));
    EXPECT_EQ(At(flow, "source").Keys(), (std::vector<std::string>{"kind", "path", "record"}));
    EXPECT_EQ(At(At(flow, "source"), "record").number, "1234");
    EXPECT_EQ(At(flow, "count").number, "3");
    EXPECT_EQ(At(flow, "indicator").Keys(),
              (std::vector<std::string>{"value", "type", "source", "id", "actor"}));
}

TEST(NdjsonTest, IndicatorValidityWindowIsWrittenWhenKnown) {
    Finding log;
    log.rule_id = "SW-LOG-IOC";
    log.source_kind = SourceKind::kLog;
    log.path = "r1.log";
    log.line = 3;
    log.time = "2026-01-02T03:04:05Z";
    log.indicator = IndicatorRef{.value = "45.61.133.77",
                                 .type = "ipv4",
                                 .source = "AA25-239A",
                                 .valid_from = "2021-08-01T00:00:00Z",
                                 .valid_until = "2025-06-30T23:59:59Z"};
    std::string out;
    AppendNdjsonLine(log, out);
    const JsonValue json = ParseOrFail(std::string_view(out).substr(0, out.size() - 1));
    EXPECT_EQ(At(json, "indicator").Keys(),
              (std::vector<std::string>{"value", "type", "source", "valid_from", "valid_until"}));
    EXPECT_EQ(At(At(json, "indicator"), "valid_until").string, "2025-06-30T23:59:59Z");

    log.indicator->valid_from.reset();
    out.clear();
    AppendNdjsonLine(log, out);
    const JsonValue open_start = ParseOrFail(std::string_view(out).substr(0, out.size() - 1));
    EXPECT_EQ(At(open_start, "indicator").Keys(),
              (std::vector<std::string>{"value", "type", "source", "valid_until"}));
}

TEST(NdjsonTest, InvalidUtf8AndControlCharactersStillGiveValidJson) {
    std::string out;
    AppendNdjsonLine(Findings()[3], out);
    const JsonValue log = ParseOrFail(std::string_view(out).substr(0, out.size() - 1));
    const std::string& evidence = At(log, "evidence").string;
    EXPECT_TRUE(text::IsValidUtf8(evidence));
    EXPECT_NE(evidence.find("Z\xC3\xBCrich"), std::string::npos) << "valid UTF-8 is kept";
    EXPECT_NE(evidence.find("\xEF\xBF\xBD"), std::string::npos) << "0xFF becomes U+FFFD";
    EXPECT_EQ(out.find('\x1b'), std::string::npos) << "no raw ESC in JSON";
}

TEST(NdjsonTest, EmptyFingerprintIsComputed) {
    Finding finding = Findings()[0];
    finding.fingerprint.clear();
    std::string out;
    AppendNdjsonLine(finding, out);
    const std::string expected =
        ComputeFingerprint(finding.rule_id, finding.device, finding.evidence);
    ASSERT_FALSE(expected.empty());
    EXPECT_EQ(
        At(ParseOrFail(std::string_view(out).substr(0, out.size() - 1)), "fingerprint").string,
        expected);
}

TEST(NdjsonTest, LineWinsOverRecordAndNeitherWhenBothAreZero) {
    Finding finding = Findings()[0];
    finding.record = 9;
    std::string out;
    AppendNdjsonLine(finding, out);
    EXPECT_NE(out.find(R"("line":212})"), std::string::npos) << out;
    EXPECT_EQ(out.find("record"), std::string::npos) << out;

    finding.line = 0;
    finding.record = 0;
    out.clear();
    AppendNdjsonLine(finding, out);
    EXPECT_NE(out.find(R"("source":{"kind":"config","path":"configs/pe1-fra.cfg"})"),
              std::string::npos)
        << out;
}

TEST(JsonTest, MatchesGolden) {
    std::string out;
    RenderJson(Findings(), FixtureRun(), out);
    ExpectGolden("findings.json", out);
}

TEST(JsonTest, IsOneDocumentWithFindingsAndSummary) {
    std::string out;
    RenderJson(Findings(), FixtureRun(), out);
    const JsonValue doc = ParseOrFail(out);
    EXPECT_EQ(doc.Keys(), (std::vector<std::string>{"findings", "summary"}));
    EXPECT_EQ(At(doc, "findings").items.size(), 4U);
    const JsonValue& summary = At(doc, "summary");
    EXPECT_EQ(At(At(summary, "tool"), "version").string, "0.1.0");
    EXPECT_EQ(At(summary, "rule_sources").items.size(), 2U);
    EXPECT_EQ(At(At(summary, "findings"), "total").number, "4");

    // The same finding objects as NDJSON, only indented.
    std::string ndjson;
    AppendNdjsonLine(Findings()[2], ndjson);
    const JsonValue from_ndjson =
        ParseOrFail(std::string_view(ndjson).substr(0, ndjson.size() - 1));
    EXPECT_EQ(At(doc, "findings").items[2].Keys(), from_ndjson.Keys());
}

TEST(JsonTest, NoFindingsGivesAnEmptyArray) {
    std::string out;
    RenderJson({}, RunSummary{}, out);
    const JsonValue doc = ParseOrFail(out);
    EXPECT_TRUE(At(doc, "findings").items.empty());
}

TEST(SarifTest, MatchesGolden) {
    std::string out;
    RenderSarif(Findings(), Catalogue(), FixtureRun(), out);
    ExpectGolden("findings.sarif", out);
}

TEST(SarifTest, EveryResultPointsAtItsRuleWithTheRightLevelAndLine) {
    const std::vector<Finding> findings = Findings();
    std::string out;
    RenderSarif(findings, Catalogue(), FixtureRun(), out);
    const JsonValue doc = ParseOrFail(out);
    EXPECT_EQ(At(doc, "version").string, "2.1.0");
    EXPECT_EQ(At(doc, "$schema").string, "https://json.schemastore.org/sarif-2.1.0.json");
    ASSERT_EQ(At(doc, "runs").items.size(), 1U);
    const JsonValue& run = At(doc, "runs").items[0];
    const JsonValue& driver = At(At(run, "tool"), "driver");
    EXPECT_EQ(At(driver, "name").string, "Stormwatch");
    EXPECT_EQ(At(driver, "version").string, "0.1.0");
    EXPECT_EQ(At(At(run, "invocations").items.at(0), "executionSuccessful").type,
              JsonValue::Type::kBool);

    // Referenced rules only, sorted by id; the flow rule is missing from the catalogue and
    // gets a minimal entry; SW-UNUSED is left out.
    const std::vector<JsonValue>& rules = At(driver, "rules").items;
    std::vector<std::string> ids;
    for (const JsonValue& rule : rules) {
        ids.push_back(At(rule, "id").string);
        EXPECT_FALSE(At(At(rule, "shortDescription"), "text").string.empty());
        EXPECT_FALSE(At(At(rule, "fullDescription"), "text").string.empty());
        const JsonValue& tags = At(At(rule, "properties"), "tags");
        ASSERT_FALSE(tags.items.empty());
        EXPECT_EQ(tags.items[0].string, "security");
    }
    EXPECT_EQ(ids, (std::vector<std::string>{"SW-CFG-ACL-IOC", "SW-FLOW-IOC", "SW-HARD-TELNET",
                                             "SW-LOG-CLEAR"}));
    EXPECT_EQ(At(rules[0], "name").string, "ACLPermitsAnAddressFromAThreatAdvisory");
    EXPECT_EQ(At(At(rules[0], "defaultConfiguration"), "level").string, "error");
    EXPECT_EQ(At(At(rules[0], "properties"), "security-severity").string, "9.5");
    EXPECT_EQ(At(At(rules[1], "properties"), "security-severity").string, "8.0");
    EXPECT_EQ(At(At(rules[2], "defaultConfiguration"), "level").string, "warning");
    EXPECT_EQ(At(At(rules[3], "defaultConfiguration"), "level").string, "note");

    const std::vector<JsonValue>& results = At(run, "results").items;
    ASSERT_EQ(results.size(), findings.size());
    const std::vector<std::string> levels = {"error", "warning", "error", "note"};
    for (std::size_t i = 0; i < results.size(); ++i) {
        SCOPED_TRACE(findings[i].rule_id);
        const JsonValue& result = results[i];
        const std::size_t index = std::stoul(At(result, "ruleIndex").number);
        ASSERT_LT(index, rules.size());
        EXPECT_EQ(At(rules[index], "id").string, At(result, "ruleId").string);
        EXPECT_EQ(At(result, "ruleId").string, findings[i].rule_id);
        EXPECT_EQ(At(result, "level").string, levels[i]);
        EXPECT_EQ(At(At(result, "partialFingerprints"), "stormwatch/v1").string,
                  findings[i].fingerprint);
        const JsonValue& physical = At(At(result, "locations").items.at(0), "physicalLocation");
        const JsonValue* region = physical.Find("region");
        if (findings[i].line > 0) {
            ASSERT_NE(region, nullptr);
            EXPECT_EQ(At(*region, "startLine").number, std::to_string(findings[i].line));
        } else {
            EXPECT_EQ(region, nullptr);
            EXPECT_EQ(At(At(result, "properties"), "record").number, "1234");
        }
    }
    EXPECT_EQ(
        At(At(At(At(results[2], "locations").items.at(0), "physicalLocation"), "artifactLocation"),
           "uri")
            .string,
        "flows/edge%20rtr1.ipfix");
    EXPECT_EQ(At(At(results[0], "message"), "text").string,
              "ACL permits an address from a threat advisory: access-list 20 permit 192.0.2.77");
}

TEST(SarifTest, NoFindingsIsStillAValidLog) {
    std::string out;
    RenderSarif({}, Catalogue(), RunSummary{}, out);
    const JsonValue doc = ParseOrFail(out);
    const JsonValue& run = At(doc, "runs").items.at(0);
    EXPECT_TRUE(At(At(At(run, "tool"), "driver"), "rules").items.empty());
    EXPECT_TRUE(At(run, "results").items.empty());
    EXPECT_EQ(At(At(run, "tool"), "driver").Find("version"), nullptr);
}

TEST(SarifTest, PathToUriEncodesPerRfc3986) {
    using detail::PathToUri;
    EXPECT_EQ(PathToUri("configs/pe1-fra.cfg"), "configs/pe1-fra.cfg");
    EXPECT_EQ(PathToUri("./configs/a b.cfg"), "configs/a%20b.cfg");
    EXPECT_EQ(PathToUri("configs\\win\\r1.cfg"), "configs/win/r1.cfg");
    EXPECT_EQ(PathToUri("c#1/100%?.txt"), "c%231/100%25%3F.txt");
    EXPECT_EQ(PathToUri("a:b.cfg"), "a%3Ab.cfg");
    EXPECT_EQ(PathToUri("/var/lib/x y.cfg"), "file:///var/lib/x%20y.cfg");
    EXPECT_EQ(PathToUri("C:\\cfg\\r1.cfg"), "file:///C:/cfg/r1.cfg");
    EXPECT_EQ(PathToUri("Z\xC3\xBC.cfg"), "Z%C3%BC.cfg");
    EXPECT_EQ(PathToUri("-"), "-");
}

TEST(SarifTest, RuleNameIsCamelCase) {
    using detail::RuleName;
    EXPECT_EQ(RuleName("ACL permits an address", "X"), "ACLPermitsAnAddress");
    EXPECT_EQ(RuleName("IOS XE web UI (CVE-2023-20198) enabled", "X"),
              "IOSXEWebUICVE202320198Enabled");
    EXPECT_EQ(RuleName("", "sw-cfg-acl-ioc"), "SwCfgAclIoc");
}

TEST(StatsTest, MatchesGolden) {
    std::string out;
    RenderStats(Findings(), FixtureRun(), out);
    ExpectGolden("stats.json", out);
}

TEST(StatsTest, CountsAddUp) {
    std::string out;
    RenderStats(Findings(), FixtureRun(), out);
    const JsonValue doc = ParseOrFail(out);
    EXPECT_EQ(doc.Keys(), (std::vector<std::string>{"inputs", "records", "findings", "wall_seconds",
                                                    "bytes", "bytes_per_second"}));
    const JsonValue& records = At(doc, "records");
    EXPECT_EQ(At(records, "read").number, "811");
    EXPECT_EQ(At(records, "processed").number, "809");
    EXPECT_EQ(At(records, "rejected").number, "2");
    const JsonValue& by_severity = At(At(doc, "findings"), "by_severity");
    EXPECT_EQ(by_severity.Keys(),
              (std::vector<std::string>{"critical", "high", "medium", "low", "info"}));
    EXPECT_EQ(At(by_severity, "info").number, "0");
    EXPECT_EQ(At(doc, "bytes").number, "76000");
    EXPECT_EQ(At(doc, "bytes_per_second").number, "152000");
    const JsonValue& junk = At(At(doc, "inputs"), "files").items.at(3);
    EXPECT_EQ(At(At(junk, "rejected_by_reason"), "binary_content").number, "1");
    EXPECT_EQ(At(At(junk, "rejections").items.at(0), "line").number, "0");
}

TEST(StatsTest, ZeroWallTimeGivesZeroThroughput) {
    RunSummary run = FixtureRun();
    run.wall_seconds = 0.0;
    std::string out;
    RenderStats({}, run, out);
    EXPECT_EQ(At(ParseOrFail(out), "bytes_per_second").number, "0");
}

std::string Table(int width, bool color) {
    std::string out;
    RenderTable(Findings(), FixtureRun(), TableOptions{color, width}, out);
    return out;
}

TEST(TableTest, MatchesGoldenAt100Columns) {
    ExpectGolden("table_100.txt", Table(100, false));
}
TEST(TableTest, MatchesGoldenAt80Columns) {
    ExpectGolden("table_80.txt", Table(80, false));
}
TEST(TableTest, MatchesGoldenAt60Columns) {
    ExpectGolden("table_60.txt", Table(60, false));
}
TEST(TableTest, MatchesGoldenUnlimited) {
    ExpectGolden("table_unlimited.txt", Table(0, false));
}
TEST(TableTest, MatchesGoldenWithColor) {
    ExpectGolden("table_100_color.txt", Table(100, true));
}

TEST(TableTest, WithoutColorThereIsNoEscapeAndNoLineIsTooWide) {
    for (const int width : {100, 80, 60}) {
        SCOPED_TRACE(width);
        const std::string out = Table(width, false);
        EXPECT_EQ(out.find('\x1b'), std::string::npos) << out;
        EXPECT_TRUE(text::IsValidUtf8(out));
        for (const std::string_view line : Lines(out)) {
            std::size_t columns = 0;
            for (const char c : line) {
                columns += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
            }
            EXPECT_LE(columns, static_cast<std::size_t>(width)) << line;
            EXPECT_TRUE(line.empty() || line.back() != ' ') << "trailing space: " << line;
        }
    }
}

TEST(TableTest, GroupsByDeviceThenSeverity) {
    const std::string out = Table(100, false);
    const std::size_t edge = out.find("edge-rtr1: 1 finding (1 high)");
    const std::size_t pe1 = out.find("pe1-fra: 3 findings (1 critical, 1 medium, 1 low)");
    ASSERT_NE(edge, std::string::npos) << out;
    ASSERT_NE(pe1, std::string::npos) << out;
    EXPECT_LT(edge, pe1);
    EXPECT_LT(out.find("critical  SW-CFG-ACL-IOC"), out.find("medium    SW-HARD-TELNET"));
    EXPECT_LT(out.find("medium    SW-HARD-TELNET"), out.find("low       SW-LOG-CLEAR"));
    EXPECT_NE(out.find("/edge rtr1.ipfix#1234"), std::string::npos) << out;
    EXPECT_NE(out.find("4 findings: 1 critical, 1 high, 1 medium, 1 low, 0 info; 3 inputs read, "
                       "1 rejected; 0.50 s\n"),
              std::string::npos)
        << out;
}

TEST(TableTest, ColorMarksSeveritiesAndResets) {
    const std::string out = Table(100, true);
    EXPECT_NE(out.find("\x1b[1;31mcritical\x1b[0m"), std::string::npos);
    EXPECT_NE(out.find("\x1b[31mhigh\x1b[0m"), std::string::npos);
    EXPECT_NE(out.find("\x1b[33mmedium\x1b[0m"), std::string::npos);
    EXPECT_NE(out.find("\x1b[36mlow\x1b[0m"), std::string::npos);
    // The ESC inside the log evidence is not passed through: only our own sequences appear.
    EXPECT_EQ(out.find("\x1b[2J"), std::string::npos);
}

TEST(TableTest, HostileTextIsNeutralised) {
    std::vector<Finding> findings = Findings();
    findings[0].evidence =
        "a\xC2\x9B"
        "31mb \xE2\x80\xAE"
        "c\td";
    findings[0].device = "dev\x1b]0;x\x07";
    std::string out;
    RenderTable(std::span<const Finding>(findings).first(1), RunSummary{}, TableOptions{false, 0},
                out);
    EXPECT_EQ(out.find('\x1b'), std::string::npos);
    EXPECT_EQ(out.find('\x07'), std::string::npos);
    EXPECT_EQ(out.find("\xC2\x9B"), std::string::npos);
    EXPECT_EQ(out.find("\xE2\x80\xAE"), std::string::npos);
    EXPECT_EQ(out.find('\t'), std::string::npos);
}

TEST(TableTest, NoFindingsIsOnlyTheSummary) {
    std::string out;
    RenderTable({}, RunSummary{}, TableOptions{false, 100}, out);
    EXPECT_EQ(out,
              "0 findings: 0 critical, 0 high, 0 medium, 0 low, 0 info; 0 inputs read, 0 "
              "rejected; 0.00 s\n");
}

TEST(RenderTest, DispatchesOnFormat) {
    const std::vector<Finding> findings = Findings();
    const std::vector<RuleInfo> rules = Catalogue();
    const RunSummary run = FixtureRun();
    std::string direct;
    std::string dispatched;
    RenderNdjson(findings, direct);
    Render(Format::kNdjson, findings, rules, run, TableOptions{}, dispatched);
    EXPECT_EQ(direct, dispatched);
    direct.clear();
    dispatched.clear();
    RenderSarif(findings, rules, run, direct);
    Render(Format::kSarif, findings, rules, run, TableOptions{}, dispatched);
    EXPECT_EQ(direct, dispatched);
}

}  // namespace
}  // namespace stormwatch::output
