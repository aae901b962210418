// Inflates the gzip-compressed wasm module that the self-contained bundles carry inline
// (see wasmGzipPlugin in web/esbuild-plugins.mjs), with the browser's own DecompressionStream.

/** Resolves to the bytes `gzipped` (a Uint8Array) decompresses to. */
export async function gunzip(gzipped) {
  const stream = new Blob([gzipped]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
