// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/intel/misp/json_location.h"

#include <cstdint>
#include <vector>

#include "stormwatch/core/text.h"

namespace stormwatch::intel::detail {
namespace {

bool IsJsonSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}
bool IsDigit(char c) {
    return c >= '0' && c <= '9';
}

// An iterative scanner (explicit stack) so that hostile nesting cannot exhaust the C++ stack.
class Scanner {
public:
    Scanner(std::string_view text, std::size_t max_depth) : text_(text), max_depth_(max_depth) {}

    std::optional<JsonErrorLocation> Run() {
        SkipSpace();
        if (pos_ == text_.size()) {
            return Fail("empty input");
        }
        // Each iteration reads one value, then the separators after it.
        while (true) {
            if (!Value()) {
                return error_;
            }
            if (opened_) {
                opened_ = false;
                continue;  // first element of a non-empty container
            }
            while (true) {
                SkipSpace();
                if (stack_.empty()) {
                    if (pos_ != text_.size()) {
                        return Fail("unexpected content after the top-level value");
                    }
                    return std::nullopt;
                }
                if (pos_ == text_.size()) {
                    return Fail("unexpected end of input inside a container");
                }
                const char c = text_[pos_];
                const char top = stack_.back();
                if (c == ',') {
                    ++pos_;
                    SkipSpace();
                    if (top == '{' && !Key()) {
                        return error_;
                    }
                    break;  // next value
                }
                if ((top == '{' && c == '}') || (top == '[' && c == ']')) {
                    ++pos_;
                    stack_.pop_back();
                    continue;  // the container was a value: look for its separator
                }
                return Fail(top == '{' ? "expected ',' or '}'" : "expected ',' or ']'");
            }
        }
    }

private:
    std::optional<JsonErrorLocation> Fail(std::string what) {
        error_ = LocateOffset(text_, pos_, std::move(what));
        return error_;
    }

    void SkipSpace() {
        while (pos_ < text_.size() && IsJsonSpace(text_[pos_])) {
            ++pos_;
        }
    }

    // A key and its colon; leaves pos_ at the value.
    bool Key() {
        if (pos_ == text_.size() || text_[pos_] != '"') {
            Fail("expected a string key");
            return false;
        }
        if (!String()) {
            return false;
        }
        SkipSpace();
        if (pos_ == text_.size() || text_[pos_] != ':') {
            Fail("expected ':'");
            return false;
        }
        ++pos_;
        SkipSpace();
        return true;
    }

    // One value. Opening a non-empty container pushes it and sets opened_ (its first element
    // is read by the caller's loop); an empty container is consumed whole.
    bool Value() {
        SkipSpace();
        if (pos_ == text_.size()) {
            Fail("unexpected end of input, expected a value");
            return false;
        }
        const char c = text_[pos_];
        if (c == '{' || c == '[') {
            if (stack_.size() >= max_depth_) {
                Fail("nesting deeper than " + std::to_string(max_depth_) + " levels");
                return false;
            }
            ++pos_;
            SkipSpace();
            const char close = c == '{' ? '}' : ']';
            if (pos_ < text_.size() && text_[pos_] == close) {
                ++pos_;
                return true;
            }
            stack_.push_back(c);
            if (c == '{' && !Key()) {
                return false;
            }
            opened_ = true;
            return true;
        }
        if (c == '"') {
            return String();
        }
        if (c == '-' || IsDigit(c)) {
            return Number();
        }
        for (const std::string_view literal : {"true", "false", "null"}) {
            if (text_.substr(pos_, literal.size()) == literal) {
                pos_ += literal.size();
                return true;
            }
        }
        Fail("unexpected character, expected a value");
        return false;
    }

