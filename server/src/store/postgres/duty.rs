//! The work that must run on one server at a time (the sweeps, e-mail reminders, submissions to
//! witnesses): the server that holds a session-level advisory lock on the database does it.
//!
//! The lock lives as long as the connection that took it. When its server dies, the database
//! closes that connection and releases the lock, and another server takes it at its next look.
//! The holder checks its connection at every look, and drops the duties as soon as a check
//! fails or hangs, since the database may have released the lock by then.

use super::Database;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::watch;
use tokio_postgres_rustls::MakeRustlsConnect;

/// The advisory lock the server on duty holds ("antikor" and 3).
const DUTY_LOCK: i64 = 0x616e_7469_6b6f_7203;

/// How often a server looks for the lock, and the holder checks that it still has it: a dead
/// holder's duties move within about this.
pub const DUTY_LOOK: Duration = Duration::from_secs(2);

impl Database {
    /// Starts taking the duties whenever no other server holds them, and answers whether this
    /// server holds them now. They are held until the answer's receiver is dropped with every
    /// clone of the database, or the connection fails.
    pub fn hold_duties(&self) -> watch::Receiver<bool> {
        let (on_duty, held) = watch::channel(false);
        let (config, tls) = self.own_connections();
        self.spawn(keep(config, tls, on_duty));
        held
    }
}

async fn keep(
    config: Arc<tokio_postgres::Config>,
    tls: MakeRustlsConnect,
    on_duty: watch::Sender<bool>,
) {
    while !on_duty.is_closed() {
        if let Err(e) = hold(&config, &tls, &on_duty).await {
            tracing::warn!(error = %e, "the connection that holds or seeks the duties failed; connecting again");
        }
        if on_duty.send_replace(false) {
            tracing::warn!("this server left the duties (sweeps, reminders, witnesses) to another");
        }
        tokio::time::sleep(DUTY_LOOK).await;
    }
}

/// Seeks the lock on a connection of its own, and holds it while the connection answers.
async fn hold(
    config: &tokio_postgres::Config,
    tls: &MakeRustlsConnect,
    on_duty: &watch::Sender<bool>,
) -> anyhow::Result<()> {
    let (client, connection) = config.connect(tls.clone()).await?;
    // Ends when the client is dropped, which closes the connection and releases the lock.
    tokio::spawn(connection);
    let mut every = tokio::time::interval(DUTY_LOOK);
    while !on_duty.is_closed() {
        every.tick().await;
        if *on_duty.borrow() {
            tokio::time::timeout(DUTY_LOOK, client.simple_query("SELECT 1"))
                .await
                .map_err(|_| {
                    anyhow::anyhow!("the database did not answer within {DUTY_LOOK:?}")
                })??;
        } else {
            let taken: bool = client
                .query_one("SELECT pg_try_advisory_lock($1)", &[&DUTY_LOCK])
                .await?
                .get(0);
            if taken {
                tracing::info!("this server took the duties (sweeps, reminders, witnesses)");
                on_duty.send_replace(true);
            }
        }
    }
    Ok(())
}
