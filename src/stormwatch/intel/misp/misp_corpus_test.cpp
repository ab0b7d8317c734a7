// SPDX-License-Identifier: Apache-2.0
// The shared corpus's real MISP exports (PyMISP and MISP test events, ESET's published events):
// every event file loads with full accounting; a few are checked attribute by attribute
// against counts taken independently from the JSON (to_ids, deleted, type).

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "stormwatch/intel/misp/misp_import.h"

namespace stormwatch::intel {
namespace {

namespace fs = std::filesystem;

fs::path CorpusRoot() {
    return fs::path(STORMWATCH_SOURCE_DIR "/../shared/corpus/intel");
}

std::string ReadAll(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

// JSON files of the MISP folders that are not MISP events: STIX bundles, templates, other
// tools' output. They must be refused as Unsupported, never half-read.
const std::set<std::string>& NotEvents() {
    static const std::set<std::string> names = {
        "misp-pymisp/tests/stix2.json",
        "misp-pymisp/tests/git-vuln-finder-quagga.json",
        "misp-pymisp/tests/sharing_groups.json",
        "misp-pymisp/tests/mispevent_testfiles/galaxy.json",
        "misp-pymisp/tests/mispevent_testfiles/sighting.json",
        "misp-pymisp/tests/mispevent_testfiles/simple.json",
        "misp-pymisp/tests/mispevent_testfiles/test_object_template/definition.json",
        "misp-pymisp/tests/mispevent_testfiles/overwrite_file/definition.json",
        "misp-misp/app/files/scripts/stixtest/stix2_indicators_test.json",
        "misp-misp/app/files/scripts/stixtest/stix2_observables_test.json",
        "eset-malware-ioc/dnsbirthday/rqz-dnsduvel_blocklist.json",
    };
    return names;
}

// Attributes whose values are not indicators whatever the mapping: checked by hand.
const std::map<std::string, std::uint64_t>& KnownRejections() {
    static const std::map<std::string, std::uint64_t> counts = {
        // `url` attributes holding `107.183.86` (a truncated address) ...
        {"misp-pymisp/tests/reportlab_testfiles/long_event.json", 1},
    };
    return counts;
}

std::vector<fs::path> CorpusJson() {
    std::vector<fs::path> files;
    for (const char* folder : {"misp-pymisp", "misp-misp", "eset-malware-ioc"}) {
        const fs::path dir = CorpusRoot() / folder;
        if (!fs::is_directory(dir)) {
            continue;
        }
        for (const auto& entry : fs::recursive_directory_iterator(dir)) {
            if (entry.is_regular_file() && entry.path().extension() == ".json") {
                files.push_back(entry.path());
            }
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

TEST(MispCorpus, EveryEventFileLoadsWithFullAccounting) {
    const std::vector<fs::path> files = CorpusJson();
    if (files.empty()) {
        GTEST_SKIP() << "shared corpus not present";
    }
    std::size_t events = 0;
    std::size_t with_events = 0;
    for (const fs::path& file : files) {
        const std::string name = fs::relative(file, CorpusRoot()).generic_string();
        for (const bool include_context : {false, true}) {
            IndicatorSetBuilder builder;
            InputStats stats;
            MispImportReport report;
            const Status status =
                ImportMispJson(ReadAll(file), file.filename().string(), builder, stats, &report,
                               {.include_context = include_context});
            if (NotEvents().count(name) != 0) {
                EXPECT_EQ(status.code(), StatusCode::kUnsupported) << name;
                EXPECT_EQ(stats.read(), 0U) << name;
                continue;
            }
            ASSERT_TRUE(status.ok()) << name << ": " << status.message();
            EXPECT_EQ(stats.read(), stats.processed() + stats.rejected()) << name;
            EXPECT_EQ(stats.processed(),
                      report.loaded + report.context_only + report.deleted + report.not_indicator)
                << name;
            EXPECT_EQ(report.indicators >= report.loaded, true) << name;
            // Real exports carry valid values, with the few known exceptions below: any other
            // rejection is a mapping bug.
            const auto known = KnownRejections().find(name);
            EXPECT_EQ(stats.rejected(), known == KnownRejections().end() ? 0U : known->second)
                << name << ": " << (stats.kept().empty() ? "" : stats.kept()[0].detail);
            if (!include_context) {
                events += report.events;
                with_events += report.events > 0 ? 1 : 0;
            }
            builder.Build();
        }
    }
    EXPECT_GE(with_events, 40U);
    EXPECT_GE(events, 40U);
}

struct Expected {
    const char* file;
    std::uint64_t read;
    std::uint64_t context_only;
    std::uint64_t deleted;
    std::uint64_t sightings;
    std::map<std::string, std::uint64_t> loaded_types;
    std::map<std::string, std::uint64_t> not_indicator_types;
};

// Counts taken from the JSON with an independent script (every attribute of Event.Attribute
// and Event.Object[].Attribute; deleted first, then to_ids false, then by type).
TEST(MispCorpus, ExactCountsForSelectedEvents) {
    const std::vector<Expected> cases = {
        {"eset-malware-ioc/moustachedbouncer/misp-moustachedbouncer.event.json",
         340,
         229,
         0,
         0,
         {{"md5", 28}, {"sha1", 28}, {"sha256", 28}, {"url", 11}},
         {{"text", 16}}},
        {"eset-malware-ioc/mozi/mozi.misp-event.json",
         151,
         75,
         0,
         0,
         {{"md5", 21}, {"sha1", 21}, {"sha256", 21}, {"url", 11}},
         {{"text", 2}}},
        {"misp-pymisp/tests/reportlab_testfiles/sighting_1.json",
         5,
         0,
         0,
         6,
         {{"domain", 4}, {"url", 1}},
         {}},
        {"misp-misp/tests/event.json", 38, 8, 0, 0, {{"md5", 27}}, {{"regkey", 3}}},
    };
    for (const Expected& expected : cases) {
        const fs::path path = CorpusRoot() / expected.file;
        if (!fs::exists(path)) {
            GTEST_SKIP() << "shared corpus not present";
        }
        IndicatorSetBuilder builder;
        InputStats stats;
        MispImportReport report;
        ASSERT_TRUE(ImportMispJson(ReadAll(path), expected.file, builder, stats, &report).ok());
        EXPECT_EQ(report.events, 1U) << expected.file;
        EXPECT_EQ(stats.read(), expected.read) << expected.file;
        EXPECT_EQ(stats.rejected(), 0U) << expected.file;
        EXPECT_EQ(report.context_only, expected.context_only) << expected.file;
        EXPECT_EQ(report.deleted, expected.deleted) << expected.file;
        EXPECT_EQ(report.sightings, expected.sightings) << expected.file;
        EXPECT_EQ(report.loaded_types, expected.loaded_types) << expected.file;
        EXPECT_EQ(report.not_indicator_types, expected.not_indicator_types) << expected.file;
    }
}

// ESET's Turla LightNeuron event marks every attribute to_ids false: by MISP's semantics it is
// context, and only include_context loads it.
TEST(MispCorpus, ContextOnlyEventLoadsOnRequest) {
    const fs::path path = CorpusRoot() / "eset-malware-ioc/turla/misp-turla-lightneuron-event.json";
    if (!fs::exists(path)) {
        GTEST_SKIP() << "shared corpus not present";
    }
    const std::string json = ReadAll(path);
    IndicatorSetBuilder strict;
    InputStats strict_stats;
    MispImportReport strict_report;
    ASSERT_TRUE(ImportMispJson(json, "lightneuron", strict, strict_stats, &strict_report).ok());
    EXPECT_EQ(strict_stats.read(), 36U);
    EXPECT_EQ(strict_report.context_only, 36U);
    EXPECT_EQ(strict.Build()->size(), 0U);

    IndicatorSetBuilder all;
    InputStats all_stats;
    MispImportReport all_report;
    ASSERT_TRUE(
        ImportMispJson(json, "lightneuron", all, all_stats, &all_report, {.include_context = true})
            .ok());
    EXPECT_EQ(all_report.context_only, 0U);
    EXPECT_GT(all.Build()->size(), 10U);
}

}  // namespace
}  // namespace stormwatch::intel
