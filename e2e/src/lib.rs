//! End-to-end test support: find and run the real `antikor` binary and the test browser.
#![forbid(unsafe_code)]

pub mod browser;
pub mod postgres;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The workspace's root folder.
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("e2e sits in the workspace")
        .to_owned()
}

/// The `antikor` binary under test: `$ANTIKOR_BIN`, or the debug build in `target/`.
///
/// The test command builds it first (`cargo build -p antikor-server`); a missing binary is an
/// error that says so, never a skipped test.
pub fn antikor_bin() -> PathBuf {
    let path = std::env::var_os("ANTIKOR_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            let target = std::env::var_os("CARGO_TARGET_DIR")
                .map(PathBuf::from)
                .unwrap_or_else(|| workspace_root().join("target"));
            target.join("debug").join("antikor")
        });
    assert!(
        path.exists(),
        "{} is missing: run `cargo build -p antikor-server` first",
        path.display()
    );
    path
}

/// Runs `antikor user create --data DATA ARGS…` with the password on standard input, as an
/// operator creates the first account.
pub fn create_user(data: &Path, args: &[&str], password: &str) -> std::process::Output {
    use std::io::Write;
    let mut child = Command::new(antikor_bin())
        .args(["user", "create", "--data"])
        .arg(data)
        .args(args)
        .env("ANTIKOR_LOG", "error")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    writeln!(child.stdin.take().unwrap(), "{password}").unwrap();
    child.wait_with_output().unwrap()
}

/// A running `antikor serve`, killed when dropped.
pub struct Server {
    /// The process.
    pub child: Child,
    /// `http://127.0.0.1:PORT`.
    pub base_url: String,
}

impl Server {
    /// Starts the server on `data` (with the frontend in `assets`) on a free port and waits
    /// until it listens.
    pub fn start(data: &Path, assets: &Path) -> anyhow::Result<Self> {
        Self::start_with(data, assets, &[])
    }

    /// Like [`Server::start`], with `extra` arguments for `antikor serve`, e.g. `--demo`.
    pub fn start_with(data: &Path, assets: &Path, extra: &[&str]) -> anyhow::Result<Self> {
        Self::start_with_env(data, assets, extra, &[])
    }

    /// Like [`Server::start_with`], with variables `env` set for the process.
    pub fn start_with_env(
        data: &Path,
        assets: &Path,
        extra: &[&str],
        env: &[(&str, &Path)],
    ) -> anyhow::Result<Self> {
        let mut child = Command::new(antikor_bin())
            .envs(env.iter().copied())
            .args(["serve", "--listen", "127.0.0.1:0", "--data"])
            .arg(data)
            .arg("--assets")
            .arg(assets)
            .args(extra)
            .env("ANTIKOR_LOG", "warn")
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()?;
        let stdout = child.stdout.take().expect("piped");
        let mut line = String::new();
        BufReader::new(stdout).read_line(&mut line)?;
        let Some(address) = line.trim().strip_prefix("listening on ") else {
            let _ = child.kill();
            anyhow::bail!("the server did not start (it printed {line:?})");
        };
        Ok(Self {
            base_url: address.to_owned(),
            child,
        })
    }

    /// Sends SIGTERM and waits up to `timeout` for the process to exit; returns whether it
    /// exited successfully.
    pub fn terminate(&mut self, timeout: Duration) -> anyhow::Result<bool> {
        let status = Command::new("kill")
            .arg("-TERM")
            .arg(self.child.id().to_string())
            .status()?;
        anyhow::ensure!(status.success(), "kill -TERM failed");
        let deadline = Instant::now() + timeout;
        loop {
            if let Some(status) = self.child.try_wait()? {
                return Ok(status.success());
            }
            anyhow::ensure!(
                Instant::now() < deadline,
                "the server did not stop within {timeout:?}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A session opened through the API, as a browser holds it.
#[derive(Debug, Clone)]
pub struct ApiSession {
    /// The `Cookie` header value that carries the session.
    pub cookie: String,
    /// The CSRF token changes must echo (`x-csrf-token`).
    pub csrf_token: String,
}

/// Logs in at `base` (`http://127.0.0.1:PORT`) and returns the session; a refused login fails
/// the test.
pub async fn api_login(
    http: &reqwest::Client,
    base: &str,
    username: &str,
    password: &str,
) -> ApiSession {
    let login = http
        .post(format!("{base}/api/session"))
        .json(&serde_json::json!({"username": username, "password": password}))
        .send()
        .await
        .expect("the server answers");
    assert_eq!(login.status(), 200, "login as {username}");
    let cookie = login.headers()["set-cookie"]
        .to_str()
        .expect("an ASCII cookie")
        .split(';')
        .next()
        .expect("a cookie pair")
        .to_owned();
    let session: serde_json::Value = login.json().await.expect("the session as JSON");
    ApiSession {
        cookie,
        csrf_token: session["csrf_token"]
            .as_str()
            .expect("a CSRF token")
            .to_owned(),
    }
}
