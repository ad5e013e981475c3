// The app's wasm, split by page (src/routes.rs), built for post-build.mjs. Trunk's own Rust
// step cannot split (it runs wasm-bindgen and wasm-opt on one module: trunk-rs/trunk#1022), so
// this does what it did, with the splitter in the middle:
// 1. cargo builds the app for wasm32, with the linker's relocations kept (.cargo/config.toml);
// 2. wasm-split-cli cuts it at the `#[wasm_split]` points: the main module, one module per
//    group of pages, chunks of the code that groups share, and the loader (`__wasm_split.js`);
// 3. wasm-bindgen writes the main module's JavaScript, keeping the exports the chunks link to;
// 4. in release builds, wasm-opt shrinks every module;
// 5. every file is named by the hash of its content, as Trunk names what it builds, and the
//    names they use of each other are rewritten to match;
// 6. which files each lazy route needs, for boot.js to fetch them beside the main module: the
//    routes' paths and groups from a custom section of the wasm (src/routes.rs), each group's
//    files from the loader.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const CRATE = "antikor-frontend";
// What the main module's JavaScript and the loader are called while they are being built.
const MAIN_JS = `${CRATE}.js`;
const LOADER_JS = "__wasm_split.js";
// The features rustc's wasm32 target enables, which the split modules keep using.
const WASM_FEATURES = [
  "--enable-bulk-memory",
  "--enable-multivalue",
  "--enable-mutable-globals",
  "--enable-nontrapping-float-to-int",
  "--enable-reference-types",
  "--enable-sign-ext",
];

// The custom section where src/routes.rs lists its routes' paths and groups.
const ROUTES_SECTION = "antikor_lazy_routes";

const hashOf = (...parts) => {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part);
  return hash.digest("hex").slice(0, 16);
};

const run = (program, args, options = {}) => {
  try {
    return execFileSync(program, args, { stdio: ["ignore", "pipe", "inherit"], ...options });
  } catch (error) {
    const why = error.code === "ENOENT" ? "is not installed (see .ci/setup)" : "failed";
    throw new Error(`build-wasm: ${program} ${why}`, { cause: error });
  }
};

/** The `wasm-bindgen` version Cargo.lock pins: the CLI must be exactly that one. */
function lockedBindgenVersion(root) {
  const lock = readFileSync(join(root, "Cargo.lock"), "utf8");
  const version = lock.match(/name = "wasm-bindgen"\nversion = "([^"]+)"/)?.[1];
  if (!version) throw new Error("build-wasm: Cargo.lock names no wasm-bindgen");
  return version;
}

/** Builds the app's wasm (step 1) and returns the path of the linked module. */
function compile(root, release) {
  const args = ["build", "-p", CRATE, "--target", "wasm32-unknown-unknown", "--locked"];
  if (release) args.push("--profile", "wasm-release");
  args.push("--message-format=json-render-diagnostics");
  const messages = run("cargo", args, { cwd: root, maxBuffer: 1 << 30 }).toString().split("\n");
  for (const line of messages) {
    if (!line.startsWith("{")) continue;
    const message = JSON.parse(line);
    if (message.reason === "compiler-artifact" && message.target?.name === CRATE) {
      const wasm = message.filenames.find((name) => name.endsWith(".wasm"));
      if (wasm) return wasm;
    }
  }
  throw new Error("build-wasm: cargo built no wasm for the app");
}

/** Each lazy route's path and group, as src/routes.rs wrote them into the linked wasm. */
function lazyRoutes(linked) {
  const module = new WebAssembly.Module(readFileSync(linked));
  const [section] = WebAssembly.Module.customSections(module, ROUTES_SECTION);
  if (!section) throw new Error(`build-wasm: the wasm has no ${ROUTES_SECTION} section`);
  return new TextDecoder()
    .decode(section)
    .split("\n")
    .filter(Boolean)
    .map((line) => line.split(" "));
}

/**
 * The files each group of pages loads, from the loader: a group's module and the chunks it
 * shares with others (`const __chunk_7 = makeLoad(() => { ... "./chunk_7-<hash>.wasm" ...`,
 * `export const __wasm_split_load_<group> = ...(makeLoad(() => { ... }, [__chunk_7, ...]))`).
 */
function groupFiles(loader, publicUrl) {
  const file = (text) => `${publicUrl}${text.match(/"\.\/([^"]+\.wasm)"/)[1]}`;
  const chunks = new Map();
  for (const [, name, body] of loader.matchAll(/const (__chunk_\d+) = makeLoad\(([\s\S]*?)\n, \[\]\);/g)) {
    chunks.set(name, file(body));
  }
  const groups = {};
  const pattern = /export const __wasm_split_load_(\w+) = wrapAsyncCb\(makeLoad\(([\s\S]*?)\n, \[([^\]]*)\]\)\);/g;
  for (const [, group, body, deps] of loader.matchAll(pattern)) {
    const shared = deps.split(",").map((d) => d.trim()).filter(Boolean);
    groups[group] = [file(body), ...shared.map((d) => chunks.get(d))];
    if (groups[group].includes(undefined)) throw new Error(`build-wasm: ${group} needs an unknown chunk`);
  }
  return groups;
}

