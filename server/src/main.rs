//! The `antikor` command: serve the product, or verify the event log offline.
#![forbid(unsafe_code)]

use antikor_server::store::{EventStore, SledStore, StoreError, StoreOptions};
use antikor_server::{App, Config, router};
use anyhow::Context;
use clap::{Parser, Subcommand};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

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
    },
    /// Walks the whole event log and checks every link of its hash chain. Exits 0 when the
    /// log is intact, 1 naming the first bad position otherwise. The server must be stopped.
    Verify {
        /// Data folder.
        #[arg(long, env = "ANTIKOR_DATA", default_value = "data")]
        data: PathBuf,
    },
}

fn main() -> ExitCode {
    init_tracing();
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Serve {
            data,
            listen,
            assets,
        } => serve(
            Config {
                data_dir: data,
                assets_dir: assets,
            },
            listen,
        ),
        Command::Verify { data } => verify(data),
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

fn serve(config: Config, listen: SocketAddr) -> anyhow::Result<ExitCode> {
    let runtime = tokio::runtime::Runtime::new()?;
    runtime.block_on(async {
        let (state, stop) = App::start(&config).await?;
        let listener = tokio::net::TcpListener::bind(listen)
            .await
            .with_context(|| format!("listening on {listen}"))?;
        let address = listener.local_addr()?;
        tracing::info!(%address, data = %config.data_dir.display(), "Antikor is listening");
        // Tests and scripts read this line to learn the port when they asked for port 0.
        println!("listening on http://{address}");
        let app = router::build(state);
        let stop = std::sync::Arc::new(stop);
        let stopper = stop.clone();
        let stop_signal = async move {
            shutdown_signal().await;
            tracing::info!("stopping: finishing requests in flight");
            stopper.begin();
        };
        axum::serve(listener, app)
            .with_graceful_shutdown(stop_signal)
            .await?;
        stop.close_store().await?;
        tracing::info!("stopped; the event log is closed");
        Ok(ExitCode::SUCCESS)
    })
}

async fn shutdown_signal() {
    let ctrl_c = tokio::signal::ctrl_c();
    let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        .expect("installing the SIGTERM handler");
    tokio::select! {
        _ = ctrl_c => {}
        _ = term.recv() => {}
    }
}

fn verify(data: PathBuf) -> anyhow::Result<ExitCode> {
    let log_dir = data.join("log");
    if !log_dir.join("db").exists() {
        anyhow::bail!("no event log in {}", data.display());
    }
    let store = match SledStore::open(&log_dir, StoreOptions::default()) {
        Err(StoreError::Locked(_)) => anyhow::bail!(
            "{} is in use by a running server; stop it first, or read /api/health for the head",
            data.display()
        ),
        other => other?,
    };
    let report = store.verify()?;
    store.close_blocking()?;
    match report.first_break {
        None => {
            println!(
                "intact: {} events, head hash {}",
                report.records,
                hex::encode(report.head_hash)
            );
            Ok(ExitCode::SUCCESS)
        }
        Some(b) => {
            println!("BROKEN at position {}: {}", b.position, b.reason);
            println!(
                "the first {} events link correctly",
                b.position.saturating_sub(1)
            );
            Ok(ExitCode::FAILURE)
        }
    }
}
