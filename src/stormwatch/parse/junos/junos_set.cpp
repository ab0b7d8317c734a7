// SPDX-License-Identifier: Apache-2.0
#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "stormwatch/core/text.h"
#include "stormwatch/parse/junos/junos.h"
#include "stormwatch/parse/sniff_markers.h"

namespace stormwatch::parse {
namespace junos {
namespace {

enum class Verb : std::uint8_t { kSet, kDelete, kDeactivate, kActivate };

struct Statement {
    std::uint32_t begin;  // into the flat token list, after the verb
    std::uint32_t end;
    std::uint32_t line;
    Verb verb;
    std::string_view rest;  // the line after the verb, as written
    std::string_view line_text;
};

bool IsPrefixOf(std::span<const std::string_view> prefix, std::span<const std::string_view> path) {
    return prefix.size() <= path.size() && std::equal(prefix.begin(), prefix.end(), path.begin());
}

/// Lines that `show configuration | display set` or a terminal session adds around the
/// statements: `{master:0}`, `[edit]`, `{primary:node0}`.
bool IsSessionNoise(std::string_view line) {
    return (line.front() == '{' && line.back() == '}') || text::StartsWith(line, "[edit");
}

void ParseSetDialect(std::string_view text, ConfigTree& tree, model::DeviceModel& out,
                     InputStats& stats) {
    out.dialect = model::Dialect::kJunosSet;
    tree.nodes.clear();
    std::vector<std::string_view> tokens;
    std::vector<Statement> statements;
    std::vector<std::uint8_t> used;  // per statement
    text::ForEachLine(text, [&](std::string_view raw, std::size_t number) {
        stats.CountRead();
        const auto line_no = static_cast<std::uint32_t>(number);
        if (raw.size() > kMaxLineBytes) {
            stats.Reject(RejectReason::kOversizedLine, line_no,
                         "line of " + std::to_string(raw.size()) + " bytes");
            return;
        }
        const std::string_view line = text::Trim(raw);
        if (line.empty() || line.front() == '#' || text::StartsWith(line, "/*") ||
            IsSessionNoise(line)) {
            stats.CountProcessed();
            return;
        }
        const auto space = line.find_first_of(" \t");
        const std::string_view verb_word = line.substr(0, space);
        const std::string_view rest =
            space == std::string_view::npos ? std::string_view{} : text::Trim(line.substr(space));
        Verb verb = Verb::kSet;
        if (verb_word == "set") {
            verb = Verb::kSet;
        } else if (verb_word == "delete") {
            verb = Verb::kDelete;
        } else if (verb_word == "deactivate") {
            verb = Verb::kDeactivate;
        } else if (verb_word == "activate") {
            verb = Verb::kActivate;
        } else if (verb_word == "insert" || verb_word == "rename" || verb_word == "annotate" ||
                   verb_word == "protect" || verb_word == "unprotect" || verb_word == "copy") {
            stats.CountProcessed();
            stats.CountUnrecognised();
            return;
        } else {
            stats.Reject(RejectReason::kUnknownSyntax, line_no, "not a set-form statement");
            return;
        }
        if (rest.empty()) {
            stats.Reject(RejectReason::kUnknownSyntax, line_no,
                         "'" + std::string(verb_word) + "' without a path");
            return;
        }
        const auto begin = static_cast<std::uint32_t>(tokens.size());
        SplitStatement(rest, tokens);
        statements.push_back(
            {begin, static_cast<std::uint32_t>(tokens.size()), line_no, verb, rest, line});
    });

    // Deletions and (de)activations are applied approximately: a `delete` removes the
    // statements under its path written before it; the last `deactivate`/`activate` naming
    // a prefix of a statement decides whether that statement is inactive.
    std::vector<std::size_t> ops;
    for (std::size_t i = 0; i < statements.size(); ++i) {
        if (statements[i].verb != Verb::kSet) {
            ops.push_back(i);
        }
    }
    auto path_of = [&](const Statement& s) {
        return std::span<const std::string_view>(tokens.data() + s.begin, s.end - s.begin);
    };
    ModelBuilder builder(out, tree.owned_text);
    for (std::size_t i = 0; i < statements.size(); ++i) {
        const Statement& s = statements[i];
        const auto path = path_of(s);
        bool line_used = false;
        if (s.verb != Verb::kSet) {
            // A removed or deactivated log destination is itself evidence.
            line_used =
                s.verb != Verb::kActivate && builder.NoteInactive(path, s.line, s.line_text);
        } else {
            bool deleted = false;
            bool inactive = false;
            for (const std::size_t op : ops) {
                const Statement& o = statements[op];
                if (!IsPrefixOf(path_of(o), path)) {
                    continue;
                }
                if (o.verb == Verb::kDelete && op > i) {
                    deleted = true;
                } else if (o.verb == Verb::kDeactivate) {
                    inactive = true;
                } else if (o.verb == Verb::kActivate) {
                    inactive = false;
                }
            }
            if (!deleted && !inactive) {
                // Only active statements enter the tree, as in the curly form: the
                // pattern rules must not match what the device does not run.
                builder.AddAddresses(path, s.line, s.rest);
                line_used = builder.Apply(path, s.line, s.rest);
                ConfigLine node;
                node.text = s.rest;
                node.line = s.line;
                node.end = static_cast<std::uint32_t>(tree.nodes.size() + 1);
                node.used = line_used;
                tree.nodes.push_back(node);
            }
        }
        stats.CountProcessed();
        if (!line_used) {
            stats.CountUnrecognised();
        }
    }
    builder.Finish();
}

/// Set sniff: most statement lines start with `set`, and their first word is a Junos
/// top-level keyword (PAN-OS and ScreenOS also write `set` lines, with other keywords).
int SniffSet(const SniffInput& input) {
    const std::string_view head = input.head;
    // Without these words no line can start with them: a score of 0 without the line walk.
    const HeadMarkers& m = input.markers;
    if (!m.Has("set ") && !m.Has("deactivate ") && !m.Has("delete ")) {
        return 0;
    }
    int lines = 0;
    int set_lines = 0;
    int junos_lines = 0;
    text::ForEachLine(head, [&](std::string_view raw, std::size_t) {
        const std::string_view line = text::Trim(raw);
        if (line.empty() || line.front() == '#' || text::StartsWith(line, "/*") ||
            IsSessionNoise(line)) {
            return;
        }
        ++lines;
        if (!text::StartsWith(line, "set ") && !text::StartsWith(line, "deactivate ") &&
            !text::StartsWith(line, "delete ")) {
            return;
        }
        ++set_lines;
        const std::string_view rest = text::Trim(line.substr(line.find(' ')));
        if (IsTopLevelKeyword(rest.substr(0, rest.find(' ')))) {
            ++junos_lines;
        }
    });
    if (set_lines == 0 || set_lines * 2 < lines) {
        return 0;
    }
    return 20 + 75 * junos_lines / set_lines;
}

}  // namespace
}  // namespace junos

const DialectInfo kJunosSet{
    .dialect = model::Dialect::kJunosSet,
    .name = "junos-set",
    .summary = "Juniper Junos, set form (show configuration | display set)",
    .sniff = junos::SniffSet,
    .parse = junos::ParseSetDialect,
};

}  // namespace stormwatch::parse
