// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/intel/misp/misp_import.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "support/test_files.h"
#include <gtest/gtest.h>

namespace stormwatch::intel {
namespace {

constexpr const char* kMd5 = "d41d8cd98f00b204e9800998ecf8427e";
constexpr const char* kSha1 = "da39a3ee5e6b4b0d3255bfef95601890afd80709";
constexpr const char* kSha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

struct Loaded {
    Status status;
    InputStats stats;
    MispImportReport report;
    std::vector<Indicator> indicators;
};

Loaded Load(std::string_view json, const MispImportOptions& options = {}) {
    Loaded loaded;
    IndicatorSetBuilder builder;
    loaded.status =
        ImportMispJson(json, "test.json", builder, loaded.stats, &loaded.report, options);
    // The set orders indicators by type and value, not load order: sort for stable checks.
    const auto set = builder.Build();
    for (const Indicator& indicator : set->indicators()) {
        loaded.indicators.push_back(indicator);
    }
    std::sort(loaded.indicators.begin(), loaded.indicators.end(),
              [](const Indicator& a, const Indicator& b) {
                  return std::pair(a.type, a.value) < std::pair(b.type, b.value);
              });
    return loaded;
}

std::string Attribute(std::string_view type, std::string_view value, std::string_view extra = {}) {
    std::string json = R"({"uuid":"5b1f6a1e-0000-4000-8000-00000000000)";
    json += "1\",\"type\":\"";
    json += type;
    json += R"(","value":")";
    json += value;
    json += "\"";
    if (extra.find("to_ids") == std::string_view::npos) {
        json += R"(,"to_ids":true)";
    }
    json += extra;
    json += "}";
    return json;
}

std::string EventWith(const std::string& attributes) {
    return R"({"Event":{"id":"1234","uuid":"5b1f6a1e-aaaa-4000-8000-000000000000",)"
           R"("info":"Salt Typhoon infrastructure","date":"2025-08-27","Attribute":[)" +
           attributes + "]}}";
}

void ExpectAccounting(const Loaded& loaded) {
    EXPECT_EQ(loaded.stats.read(), loaded.stats.processed() + loaded.stats.rejected());
}

TEST(MispImport, SingleEvent) {
    const Loaded loaded = Load(EventWith(Attribute("ip-dst", "203.0.113.5")));
    ASSERT_TRUE(loaded.status.ok()) << loaded.status.message();
    EXPECT_EQ(loaded.report.events, 1U);
    EXPECT_EQ(loaded.stats.read(), 1U);
    EXPECT_EQ(loaded.stats.processed(), 1U);
    ASSERT_EQ(loaded.indicators.size(), 1U);
    EXPECT_EQ(loaded.indicators[0].value, "203.0.113.5");
    EXPECT_EQ(loaded.indicators[0].type, IndicatorType::kIpv4);
    EXPECT_EQ(loaded.indicators[0].id, "5b1f6a1e-0000-4000-8000-000000000001");
    EXPECT_EQ(loaded.indicators[0].source, "MISP event 1234: Salt Typhoon infrastructure");
}

TEST(MispImport, ResponseBareAndArrayForms) {
    const std::string a =
        R"({"info":"a","uuid":"u1","Attribute":[)" + Attribute("domain", "a.example") + "]}";
    const std::string b =
        R"({"info":"b","uuid":"u2","Attribute":[)" + Attribute("domain", "b.example") + "]}";
    for (const std::string& json :
         {R"({"response":[{"Event":)" + a + R"(},{"Event":)" + b + "}]}", "[" + a + "," + b + "]",
          R"([{"Event":)" + a + R"(},{"Event":)" + b + "}]"}) {
        const Loaded loaded = Load(json);
        ASSERT_TRUE(loaded.status.ok()) << loaded.status.message();
        EXPECT_EQ(loaded.report.events, 2U) << json;
        EXPECT_EQ(loaded.indicators.size(), 2U) << json;
        ExpectAccounting(loaded);
    }
    const Loaded bare = Load(a);
    ASSERT_TRUE(bare.status.ok());
    EXPECT_EQ(bare.report.events, 1U);
    EXPECT_EQ(bare.indicators.size(), 1U);

    const Loaded empty = Load(R"({"response":[]})");
    EXPECT_TRUE(empty.status.ok());
    EXPECT_EQ(empty.report.events, 0U);
}

struct TypeCase {
    std::string type;
    std::string value;
    std::vector<std::pair<IndicatorType, std::string>> expected;
};

TEST(MispImport, AttributeTypeMapping) {
    const std::vector<TypeCase> cases = {
        {"ip-src", "203.0.113.5", {{IndicatorType::kIpv4, "203.0.113.5"}}},
        {"ip-dst", "2001:DB8::1", {{IndicatorType::kIpv6, "2001:db8::1"}}},
        {"ip-dst", "198.51.100.0/24", {{IndicatorType::kCidr, "198.51.100.0/24"}}},
        {"ip-dst|port", "203.0.113.7|443", {{IndicatorType::kIpv4, "203.0.113.7"}}},
        {"ip-src|port", "2001:db8::7|8443", {{IndicatorType::kIpv6, "2001:db8::7"}}},
        {"domain", "Evil.Example", {{IndicatorType::kDomain, "evil.example"}}},
        {"hostname", "mail.evil.example", {{IndicatorType::kDomain, "mail.evil.example"}}},
        {"hostname|port", "c2.evil.example|8080", {{IndicatorType::kDomain, "c2.evil.example"}}},
        {"domain|ip",
         "evil.example|203.0.113.9",
         {{IndicatorType::kDomain, "evil.example"}, {IndicatorType::kIpv4, "203.0.113.9"}}},
        {"url", "http://evil.example/a", {{IndicatorType::kUrl, "http://evil.example/a"}}},
        {"uri", "https://evil.example/x", {{IndicatorType::kUrl, "https://evil.example/x"}}},
        // Scheme-less url values occur in real events: a bare host, or a path taken as http.
        {"url", "www.evil.example", {{IndicatorType::kDomain, "www.evil.example"}}},
        {"url", "evil.example/gate.php", {{IndicatorType::kUrl, "http://evil.example/gate.php"}}},
        {"malware-sample", "bar.exe", {{IndicatorType::kFileName, "bar.exe"}}},
        {"md5", kMd5, {{IndicatorType::kMd5, kMd5}}},
        {"sha1", kSha1, {{IndicatorType::kSha1, kSha1}}},
        {"sha256", kSha256, {{IndicatorType::kSha256, kSha256}}},
        {"sha512", std::string(128, 'a'), {{IndicatorType::kSha512, std::string(128, 'a')}}},
        {"filename|md5",
         std::string("a.exe|") + kMd5,
         {{IndicatorType::kFileName, "a.exe"}, {IndicatorType::kMd5, kMd5}}},
        {"filename|sha1",
         std::string("b.dll|") + kSha1,
         {{IndicatorType::kFileName, "b.dll"}, {IndicatorType::kSha1, kSha1}}},
        {"filename|sha256",
         std::string("c.bin|") + kSha256,
         {{IndicatorType::kFileName, "c.bin"}, {IndicatorType::kSha256, kSha256}}},
        {"filename|ssdeep", "d.exe|3:abc:def", {{IndicatorType::kFileName, "d.exe"}}},
        {"malware-sample",
         std::string("e.zip|") + kMd5,
         {{IndicatorType::kFileName, "e.zip"}, {IndicatorType::kMd5, kMd5}}},
        {"filename", "sftp_client", {{IndicatorType::kFileName, "sftp_client"}}},
        {"email-src", "a@evil.example", {{IndicatorType::kEmail, "a@evil.example"}}},
        {"email-dst", "b@evil.example", {{IndicatorType::kEmail, "b@evil.example"}}},
        {"email", "c@evil.example", {{IndicatorType::kEmail, "c@evil.example"}}},
        {"target-user", "cisco_support", {{IndicatorType::kAccount, "cisco_support"}}},
    };
    for (const TypeCase& test : cases) {
        const Loaded loaded = Load(EventWith(Attribute(test.type, test.value)));
        ASSERT_TRUE(loaded.status.ok()) << test.type;
        EXPECT_EQ(loaded.stats.processed(), 1U) << test.type;
        EXPECT_EQ(loaded.stats.unrecognised(), 0U) << test.type;
        EXPECT_EQ(loaded.report.indicators, test.expected.size()) << test.type;
        ASSERT_EQ(loaded.indicators.size(), test.expected.size()) << test.type;
        auto expected = test.expected;
        std::sort(expected.begin(), expected.end());
        for (std::size_t i = 0; i < test.expected.size(); ++i) {
            EXPECT_EQ(loaded.indicators[i].type, expected[i].first) << test.type;
            EXPECT_EQ(loaded.indicators[i].value, expected[i].second) << test.type;
        }
    }
}

TEST(MispImport, ObjectAttributesAndUserAccount) {
    const std::string json =
        R"({"Event":{"info":"x","uuid":"e","Object":[{"name":"user-account","Attribute":[)" +
        Attribute("text", "backdoor_admin", R"(,"object_relation":"username")") + "," +
        Attribute("text", "Backdoor account", R"(,"object_relation":"description")") +
        R"(]},{"name":"domain-ip","Attribute":[)" + Attribute("ip-dst", "203.0.113.66") + "]}]}}";
    const Loaded loaded = Load(json);
    ASSERT_TRUE(loaded.status.ok());
    EXPECT_EQ(loaded.stats.read(), 3U);
    EXPECT_EQ(loaded.stats.processed(), 3U);
    EXPECT_EQ(loaded.report.not_indicator, 1U);
    ASSERT_EQ(loaded.indicators.size(), 2U);
    EXPECT_EQ(loaded.indicators[0].value, "203.0.113.66");
    EXPECT_EQ(loaded.indicators[1].type, IndicatorType::kAccount);
    EXPECT_EQ(loaded.indicators[1].value, "backdoor_admin");
}

TEST(MispImport, TypesWithoutIndicatorAreProcessedAndTallied) {
    const Loaded loaded =
        Load(EventWith(Attribute("AS", "AS64496") + "," + Attribute("text", "note") + "," +
                       Attribute("link", "https://report.example/x") + "," +
                       Attribute("port", "8443") + "," + Attribute("uri", "/gate.php")));
    ASSERT_TRUE(loaded.status.ok());
    EXPECT_EQ(loaded.stats.read(), 5U);
    EXPECT_EQ(loaded.stats.processed(), 5U);
    EXPECT_EQ(loaded.stats.rejected(), 0U);
    EXPECT_EQ(loaded.stats.unrecognised(), 5U);
    EXPECT_EQ(loaded.report.not_indicator, 5U);
    EXPECT_TRUE(loaded.indicators.empty());
    const std::map<std::string, std::uint64_t> expected = {
        {"AS", 1}, {"link", 1}, {"port", 1}, {"text", 1}, {"uri (relative)", 1}};
    EXPECT_EQ(loaded.report.not_indicator_types, expected);
}

TEST(MispImport, ToIdsFalseIsContext) {
    const std::string json =
        EventWith(Attribute("ip-dst", "203.0.113.5") + "," +
                  Attribute("ip-dst", "203.0.113.6", R"(,"to_ids":false)") + "," +
                  Attribute("ip-dst", "203.0.113.7", R"(,"to_ids":"0")"));
    const Loaded loaded = Load(json);
    ASSERT_TRUE(loaded.status.ok());
    EXPECT_EQ(loaded.stats.processed(), 3U);
    EXPECT_EQ(loaded.report.context_only, 2U);
    EXPECT_EQ(loaded.indicators.size(), 1U);

    const Loaded all = Load(json, MispImportOptions{.include_context = true});
    EXPECT_EQ(all.report.context_only, 0U);
    EXPECT_EQ(all.indicators.size(), 3U);
}

TEST(MispImport, DeletedAttributesAndObjects) {
    const std::string json = R"({"Event":{"info":"x","uuid":"e","Attribute":[)" +
                             Attribute("ip-dst", "203.0.113.5", R"(,"deleted":true)") + "," +
                             Attribute("ip-dst", "203.0.113.6") +
                             R"(],"Object":[{"name":"file","deleted":true,"Attribute":[)" +
                             Attribute("md5", kMd5) + "]}]}}";
    const Loaded loaded = Load(json);
    ASSERT_TRUE(loaded.status.ok());
    EXPECT_EQ(loaded.stats.read(), 3U);
    EXPECT_EQ(loaded.stats.processed(), 3U);
    EXPECT_EQ(loaded.report.deleted, 2U);
    ASSERT_EQ(loaded.indicators.size(), 1U);
    EXPECT_EQ(loaded.indicators[0].value, "203.0.113.6");
}

TEST(MispImport, BadValuesAreRejectedWithUuidAndLine) {
    const std::string json = "{\"Event\":{\"info\":\"x\",\"uuid\":\"e\",\"Attribute\":[\n" +
                             Attribute("ip-dst", "999.1.1.1") + ",\n" +
                             Attribute("domain|ip", "evil.example|300.1.1.1") + ",\n" +
                             Attribute("md5", "xyz") + ",\n" + Attribute("ip-dst", "") + ",\n" +
                             R"({"uuid":"u5","value":"1.2.3.4"})" + ",\n" + "42" + ",\n" +
                             Attribute("ip-dst|port", "203.0.113.5") + "]}}";
    const Loaded loaded = Load(json);
    ASSERT_TRUE(loaded.status.ok());
    EXPECT_EQ(loaded.stats.read(), 7U);
    EXPECT_EQ(loaded.stats.rejected(), 7U);
    EXPECT_EQ(loaded.stats.RejectedFor(RejectReason::kUnknownSyntax), 7U);
    // The good half of a composite is not loaded under a rejected record.
    EXPECT_TRUE(loaded.indicators.empty());
    const auto& kept = loaded.stats.kept();
    ASSERT_EQ(kept.size(), 7U);
    EXPECT_EQ(kept[0].line, 2U);
    EXPECT_EQ(kept[0].detail,
              "attribute 5b1f6a1e-0000-4000-8000-000000000001: not a valid ip-dst value "
              "(ipv4): 999.1.1.1");
    EXPECT_NE(kept[1].detail.find("not a valid domain|ip value (ipv4): 300.1.1.1"),
              std::string::npos);
    EXPECT_NE(kept[2].detail.find("not a valid md5 value"), std::string::npos);
    EXPECT_NE(kept[3].detail.find("attribute of type ip-dst without a value"), std::string::npos);
    EXPECT_EQ(kept[4].detail, "attribute u5: attribute without a type");
    EXPECT_EQ(kept[5].detail, "attribute: attribute is not a JSON object");
    EXPECT_NE(kept[6].detail.find("composite value without '|'"), std::string::npos);
}

TEST(MispImport, MalformedJsonNamesTheOffset) {
    const Loaded loaded = Load("{\"Event\": {\"info\": \"x\",\n \"Attribute\": [}}");
    EXPECT_EQ(loaded.status.code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(loaded.status.message(),
              "test.json: malformed JSON at byte 39 (line 2, column 16): "
              "unexpected character, expected a value");
    EXPECT_TRUE(loaded.stats.input_rejected());
    ExpectAccounting(loaded);
}

TEST(MispImport, NestingIsCapped) {
    const std::string deep = R"({"Event":{"info":"x","uuid":"e","Attribute":[)" +
                             std::string(200, '[') + std::string(200, ']') + "]}}";
    const Loaded loaded = Load(deep);
    EXPECT_EQ(loaded.status.code(), StatusCode::kInvalidArgument);
    EXPECT_NE(loaded.status.message().find("nesting deeper than 64 levels"), std::string::npos);
}

TEST(MispImport, NotMispIsUnsupported) {
    for (const char* json :
         {R"({})", R"({"type":"bundle","objects":[]})", R"([{"SharingGroup":{}}])", R"("text")"}) {
        const Loaded loaded = Load(json);
        EXPECT_EQ(loaded.status.code(), StatusCode::kUnsupported) << json;
        EXPECT_NE(loaded.status.message().find("without a MISP event"), std::string::npos);
        EXPECT_FALSE(LooksLikeMispJson(json)) << json;
    }
    EXPECT_TRUE(LooksLikeMispJson(EventWith("")));
}

// The sniff of `json`, which must not depend on whether it reads a copy or the buffer in place.
bool Sniff(std::string_view json) {
    std::string buffer(json);
    buffer.append(64, '\0');
    const bool in_place =
        LooksLikeMispJson(PaddedText(std::string_view(buffer.data(), json.size()), 64));
    EXPECT_EQ(in_place, LooksLikeMispJson(json)) << json;
    return in_place;
}

// The sniff reads top-level keys first; a MISP key anywhere among them, or keys that are all
// UUIDs (a feed manifest), still gets the full look.
TEST(MispImport, SniffByTopLevelKeys) {
    for (const char* json : {
             R"({"type":"bundle","id":"bundle--1","objects":[{"type":"indicator"}],"x":1})",
             R"({"type":"bundle","objects":[{"Event":{"info":"nested, not top level"}}]})",
             R"({"5b1f6a1e-0000-4000-8000-000000000001":{"info":"a"},"other":{}})",
         }) {
        EXPECT_FALSE(Sniff(json)) << json;
    }
    for (const char* json : {
             R"({"type":"bundle","objects":[],"Event":{"info":"x","uuid":"e"}})",
             R"({"objects":[],"response":[]})",
             R"({"x":1,"Attribute":[]})",
             R"({"x":1,"info":"edge","uuid":"5b1f6a1e-0000-4000-8000-000000000001"})",
             R"({"5b1f6a1e-0000-4000-8000-000000000001":{"info":"a"}})",
             R"([{"Event":{"info":"x","uuid":"e"}}])",
         }) {
        EXPECT_TRUE(Sniff(json)) << json;
    }
}

TEST(MispImport, ManifestIsCountedAndPointsAtTheDirectory) {
    const Loaded loaded =
        Load(R"({"5b1f6a1e-0000-4000-8000-000000000001":{"info":"a","timestamp":"1"},)"
             R"("5b1f6a1e-0000-4000-8000-000000000002":{"info":"b","timestamp":"2"}})");
    EXPECT_EQ(loaded.status.code(), StatusCode::kUnsupported);
    EXPECT_NE(loaded.status.message().find("MISP feed manifest listing 2 events"),
              std::string::npos);
    EXPECT_EQ(loaded.report.feed_events_listed, 2U);
    EXPECT_EQ(loaded.stats.read(), 0U);
}

void WriteFile(const std::filesystem::path& path, std::string_view content) {
    std::ofstream out(path, std::ios::binary);
    out << content;
}

TEST(MispImport, FeedDirectory) {
    const std::filesystem::path dir = std::filesystem::path(testing::TempDir()) / "misp_feed";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    const std::string good = "5b1f6a1e-0000-4000-8000-00000000000a";
    const std::string broken = "5b1f6a1e-0000-4000-8000-00000000000b";
    const std::string missing = "5b1f6a1e-0000-4000-8000-00000000000c";
    WriteFile(dir / "manifest.json",
              "{\"" + good + "\":{},\"" + broken + "\":{},\"" + missing + "\":{}}");
    WriteFile(dir / (good + ".json"),
              EventWith(Attribute("ip-dst", "203.0.113.5") + "," + Attribute("text", "x")));
    WriteFile(dir / (broken + ".json"), "{\"Event\": ");

    IndicatorSetBuilder builder;
    InputStats stats;
    MispImportReport report;
    ASSERT_TRUE(ImportMispFeedDirectory(dir.string(), builder, stats, &report).ok());
    EXPECT_EQ(report.feed_events_listed, 3U);
    EXPECT_EQ(report.events, 1U);
    EXPECT_EQ(stats.read(), 4U);  // two attributes, one broken file, one missing file
    EXPECT_EQ(stats.processed(), 2U);
    EXPECT_EQ(stats.RejectedFor(RejectReason::kUnknownSyntax), 1U);
    EXPECT_EQ(stats.RejectedFor(RejectReason::kUnreadable), 1U);
    EXPECT_FALSE(stats.input_rejected());
    EXPECT_EQ(builder.Build()->size(), 1U);

    // The manifest path itself imports the directory.
    IndicatorSetBuilder via_file;
    InputStats file_stats;
    const std::string manifest = (dir / "manifest.json").string();
    ASSERT_TRUE(
        ImportMispFile(manifest, test_support::ReadFile(manifest), via_file, file_stats).ok());
    EXPECT_EQ(file_stats.read(), 4U);

    // Keys that are not uuids would name arbitrary files: not a manifest.
    WriteFile(dir / "manifest.json", R"({"../../etc/passwd":{}})");
    InputStats bad_stats;
    const Status bad = ImportMispFeedDirectory(dir.string(), builder, bad_stats);
    EXPECT_EQ(bad.code(), StatusCode::kInvalidArgument);
    EXPECT_NE(bad.message().find("not a MISP feed manifest"), std::string::npos);
    std::filesystem::remove_all(dir);
}

TEST(MispImport, SightingsAndProposalsAreCounted) {
    const Loaded loaded = Load(EventWith(
        Attribute("ip-dst", "203.0.113.5",
                  R"(,"Sighting":[{"type":"0"},{"type":"0"}],"ShadowAttribute":[{"value":"x"}])")));
    EXPECT_EQ(loaded.report.sightings, 2U);
    EXPECT_EQ(loaded.report.proposals, 1U);
}

TEST(MispImport, Metadata) {
    const std::string json = R"({"Event":{"id":"1234","info":"Salt Typhoon infrastructure",)"
                             R"("date":"2025-08-27","Orgc":{"name":"CIRCL"},)"
                             R"("Tag":[{"name":"tlp:green"},)"
                             R"({"name":"misp-galaxy:threat-actor=\"Salt Typhoon\""}],)"
                             R"("Attribute":[)" +
                             Attribute("ip-dst", "203.0.113.5",
                                       R"(,"first_seen":"2024-01-01T00:00:00.000000+00:00",)"
                                       R"("last_seen":"2025-01-01T00:00:00Z","Tag":[{"name":)"
                                       R"("estimative-language:confidence-in-analytic-judgment=)"
                                       R"(\"moderate\""},{"name":"tlp:green"}])") +
                             "," + Attribute("domain", "evil.example") + "]}}";
    const Loaded loaded = Load(json);
    ASSERT_TRUE(loaded.status.ok());
    ASSERT_EQ(loaded.indicators.size(), 2U);
    const Indicator& ip = loaded.indicators[0];
    EXPECT_EQ(ip.source, "MISP event 1234 (CIRCL): Salt Typhoon infrastructure");
    EXPECT_EQ(ip.actor, "Salt Typhoon");
    EXPECT_EQ(ip.confidence, "medium");
    const std::vector<std::string> labels = {
        "tlp:green", "misp-galaxy:threat-actor=\"Salt Typhoon\"",
        "estimative-language:confidence-in-analytic-judgment=\"moderate\""};
    EXPECT_EQ(ip.labels, labels);
    EXPECT_EQ(ip.valid_from, 1704067200);
    EXPECT_EQ(ip.valid_until, 1735689600);
    // Without first/last seen the event date opens the window.
    const Indicator& domain = loaded.indicators[1];
    EXPECT_EQ(domain.valid_from, 1756252800);
    EXPECT_FALSE(domain.valid_until.has_value());
    EXPECT_EQ(domain.confidence, "");
    EXPECT_EQ(domain.actor, "Salt Typhoon");
}

}  // namespace
}  // namespace stormwatch::intel
