/*
 * Draftmark's C ABI for a Jekyll site's _config.yml (beside draftmark.h; exports in
 * wasm/exports.txt). Its own input buffer, so reading a config never disturbs a render's.
 *
 *   char* in = dm_site_input_reserve(n);          // module-owned, >= n bytes
 *   write the UTF-8 _config.yml, then _data/authors.yml (or nothing), then the post's site
 *   path (n bytes in all)
 *   const DmSiteConfig* c = dm_site_config_parse(n, authors_size, path_size);
 *     // in[0 .. n - authors_size - path_size) is _config.yml, the next authors_size bytes
 *     // _data/authors.yml, the last path_size the post path ("_posts/2024-01-02-a.md") used
 *     // to pick the `defaults:` scopes
 *   read c->settings_json / c->diagnostics_json   // valid until the next dm_site_* call
 *
 * settings_json: see wasm/src/jekyll/site/site_config.h ("null" if the YAML is unreadable).
 * diagnostics_json: as DmResult's (line, column in UTF-16 units, severity, code, message).
 * Every field is 32-bit.
 */
#ifndef DRAFTMARK_SITE_H
#define DRAFTMARK_SITE_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct DmSiteConfig {
  const char* settings_json;
  uint32_t settings_json_size;
  const char* diagnostics_json;
  uint32_t diagnostics_json_size;
} DmSiteConfig;

char* dm_site_input_reserve(uint32_t size);
const DmSiteConfig* dm_site_config_parse(uint32_t size, uint32_t authors_size, uint32_t path_size);

#ifdef __cplusplus
}
#endif

#endif /* DRAFTMARK_SITE_H */
