//! The `antikor` command: serve the product, or verify the event log offline.
#![forbid(unsafe_code)]

use antikor_server::auth::session::SessionPolicy;
use antikor_server::connections::{self, Timeouts};
use antikor_server::{App, Config, router};
use antikor_shared::account::Role;
use antikor_shared::i18n::Lang;
use antikor_shared::tenant::RegisterTenant;
use antikor_shared::tlog::{self, SigningKey, VerifierKey, WitnessKey};
use antikor_shared::{ProvinceCode, TenantId, Username};
use anyhow::Context;
use clap::{Parser, Subcommand};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

/// Antikor: the anti-corruption action plan of Blagoevgrad province, on an auditable event log.
#[derive(Parser)]
#[command(version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Runs the server: JSON API and the built frontend.
    Serve {
        /// Data folder (created if missing).
        #[arg(long, env = "ANTIKOR_DATA", default_value = "data")]
        data: PathBuf,
        /// Address to listen on.
        #[arg(long, env = "ANTIKOR_LISTEN", default_value = "127.0.0.1:8080")]
        listen: SocketAddr,
        /// The built frontend (Trunk's dist folder).
        #[arg(long, env = "ANTIKOR_ASSETS", default_value = "frontend/dist")]
        assets: PathBuf,
        /// Create the demo accounts listed in the README (one known password: never with real
        /// data).
        #[arg(long, env = "ANTIKOR_DEMO")]
        demo: bool,
        /// The site is served over TLS (by a reverse proxy): mark the session cookie `Secure`
        /// and give it the `__Host-` prefix.
        #[arg(long, env = "ANTIKOR_SECURE_COOKIES")]
        secure_cookies: bool,
        /// Minutes of inactivity after which a session ends.
        #[arg(long, env = "ANTIKOR_SESSION_IDLE_MINUTES", default_value_t = 30)]
        session_idle_minutes: u64,
        /// Hours after login after which a session ends however active.
        #[arg(long, env = "ANTIKOR_SESSION_HOURS", default_value_t = 12)]
        session_hours: u64,
        /// The vault's master key file (default: DATA/vault.key, created on first start).
        /// Keep it apart from the data's backups.
        #[arg(long, env = "ANTIKOR_KEY_FILE")]
        key_file: Option<PathBuf>,
        /// The key that signs the log's checkpoints (default: DATA/log.key, created on first
        /// start). Keep a copy apart from the data's backups.
        #[arg(long, env = "ANTIKOR_LOG_KEY_FILE")]
        log_key_file: Option<PathBuf>,
        /// The log's name in its checkpoints, given to a new key, e.g. `antikor.blagoevgrad.bg`
        /// (default: `antikor.local/` and 8 random hex digits).
        #[arg(long, env = "ANTIKOR_LOG_ORIGIN")]
        log_origin: Option<String>,
        /// A witness to submit every new checkpoint to, as `URL=KEY` (its base URL and its
        /// verifier key); repeat for several, or separate them with commas in
        /// `ANTIKOR_WITNESSES`.
        #[arg(long = "witness", env = "ANTIKOR_WITNESSES", value_delimiter = ',', value_parser = parse_witness)]
        witnesses: Vec<(String, WitnessKey)>,
        /// Seconds a client has to finish a request head once it has begun one; a slower
        /// client is cut off.
        #[arg(long, env = "ANTIKOR_HEADER_TIMEOUT_SECONDS", value_parser = clap::value_parser!(u64).range(1..),
            default_value_t = Timeouts::default().header.as_secs())]
        header_timeout_seconds: u64,
        /// Seconds a connection may stay open without a request (a response being sent, such
        /// as a live feed, is not idle).
        #[arg(long, env = "ANTIKOR_IDLE_TIMEOUT_SECONDS", value_parser = clap::value_parser!(u64).range(1..),
            default_value_t = Timeouts::default().idle.as_secs())]
        idle_timeout_seconds: u64,
        /// Seconds a request body may go without a byte; a client that stalls its body longer
        /// is answered 400 and cut off.
        #[arg(long, env = "ANTIKOR_BODY_TIMEOUT_SECONDS", value_parser = clap::value_parser!(u64).range(1..),
            default_value_t = Timeouts::default().body.as_secs())]
        body_timeout_seconds: u64,
        /// Seconds the requests in flight get to finish after SIGTERM; the connections still
        /// open then are dropped, and the server stops.
        #[arg(long, env = "ANTIKOR_SHUTDOWN_TIMEOUT_SECONDS",
            default_value_t = Timeouts::default().shutdown.as_secs())]
        shutdown_timeout_seconds: u64,
        /// Events past the newest snapshot of the read models that make the server write a new
        /// one (in the background, and when it stops); a large log waits for a quarter of its
        /// size. A start folds only the events after the snapshot.
        #[arg(long, env = "ANTIKOR_SNAPSHOT_AFTER", value_parser = clap::value_parser!(u64).range(1..),
            default_value_t = antikor_server::app::SNAPSHOT_AFTER)]
        snapshot_after: u64,
        /// The SMTP relay for e-mail about what waits, e.g. `smtp://relay.example.bg:25`,
        /// `smtp://user:password@relay.example.bg:587?tls=required` or
        /// `smtps://relay.example.bg`. Without it, no e-mail is sent.
        #[arg(long, env = "ANTIKOR_SMTP_URL", requires_all = ["smtp_from", "public_url"])]
        smtp_url: Option<String>,
        /// The e-mail's sender, e.g. `Антикор <antikor@example.bg>`.
        #[arg(long, env = "ANTIKOR_SMTP_FROM")]
        smtp_from: Option<String>,
        /// The address people open Antikor at, for the links in e-mail, e.g.
        /// `https://antikor.example.bg`.
        #[arg(long, env = "ANTIKOR_PUBLIC_URL")]
        public_url: Option<String>,
        /// Keep the event log in this PostgreSQL database instead of the data folder, e.g.
        /// `postgres://antikor@db.example.bg/antikor`. The schema is created or brought up to
        /// date at start. The rest of the state stays in the data folder.
        #[arg(long, env = "ANTIKOR_DATABASE_URL")]
        database: Option<String>,
    },
    /// Runs a witness of Antikor logs (C2SP tlog-witness): it cosigns a log's checkpoints only
    /// when each extends the last one it cosigned, and refuses a rolled-back or forked log.
    Witness {
        /// Its folder: its key (`witness.key`, created on first start) and what it cosigned.
        #[arg(long, env = "ANTIKOR_WITNESS_DATA", default_value = "witness")]
        data: PathBuf,
        /// Address to listen on.
        #[arg(long, env = "ANTIKOR_WITNESS_LISTEN", default_value = "127.0.0.1:7380")]
        listen: SocketAddr,
        /// The witness's name, given to a new key (e.g. `smetna-palata.bg/witness`).
        #[arg(long, default_value = "antikor-witness")]
        name: String,
        /// The verifier key of a log to witness (from its /api/log/key); repeat for several.
        #[arg(long = "log", required = true)]
        logs: Vec<String>,
    },
    /// Manages accounts while the server is stopped.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// Registers tenants while the server is stopped: provinces and municipalities from the
    /// NSI list, national bodies as described.
    Tenants {
        #[command(subcommand)]
        command: TenantsCommand,
    },
    /// The vault's master key, while the server is stopped.
    Key {
        #[command(subcommand)]
        command: KeyCommand,
    },
    /// The auditor's own copy of the log: export and check a bundle.
    Bundle {
        #[command(subcommand)]
        command: BundleCommand,
    },
    /// Keeps a full copy of a log, following it over HTTP as an auditor and checking every
    /// event against the log's signed checkpoints, with the evidence files its records attach;
    /// `recover` rebuilds a damaged folder from it.
    /// The password is read from ANTIKOR_MIRROR_PASSWORD or standard input.
    Mirror {
        /// The log server's base URL.
        #[arg(long)]
        from: String,
        /// The mirror's folder.
        #[arg(long, env = "ANTIKOR_MIRROR_DATA", default_value = "mirror")]
        data: PathBuf,
        /// An auditor's account on the log server.
        #[arg(long)]
        username: String,
        /// The log's verifier key (default: the server's, kept from the first run).
        #[arg(long)]
        key: Option<String>,
        /// Copy once and exit, instead of following.
        #[arg(long)]
        once: bool,
        /// Seconds between rounds while following.
        #[arg(long, default_value_t = 10)]
        interval_seconds: u64,
    },
    /// Folds the read models again from the whole log, verifying every link of the chain on
    /// the way, and writes a fresh snapshot: what a start does when it cannot use the snapshot,
    /// done on request (after restoring a backup, or to be sure). Exits 1 when the log fails
    /// verification (no snapshot is kept then). The server must be stopped.
    Rebuild {
        /// Data folder.
        #[arg(long, env = "ANTIKOR_DATA", default_value = "data")]
        data: PathBuf,
        /// The log's signing key, under which the snapshot is authenticated (default:
        /// DATA/log.key).
        #[arg(long, env = "ANTIKOR_LOG_KEY_FILE")]
        log_key_file: Option<PathBuf>,
        /// Rebuild the log in this PostgreSQL database, and the snapshot its servers share,
        /// instead of the data folder's.
        #[arg(long, env = "ANTIKOR_DATABASE_URL")]
        database: Option<String>,
    },
    /// The event log itself, while the servers are stopped.
    Store {
        #[command(subcommand)]
        command: StoreCommand,
    },
    /// Rebuilds the log of a damaged data folder from a mirror, after proving that the mirror
    /// extends what the damaged log last acknowledged, and puts back the evidence files the
    /// folder lacks. The damaged log is kept beside it. The server must be stopped.
    Recover {
        /// The mirror's folder.
        #[arg(long)]
        from: PathBuf,
        /// The damaged data folder.
        #[arg(long, env = "ANTIKOR_DATA", default_value = "data")]
        data: PathBuf,
    },
    /// Checks the whole event log without changing it (it works on a copy of a data folder's,
    /// or reads a database's where it is): every link of the hash chain, the Merkle tree
    /// against the anchor or the stored tree, and optionally that the log extends a checkpoint
    /// saved earlier. Exits 0 when all holds, 1 naming the first bad position (or the rollback
    /// or fork), 2 when it could not run. The server must be stopped (a data folder's).
    Verify {
        /// Data folder.
        #[arg(long, env = "ANTIKOR_DATA", default_value = "data")]
        data: PathBuf,
        /// A signed checkpoint saved earlier (from /api/log/checkpoint, a witness, notes):
        /// the log must extend it.
        #[arg(long)]
        checkpoint: Option<PathBuf>,
        /// The log's verifier key (`name+hash+base64`, or a file holding it) that signs the
        /// checkpoint; default: the public half of DATA/log.key.
        #[arg(long)]
        key: Option<String>,
        /// Check the log in this PostgreSQL database instead of the data folder's, where it is.
        #[arg(long, env = "ANTIKOR_DATABASE_URL")]
        database: Option<String>,
    },
}

