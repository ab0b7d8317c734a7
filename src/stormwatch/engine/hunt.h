// SPDX-License-Identifier: Apache-2.0
#pragma once

// The hunt pipeline: the one facade the front ends call.
//
//   engine::HuntOptions options;
//   options.policy_path = "stormwatch.yaml";
//   auto hunter = engine::Hunter::Create(options);          // compile intel, rules, policy once
//   if (!hunter.ok()) { /* usage error: exit 2 */ }
//   engine::HuntResult result = hunter.value().Run({"configs/"}, /*jobs=*/0, on_progress);
//   // result.findings: sorted canonically, fingerprints filled; result.summary: --stats data
//
// A Hunter is immutable after Create() and may Run() from several threads.

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "stormwatch/core/finding.h"
#include "stormwatch/core/rule_info.h"
#include "stormwatch/core/status.h"
#include "stormwatch/output/report.h"

namespace stormwatch::engine {

struct HuntOptions {
    std::string policy_path;               ///< empty: no site policy
    std::vector<std::string> intel_files;  ///< extra indicator files (any LoadIntelPath format)
    bool builtin_intel = true;             ///< load the packs under rules/intel/
    bool misp_context = false;             ///< IntelLoadOptions::misp_context for intel_files
    std::vector<std::string> rule_dirs;    ///< extra pattern-rule folders (*.yml)
    bool builtin_rules = true;             ///< load the pattern rules under rules/config/
};

struct HuntProgress {
    std::size_t files_done = 0;
    std::size_t files_total = 0;
    std::uint64_t bytes_done = 0;
    std::uint64_t bytes_total = 0;
};
using ProgressFn = std::function<void(const HuntProgress&)>;

struct HuntResult {
    std::vector<Finding> findings;  ///< canonical order (FindingLess), fingerprints filled
    output::RunSummary summary;
    std::size_t inputs_opened = 0;  ///< inputs whose bytes could be read at all
};

class Hunter {
public:
    /// Loads the policy, indicators and rules. Errors (bad policy, bad rule file, unreadable
    /// intel file) name the file and line.
    static Result<Hunter> Create(const HuntOptions& options);

    /// Hunts every file under `paths` with `jobs` threads (0 = one per core). Never fails:
    /// unreadable and malformed inputs are reported in summary.inputs and the run goes on.
    /// `progress` (may be empty) is called from the calling thread about every 200 ms.
    [[nodiscard]] HuntResult Run(const std::vector<std::string>& paths, unsigned jobs,
                                 const ProgressFn& progress) const;

    /// Every rule this hunter runs: C++ detectors, then pattern rules.
    [[nodiscard]] std::vector<RuleInfo> Catalogue() const;
    /// Accounting of the indicator files loaded (built-in packs and --intel files).
    [[nodiscard]] const std::vector<output::InputSummary>& intel_inputs() const;
    [[nodiscard]] std::size_t indicator_count() const;

    Hunter(Hunter&&) noexcept;
    Hunter& operator=(Hunter&&) noexcept;
    ~Hunter();

    /// The compiled policy, indicators and rules (opaque; defined in hunt.cpp).
    struct State;

private:
    explicit Hunter(std::unique_ptr<const State> state);
    std::unique_ptr<const State> state_;
};

/// The device name of a config input: its hostname, else the file's stem (findings.md).
std::string DeviceName(const std::string& hostname, const std::string& path);

}  // namespace stormwatch::engine
