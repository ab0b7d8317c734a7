// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/io/input_file.h"

#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include "support/gzip_data.h"
#include <gtest/gtest.h>

namespace stormwatch::io {
namespace {

namespace fs = std::filesystem;

class InputFileTest : public testing::Test {
protected:
    void SetUp() override {
        root_ = fs::path(testing::TempDir()) /
                ("stormwatch_io_test_" +
                 std::string(testing::UnitTest::GetInstance()->current_test_info()->name()));
        fs::remove_all(root_);
        fs::create_directories(root_ / "lab" / "sub");
        fs::create_directories(root_ / "lab" / ".git");
        Write(root_ / "lab" / "b.cfg", "hostname b\n");
        Write(root_ / "lab" / "sub" / "a.cfg", "hostname a\n");
        Write(root_ / "lab" / ".git" / "config", "[core]\n");
        Write(root_ / "lab" / "empty.cfg", "");
    }
    void TearDown() override { fs::remove_all(root_); }
    static void Write(const fs::path& p, const std::string& s) { std::ofstream(p) << s; }
    fs::path root_;
};

TEST_F(InputFileTest, ExpandsDirectoriesSortedSkippingHidden) {
    const auto inputs = ExpandPaths({(root_ / "lab").string(), (root_ / "missing").string()});
    ASSERT_EQ(inputs.size(), 4u);
    EXPECT_EQ(fs::path(inputs[0].path).filename(), "b.cfg");
    EXPECT_EQ(fs::path(inputs[1].path).filename(), "empty.cfg");
    EXPECT_EQ(fs::path(inputs[2].path).filename(), "a.cfg");
    EXPECT_TRUE(inputs[2].error.empty());
    EXPECT_FALSE(inputs[3].error.empty());  // the missing path is reported, not dropped
}

TEST_F(InputFileTest, MapsFilesAndReportsMissingOnes) {
    auto file = InputFile::Open((root_ / "lab" / "b.cfg").string());
    ASSERT_TRUE(file.ok());
    EXPECT_EQ(file.value().data(), "hostname b\n");
    InputFile moved = std::move(file).value();
    EXPECT_EQ(moved.data(), "hostname b\n");
    auto empty = InputFile::Open((root_ / "lab" / "empty.cfg").string());
    ASSERT_TRUE(empty.ok());
    EXPECT_TRUE(empty.value().data().empty());
    auto missing = InputFile::Open((root_ / "nope.cfg").string());
    ASSERT_FALSE(missing.ok());
    EXPECT_NE(missing.status().message().find("nope.cfg"), std::string::npos);
}

// `hunt <(ssh pe1 show running-config)`: a named pipe is an input, read to its end; a device
// is refused by name.
TEST_F(InputFileTest, NamedPipeIsAnInput) {
    const fs::path fifo = root_ / "capture.fifo";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    const auto inputs = ExpandPaths({fifo.string(), "/dev/zero"});
    ASSERT_EQ(inputs.size(), 2U);
    EXPECT_EQ(inputs[0].path, fifo.string());
    EXPECT_EQ(inputs[0].error, "");
    EXPECT_EQ(inputs[1].error, "not a regular file, pipe or directory");
    std::thread writer([&fifo] { std::ofstream(fifo) << "hostname pe1\n"; });
    const auto opened = InputFile::Open(fifo.string());
    writer.join();
    ASSERT_TRUE(opened.ok()) << opened.status().message();
    EXPECT_EQ(opened.value().data(), "hostname pe1\n");
}

TEST_F(InputFileTest, KnowsWhenTheFileWasModified) {
    // A log without years in its stamps takes the year of this time (engine/hunt.cpp).
    const fs::path path = root_ / "lab" / "b.cfg";
    const auto when = fs::file_time_type::clock::from_sys(
        std::chrono::sys_seconds{std::chrono::seconds{1'560'000'000}});  // 2019-06-08T13:20:00Z
    fs::last_write_time(path, when);
    auto file = InputFile::Open(path.string());
    ASSERT_TRUE(file.ok());
    EXPECT_EQ(file.value().modified(), 1'560'000'000);
    const InputFile moved = std::move(file).value();
    EXPECT_EQ(moved.modified(), 1'560'000'000);
}

TEST_F(InputFileTest, ReadsSmallFilesAndMapsLargeOnesWhole) {
    // One size below the mapping threshold (read) and one above it (mapped), each with a
    // distinct last byte so a short read or an off-by-one shows.
    for (const std::size_t size : {std::size_t{200} << 10, std::size_t{2} << 20}) {
        std::string content(size, 'x');
        for (std::size_t i = 0; i < size; i += 4096) {
            content[i] = static_cast<char>('a' + (i / 4096) % 26);
        }
        content.back() = '\n';
        const fs::path path = root_ / ("big-" + std::to_string(size) + ".cfg");
        Write(path, content);
        auto file = InputFile::Open(path.string());
        ASSERT_TRUE(file.ok()) << size;
        EXPECT_TRUE(file.value().data() == content) << size;
    }
}

// A rotated log (`messages.1.gz`) reads as its text; a cut one is refused by name.
TEST_F(InputFileTest, GzipInputsReadAsTheirText) {
    const std::string text = "Jan 14 03:12:44 pe1 812: Login Success [Source: 45.61.133.77]\n";
    const fs::path path = root_ / "messages.1.gz";
    const std::string gz = test_support::Gzip(text);
    Write(path, gz);
    auto opened = InputFile::Open(path.string());
    ASSERT_TRUE(opened.ok()) << opened.status().message();
    const InputFile file = std::move(opened).value();
    EXPECT_EQ(file.data(), text);
    EXPECT_EQ(file.padded().padding, InputFile::kReadPadding);
    EXPECT_TRUE(file.modified().has_value());

    Write(path, gz.substr(0, gz.size() - 12));
    const auto cut = InputFile::Open(path.string());
    ASSERT_FALSE(cut.ok());
    EXPECT_EQ(cut.status().message().rfind(path.string() + ": gzip: ", 0), 0U)
        << cut.status().message();
}

// A device may never end (`/dev/zero`): refused by name, not read until memory runs out.
TEST_F(InputFileTest, RefusesDevices) {
    const auto opened = InputFile::Open("/dev/zero");
    ASSERT_FALSE(opened.ok());
    EXPECT_EQ(opened.status().message(), "/dev/zero: not a regular file or a pipe");
}

// Zeros readable past the end let JSON parsers read a file in place (PaddedText).
TEST_F(InputFileTest, PaddingAfterTheDataIsReadableZeros) {
    const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
    // Read (tiny, small), mapped with a partial last page, mapped ending on a page boundary.
    const std::size_t sizes[] = {3, std::size_t{200} << 10, (std::size_t{2} << 20) + 100,
                                 std::size_t{2} << 20};
    for (const std::size_t size : sizes) {
        const std::string content(size, 'x');
        const fs::path path = root_ / ("padded-" + std::to_string(size) + ".json");
        Write(path, content);
        auto opened = InputFile::Open(path.string());
        ASSERT_TRUE(opened.ok()) << size;
        const InputFile file = std::move(opened).value();  // the padding moves with the data
        const PaddedText padded = file.padded();
        EXPECT_TRUE(padded.text == content) << size;
        const std::size_t expected = size >= (std::size_t{1} << 20)
                                         ? (size % page == 0 ? 0 : page - size % page)
                                         : InputFile::kReadPadding;
        EXPECT_EQ(padded.padding, expected) << size;
        for (std::size_t i = 0; i < padded.padding; ++i) {
            ASSERT_EQ(padded.text.data()[size + i], '\0') << size << " + " << i;
        }
    }
}

TEST_F(InputFileTest, HuntsAFileNamedTwiceOnce) {
    const std::string file = (root_ / "lab" / "b.cfg").string();
    const auto inputs = ExpandPaths({file, (root_ / "lab").string(), file});
    ASSERT_EQ(inputs.size(), 3u);
    EXPECT_EQ(inputs[0].path, file);
    EXPECT_EQ(fs::path(inputs[1].path).filename(), "empty.cfg");
    EXPECT_EQ(fs::path(inputs[2].path).filename(), "a.cfg");
}

}  // namespace
}  // namespace stormwatch::io
