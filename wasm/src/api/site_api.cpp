// The C ABI for _config.yml (see include/draftmark/site.h).
#include "draftmark/site.h"

#include <string>
#include <string_view>
#include <vector>

#include "jekyll/site/site_config.h"

namespace {

struct SiteModule {
  std::vector<char> input;
  draftmark::SiteConfigResult result;
  std::string diagnostics_json;
  DmSiteConfig out{};
};

SiteModule& site_module() {
  static SiteModule m;
  return m;
}

}  // namespace

namespace draftmark {

void read_site_config(std::string_view config_yaml, std::string_view post_path, SiteSettings& out,
                      std::vector<Diagnostic>& diagnostics, std::string_view authors_yaml) {
  SiteConfigResult config;
  parse_site_config(config_yaml, post_path, config, authors_yaml);
  diagnostics.insert(diagnostics.end(), config.diagnostics.begin(), config.diagnostics.end());
  // The same reading as dm_site_settings_set's, so the CLI and the preview cannot differ.
  read_site_settings(config.settings_json, out);
}

}  // namespace draftmark

extern "C" {

char* dm_site_input_reserve(uint32_t size) {
  SiteModule& m = site_module();
  if (m.input.size() < size + 1u) m.input.resize(size + 1u);  // -fno-exceptions: failure aborts
  return m.input.data();
}

const DmSiteConfig* dm_site_config_parse(uint32_t size, uint32_t authors_size, uint32_t path_size) {
  SiteModule& m = site_module();
  if (size > m.input.size()) size = static_cast<uint32_t>(m.input.size());
  if (path_size > size) path_size = size;
  if (authors_size > size - path_size) authors_size = size - path_size;
  std::string_view all(m.input.data(), size);
  size_t config_size = size - path_size - authors_size;
  draftmark::parse_site_config(all.substr(0, config_size), all.substr(size - path_size), m.result,
                               all.substr(config_size, authors_size));
  m.diagnostics_json.clear();
  draftmark::diagnostics_to_json(m.result.diagnostics, m.diagnostics_json);
  m.out.settings_json = m.result.settings_json.data();
  m.out.settings_json_size = static_cast<uint32_t>(m.result.settings_json.size());
  m.out.diagnostics_json = m.diagnostics_json.data();
  m.out.diagnostics_json_size = static_cast<uint32_t>(m.diagnostics_json.size());
  return &m.out;
}

}  // extern "C"
