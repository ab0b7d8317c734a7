// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/patterns/database.h"

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <hs/hs.h>

namespace stormwatch::patterns {
namespace {

namespace fs = std::filesystem;

class DatabaseTest : public testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::path(testing::TempDir()) /
               ("stormwatch_patterns_" +
                std::string(testing::UnitTest::GetInstance()->current_test_info()->name()));
        fs::remove_all(dir_);
        ::setenv("STORMWATCH_CACHE_DIR", dir_.c_str(), 1);
    }
    void TearDown() override {
        ::unsetenv("STORMWATCH_CACHE_DIR");
        fs::remove_all(dir_);
    }
    std::vector<fs::path> Entries() const {
        std::vector<fs::path> out;
        if (fs::exists(dir_)) {
            for (const auto& entry : fs::directory_iterator(dir_)) {
                out.push_back(entry.path());
            }
        }
        return out;
    }
    fs::path dir_;
};

// The ids of the expressions that match `text`, in report order.
std::vector<unsigned> Matches(const Database& database, std::string_view text) {
    Scratch scratch;
    std::vector<unsigned> ids;
    const auto on_match = [](unsigned id, unsigned long long, unsigned long long, unsigned,
                             void* context) -> int {
        static_cast<std::vector<unsigned>*>(context)->push_back(id);
        return 0;
    };
    EXPECT_EQ(hs_scan(database.get(), text.data(), static_cast<unsigned>(text.size()), 0,
                      scratch.For(database.get()), on_match, &ids),
              HS_SUCCESS);
    return ids;
}

const std::vector<Expression> kRules = {
    {.text = "^ip scp server enable$", .flags = HS_FLAG_SINGLEMATCH},
    {.text = "(?i)\\bsshd_operns", .flags = HS_FLAG_SINGLEMATCH},
};

TEST_F(DatabaseTest, SecondCompileComesFromTheCacheAndMatchesTheSame) {
    const Compiled first = Compile(Syntax::kRegex, kRules);
    ASSERT_TRUE(first.database);
    EXPECT_FALSE(first.from_cache);
    ASSERT_EQ(Entries().size(), 1u);
    const Compiled second = Compile(Syntax::kRegex, kRules);
    ASSERT_TRUE(second.database);
    EXPECT_TRUE(second.from_cache);
    EXPECT_EQ(Matches(second.database, "ip scp server enable"), std::vector<unsigned>{0});
    EXPECT_EQ(Matches(second.database, "run SSHD_OPERNS now"), std::vector<unsigned>{1});
    EXPECT_TRUE(Matches(second.database, "no ip scp server enable").empty());
}

TEST_F(DatabaseTest, OtherPatternsOrSyntaxGetTheirOwnEntry) {
    ASSERT_TRUE(Compile(Syntax::kRegex, kRules).database);
    const std::vector<Expression> flagged = {{.text = kRules[0].text, .flags = 0}, kRules[1]};
    const Compiled other = Compile(Syntax::kRegex, flagged);
    ASSERT_TRUE(other.database);
    EXPECT_FALSE(other.from_cache);
    const std::vector<Expression> literal = {{.text = "a.b", .flags = 0}};
    const Compiled lit = Compile(Syntax::kLiteral, literal);
    ASSERT_TRUE(lit.database);
    EXPECT_FALSE(lit.from_cache);
    // A literal '.' is a dot, not "any byte".
    EXPECT_EQ(Matches(lit.database, "xa.by"), std::vector<unsigned>{0});
    EXPECT_TRUE(Matches(lit.database, "axb").empty());
    EXPECT_EQ(Entries().size(), 3u);
}

TEST_F(DatabaseTest, DamagedEntriesAreCompiledAgainAndReplaced) {
    ASSERT_TRUE(Compile(Syntax::kRegex, kRules).database);
    ASSERT_EQ(Entries().size(), 1u);
    const fs::path entry = Entries()[0];
    for (const std::string damage : {"truncate", "flip"}) {
        std::string bytes;
        {
            std::ifstream in(entry, std::ios::binary);
            bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
        }
        ASSERT_GT(bytes.size(), 64u);
        if (damage == "truncate") {
            bytes.resize(bytes.size() / 2);
        } else {
            bytes[bytes.size() - 10] = static_cast<char>(bytes[bytes.size() - 10] ^ 0x5a);
        }
        std::ofstream(entry, std::ios::binary | std::ios::trunc) << bytes;
        const Compiled again = Compile(Syntax::kRegex, kRules);
        ASSERT_TRUE(again.database) << damage;
        EXPECT_FALSE(again.from_cache) << damage;
        EXPECT_EQ(Matches(again.database, "ip scp server enable"), std::vector<unsigned>{0});
        EXPECT_TRUE(Compile(Syntax::kRegex, kRules).from_cache) << damage << ": not replaced";
    }
}

TEST_F(DatabaseTest, RefusedExpressionIsNamedAndNothingIsCached) {
    const std::vector<Expression> bad = {kRules[0], {.text = "(a", .flags = 0}};
    const Compiled compiled = Compile(Syntax::kRegex, bad);
    EXPECT_FALSE(compiled.database);
    ASSERT_TRUE(compiled.failure.has_value());
    EXPECT_EQ(compiled.failure->expression, 1);
    EXPECT_FALSE(compiled.failure->message.empty());
    EXPECT_TRUE(Entries().empty());
}

TEST_F(DatabaseTest, CacheOffCompilesEveryTimeAndWritesNothing) {
    ::setenv("STORMWATCH_CACHE_DIR", "off", 1);
    EXPECT_FALSE(Compile(Syntax::kRegex, kRules).from_cache);
    const Compiled again = Compile(Syntax::kRegex, kRules);
    ASSERT_TRUE(again.database);
    EXPECT_FALSE(again.from_cache);
    EXPECT_TRUE(Entries().empty());
}

TEST_F(DatabaseTest, UnwritableCacheStillCompiles) {
    // A regular file where the directory should be: the entry cannot be stored.
    std::ofstream(dir_.string()) << "not a directory";
    const Compiled compiled = Compile(Syntax::kRegex, kRules);
    ASSERT_TRUE(compiled.database);
    EXPECT_FALSE(Compile(Syntax::kRegex, kRules).from_cache);
    fs::remove(dir_);
}

}  // namespace
}  // namespace stormwatch::patterns
