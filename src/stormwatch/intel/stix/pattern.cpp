// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/intel/stix/pattern.h"

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "stormwatch/core/ip_address.h"
#include "stormwatch/core/text.h"

namespace stormwatch::intel::stix {

namespace {

// ---------------------------------------------------------------------------------------------
// Lexer

enum class Tok : std::uint8_t {
    kEnd,
    kLBracket,
    kRBracket,
    kLParen,
    kRParen,
    kComma,
    kColon,
    kDot,
    kStar,
    kOp,  // = != <> < <= > >=
    kString,
    kHex,
    kBinary,
    kTimestamp,
    kInt,
    kFloat,
    kIdent,
};

struct Token {
    Tok kind = Tok::kEnd;
    std::string text;  // decoded for literals
    std::size_t offset = 0;
};

bool IsIdentStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool IsIdentChar(char c) {
    return IsIdentStart(c) || (c >= '0' && c <= '9') || c == '-';
}
bool IsDigit(char c) {
    return c >= '0' && c <= '9';
}

struct LexError {
    std::size_t offset;
    std::string message;
};

// Reads a quoted literal starting at the quote; STIX allows only \' and \\ as escapes.
std::optional<LexError> ReadQuoted(std::string_view s, std::size_t& i, std::string& out) {
    const std::size_t start = i;
    ++i;  // opening quote
    while (i < s.size()) {
        const char c = s[i];
        if (c == '\'') {
            ++i;
            return std::nullopt;
        }
        if (c == '\\') {
            if (i + 1 >= s.size()) {
                break;
            }
            const char next = s[i + 1];
            if (next != '\'' && next != '\\') {
                return LexError{i, "invalid escape '\\" + std::string(1, next) + "' in string"};
            }
            out.push_back(next);
            i += 2;
            continue;
        }
        out.push_back(c);
        ++i;
    }
    return LexError{start, "unterminated string literal"};
}

std::optional<LexError> Lex(std::string_view s, std::vector<Token>& tokens) {
    std::size_t i = 0;
    while (i < s.size()) {
        const char c = s[i];
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            ++i;
            continue;
        }
        Token token;
        token.offset = i;
        switch (c) {
            case '[':
                token.kind = Tok::kLBracket;
                ++i;
                break;
            case ']':
                token.kind = Tok::kRBracket;
                ++i;
                break;
            case '(':
                token.kind = Tok::kLParen;
                ++i;
                break;
            case ')':
                token.kind = Tok::kRParen;
                ++i;
                break;
            case ',':
                token.kind = Tok::kComma;
                ++i;
                break;
            case ':':
                token.kind = Tok::kColon;
                ++i;
                break;
            case '.':
                token.kind = Tok::kDot;
                ++i;
                break;
            case '*':
                token.kind = Tok::kStar;
                ++i;
                break;
            case '=':
                token.kind = Tok::kOp;
                token.text = "=";
                ++i;
                break;
            case '!':
                if (i + 1 < s.size() && s[i + 1] == '=') {
                    token.kind = Tok::kOp;
                    token.text = "!=";
                    i += 2;
                    break;
                }
                return LexError{i, "unexpected '!'"};
            case '<':
            case '>':
                token.kind = Tok::kOp;
                token.text = std::string(1, c);
                ++i;
                if (i < s.size() && (s[i] == '=' || (c == '<' && s[i] == '>'))) {
                    token.text.push_back(s[i]);
                    ++i;
                }
                if (token.text == "<>") {
                    token.text = "!=";
                }
                break;
            case '\'':
                token.kind = Tok::kString;
                if (auto error = ReadQuoted(s, i, token.text)) {
                    return error;
                }
                break;
            default:
                if (IsDigit(c) ||
                    ((c == '-' || c == '+') && i + 1 < s.size() && IsDigit(s[i + 1]))) {
                    const std::size_t start = i;
                    ++i;
                    while (i < s.size() && IsDigit(s[i])) {
                        ++i;
                    }
                    token.kind = Tok::kInt;
                    if (i + 1 < s.size() && s[i] == '.' && IsDigit(s[i + 1])) {
                        ++i;
                        while (i < s.size() && IsDigit(s[i])) {
                            ++i;
                        }
                        token.kind = Tok::kFloat;
                    }
                    token.text = std::string(s.substr(start, i - start));
                    break;
                }
                if (IsIdentStart(c)) {
                    const std::size_t start = i;
                    while (i < s.size() && IsIdentChar(s[i])) {
                        ++i;
                    }
                    token.text = std::string(s.substr(start, i - start));
                    token.kind = Tok::kIdent;
                    if (i < s.size() && s[i] == '\'') {
                        if (token.text == "h") {
                            token.kind = Tok::kHex;
                        } else if (token.text == "b64") {
                            token.kind = Tok::kBinary;
                        } else if (token.text == "t") {
                            token.kind = Tok::kTimestamp;
                        } else {
                            return LexError{start, "unexpected quote after '" + token.text + "'"};
                        }
                        token.text.clear();
                        if (auto error = ReadQuoted(s, i, token.text)) {
                            return error;
                        }
                    }
                    break;
                }
                return LexError{i, "unexpected character '" + std::string(1, c) + "'"};
        }
        tokens.push_back(std::move(token));
    }
    tokens.push_back(Token{Tok::kEnd, {}, s.size()});
    return std::nullopt;
}

bool ValidHexLiteral(std::string_view s) {
    return s.size() % 2 == 0 && text::IsHex(s);
}

// RFC 4648 base64 with padding; returns nullopt for anything else.
std::optional<std::string> DecodeBase64(std::string_view s) {
    if (s.size() % 4 != 0) {
        return std::nullopt;
    }
    auto value_of = [](char c) -> int {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        if (c == '+') {
            return 62;
        }
        if (c == '/') {
            return 63;
        }
        return -1;
    };
    std::string out;
    for (std::size_t i = 0; i < s.size(); i += 4) {
        int v[4];
        int pad = 0;
        for (int k = 0; k < 4; ++k) {
            const char c = s[i + static_cast<std::size_t>(k)];
            if (c == '=' && i + 4 == s.size() && k >= 2) {
                v[k] = 0;
                ++pad;
                continue;
            }
            if (pad > 0) {
                return std::nullopt;
            }
            v[k] = value_of(c);
            if (v[k] < 0) {
                return std::nullopt;
            }
        }
        const unsigned triple = (static_cast<unsigned>(v[0]) << 18) |
                                (static_cast<unsigned>(v[1]) << 12) |
                                (static_cast<unsigned>(v[2]) << 6) | static_cast<unsigned>(v[3]);
        out.push_back(static_cast<char>((triple >> 16) & 0xff));
        if (pad < 2) {
            out.push_back(static_cast<char>((triple >> 8) & 0xff));
        }
        if (pad < 1) {
            out.push_back(static_cast<char>(triple & 0xff));
        }
    }
    return out;
}

// ---------------------------------------------------------------------------------------------
// AST

struct Literal {
    Tok kind = Tok::kString;  // kString, kHex, kBinary, kTimestamp, kInt, kFloat, kIdent (bool)
    std::string text;
};

struct Comparison {
    std::string object_type;
    std::vector<std::string> path;  // components; `[n]` / `[*]` kept as "[n]" / "[*]"
    bool negated = false;
    std::string op;  // = != < <= > >= IN LIKE MATCHES ISSUBSET ISSUPERSET EXISTS
    std::vector<Literal> values;
};

enum class NodeKind : std::uint8_t { kLeaf, kAnd, kOr, kFollowedBy };

struct CompNode {
    NodeKind kind = NodeKind::kLeaf;
    Comparison comparison;
    std::vector<CompNode> children;
};

struct ObsNode {
    NodeKind kind = NodeKind::kLeaf;
    CompNode comparison;  // for kLeaf
    std::vector<ObsNode> children;
    std::vector<std::string> qualifiers;  // WITHIN / REPEATS / START
};

bool IsKeyword(const Token& token, std::string_view word) {
    return token.kind == Tok::kIdent && text::IEquals(token.text, word);
}

// Recursive descent over the token list. Depth is bounded by kMaxPatternDepth, so a hostile
// pattern of a million '(' fails cleanly instead of exhausting the stack.
class Parser {
public:
    explicit Parser(std::vector<Token> tokens) : tokens_(std::move(tokens)) {}

