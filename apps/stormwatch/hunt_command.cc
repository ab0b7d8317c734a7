// SPDX-License-Identifier: Apache-2.0
// `stormwatch hunt`: audit evidence and report findings.

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "apps/stormwatch/commands.h"
#include <CLI/CLI.hpp>

#include "stormwatch/core/finding.h"
#include "stormwatch/core/time.h"
#include "stormwatch/engine/hunt.h"
#include "stormwatch/output/report.h"

namespace stormwatch::cli {

namespace {

struct HuntFlags {
    std::vector<std::string> paths;
    engine::HuntOptions options;
    bool no_builtin_intel = false;
    bool no_builtin_rules = false;
    std::string format = "table";
    std::string output_path;
    std::string stats_path;
    std::string fail_on;
    unsigned jobs = 0;
    bool quiet = false;
};

bool ColorWanted(FILE* stream) {
    const char* no_color = std::getenv("NO_COLOR");
    return (no_color == nullptr || *no_color == '\0') && isatty(fileno(stream)) == 1;
}

int TerminalWidth() {
    winsize ws{};
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) {
        return ws.ws_col;
    }
    return 100;
}

// The report or the stats file, opened (truncated) before the hunt: a path that cannot be
// written fails at once, not after an hour of hunting. Says so on stderr.
bool OpenOutput(const std::string& path, std::ofstream& file) {
    file.open(path, std::ios::binary | std::ios::trunc);
    if (!file) {
        std::cerr << "stormwatch: cannot write " << path << "\n";
    }
    return static_cast<bool>(file);
}

/// The report in `format` to `out`. NDJSON goes out a slice of findings at a time: a hunt over
/// years of logs can hold millions of findings, and their whole report need not sit in memory
/// beside them.
void WriteReport(output::Format format, const engine::HuntResult& result,
                 const std::vector<RuleInfo>& catalogue, const output::TableOptions& table,
                 std::ostream& out) {
    std::string rendered;
    if (format != output::Format::kNdjson) {
        output::Render(format, result.findings, catalogue, result.summary, table, rendered);
        out.write(rendered.data(), static_cast<std::streamsize>(rendered.size()));
        return;
    }
    constexpr std::size_t kSlice = 4096;
    const std::span<const Finding> findings(result.findings);
    for (std::size_t i = 0; i < findings.size() && out; i += kSlice) {
        rendered.clear();
        output::RenderNdjson(findings.subspan(i, std::min(kSlice, findings.size() - i)), rendered);
        out.write(rendered.data(), static_cast<std::streamsize>(rendered.size()));
    }
}

/// One line per input that was rejected or had rejected lines: path, reason, where.
void ReportInputProblems(const output::RunSummary& summary) {
    for (const output::InputSummary& input : summary.inputs) {
        const InputStats& stats = input.stats;
        if (stats.rejected() == 0) {
            continue;
        }
        const Rejection& first = stats.kept().front();
        std::cerr << "stormwatch: " << input.path;
        if (stats.input_rejected()) {
            std::cerr << ": skipped (" << RejectReasonName(first.reason) << "): " << first.detail
                      << "\n";
            continue;
        }
        std::cerr << ": " << stats.rejected() << " line(s) rejected; first at line " << first.line
                  << " (" << RejectReasonName(first.reason) << "): " << first.detail << "\n";
    }
}

ExitCode RunHunt(HuntFlags& flags) {
    const auto format = output::ParseFormat(flags.format);
    if (!format) {
        std::cerr << "stormwatch: unknown format '" << flags.format
                  << "' (expected table, ndjson, json, sarif, stix or misp)\n";
        return ExitCode::kError;
    }
    std::optional<Severity> fail_on;
    if (!flags.fail_on.empty()) {
        fail_on = ParseSeverity(flags.fail_on);
        if (!fail_on) {
            std::cerr << "stormwatch: unknown severity '" << flags.fail_on
                      << "' (expected info, low, medium, high or critical)\n";
            return ExitCode::kError;
        }
    }
    flags.options.builtin_intel = !flags.no_builtin_intel;
    flags.options.builtin_rules = !flags.no_builtin_rules;
    auto hunter = engine::Hunter::Create(flags.options);
    if (!hunter.ok()) {
        std::cerr << "stormwatch: " << hunter.status().message() << "\n";
        return ExitCode::kError;
    }
    const bool to_terminal = flags.output_path.empty();
    std::ofstream file;
    std::ofstream stats_file;
    if ((!to_terminal && !OpenOutput(flags.output_path, file)) ||
        (!flags.stats_path.empty() && !OpenOutput(flags.stats_path, stats_file))) {
        return ExitCode::kError;
    }

    const bool show_progress = !flags.quiet && isatty(STDERR_FILENO) == 1;
    bool progress_shown = false;
    int ticks = 0;
    const engine::ProgressFn progress = [&](const engine::HuntProgress& p) {
        // Runs shorter than a second stay silent.
        if (!show_progress || ++ticks < 5) {
            return;
        }
        progress_shown = true;
        std::fprintf(stderr, "\rstormwatch: %zu/%zu files, %.1f/%.1f MB", p.files_done,
                     p.files_total, static_cast<double>(p.bytes_done) / 1e6,
                     static_cast<double>(p.bytes_total) / 1e6);
        std::fflush(stderr);
    };
    const std::string started =
        FormatRfc3339(std::chrono::duration_cast<std::chrono::seconds>(
                          std::chrono::system_clock::now().time_since_epoch())
                          .count());
    engine::HuntResult result = hunter.value().Run(flags.paths, flags.jobs, progress);
    const bool nothing_found = result.summary.inputs.empty();  // empty folders only
    result.summary.started = started;
    if (progress_shown) {
        std::fputs("\r\033[K", stderr);
    }
    result.summary.tool_version = STORMWATCH_VERSION;
    for (const output::InputSummary& intel : hunter.value().intel_inputs()) {
        result.summary.inputs.push_back(intel);
    }
    if (!flags.quiet) {
        ReportInputProblems(result.summary);
    }

    const std::vector<RuleInfo> catalogue = hunter.value().Catalogue();
    output::TableOptions table{
        .color = to_terminal && ColorWanted(stdout),
        .width = to_terminal && isatty(STDOUT_FILENO) == 1 ? TerminalWidth() : 0};
    std::ostream& out = to_terminal ? std::cout : file;
    WriteReport(*format, result, catalogue, table, out);
    out.flush();
    if (!to_terminal) {
        file.close();
    }
    if (!to_terminal && !file) {
        std::cerr << "stormwatch: cannot write " << flags.output_path << "\n";
        return ExitCode::kError;
    }
    if (stats_file.is_open()) {
        std::string stats;
        output::RenderStats(result.findings, result.summary, stats);
        stats_file.write(stats.data(), static_cast<std::streamsize>(stats.size()));
        stats_file.close();
        if (!stats_file) {
            std::cerr << "stormwatch: cannot write " << flags.stats_path << "\n";
            return ExitCode::kError;
        }
    }
    if (result.inputs_opened == 0) {
        std::cerr << (nothing_found ? "stormwatch: no files to hunt under the paths given\n"
                                    : "stormwatch: no input could be read\n");
        return ExitCode::kError;
    }
    if (fail_on) {
        for (const Finding& finding : result.findings) {
            if (finding.severity >= *fail_on) {
                return ExitCode::kFailOnHit;
            }
        }
    }
    return ExitCode::kFinished;
}

}  // namespace

