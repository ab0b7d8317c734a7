// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/engine/intel_loader.h"

#include <filesystem>

#include "stormwatch/core/text.h"
#include "stormwatch/intel/builtin_packs.h"
#include "stormwatch/intel/misp/misp_import.h"
#include "stormwatch/intel/stix/bundle.h"
#include "stormwatch/io/input_file.h"

namespace stormwatch::engine {

std::string_view IntelFormatName(IntelFormat format) {
    switch (format) {
        case IntelFormat::kText:
            return "csv-or-list";
        case IntelFormat::kStix:
            return "stix";
        case IntelFormat::kMisp:
            return "misp";
        case IntelFormat::kMispFeed:
            return "misp-feed";
    }
    return "csv-or-list";
}

IntelFormat SniffIntelFormat(PaddedText text) {
    const std::string_view body = text::Trim(text.text.substr(0, 64 * 1024));
    if (body.empty() || (body.front() != '{' && body.front() != '[')) {
        return IntelFormat::kText;
    }
    // MISP is judged by its top-level keys (Event, response, a feed manifest); other JSON is
    // read as STIX, whose importer names what it finds if that is not a bundle either.
    return intel::LooksLikeMispJson(text) ? IntelFormat::kMisp : IntelFormat::kStix;
}

namespace {

intel::MispImportOptions MispOptions(const IntelLoadOptions& options) {
    return {.include_context = options.misp_context};
}

// Loads `text`, already sniffed as `format` (sniffing a large JSON document costs a pass).
Result<IntelFormat> LoadSniffedText(IntelFormat format, PaddedText text, std::string_view name,
                                    intel::IndicatorSetBuilder& builder, InputStats& stats,
                                    const IntelLoadOptions& options) {
    switch (format) {
        case IntelFormat::kStix:
            STORMWATCH_RETURN_IF_ERROR(intel::stix::ImportStixBundle(text, name, builder, stats));
            break;
        case IntelFormat::kMisp:
            STORMWATCH_RETURN_IF_ERROR(intel::ImportMispJson(text.text, name, builder, stats,
                                                             nullptr, MispOptions(options)));
            break;
        case IntelFormat::kText:
        case IntelFormat::kMispFeed:
            STORMWATCH_RETURN_IF_ERROR(builder.LoadText(text.text, name, stats));
            break;
    }
    return format;
}

}  // namespace

Result<IntelFormat> LoadIntelText(std::string_view text, std::string_view name,
                                  intel::IndicatorSetBuilder& builder, InputStats& stats,
                                  const IntelLoadOptions& options) {
    return LoadSniffedText(SniffIntelFormat(text), text, name, builder, stats, options);
}

Result<IntelFormat> LoadIntelPath(const std::string& path, intel::IndicatorSetBuilder& builder,
                                  InputStats& stats, const IntelLoadOptions& options) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
        STORMWATCH_RETURN_IF_ERROR(
            intel::ImportMispFeedDirectory(path, builder, stats, nullptr, MispOptions(options)));
        return IntelFormat::kMispFeed;
    }
    STORMWATCH_ASSIGN_OR_RETURN(io::InputFile file, io::InputFile::Open(path));
    // No indicator format is binary: refuse the whole file rather than report each of its
    // "lines" as a rejected row.
    if (text::LooksBinary(file.data().substr(0, 8192))) {
        stats.RejectInput(RejectReason::kBinaryContent, "binary content, not an indicator file");
        return InvalidArgument(path + ": binary content, not an indicator file");
    }
    // The file's buffer is padded: the JSON readers take it in place, without a copy each.
    const IntelFormat format = SniffIntelFormat(file.padded());
    if (format == IntelFormat::kMisp) {
        // The file importer also follows a feed manifest to the events beside it.
        STORMWATCH_RETURN_IF_ERROR(intel::ImportMispFile(path, file.padded(), builder, stats,
                                                         nullptr, MispOptions(options)));
        return IntelFormat::kMisp;
    }
    return LoadSniffedText(format, file.padded(), path, builder, stats, options);
}

Status LoadBuiltinIntel(intel::IndicatorSetBuilder& builder, InputStats& stats) {
    for (const intel::BuiltinPack& pack : intel::BuiltinIntelPacks()) {
        STORMWATCH_ASSIGN_OR_RETURN(const IntelFormat format,
                                    LoadIntelText(pack.content, pack.name, builder, stats));
        static_cast<void>(format);
    }
    return Status::Ok();
}

}  // namespace stormwatch::engine
