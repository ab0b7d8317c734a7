// SPDX-License-Identifier: Apache-2.0
// The MISP importer reads event JSON from feeds and analysts (--intel FILE): any bytes must
// sniff and import, or be refused with a Status, with every attribute accounted for; the
// sightings renderer must turn whatever was loaded into JSON without crashing.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "tests/fuzz/fuzz_support.h"

#include "stormwatch/core/finding.h"
#include "stormwatch/intel/indicator_set.h"
#include "stormwatch/intel/misp/misp_import.h"
#include "stormwatch/intel/misp/sightings.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view json(reinterpret_cast<const char*>(data), size);
    // The format sniff reads top-level keys on demand before any full parse, in place when the
    // buffer is padded; both ways must agree.
    if (stormwatch::intel::LooksLikeMispJson(json) !=
        stormwatch::intel::LooksLikeMispJson(stormwatch::fuzz::PaddedCopy(json).text())) {
        stormwatch::fuzz::Fail("the MISP sniff differs in place and on a copy");
    }
    stormwatch::intel::IndicatorSetBuilder builder;
    stormwatch::InputStats stats;
    stormwatch::intel::MispImportReport report;
    // Context attributes too, so that every mapped type is exercised.
    const stormwatch::Status status = stormwatch::intel::ImportMispJson(
        json, "fuzz.json", builder, stats, &report, {.include_context = true});
    stormwatch::fuzz::CheckAccounting(stats);
    if (status.ok() && stats.processed() != report.loaded + report.context_only + report.deleted +
                                                report.not_indicator) {
        stormwatch::fuzz::Fail("processed == loaded + context + deleted + not_indicator");
    }
    const auto set = builder.Build();
    std::vector<stormwatch::Finding> findings;
    for (const auto& indicator : set->indicators()) {
        stormwatch::Finding finding;
        finding.rule_id = "SW-FUZZ";
        finding.indicator = stormwatch::IndicatorRef{
            .value = indicator.value, .source = indicator.source, .id = indicator.id};
        finding.time = "2025-09-01T00:00:00Z";
        findings.push_back(std::move(finding));
        if (findings.size() >= 64) {
            break;
        }
    }
    std::string out;
    stormwatch::intel::RenderMispSightings(findings, out);
    return 0;
}
