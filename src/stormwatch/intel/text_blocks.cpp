// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/intel/text_blocks.h"

#include <algorithm>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

namespace stormwatch::intel::detail {

namespace {

// Any number of bytes (the text's last partial block), through the class table.
BlockMasks TableMasks(const unsigned char* p, std::size_t n) {
    BlockMasks m;
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint8_t cls = kByteClass[p[i]];
        m.token |= static_cast<std::uint64_t>(cls != 0) << i;
        m.slash |= static_cast<std::uint64_t>(p[i] == '/') << i;
        for (int b = 0; b < kClassCount; ++b) {
            m.of_class[b] |= static_cast<std::uint64_t>((cls >> b) & 1) << i;
        }
    }
    return m;
}

BlockMasks TableBlock(const unsigned char* p) {
    return TableMasks(p, kBlock);
}

#if defined(__x86_64__)
// Each vector version computes kByteClass as range tests: a letter is `(c | 0x20) - 'a'` at
// most 25 (a hex letter at most 5), a digit `c - '0'` at most 9, unsigned; the rest are equal
// to one byte. They take a whole block and agree with TableMasks (tests check every one).

// 16 bytes per step: SSE2 is part of x86-64. Unsigned `v <= limit` is min(v, limit) == v.
__m128i AtMost(__m128i v, char limit) {
    return _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(limit)), v);
}

std::uint64_t Bits(__m128i v) {
    return static_cast<std::uint64_t>(static_cast<std::uint16_t>(_mm_movemask_epi8(v)));
}

BlockMasks Sse2Block(const unsigned char* p) {
    BlockMasks m;
    for (int chunk = 0; chunk < 4; ++chunk) {
        const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * chunk));
        const __m128i from_a =
            _mm_sub_epi8(_mm_or_si128(x, _mm_set1_epi8(0x20)), _mm_set1_epi8('a'));
        const __m128i letter = AtMost(from_a, 25);
        const __m128i hex_alpha = AtMost(from_a, 5);
        // A plain array: std::array<__m128i> drops the vector type's alignment attribute
        // (GCC's -Wignored-attributes).
        const __m128i of_class[kClassCount] = {
            AtMost(_mm_sub_epi8(x, _mm_set1_epi8('0')), 9),  // kDigit
            hex_alpha,                                       // kHexAlpha
            _mm_andnot_si128(hex_alpha, letter),             // kAlpha
            _mm_cmpeq_epi8(x, _mm_set1_epi8('.')),           // kDot
            _mm_cmpeq_epi8(x, _mm_set1_epi8(':')),           // kColon
            _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('-')),
                         _mm_cmpeq_epi8(x, _mm_set1_epi8('_'))),  // kDash
            _mm_cmpeq_epi8(x, _mm_set1_epi8('@')),                // kAt
        };
        __m128i token = _mm_setzero_si128();
        const int shift = 16 * chunk;
        for (int b = 0; b < kClassCount; ++b) {
            token = _mm_or_si128(token, of_class[b]);
            m.of_class[b] |= Bits(of_class[b]) << shift;
        }
        m.token |= Bits(token) << shift;
        m.slash |= Bits(_mm_cmpeq_epi8(x, _mm_set1_epi8('/'))) << shift;
    }
    return m;
}

// 32 bytes per step. Helpers of a target function share its target, or they cannot inline.
__attribute__((target("avx2"))) __m256i AtMost256(__m256i v, char limit) {
    return _mm256_cmpeq_epi8(_mm256_min_epu8(v, _mm256_set1_epi8(limit)), v);
}

__attribute__((target("avx2"))) std::uint64_t Bits256(__m256i v) {
    return static_cast<std::uint64_t>(static_cast<std::uint32_t>(_mm256_movemask_epi8(v)));
}