#[derive(Subcommand)]
enum BundleCommand {
    /// Writes the whole log as a bundle: every event's leaf bytes and a checkpoint over them,
    /// signed with the log's key. Works on a copy; the server must be stopped.
    Export {
        /// Data folder.
        #[arg(long, env = "ANTIKOR_DATA", default_value = "data")]
        data: PathBuf,
        /// The bundle file to write.
        #[arg(long)]
        out: PathBuf,
        /// The log's signing key file, as given to `serve` (default: DATA/log.key).
        #[arg(long, env = "ANTIKOR_LOG_KEY_FILE")]
        log_key_file: Option<PathBuf>,
    },
    /// Checks a bundle with no server and no data folder: the checkpoint's signature, every
    /// leaf, the root, and optionally that the log extends an earlier checkpoint. Exits 0 when
    /// all holds, 1 otherwise.
    Verify {
        /// The bundle file.
        file: PathBuf,
        /// A signed checkpoint saved earlier: the bundle's log must extend it.
        #[arg(long)]
        checkpoint: Option<PathBuf>,
        /// The verifier key you trust (`name+hash+base64`, or a file holding it); without it,
        /// the key the bundle names is used and its fingerprint printed to compare.
        #[arg(long)]
        key: Option<String>,
    },
}

#[derive(Subcommand)]
enum UserCommand {
    /// Creates an account, e.g. the first regional admin. The password is read from standard
    /// input when it is not a terminal, otherwise asked for twice without echo.
    Create {
        /// Where the installation keeps its state.
        #[command(flatten)]
        at: Installation,
        /// The account's tenant, e.g. `oblast` or `bansko`.
        #[arg(long)]
        tenant: TenantId,
        /// officer, tenant_admin, regional, regional_admin, auditor or national.
        #[arg(long, value_parser = parse_role)]
        role: Role,
        /// Login name (lowercase Latin letters, digits, . - _).
        #[arg(long)]
        username: Username,
        /// The person's name (defaults to the username).
        #[arg(long)]
        name: Option<String>,
    },
}

