// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/yaml/single_document.h"

#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include <yaml-cpp/eventhandler.h>

#include "stormwatch/core/text.h"

namespace stormwatch::yaml {

namespace {

/// Receives parser events and ignores them: used only to learn whether a second document
/// follows the first.
class IgnoreEvents : public YAML::EventHandler {
public:
    void OnDocumentStart(const YAML::Mark& /*mark*/) override {}
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark& /*mark*/, YAML::anchor_t /*anchor*/) override {}
    void OnAlias(const YAML::Mark& /*mark*/, YAML::anchor_t /*anchor*/) override {}
    void OnScalar(const YAML::Mark& /*mark*/, const std::string& /*tag*/, YAML::anchor_t /*anchor*/,
                  const std::string& /*value*/) override {}
    void OnSequenceStart(const YAML::Mark& /*mark*/, const std::string& /*tag*/,
                         YAML::anchor_t /*anchor*/, YAML::EmitterStyle::value /*style*/) override {}
    void OnSequenceEnd() override {}
    void OnMapStart(const YAML::Mark& /*mark*/, const std::string& /*tag*/,
                    YAML::anchor_t /*anchor*/, YAML::EmitterStyle::value /*style*/) override {}
    void OnMapEnd() override {}
};

/// Whether the stream holds a second document. yaml-cpp 0.7's LoadAll loops forever on some
/// malformed input (a lone `,`: upstream issue 1040), so documents are counted here with at
/// most two parser steps.
bool HasSecondDocument(const std::string& text) {
    std::istringstream stream(text);
    YAML::Parser parser(stream);
    IgnoreEvents events;
    return parser.HandleNextDocument(events) && parser.HandleNextDocument(events);
}

Status CheckShape(const std::string& name, const YAML::Node& node, int depth, std::size_t& visits,
                  const Limits& limits) {
    if (++visits > limits.max_node_visits) {
        return ErrorAt(name, node.Mark(), "document too large after alias expansion");
    }
    if (depth > limits.max_depth) {
        return ErrorAt(name, node.Mark(), "document nested too deeply");
    }
    if (node.IsSequence()) {
        for (const auto& child : node) {
            STORMWATCH_RETURN_IF_ERROR(CheckShape(name, child, depth + 1, visits, limits));
        }
    } else if (node.IsMap()) {
        for (const auto& entry : node) {
            STORMWATCH_RETURN_IF_ERROR(CheckShape(name, entry.first, depth + 1, visits, limits));
            STORMWATCH_RETURN_IF_ERROR(CheckShape(name, entry.second, depth + 1, visits, limits));
        }
    }
    return Status::Ok();
}

}  // namespace

Result<std::string> ReadSmallFile(const std::string& path, std::string_view what,
                                  const Limits& limits) {
    const std::string kind(what);
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return IoError(path + ": cannot open " + kind + ": " + std::strerror(errno));
    }
    std::string data;
    std::array<char, 65536> buffer{};
    while (in.read(buffer.data(), buffer.size()) || in.gcount() > 0) {
        data.append(buffer.data(), static_cast<std::size_t>(in.gcount()));
        if (data.size() > limits.max_bytes) {
            return InvalidArgument(path + ": " + kind + " larger than " +
                                   std::to_string(limits.max_bytes >> 20) + " MiB");
        }
    }
    if (in.bad()) {
        return IoError(path + ": cannot read " + kind);
    }
    return data;
}

Status ErrorAt(const std::string& name, const YAML::Mark& mark, const std::string& message) {
    if (mark.is_null()) {
        return InvalidArgument(name + ": " + message);
    }
    return InvalidArgument(name + ":" + std::to_string(mark.line + 1) + ": " + message);
}

Result<YAML::Node> LoadSingleDocument(std::string_view text, const std::string& name,
                                      std::string_view what, const Limits& limits) {
    if (text.size() > limits.max_bytes) {
        return InvalidArgument(name + ": " + std::string(what) + " larger than " +
                               std::to_string(limits.max_bytes / (1024 * 1024)) + " MiB");
    }
    // yaml-cpp would guess UTF-16/32 from a byte-order mark and read garbage as an empty
    // document, so anything but UTF-8 text is refused up front.
    if (text.find('\0') != std::string_view::npos || text::LooksBinary(text.substr(0, 8192)) ||
        !text::IsValidUtf8(text)) {
        return InvalidArgument(name + ": not a UTF-8 YAML text file");
    }
    const std::string owned(text);
    YAML::Node root;
    try {
        root = YAML::Load(owned);
        if (HasSecondDocument(owned)) {
            return InvalidArgument(name + ": a " + std::string(what) + " holds one YAML document");
        }
    } catch (const YAML::Exception& e) {
        return ErrorAt(name, e.mark, "invalid YAML: " + e.msg);
    } catch (const std::exception& e) {
        return InvalidArgument(name + ": invalid YAML: " + e.what());
    }
    std::size_t visits = 0;
    STORMWATCH_RETURN_IF_ERROR(CheckShape(name, root, 0, visits, limits));
    return root;
}

}  // namespace stormwatch::yaml
