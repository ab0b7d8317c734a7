// SPDX-License-Identifier: Apache-2.0
// stormwatch: hunt network-device evidence for the tradecraft of CISA AA25-239A (Salt Typhoon).

#include <csignal>
#include <exception>
#include <iostream>
#include <vector>

#include "apps/stormwatch/commands.h"
#include <CLI/CLI.hpp>

int main(int argc, char** argv) {
    using stormwatch::cli::ExitCode;
    // A closed pipe (`stormwatch hunt ... | head`) is not an error.
    std::signal(SIGPIPE, SIG_IGN);
    try {
        CLI::App app{
            "Stormwatch hunts router, switch and firewall configurations and their logs for the\n"
            "tradecraft and indicators of the Salt Typhoon campaign (CISA AA25-239A) and for\n"
            "gaps against a hardening baseline, and reports every finding with its file and\n"
            "line.\n\n"
            "Start with:  stormwatch hunt configs/           (a table on the terminal)\n"
            "             stormwatch hunt configs/ --format sarif --output sw.sarif\n"
            "             stormwatch rules list               (what is checked)\n"
            "             stormwatch intel match 45.61.133.77 (is it an indicator, and why)\n\n"
            "Exit codes: 0 finished; 1 --fail-on reached; 2 usage error or nothing readable.",
            "stormwatch"};
        app.set_version_flag("--version", STORMWATCH_VERSION);
        app.require_subcommand(1);
        app.fallthrough(false);
        const std::vector<stormwatch::cli::Command> commands = {
            stormwatch::cli::AddHuntCommand(app),
            stormwatch::cli::AddRulesCommand(app),
            stormwatch::cli::AddFormatsCommand(app),
            stormwatch::cli::AddIntelCommand(app),
        };
        try {
            app.parse(argc, argv);
        } catch (const CLI::CallForHelp& e) {
            return app.exit(e);
        } catch (const CLI::CallForAllHelp& e) {
            return app.exit(e);
        } catch (const CLI::CallForVersion& e) {
            return app.exit(e);
        } catch (const CLI::ParseError& e) {
            app.exit(e);
            return static_cast<int>(ExitCode::kError);
        }
        for (const stormwatch::cli::Command& command : commands) {
            if (command.sub->parsed()) {
                return static_cast<int>(command.run());
            }
        }
        std::cerr << app.help();
        return static_cast<int>(ExitCode::kError);
    } catch (const std::exception& e) {
        // The library does not throw; the standard library can (std::bad_alloc).
        std::cerr << "stormwatch: internal error: " << e.what() << '\n';
        return static_cast<int>(ExitCode::kError);
    }
}
