// SPDX-License-Identifier: Apache-2.0
#pragma once

// Content markers shared by the sniffers of the IOS-like dialects. Each dialect scores its
// own markers and loses points for the others' distinctive ones, so the registry's best
// score picks the right dialect without any file-name hint.

#include "stormwatch/parse/dialect.h"

namespace stormwatch::parse::cisco {

struct IosLikeScores {
    int ios = 0;
    int nxos = 0;
    int eos = 0;
    int xr = 0;  ///< IOS XR markers (used only as a penalty here; XR has its own sniffer)
    bool unsupported = false;  ///< an unsupported vendor that looks IOS-like (ASA, ...)
};

IosLikeScores ScoreIosLike(const SniffInput& input);

}  // namespace stormwatch::parse::cisco