    bool ParsePattern(ObsNode& root) {
        if (!ParseObsFollowedBy(root)) {
            return false;
        }
        if (Peek().kind != Tok::kEnd) {
            return Fail("unexpected '" + Describe(Peek()) + "' after the pattern");
        }
        return true;
    }

    [[nodiscard]] const std::string& error() const { return error_; }
    [[nodiscard]] bool too_deep() const { return too_deep_; }

private:
    const Token& Peek() const { return tokens_[pos_]; }
    const Token& Next() {
        const Token& token = tokens_[pos_];
        if (token.kind != Tok::kEnd) {
            ++pos_;
        }
        return token;
    }
    static std::string Describe(const Token& token) {
        switch (token.kind) {
            case Tok::kEnd:
                return "end of pattern";
            case Tok::kString:
                return "'" + token.text + "'";
            default:
                return token.text.empty() ? std::string("punctuation") : token.text;
        }
    }
    bool Fail(std::string message) {
        if (error_.empty()) {
            error_ = "offset " + std::to_string(Peek().offset) + ": " + std::move(message);
        }
        return false;
    }
    bool Expect(Tok kind, std::string_view what) {
        if (Peek().kind != kind) {
            return Fail("expected " + std::string(what) + ", found '" + Describe(Peek()) + "'");
        }
        Next();
        return true;
    }
    bool Enter() {
        if (++depth_ > kMaxPatternDepth) {
            too_deep_ = true;
            return Fail("nesting deeper than " + std::to_string(kMaxPatternDepth) + " levels");
        }
        return true;
    }

