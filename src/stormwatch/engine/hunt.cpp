// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/engine/hunt.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <system_error>
#include <thread>

#include "stormwatch/core/time.h"
#include "stormwatch/detect/detector.h"
#include "stormwatch/engine/config_input.h"
#include "stormwatch/engine/intel_loader.h"
#include "stormwatch/engine/log_input.h"
#include "stormwatch/intel/text_matcher.h"
#include "stormwatch/io/input_file.h"
#include "stormwatch/policy/site_policy.h"
#include "stormwatch/rules/pattern_rules.h"

namespace stormwatch::engine {

struct Hunter::State {
    policy::SitePolicy policy;
    std::shared_ptr<const intel::IndicatorSet> intel;
    std::unique_ptr<const intel::TextMatcher> text_matcher;  ///< over `intel`, for logs
    std::vector<output::InputSummary> intel_inputs;
    std::shared_ptr<const rules::PatternRuleSet> pattern_rules;
    std::vector<std::string> rule_sources;
};

namespace {

Status LoadIntel(const HuntOptions& options, Hunter::State& state) {
    intel::IndicatorSetBuilder builder;
    if (options.builtin_intel) {
        output::InputSummary input{.path = "built-in", .kind = "intel"};
        STORMWATCH_RETURN_IF_ERROR(LoadBuiltinIntel(builder, input.stats));
        state.intel_inputs.push_back(std::move(input));
    }
    for (const std::string& path : options.intel_files) {
        output::InputSummary input{.path = path, .kind = "intel"};
        STORMWATCH_ASSIGN_OR_RETURN(
            const IntelFormat format,
            LoadIntelPath(path, builder, input.stats, {.misp_context = options.misp_context}));
        input.dialect = std::string(IntelFormatName(format));
        state.intel_inputs.push_back(std::move(input));
    }
    state.intel = builder.Build();
    state.text_matcher = std::make_unique<const intel::TextMatcher>(state.intel);
    return Status::Ok();
}

Status LoadRules(const HuntOptions& options, Hunter::State& state) {
    std::vector<rules::PatternRule> all;
    if (options.builtin_rules) {
        STORMWATCH_ASSIGN_OR_RETURN(std::vector<rules::PatternRule> builtin,
                                    rules::LoadBuiltinPatternRules());
        std::move(builtin.begin(), builtin.end(), std::back_inserter(all));
        state.rule_sources.emplace_back("built-in");
    }
    for (const std::string& dir : options.rule_dirs) {
        STORMWATCH_ASSIGN_OR_RETURN(std::vector<rules::PatternRule> more,
                                    rules::LoadPatternRuleDir(dir));
        std::move(more.begin(), more.end(), std::back_inserter(all));
        state.rule_sources.push_back(dir);
    }
    STORMWATCH_ASSIGN_OR_RETURN(state.pattern_rules,
                                rules::PatternRuleSet::Compile(std::move(all)));
    return Status::Ok();
}

/// When a log was last written (logs/README.md, "Time rules"): the input's modification time;
/// stdin's is now. Its year is the year of log stamps that carry none.
std::int64_t LogWrittenAt(const io::InputFile& file) {
    if (const auto modified = file.modified()) {
        return *modified;
    }
    using std::chrono::duration_cast;
    using std::chrono::seconds;
    return duration_cast<seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

}  // namespace

std::string DeviceName(const std::string& hostname, const std::string& path) {
    if (!hostname.empty()) {
        return hostname;
    }
    if (path == "-") {
        return "stdin";
    }
    return std::filesystem::path(path).stem().string();
}

Hunter::Hunter(std::unique_ptr<const State> state) : state_(std::move(state)) {}
Hunter::Hunter(Hunter&&) noexcept = default;
Hunter& Hunter::operator=(Hunter&&) noexcept = default;
Hunter::~Hunter() = default;

Result<Hunter> Hunter::Create(const HuntOptions& options) {
    auto state = std::make_unique<State>();
    if (!options.policy_path.empty()) {
        STORMWATCH_ASSIGN_OR_RETURN(state->policy, policy::LoadSitePolicy(options.policy_path));
    }
    STORMWATCH_RETURN_IF_ERROR(LoadIntel(options, *state));
    STORMWATCH_RETURN_IF_ERROR(LoadRules(options, *state));
    return Hunter(std::move(state));
}

std::vector<RuleInfo> Hunter::Catalogue() const {
    std::vector<RuleInfo> out;
    for (const detect::DetectorDef& def : detect::ConfigDetectors()) {
        out.push_back(detect::ToRuleInfo(def));
    }
    for (RuleInfo& info : detail::LogRuleCatalogue()) {
        out.push_back(std::move(info));
    }
    for (RuleInfo& info : state_->pattern_rules->Catalogue()) {
        out.push_back(std::move(info));
    }
    return out;
}

const std::vector<output::InputSummary>& Hunter::intel_inputs() const {
    return state_->intel_inputs;
}

std::size_t Hunter::indicator_count() const {
    return state_->intel->size();
}

HuntResult Hunter::Run(const std::vector<std::string>& paths, unsigned jobs,
                       const ProgressFn& progress) const {
    const auto started = std::chrono::steady_clock::now();
    const std::vector<io::InputPath> inputs = io::ExpandPaths(paths);

    struct Slot {
        output::InputSummary input;
        std::vector<Finding> findings;
        bool opened = false;
    };
    std::vector<Slot> slots(inputs.size());
    HuntProgress totals{.files_total = inputs.size()};
    for (const io::InputPath& input : inputs) {
        totals.bytes_total += input.size;
    }

    // A large log is split across all of them even when it is the only input.
    const unsigned cores = jobs != 0 ? jobs : std::max(1u, std::thread::hardware_concurrency());
    std::atomic<std::size_t> next{0};
    // The progress loop waits on this rather than sleeping, so a run ends when its work does.
    std::mutex all_done_mutex;
    std::condition_variable all_done;
    std::atomic<std::size_t> done{0};
    std::atomic<std::uint64_t> bytes_done{0};
    const auto work = [&] {
        rules::PatternScratch scratch;
        for (std::size_t i = next++; i < inputs.size(); i = next++) {
            Slot& slot = slots[i];
            slot.input.path = inputs[i].path;
            if (!inputs[i].error.empty()) {
                slot.input.kind = "rejected";
                slot.input.stats.RejectInput(RejectReason::kUnreadable, inputs[i].error);
            } else if (auto file = io::InputFile::Open(inputs[i].path); !file.ok()) {
                slot.input.kind = "rejected";
                slot.input.stats.RejectInput(RejectReason::kUnreadable, file.status().message());
            } else {
                slot.opened = true;
                const std::int64_t written = LogWrittenAt(file.value());
                detail::HuntConfigInput(file.value().data(), state_->policy, *state_->intel,
                                        state_->pattern_rules.get(), &scratch, slot.input,
                                        slot.findings,
                                        {.matcher = state_->text_matcher.get(),
                                         .default_year = YearOf(written),
                                         .written = written,
                                         .threads = cores});
                // Each worker puts its own inputs in canonical order; Run() only merges.
                for (Finding& finding : slot.findings) {
                    FillFingerprint(finding);
                }
                // A log's findings come in line order already: a check, not a sort of ~400-byte
                // values, for a log with millions of hits.
                if (!std::is_sorted(slot.findings.begin(), slot.findings.end(), FindingLess)) {
                    std::sort(slot.findings.begin(), slot.findings.end(), FindingLess);
                }
            }
            bytes_done += inputs[i].size;
            if (++done == inputs.size()) {
                const std::lock_guard<std::mutex> lock(all_done_mutex);
                all_done.notify_all();
            }
        }
    };

    const unsigned threads = static_cast<unsigned>(
        std::min<std::size_t>(cores, std::max<std::size_t>(1, inputs.size())));
    // A thread the system will not start (a process limit) is one worker less, not a crash:
    // the workers share one queue, and the caller's thread is always one of them.
    std::vector<std::thread> pool;
    const auto start_worker = [&pool, &work] {
        try {
            pool.emplace_back(work);
            return true;
        } catch (const std::system_error&) {
            return false;
        }
    };
    for (unsigned t = 1; t < threads; ++t) {
        if (!start_worker()) {
            break;
        }
    }
    if (progress && start_worker()) {
        // The caller's thread reports progress; one worker less does the hunting.
        std::unique_lock<std::mutex> lock(all_done_mutex);
        while (!all_done.wait_for(lock, std::chrono::milliseconds(200),
                                  [&] { return done.load() == inputs.size(); })) {
            totals.files_done = done.load();
            totals.bytes_done = bytes_done.load();
            progress(totals);
        }
    } else {
        work();
    }
    for (std::thread& t : pool) {
        t.join();
    }

    HuntResult result;
    std::vector<std::vector<Finding>> runs;
    runs.reserve(slots.size());
    for (Slot& slot : slots) {
        result.inputs_opened += slot.opened ? 1 : 0;
        runs.push_back(std::move(slot.findings));
        result.summary.inputs.push_back(std::move(slot.input));
    }
    result.findings = MergeSortedFindings(runs);
    result.summary.rule_sources = state_->rule_sources;
    result.summary.wall_seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return result;
}

}  // namespace stormwatch::engine
