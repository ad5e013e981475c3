// Trunk's post-build hook, on the Node that wasm-opt already needs:
// 1. the message catalogue, one file per language, named by the hash of its content: the app
//    fetches only its page's language (boot.js), which index.html names in a <meta>;
// 2. in release builds, beside each built file worth compressing, `.br` (brotli at its highest
//    quality) and `.gz` (gzip -9), so the server sends the smaller one the browser accepts
//    without compressing on every request. A debug build's wasm is tens of megabytes and
//    rebuilt every few minutes: it is left as it is.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("post-build: TRUNK_STAGING_DIR is not set (run by Trunk's post_build hook)");
  process.exit(1);
}

// The languages of shared/src/i18n.rs (`Lang::ALL`), whose files live in shared/locales/.
const LANGUAGES = ["bg", "en"];
const LOCALES = join(process.env.TRUNK_SOURCE_DIR ?? "frontend", "..", "shared", "locales");

const catalogue = {};
for (const lang of LANGUAGES) {
  const folder = join(LOCALES, lang);
  const files = readdirSync(folder).filter((name) => name.endsWith(".ftl")).sort();
  // Comments are for translators. In Fluent a line that starts with `#` is always one (a
  // message's continuation lines are indented), so dropping them changes no message:
  // shared/src/i18n.rs's `a_language_installs_from_its_file_alone` holds the files to that.
  const text = files
    .map((name) =>
      readFileSync(join(folder, name), "utf8")
        .split("\n")
        .filter((line) => !line.startsWith("#"))
        .join("\n"),
    )
    .join("\n");
  const hash = createHash("sha256").update(text).digest("hex").slice(0, 16);
  // `name-<16 hex>.ext`, as Trunk names what it hashes: the server keeps such files for good.
  const name = `catalogue-${lang}-${hash}.ftl`;
  writeFileSync(join(dir, name), text);
  catalogue[lang] = `/${name}`;
}
const index = join(dir, "index.html");
const attributes = LANGUAGES.map((lang) => `data-${lang}="${catalogue[lang]}"`).join(" ");
const html = readFileSync(index, "utf8");
if (!html.includes("</head>")) {
  console.error("post-build: index.html has no </head> to name the catalogue in");
  process.exit(1);
}
writeFileSync(
  index,
  html.replace("</head>", `  <meta name="antikor-catalogue" ${attributes} />\n  </head>`),
);

if (process.env.TRUNK_PROFILE !== "release") process.exit(0);

// Below this, the compressed file's own headers are most of what it saves.
const MIN_BYTES = 1024;
const COMPRESSIBLE = /\.(wasm|js|css|svg|ftl)$/;

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
  console.log(`post-build: ${name} ${bytes.length} B, brotli ${br.length} B, gzip ${gz.length} B`);
}