#[derive(Subcommand)]
enum TenantsCommand {
    /// Registers what is named and not registered yet; what is registered already is left as
    /// it is, so the command can be run again.
    Register {
        /// Where the installation keeps its state.
        #[command(flatten)]
        at: Installation,
        /// Every province: its regional administration and its municipalities.
        #[arg(long, conflicts_with_all = ["province", "municipality", "national"])]
        country: bool,
        /// A province by its NSI code (e.g. BGS): its regional administration and its
        /// municipalities.
        #[arg(long)]
        province: Option<ProvinceCode>,
        /// One municipality by its NSI code (e.g. BGS04).
        #[arg(long)]
        municipality: Option<String>,
        /// A national body's slug (e.g. kpk); give --name-bg, --name-en and --code with it.
        #[arg(long, requires_all = ["name_bg", "name_en", "code"])]
        national: Option<TenantId>,
        /// The national body's name in Bulgarian.
        #[arg(long)]
        name_bg: Option<String>,
        /// The national body's name in English.
        #[arg(long)]
        name_en: Option<String>,
        /// The national body's official code (e.g. its UIC).
        #[arg(long)]
        code: Option<String>,
    },
}

#[derive(Subcommand)]
enum KeyCommand {
    /// Rewraps every signal key under a new master key, written over the key file; the old
    /// key opens nothing afterwards. Recorded in the log as `VaultKeyRotated`.
    Rotate {
        /// Where the installation keeps its state.
        #[command(flatten)]
        at: Installation,
    },
}

