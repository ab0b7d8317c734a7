// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/core/json_writer.h"

#include <cmath>
#include <cstdio>

#include "stormwatch/core/text.h"

namespace stormwatch {

JsonWriter& JsonWriter::BeginObject() {
    BeforeValue();
    out_.push_back('{');
    first_.push_back(true);
    return *this;
}

JsonWriter& JsonWriter::EndObject() {
    const bool empty = first_.back();
    first_.pop_back();
    if (!empty) {
        NewLine();
    }
    out_.push_back('}');
    return *this;
}

JsonWriter& JsonWriter::BeginArray() {
    BeforeValue();
    out_.push_back('[');
    first_.push_back(true);
    return *this;
}

JsonWriter& JsonWriter::EndArray() {
    const bool empty = first_.back();
    first_.pop_back();
    if (!empty) {
        NewLine();
    }
    out_.push_back(']');
    return *this;
}

JsonWriter& JsonWriter::Key(std::string_view name) {
    BeforeValue();
    AppendQuoted(out_, name);
    out_.push_back(':');
    if (indent_ > 0) {
        out_.push_back(' ');
    }
    after_key_ = true;
    return *this;
}

JsonWriter& JsonWriter::String(std::string_view value) {
    BeforeValue();
    AppendQuoted(out_, value);
    return *this;
}

JsonWriter& JsonWriter::Int(std::int64_t value) {
    BeforeValue();
    out_ += std::to_string(value);
    return *this;
}

JsonWriter& JsonWriter::UInt(std::uint64_t value) {
    BeforeValue();
    out_ += std::to_string(value);
    return *this;
}

JsonWriter& JsonWriter::Double(double value) {
    BeforeValue();
    if (!std::isfinite(value)) {
        out_ += "null";
        return *this;
    }
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6g", value);
    out_ += buf;
    return *this;
}

JsonWriter& JsonWriter::Bool(bool value) {
    BeforeValue();
    out_ += value ? "true" : "false";
    return *this;
}

JsonWriter& JsonWriter::Null() {
    BeforeValue();
    out_ += "null";
    return *this;
}

void JsonWriter::BeforeValue() {
    if (after_key_) {
        after_key_ = false;
        return;
    }
    if (first_.empty()) {
        return;
    }
    if (!first_.back()) {
        out_.push_back(',');
    }
    first_.back() = false;
    NewLine();
}

void JsonWriter::NewLine() {
    if (indent_ <= 0) {
        return;
    }
    out_.push_back('\n');
    out_.append(first_.size() * static_cast<std::size_t>(indent_), ' ');
}

namespace {

// Bytes that RFC 8259 requires escaped, plus DEL (kept out of terminals that show the JSON).
bool NeedsEscape(unsigned char c) {
    return c < 0x20 || c == '"' || c == '\\' || c == 0x7F;
}

void AppendEscaped(std::string& out, unsigned char c) {
    switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        default: {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", c);
            out += buf;
        }
    }
}

}  // namespace

void JsonWriter::AppendQuoted(std::string& out, std::string_view value) {
    const std::string clean = text::IsValidUtf8(value) ? std::string() : text::RepairUtf8(value);
    const std::string_view v = clean.empty() ? value : std::string_view(clean);
    out.push_back('"');
    // Plain runs are appended whole: per-byte appends were most of rendering a large report.
    std::size_t run = 0;
    for (std::size_t i = 0; i < v.size(); ++i) {
        const auto c = static_cast<unsigned char>(v[i]);
        if (NeedsEscape(c)) {
            out.append(v.data() + run, i - run);
            AppendEscaped(out, c);
            run = i + 1;
        }
    }
    out.append(v.data() + run, v.size() - run);
    out.push_back('"');
}

}  // namespace stormwatch
