// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/parse/sniff_markers.h"

#include <cassert>
#include <climits>
#include <string>
#include <vector>

#include <hs/hs.h>

namespace stormwatch::parse {
namespace {

// Literals only (Hyperscan's literal compiler builds this set ten times faster than the same
// markers as anchored regexes): a line marker is searched as "\n" + marker, and the head's
// first line is checked by hand in Scan.
hs_database_t* CompileMarkers() {
    std::vector<std::string> literals;
    for (const std::string_view marker : kLineMarkers) {
        literals.push_back("\n" + std::string(marker));
    }
    for (const std::string_view marker : kTextMarkers) {
        literals.emplace_back(marker);
    }
    std::vector<const char*> pointers;
    std::vector<std::size_t> lengths;
    std::vector<unsigned> flags(literals.size(), HS_FLAG_SINGLEMATCH);
    std::vector<unsigned> ids;
    for (std::size_t i = 0; i < literals.size(); ++i) {
        pointers.push_back(literals[i].data());
        lengths.push_back(literals[i].size());
        ids.push_back(static_cast<unsigned>(i));
    }
    hs_database_t* database = nullptr;
    hs_compile_error_t* error = nullptr;
    const hs_error_t rc = hs_compile_lit_multi(
        pointers.data(), flags.data(), ids.data(), lengths.data(),
        static_cast<unsigned>(pointers.size()), HS_MODE_BLOCK, nullptr, &database, &error);
    // Constant literals always compile; a failure is a bug in this file, caught by the
    // sniffer tests (every marker would read as absent).
    assert(rc == HS_SUCCESS && "sniff markers must compile");
    if (rc != HS_SUCCESS) {
        hs_free_compile_error(error);
        return nullptr;
    }
    return database;
}

const hs_database_t* MarkerDatabase() {
    static const hs_database_t* const database = CompileMarkers();
    return database;
}

// One scratch per thread (Hyperscan's rule), freed when the thread ends.
struct ThreadScratch {
    ~ThreadScratch() { hs_free_scratch(scratch); }
    hs_scratch_t* scratch = nullptr;
};

}  // namespace

HeadMarkers HeadMarkers::Scan(std::string_view head) {
    HeadMarkers markers;
    for (std::size_t i = 0; i < kLineMarkers.size(); ++i) {
        markers.found_[i] = head.substr(0, kLineMarkers[i].size()) == kLineMarkers[i];
    }
    const hs_database_t* database = MarkerDatabase();
    thread_local ThreadScratch local;
    if (database == nullptr || head.size() > UINT_MAX ||
        hs_alloc_scratch(database, &local.scratch) != HS_SUCCESS) {
        return markers;
    }
    const auto on_match = [](unsigned id, unsigned long long /*from*/, unsigned long long /*to*/,
                             unsigned /*flags*/, void* context) -> int {
        static_cast<HeadMarkers*>(context)->found_[id] = true;
        return 0;
    };
    hs_scan(database, head.data(), static_cast<unsigned>(head.size()), 0, local.scratch, on_match,
            &markers);
    return markers;
}

}  // namespace stormwatch::parse
