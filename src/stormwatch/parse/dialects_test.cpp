// SPDX-License-Identifier: Apache-2.0
#include <filesystem>
#include <string>

#include "support/test_files.h"
#include <gtest/gtest.h>

#include "stormwatch/parse/dialect.h"

namespace stormwatch::parse {
namespace {

namespace fs = std::filesystem;

using stormwatch::test_support::ReadFile;

fs::path CorpusConfigs() {
    return stormwatch::test_support::SharedCorpusDir() / "configs";
}

std::string_view Head(const std::string& text) {
    return std::string_view(text).substr(0, 64 * 1024);
}

std::string_view Sniffed(std::string_view head) {
    const SniffResult r = SniffDialect(head);
    return r.dialect == nullptr ? std::string_view("none") : r.dialect->name;
}

TEST(DialectsTest, RegistryListsEveryDialectOnce) {
    std::vector<std::string_view> names;
    for (const DialectInfo& d : Dialects()) {
        names.push_back(d.name);
        EXPECT_EQ(d.name, model::DialectName(d.dialect));
        EXPECT_NE(d.sniff, nullptr);
        EXPECT_NE(d.parse, nullptr);
    }
    EXPECT_EQ(names, (std::vector<std::string_view>{"cisco-ios", "cisco-nxos", "arista-eos",
                                                    "cisco-iosxr", "junos", "junos-set"}));
}

TEST(DialectsTest, SniffsSmallInputs) {
    EXPECT_EQ(Sniffed("version 15.2\nservice timestamps debug\nhostname r1\n"), "cisco-ios");
    EXPECT_EQ(Sniffed("interface Vlan1\n ip address 192.0.2.1 255.255.255.0\n"), "cisco-ios");
    EXPECT_EQ(Sniffed("!Command: show running-config\nversion 9.3(8)\nfeature ssh\n"),
              "cisco-nxos");
    EXPECT_EQ(Sniffed("! device: s1 (DCS-7050, EOS-4.28.3M)\nhostname s1\n"), "arista-eos");
    EXPECT_EQ(Sniffed("just some words\nnothing here\n"), "none");
    EXPECT_EQ(Sniffed(""), "none");
}

TEST(DialectsTest, RecognisesUnsupportedVendors) {
    EXPECT_EQ(SniffUnsupportedVendor(": Saved\nASA Version 9.12(4)\nhostname fw\n"), "cisco-asa");
    EXPECT_EQ(SniffUnsupportedVendor("config system global\n    set hostname fg\nend\n"),
              "fortios");
    EXPECT_EQ(SniffUnsupportedVendor("#TMSH-VERSION: 13.1.0\nltm virtual /Common/vs {\n}\n"),
              "f5-bigip");
    EXPECT_EQ(SniffUnsupportedVendor("frr version 8.1\nfrr defaults traditional\n"), "frr");
    EXPECT_EQ(SniffUnsupportedVendor("# by RouterOS 7.1\n/ip address\nadd address=192.0.2.1/24\n"),
              "mikrotik-routeros");
    EXPECT_EQ(SniffUnsupportedVendor("#\nsysname HUAWEI\n#\nreturn\n"), "huawei-vrp");
    EXPECT_EQ(SniffUnsupportedVendor("version 15.2\nhostname r1\n"), "");
    // ASA looks like IOS; it must not be audited as IOS.
    EXPECT_EQ(Sniffed("ASA Version 9.8(2)\nhostname fw\ninterface GigabitEthernet0/0\n"
                      " ip address 192.0.2.1 255.255.255.0\n"),
              "none");
}

struct Known {
    const char* path;  // below corpus/configs
    const char* dialect;
};

TEST(DialectsTest, CorpusFilesGetTheirDialect) {
    const fs::path root = CorpusConfigs();
    if (!fs::exists(root)) {
        GTEST_SKIP() << "corpus not present";
    }
    const Known known[] = {
        {"batfish/networks/example/live/configs/as1border1.cfg", "cisco-ios"},
        {"batfish/networks/example/candidate/configs/as2core1.cfg", "cisco-ios"},
        {"napalm/test/ios/ios/mock_data/show_running-config.txt", "cisco-ios"},
        {"napalm/test/eos/eos/mock_data/show_running_config.txt", "arista-eos"},
        {"napalm/test/nxos_ssh/mocked_data/test_get_config/normal/show_running_config.txt",
         "cisco-nxos"},
        {"ciscoconfparse/tests/fixtures/configs/sample_01.ios", "cisco-ios"},
        {"ciscoconfparse/tests/fixtures/configs/sample_05.ios", "cisco-ios"},
        {"ciscoconfparse/tests/fixtures/configs/sample_01.nxos", "cisco-nxos"},
    };
    for (const Known& k : known) {
        const fs::path path = root / k.path;
        if (!fs::exists(path)) {
            ADD_FAILURE() << "missing corpus file " << k.path;
            continue;
        }
        const std::string text = ReadFile(path);
        EXPECT_EQ(Sniffed(Head(text)), std::string_view(k.dialect)) << k.path;
    }
    const std::string asa = ReadFile(root / "ciscoconfparse/tests/fixtures/configs/sample_01.asa");
    EXPECT_EQ(SniffUnsupportedVendor(Head(asa)), "cisco-asa");
}

TEST(DialectsTest, BatfishVendorFixturesMostlySniffRight) {
    const fs::path root = CorpusConfigs() /
                          "batfish/projects/batfish/src/test/resources/org/"
                          "batfish/vendor";
    if (!fs::exists(root)) {
        GTEST_SKIP() << "corpus not present";
    }
    const std::pair<const char*, const char*> folders[] = {
        {"arista/grammar/testconfigs", "arista-eos"},
        {"cisco_nxos/grammar/testconfigs", "cisco-nxos"},
    };
    for (const auto& [folder, dialect] : folders) {
        int total = 0;
        int right = 0;
        for (const auto& entry : fs::directory_iterator(root / folder)) {
            if (!entry.is_regular_file()) {
                continue;
            }
            const std::string text = ReadFile(entry.path());
            ++total;
            right += Sniffed(Head(text)) == dialect ? 1 : 0;
        }
        ASSERT_GT(total, 20) << folder;
        // Fixtures are fragments; some carry no platform marker at all.
        EXPECT_GE(right * 100 / total, 80) << folder << ": " << right << "/" << total;
    }
}

// Every file, whatever its vendor, through each IOS-like parser: no crash, and the line
// accounting holds. (The XR and Junos parsers have their own sweep in their tests.)
TEST(DialectsTest, EveryCorpusConfigParsesWithEveryIosLikeDialect) {
    const fs::path root = CorpusConfigs();
    if (!fs::exists(root)) {
        GTEST_SKIP() << "corpus not present";
    }
    int files = 0;
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
        if (!entry.is_regular_file() ||
            entry.path().string().find("ntc-templates") != std::string::npos) {
            continue;
        }
        const std::string text = ReadFile(entry.path());
        ++files;
        for (const DialectInfo& d : Dialects()) {
            if (d.dialect != model::Dialect::kCiscoIos && d.dialect != model::Dialect::kCiscoNxos &&
                d.dialect != model::Dialect::kAristaEos) {
                continue;
            }
            ConfigTree tree;
            model::DeviceModel model;
            InputStats stats;
            d.parse(text, tree, model, stats);
            ASSERT_EQ(stats.read(), stats.processed() + stats.rejected())
                << d.name << " " << entry.path();
            EXPECT_EQ(model.dialect, d.dialect);
        }
    }
    EXPECT_GT(files, 1000);
}

}  // namespace
}  // namespace stormwatch::parse
