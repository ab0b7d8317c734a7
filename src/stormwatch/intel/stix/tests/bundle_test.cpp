// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/intel/stix/bundle.h"

#include <filesystem>
#include <string>
#include <vector>

#include "support/test_files.h"
#include <gtest/gtest.h>

#include "stormwatch/core/ip_address.h"

namespace stormwatch::intel::stix {
namespace {

namespace fs = std::filesystem;
using stormwatch::test_support::ReadFile;

struct Imported {
    Status status;
    std::vector<Indicator> indicators;
    InputStats stats;
    StixImportSummary summary;
};

Imported Import(PaddedText json) {
    Imported result;
    const IndicatorSink sink = [&result](std::vector<Indicator>&& indicators) {
        for (Indicator& indicator : indicators) {
            result.indicators.push_back(std::move(indicator));
        }
        return true;
    };
    result.status = ParseStixBundle(json, "test-feed", sink, result.stats, &result.summary);
    return result;
}

void ExpectAccounting(const Imported& imported) {
    EXPECT_EQ(imported.stats.read(), imported.stats.processed() + imported.stats.rejected());
}

std::string Bundle(const std::string& objects) {
    return R"({"type":"bundle","id":"bundle--00000000-0000-4000-8000-000000000000","objects":[)" +
           objects + "]}";
}

std::string IndicatorJson(const std::string& id, const std::string& pattern,
                          const std::string& extra = "") {
    return R"({"type":"indicator","spec_version":"2.1","id":")" + id +
           R"(","created":"2021-01-01T00:00:00.000Z","modified":"2021-01-01T00:00:00.000Z",)"
           R"("pattern_type":"stix","pattern":")" +
           pattern + R"(","valid_from":"2021-08-01T00:00:00Z")" + extra + "}";
}

constexpr const char* kIndicatorA = "indicator--aaaaaaaa-0000-4000-8000-000000000001";
constexpr const char* kIndicatorB = "indicator--aaaaaaaa-0000-4000-8000-000000000002";

TEST(StixBundleTest, IndicatorWithMetadataAndRelationships) {
    const std::string json = Bundle(
        R"({"type":"identity","spec_version":"2.1","id":"identity--11111111-0000-4000-8000-000000000001","created":"2021-01-01T00:00:00Z","modified":"2021-01-01T00:00:00Z","name":"CISA","identity_class":"organization"},)" +
        IndicatorJson(kIndicatorA,
                      "[ipv4-addr:value = '198.51.100.7'] OR [domain-name:value = 'c2.example']",
                      R"(,"valid_until":"2025-06-30T23:59:59Z","confidence":85,"labels":["apt"],)"
                      R"("created_by_ref":"identity--11111111-0000-4000-8000-000000000001")") +
        R"(,{"type":"campaign","spec_version":"2.1","id":"campaign--22222222-0000-4000-8000-000000000001","created":"2021-01-01T00:00:00Z","modified":"2021-01-01T00:00:00Z","name":"Operation Tide"})"
        R"(,{"type":"intrusion-set","spec_version":"2.1","id":"intrusion-set--33333333-0000-4000-8000-000000000001","created":"2021-01-01T00:00:00Z","modified":"2021-01-01T00:00:00Z","name":"Salt Typhoon"})"
        R"(,{"type":"relationship","spec_version":"2.1","id":"relationship--44444444-0000-4000-8000-000000000001","created":"2021-01-01T00:00:00Z","modified":"2021-01-01T00:00:00Z","relationship_type":"indicates","source_ref":")" +
        kIndicatorA +
        R"(","target_ref":"campaign--22222222-0000-4000-8000-000000000001"})"
        R"(,{"type":"relationship","spec_version":"2.1","id":"relationship--44444444-0000-4000-8000-000000000002","created":"2021-01-01T00:00:00Z","modified":"2021-01-01T00:00:00Z","relationship_type":"attributed-to","source_ref":"campaign--22222222-0000-4000-8000-000000000001","target_ref":"intrusion-set--33333333-0000-4000-8000-000000000001"})");
    const Imported imported = Import(json);
    ASSERT_TRUE(imported.status.ok()) << imported.status.message();
    ExpectAccounting(imported);
    EXPECT_EQ(imported.stats.read(), 6U);
    EXPECT_EQ(imported.stats.rejected(), 0U);
    ASSERT_EQ(imported.indicators.size(), 2U);
    const Indicator& ip = imported.indicators[0];
    EXPECT_EQ(ip.type, IndicatorType::kIpv4);
    EXPECT_EQ(ip.value, "198.51.100.7");
    EXPECT_EQ(ip.id, kIndicatorA);
    EXPECT_EQ(ip.source, "CISA");
    EXPECT_EQ(ip.confidence, "85");
    EXPECT_EQ(ip.actor, "Salt Typhoon");
    EXPECT_EQ(ip.labels, (std::vector<std::string>{"apt", "Operation Tide", "Salt Typhoon"}));
    EXPECT_EQ(ip.valid_from, 1627776000);
    EXPECT_EQ(ip.valid_until, 1751327999);
    EXPECT_EQ(imported.indicators[1].type, IndicatorType::kDomain);
    EXPECT_EQ(imported.indicators[1].value, "c2.example");
}