    /// `operand (KEYWORD operand)*`: one node of `kind` holding the operands, or the lone
    /// operand itself when the keyword does not follow it.
    template <typename Node>
    bool ParseJoined(Node& out, std::string_view keyword, NodeKind kind,
                     bool (Parser::*operand)(Node&)) {
        Node first;
        if (!(this->*operand)(first)) {
            return false;
        }
        if (!IsKeyword(Peek(), keyword)) {
            out = std::move(first);
            return true;
        }
        out.kind = kind;
        out.children.push_back(std::move(first));
        while (IsKeyword(Peek(), keyword)) {
            Next();
            Node next;
            if (!(this->*operand)(next)) {
                return false;
            }
            out.children.push_back(std::move(next));
        }
        return true;
    }

    bool ParseObsFollowedBy(ObsNode& out) {
        if (!Enter() ||
            !ParseJoined(out, "FOLLOWEDBY", NodeKind::kFollowedBy, &Parser::ParseObsOr)) {
            return false;
        }
        --depth_;
        return true;
    }

    bool ParseObsOr(ObsNode& out) {
        return ParseJoined(out, "OR", NodeKind::kOr, &Parser::ParseObsAnd);
    }

    bool ParseObsAnd(ObsNode& out) {
        return ParseJoined(out, "AND", NodeKind::kAnd, &Parser::ParseObsQualified);
    }

