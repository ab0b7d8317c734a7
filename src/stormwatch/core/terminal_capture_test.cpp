// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/core/terminal_capture.h"

#include <string>

#include <gtest/gtest.h>

namespace stormwatch::text {
namespace {

using namespace std::string_literals;

TEST(TerminalCaptureTest, PagerPromptsErasedAsTheScreenShowedThem) {
    // IOS / EOS: the prompt, backspaces, blanks over it, backspaces, then the line.
    const std::string ios =
        "interface Tunnel10\r\n"
        " --More-- \b\b\b\b\b\b\b\b\b\b          \b\b\b\b\b\b\b\b\b\b"
        " tunnel destination 167.88.173.252\r\n";
    EXPECT_EQ(RenderTerminalCapture(ios),
              "interface Tunnel10\n tunnel destination 167.88.173.252\n");
    // NX-OS: the prompt in reverse video, then carriage return and erase-line.
    EXPECT_EQ(RenderTerminalCapture("\x1b[7m--More--\x1b[m\r\x1b[K  tacacs-server host x\n"s),
              "  tacacs-server host x\n");
    // Junos: `---(more 42%)---` blanked by carriage returns.
    EXPECT_EQ(
        RenderTerminalCapture("---(more 42%)---\r                \rset system host-name r1\n"),
        "set system host-name r1\n");
    // A prompt whose erasing bytes were lost, on a line that has other controls.
    EXPECT_EQ(RenderTerminalCapture(" --More-- snmp-server community x RW\nab\bc\n"),
              "snmp-server community x RW\nac\n");
}

TEST(TerminalCaptureTest, OrdinaryTextIsLeftAlone) {
    EXPECT_EQ(RenderTerminalCapture("hostname r1\r\n!\r\ninterface Gi0/0\n"), std::nullopt);
    EXPECT_EQ(RenderTerminalCapture("description --More-- is a word here\n"), std::nullopt);
    EXPECT_EQ(RenderTerminalCapture(""), std::nullopt);
}

TEST(TerminalCaptureTest, CarriageReturnsWithoutLineFeedsEndLines) {
    EXPECT_EQ(RenderTerminalCapture("hostname r1\r!\rinterface Gi0/0\r ip address 10.0.0.1 "
                                    "255.255.255.0\r"),
              "hostname r1\n!\ninterface Gi0/0\n ip address 10.0.0.1 255.255.255.0\n");
    EXPECT_EQ(RenderTerminalCapture("a\rb\bc\r"), "a\nc\n");
    EXPECT_EQ(RenderTerminalCapture("ab\bc"), "ac\n");  // one line, no line end at all
}

TEST(TerminalCaptureTest, LinesKeepTheirNumbers) {
    const auto rendered = RenderTerminalCapture("a\n\b\nb\r\n\x1b[2K\nc"s);
    ASSERT_TRUE(rendered);
    EXPECT_EQ(*rendered, "a\n\nb\n\nc\n");
}

}  // namespace
}  // namespace stormwatch::text