Command AddHuntCommand(CLI::App& app) {
    auto flags = std::make_shared<HuntFlags>();
    CLI::App* sub = app.add_subcommand(
        "hunt",
        "Audit evidence (folders or files of device configurations and syslog, plain or\n"
        "gzip; `-` reads stdin) for Salt Typhoon tradecraft, threat-intel indicators and\n"
        "hardening gaps.\n\n"
        "Examples:\n"
        "  stormwatch hunt configs/ /var/log/network/\n"
        "  stormwatch hunt --intel feed.json <(ssh pe1 show running-config)\n"
        "  stormwatch hunt configs/ --policy stormwatch.yaml --fail-on high\n"
        "  stormwatch hunt pe1.cfg --format ndjson | jq .rule_id\n"
        "  stormwatch hunt configs/ --format sarif --output stormwatch.sarif --stats stats.json");
    sub->add_option("paths", flags->paths, "Files or folders to hunt (folders are walked)")
        ->required();
    sub->add_option("--policy", flags->options.policy_path,
                    "Site policy (stormwatch.yaml): approved management networks, AAA, syslog,\n"
                    "SNMP, NTP hosts, tunnel peers, mirror destinations, local accounts, ports")
        ->check(CLI::ExistingFile);
    sub->add_option("--intel", flags->options.intel_files,
                    "Extra indicators: a STIX 2.1 bundle, MISP event JSON, a MISP feed folder,\n"
                    "a CSV with a header or a plain list (detected from content); repeatable")
        ->allow_extra_args(false)  // one path per --intel: `--intel feed.json configs/`
        ->check(CLI::ExistingPath);
    sub->add_flag("--misp-context", flags->options.misp_context, kMispContextHelp);
    sub->add_flag("--no-builtin-intel", flags->no_builtin_intel,
                  "Do not load the built-in indicator pack (Salt Typhoon public indicators)");
    sub->add_option("--rules", flags->options.rule_dirs,
                    "Extra folder of pattern rules (*.yml, see docs/rule-format.md); repeatable")
        ->allow_extra_args(false)
        ->check(CLI::ExistingDirectory);
    sub->add_flag("--no-builtin-rules", flags->no_builtin_rules,
                  "Do not load the built-in pattern rules (C++ detectors always run)");
    sub->add_option("--format,-f", flags->format,
                    "Output: table (default, for people), ndjson (one finding per line, for\n"
                    "SIEMs), json (findings + run summary), sarif (SARIF 2.1.0 for code\n"
                    "scanning), stix (STIX 2.1 sightings bundle), misp (MISP sightings JSON);\n"
                    "stix and misp hold the findings that involved an indicator");
    sub->add_option("--output,-o", flags->output_path,
                    "Write the output to FILE instead of stdout");
    sub->add_option("--stats", flags->stats_path,
                    "Write a JSON summary to FILE: inputs, records read/processed/rejected with\n"
                    "reasons, findings by severity and category, wall time, bytes/s");
    sub->add_option("--fail-on", flags->fail_on,
                    "Exit 1 when a finding of this severity or higher exists\n"
                    "(info, low, medium, high, critical)");
    sub->add_option("--jobs,-j", flags->jobs,
                    "Worker threads (default 0: one per core; at most 256); files run in\n"
                    "parallel, and a log of 32 MiB or more is split into pieces across them")
        ->check(CLI::Range(0, 256));
    sub->add_flag("--quiet,-q", flags->quiet,
                  "No progress and no per-input problem lines on stderr");
    return {sub, [flags] {
                return RunHunt(*flags);
            }};
}

}  // namespace stormwatch::cli