    bool ParseObsQualified(ObsNode& out) {
        if (Peek().kind == Tok::kLBracket) {
            Next();
            if (!Enter() || !ParseCompOr(out.comparison)) {
                return false;
            }
            --depth_;
            if (!Expect(Tok::kRBracket, "']'")) {
                return false;
            }
        } else if (Peek().kind == Tok::kLParen) {
            Next();
            if (!ParseObsFollowedBy(out)) {
                return false;
            }
            if (!Expect(Tok::kRParen, "')'")) {
                return false;
            }
        } else {
            return Fail("expected '[' or '(' to start an observation, found '" + Describe(Peek()) +
                        "'");
        }
        // Qualifiers bind to the observation expression before them.
        while (true) {
            if (IsKeyword(Peek(), "WITHIN")) {
                Next();
                if (Peek().kind != Tok::kInt && Peek().kind != Tok::kFloat) {
                    return Fail("WITHIN needs a number of seconds");
                }
                const std::string n = Next().text;
                if (!IsKeyword(Peek(), "SECONDS")) {
                    return Fail("expected SECONDS after WITHIN " + n);
                }
                Next();
                out.qualifiers.push_back("WITHIN " + n + " SECONDS");
            } else if (IsKeyword(Peek(), "REPEATS")) {
                Next();
                if (Peek().kind != Tok::kInt) {
                    return Fail("REPEATS needs an integer");
                }
                const std::string n = Next().text;
                if (!IsKeyword(Peek(), "TIMES")) {
                    return Fail("expected TIMES after REPEATS " + n);
                }
                Next();
                out.qualifiers.push_back("REPEATS " + n + " TIMES");
            } else if (IsKeyword(Peek(), "START")) {
                Next();
                if (Peek().kind != Tok::kTimestamp) {
                    return Fail("START needs a t'...' timestamp");
                }
                const std::string start = Next().text;
                if (!IsKeyword(Peek(), "STOP")) {
                    return Fail("expected STOP after START");
                }
                Next();
                if (Peek().kind != Tok::kTimestamp) {
                    return Fail("STOP needs a t'...' timestamp");
                }
                const std::string stop = Next().text;
                out.qualifiers.push_back("START t'" + start + "' STOP t'" + stop + "'");
            } else {
                return true;
            }
        }
    }

    bool ParseCompOr(CompNode& out) {
        return ParseJoined(out, "OR", NodeKind::kOr, &Parser::ParseCompAnd);
    }

    bool ParseCompAnd(CompNode& out) {
        return ParseJoined(out, "AND", NodeKind::kAnd, &Parser::ParsePropTest);
    }

    bool ParsePropTest(CompNode& out) {
        if (Peek().kind == Tok::kLParen) {
            Next();
            if (!Enter() || !ParseCompOr(out)) {
                return false;
            }
            --depth_;
            return Expect(Tok::kRParen, "')'");
        }
        Comparison& cmp = out.comparison;
        if (IsKeyword(Peek(), "EXISTS")) {
            Next();
            cmp.op = "EXISTS";
            return ParseObjectPath(cmp);
        }
        if (!ParseObjectPath(cmp)) {
            return false;
        }
        if (IsKeyword(Peek(), "NOT")) {
            Next();
            cmp.negated = true;
        }
        const Token& op = Peek();
        if (op.kind == Tok::kOp) {
            cmp.op = Next().text;
            Literal literal;
            if (!ParsePrimitive(literal)) {
                return false;
            }
            cmp.values.push_back(std::move(literal));
            return true;
        }
        if (IsKeyword(op, "IN")) {
            Next();
            cmp.op = "IN";
            if (!Expect(Tok::kLParen, "'(' after IN")) {
                return false;
            }
            if (Peek().kind != Tok::kRParen) {
                while (true) {
                    Literal literal;
                    if (!ParsePrimitive(literal)) {
                        return false;
                    }
                    cmp.values.push_back(std::move(literal));
                    if (Peek().kind != Tok::kComma) {
                        break;
                    }
                    Next();
                }
            }
            return Expect(Tok::kRParen, "')' closing the IN list");
        }
        for (const std::string_view word : {"LIKE", "MATCHES", "ISSUBSET", "ISSUPERSET"}) {
            if (IsKeyword(op, word)) {
                Next();
                cmp.op = std::string(word);
                if (Peek().kind != Tok::kString) {
                    return Fail(std::string(word) + " needs a string literal");
                }
                cmp.values.push_back(Literal{Tok::kString, Next().text});
                return true;
            }
        }
        return Fail("expected a comparison operator, found '" + Describe(op) + "'");
    }