#[derive(Subcommand)]
enum StoreCommand {
    /// Copies the event log between a data folder and a PostgreSQL database (either way, or
    /// between two of a kind), record by record as it is, and proves the copy: the destination
    /// ends with the source's head hash and Merkle root. The destination is empty, or holds the
    /// start of the same log from a copy that stopped, which this one goes on from. Then the
    /// state beside the log: password hashes and sessions, the vault as it is, the evidence
    /// files (not the snapshot, nor the key files: give the destination's servers the same
    /// key files). The servers must be stopped.
    Copy {
        /// The log to copy: a data folder, or `postgres://user@host/database`.
        #[arg(long)]
        from: String,
        /// Where to copy it: a data folder, or `postgres://user@host/database`.
        #[arg(long)]
        to: String,
    },
}

/// Where an installation keeps its state, for the commands run while its server is stopped:
/// given as to `serve`.
#[derive(clap::Args)]
struct Installation {
    /// Data folder.
    #[arg(long, env = "ANTIKOR_DATA", default_value = "data")]
    data: PathBuf,
    /// The vault's master key file, as given to `serve` (default: DATA/vault.key).
    #[arg(long, env = "ANTIKOR_KEY_FILE")]
    key_file: Option<PathBuf>,
    /// The log's signing key file, as given to `serve` (default: DATA/log.key).
    #[arg(long, env = "ANTIKOR_LOG_KEY_FILE")]
    log_key_file: Option<PathBuf>,
    /// The PostgreSQL database of the event log, as given to `serve` (default: the log in the
    /// data folder).
    #[arg(long, env = "ANTIKOR_DATABASE_URL")]
    database: Option<String>,
}

impl Installation {
    /// The server's configuration for this installation (no frontend: nothing is served).
    fn config(self) -> Config {
        Config {
            key_file: self.key_file,
            log_key_file: self.log_key_file,
            database: self.database,
            ..Config::new(&self.data, self.data.join("no-frontend"))
        }
    }
}

fn parse_witness(raw: &str) -> Result<(String, WitnessKey), String> {
    let (url, key) = raw
        .split_once('=')
        .ok_or("give a witness as URL=KEY, e.g. http://witness.example:7380=name+hash+key")?;
    let key = WitnessKey::parse(key).map_err(|e| e.to_string())?;
    Ok((url.to_owned(), key))
}

fn parse_role(raw: &str) -> Result<Role, String> {
    serde_json::from_value(serde_json::Value::String(raw.to_owned())).map_err(|_| {
        let names: Vec<String> = Role::ALL
            .iter()
            .filter_map(|r| Some(serde_json::to_value(r).ok()?.as_str()?.to_owned()))
            .collect();
        format!("use one of {}", names.join(", "))
    })
}

