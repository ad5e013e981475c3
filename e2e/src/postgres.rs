//! A throwaway PostgreSQL cluster for tests: initdb in a temporary folder, the server on a
//! free loopback port, stopped and removed when the test drops it (a panicking test too).
//!
//! PostgreSQL refuses to run as root, which CI is: then every command runs as the `postgres`
//! user that Debian's package creates, in a folder given to that user. The binaries are
//! `ANTIKOR_PG_BIN`'s, or the newest of `/usr/lib/postgresql/*/bin` (`.ci/setup` installs them).

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex, Weak};
use std::time::{Duration, Instant};
use tokio_postgres::{Client, NoTls};

/// A running cluster.
pub struct Cluster {
    bin: PathBuf,
    data: PathBuf,
    port: u16,
    as_postgres: bool,
    /// The certificate of the authority that signed the server's, when it speaks TLS.
    ca: Option<PathBuf>,
    _dir: tempfile::TempDir,
}

impl Cluster {
    /// Makes and starts a cluster; fails the test when PostgreSQL is missing.
    pub fn start() -> Self {
        Self::make(false)
    }

    /// A cluster that takes connections to its databases only over TLS (but for the
    /// superuser's to `postgres`, which the tests' own set-up uses), with a certificate for
    /// 127.0.0.1 signed by an authority of its own ([`ca_file`](Self::ca_file)), made with
    /// `openssl`.
    pub fn start_with_tls() -> Self {
        Self::make(true)
    }

    /// The certificate a client must trust to talk to a [`start_with_tls`](Self::start_with_tls)
    /// cluster.
    pub fn ca_file(&self) -> Option<&std::path::Path> {
        self.ca.as_deref()
    }

    fn make(tls: bool) -> Self {
        let bin = binaries();
        let as_postgres = is_root();
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("pg");
        std::fs::create_dir(&data).unwrap();
        if as_postgres {
            let (uid, gid) = (id(&["-u", "postgres"]), id(&["-g", "postgres"]));
            std::os::unix::fs::chown(dir.path(), Some(uid), Some(gid)).unwrap();
            std::os::unix::fs::chown(&data, Some(uid), Some(gid)).unwrap();
        }
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let mut cluster = Self {
            bin,
            data,
            port,
            as_postgres,
            ca: None,
            _dir: dir,
        };
        let data = cluster.data.to_str().unwrap().to_owned();
        cluster.run(
            "initdb",
            &[
                "-D",
                &data,
                "-U",
                "postgres",
                "-A",
                "trust",
                "--no-sync",
                "--no-instructions",
                "-E",
                "UTF8",
                "--locale=C",
            ],
        );
        if tls {
            cluster.ca = Some(cluster.speak_tls());
        }
        cluster.start_again();
        cluster
    }