TEST(StixBundleTest, RejectsWholeIndicatorsWithReasonAndId) {
    const std::string json = Bundle(
        IndicatorJson(kIndicatorA, "[ipv4-addr:value = '999.1.1.1']") + "," +
        IndicatorJson(kIndicatorB, "[ipv4-addr:value = '1.2.3.4/40']") + "," +
        IndicatorJson(
            "indicator--aaaaaaaa-0000-4000-8000-000000000003",
            "[ipv4-addr:value = '192.0.2.1'] FOLLOWEDBY [ipv4-addr:value = '192.0.2.2']") +
        "," +
        IndicatorJson("indicator--aaaaaaaa-0000-4000-8000-000000000004", "[ipv4-addr:value = ") +
        "," + IndicatorJson(kIndicatorA, "[ipv4-addr:value = '192.0.2.9']") + "," +
        R"({"type":"indicator","id":"indicator--aaaaaaaa-0000-4000-8000-000000000005","pattern_type":"sigma","pattern":"title: x"},)"
        R"({"type":"indicator","id":"indicator--aaaaaaaa-0000-4000-8000-000000000006","pattern":"[ipv4-addr:value = '192.0.2.6']","revoked":true},)"
        R"({"type":"indicator","id":"indicator--aaaaaaaa-0000-4000-8000-000000000007","pattern":"[ipv4-addr:value = '192.0.2.7']","valid_from":"yesterday"},)"
        R"({"id":"x--1"},42,)"
        R"({"type":"indicator","id":"indicator--aaaaaaaa-0000-4000-8000-000000000008","pattern":"[ipv4-addr:value = '192.0.2.8']"})");
    const Imported imported = Import(json);
    ASSERT_TRUE(imported.status.ok()) << imported.status.message();
    ExpectAccounting(imported);
    EXPECT_EQ(imported.stats.read(), 11U);
    EXPECT_EQ(imported.stats.processed(), 1U);
    EXPECT_EQ(imported.stats.rejected(), 10U);
    ASSERT_EQ(imported.indicators.size(), 1U);
    EXPECT_EQ(imported.indicators[0].value, "192.0.2.8");
    const auto& s = imported.summary;
    EXPECT_EQ(s.RejectedFor(StixReject::kPatternInvalidValue), 2U);
    EXPECT_EQ(s.RejectedFor(StixReject::kPatternUnsupported), 1U);
    EXPECT_EQ(s.RejectedFor(StixReject::kPatternSyntax), 1U);
    EXPECT_EQ(s.RejectedFor(StixReject::kDuplicateId), 1U);
    EXPECT_EQ(s.RejectedFor(StixReject::kPatternType), 1U);
    EXPECT_EQ(s.RejectedFor(StixReject::kRevoked), 1U);
    EXPECT_EQ(s.RejectedFor(StixReject::kInvalidObject), 3U);
    const auto& kept = imported.stats.kept();
    ASSERT_GE(kept.size(), 2U);
    EXPECT_EQ(kept[0].line, 1U);
    EXPECT_EQ(kept[0].detail, std::string("stix-invalid-value ") + kIndicatorA +
                                  ": '999.1.1.1' is not a valid value for ipv4-addr:value");
    EXPECT_NE(kept[1].detail.find("'1.2.3.4/40'"), std::string::npos) << kept[1].detail;
    EXPECT_NE(kept[2].detail.find("FOLLOWEDBY"), std::string::npos) << kept[2].detail;
    EXPECT_NE(kept[4].detail.find("duplicate id"), std::string::npos) << kept[4].detail;
}