    bool ParsePrimitive(Literal& out) {
        const Token& token = Peek();
        switch (token.kind) {
            case Tok::kString:
            case Tok::kInt:
            case Tok::kFloat:
            case Tok::kTimestamp:
                out = Literal{token.kind, Next().text};
                return true;
            case Tok::kHex:
                if (!ValidHexLiteral(token.text)) {
                    return Fail("invalid hex literal h'" + token.text + "'");
                }
                out = Literal{token.kind, Next().text};
                return true;
            case Tok::kBinary:
                if (!DecodeBase64(token.text)) {
                    return Fail("invalid base64 literal b64'" + token.text + "'");
                }
                out = Literal{token.kind, Next().text};
                return true;
            case Tok::kIdent:
                if (IsKeyword(token, "true") || IsKeyword(token, "false")) {
                    out = Literal{token.kind, text::ToLower(Next().text)};
                    return true;
                }
                break;
            default:
                break;
        }
        return Fail("expected a literal, found '" + Describe(token) + "'");
    }

    bool ParseObjectPath(Comparison& cmp) {
        if (Peek().kind != Tok::kIdent) {
            return Fail("expected an object type, found '" + Describe(Peek()) + "'");
        }
        cmp.object_type = Next().text;
        if (!Expect(Tok::kColon, "':' after the object type")) {
            return false;
        }
        if (Peek().kind != Tok::kIdent && Peek().kind != Tok::kString) {
            return Fail("expected a property name after ':'");
        }
        cmp.path.push_back(Next().text);
        while (true) {
            if (Peek().kind == Tok::kDot) {
                Next();
                if (Peek().kind != Tok::kIdent && Peek().kind != Tok::kString) {
                    return Fail("expected a property name after '.'");
                }
                cmp.path.push_back(Next().text);
            } else if (Peek().kind == Tok::kLBracket) {
                Next();
                if (Peek().kind == Tok::kStar) {
                    Next();
                    cmp.path.emplace_back("[*]");
                } else if (Peek().kind == Tok::kInt) {
                    cmp.path.push_back("[" + Next().text + "]");
                } else {
                    return Fail("expected an index or '*' in a list path");
                }
                if (!Expect(Tok::kRBracket, "']' closing the list index")) {
                    return false;
                }
            } else {
                return true;
            }
        }
    }

    std::vector<Token> tokens_;
    std::size_t pos_ = 0;
    int depth_ = 0;
    bool too_deep_ = false;
    std::string error_;
};

PatternMapping Reject(PatternIssue issue, std::string message) {
    PatternMapping mapping;
    mapping.issue = issue;
    mapping.message = std::move(message);
    return mapping;
}

PatternMapping Parse(std::string_view pattern, ObsNode& root) {
    if (pattern.size() > kMaxPatternBytes) {
        return Reject(PatternIssue::kUnsupported,
                      "pattern longer than " + std::to_string(kMaxPatternBytes) + " bytes");
    }
    std::vector<Token> tokens;
    if (auto error = Lex(pattern, tokens)) {
        return Reject(PatternIssue::kSyntax,
                      "offset " + std::to_string(error->offset) + ": " + error->message);
    }
    Parser parser(std::move(tokens));
    if (!parser.ParsePattern(root)) {
        return Reject(parser.too_deep() ? PatternIssue::kUnsupported : PatternIssue::kSyntax,
                      parser.error());
    }
    return {};
}

// ---------------------------------------------------------------------------------------------
// Mapping

enum class Target : std::uint8_t {
    kIpv4Addr,
    kIpv6Addr,
    kAnyAddrOrDomain,  // network-traffic:dst_ref.value / src_ref.value
    kDomain,
    kUrl,
    kEmail,
    kFileName,
    kAccount,
    kMd5,
    kSha1,
    kSha256,
    kSha512,
};

std::string PathText(const Comparison& cmp) {
    std::string out = cmp.object_type + ":";
    for (std::size_t i = 0; i < cmp.path.size(); ++i) {
        const std::string& part = cmp.path[i];
        if (part.front() != '[' && i > 0) {
            out += '.';
        }
        out += part;
    }
    return out;
}

std::optional<Target> HashTarget(std::string_view name) {
    std::string key;
    for (const char c : name) {
        if (c != '-' && c != '_') {
            key.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
        }
    }
    if (key == "md5") {
        return Target::kMd5;
    }
    if (key == "sha1") {
        return Target::kSha1;
    }
    if (key == "sha256") {
        return Target::kSha256;
    }
    if (key == "sha512") {
        return Target::kSha512;
    }
    return std::nullopt;
}

std::optional<Target> TargetOf(const Comparison& cmp) {
    const std::string& type = cmp.object_type;
    const auto& path = cmp.path;
    if (path.size() == 1) {
        const std::string& p = path[0];
        if (p == "value") {
            if (type == "ipv4-addr") {
                return Target::kIpv4Addr;
            }
            if (type == "ipv6-addr") {
                return Target::kIpv6Addr;
            }
            if (type == "domain-name") {
                return Target::kDomain;
            }
            if (type == "url") {
                return Target::kUrl;
            }
            if (type == "email-addr") {
                return Target::kEmail;
            }
        }
        if (type == "file" && p == "name") {
            return Target::kFileName;
        }
        if (type == "user-account" && (p == "user_id" || p == "account_login")) {
            return Target::kAccount;
        }
    }
    if (path.size() == 2) {
        if (type == "file" && path[0] == "hashes") {
            return HashTarget(path[1]);
        }
        if (type == "network-traffic" && (path[0] == "dst_ref" || path[0] == "src_ref") &&
            path[1] == "value") {
            return Target::kAnyAddrOrDomain;
        }
    }
    return std::nullopt;
}

bool IsHashTarget(Target target) {
    return target == Target::kMd5 || target == Target::kSha1 || target == Target::kSha256 ||
           target == Target::kSha512;
}

std::string ToHex(std::string_view bytes) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (const char c : bytes) {
        const auto b = static_cast<unsigned char>(c);
        out.push_back(kDigits[b >> 4]);
        out.push_back(kDigits[b & 0xf]);
    }
    return out;
}

