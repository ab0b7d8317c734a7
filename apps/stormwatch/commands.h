// SPDX-License-Identifier: Apache-2.0
#pragma once

// The CLI's subcommands. Each file registers one subcommand on the CLI11 app and runs it;
// all real work happens in libstormwatch.

#include <functional>

namespace CLI {
class App;
}  // namespace CLI

namespace stormwatch::cli {

/// Exit codes of docs/findings.md.
enum class ExitCode : int {
    kFinished = 0,   ///< The run finished, findings or not.
    kFailOnHit = 1,  ///< Finished, `--fail-on SEVERITY` was given and a finding reached it.
    kError = 2,      ///< Usage error, or no input could be read at all.
};

/// A registered subcommand and what to run when the user chose it.
struct Command {
    CLI::App* sub;
    std::function<ExitCode()> run;
};

/// Help of `--misp-context`, which `hunt` and `intel` share.
inline constexpr const char* kMispContextHelp =
    "Also load MISP attributes marked to_ids: false (context, not meant for\n"
    "detection; by default counted and left out)";

Command AddHuntCommand(CLI::App& app);
Command AddRulesCommand(CLI::App& app);
Command AddFormatsCommand(CLI::App& app);
Command AddIntelCommand(CLI::App& app);

}  // namespace stormwatch::cli
