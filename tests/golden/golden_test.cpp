// SPDX-License-Identifier: Apache-2.0
// Golden hunt cases: tests/golden/hunt/<case>/ holds input/ (evidence), an optional case.yaml
// (input folder elsewhere, policy, intel, rules, fields to compare) and expected.ndjson (the
// findings, projected onto the compared fields, one per line, sorted). STORMWATCH_UPDATE_GOLDEN=1
// rewrites expected files and marks every case skipped, so an update run never passes for a green
// run.

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include "stormwatch/core/json_writer.h"
#include "stormwatch/engine/hunt.h"

namespace stormwatch {
namespace {

namespace fs = std::filesystem;

const fs::path kCasesDir = fs::path(STORMWATCH_SOURCE_DIR) / "tests" / "golden" / "hunt";

// What a case compares unless its case.yaml says otherwise: the fields that carry the
// detection's meaning. Titles and descriptions may be reworded without churning every case.
const std::vector<std::string> kDefaultFields = {"rule_id", "severity", "category", "device",
                                                 "path",    "line",     "evidence", "indicator"};

struct GoldenCase {
    std::string name;
    fs::path dir;
};

void PrintTo(const GoldenCase& c, std::ostream* os) {
    *os << c.name;
}

std::vector<GoldenCase> DiscoverCases() {
    std::vector<GoldenCase> cases;
    if (!fs::exists(kCasesDir)) {
        return cases;
    }
    for (const auto& entry : fs::directory_iterator(kCasesDir)) {
        if (entry.is_directory()) {
            cases.push_back({entry.path().filename().string(), entry.path()});
        }
    }
    std::sort(cases.begin(), cases.end(),
              [](const GoldenCase& a, const GoldenCase& b) { return a.name < b.name; });
    return cases;
}

std::string Project(const Finding& f, const std::vector<std::string>& fields,
                    const std::string& prefix) {
    std::string out;
    JsonWriter w(out);
    w.BeginObject();
    for (const std::string& field : fields) {
        if (field == "rule_id") {
            w.Key("rule_id").String(f.rule_id);
        } else if (field == "title") {
            w.Key("title").String(f.title);
        } else if (field == "severity") {
            w.Key("severity").String(SeverityName(f.severity));
        } else if (field == "category") {
            w.Key("category").String(f.category);
        } else if (field == "attack") {
            w.Key("attack").BeginArray();
            for (const std::string& id : f.attack) {
                w.String(id);
            }
            w.EndArray();
        } else if (field == "device") {
            w.Key("device").String(f.device);
        } else if (field == "path") {
            std::string path = f.path;
            if (path.rfind(prefix, 0) == 0) {
                path = path.substr(prefix.size());
            }
            w.Key("path").String(path);
        } else if (field == "line") {
            w.Key("line").UInt(f.line);
        } else if (field == "evidence") {
            w.Key("evidence").String(f.evidence);
        } else if (field == "indicator" && f.indicator) {
            w.Key("indicator").String(f.indicator->value);
        } else if (field == "time") {
            // Only when a case asks for it: config findings have none (null).
            w.Key("time");
            if (f.time) {
                w.String(*f.time);
            } else {
                w.Null();
            }
        } else if (field == "count") {
            w.Key("count").UInt(f.count);
        } else if (field == "fingerprint") {
            w.Key("fingerprint").String(f.fingerprint);
        }
    }
    w.EndObject();
    return out;
}

struct CaseOutput {
    std::vector<std::string> lines;
    std::string accounting_error;
};

CaseOutput RunCase(const GoldenCase& c, unsigned jobs) {
    engine::HuntOptions options;
    std::vector<std::string> fields = kDefaultFields;
    const fs::path config = c.dir / "case.yaml";
    if (fs::exists(config)) {
        const YAML::Node node = YAML::LoadFile(config.string());
        if (node["policy"]) {
            options.policy_path = (c.dir / node["policy"].as<std::string>()).string();
        }
        if (node["intel"]) {
            for (const auto& item : node["intel"]) {
                options.intel_files.push_back((c.dir / item.as<std::string>()).string());
            }
        }
        if (node["builtin_intel"]) {
            options.builtin_intel = node["builtin_intel"].as<bool>();
        }
        if (node["rules"]) {
            for (const auto& item : node["rules"]) {
                options.rule_dirs.push_back((c.dir / item.as<std::string>()).string());
            }
        }
        if (node["fields"]) {
            fields = node["fields"].as<std::vector<std::string>>();
        }
    }
    fs::path input_dir = c.dir / "input";
    if (fs::exists(config)) {
        const YAML::Node node = YAML::LoadFile(config.string());
        if (node["input"]) {
            input_dir = (c.dir / node["input"].as<std::string>()).lexically_normal();
        }
    }
    CaseOutput output;
    auto hunter = engine::Hunter::Create(options);
    if (!hunter.ok()) {
        output.lines.push_back("error: " + hunter.status().message());
        return output;
    }
    const std::string input = input_dir.string();
    const engine::HuntResult result = hunter.value().Run({input}, jobs, {});
    for (const Finding& f : result.findings) {
        output.lines.push_back(Project(f, fields, input + "/"));
    }
    std::sort(output.lines.begin(), output.lines.end());
    for (const auto& in : result.summary.inputs) {
        if (in.stats.read() != in.stats.processed() + in.stats.rejected()) {
            output.accounting_error += in.path + " ";
        }
    }
    return output;
}

std::string Join(const std::vector<std::string>& lines) {
    std::string out;
    for (const std::string& line : lines) {
        out += line + "\n";
    }
    return out;
}

class GoldenHuntTest : public testing::TestWithParam<GoldenCase> {};

TEST_P(GoldenHuntTest, MatchesExpectedFindings) {
    const GoldenCase& c = GetParam();
    const CaseOutput single = RunCase(c, 1);
    EXPECT_EQ(single.accounting_error, "") << "read != processed + rejected";
    const fs::path expected_path = c.dir / "expected.ndjson";
    const char* update = std::getenv("STORMWATCH_UPDATE_GOLDEN");
    if (update != nullptr && std::string_view(update) == "1") {
        std::ofstream(expected_path, std::ios::binary) << Join(single.lines);
        GTEST_SKIP() << "rewrote " << expected_path << "; review with git diff";
    }
    ASSERT_TRUE(fs::exists(expected_path))
        << "missing " << expected_path << "; run with STORMWATCH_UPDATE_GOLDEN=1";
    std::ifstream in(expected_path, std::ios::binary);
    std::stringstream expected;
    expected << in.rdbuf();
    EXPECT_EQ(expected.str(), Join(single.lines));
    // Determinism: any number of worker threads gives the same findings.
    EXPECT_EQ(Join(RunCase(c, 3).lines), Join(single.lines)) << "--jobs 3 differs from --jobs 1";
}

INSTANTIATE_TEST_SUITE_P(Hunt, GoldenHuntTest, testing::ValuesIn(DiscoverCases()),
                         [](const testing::TestParamInfo<GoldenCase>& case_info) {
                             std::string name = case_info.param.name;
                             std::replace_if(
                                 name.begin(), name.end(),
                                 [](char ch) {
                                     return !std::isalnum(static_cast<unsigned char>(ch));
                                 },
                                 '_');
                             return name;
                         });

}  // namespace
}  // namespace stormwatch