// The literal text of a MATCHES regex, when the regex is a plain anchored literal.
// `subdomains` is set for `^(.*\.)?literal$` / `^(.+\.)?literal$`.
std::optional<std::string> RegexLiteral(std::string_view regex, bool allow_subdomains,
                                        bool& subdomains, std::string& why) {
    subdomains = false;
    if (regex.size() < 2 || regex.front() != '^' || regex.back() != '$') {
        why = "is not anchored with ^...$";
        return std::nullopt;
    }
    regex = regex.substr(1, regex.size() - 2);
    for (const std::string_view prefix : {"(.*\\.)?", "(.+\\.)?"}) {
        if (allow_subdomains && regex.substr(0, prefix.size()) == prefix) {
            subdomains = true;
            regex.remove_prefix(prefix.size());
            break;
        }
    }
    std::string out;
    for (std::size_t i = 0; i < regex.size(); ++i) {
        const char c = regex[i];
        if (c == '\\') {
            if (i + 1 >= regex.size()) {
                why = "ends with a backslash";
                return std::nullopt;
            }
            const char next = regex[++i];
            if (IsIdentStart(next) || IsDigit(next)) {
                why = "uses the escape \\" + std::string(1, next);
                return std::nullopt;
            }
            out.push_back(next);
            continue;
        }
        if (std::string_view(".^$*+?()[]{}|").find(c) != std::string_view::npos) {
            why = "uses the metacharacter '" + std::string(1, c) + "'";
            return std::nullopt;
        }
        out.push_back(c);
    }
    if (out.empty()) {
        why = "is empty";
        return std::nullopt;
    }
    return out;
}

std::optional<PatternValue> NormaliseAddress(std::string_view value, bool want_v4, bool want_v6) {
    const IndicatorType family = want_v4 && want_v6 ? IndicatorType::kCidr
                                 : want_v4          ? IndicatorType::kIpv4
                                                    : IndicatorType::kIpv6;
    auto canonical = CanonicalIndicatorValue(family, value);
    if (!canonical) {
        return std::nullopt;
    }
    return PatternValue{canonical->type, std::move(canonical->value)};
}