TEST(StixBundleTest, ObservablesAndObservedData) {
    const std::string json = Bundle(
        R"({"type":"ipv4-addr","spec_version":"2.1","id":"ipv4-addr--55555555-0000-4000-8000-000000000001","value":"203.0.113.5"},)"
        R"({"type":"ipv4-addr","id":"ipv4-addr--55555555-0000-4000-8000-000000000002","value":"203.0.113.0/24"},)"
        R"({"type":"ipv6-addr","id":"ipv6-addr--55555555-0000-4000-8000-000000000003","value":"2001:db8::5"},)"
        R"({"type":"domain-name","id":"domain-name--55555555-0000-4000-8000-000000000004","value":"Evil.Example"},)"
        R"({"type":"file","id":"file--55555555-0000-4000-8000-000000000005","name":"resume.pdf","hashes":{"MD5":"1717b7fff97d37a1e1a0029d83492de1","SSDEEP":"x"}},)"
        R"({"type":"user-account","id":"user-account--55555555-0000-4000-8000-000000000006","account_login":"cisco_support","user_id":"1001"},)"
        R"({"type":"email-addr","id":"email-addr--55555555-0000-4000-8000-000000000007","value":"a@evil.example"},)"
        R"({"type":"url","id":"url--55555555-0000-4000-8000-000000000008","value":"https://evil.example/x"},)"
        R"({"type":"ipv4-addr","id":"ipv4-addr--55555555-0000-4000-8000-000000000009","value":"999.1.1.1"},)"
        R"({"type":"observed-data","id":"observed-data--66666666-0000-4000-8000-000000000001","confidence":40,"first_observed":"2020-01-01T00:00:00Z","last_observed":"2020-01-01T00:00:00Z","number_observed":1,"objects":{"0":{"type":"ipv4-addr","value":"198.51.100.20"},"1":{"type":"process","pid":4},"2":{"type":"domain-name","value":"x.example"}}},)"
        R"({"type":"observed-data","id":"observed-data--66666666-0000-4000-8000-000000000002","number_observed":1,"object_refs":["ipv4-addr--55555555-0000-4000-8000-000000000001"]},)"
        R"({"type":"mac-addr","id":"mac-addr--55555555-0000-4000-8000-00000000000a","value":"00:00:5e:00:53:01"})");
    const Imported imported = Import(json);
    ASSERT_TRUE(imported.status.ok()) << imported.status.message();
    ExpectAccounting(imported);
    EXPECT_EQ(imported.stats.read(), 12U);
    EXPECT_EQ(imported.stats.rejected(), 1U);
    EXPECT_EQ(imported.summary.RejectedFor(StixReject::kInvalidObservable), 1U);
    std::vector<std::string> values;
    for (const Indicator& indicator : imported.indicators) {
        values.push_back(std::string(IndicatorTypeName(indicator.type)) + ":" + indicator.value);
    }
    EXPECT_EQ(values, (std::vector<std::string>{
                          "ipv4:203.0.113.5", "cidr:203.0.113.0/24", "ipv6:2001:db8::5",
                          "domain:evil.example", "md5:1717b7fff97d37a1e1a0029d83492de1",
                          "account:cisco_support", "account:1001", "email:a@evil.example",
                          "url:https://evil.example/x", "ipv4:198.51.100.20", "domain:x.example"}));
    EXPECT_EQ(imported.indicators[9].confidence, "40");
    EXPECT_EQ(imported.indicators[9].id, "observed-data--66666666-0000-4000-8000-000000000001");
    EXPECT_EQ(imported.indicators[0].source, "test-feed");
}

TEST(StixBundleTest, MalformedInputIsOneClearError) {
    for (const char* json :
         {"", "{", "[1,2", "{\"type\":\"bundle\",\"objects\":{}}", "[]", "{\"objects\":[]}",
          "\"str\"", "{\"type\":\"bundle\",\"objects\":[}"}) {
        const Imported imported = Import(json);
        EXPECT_FALSE(imported.status.ok()) << json;
        EXPECT_EQ(imported.status.code(), StatusCode::kInvalidArgument) << json;
        EXPECT_TRUE(imported.stats.input_rejected()) << json;
        ExpectAccounting(imported);
    }
    const Imported bad = Import("{\"type\": \"bundle\", \"objects\": [ }");
    EXPECT_NE(bad.status.message().find("test-feed: not valid JSON"), std::string::npos)
        << bad.status.message();
}

