// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/io/gzip.h"

#include <zlib.h>

#include <algorithm>
#include <cstdint>
#include <memory>

namespace stormwatch::io {

namespace {

// zlib counts in `uInt`: larger inputs and outputs go through in slices.
constexpr std::size_t kSlice = std::size_t{1} << 30;

struct InflateEnd {
    void operator()(z_stream* stream) const { inflateEnd(stream); }
};

Status TooLarge(std::size_t max_bytes) {
    return InvalidArgument("gzip: the text is larger than " + std::to_string(max_bytes >> 20) +
                           " MiB");
}

}  // namespace

bool IsGzip(std::string_view data) {
    return data.size() >= 2 && static_cast<unsigned char>(data[0]) == 0x1F &&
           static_cast<unsigned char>(data[1]) == 0x8B;
}

Status Gunzip(std::string_view data, std::size_t max_bytes, std::string& out) {
    out.clear();
    z_stream stream{};
    if (inflateInit2(&stream, 15 + 16) != Z_OK) {  // 15: largest window; +16: gzip only
        return {StatusCode::kInternal, "gzip: cannot start zlib"};
    }
    const std::unique_ptr<z_stream, InflateEnd> end(&stream);
    // The last 4 bytes give the (last member's) text size modulo 2^32: room for it up front
    // (and a little more, for the reader's padding) spares the copies of growing the buffer.
    // Trusted only up to 16x the input (logs compress 5-15x), so a forged size claims no
    // memory; a larger text grows the buffer as it comes.
    if (data.size() >= 18) {
        std::uint32_t size = 0;
        for (std::size_t i = 0; i < 4; ++i) {
            size |= std::uint32_t{static_cast<unsigned char>(data[data.size() - 4 + i])} << (8 * i);
        }
        constexpr std::size_t kSlack = 128;
        out.resize(std::min({std::size_t{size}, data.size() * 16, max_bytes}) + kSlack);
    }
    const auto* next = reinterpret_cast<const Bytef*>(data.data());
    std::size_t in_left = data.size();
    std::size_t produced = 0;
    for (;;) {
        if (produced == out.size()) {
            if (out.size() > max_bytes) {
                return TooLarge(max_bytes);
            }
            out.resize(std::min(std::max<std::size_t>(out.size() * 2, 1 << 16), max_bytes + 1));
        }
        const std::size_t in_slice = std::min(in_left, kSlice);
        const std::size_t out_slice = std::min(out.size() - produced, kSlice);
        stream.next_in = const_cast<Bytef*>(next);  // zlib's API is not const-correct
        stream.avail_in = static_cast<uInt>(in_slice);
        stream.next_out = reinterpret_cast<Bytef*>(out.data() + produced);
        stream.avail_out = static_cast<uInt>(out_slice);
        const int result = inflate(&stream, Z_NO_FLUSH);
        next += in_slice - stream.avail_in;
        in_left -= in_slice - stream.avail_in;
        produced += out_slice - stream.avail_out;
        if (result == Z_STREAM_END) {
            if (!IsGzip(std::string_view(reinterpret_cast<const char*>(next), in_left))) {
                break;  // the last member (trailing bytes, if any, are not one)
            }
            inflateReset(&stream);
            continue;
        }
        if (result == Z_BUF_ERROR && in_left == 0) {
            return InvalidArgument("gzip: the stream is cut short after " +
                                   std::to_string(produced) + " bytes of text");
        }
        if (result != Z_OK && result != Z_BUF_ERROR) {
            return InvalidArgument(std::string("gzip: ") +
                                   (stream.msg != nullptr ? stream.msg : "corrupt data"));
        }
    }
    if (produced > max_bytes) {
        return TooLarge(max_bytes);
    }
    out.resize(produced);
    return Status::Ok();
}

}  // namespace stormwatch::io
