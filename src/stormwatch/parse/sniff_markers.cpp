// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/parse/sniff_markers.h"

#include <cassert>
#include <climits>
#include <string>
#include <vector>

#include <hs/hs.h>

#include "stormwatch/patterns/database.h"

namespace stormwatch::parse {
namespace {

// Literals only (Hyperscan's literal compiler builds this set ten times faster than the same
// markers as anchored regexes): a line marker is searched as "\n" + marker, and the head's
// first line is checked by hand in Scan.
patterns::Database CompileMarkers() {
    std::vector<patterns::Expression> literals;
    for (const std::string_view marker : kLineMarkers) {
        literals.push_back({.text = "\n" + std::string(marker), .flags = HS_FLAG_SINGLEMATCH});
    }
    for (const std::string_view marker : kTextMarkers) {
        literals.push_back({.text = std::string(marker), .flags = HS_FLAG_SINGLEMATCH});
    }
    patterns::Compiled compiled = patterns::Compile(patterns::Syntax::kLiteral, literals);
    // Constant literals always compile; a failure is a bug in this file, caught by the
    // sniffer tests (every marker would read as absent).
    assert(compiled.database && "sniff markers must compile");
    return std::move(compiled.database);
}

const hs_database_t* MarkerDatabase() {
    static const patterns::Database database = CompileMarkers();
    return database.get();
}

}  // namespace

HeadMarkers HeadMarkers::Scan(std::string_view head) {
    HeadMarkers markers;
    for (std::size_t i = 0; i < kLineMarkers.size(); ++i) {
        markers.found_[i] = head.substr(0, kLineMarkers[i].size()) == kLineMarkers[i];
    }
    const hs_database_t* database = MarkerDatabase();
    thread_local patterns::Scratch local;
    hs_scratch_t* scratch = database != nullptr ? local.For(database) : nullptr;
    if (scratch == nullptr || head.size() > UINT_MAX) {
        return markers;
    }
    const auto on_match = [](unsigned id, unsigned long long /*from*/, unsigned long long /*to*/,
                             unsigned /*flags*/, void* context) -> int {
        static_cast<HeadMarkers*>(context)->found_[id] = true;
        return 0;
    };
    hs_scan(database, head.data(), static_cast<unsigned>(head.size()), 0, scratch, on_match,
            &markers);
    return markers;
}

}  // namespace stormwatch::parse