/**
 * Builds the app's wasm into `outDir`. Returns the public paths of the main module's
 * JavaScript and wasm, which boot.js loads, and `lazy`, what each lazy route needs:
 * `{ files: ["/chunk_7-<hash>.wasm", ...], groups: { public_pages: [0, 4, ...] },
 *    routes: [["/plan", "public_pages"], ["/report/:year", "public_pages"], ...] }`.
 */
export function buildWasm({ root, outDir, workDir, release, publicUrl = "/" }) {
  const bindgen = lockedBindgenVersion(root);
  const installed = run("wasm-bindgen", ["--version"]).toString();
  if (!installed.includes(` ${bindgen}`)) {
    throw new Error(`build-wasm: wasm-bindgen ${bindgen} is needed, found ${installed.trim()}`);
  }
  const linked = compile(root, release);

  // 2. Split.
  rmSync(workDir, { recursive: true, force: true });
  const split = join(workDir, "split");
  const bound = join(workDir, "bindgen");
  mkdirSync(split, { recursive: true });
  run("wasm-split-cli", [linked, split, "--out-name", CRATE]);

  // 3. The main module's JavaScript.
  run("wasm-bindgen", [
    "--target=web",
    "--keep-lld-exports",
    "--no-typescript",
    `--out-dir=${bound}`,
    `--out-name=${CRATE}`,
    join(split, `${CRATE}.wasm`),
  ]);

  // 4. Smaller modules.
  const modules = readdirSync(split).filter((name) => name.endsWith(".wasm") && name !== `${CRATE}.wasm`);
  if (release) {
    const paths = [join(bound, `${CRATE}_bg.wasm`), ...modules.map((name) => join(split, name))];
    for (const path of paths) run("wasm-opt", ["-Oz", ...WASM_FEATURES, path, "-o", path]);
  }

  // 5. Named by content. The loader names the chunks, and the main module's JavaScript and the
  // loader name each other: those two share one hash, of everything they hold.
  mkdirSync(outDir, { recursive: true });
  let loader = readFileSync(join(split, LOADER_JS), "utf8");
  for (const name of modules) {
    const bytes = readFileSync(join(split, name));
    const hashed = `${name.slice(0, -".wasm".length)}-${hashOf(bytes)}.wasm`;
    const quoted = `"./${name}"`;
    if (!loader.includes(quoted)) throw new Error(`build-wasm: the loader does not name ${name}`);
    loader = loader.replaceAll(quoted, `"./${hashed}"`);
    writeFileSync(join(outDir, hashed), bytes);
  }
  let mainJs = readFileSync(join(bound, MAIN_JS), "utf8");
  const mainWasm = readFileSync(join(bound, `${CRATE}_bg.wasm`));
  const hash = hashOf(mainJs, mainWasm, loader);
  const names = {
    js: `${CRATE}-${hash}.js`,
    wasm: `${CRATE}-${hash}_bg.wasm`,
    loader: `${CRATE}-split-${hash}.js`,
  };
  // Only where a file is imported: the main module also names the loader as the module its
  // wasm imports from, which must stay as the splitter wrote it.
  mainJs = mainJs.replaceAll(`from "./${LOADER_JS}"`, `from "./${names.loader}"`);
  loader = loader.replaceAll(`from "./${MAIN_JS}"`, `from "./${names.js}"`);
  if (!loader.includes(names.js)) throw new Error("build-wasm: the loader does not import the app");
  writeFileSync(join(outDir, names.js), mainJs);
  writeFileSync(join(outDir, names.wasm), mainWasm);
  writeFileSync(join(outDir, names.loader), loader);

  // 6. What each lazy route needs; each file named once, groups point into that list.
  const groups = groupFiles(loader, publicUrl);
  const routes = lazyRoutes(linked);
  for (const [path, group] of routes) {
    if (!groups[group]) throw new Error(`build-wasm: the loader has no group ${group} (${path})`);
  }
  const files = [...new Set(Object.values(groups).flat())].sort();
  const lazy = {
    files,
    groups: Object.fromEntries(
      Object.entries(groups).map(([group, names]) => [group, names.map((n) => files.indexOf(n))]),
    ),
    routes,
  };
  return { js: `${publicUrl}${names.js}`, wasm: `${publicUrl}${names.wasm}`, lazy };
}
