// Link anchor for the wasm module: the exports live in c_api.cpp (draftmark_core);
// this file only makes sure the linker keeps them (see wasm/exports.txt).
#include "draftmark/draftmark.h"
#include "draftmark/site.h"

extern "C" __attribute__((used)) const void* const kDraftmarkExports[] = {
    reinterpret_cast<const void*>(&dm_abi_version), reinterpret_cast<const void*>(&dm_input_reserve),
    reinterpret_cast<const void*>(&dm_render), reinterpret_cast<const void*>(&dm_buffer_bytes),
    reinterpret_cast<const void*>(&dm_site_settings_set), reinterpret_cast<const void*>(&dm_site_input_reserve),
    reinterpret_cast<const void*>(&dm_site_config_parse)};