IndicatorType TypeOf(Target target) {
    switch (target) {
        case Target::kDomain:
            return IndicatorType::kDomain;
        case Target::kUrl:
            return IndicatorType::kUrl;
        case Target::kEmail:
            return IndicatorType::kEmail;
        case Target::kFileName:
            return IndicatorType::kFileName;
        case Target::kAccount:
            return IndicatorType::kAccount;
        case Target::kMd5:
            return IndicatorType::kMd5;
        case Target::kSha1:
            return IndicatorType::kSha1;
        case Target::kSha256:
            return IndicatorType::kSha256;
        case Target::kSha512:
            return IndicatorType::kSha512;
        default:
            return IndicatorType::kIpv4;
    }
}

PatternMapping MapValue(Target target, const std::string& path, std::string value,
                        std::vector<PatternValue>& out) {
    std::optional<PatternValue> mapped;
    switch (target) {
        case Target::kIpv4Addr:
            mapped = NormaliseAddress(value, true, false);
            break;
        case Target::kIpv6Addr:
            mapped = NormaliseAddress(value, false, true);
            break;
        case Target::kAnyAddrOrDomain:
            mapped = NormaliseAddress(value, true, true);
            if (!mapped) {
                PatternValue domain{IndicatorType::kDomain, value};
                if (NormaliseIndicatorValue(domain.type, domain.value)) {
                    mapped = std::move(domain);
                }
            }
            break;
        default: {
            PatternValue candidate{TypeOf(target), value};
            if (NormaliseIndicatorValue(candidate.type, candidate.value)) {
                mapped = std::move(candidate);
            }
            break;
        }
    }
    if (!mapped) {
        return Reject(PatternIssue::kInvalidValue,
                      "'" + value + "' is not a valid value for " + path);
    }
    if (std::find(out.begin(), out.end(), *mapped) == out.end()) {
        out.push_back(std::move(*mapped));
    }
    return {};
}

PatternMapping MapComparison(const Comparison& cmp, std::vector<PatternValue>& out) {
    const std::string path = PathText(cmp);
    if (cmp.op == "EXISTS") {
        return Reject(PatternIssue::kUnsupported, "EXISTS " + path + " cannot be honoured");
    }
    if (cmp.negated) {
        return Reject(PatternIssue::kUnsupported,
                      "NOT in '" + path + " NOT " + cmp.op + "' cannot be honoured (negation)");
    }
    const auto target = TargetOf(cmp);
    if (!target) {
        return Reject(PatternIssue::kUnsupported, "object path " + path + " is not matched");
    }
    if (cmp.op == "!=") {
        return Reject(PatternIssue::kUnsupported, "'!=' on " + path + " cannot be honoured");
    }
    if (cmp.op == "<" || cmp.op == "<=" || cmp.op == ">" || cmp.op == ">=") {
        return Reject(PatternIssue::kUnsupported,
                      "ordering comparison '" + cmp.op + "' on " + path + " cannot be honoured");
    }
    if (cmp.op == "ISSUPERSET") {
        return Reject(PatternIssue::kUnsupported, "ISSUPERSET on " + path + " cannot be honoured");
    }
    const bool address_target = *target == Target::kIpv4Addr || *target == Target::kIpv6Addr ||
                                *target == Target::kAnyAddrOrDomain;
    if (cmp.op == "ISSUBSET" && !address_target) {
        return Reject(PatternIssue::kUnsupported, "ISSUBSET applies to addresses, not " + path);
    }
    if (cmp.values.empty()) {
        return Reject(PatternIssue::kUnsupported, "empty IN list on " + path + " matches nothing");
    }
    for (const Literal& literal : cmp.values) {
        std::string value;
        switch (literal.kind) {
            case Tok::kString:
                value = literal.text;
                break;
            case Tok::kHex:
            case Tok::kBinary:
                if (!IsHashTarget(*target)) {
                    return Reject(PatternIssue::kUnsupported,
                                  "binary literal compared with the text property " + path);
                }
                value = literal.kind == Tok::kHex ? text::ToLower(literal.text)
                                                  : ToHex(*DecodeBase64(literal.text));
                break;
            default:
                return Reject(PatternIssue::kUnsupported,
                              "non-string literal '" + literal.text + "' compared with " + path);
        }
        if (cmp.op == "LIKE") {
            if (value.find_first_of("%_") != std::string::npos) {
                const bool suffix_form = *target == Target::kDomain && value.size() > 2 &&
                                         value.compare(0, 2, "%.") == 0 &&
                                         value.find_first_of("%_", 2) == std::string::npos;
                if (!suffix_form) {
                    return Reject(PatternIssue::kUnsupported,
                                  "LIKE '" + value + "' on " + path + " has wildcards");
                }
                value.erase(0, 2);  // `%.evil.example`: the domain and its subdomains
            }
        } else if (cmp.op == "MATCHES") {
            bool subdomains = false;
            std::string why;
            auto literal_text = RegexLiteral(value, *target == Target::kDomain, subdomains, why);
            if (!literal_text) {
                return Reject(PatternIssue::kUnsupported, "MATCHES '" + value + "' on " + path +
                                                              " is not a plain literal (" + "it " +
                                                              why + ")");
            }
            value = std::move(*literal_text);
        }
        // ISSUBSET 'net/len' matches the addresses inside the network: a CIDR indicator.
        if (auto rejected = MapValue(*target, path, std::move(value), out); !rejected.ok()) {
            return rejected;
        }
    }
    return {};
}

