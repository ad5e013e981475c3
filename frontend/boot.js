// Starts Antikor's wasm module. Trunk's default loader is an inline <script>, which the
// server's Content-Security-Policy (script-src 'self') refuses, so Trunk.toml's
// `pattern_script` loads this file instead and passes the hashed file names in its URL.

// The loading screen in the language this browser chose (src/i18n.rs keeps it under this key):
// the wasm that would say it is what is being loaded.
let chosen = null;
try {
  chosen = localStorage.getItem("antikor.lang");
} catch {
  // Storage refused (a privacy setting): the page stays in Bulgarian, as the app will.
}
if (chosen === "en") {
  document.documentElement.lang = "en";
  for (const [selector, text] of [
    ["#boot-shell .brand__name", "Antikor"],
    ["#boot-shell .loading", "Loading…"],
  ]) {
    const element = document.querySelector(selector);
    if (element) element.textContent = text;
  }
}

const params = new URL(import.meta.url).searchParams;
const init = (await import(params.get("js"))).default;
const wasm = await init({ module_or_path: params.get("wasm") });
dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm } }));
