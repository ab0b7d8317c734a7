// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/parse/config_tree.h"

#include <string>

#include "stormwatch/core/text.h"

namespace stormwatch::parse {
namespace {

// Indentation and word separators in a config line (text::IsBlank also takes CR, LF, FF, VT).
bool IsSpaceOrTab(char c) {
    return c == ' ' || c == '\t';
}

// A `banner <kind> <delimiter>` body is free text: its lines must not become commands, and a
// body line that happens to read `username x privilege 15` must not create a user. The body
// lines become children of the banner line. IOS delimits with one character (or the two
// characters `^C` that `show running-config` prints for ETX); EOS and NX-OS without a
// delimiter on the line end the body with a line `EOF`.
struct BannerState {
    bool active = false;
    std::string_view delimiter;  // empty: ends at a line `EOF`
    std::int32_t banner_node = -1;
    std::uint32_t body_lines = 0;
};

// A banner body longer than this is a missed delimiter, not art: stop swallowing commands.
constexpr std::uint32_t kMaxBannerLines = 500;

bool StartBanner(std::string_view text, BannerState& state) {
    if (!text::StartsWith(text, "banner ")) {
        return false;
    }
    // banner <kind> [delimiter text...]
    std::size_t i = 7;
    while (i < text.size() && IsSpaceOrTab(text[i])) {
        ++i;
    }
    while (i < text.size() && !IsSpaceOrTab(text[i])) {
        ++i;
    }
    while (i < text.size() && IsSpaceOrTab(text[i])) {
        ++i;
    }
    const std::string_view rest = text.substr(i);
    if (rest.empty()) {
        state.delimiter = {};
        state.active = true;
        return true;
    }
    const std::size_t delimiter_size = text::StartsWith(rest, "^C") ? 2 : 1;
    const std::string_view delimiter = rest.substr(0, delimiter_size);
    if (rest.substr(delimiter_size).find(delimiter) != std::string_view::npos) {
        return false;  // one-line banner
    }
    state.delimiter = delimiter;
    state.active = true;
    return true;
}

}  // namespace

ConfigTree BuildIndentTree(std::string_view text, InputStats& stats) {
    ConfigTree tree;
    // Configs average 20-40 bytes a line; one reservation avoids most regrowth.
    tree.nodes.reserve(text.size() / 24 + 16);
    // Open ancestors; indentation depth rarely exceeds a handful of levels.
    std::vector<std::int32_t> open;
    open.reserve(16);
    BannerState banner;

    auto close_to = [&](std::uint16_t indent) {
        while (!open.empty() &&
               tree.nodes[static_cast<std::size_t>(open.back())].indent >= indent) {
            tree.nodes[static_cast<std::size_t>(open.back())].end =
                static_cast<std::uint32_t>(tree.nodes.size());
            open.pop_back();
        }
    };

    text::ForEachLine(text, [&](std::string_view raw, std::size_t line_number) {
        stats.CountRead();
        if (raw.size() > kMaxLineBytes) {
            stats.Reject(RejectReason::kOversizedLine, line_number,
                         "line of " + std::to_string(raw.size()) + " bytes");
            return;
        }
        if (!text::IsValidUtf8(raw)) {
            stats.CountInvalidUtf8Line();
        }
        std::size_t indent = 0;
        while (indent < raw.size() && (IsSpaceOrTab(raw[indent]) || raw[indent] == '\r')) {
            ++indent;
        }
        std::string_view body = text::TrimRight(raw.substr(indent));
        // Trailing CRs of CR-CR-LF files and stray control bytes at line end.
        while (!body.empty() && (body.back() == '\r' || body.back() == '\0')) {
            body.remove_suffix(1);
        }

        if (banner.active) {
            const bool ends = banner.delimiter.empty()
                                  ? body == "EOF"
                                  : body.find(banner.delimiter) != std::string_view::npos;
            if (!body.empty()) {
                ConfigLine node;
                node.text = body;
                node.line = static_cast<std::uint32_t>(line_number);
                node.parent = banner.banner_node;
                node.indent = static_cast<std::uint16_t>(
                    tree.nodes[static_cast<std::size_t>(banner.banner_node)].indent + 1);
                node.end = static_cast<std::uint32_t>(tree.nodes.size() + 1);
                tree.nodes.push_back(node);
            } else {
                stats.CountProcessed();
            }
            if (ends || ++banner.body_lines > kMaxBannerLines) {
                banner.active = false;
            }
            return;
        }

        if (body.empty() || body.front() == '!' || body.front() == '#') {
            stats.CountProcessed();
            return;
        }
        const auto depth = static_cast<std::uint16_t>(indent > 0xfffe ? 0xfffe : indent);
        close_to(depth);
        ConfigLine node;
        node.text = body;
        node.line = static_cast<std::uint32_t>(line_number);
        node.indent = depth;
        node.parent = open.empty() ? -1 : open.back();
        const auto index = static_cast<std::int32_t>(tree.nodes.size());
        tree.nodes.push_back(node);
        open.push_back(index);
        if (StartBanner(body, banner)) {
            banner.banner_node = index;
            banner.body_lines = 0;
        }
    });
    close_to(0);
    return tree;
}

void FinishAccounting(const ConfigTree& tree, InputStats& stats) {
    std::uint64_t unused = 0;
    for (const ConfigLine& node : tree.nodes) {
        if (!node.used) {
            ++unused;
        }
    }
    stats.CountProcessed(tree.nodes.size());
    stats.CountUnrecognised(unused);
}

}  // namespace stormwatch::parse
