// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/core/input_stats.h"

namespace stormwatch {

std::string_view RejectReasonName(RejectReason reason) {
    switch (reason) {
        case RejectReason::kUnknownSyntax:
            return "unknown_syntax";
        case RejectReason::kOversizedLine:
            return "oversized_line";
        case RejectReason::kBinaryContent:
            return "binary_content";
        case RejectReason::kNotAConfig:
            return "not_a_config";
        case RejectReason::kUnsupportedDialect:
            return "unsupported_dialect";
        case RejectReason::kUnreadable:
            return "unreadable";
        case RejectReason::kEmpty:
            return "empty";
        case RejectReason::kUnbalancedBlock:
            return "unbalanced_block";
        case RejectReason::kCount:
            break;
    }
    return "unknown";
}

void InputStats::Reject(RejectReason reason, std::uint64_t line, std::string detail) {
    ++rejected_;
    if (by_reason_[static_cast<std::size_t>(reason)]++ < kKeepPerReason) {
        kept_.push_back(Rejection{reason, line, std::move(detail)});
    }
}

void InputStats::Append(const InputStats& later, std::uint64_t line_offset) {
    read_ += later.read_;
    processed_ += later.processed_;
    unrecognised_ += later.unrecognised_;
    rejected_ += later.rejected_;
    invalid_utf8_lines_ += later.invalid_utf8_lines_;
    input_rejected_ = input_rejected_ || later.input_rejected_;
    // The details kept are the first kKeepPerReason of each reason, as one pass would keep.
    std::array<std::uint64_t, static_cast<std::size_t>(RejectReason::kCount)> earlier_kept{};
    for (const Rejection& rejection : later.kept_) {
        const auto reason = static_cast<std::size_t>(rejection.reason);
        if (by_reason_[reason] + earlier_kept[reason]++ < kKeepPerReason) {
            const std::uint64_t line = rejection.line == 0 ? 0 : rejection.line + line_offset;
            kept_.push_back(Rejection{rejection.reason, line, rejection.detail});
        }
    }
    for (std::size_t reason = 0; reason < by_reason_.size(); ++reason) {
        by_reason_[reason] += later.by_reason_[reason];
    }
}

void InputStats::RejectInput(RejectReason reason, std::string detail) {
    // A whole input that yields nothing is one record read and rejected, so the
    // accounting identity still holds and the input is visible in --stats.
    input_rejected_ = true;
    ++read_;
    Reject(reason, 0, std::move(detail));
}

}  // namespace stormwatch
