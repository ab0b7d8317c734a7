// SPDX-License-Identifier: Apache-2.0
#pragma once

// HeapOptional<T>: std::optional's interface with the value on the heap. For a large T that is
// usually absent: the holder stays pointer-sized (a Finding rarely carries an indicator, and
// inline the indicator was a third of the Finding; a hunt holds every finding until output).

#include <memory>
#include <optional>
#include <utility>

namespace stormwatch {

template <typename T>
class HeapOptional {
public:
    HeapOptional() = default;
    HeapOptional(std::nullopt_t /*none*/) {}  // NOLINT(*-explicit-*): as std::optional
    HeapOptional(T value)                     // NOLINT(*-explicit-*): as std::optional
        : value_(std::make_unique<T>(std::move(value))) {}
    HeapOptional(const HeapOptional& other)
        : value_(other.value_ ? std::make_unique<T>(*other.value_) : nullptr) {}
    HeapOptional(HeapOptional&&) noexcept = default;
    HeapOptional& operator=(const HeapOptional& other) {
        if (this != &other) {
            value_ = other.value_ ? std::make_unique<T>(*other.value_) : nullptr;
        }
        return *this;
    }
    HeapOptional& operator=(HeapOptional&&) noexcept = default;
    ~HeapOptional() = default;

    [[nodiscard]] bool has_value() const { return value_ != nullptr; }
    explicit operator bool() const { return has_value(); }
    T& operator*() { return *value_; }
    const T& operator*() const { return *value_; }
    T* operator->() { return value_.get(); }
    const T* operator->() const { return value_.get(); }
    void reset() { value_.reset(); }

    friend bool operator==(const HeapOptional& a, const HeapOptional& b) {
        return a.has_value() ? b.has_value() && *a == *b : !b.has_value();
    }

private:
    std::unique_ptr<T> value_;
};

}  // namespace stormwatch
