// Trunk's post-build hook: beside each built file worth compressing, writes `.br` (brotli at
// its highest quality) and `.gz` (gzip -9), so the server sends the smaller one the browser
// accepts without compressing on every request. Release builds only: a debug build's wasm is
// tens of megabytes and rebuilt every few minutes. Runs on Node (already needed for wasm-opt).
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("precompress: TRUNK_STAGING_DIR is not set (run by Trunk's post_build hook)");
  process.exit(1);
}
if (process.env.TRUNK_PROFILE !== "release") process.exit(0);

// Below this, the compressed file's own headers are most of what it saves.
const MIN_BYTES = 1024;
const COMPRESSIBLE = /\.(wasm|js|css|svg)$/;

for (const name of readdirSync(dir)) {
  const path = join(dir, name);
  if (!COMPRESSIBLE.test(name) || !statSync(path).isFile()) continue;
  const bytes = readFileSync(path);
  if (bytes.length < MIN_BYTES) continue;
  const br = brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_LGWIN]: constants.BROTLI_MAX_WINDOW_BITS,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
  const gz = gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION });
  writeFileSync(`${path}.br`, br);
  writeFileSync(`${path}.gz`, gz);
  console.log(`precompress: ${name} ${bytes.length} B, brotli ${br.length} B, gzip ${gz.length} B`);
}