    bool String() {
        ++pos_;  // opening quote
        while (pos_ < text_.size()) {
            const auto c = static_cast<unsigned char>(text_[pos_]);
            if (c == '"') {
                ++pos_;
                return true;
            }
            if (c < 0x20) {
                Fail("control character inside a string");
                return false;
            }
            if (c == '\\') {
                if (pos_ + 1 >= text_.size()) {
                    break;
                }
                const char e = text_[pos_ + 1];
                if (e == 'u') {
                    for (std::size_t i = 2; i < 6; ++i) {
                        if (pos_ + i >= text_.size() || !text::IsHexDigit(text_[pos_ + i])) {
                            Fail("bad \\u escape");
                            return false;
                        }
                    }
                    pos_ += 6;
                    continue;
                }
                if (std::string_view("\"\\/bfnrt").find(e) == std::string_view::npos) {
                    Fail("bad escape");
                    return false;
                }
                pos_ += 2;
                continue;
            }
            if (c < 0x80) {
                ++pos_;
                continue;
            }
            if (!Utf8Sequence()) {
                Fail("invalid UTF-8");
                return false;
            }
        }
        Fail("unterminated string");
        return false;
    }

    // One multi-byte UTF-8 sequence at pos_ (RFC 3629: no overlongs, no surrogates, <= U+10FFFF).
    bool Utf8Sequence() {
        const auto b0 = static_cast<unsigned char>(text_[pos_]);
        std::size_t n = 0;
        std::uint32_t cp = 0;
        if (b0 >= 0xC2 && b0 <= 0xDF) {
            n = 2;
            cp = b0 & 0x1FU;
        } else if (b0 >= 0xE0 && b0 <= 0xEF) {
            n = 3;
            cp = b0 & 0x0FU;
        } else if (b0 >= 0xF0 && b0 <= 0xF4) {
            n = 4;
            cp = b0 & 0x07U;
        } else {
            return false;
        }
        if (pos_ + n > text_.size()) {
            return false;
        }
        for (std::size_t i = 1; i < n; ++i) {
            const auto b = static_cast<unsigned char>(text_[pos_ + i]);
            if ((b & 0xC0U) != 0x80U) {
                return false;
            }
            cp = (cp << 6U) | (b & 0x3FU);
        }
        if ((n == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
            (n == 4 && (cp < 0x10000 || cp > 0x10FFFF))) {
            return false;
        }
        pos_ += n;
        return true;
    }

    // RFC 8259 number: -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?
    bool Number() {
        if (text_[pos_] == '-') {
            ++pos_;
        }
        if (pos_ < text_.size() && text_[pos_] == '0') {
            ++pos_;
        } else if (!Digits()) {
            return false;
        }
        if (pos_ < text_.size() && text_[pos_] == '.') {
            ++pos_;
            if (!Digits()) {
                return false;
            }
        }
        if (pos_ < text_.size() && (text_[pos_] == 'e' || text_[pos_] == 'E')) {
            ++pos_;
            if (pos_ < text_.size() && (text_[pos_] == '+' || text_[pos_] == '-')) {
                ++pos_;
            }
            if (!Digits()) {
                return false;
            }
        }
        return true;
    }

    // One digit or more; none is a bad number.
    bool Digits() {
        if (pos_ == text_.size() || !IsDigit(text_[pos_])) {
            Fail("bad number");
            return false;
        }
        while (pos_ < text_.size() && IsDigit(text_[pos_])) {
            ++pos_;
        }
        return true;
    }

    std::string_view text_;
    std::size_t max_depth_;
    std::size_t pos_ = 0;
    std::vector<char> stack_;
    bool opened_ = false;
    std::optional<JsonErrorLocation> error_;
};

}  // namespace

std::optional<JsonErrorLocation> FindJsonError(std::string_view json, std::size_t max_depth) {
    return Scanner(json, max_depth).Run();
}

JsonErrorLocation LocateOffset(std::string_view text, std::size_t offset, std::string what) {
    JsonErrorLocation location;
    location.offset = offset;
    location.what = std::move(what);
    const std::size_t end = offset < text.size() ? offset : text.size();
    for (std::size_t i = 0; i < end; ++i) {
        if (text[i] == '\n') {
            ++location.line;
            location.column = 1;
        } else {
            ++location.column;
        }
    }
    return location;
}

}  // namespace stormwatch::intel::detail
