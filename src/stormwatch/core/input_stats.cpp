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

void InputStats::RejectInput(RejectReason reason, std::string detail) {
    // A whole input that yields nothing is one record read and rejected, so the
    // accounting identity still holds and the input is visible in --stats.
    input_rejected_ = true;
    ++read_;
    Reject(reason, 0, std::move(detail));
}

}  // namespace stormwatch
