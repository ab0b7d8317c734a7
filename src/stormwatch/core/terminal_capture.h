// SPDX-License-Identifier: Apache-2.0
#pragma once

// Text captured from a terminal session (a PuTTY or SecureCRT log of `show running-config` or
// `show logging`): the device's pager wrote ` --More-- ` and then erased it with backspaces,
// NX-OS with ANSI sequences, Junos `---(more)---` with carriage returns. The capture holds
// those bytes; the screen showed clean lines. This renders each line as the screen showed it.

#include <optional>
#include <string>
#include <string_view>

namespace stormwatch::text {

/// The lines of `data` as a terminal displayed them: backspace moves left, a carriage return
/// inside a line goes to its start, later bytes overwrite earlier ones, `ESC [ K` erases,
/// other escape sequences are dropped, and a pager prompt left at the start of a line
/// (` --More-- `, `<--- More --->`, `---(more NN%)---`) is removed. Lines, and so line numbers,
/// are the input's; line ends are LF. A text with carriage returns and no line feed has
/// classic Mac line ends: each carriage return ends a line. Nullopt when `data` has no
/// backspace, no escape and no carriage return inside a line: it is then shown as it is.
std::optional<std::string> RenderTerminalCapture(std::string_view data);

}  // namespace stormwatch::text