    /// Makes an authority and a server certificate for 127.0.0.1, and has the server take
    /// connections to every database but `postgres` over TLS only; returns the authority's
    /// certificate.
    fn speak_tls(&self) -> PathBuf {
        let dir = self._dir.path();
        let openssl = |args: &[&str]| {
            let out = Command::new("openssl")
                .args(args)
                .current_dir(dir)
                .output()
                .expect("openssl is installed (with PostgreSQL's ssl-cert)");
            assert!(
                out.status.success(),
                "openssl {args:?}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        };
        std::fs::write(
            dir.join("san.ext"),
            "subjectAltName=IP:127.0.0.1
",
        )
        .unwrap();
        openssl(&[
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "2",
            "-subj",
            "/CN=Antikor test authority",
            "-keyout",
            "ca.key",
            "-out",
            "ca.crt",
        ]);
        openssl(&[
            "req",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-subj",
            "/CN=127.0.0.1",
            "-keyout",
            "server.key",
            "-out",
            "server.csr",
        ]);
        openssl(&[
            "x509",
            "-req",
            "-in",
            "server.csr",
            "-CA",
            "ca.crt",
            "-CAkey",
            "ca.key",
            "-CAcreateserial",
            "-days",
            "2",
            "-extfile",
            "san.ext",
            "-out",
            "server.crt",
        ]);
        for file in ["server.crt", "server.key"] {
            let to = self.data.join(file);
            std::fs::copy(dir.join(file), &to).unwrap();
            std::fs::set_permissions(&to, std::os::unix::fs::PermissionsExt::from_mode(0o600))
                .unwrap();
            if self.as_postgres {
                let (uid, gid) = (id(&["-u", "postgres"]), id(&["-g", "postgres"]));
                std::os::unix::fs::chown(&to, Some(uid), Some(gid)).unwrap();
            }
        }
        let conf = self.data.join("postgresql.conf");
        let mut settings = std::fs::read_to_string(&conf).unwrap();
        settings
            .push_str("\nssl = on\nssl_cert_file = 'server.crt'\nssl_key_file = 'server.key'\n");
        std::fs::write(&conf, settings).unwrap();
        std::fs::write(
            self.data.join("pg_hba.conf"),
            "host    postgres postgres 127.0.0.1/32 trust\nhostssl all      all      127.0.0.1/32 trust\n",
        )
        .unwrap();
        dir.join("ca.crt")
    }

    /// A connection to `database` as the superuser.
    pub async fn connect(&self, database: &str) -> Client {
        let config = format!(
            "host=127.0.0.1 port={} user=postgres dbname={database}",
            self.port
        );
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            match tokio_postgres::connect(&config, NoTls).await {
                Ok((client, connection)) => {
                    tokio::spawn(connection);
                    return client;
                }
                Err(_) if Instant::now() < deadline => {
                    tokio::time::sleep(Duration::from_millis(50)).await;
                }
                Err(e) => panic!("connecting to the test cluster: {e}"),
            }
        }
    }

    /// Starts the server of the cluster (again, after [`stop_immediately`](Self::stop_immediately)).
    pub fn start_again(&self) {
        let data = self.data.to_str().unwrap().to_owned();
        // Only the loopback and no socket file; synchronous_commit stays on, as in production.
        let options = format!("-h 127.0.0.1 -p {} -k '' -c fsync=on", self.port);
        self.run(
            "pg_ctl",
            &[
                "-D",
                &data,
                "-o",
                &options,
                "-l",
                &format!("{data}/server.log"),
                "-w",
                "start",
            ],
        );
    }

    /// Stops the server as a crash would: at once, without a checkpoint, so that the next start
    /// recovers from the WAL.
    pub fn stop_immediately(&self) {
        let data = self.data.to_str().unwrap().to_owned();
        self.run("pg_ctl", &["-D", &data, "-m", "immediate", "-w", "stop"]);
    }

    /// The address of `database`, as a server is given it.
    pub fn url(&self, database: &str) -> String {
        format!("postgres://postgres@127.0.0.1:{}/{database}", self.port)
    }

    /// A cluster shared by the tests that run at the same time, each in a database of its own:
    /// stopped when the last of them drops it (the next one then starts another). Starting one
    /// costs a second or two; the tests of one module run side by side and share it.
    pub fn shared() -> Arc<Self> {
        static SHARED: Mutex<Weak<Cluster>> = Mutex::new(Weak::new());
        let mut shared = SHARED.lock().unwrap();
        if let Some(cluster) = shared.upgrade() {
            return cluster;
        }
        let cluster = Arc::new(Self::start());
        *shared = Arc::downgrade(&cluster);
        cluster
    }

    /// A fresh database of the cluster, with a name no other test of this run uses.
    pub async fn fresh_database(&self) -> String {
        static NEXT: AtomicU32 = AtomicU32::new(1);
        let name = format!("test_{}", NEXT.fetch_add(1, Ordering::Relaxed));
        self.connect("postgres")
            .await
            .batch_execute(&format!("CREATE DATABASE {name}"))
            .await
            .unwrap();
        name
    }

    /// A fresh database of the cluster, connected.
    pub async fn database(&self, name: &str) -> Client {
        let admin = self.connect("postgres").await;
        admin
            .batch_execute(&format!("CREATE DATABASE {name}"))
            .await
            .unwrap();
        self.connect(name).await
    }

    fn command(&self, tool: &str) -> Command {
        let path = self.bin.join(tool);
        if self.as_postgres {
            let mut command = Command::new("runuser");
            command.args(["-u", "postgres", "--"]).arg(path);
            command
        } else {
            Command::new(path)
        }
    }

    fn run(&self, tool: &str, args: &[&str]) {
        let out = self
            .command(tool)
            .args(args)
            .stdin(Stdio::null())
            .output()
            .unwrap_or_else(|e| panic!("running {tool}: {e}"));
        assert!(
            out.status.success(),
            "{tool} failed: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let data = self.data.to_str().unwrap().to_owned();
        let _ = self
            .command("pg_ctl")
            .args(["-D", &data, "-m", "immediate", "-w", "stop"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
    }
}

fn binaries() -> PathBuf {
    if let Some(bin) = std::env::var_os("ANTIKOR_PG_BIN") {
        return PathBuf::from(bin);
    }
    let mut found: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let version = e.file_name().to_str()?.parse().ok()?;
            let bin = e.path().join("bin");
            bin.join("initdb").exists().then_some((version, bin))
        })
        .collect();
    found.sort();
    found.pop().map(|(_, bin)| bin).expect(
        "PostgreSQL's server is not installed (the test command installs Debian's postgresql)",
    )
}

fn is_root() -> bool {
    id(&["-u"]) == 0
}

/// A number `id` prints: the caller's or a user's uid or gid.
fn id(args: &[&str]) -> u32 {
    let out = Command::new("id").args(args).output().unwrap();
    String::from_utf8(out.stdout)
        .unwrap()
        .trim()
        .parse()
        .unwrap()
}
