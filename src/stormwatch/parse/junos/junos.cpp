// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/parse/junos/junos.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "stormwatch/core/text.h"

namespace stormwatch::parse {
namespace junos {
namespace {

// Per-line accounting flags.
constexpr std::uint8_t kHasStatement = 1;
constexpr std::uint8_t kUsed = 2;
constexpr std::uint8_t kRejected = 4;

struct Frame {
    std::size_t path_size;  // path_ size before this block's head tokens
    std::int32_t node;      // -1 for an inactive block (not in the tree)
    std::uint32_t line;
    bool inactive;
    bool has_children;
};

/// The longest real statements are `[ ... ]` lists of a few hundred prefixes or names. Text
/// that runs on for thousands of words without `;`, `{` or `}` is not Junos (an IOS config fed
/// here, say); without a cap, every address in it would copy the whole statement (quadratic).
constexpr std::size_t kMaxStatementWords = 4096;

/// The curly-form lexer and tree builder. Statements may span lines (quoted strings,
/// `/* */` comments, `[ ]` lists) and a line may hold several statements, so accounting is
/// per line, not per node.
class CurlyParser {
public:
    CurlyParser(ConfigTree& tree, ModelBuilder* builder, InputStats& stats)
        : tree_(tree), arena_(tree.owned_text), builder_(builder), stats_(stats) {}

    void Run(std::string_view text);

private:
    void Line(std::string_view line, std::uint32_t number);
    void Word(std::string_view word, std::uint32_t number);
    void EndStatement();
    void OpenBlock(std::uint32_t number);
    void CloseBlock(std::uint32_t number);
    std::int32_t AddNode(std::uint32_t line);
    void Apply(std::int32_t node, std::uint32_t line, bool inactive);
    void RejectLine(RejectReason reason, std::uint32_t line, std::string detail);