fn main() -> ExitCode {
    init_tracing();
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Serve {
            data,
            listen,
            assets,
            demo,
            secure_cookies,
            session_idle_minutes,
            session_hours,
            key_file,
            log_key_file,
            log_origin,
            witnesses,
            header_timeout_seconds,
            idle_timeout_seconds,
            body_timeout_seconds,
            shutdown_timeout_seconds,
            snapshot_after,
            smtp_url,
            smtp_from,
            public_url,
            database,
        } => serve(
            Config {
                key_file,
                log_key_file,
                log_origin,
                witnesses,
                snapshot_after,
                database,
                mail: smtp_url.map(|url| {
                    antikor_server::mail::MailConfig::new(
                        url,
                        smtp_from.unwrap_or_default(),
                        public_url.unwrap_or_default(),
                    )
                }),
                sessions: SessionPolicy {
                    idle: std::time::Duration::from_secs(session_idle_minutes.max(1) * 60),
                    absolute: std::time::Duration::from_secs(session_hours.max(1) * 3600),
                    secure_cookies,
                },
                ..Config::new(data, assets)
            },
            demo,
            listen,
            Timeouts {
                header: Duration::from_secs(header_timeout_seconds),
                idle: Duration::from_secs(idle_timeout_seconds),
                body: Duration::from_secs(body_timeout_seconds),
                shutdown: Duration::from_secs(shutdown_timeout_seconds),
            },
        ),
        Command::User {
            command:
                UserCommand::Create {
                    at,
                    tenant,
                    role,
                    username,
                    name,
                },
        } => create_user(at.config(), tenant, role, username, name),
        Command::Tenants {
            command:
                TenantsCommand::Register {
                    at,
                    country,
                    province,
                    municipality,
                    national,
                    name_bg,
                    name_en,
                    code,
                },
        } => {
            let mut requests = Vec::new();
            if country {
                requests.extend(antikor_server::cli::province_requests(None));
            }
            if let Some(province) = province {
                requests.extend(antikor_server::cli::province_requests(Some(&province)));
            }
            if let Some(nsi_code) = municipality {
                requests.push(RegisterTenant::Municipality { nsi_code });
            }
            if let Some(slug) = national {
                requests.push(RegisterTenant::NationalBody {
                    slug,
                    name_bg: name_bg.unwrap_or_default(),
                    name_en: name_en.unwrap_or_default(),
                    official_code: code.unwrap_or_default(),
                });
            }
            register_tenants(at.config(), requests)
        }
        Command::Key {
            command: KeyCommand::Rotate { at },
        } => rotate_key(at.config()),
        Command::Verify {
            data,
            checkpoint,
            key,
            database,
        } => verify(data, checkpoint, key, database.as_deref()),
        Command::Witness {
            data,
            listen,
            name,
            logs,
        } => witness(data, listen, name, logs),
        Command::Mirror {
            from,
            data,
            username,
            key,
            once,
            interval_seconds,
        } => mirror(from, data, username, key, once, interval_seconds),
        Command::Recover { from, data } => recover(from, data),
        Command::Rebuild {
            data,
            log_key_file,
            database,
        } => rebuild(data, log_key_file, database.as_deref()),
        Command::Store {
            command: StoreCommand::Copy { from, to },
        } => copy_store(&from, &to),
        Command::Bundle {
            command:
                BundleCommand::Export {
                    data,
                    out,
                    log_key_file,
                },
        } => bundle_export(data, out, log_key_file),
        Command::Bundle {
            command:
                BundleCommand::Verify {
                    file,
                    checkpoint,
                    key,
                },
        } => bundle_verify(file, checkpoint, key),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("antikor: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn init_tracing() {
    use tracing_subscriber::EnvFilter;
    let filter = EnvFilter::try_from_env("ANTIKOR_LOG")
        .or_else(|_| EnvFilter::try_from_default_env())
        .unwrap_or_else(|_| EnvFilter::new("info,tower_http=info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    if std::env::var("ANTIKOR_LOG_FORMAT").as_deref() == Ok("json") {
        builder.json().init();
    } else {
        builder.init();
    }
}

/// Runs the server until a shutdown signal; `demo` creates the README's demo accounts first.
fn serve(
    config: Config,
    demo: bool,
    listen: SocketAddr,
    timeouts: Timeouts,
) -> anyhow::Result<ExitCode> {
    let runtime = tokio::runtime::Runtime::new()?;
    runtime.block_on(async {
        let (state, stop) = App::start(&config).await?;
        // A store that refused to open answers read-only: nothing is created in it.
        if demo && state.system_log().refusal().is_none() {
            antikor_server::demo::create_accounts(&state)
                .await
                .context("creating the demo accounts")?;
        }
        let listener = tokio::net::TcpListener::bind(listen)
            .await
            .with_context(|| format!("listening on {listen}"))?;
        let address = listener.local_addr()?;
        let signalled = shutdown_signal();
        tracing::info!(%address, data = %config.data_dir.display(), "Antikor is listening");
        // Tests and scripts read this line to learn the port when they asked for port 0.
        println!("listening on http://{address}");
        tokio::spawn(sweep_hourly(state.clone()));
        let app = router::build(state);
        let stop = std::sync::Arc::new(stop);
        let stopper = stop.clone();
        let stop_signal = async move {
            signalled.await;
            let deadline_seconds = timeouts.shutdown.as_secs();
            tracing::info!(deadline_seconds, "stopping: finishing requests in flight");
            stopper.begin();
        };
        connections::serve(listener, app, timeouts, stop_signal).await;
        stop.close_store().await?;
        tracing::info!("stopped; the event log is closed");
        Ok(ExitCode::SUCCESS)
    })
}

/// Destroys the keys of signals whose retention period ended, and removes uploaded files that
/// no record attached: at start, then hourly, on the server on duty (see [`App::on_duty`]).
/// A server that takes the duties over sweeps at its next hour.
async fn sweep_hourly(app: antikor_server::app::AppState) {
    let mut stopping = app.stopping.clone();
    let mut hourly = tokio::time::interval(std::time::Duration::from_secs(3600));
    loop {
        tokio::select! {
            _ = hourly.tick() => {}
            _ = stopping.wait_for(|s| *s) => return,
        }
        if !app.on_duty() {
            continue;
        }
        let today = app.clock.today();
        if let Err(error) = app.sweep_retention(today).await {
            tracing::error!(%error, "the retention sweep failed; it runs again in an hour");
        }
        if let Err(error) = app.sweep_unattached_files().await {
            tracing::error!(%error, "the sweep of unattached files failed; it runs again in an hour");
        }
    }
}

/// Resolves at SIGTERM or Ctrl-C. The handlers are installed when this is called, not when
/// the future is first polled: a SIGTERM that came after "listening" but before the serve
/// loop polled its shutdown future used to kill the process outright, unclean.
fn shutdown_signal() -> impl std::future::Future<Output = ()> {
    use tokio::signal::unix::{SignalKind, signal};
    let mut term = signal(SignalKind::terminate()).expect("installing the SIGTERM handler");
    let mut interrupt = signal(SignalKind::interrupt()).expect("installing the SIGINT handler");
    async move {
        tokio::select! {
            _ = interrupt.recv() => {}
            _ = term.recv() => {}
        }
    }
}

fn read_password() -> anyhow::Result<String> {
    use std::io::IsTerminal;
    if !std::io::stdin().is_terminal() {
        let mut line = String::new();
        std::io::stdin().read_line(&mut line)?;
        return Ok(line.trim_end_matches(['\r', '\n']).to_owned());
    }
    let first = rpassword::prompt_password("Парола (12–128 знака): ")?;
    let second = rpassword::prompt_password("Повторете паролата: ")?;
    anyhow::ensure!(first == second, "the two passwords differ");
    Ok(first)
}

fn copy_store(from: &str, to: &str) -> anyhow::Result<ExitCode> {
    let runtime = tokio::runtime::Runtime::new()?;
    let copied = runtime.block_on(async {
        let source = antikor_server::cli::open_log(from)?;
        let destination = antikor_server::cli::open_log(to)?;
        let copied = antikor_server::cli::copy_log(source.as_ref(), destination.as_ref()).await;
        destination.close().await?;
        source.close().await?;
        copied
    })?;
    let (from, to) = (from.to_owned(), to.to_owned());
    let state = runtime
        .block_on(runtime.spawn_blocking(move || antikor_server::cli::copy_state(&from, &to)))??;
    println!(
        "copied {} events ({} were there already); both end at position {} with head hash {} and Merkle root {}",
        copied.events,
        copied.already,
        copied.head.position,
        hex::encode(copied.head.hash),
        hex::encode(copied.head.root)
    );
    println!(
        "copied the state beside it: {} password hashes, {} signal keys, {} attachments, {} evidence files (not the snapshot: the first start folds the whole log)",
        state.passwords, state.signal_keys, state.attachments, state.files
    );
    if state.damaged_files > 0 {
        println!(
            "{} evidence files were damaged and are not copied: restore them from a backup of the source",
            state.damaged_files
        );
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

fn rotate_key(config: Config) -> anyhow::Result<ExitCode> {
    let runtime = tokio::runtime::Runtime::new()?;
    let rotation = runtime.block_on(antikor_server::cli::rotate_vault_key(&config))?;
    println!(
        "rewrapped {} signal keys under the new master key {} in {}; the old key opens nothing now",
        rotation.signal_keys,
        rotation.key_id,
        config.vault_key_file().display()
    );
    Ok(ExitCode::SUCCESS)
}

fn create_user(
    config: Config,
    tenant: TenantId,
    role: Role,
    username: Username,
    name: Option<String>,
) -> anyhow::Result<ExitCode> {
    let password = read_password()?;
    let runtime = tokio::runtime::Runtime::new()?;
    runtime.block_on(async {
        let (state, stop) = App::start(&config).await?;
        let display_name = name.unwrap_or_else(|| username.to_string());
        let created = antikor_server::cli::create_user(
            &state,
            tenant,
            username,
            display_name,
            role,
            password,
        )
        .await;
        stop.close_store().await?;
        let account = created?;
        println!(
            "created {} ({}) in {}",
            account.username,
            account.role.label(Lang::Bg),
            account.tenant
        );
        Ok(ExitCode::SUCCESS)
    })
}

fn register_tenants(config: Config, requests: Vec<RegisterTenant>) -> anyhow::Result<ExitCode> {
    if requests.is_empty() {
        anyhow::bail!("name what to register: --country, --province, --municipality or --national");
    }
    let runtime = tokio::runtime::Runtime::new()?;
    runtime.block_on(async {
        let (state, stop) = App::start(&config).await?;
        let report = antikor_server::cli::register_tenants(&state, requests).await;
        stop.close_store().await?;
        let report = report?;
        for tenant in &report.registered {
            println!("registered {} ({})", tenant.id, tenant.registration.name_bg);
        }
        println!(
            "{} registered, {} registered already",
            report.registered.len(),
            report.already
        );
        Ok(ExitCode::SUCCESS)
    })
}

fn verify(
    data: PathBuf,
    checkpoint: Option<PathBuf>,
    key: Option<String>,
    database: Option<&str>,
) -> anyhow::Result<ExitCode> {
    let key = match key {
        Some(key) => Some(read_verifier_key(&key)?),
        None => match std::fs::read_to_string(data.join("log.key")) {
            Ok(text) => Some(
                SigningKey::parse(&text)
                    .map_err(|e| anyhow::anyhow!("{}: {e}", data.join("log.key").display()))?
                    .verifier()
                    .clone(),
            ),
            Err(_) => None,
        },
    };
    let checkpoint = match checkpoint {
        None => None,
        Some(file) => {
            let text = std::fs::read_to_string(&file)
                .with_context(|| format!("reading the checkpoint {}", file.display()))?;
            let key = key.as_ref().context(
                "checking a checkpoint needs the log's verifier key: give --key (from /api/log/key)",
            )?;
            match tlog::open_checkpoint(&text, key) {
                Ok(opened) => Some(opened.head),
                Err(e) => {
                    println!("BAD CHECKPOINT: {e}");
                    return Ok(ExitCode::FAILURE);
                }
            }
        }
    };
    let report = match database {
        Some(url) => antikor_server::cli::verify_database(url)?,
        None => antikor_server::cli::verify_copy(&data)?,
    };
    let mut intact = true;
    match &report.first_break {
        None => println!(
            "intact: {} events, head hash {}, Merkle root {}",
            report.records,
            hex::encode(report.head_hash),
            tlog::to_base64(&report.root)
        ),
        Some(b) => {
            intact = false;
            println!("BROKEN at position {}: {}", b.position, b.reason);
            println!(
                "the first {} events link correctly",
                b.position.saturating_sub(1).min(report.records)
            );
        }
    }
    if database.is_some() && checkpoint.is_none() {
        println!(
            "note: a database has no anchor outside it, so nothing here confirms that no acknowledged event is missing; give a checkpoint saved earlier (--checkpoint) or ask a witness"
        );
    } else if !report.anchored && database.is_none() {
        println!(
            "note: the folder has no anchor file (log.anchor), so nothing confirms that no acknowledged event is missing; the server writes one at its next start"
        );
    }
    if let Some(head) = checkpoint {
        match report.check_checkpoint(&head) {
            Ok(()) => println!(
                "consistent: the log extends the checkpoint of {} events (root {})",
                head.size,
                tlog::to_base64(&head.root)
            ),
            Err(e) => {
                intact = false;
                println!(
                    "NOT CONSISTENT with the checkpoint of {} events: {e}",
                    head.size
                );
            }
        }
    }
    Ok(if intact {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// A verifier key given on the command line, or the path of a file holding one.
fn read_verifier_key(given: &str) -> anyhow::Result<VerifierKey> {
    let text = match std::fs::read_to_string(given) {
        Ok(text) => text,
        Err(_) => given.to_owned(),
    };
    VerifierKey::parse(&text).map_err(|e| anyhow::anyhow!("--key: {e}"))
}

fn bundle_export(
    data: PathBuf,
    out: PathBuf,
    log_key_file: Option<PathBuf>,
) -> anyhow::Result<ExitCode> {
    let key_file = log_key_file.unwrap_or_else(|| data.join("log.key"));
    let key = SigningKey::parse(
        &std::fs::read_to_string(&key_file)
            .with_context(|| format!("reading the log key file {}", key_file.display()))?,
    )
    .map_err(|e| anyhow::anyhow!("{}: {e}", key_file.display()))?;
    let check = antikor_server::cli::verify_copy(&data)?;
    if let Some(b) = &check.first_break {
        println!(
            "BROKEN at position {}: {}; no bundle is written of a damaged log (see antikor verify)",
            b.position, b.reason
        );
        return Ok(ExitCode::FAILURE);
    }
    let started = std::time::Instant::now();
    let checkpoint = key.sign(check.records, check.root);
    let mut file = std::io::BufWriter::new(
        std::fs::File::create(&out).with_context(|| format!("creating {}", out.display()))?,
    );
    antikor_server::bundle::write(
        check.store(),
        check.records,
        &[key.verifier().clone()],
        &checkpoint,
        &mut file,
    )?;
    file.into_inner()?.sync_all()?;
    println!(
        "wrote {} events to {} in {:.1} s; key {}",
        check.records,
        out.display(),
        started.elapsed().as_secs_f64(),
        key.verifier()
    );
    Ok(ExitCode::SUCCESS)
}

fn bundle_verify(
    file: PathBuf,
    checkpoint: Option<PathBuf>,
    key: Option<String>,
) -> anyhow::Result<ExitCode> {
    let trusted = key.as_deref().map(read_verifier_key).transpose()?;
    let older = checkpoint
        .map(|f| std::fs::read_to_string(&f).with_context(|| format!("reading {}", f.display())))
        .transpose()?;
    let mut input = std::io::BufReader::with_capacity(
        1 << 20,
        std::fs::File::open(&file).with_context(|| format!("opening {}", file.display()))?,
    );
    let started = std::time::Instant::now();
    match antikor_server::bundle::verify(&mut input, trusted.as_ref(), older.as_deref()) {
        Ok(verified) => {
            let elapsed = started.elapsed().as_secs_f64();
            println!(
                "intact: {} events of {}, Merkle root {}, signed by {} ({}); checked in {elapsed:.1} s ({:.0} events/s)",
                verified.head.size,
                verified.head.origin,
                tlog::to_base64(&verified.head.root),
                verified.key.name(),
                verified.key.fingerprint(),
                verified.head.size as f64 / elapsed.max(1e-9)
            );
            if trusted.is_none() {
                println!(
                    "note: the key was taken from the bundle itself; compare its fingerprint with one you trust, or give --key"
                );
            }
            if let Some(older) = verified.extends {
                println!(
                    "consistent: the log extends the checkpoint of {} events",
                    older.size
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            println!("NOT VERIFIED: {e:#}");
            Ok(ExitCode::FAILURE)
        }
    }
}

fn witness(
    data: PathBuf,
    listen: SocketAddr,
    name: String,
    logs: Vec<String>,
) -> anyhow::Result<ExitCode> {
    let logs = logs
        .iter()
        .map(|k| read_verifier_key(k))
        .collect::<anyhow::Result<Vec<_>>>()?;
    let witness = std::sync::Arc::new(antikor_server::witness::Witness::open(&data, &name, &logs)?);
    let runtime = tokio::runtime::Runtime::new()?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(listen)
            .await
            .with_context(|| format!("listening on {listen}"))?;
        let address = listener.local_addr()?;
        let signalled = shutdown_signal();
        tracing::info!(%address, key = %witness.key(), "the witness is listening");
        println!("listening on http://{address}");
        println!("witness key {}", witness.key());
        let router = antikor_server::witness::router(witness);
        connections::serve(listener, router, Timeouts::default(), signalled).await;
        Ok(ExitCode::SUCCESS)
    })
}

fn mirror(
    from: String,
    data: PathBuf,
    username: String,
    key: Option<String>,
    once: bool,
    interval_seconds: u64,
) -> anyhow::Result<ExitCode> {
    let password = match std::env::var("ANTIKOR_MIRROR_PASSWORD") {
        Ok(password) => password,
        Err(_) => read_password()?,
    };
    let key = key.as_deref().map(read_verifier_key).transpose()?;
    let runtime = tokio::runtime::Runtime::new()?;
    let options = antikor_server::mirror::MirrorOptions {
        from,
        data,
        username,
        password,
        key,
        once,
        interval: std::time::Duration::from_secs(interval_seconds.max(1)),
    };
    match runtime.block_on(antikor_server::mirror::run(options)) {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(e) => {
            println!("{e:#}");
            Ok(ExitCode::FAILURE)
        }
    }
}

fn rebuild(
    data: PathBuf,
    log_key_file: Option<PathBuf>,
    database: Option<&str>,
) -> anyhow::Result<ExitCode> {
    let rebuilt = antikor_server::cli::rebuild(&data, log_key_file.as_deref(), database)?;
    let seconds = rebuilt.folded.as_secs_f64();
    let rate = rebuilt.events as f64 / seconds.max(1e-9);
    println!(
        "folded {} events in {seconds:.2} s ({rate:.0} events/s)",
        rebuilt.events
    );
    match rebuilt.first_break {
        None => {
            println!(
                "wrote a snapshot of {} bytes at position {}",
                rebuilt.snapshot_bytes, rebuilt.events
            );
            Ok(ExitCode::SUCCESS)
        }
        Some(b) => {
            println!("the log failed verification at {b}; no snapshot is kept");
            Ok(ExitCode::from(1))
        }
    }
}

fn recover(from: PathBuf, data: PathBuf) -> anyhow::Result<ExitCode> {
    let recovered = antikor_server::mirror::recover(&from, &data)?;
    println!(
        "recovered {} events from the mirror; evidence files put back: {}; the damaged log is kept in {}",
        recovered.events,
        recovered.files,
        recovered.damaged.display()
    );
    Ok(ExitCode::SUCCESS)
}
