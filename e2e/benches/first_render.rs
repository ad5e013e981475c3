//! How soon a visitor sees Antikor: the built frontend in a real Chromium, on loopback and on
//! DevTools' "Fast 3G" profile, each load from an empty cache.
//!
//! `cargo bench -p antikor-e2e --bench first_render` after a release build of the frontend
//! (the README's run command makes one); `DIST=folder` measures another build, for a before
//! and after. Prints, per page and network, the median of `RUNS` loads (default 5) of:
//! - first paint: the header and loading line that `index.html` shows by itself;
//! - app started: the wasm runs and has replaced the loading screen;
//! - page shown: the page's heading is in place;
//!
//! and what the load transferred, every file counted (the page, the style, the scripts, the
//! main wasm, the catalogue and the wasm files of the page's lazy route).

use antikor_e2e::browser::{Driver, Viewport, browser_sized};
use antikor_e2e::{Server, workspace_root};
use fantoccini::Client;
use fantoccini::wd::WebDriverCompatibleCommand;
use std::path::PathBuf;
use std::time::Duration;

/// A network as Chromium emulates it (`latency` in ms, throughputs in bytes per second).
#[derive(Debug)]
struct Network {
    name: &'static str,
    latency: f64,
    download: f64,
    upload: f64,
}

/// DevTools' preset "Fast 3G": 562.5 ms of latency, 1.6 Mbit/s down and 750 kbit/s up, each
/// at 90 %.
const FAST_3G: Network = Network {
    name: "Fast 3G",
    latency: 562.5,
    download: 1_600_000.0 / 8.0 * 0.9,
    upload: 750_000.0 / 8.0 * 0.9,
};

const LOOPBACK: Network = Network {
    name: "loopback",
    latency: 0.0,
    download: -1.0,
    upload: -1.0,
};

/// chromedriver's own command for the emulated network of a session.
#[derive(Debug)]
struct SetNetwork(&'static Network);

impl WebDriverCompatibleCommand for SetNetwork {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        let session = session_id.unwrap_or_default();
        base_url.join(&format!("session/{session}/chromium/network_conditions"))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        let body = serde_json::json!({ "network_conditions": {
            "offline": false,
            "latency": self.0.latency,
            "download_throughput": self.0.download,
            "upload_throughput": self.0.upload,
        }});
        (http::Method::POST, Some(body.to_string()))
    }
}

/// The three moments of one load, in ms from the start of navigation, and the bytes it
/// transferred.
#[derive(Clone, Copy)]
struct Load {
    painted: f64,
    started: f64,
    shown: f64,
    transferred: f64,
}

/// Loads `path` in a fresh browser (nothing cached) on `network`.
async fn load(driver: &Driver, base: &str, path: &str, network: &'static Network) -> Load {
    let profile = tempfile::tempdir().unwrap();
    let client: Client = browser_sized(driver, profile.path(), Viewport::Laptop).await;
    client.issue_cmd(SetNetwork(network)).await.unwrap();
    client.goto(&format!("{base}{path}")).await.unwrap();
    // Resolves once the app has started and the page's heading is in place, reading the
    // page's own clock every 5 ms (so each moment is at most that late).
    let moments = client
        .execute_async(
            r##"const done = arguments[arguments.length - 1];
               let started;
               const poll = setInterval(() => {
                 // src/main.rs removes index.html's loading screen first thing.
                 if (started === undefined && !document.getElementById("boot-shell")) {
                   started = performance.now();
                 }
                 if (started === undefined || !document.querySelector("#main h1")) return;
                 clearInterval(poll);
                 const paint = performance.getEntriesByName("first-contentful-paint")[0];
                 const files = [
                   ...performance.getEntriesByType("navigation"),
                   ...performance.getEntriesByType("resource"),
                 ];
                 const bytes = files.reduce((sum, file) => sum + file.transferSize, 0);
                 done([paint?.startTime ?? -1, started, performance.now(), bytes]);
               }, 5);"##,
            vec![],
        )
        .await
        .unwrap();
    client.close().await.unwrap();
    let [painted, started, shown, transferred]: [f64; 4] = serde_json::from_value(moments).unwrap();
    Load {
        painted,
        started,
        shown,
        transferred,
    }
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

#[tokio::main]
async fn main() {
    let dist = std::env::var_os("DIST")
        .map_or_else(|| workspace_root().join("frontend/dist"), PathBuf::from);
    let runs: usize = std::env::var("RUNS").map_or(5, |n| n.parse().expect("RUNS is a number"));
    let files: Vec<PathBuf> = std::fs::read_dir(&dist)
        .expect("a built frontend (trunk build --release)")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "wasm"))
        .collect();
    // Raw, gzip and brotli bytes of the files `keep` picks.
    let sizes = |keep: &dyn Fn(&str) -> bool| {
        let mut sizes = [0; 3];
        for file in files.iter().filter(|f| keep(&f.to_string_lossy())) {
            for (size, suffix) in sizes.iter_mut().zip(["", ".gz", ".br"]) {
                let mut path = file.clone().into_os_string();
                path.push(suffix);
                *size += std::fs::metadata(path).map_or(0, |m| m.len());
            }
        }
        sizes
    };
    let [raw, gzip, brotli] = sizes(&|name| name.ends_with("_bg.wasm"));
    let [all_raw, all_gzip, all_brotli] = sizes(&|_| true);
    println!(
        "frontend {}: main wasm {raw} B raw, {gzip} B gzip, {brotli} B brotli; all {} wasm \
         files {all_raw} B raw, {all_gzip} B gzip, {all_brotli} B brotli; {runs} loads each, \
         medians",
        dist.display(),
        files.len(),
    );
    let data = tempfile::tempdir().unwrap();
    let server = Server::start_with(data.path(), &dist, &["--demo"]).unwrap();
    let driver = Driver::start();
    for network in [&LOOPBACK, &FAST_3G] {
        for path in ["/", "/signal", "/plan"] {
            let mut loads = Vec::new();
            for _ in 0..runs {
                loads.push(load(&driver, &server.base_url, path, network).await);
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            let of = |moment: fn(&Load) -> f64| median(loads.iter().map(moment).collect());
            println!(
                "{:<9} {:<8} first paint {:>6.0} ms   app started {:>6.0} ms   page shown {:>6.0} ms   \
                 {:>7.0} B transferred",
                network.name,
                path,
                of(|l| l.painted),
                of(|l| l.started),
                of(|l| l.shown),
                of(|l| l.transferred),
            );
        }
    }
}