PatternMapping MapCompNode(const CompNode& node, std::vector<PatternValue>& out) {
    switch (node.kind) {
        case NodeKind::kLeaf:
            return MapComparison(node.comparison, out);
        case NodeKind::kOr:
            for (const CompNode& child : node.children) {
                if (auto rejected = MapCompNode(child, out); !rejected.ok()) {
                    return rejected;
                }
            }
            return {};
        default:
            return Reject(PatternIssue::kUnsupported,
                          "AND of comparisons in one observation cannot be honoured (the "
                          "matcher tests one value at a time)");
    }
}

PatternMapping MapObsNode(const ObsNode& node, std::vector<PatternValue>& out) {
    if (!node.qualifiers.empty()) {
        return Reject(PatternIssue::kUnsupported,
                      "qualifier " + node.qualifiers.front() + " cannot be honoured");
    }
    switch (node.kind) {
        case NodeKind::kLeaf:
            return MapCompNode(node.comparison, out);
        case NodeKind::kOr:
            for (const ObsNode& child : node.children) {
                if (auto rejected = MapObsNode(child, out); !rejected.ok()) {
                    return rejected;
                }
            }
            return {};
        case NodeKind::kAnd:
            return Reject(PatternIssue::kUnsupported,
                          "observations joined by AND cannot be honoured");
        case NodeKind::kFollowedBy:
            return Reject(PatternIssue::kUnsupported, "FOLLOWEDBY cannot be honoured");
    }
    return Reject(PatternIssue::kUnsupported, "unknown observation expression");
}

}  // namespace

std::string_view PatternIssueName(PatternIssue issue) {
    switch (issue) {
        case PatternIssue::kNone:
            return "none";
        case PatternIssue::kSyntax:
            return "pattern-syntax";
        case PatternIssue::kUnsupported:
            return "pattern-unsupported";
        case PatternIssue::kInvalidValue:
            return "pattern-invalid-value";
    }
    return "unknown";
}

bool NormaliseIndicatorValue(IndicatorType type, std::string& value) {
    auto canonical = CanonicalIndicatorValue(type, value);
    if (!canonical) {
        return false;
    }
    value = std::move(canonical->value);
    return true;
}

PatternMapping CheckStixPatternSyntax(std::string_view pattern) {
    ObsNode root;
    return Parse(pattern, root);
}

PatternMapping MapStixPattern(std::string_view pattern) {
    ObsNode root;
    PatternMapping parsed = Parse(pattern, root);
    if (!parsed.ok()) {
        return parsed;
    }
    PatternMapping mapping;
    PatternMapping result = MapObsNode(root, mapping.values);
    if (!result.ok()) {
        return result;
    }
    return mapping;
}

}  // namespace stormwatch::intel::stix
