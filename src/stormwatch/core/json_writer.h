// SPDX-License-Identifier: Apache-2.0
#pragma once

// JsonWriter: a minimal streaming JSON writer into a std::string. Strings are escaped per
// RFC 8259 and invalid UTF-8 is replaced with U+FFFD, so output is always valid JSON.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace stormwatch {

class JsonWriter {
public:
    explicit JsonWriter(std::string& out, int indent = 0) : out_(out), indent_(indent) {}

    JsonWriter& BeginObject();
    JsonWriter& EndObject();
    JsonWriter& BeginArray();
    JsonWriter& EndArray();
    /// Writes `"name":`; the next call writes the value.
    JsonWriter& Key(std::string_view name);
    JsonWriter& String(std::string_view value);
    JsonWriter& Int(std::int64_t value);
    JsonWriter& UInt(std::uint64_t value);
    JsonWriter& Double(double value);
    JsonWriter& Bool(bool value);
    JsonWriter& Null();

    /// Appends `value` as a quoted, escaped JSON string to `out`.
    static void AppendQuoted(std::string& out, std::string_view value);

private:
    void BeforeValue();
    void NewLine();

    std::string& out_;
    int indent_;
    // One entry per open container: true while it has no element yet.
    std::vector<bool> first_;
    bool after_key_ = false;
};

}  // namespace stormwatch
