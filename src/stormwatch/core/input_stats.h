// SPDX-License-Identifier: Apache-2.0
#pragma once

// InputStats: the per-input accounting behind `--stats`. Every record (a config line, a log
// line, a flow record) is read once and then either processed or rejected with a reason, so
// `read == processed + rejected` holds for every input (docs/rejections.md lists the reasons).

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace stormwatch {

/// Stable identifiers: never renumber, only append. Documented in docs/rejections.md.
enum class RejectReason : std::uint16_t {
    kUnknownSyntax,       ///< a line the dialect's grammar cannot place (e.g. stray `}`)
    kOversizedLine,       ///< longer than kMaxLineBytes
    kBinaryContent,       ///< NUL bytes or mostly non-text: not a text input
    kNotAConfig,          ///< text, but no supported configuration dialect recognised
    kUnsupportedDialect,  ///< a configuration of a vendor this build does not parse (ASA, ...)
    kUnreadable,          ///< the OS refused to open or read it
    kEmpty,               ///< zero bytes, or only blank lines and comments
    kUnbalancedBlock,     ///< a `{` block never closed at end of input (Junos)
    kCount,               // keep last
};

std::string_view RejectReasonName(RejectReason reason);

/// The longest line seen in real device configs is a few KiB (certificates are split into
/// 64-byte rows); past 64 KiB a line is not configuration.
inline constexpr std::size_t kMaxLineBytes = 64 * 1024;

struct Rejection {
    RejectReason reason;
    std::uint64_t line;  ///< 1-based; 0 for a whole-input rejection
    std::string detail;
};

/// Accounting for one input (a file, or stdin). Not thread-safe: one per input.
class InputStats {
public:
    /// How many rejections of each reason keep their detail (the rest are only counted).
    static constexpr std::size_t kKeepPerReason = 20;

    void CountRead(std::uint64_t n = 1) { read_ += n; }
    void CountProcessed(std::uint64_t n = 1) { processed_ += n; }
    /// A processed record whose command the parser does not model (subset of processed):
    /// valid syntax, outside what Stormwatch reads. Blank lines and comments are not counted.
    void CountUnrecognised(std::uint64_t n = 1) { unrecognised_ += n; }
    void Reject(RejectReason reason, std::uint64_t line, std::string detail);
    /// A whole-input rejection: the input produced no records at all.
    void RejectInput(RejectReason reason, std::string detail);
    /// Text that was processed but had to be repaired for output (invalid UTF-8).
    void CountInvalidUtf8Line() { ++invalid_utf8_lines_; }
    /// Adds the accounting of a later piece of the same input (a segment hunted on another
    /// thread) whose line numbers start after `line_offset` lines of this one.
    void Append(const InputStats& later, std::uint64_t line_offset);

    [[nodiscard]] std::uint64_t read() const { return read_; }
    [[nodiscard]] std::uint64_t processed() const { return processed_; }
    [[nodiscard]] std::uint64_t unrecognised() const { return unrecognised_; }
    [[nodiscard]] std::uint64_t rejected() const { return rejected_; }
    [[nodiscard]] std::uint64_t invalid_utf8_lines() const { return invalid_utf8_lines_; }
    [[nodiscard]] bool input_rejected() const { return input_rejected_; }
    [[nodiscard]] std::uint64_t RejectedFor(RejectReason reason) const {
        return by_reason_[static_cast<std::size_t>(reason)];
    }
    [[nodiscard]] const std::vector<Rejection>& kept() const { return kept_; }

private:
    std::uint64_t read_ = 0;
    std::uint64_t processed_ = 0;
    std::uint64_t unrecognised_ = 0;
    std::uint64_t rejected_ = 0;
    std::uint64_t invalid_utf8_lines_ = 0;
    bool input_rejected_ = false;
    std::array<std::uint64_t, static_cast<std::size_t>(RejectReason::kCount)> by_reason_{};
    std::vector<Rejection> kept_;
};

}  // namespace stormwatch
