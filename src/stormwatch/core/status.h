// SPDX-License-Identifier: Apache-2.0
#pragma once

// Status and Result<T>: operational failures (tier 2 in docs/style) travel as values, never as
// exceptions. A broken record in hunted data is not a Status: it is an InputStats rejection.

#include <string>
#include <utility>
#include <variant>

namespace stormwatch {

enum class StatusCode : unsigned char {
    kOk,
    kInvalidArgument,  ///< Bad option, bad rule file, bad policy.
    kNotFound,         ///< A path or id that does not exist.
    kIoError,          ///< The OS refused a read or a write.
    kUnsupported,      ///< Input understood but not handled (unknown format).
    kInternal,
};

class [[nodiscard]] Status {
public:
    Status() = default;
    Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}
    static Status Ok() { return {}; }

    [[nodiscard]] bool ok() const { return code_ == StatusCode::kOk; }
    [[nodiscard]] StatusCode code() const { return code_; }
    [[nodiscard]] const std::string& message() const { return message_; }

private:
    StatusCode code_ = StatusCode::kOk;
    std::string message_;
};

inline Status InvalidArgument(std::string message) {
    return {StatusCode::kInvalidArgument, std::move(message)};
}
inline Status IoError(std::string message) {
    return {StatusCode::kIoError, std::move(message)};
}

/// A value of type T, or the Status explaining why there is none.
template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : state_(std::move(value)) {}         // NOLINT(google-explicit-constructor)
    Result(Status status) : state_(std::move(status)) {}  // NOLINT(google-explicit-constructor)

    [[nodiscard]] bool ok() const { return std::holds_alternative<T>(state_); }
    [[nodiscard]] const Status& status() const { return std::get<Status>(state_); }
    [[nodiscard]] T& value() & { return std::get<T>(state_); }
    [[nodiscard]] const T& value() const& { return std::get<T>(state_); }
    [[nodiscard]] T&& value() && { return std::get<T>(std::move(state_)); }

private:
    std::variant<T, Status> state_;
};

}  // namespace stormwatch

// NOLINTBEGIN(bugprone-macro-parentheses): the macros paste declarations, which parentheses break.
#define STORMWATCH_RETURN_IF_ERROR(expr)       \
    do {                                       \
        ::stormwatch::Status status_ = (expr); \
        if (!status_.ok())                     \
            return status_;                    \
    } while (false)

#define STORMWATCH_CONCAT_INNER(a, b) a##b
#define STORMWATCH_CONCAT(a, b) STORMWATCH_CONCAT_INNER(a, b)
#define STORMWATCH_ASSIGN_OR_RETURN(decl, expr)               \
    auto STORMWATCH_CONCAT(result_, __LINE__) = (expr);       \
    if (!STORMWATCH_CONCAT(result_, __LINE__).ok())           \
        return STORMWATCH_CONCAT(result_, __LINE__).status(); \
    decl = std::move(STORMWATCH_CONCAT(result_, __LINE__)).value()
// NOLINTEND(bugprone-macro-parentheses)