TEST(StixBundleTest, DeepNestingAndHugeStringsAreBounded) {
    std::string deep = R"({"type":"bundle","objects":[{"type":"note","id":"note--1","x":)";
    deep += std::string(200000, '[') + std::string(200000, ']') + "}]}";
    const Imported nested = Import(deep);
    EXPECT_FALSE(nested.status.ok());
    ExpectAccounting(nested);

    const std::string huge_value(8 << 20, 'a');
    const Imported huge =
        Import(Bundle(IndicatorJson(kIndicatorA, "[file:name = '" + huge_value + "']")));
    ASSERT_TRUE(huge.status.ok()) << huge.status.message();
    EXPECT_EQ(huge.stats.rejected(), 1U);  // longer than kMaxPatternBytes
    ExpectAccounting(huge);
}

TEST(StixBundleTest, OversizedInputIsRejectedBeforeParsing) {
    // A view past the cap without allocating it: the size check comes before any read.
    const std::string small = "{}";
    const std::string_view oversized(small.data(), kMaxStixBundleBytes + 1);
    InputStats stats;
    const Status status = ParseStixBundle(
        oversized, "big.json", [](std::vector<Indicator>&&) { return true; }, stats);
    EXPECT_FALSE(status.ok());
    EXPECT_NE(status.message().find("MiB limit"), std::string::npos) << status.message();
    EXPECT_TRUE(stats.input_rejected());
}

// A padded buffer is parsed in place (no copy); the answer is the one a copy gives, and a
// document cut short is still an error, not a read of the padding.
TEST(StixBundleTest, PaddedInputIsReadInPlaceWithTheSameResult) {
    const fs::path pack = fs::path(STORMWATCH_SOURCE_DIR) / "rules/intel/salt-typhoon.stix.json";
    const std::string text = ReadFile(pack);
    ASSERT_FALSE(text.empty()) << pack;
    for (const std::size_t size : {text.size(), text.size() / 2}) {
        std::string buffer = text.substr(0, size);
        buffer.append(64, '\0');
        const Imported copied = Import(std::string_view(text).substr(0, size));
        const Imported in_place = Import(PaddedText(std::string_view(buffer.data(), size), 64));
        EXPECT_EQ(in_place.status.ok(), copied.status.ok()) << size;
        EXPECT_EQ(in_place.status.ok(), size == text.size());
        ASSERT_EQ(in_place.indicators.size(), copied.indicators.size()) << size;
        for (std::size_t i = 0; i < copied.indicators.size(); ++i) {
            EXPECT_EQ(in_place.indicators[i].value, copied.indicators[i].value) << i;
        }
        EXPECT_EQ(in_place.stats.read(), copied.stats.read()) << size;
        EXPECT_EQ(in_place.stats.rejected(), copied.stats.rejected()) << size;
    }
}

TEST(StixBundleTest, BuiltInStixPackLoadsCompletely) {
    const fs::path pack = fs::path(STORMWATCH_SOURCE_DIR) / "rules/intel/salt-typhoon.stix.json";
    const std::string text = ReadFile(pack);
    ASSERT_FALSE(text.empty()) << pack;
    const Imported imported = Import(text);
    ASSERT_TRUE(imported.status.ok()) << imported.status.message();
    ExpectAccounting(imported);
    EXPECT_EQ(imported.stats.rejected(), 0U);
    EXPECT_EQ(imported.indicators.size(), 181U);  // one per CSV row
    for (const Indicator& indicator : imported.indicators) {
        EXPECT_EQ(indicator.actor, "Salt Typhoon") << indicator.value;
        // The report behind each row (its external reference), not the bundle's compiler.
        EXPECT_NE(indicator.source, "Stormwatch built-in intel pack") << indicator.value;
        EXPECT_FALSE(indicator.source.empty()) << indicator.value;
        EXPECT_TRUE(indicator.valid_from.has_value()) << indicator.value;
    }
    const Indicator& first = imported.indicators.front();  // an AA25-239A row
    EXPECT_EQ(first.valid_from, 1627776000);
    EXPECT_EQ(first.valid_until, 1751327999);
    EXPECT_EQ(first.confidence, "50");
    EXPECT_EQ(first.source, "AA25-239A (blocklist published 2025-08-28; S10)");
}

TEST(StixBundleTest, ImportIntoTheIndicatorSet) {
    IndicatorSetBuilder builder;
    InputStats stats;
    const std::string json = Bundle(IndicatorJson(
        kIndicatorA,
        "[ipv4-addr:value ISSUBSET '198.51.100.0/24' OR domain-name:value = 'c2.example']"));
    ASSERT_TRUE(ImportStixBundle(json, "feed", builder, stats).ok());
    EXPECT_EQ(stats.processed(), 1U);
    const auto set = builder.Build();
    const auto address = IpAddress::Parse("198.51.100.20");
    ASSERT_TRUE(address);
    const Indicator* hit = set->MatchAddress(*address);
    ASSERT_NE(hit, nullptr);
    EXPECT_EQ(hit->id, kIndicatorA);
    EXPECT_NE(set->MatchDomain("www.c2.example"), nullptr);
}

