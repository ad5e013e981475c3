// Starts Antikor's wasm module. Trunk's default loader is an inline <script>, which the
// server's Content-Security-Policy (script-src 'self') refuses, so Trunk.toml's
// `pattern_script` loads this file instead and passes the hashed file names in its URL.
const params = new URL(import.meta.url).searchParams;
const init = (await import(params.get("js"))).default;
const wasm = await init({ module_or_path: params.get("wasm") });
dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm } }));