    ConfigTree& tree_;
    StringArena arena_;
    ModelBuilder* builder_;
    InputStats& stats_;
    std::vector<std::uint8_t> lines_;     // flags per line, index = line number
    std::vector<std::string_view> path_;  // open block heads, then pending words
    std::vector<Frame> frames_;
    std::size_t pending_ = 0;        // words of the statement being read
    bool pending_overflow_ = false;  // the statement passed kMaxStatementWords: dropped
    std::uint32_t pending_line_ = 0;
    bool pending_inactive_ = false;
    bool in_comment_ = false;
    const char* quote_start_ = nullptr;  // an open quoted string spanning lines
    std::uint32_t quote_line_ = 0;
};

void CurlyParser::Run(std::string_view text) {
    tree_.nodes.clear();
    lines_.assign(1, 0);
    text::ForEachLine(text, [&](std::string_view line, std::size_t number) {
        lines_.push_back(0);
        stats_.CountRead();
        if (line.size() > kMaxLineBytes) {
            RejectLine(RejectReason::kOversizedLine, static_cast<std::uint32_t>(number),
                       "line of " + std::to_string(line.size()) + " bytes");
            return;
        }
        Line(line, static_cast<std::uint32_t>(number));
    });
    if (quote_start_ != nullptr) {
        // An unterminated string: keep what was read as one word.
        const char* end = text.data() + text.size();
        const std::string_view word(quote_start_, static_cast<std::size_t>(end - quote_start_));
        quote_start_ = nullptr;
        Word(word, quote_line_);
    }
    if (pending_ != 0) {
        EndStatement();
    }
    if (!frames_.empty()) {
        const Frame& outer = frames_.front();
        const auto head = std::span<const std::string_view>(
            path_.data(), frames_.size() > 1 ? frames_[1].path_size : path_.size());
        RejectLine(RejectReason::kUnbalancedBlock, outer.line,
                   "block '" + std::string(arena_.Join(head)) + "' not closed at end of input");
        while (!frames_.empty()) {
            CloseBlock(0);
        }
    }
    // A block head counts as used when anything inside it fed the model.
    for (std::size_t i = tree_.nodes.size(); i-- > 0;) {
        const auto& node = tree_.nodes[i];
        if (node.used && node.parent >= 0) {
            tree_.nodes[static_cast<std::size_t>(node.parent)].used = true;
        }
    }
    for (const auto& node : tree_.nodes) {
        lines_[node.line] |= kHasStatement | (node.used ? kUsed : 0);
    }
    for (std::size_t i = 1; i < lines_.size(); ++i) {
        const std::uint8_t flags = lines_[i];
        if ((flags & kRejected) != 0) {
            continue;
        }
        stats_.CountProcessed();
        if ((flags & kHasStatement) != 0 && (flags & kUsed) == 0) {
            stats_.CountUnrecognised();
        }
    }
}

void CurlyParser::RejectLine(RejectReason reason, std::uint32_t line, std::string detail) {
    if (line < lines_.size() && (lines_[line] & kRejected) == 0) {
        lines_[line] |= kRejected;
        stats_.Reject(reason, line, std::move(detail));
    }
}

void CurlyParser::Line(std::string_view line, std::uint32_t number) {
    std::size_t i = 0;
    const std::size_t n = line.size();
    if (quote_start_ != nullptr) {
        while (i < n && line[i] != '"') {
            i += line[i] == '\\' ? 2 : 1;
        }
        if (i >= n) {
            return;  // the whole line is inside the string
        }
        const std::string_view word(quote_start_,
                                    static_cast<std::size_t>(line.data() + i + 1 - quote_start_));
        quote_start_ = nullptr;
        Word(word, quote_line_);
        ++i;
    }
    while (i < n) {
        if (in_comment_) {
            const auto close = line.find("*/", i);
            if (close == std::string_view::npos) {
                return;
            }
            in_comment_ = false;
            i = close + 2;
            continue;
        }
        const char c = line[i];
        switch (c) {
            case ' ':
            case '\t':
                ++i;
                break;
            case '#':
                return;  // comment to end of line (`## Last commit`, `## SECRET-DATA`)
            case ';':
                EndStatement();
                ++i;
                break;
            case '{':
                OpenBlock(number);
                ++i;
                break;
            case '}':
                CloseBlock(number);
                ++i;
                break;
            case '[':
            case ']':
                Word(line.substr(i, 1), number);
                ++i;
                break;
            case '"': {
                std::size_t j = i + 1;
                while (j < n && line[j] != '"') {
                    j += line[j] == '\\' ? 2 : 1;
                }
                if (j >= n) {
                    quote_start_ = line.data() + i;
                    quote_line_ = number;
                    return;
                }
                Word(line.substr(i, j + 1 - i), number);
                i = j + 1;
                break;
            }
            default: {
                if (c == '/' && i + 1 < n && line[i + 1] == '*') {
                    in_comment_ = true;
                    i += 2;
                    break;
                }
                std::size_t j = i;
                while (j < n && line[j] != ' ' && line[j] != '\t' && line[j] != ';' &&
                       line[j] != '{' && line[j] != '}' && line[j] != '"' && line[j] != '[' &&
                       line[j] != ']') {
                    ++j;
                }
                Word(line.substr(i, j - i), number);
                i = j;
                break;
            }
        }
    }
}

void CurlyParser::Word(std::string_view word, std::uint32_t number) {
    if (pending_ == 0) {
        // Statement prefixes that change how it applies, not what it says.
        if (word == "inactive:") {
            pending_inactive_ = true;
            pending_line_ = number;
            return;
        }
        if (word == "protect:" || word == "replace:" || word == "active:" || word == "delete:") {
            return;
        }
        if (!pending_inactive_) {
            pending_line_ = number;
        }
    }
    if (pending_ >= kMaxStatementWords) {
        if (!pending_overflow_) {
            pending_overflow_ = true;
            RejectLine(RejectReason::kUnknownSyntax, pending_line_,
                       "statement of more than " + std::to_string(kMaxStatementWords) +
                           " words without ';' or braces: not Junos syntax");
        }
        return;
    }
    path_.push_back(word);
    ++pending_;
}

std::int32_t CurlyParser::AddNode(std::uint32_t line) {
    ConfigLine node;
    node.text = arena_.Join(path_);
    node.line = line;
    node.parent = frames_.empty() ? -1 : frames_.back().node;
    node.indent = static_cast<std::uint16_t>(std::min<std::size_t>(frames_.size(), 0xFFFF));
    const auto index = static_cast<std::int32_t>(tree_.nodes.size());
    node.end = static_cast<std::uint32_t>(index + 1);
    tree_.nodes.push_back(node);
    return index;
}

void CurlyParser::Apply(std::int32_t node, std::uint32_t line, bool inactive) {
    if (inactive) {
        // Inactive statements stay out of the tree and the model; a deactivated log
        // destination is recorded as such.
        bool noted = false;
        if (builder_ != nullptr) {
            std::string as_written = "deactivate ";
            for (std::size_t i = 0; i < path_.size(); ++i) {
                as_written.append(i == 0 ? "" : " ").append(path_[i]);
            }
            noted = builder_->NoteInactive(path_, line, as_written);
        }
        lines_[line] |= kHasStatement | (noted ? kUsed : 0);
        return;
    }
    if (builder_ == nullptr || node < 0) {
        return;
    }
    auto& n = tree_.nodes[static_cast<std::size_t>(node)];
    builder_->AddAddresses(path_, n.line, n.text);
    n.used = builder_->Apply(path_, n.line, n.text);
}

void CurlyParser::EndStatement() {
    if (pending_ == 0) {
        pending_inactive_ = false;
        return;
    }
    if (pending_overflow_) {
        path_.resize(path_.size() - pending_);
        pending_ = 0;
        pending_overflow_ = false;
        pending_inactive_ = false;
        return;
    }
    const bool inactive = pending_inactive_ || (!frames_.empty() && frames_.back().inactive);
    if (!frames_.empty()) {
        frames_.back().has_children = true;
    }
    const std::int32_t node = inactive ? -1 : AddNode(pending_line_);
    Apply(node, pending_line_, inactive);
    path_.resize(path_.size() - pending_);
    pending_ = 0;
    pending_inactive_ = false;
}

void CurlyParser::OpenBlock(std::uint32_t number) {
    if (pending_ == 0 && !pending_inactive_) {
        pending_line_ = number;
    }
    // A block whose head overflowed stays out of the tree, like an inactive one, but its
    // braces still count so the rest of the file nests correctly.
    const bool inactive =
        pending_inactive_ || pending_overflow_ || (!frames_.empty() && frames_.back().inactive);
    pending_overflow_ = false;
    if (!frames_.empty()) {
        frames_.back().has_children = true;
    }
    const std::int32_t node = inactive ? -1 : AddNode(pending_line_);
    if (inactive) {
        lines_[pending_line_] |= kHasStatement;
    }
    frames_.push_back({path_.size() - pending_, node, pending_line_, inactive, false});
    pending_ = 0;
    pending_inactive_ = false;
}

void CurlyParser::CloseBlock(std::uint32_t number) {
    if (pending_ != 0) {
        EndStatement();  // a last statement written without `;`
    }
    if (frames_.empty()) {
        RejectLine(RejectReason::kUnknownSyntax, number, "unmatched '}'");
        return;
    }
    const Frame frame = frames_.back();
    if (!frame.has_children) {
        // `ssh { }` says what the leaf `ssh;` says.
        Apply(frame.node, frame.line, frame.inactive);
    }
    if (frame.node >= 0) {
        tree_.nodes[static_cast<std::size_t>(frame.node)].end =
            static_cast<std::uint32_t>(tree_.nodes.size());
    }
    path_.resize(frame.path_size);
    frames_.pop_back();
}

/// Curly sniff: the share of lines ending in `{`, `;` or `}`, with `;` required (F5 and
/// VyOS use braces without semicolons).
int SniffCurly(const SniffInput& input) {
    const std::string_view head = input.head;
    // No `;` or no `{` anywhere: no statement or block line, so a score of 0 (two memchr
    // passes instead of a walk over every line).
    if (head.find(';') == std::string_view::npos || head.find('{') == std::string_view::npos) {
        return 0;
    }
    int lines = 0;
    int structural = 0;
    int semicolons = 0;
    int opens = 0;
    bool top_keyword = false;
    bool commit_marker = false;
    bool set_lines = false;
    text::ForEachLine(head, [&](std::string_view raw, std::size_t) {
        const std::string_view line = text::Trim(raw);
        if (line.empty()) {
            return;
        }
        if (text::StartsWith(line, "## Last commit") || text::StartsWith(line, "## Last changed")) {
            commit_marker = true;
        }
        if (line.front() == '#' || text::StartsWith(line, "/*") || text::StartsWith(line, "*")) {
            return;
        }
        ++lines;
        if (text::StartsWith(line, "set ")) {
            set_lines = true;
        }
        std::string_view body = line;
        if (const auto hash = body.find(" #"); hash != std::string_view::npos) {
            body = text::TrimRight(body.substr(0, hash));
        }
        const char last = body.back();
        if (last == ';') {
            ++semicolons;
            ++structural;
        } else if (last == '{') {
            ++opens;
            ++structural;
            const auto space = body.find(' ');
            if (space != std::string_view::npos && body.substr(space) == " {" &&
                IsTopLevelKeyword(body.substr(0, space)) && raw.front() != ' ') {
                top_keyword = true;
            }
        } else if (last == '}') {
            ++structural;
        }
    });
    if (lines == 0 || semicolons == 0 || opens == 0) {
        return 0;
    }
    const int share = structural * 100 / lines;
    if (share < 60) {
        return set_lines ? 0 : share / 4;
    }
    int score = 40 + (share - 60);  // 40..80
    if (top_keyword) {
        score += 15;
    }
    if (commit_marker) {
        score += 5;
    }
    return std::min(score, 98);
}

void ParseCurlyDialect(std::string_view text, ConfigTree& tree, model::DeviceModel& out,
                       InputStats& stats) {
    out.dialect = model::Dialect::kJunos;
    ModelBuilder builder(out, tree.owned_text);
    ParseCurly(text, tree, &builder, stats);
    builder.Finish();
}

}  // namespace

void ParseCurly(std::string_view text, ConfigTree& tree, ModelBuilder* builder, InputStats& stats) {
    CurlyParser parser(tree, builder, stats);
    parser.Run(text);
}

}  // namespace junos

const DialectInfo kJunos{
    .dialect = model::Dialect::kJunos,
    .name = "junos",
    .summary = "Juniper Junos, curly-brace form (show configuration)",
    .sniff = junos::SniffCurly,
    .parse = junos::ParseCurlyDialect,
};

}  // namespace stormwatch::parse
