// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/core/terminal_capture.h"

#include <algorithm>
#include <array>
#include <cstring>

#include "stormwatch/core/text.h"

namespace stormwatch::text {

namespace {

constexpr char kEscape = '\x1b';

// Pager prompts (IOS/EOS ` --More-- `, ASA, Junos `---(more NN%)---`), removed from the start
// of a rendered line where the bytes that erased them were lost.
constexpr std::array<std::string_view, 3> kPagerPrompts = {"--More--", "<--- More --->",
                                                           "---(more"};

// A backspace, an escape, or a carriage return inside a line (not before its LF): what a
// terminal capture has and a file written by a device does not. memchr passes only.
bool HasTerminalControls(std::string_view data) {
    if (std::memchr(data.data(), '\b', data.size()) != nullptr ||
        std::memchr(data.data(), kEscape, data.size()) != nullptr) {
        return true;
    }
    for (std::size_t at = 0; at < data.size();) {
        const void* found = std::memchr(data.data() + at, '\r', data.size() - at);
        if (found == nullptr) {
            return false;
        }
        at = static_cast<std::size_t>(static_cast<const char*>(found) - data.data()) + 1;
        if (at < data.size() && data[at] != '\n') {
            return true;
        }
    }
    return false;
}

// A `---(more NN%)---` or another prompt at the start of `line`, with the blanks after it.
std::string_view WithoutPagerPrompt(std::string_view line) {
    const std::size_t start = line.find_first_not_of(' ');
    if (start == std::string_view::npos) {
        return line;
    }
    const std::string_view rest = line.substr(start);
    for (const std::string_view prompt : kPagerPrompts) {
        if (rest.substr(0, prompt.size()) != prompt) {
            continue;
        }
        std::size_t end = prompt.size();
        if (prompt == "---(more") {  // `---(more)---` or `---(more 42%)---`
            const std::size_t close = rest.find(")---");
            if (close == std::string_view::npos) {
                return line;
            }
            end = close + 4;
        }
        // The device printed one blank after the prompt; what follows is the line's own text.
        return rest.substr(end < rest.size() && rest[end] == ' ' ? end + 1 : end);
    }
    return line;
}

// One line (no LF) as the screen showed it.
std::string RenderLine(std::string_view raw) {
    std::string screen;
    std::size_t column = 0;
    for (std::size_t i = 0; i < raw.size(); ++i) {
        const char c = raw[i];
        if (c == '\b') {
            column -= column > 0 ? 1 : 0;
        } else if (c == '\r') {
            column = 0;
        } else if (c == kEscape) {
            if (i + 1 < raw.size() && raw[i + 1] == '[') {
                // CSI: parameters, then one final byte in 0x40-0x7E.
                std::size_t end = i + 2;
                while (end < raw.size() && (raw[end] < 0x40 || raw[end] > 0x7E)) {
                    ++end;
                }
                if (end < raw.size() && raw[end] == 'K') {
                    const std::string_view param = raw.substr(i + 2, end - i - 2);
                    if (param == "2") {
                        screen.clear();
                    } else if (param == "1") {
                        std::fill_n(screen.begin(), std::min(column, screen.size()), ' ');
                    } else {
                        screen.resize(std::min(column, screen.size()));
                    }
                }
                i = end;
            } else {
                ++i;  // a two-byte escape
            }
        } else if (c == '\a') {
            continue;
        } else {
            if (column < screen.size()) {
                screen[column] = c;
            } else {
                screen.append(column - screen.size(), ' ');
                screen += c;
            }
            ++column;
        }
    }
    return std::string(WithoutPagerPrompt(screen));
}

}  // namespace

std::optional<std::string> RenderTerminalCapture(std::string_view data) {
    if (!HasTerminalControls(data)) {
        return std::nullopt;
    }
    // Carriage returns and no line feed at all: a file with classic Mac line ends, not a
    // screen drawn over and over.
    std::string mac_lines;
    if (std::memchr(data.data(), '\n', data.size()) == nullptr &&
        std::memchr(data.data(), '\r', data.size()) != nullptr) {
        mac_lines = data;
        std::replace(mac_lines.begin(), mac_lines.end(), '\r', '\n');
        data = mac_lines;
    }
    std::string out;
    out.reserve(data.size());
    ForEachLine(data, [&out](std::string_view line, std::size_t) {
        out += RenderLine(line);
        out += '\n';
    });
    return out;
}

}  // namespace stormwatch::text