// ---------------------------------------------------------------------------------------------
// The shared corpus (skipped when absent).

fs::path CorpusDir() {
    return stormwatch::test_support::SharedCorpusDir() / "intel";
}

TEST(StixBundleCorpusTest, EveryStix21ExampleLoads) {
    const fs::path root = CorpusDir();
    if (!fs::exists(root / "oasis-cti-stix2-json-schemas")) {
        GTEST_SKIP() << "corpus not present";
    }
    int files = 0;
    for (const char* dir :
         {"oasis-cti-stix2-json-schemas/examples", "oasis-cti-documentation/examples"}) {
        for (const auto& entry : fs::recursive_directory_iterator(root / dir)) {
            if (entry.path().extension() != ".json") {
                continue;
            }
            ++files;
            const Imported imported = Import(ReadFile(entry.path()));
            EXPECT_TRUE(imported.status.ok()) << entry.path() << ": " << imported.status.message();
            ExpectAccounting(imported);
            EXPECT_EQ(imported.summary.RejectedFor(StixReject::kPatternSyntax), 0U) << entry.path();
            EXPECT_EQ(imported.summary.RejectedFor(StixReject::kInvalidObject), 0U) << entry.path();
        }
    }
    EXPECT_GE(files, 15);
}

TEST(StixBundleCorpusTest, CountsOfKnownExamples) {
    const fs::path root = CorpusDir() / "oasis-cti-stix2-json-schemas/examples";
    if (!fs::exists(root)) {
        GTEST_SKIP() << "corpus not present";
    }
    {
        const Imported c2 = Import(ReadFile(root / "indicator-for-c2-ip-address.json"));
        ASSERT_TRUE(c2.status.ok());
        ASSERT_EQ(c2.indicators.size(), 1U);
        EXPECT_EQ(c2.indicators[0].value, "10.0.0.0");
        EXPECT_EQ(c2.indicators[0].id, "indicator--33fe3b22-0201-47cf-85d0-97c02164528d");
        EXPECT_EQ(c2.indicators[0].valid_from, 1399539600);
    }
    {
        const Imported coa = Import(ReadFile(root / "indicators-for-C2-with-COA.json"));
        ASSERT_TRUE(coa.status.ok());
        EXPECT_EQ(coa.stats.read(), 8U);
        EXPECT_EQ(coa.summary.objects_by_type.at("indicator"), 2U);
        EXPECT_EQ(coa.summary.objects_by_type.at("relationship"), 3U);
        ExpectAccounting(coa);
    }
    {
        const Imported apt1 = Import(ReadFile(root / "threat-reports/apt1.json"));
        ASSERT_TRUE(apt1.status.ok());
        EXPECT_EQ(apt1.stats.read(), 76U);
        EXPECT_EQ(apt1.summary.objects_by_type.at("indicator"), 12U);
        // Two x509-certificate patterns AND issuer with serial number: not honoured.
        EXPECT_EQ(apt1.stats.rejected(), 2U);
        EXPECT_EQ(apt1.summary.RejectedFor(StixReject::kPatternUnsupported), 2U);
        EXPECT_EQ(apt1.indicators.size(), 10U);
        bool has_actor = false;
        for (const Indicator& indicator : apt1.indicators) {
            has_actor = has_actor || !indicator.actor.empty();
        }
        EXPECT_TRUE(has_actor);
    }
}

TEST(StixBundleCorpusTest, MitreAttackStix20BundlesLoadWithFullAccounting) {
    const fs::path root = CorpusDir() / "mitre-cti";
    if (!fs::exists(root)) {
        GTEST_SKIP() << "corpus not present";
    }
    int files = 0;
    std::uint64_t objects = 0;
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
        if (entry.path().extension() != ".json") {
            continue;
        }
        ++files;
        const Imported imported = Import(ReadFile(entry.path()));
        EXPECT_TRUE(imported.status.ok()) << entry.path() << ": " << imported.status.message();
        ExpectAccounting(imported);
        objects += imported.stats.read();
    }
    EXPECT_GT(files, 100);
    EXPECT_GT(objects, 1000U);
}

}  // namespace
}  // namespace stormwatch::intel::stix
