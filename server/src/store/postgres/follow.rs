//! Following what other servers commit to the log: a connection that listens for their commits
//! (LISTEN/NOTIFY) and tells this server's writer the newest position announced, so that it
//! takes those records up at once rather than at its next commit or its next periodic look.

use futures::StreamExt;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::watch;
use tokio_postgres::AsyncMessage;
use tokio_postgres_rustls::MakeRustlsConnect;

/// The channel every commit announces its new head position on.
pub(super) const CHANNEL: &str = "antikor_log";

/// How long a lost listening connection waits before it connects again. Nothing is missed
/// meanwhile: the writer also looks for new records every `FOLLOW_EVERY`.
const RECONNECT: Duration = Duration::from_secs(1);

/// Listens on [`CHANNEL`] and hands each announced position to `announced`, for as long as the
/// writer holds the other end. After each (re)connection it announces `u64::MAX`, "look now",
/// for whatever was committed while nobody listened.
pub(super) async fn listen(
    (config, tls): (Arc<tokio_postgres::Config>, MakeRustlsConnect),
    announced: watch::Sender<u64>,
) {
    while !announced.is_closed() {
        if let Err(e) = listen_once(&config, &tls, &announced).await {
            tracing::warn!(error = %super::describe(&e), "listening for other servers' commits failed; connecting again");
        }
        tokio::time::sleep(RECONNECT).await;
    }
}

async fn listen_once(
    config: &tokio_postgres::Config,
    tls: &MakeRustlsConnect,
    announced: &watch::Sender<u64>,
) -> Result<(), tokio_postgres::Error> {
    let (client, mut connection) = config.connect(tls.clone()).await?;
    let (messages, mut received) = tokio::sync::mpsc::unbounded_channel();
    // The connection's messages are read by a task of their own, as the client's queries need
    // the connection polled too.
    let driver = tokio::spawn(async move {
        let mut stream = futures::stream::poll_fn(move |cx| connection.poll_message(cx));
        while let Some(message) = stream.next().await {
            if messages.send(message?).is_err() {
                break;
            }
        }
        Ok::<(), tokio_postgres::Error>(())
    });
    client.batch_execute(&format!("LISTEN {CHANNEL}")).await?;
    announced.send_replace(u64::MAX);
    while let Some(message) = received.recv().await {
        if let AsyncMessage::Notification(note) = message
            && let Ok(position) = note.payload().parse()
        {
            announced.send_replace(position);
        }
        if announced.is_closed() {
            break;
        }
    }
    drop(client);
    driver.abort();
    match driver.await {
        Ok(ended) => ended,
        Err(_) => Ok(()),
    }
}
