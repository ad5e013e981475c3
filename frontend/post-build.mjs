// Trunk's post-build hook, on the Node that wasm-opt already needs:
// 0. the app's wasm, split by page (build-wasm.mjs), the script that starts it, and what each
//    lazy route needs (for boot.js, in a <meta>);
// 1. the message catalogue, one file per language, named by the hash of its content: the app
//    fetches only its page's language (boot.js), which index.html names in a <meta>;
// 2. in release builds, beside each built file worth compressing, `.br` (brotli at its highest
//    quality) and `.gz` (gzip -9), so the server sends the smaller one the browser accepts
//    without compressing on every request. A debug build's wasm is tens of megabytes and
//    rebuilt every few minutes: it is left as it is.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { buildWasm } from "./build-wasm.mjs";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("post-build: TRUNK_STAGING_DIR is not set (run by Trunk's post_build hook)");
  process.exit(1);
}

const release = process.env.TRUNK_PROFILE === "release";
const publicUrl = process.env.TRUNK_PUBLIC_URL ?? "/";
const source = process.env.TRUNK_SOURCE_DIR ?? "frontend";
const root = resolve(source, "..");
const targetDir = process.env.CARGO_TARGET_DIR ?? join(root, "target");
const app = buildWasm({
  root,
  outDir: dir,
  workDir: join(targetDir, "wasm-split", release ? "release" : "debug"),
  release,
  publicUrl,
});

// The languages of shared/src/i18n.rs (`Lang::ALL`), whose files live in shared/locales/.
const LANGUAGES = ["bg", "en"];
const LOCALES = join(root, "shared", "locales");

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
// Trunk leaves the link that tells it not to build the app (index.html): no browser needs it.
const html = readFileSync(index, "utf8").replace(/\n\s*<link data-trunk rel="rust"[^>]*>/, "");
if (!html.includes("</head>")) {
  console.error("post-build: index.html has no </head> to name the catalogue in");
  process.exit(1);
}
// For a single-quoted attribute: JSON's own quotes stay as they are.
const escapeAttribute = (text) => text.replaceAll("&", "&amp;").replaceAll("'", "&#39;");

// The server's CSP allows no inline scripts, so the app starts from boot.js, which takes the
// hashed file names from its own URL.
const boot = `${publicUrl}boot.js?js=${app.js}&amp;wasm=${app.wasm}`;
writeFileSync(
  index,
  html.replace(
    "</head>",
    `  <meta name="antikor-catalogue" ${attributes} />\n` +
      // Fetched at once, before boot.js asks for them, as Trunk's own step did.
      `    <link rel="modulepreload" href="${app.js}" />\n` +
      `    <link rel="preload" href="${app.wasm}" as="fetch" type="application/wasm" crossorigin="anonymous" />\n` +
      `    <meta name="antikor-lazy-routes" content='${escapeAttribute(JSON.stringify(app.lazy))}' />\n` +
      `    <script type="module" src="${boot}"></script>\n  </head>`,
  ),
);

if (!release) process.exit(0);

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
