# Pinned third-party sources: md4c 0.5.3 and libyaml 0.2.5.
# Each tarball is fetched once into DRAFTMARK_CACHE_DIR (outside the build tree),
# verified by SHA-256, and extracted into the build tree. Nothing third-party is in git.
# scripts/fetch-dep.sh tries the upstream GitHub release and falls back to Debian's
# source archive (a different tarball of the same tree, pinned by its own hash).

set(DRAFTMARK_CACHE_DIR "$ENV{HOME}/.cache/draftmark" CACHE PATH "Where verified dependency tarballs are kept")

function(draftmark_fetch name)
  cmake_parse_arguments(D "" "URL;SHA256;DEB_PKG;DEB_VERSION;DEB_SUITE;DEB_FILE;DEB_SHA256" "PATCHES" ${ARGN})
  set(src_dir "${CMAKE_BINARY_DIR}/_deps/${name}")
  # Re-extract when a patch changes (or the list of them).
  if(D_PATCHES)
    set(patch_hashes "")
    foreach(p IN LISTS D_PATCHES)
      file(SHA256 "${p}" h)
      string(APPEND patch_hashes "${h}")
    endforeach()
    string(SHA256 patch_hash "${patch_hashes}")
    set(src_dir "${src_dir}-${patch_hash}")
    string(SUBSTRING "${src_dir}" 0 200 src_dir)
  endif()
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${D_PATCHES})
  if(NOT EXISTS "${src_dir}/.extracted")
    execute_process(
      COMMAND bash "${PROJECT_SOURCE_DIR}/scripts/fetch-dep.sh"
              "${DRAFTMARK_CACHE_DIR}/${name}-upstream.tar.gz" "${D_URL}" "${D_SHA256}"
              "${D_DEB_PKG}" "${D_DEB_VERSION}" "${D_DEB_SUITE}" "${D_DEB_FILE}" "${D_DEB_SHA256}"
      OUTPUT_VARIABLE tarball OUTPUT_STRIP_TRAILING_WHITESPACE
      RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
      message(FATAL_ERROR "Could not fetch a verified ${name} tarball (see messages above)")
    endif()
    file(REMOVE_RECURSE "${src_dir}")
    file(MAKE_DIRECTORY "${src_dir}")
    # Both tarballs have one top folder (named differently): strip it.
    execute_process(COMMAND tar xzf "${tarball}" -C "${src_dir}" --strip-components=1 RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
      message(FATAL_ERROR "Could not extract ${tarball}")
    endif()
    # In order: each patch is made against the tree the previous ones left.
    foreach(p IN LISTS D_PATCHES)
      execute_process(COMMAND patch -p1 --forward --silent -d "${src_dir}" -i "${p}" RESULT_VARIABLE rc)
      if(NOT rc EQUAL 0)
        message(FATAL_ERROR "Could not apply ${p} to ${name}")
      endif()
    endforeach()
    file(TOUCH "${src_dir}/.extracted")
  endif()
  set(${name}_SOURCE_DIR "${src_dir}" PARENT_SCOPE)
endfunction()

draftmark_fetch(md4c
  URL https://github.com/mity/md4c/archive/refs/tags/release-0.5.3.tar.gz
  SHA256 353c346f376b87c954a13f3415ede2d51264cc61dc5abcd38ff1d2aa0d059b9e
  DEB_PKG md4c DEB_VERSION 0.5.3-1 DEB_SUITE sid
  DEB_FILE md4c_0.5.3.orig.tar.gz
  DEB_SHA256 bc2e3bf85e5e6235ee5246778d608048e0a572d9d84538e5ef9e7d4b59a28ad6
  PATCHES "${PROJECT_SOURCE_DIR}/cmake/patches/md4c-cjk-emphasis.patch"
          "${PROJECT_SOURCE_DIR}/cmake/patches/md4c-blank-line-containers.patch"
          "${PROJECT_SOURCE_DIR}/cmake/patches/md4c-kramdown-span-html.patch"
          "${PROJECT_SOURCE_DIR}/cmake/patches/md4c-kramdown-math-code.patch")

draftmark_fetch(libyaml
  URL https://github.com/yaml/libyaml/archive/refs/tags/0.2.5.tar.gz
  SHA256 fa240dbf262be053f3898006d502d514936c818e422afdcf33921c63bed9bf2e
  DEB_PKG libyaml DEB_VERSION "" DEB_SUITE trixie
  DEB_FILE libyaml_0.2.5.orig.tar.gz
  DEB_SHA256 fa240dbf262be053f3898006d502d514936c818e422afdcf33921c63bed9bf2e)

# md4c: the parser. Compiled as C (em++ would treat .c as C++). Its entity table (entity.c) is
# read into compact arrays for text/html_entities.cpp (cmake/HtmlEntities.cmake), and linked only
# into the md4c-html oracle below.
add_library(md4c STATIC "${md4c_SOURCE_DIR}/src/md4c.c")
set_source_files_properties("${md4c_SOURCE_DIR}/src/md4c.c" "${md4c_SOURCE_DIR}/src/entity.c" PROPERTIES LANGUAGE C)
include("${CMAKE_CURRENT_LIST_DIR}/HtmlEntities.cmake")
draftmark_generate_entities("${md4c_SOURCE_DIR}/src/entity.c" "${CMAKE_BINARY_DIR}/generated/text/html_entities.inc"
  "${CMAKE_BINARY_DIR}/generated/every-entity.md")
target_include_directories(md4c SYSTEM PUBLIC "${md4c_SOURCE_DIR}/src")
set_target_properties(md4c PROPERTIES C_STANDARD 99 POSITION_INDEPENDENT_CODE ON)

# md4c-html: a test oracle only (differential test), never linked into the product.
add_library(md4c_html_oracle STATIC EXCLUDE_FROM_ALL "${md4c_SOURCE_DIR}/src/md4c-html.c" "${md4c_SOURCE_DIR}/src/entity.c")
set_source_files_properties("${md4c_SOURCE_DIR}/src/md4c-html.c" PROPERTIES LANGUAGE C)
target_link_libraries(md4c_html_oracle PUBLIC md4c)

# libyaml: parser only (no emitter/dumper needed for reading front matter).
add_library(yaml STATIC
  "${libyaml_SOURCE_DIR}/src/api.c" "${libyaml_SOURCE_DIR}/src/reader.c"
  "${libyaml_SOURCE_DIR}/src/scanner.c" "${libyaml_SOURCE_DIR}/src/parser.c")
set_source_files_properties(
  "${libyaml_SOURCE_DIR}/src/api.c" "${libyaml_SOURCE_DIR}/src/reader.c"
  "${libyaml_SOURCE_DIR}/src/scanner.c" "${libyaml_SOURCE_DIR}/src/parser.c" PROPERTIES LANGUAGE C)
target_include_directories(yaml SYSTEM PUBLIC "${libyaml_SOURCE_DIR}/include")
target_compile_definitions(yaml PUBLIC YAML_DECLARE_STATIC
  PRIVATE YAML_VERSION_MAJOR=0 YAML_VERSION_MINOR=2 YAML_VERSION_PATCH=5 YAML_VERSION_STRING="0.2.5")
set_target_properties(yaml PROPERTIES C_STANDARD 99 POSITION_INDEPENDENT_CODE ON)
