// SPDX-License-Identifier: Apache-2.0
// `stormwatch intel`: import, list, count and explain threat indicators.

#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "apps/stormwatch/commands.h"
#include <CLI/CLI.hpp>

#include "stormwatch/core/ip_address.h"
#include "stormwatch/core/text.h"
#include "stormwatch/core/time.h"
#include "stormwatch/engine/intel_loader.h"
#include "stormwatch/intel/indicator_set.h"

namespace stormwatch::cli {

namespace {

struct IntelFlags {
    std::vector<std::string> files;
    std::vector<std::string> intel_files;
    bool no_builtin = false;
    bool misp_context = false;
    std::vector<std::string> values;
    std::string type;
};

void PrintRejections(const std::string& name, const InputStats& stats) {
    for (const Rejection& r : stats.kept()) {
        std::cout << "  rejected " << name << ":" << r.line << ": " << RejectReasonName(r.reason)
                  << ": " << r.detail << "\n";
    }
    const std::uint64_t unshown = stats.rejected() - stats.kept().size();
    if (unshown > 0) {
        std::cout << "  ... and " << unshown << " more rejections\n";
    }
}

std::map<std::string, std::size_t> CountByType(const intel::IndicatorSet& set) {
    std::map<std::string, std::size_t> counts;
    for (const intel::Indicator& indicator : set.indicators()) {
        ++counts[std::string(intel::IndicatorTypeName(indicator.type))];
    }
    return counts;
}

std::string Window(const intel::Indicator& indicator) {
    if (!indicator.valid_from && !indicator.valid_until) {
        return "";
    }
    return (indicator.valid_from ? FormatRfc3339(*indicator.valid_from) : std::string("(open)")) +
           " .. " +
           (indicator.valid_until ? FormatRfc3339(*indicator.valid_until) : std::string("(open)"));
}

engine::IntelLoadOptions LoadOptions(const IntelFlags& flags) {
    return {.misp_context = flags.misp_context};
}

/// Builds the set the hunt would use: built-in packs unless disabled, then --intel files.
std::shared_ptr<const intel::IndicatorSet> LoadSet(const IntelFlags& flags, bool& ok) {
    intel::IndicatorSetBuilder builder;
    ok = true;
    if (!flags.no_builtin) {
        InputStats stats;
        if (Status s = engine::LoadBuiltinIntel(builder, stats); !s.ok()) {
            std::cerr << "stormwatch: built-in intel: " << s.message() << "\n";
            ok = false;
        }
    }
    for (const std::string& path : flags.intel_files) {
        InputStats stats;
        if (auto loaded = engine::LoadIntelPath(path, builder, stats, LoadOptions(flags));
            !loaded.ok()) {
            std::cerr << "stormwatch: " << loaded.status().message() << "\n";
            ok = false;
        }
    }
    return builder.Build();
}

ExitCode RunImport(const IntelFlags& flags) {
    bool all_read = true;
    for (const std::string& path : flags.files) {
        intel::IndicatorSetBuilder builder;
        InputStats stats;
        auto loaded = engine::LoadIntelPath(path, builder, stats, LoadOptions(flags));
        if (!loaded.ok()) {
            std::cerr << "stormwatch: " << loaded.status().message() << "\n";
            all_read = false;
            continue;
        }
        const auto set = builder.Build();
        std::cout << path << ": " << engine::IntelFormatName(loaded.value()) << ", " << stats.read()
                  << " records read, " << stats.processed() << " processed, " << stats.rejected()
                  << " rejected; " << set->size() << " indicators";
        const char* sep = " (";
        for (const auto& [type, count] : CountByType(*set)) {
            std::cout << sep << type << " " << count;
            sep = ", ";
        }
        std::cout << (set->size() > 0 ? ")" : "") << "\n";
        PrintRejections(path, stats);
    }
    return all_read ? ExitCode::kFinished : ExitCode::kError;
}

ExitCode RunList(const IntelFlags& flags) {
    bool ok = true;
    const auto set = LoadSet(flags, ok);
    for (const intel::Indicator& indicator : set->indicators()) {
        const std::string_view type = intel::IndicatorTypeName(indicator.type);
        if (!flags.type.empty() && type != flags.type) {
            continue;
        }
        std::cout << indicator.value << "\t" << type << "\t" << indicator.source << "\t"
                  << indicator.actor << "\t" << indicator.id << "\t" << Window(indicator) << "\n";
    }
    return ok ? ExitCode::kFinished : ExitCode::kError;
}

ExitCode RunStats(const IntelFlags& flags) {
    bool ok = true;
    const auto set = LoadSet(flags, ok);
    std::cout << "indicators\t" << set->size() << "\n";
    for (const auto& [type, count] : CountByType(*set)) {
        std::cout << "type\t" << type << "\t" << count << "\n";
    }
    std::map<std::string, std::size_t> by_source;
    for (const intel::Indicator& indicator : set->indicators()) {
        ++by_source[indicator.source];
    }
    for (const auto& [source, count] : by_source) {
        std::cout << "source\t" << source << "\t" << count << "\n";
    }
    return ok ? ExitCode::kFinished : ExitCode::kError;
}

/// Which lookup a value needs, and the indicator it finds, with the reason in words.
struct Explanation {
    const intel::Indicator* indicator = nullptr;
    std::string why;
};

Explanation Explain(const intel::IndicatorSet& set, std::string_view value);

// The explanation of `part` of a value (a URL's host, an e-mail address's domain).
Explanation Within(const intel::IndicatorSet& set, std::string_view what, std::string_view part) {
    if (part.empty()) {
        return {};
    }
    Explanation inner = Explain(set, part);
    if (inner.indicator != nullptr) {
        inner.why = std::string(what) + " " + std::string(part) + ": " + inner.why;
    }
    return inner;
}

Explanation Explain(const intel::IndicatorSet& set, std::string_view value) {
    if (const auto address = IpAddress::Parse(value)) {
        const intel::Indicator* hit = set.MatchAddress(*address);
        return {hit, hit == nullptr ? ""
                                    : (hit->value == address->ToString()
                                           ? "the same address"
                                           : "the longest indicator prefix containing it")};
    }
    if (const auto prefix = IpPrefix::Parse(value)) {
        const intel::Indicator* hit = set.MatchPrefix(*prefix);
        return {hit, "an indicator address or prefix inside or around this prefix"};
    }
    if (value.find("://") != std::string_view::npos) {
        if (const intel::Indicator* hit = set.MatchUrl(value)) {
            return {hit, "the same URL after normalisation (" + intel::NormaliseUrl(value) + ")"};
        }
        // As in a hunt: a URL whose host is an indicator (address or domain) matches too.
        const intel::UrlHost host = intel::FindUrlHost(value);
        return Within(set, "its host", value.substr(host.offset, host.length));
    }
    const std::string lower = text::ToLower(value);
    const bool hex =
        !lower.empty() && lower.find_first_not_of("0123456789abcdef") == std::string::npos;
    if (hex) {
        if (const auto type = intel::HashTypeForLength(lower.size())) {
            return {set.MatchValue(*type, lower), "the same hash"};
        }
    }
    if (const std::size_t at = lower.rfind('@'); at != std::string::npos) {
        if (const intel::Indicator* hit = set.MatchValue(intel::IndicatorType::kEmail, lower)) {
            return {hit, "the same e-mail address"};
        }
        return Within(set, "its domain", std::string_view(lower).substr(at + 1));
    }
    if (lower.find('.') != std::string::npos) {
        if (const intel::Indicator* hit = set.MatchDomain(lower)) {
            return {hit, hit->value == lower ? "the same domain" : "a parent domain of it"};
        }
        if (const intel::Indicator* hit = set.MatchValue(intel::IndicatorType::kFileName, lower)) {
            return {hit, "the same file name"};
        }
        return {};
    }
    if (const intel::Indicator* hit = set.MatchValue(intel::IndicatorType::kAccount, value)) {
        return {hit, "the same account name"};
    }
    return {set.MatchValue(intel::IndicatorType::kFileName, value), "the same file name"};
}

ExitCode RunMatch(const IntelFlags& flags) {
    bool ok = true;
    const auto set = LoadSet(flags, ok);
    if (!ok) {
        return ExitCode::kError;
    }
    bool any = false;
    for (const std::string& value : flags.values) {
        const Explanation e = Explain(*set, value);
        if (e.indicator == nullptr) {
            std::cout << value << ": no match among " << set->size() << " indicators\n";
            continue;
        }
        any = true;
        const intel::Indicator& i = *e.indicator;
        std::cout << value << ": matches " << intel::IndicatorTypeName(i.type) << " indicator "
                  << i.value << " (" << e.why << ")\n";
        std::cout << "  source: " << i.source << "\n";
        if (!i.actor.empty()) {
            std::cout << "  actor: " << i.actor << "\n";
        }
        if (!i.id.empty()) {
            std::cout << "  id: " << i.id << "\n";
        }
        if (!i.confidence.empty()) {
            std::cout << "  confidence: " << i.confidence << "\n";
        }
        if (const std::string window = Window(i); !window.empty()) {
            std::cout << "  valid: " << window << "\n";
        }
        for (const std::string& label : i.labels) {
            std::cout << "  label: " << label << "\n";
        }
    }
    // grep's convention: 1 when nothing matched, so scripts can test a value.
    return any ? ExitCode::kFinished : ExitCode::kFailOnHit;
}

void AddMispContextFlag(CLI::App* sub, IntelFlags& flags) {
    sub->add_flag("--misp-context", flags.misp_context, kMispContextHelp);
}

void AddSetOptions(CLI::App* sub, IntelFlags& flags) {
    sub->add_option("--intel", flags.intel_files,
                    "Also load this indicator file or MISP feed folder; repeatable")
        ->allow_extra_args(false);
    AddMispContextFlag(sub, flags);
    sub->add_flag("--no-builtin-intel", flags.no_builtin, "Leave out the built-in packs");
}

}  // namespace

Command AddIntelCommand(CLI::App& app) {
    auto flags = std::make_shared<IntelFlags>();
    CLI::App* sub = app.add_subcommand(
        "intel",
        "Threat indicators: STIX 2.1 bundles, MISP events and feeds, CSV with a header, plain\n"
        "lists (the format is detected from the content). The built-in packs hold the public\n"
        "Salt Typhoon indicators.");
    sub->require_subcommand(1);
    CLI::App* import = sub->add_subcommand(
        "import",
        "Validate indicator files: format, records read / processed / rejected,\n"
        "indicators by type, and every rejection with its line and reason.");
    import->add_option("files", flags->files, "Indicator files or MISP feed folders")->required();
    AddMispContextFlag(import, *flags);
    CLI::App* list = sub->add_subcommand(
        "list", "Print every loaded indicator: value, type, source, actor, id, validity.");
    AddSetOptions(list, *flags);
    std::vector<std::string> types;
    for (int type = 0; type <= static_cast<int>(intel::IndicatorType::kEmail); ++type) {
        types.emplace_back(intel::IndicatorTypeName(static_cast<intel::IndicatorType>(type)));
    }
    list->add_option("--type", flags->type, "Only indicators of this type")
        ->check(CLI::IsMember(types));
    CLI::App* stats = sub->add_subcommand("stats", "Count loaded indicators by type and source.");
    AddSetOptions(stats, *flags);
    CLI::App* match = sub->add_subcommand(
        "match",
        "Explain which indicator matches each VALUE (address, prefix, domain, URL,\n"
        "hash, e-mail, account, file name) and why. Exit 1 when none matches.");
    match->add_option("values", flags->values, "Values to look up")->required();
    AddSetOptions(match, *flags);
    return {sub, [flags, import, list, stats, match] {
                if (import->parsed()) {
                    return RunImport(*flags);
                }
                if (list->parsed()) {
                    return RunList(*flags);
                }
                if (stats->parsed()) {
                    return RunStats(*flags);
                }
                if (match->parsed()) {
                    return RunMatch(*flags);
                }
                return ExitCode::kError;
            }};
}

}  // namespace stormwatch::cli