__attribute__((target("avx2"))) BlockMasks Avx2Block(const unsigned char* p) {
    BlockMasks m;
    for (int half = 0; half < 2; ++half) {
        const __m256i x = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + 32 * half));
        const __m256i from_a =
            _mm256_sub_epi8(_mm256_or_si256(x, _mm256_set1_epi8(0x20)), _mm256_set1_epi8('a'));
        const __m256i letter = AtMost256(from_a, 25);
        const __m256i hex_alpha = AtMost256(from_a, 5);
        const __m256i of_class[kClassCount] = {
            AtMost256(_mm256_sub_epi8(x, _mm256_set1_epi8('0')), 9),  // kDigit
            hex_alpha,                                                // kHexAlpha
            _mm256_andnot_si256(hex_alpha, letter),                   // kAlpha
            _mm256_cmpeq_epi8(x, _mm256_set1_epi8('.')),              // kDot
            _mm256_cmpeq_epi8(x, _mm256_set1_epi8(':')),              // kColon
            _mm256_or_si256(_mm256_cmpeq_epi8(x, _mm256_set1_epi8('-')),
                            _mm256_cmpeq_epi8(x, _mm256_set1_epi8('_'))),  // kDash
            _mm256_cmpeq_epi8(x, _mm256_set1_epi8('@')),                   // kAt
        };
        __m256i token = _mm256_setzero_si256();
        const int shift = 32 * half;
        for (int b = 0; b < kClassCount; ++b) {
            token = _mm256_or_si256(token, of_class[b]);
            m.of_class[b] |= Bits256(of_class[b]) << shift;
        }
        m.token |= Bits256(token) << shift;
        m.slash |= Bits256(_mm256_cmpeq_epi8(x, _mm256_set1_epi8('/'))) << shift;
    }
    return m;
}

// The whole block at once; comparisons write 64-bit masks directly.
__attribute__((target("avx512f,avx512bw"))) BlockMasks Avx512Block(const unsigned char* p) {
    const __m512i x = _mm512_loadu_si512(p);
    const __m512i from_a =
        _mm512_sub_epi8(_mm512_or_si512(x, _mm512_set1_epi8(0x20)), _mm512_set1_epi8('a'));
    const __mmask64 letter = _mm512_cmple_epu8_mask(from_a, _mm512_set1_epi8(25));
    const __mmask64 hex_alpha = _mm512_cmple_epu8_mask(from_a, _mm512_set1_epi8(5));
    BlockMasks m;
    m.of_class = {
        _mm512_cmple_epu8_mask(_mm512_sub_epi8(x, _mm512_set1_epi8('0')), _mm512_set1_epi8(9)),
        hex_alpha,
        letter & ~hex_alpha,
        _mm512_cmpeq_epi8_mask(x, _mm512_set1_epi8('.')),
        _mm512_cmpeq_epi8_mask(x, _mm512_set1_epi8(':')),
        _mm512_cmpeq_epi8_mask(x, _mm512_set1_epi8('-')) |
            _mm512_cmpeq_epi8_mask(x, _mm512_set1_epi8('_')),
        _mm512_cmpeq_epi8_mask(x, _mm512_set1_epi8('@')),
    };
    for (const std::uint64_t bits : m.of_class) {
        m.token |= bits;
    }
    m.slash = _mm512_cmpeq_epi8_mask(x, _mm512_set1_epi8('/'));
    return m;
}
#endif

}  // namespace

std::vector<BlockClassifier> BlockClassifiers() {
    std::vector<BlockClassifier> all = {{"table", &TableBlock}};
#if defined(__x86_64__)
    __builtin_cpu_init();  // may run before the library's own start-up code
    all.push_back({"sse2", &Sse2Block});
    if (__builtin_cpu_supports("avx2")) {
        all.push_back({"avx2", &Avx2Block});
    }
    if (__builtin_cpu_supports("avx512bw")) {
        all.push_back({"avx512bw", &Avx512Block});
    }
#endif
    return all;
}

BlockMasks ClassifyBlock(const unsigned char* p, std::size_t n) {
    static const auto widest = BlockClassifiers().back().classify;
    return n >= kBlock ? widest(p) : TableMasks(p, std::min(n, kBlock));
}

}  // namespace stormwatch::intel::detail
