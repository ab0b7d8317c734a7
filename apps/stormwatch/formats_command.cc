// SPDX-License-Identifier: Apache-2.0
// `stormwatch formats`: the configuration dialects this build parses.

#include <iostream>

#include "apps/stormwatch/commands.h"
#include <CLI/CLI.hpp>

#include "stormwatch/parse/dialect.h"

namespace stormwatch::cli {

Command AddFormatsCommand(CLI::App& app) {
    CLI::App* sub = app.add_subcommand(
        "formats",
        "List the input formats (configuration dialects) this build recognises.\n"
        "Dialects are detected from content, never from file names.");
    return {sub, [] {
                for (const parse::DialectInfo& dialect : parse::Dialects()) {
                    std::cout << dialect.name << "\t" << dialect.summary << "\n";
                }
                return ExitCode::kFinished;
            }};
}

}  // namespace stormwatch::cli
