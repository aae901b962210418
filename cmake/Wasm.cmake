# The wasm module: draftmark_core linked with no Emscripten JS glue in the product.
# web/src/lib/draftmark.js instantiates draftmark.wasm itself (works the same in Node and
# browsers, with bytes or a URL, on emsdk 3.1.6 and newer).
target_compile_options(draftmark_core PRIVATE -fno-exceptions -fno-rtti)
# Bulk memory (wasm 2.0; Chrome 75, Firefox 79, Safari 15, Node 12.5): copies of variable size
# become memory.copy, which the engine runs natively, for wasm_memcpy.cpp's long copies too. The
# bench corpora rendered 3-5% faster (dm_render alone, three interleaved runs).
foreach(target draftmark_core md4c yaml)
  target_compile_options(${target} PRIVATE -mbulk-memory)
endforeach()

# Speed over size for the code that runs on every keystroke: md4c and our renderer at
# -O3. At -Os the renderer's std::string appends and small helpers stayed out of line
# and Jekyll mode took 2.4x as long (bench: seed post 0.80 -> 0.33 ms) for 10 KB less
# gzip. libyaml only parses front matter, so it favours size (-Oz, below).
target_compile_options(draftmark_core PRIVATE -O3)
target_compile_options(yaml PRIVATE -Oz)
target_compile_options(md4c PRIVATE -O3)
# Link-time optimisation: one optimiser run over md4c, libyaml and our code drops what no
# export reaches and merges what the files repeat. 7.5 KB less gzip (416.8 -> 397.0 KB raw,
# 170.0 -> 162.5 KB gzip); render times the same in bench/ab.mjs. Each file keeps its -O3 or
# -Os (the optimiser records it per function).
target_compile_options(draftmark_core PRIVATE -flto)
target_compile_options(yaml PRIVATE -flto)
target_compile_options(md4c PRIVATE -flto)
# Run once per render or per settings change, or only for posts that use them (Liquid, IALs,
# footnotes), not per block of every post: size wins (the npm package's and the element's
# budgets). Moving Liquid, the front matter's values and dates, attribute lists, footnotes and
# the JSON writer here cut 6.3 KB gzip; render times of the bench corpora the same in an A/B.
# The YAML tree and dates: once per front matter change (jekyll_pass.cpp keeps the parse).
# These and libyaml at -Oz rather than -Os: 0.4 KB less gzip, render times the same in an A/B.
set_source_files_properties(
  wasm/src/jekyll/post_layout/post_header.cpp wasm/src/jekyll/post_layout/post_tail.cpp
  wasm/src/jekyll/post_layout/chirpy_locale.cpp wasm/src/jekyll/site/site_config.cpp
  wasm/src/jekyll/front_matter/chirpy_lints.cpp wasm/src/jekyll/front_matter/front_matter.cpp
  wasm/src/jekyll/liquid/liquid_filters.cpp wasm/src/jekyll/liquid/liquid_expression.cpp
  wasm/src/jekyll/liquid/liquid_tags.cpp wasm/src/jekyll/liquid/liquid_value.cpp
  wasm/src/jekyll/liquid/liquid_lexer.cpp wasm/src/jekyll/liquid/liquid_pass.cpp
  wasm/src/jekyll/front_matter/jekyll_date.cpp wasm/src/jekyll/front_matter/yaml_json.cpp
  wasm/src/jekyll/front_matter/yaml_scalar.cpp wasm/src/jekyll/kramdown/attributes.cpp
  wasm/src/jekyll/kramdown/block_attributes.cpp wasm/src/jekyll/kramdown/footnotes.cpp
  wasm/src/text/json_writer.cpp wasm/src/api/site_api.cpp
  PROPERTIES COMPILE_OPTIONS -Oz)
# The incremental renderer's bookkeeping and the C ABI: once per keystroke, beside a slice
# render that runs at -O3 (the element, which never edits, carries them too).
set_source_files_properties(
  wasm/src/api/c_api.cpp wasm/src/api/incremental_renderer.cpp wasm/src/api/incremental_splice.cpp
  wasm/src/api/incremental_footnotes.cpp wasm/src/api/edit_markers.cpp
  PROPERTIES COMPILE_OPTIONS -Os)

# wasm_memcpy.cpp replaces libc's memcpy (see there); -fno-builtin keeps it from calling itself.
add_executable(draftmark_wasm wasm/src/api/wasm_entry.cpp wasm/src/api/wasm_memcpy.cpp)
set_source_files_properties(wasm/src/api/wasm_memcpy.cpp PROPERTIES COMPILE_OPTIONS -fno-builtin)
target_link_libraries(draftmark_wasm PRIVATE draftmark_core)
target_compile_options(draftmark_wasm PRIVATE -fno-exceptions -fno-rtti -mbulk-memory)
set_target_properties(draftmark_wasm PROPERTIES OUTPUT_NAME draftmark SUFFIX ".wasm")
file(STRINGS "${PROJECT_SOURCE_DIR}/wasm/exports.txt" DRAFTMARK_EXPORTS)
list(JOIN DRAFTMARK_EXPORTS "," DRAFTMARK_EXPORTS_CSV)
target_link_options(draftmark_wasm PRIVATE
  --no-entry
  -mbulk-memory
  -O3
  -flto
  -fno-exceptions
  "SHELL:-s EXPORTED_FUNCTIONS=${DRAFTMARK_EXPORTS_CSV}"
  "SHELL:-s ALLOW_MEMORY_GROWTH=1"
  "SHELL:-s INITIAL_MEMORY=16MB"
  # md4c recurses per nesting level: 64 KB stacks trap on ~70 KB of nested input.
  "SHELL:-s TOTAL_STACK=8MB"
  "SHELL:-s FILESYSTEM=0"
  # emmalloc: 8 KB less code than dlmalloc (2.8 KB gzip), and render times the same within
  # noise on every bench corpus (measured 2026-12-06); the renderer reuses its buffers.
  "SHELL:-s MALLOC=emmalloc"
  "SHELL:-s STANDALONE_WASM=1"
  "SHELL:-s ERROR_ON_UNDEFINED_SYMBOLS=1")
set_property(TARGET draftmark_wasm APPEND PROPERTY LINK_DEPENDS "${PROJECT_SOURCE_DIR}/wasm/exports.txt")
