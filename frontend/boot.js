// Starts Antikor's wasm module. Trunk's default loader is an inline <script>, which the
// server's Content-Security-Policy (script-src 'self') refuses, so index.html loads this file
// instead, with the hashed file names in its URL (post-build.mjs writes that tag).

// The language this browser chose (src/i18n.rs keeps it under this key, and reads it the same
// way: by its primary subtag, Bulgarian unless English).
let chosen = null;
try {
  chosen = localStorage.getItem("antikor.lang");
} catch {
  // Storage refused (a privacy setting): the page stays in Bulgarian, as the app will.
}
const lang = (chosen ?? "").split(/[-_]/)[0].toLowerCase() === "en" ? "en" : "bg";

// The loading screen in that language: the wasm that would say it is what is being loaded.
const TEXTS = {
  bg: {
    failed: "Антикор не се зареди. Проверете връзката си и презаредете страницата.",
  },
  en: {
    brand: "Antikor",
    loading: "Loading…",
    failed: "Antikor did not load. Check your connection and reload the page.",
  },
};
const shown = (selector, text) => {
  const element = document.querySelector(selector);
  if (element && text) element.textContent = text;
};
if (lang === "en") {
  document.documentElement.lang = "en";
  shown("#boot-shell .brand__name", TEXTS.en.brand);
  shown("#boot-shell .loading", TEXTS.en.loading);
}

// The wasm files of this page's lazy route (post-build.mjs lists them), fetched now beside the
// main module rather than once it runs: the app's loader then finds them in the cache.
try {
  const lazy = JSON.parse(document.querySelector('meta[name="antikor-lazy-routes"]')?.content);
  const here = location.pathname.split("/");
  const matches = (pattern) => {
    const parts = pattern.split("/");
    return parts.length === here.length && parts.every((p, i) => p.startsWith(":") || p === here[i]);
  };
  const group = lazy.routes.find(([pattern]) => matches(pattern))?.[1];
  for (const index of lazy.groups[group] ?? []) {
    const link = document.createElement("link");
    Object.assign(link, { rel: "preload", href: lazy.files[index], as: "fetch", type: "application/wasm" });
    link.crossOrigin = "anonymous";
    document.head.append(link);
  }
} catch {
  // No list (a build without it): the app fetches the route's files itself, only later.
}

// The page's language alone (post-build.mjs names both files), fetched beside the wasm: the
// wasm's download starts at once, and the app starts once both are here.
const named = document.querySelector('meta[name="antikor-catalogue"]')?.dataset[lang];
const params = new URL(import.meta.url).searchParams;
const wasmAnswer = fetch(params.get("wasm"));
try {
  const [catalogue, init] = await Promise.all([
    fetch(named).then((answer) => {
      if (!answer.ok) throw new Error(`the catalogue answered ${answer.status}`);
      return answer.text();
    }),
    import(params.get("js")).then((module) => module.default),
  ]);
  // src/i18n.rs takes it from here as the app starts, and removes it.
  globalThis.antikorCatalogue = catalogue;
  const wasm = await init({ module_or_path: wasmAnswer });
  dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm } }));
} catch (error) {
  shown("#boot-shell .loading", TEXTS[lang].failed);
  document.querySelector("#boot-shell .loading")?.setAttribute("role", "alert");
  throw error;
}
