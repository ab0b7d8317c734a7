// SPDX-License-Identifier: Apache-2.0
// The whole-file path of `stormwatch hunt` for one input: binary/empty checks, dialect
// sniffing (any dialect may win, or none), parsing and every C++ detector, with no site policy
// and no indicators. Pattern rules are left out: their YAML has its own fuzzer.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "tests/fuzz/fuzz_support.h"

#include "stormwatch/core/finding.h"
#include "stormwatch/intel/indicator_set.h"
#include "stormwatch/policy/site_policy.h"

#if defined(STORMWATCH_FUZZ_ENGINE)
#include "stormwatch/engine/config_input.h"
#include "stormwatch/output/report.h"
#else
// Until the pattern-rule component lands (engine/ needs it), the engine's steps are repeated
// here against the parser and detectors; keep in step with engine/config_input.cpp.
#include "stormwatch/core/text.h"
#include "stormwatch/detect/detector.h"
#include "stormwatch/parse/dialect.h"
#endif

namespace {

const stormwatch::intel::IndicatorSet& EmptyIntel() {
    static const std::shared_ptr<const stormwatch::intel::IndicatorSet> set =
        stormwatch::intel::IndicatorSetBuilder().Build();
    return *set;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    static const stormwatch::policy::SitePolicy policy;
    std::vector<stormwatch::Finding> findings;
#if defined(STORMWATCH_FUZZ_ENGINE)
    stormwatch::output::InputSummary input;
    input.path = "fuzz.cfg";
    stormwatch::engine::detail::HuntConfigInput(text, policy, EmptyIntel(), nullptr, nullptr, input,
                                                findings);
    const stormwatch::InputStats& stats = input.stats;
#else
    stormwatch::InputStats stats;
    const std::string_view head = text.substr(0, 64 * 1024);
    if (stormwatch::text::Trim(text).empty() || stormwatch::text::LooksBinary(head)) {
        return 0;
    }
    const stormwatch::parse::SniffResult sniff = stormwatch::parse::SniffDialect(head);
    if (sniff.dialect == nullptr) {
        (void)stormwatch::parse::SniffUnsupportedVendor(head);
        return 0;
    }
    stormwatch::parse::ConfigTree tree;
    stormwatch::model::DeviceModel model;
    model.dialect = sniff.dialect->dialect;
    sniff.dialect->parse(text, tree, model, stats);
    const stormwatch::detect::Context context{
        .policy = policy, .intel = EmptyIntel(), .path = "fuzz.cfg", .device = "fuzz"};
    stormwatch::detect::RunConfigDetectors(model, context, findings);
#endif
    // Whole-input rejections count as one record read and rejected, so this holds for them too.
    stormwatch::fuzz::CheckAccounting(stats);
    for (const auto& finding : findings) {
        if (finding.rule_id.empty()) {
            stormwatch::fuzz::Fail("finding without a rule id");
        }
    }
    return 0;
}
