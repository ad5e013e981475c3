//! Serving HTTP connections with limits on every wait for a client, shutdown included.

use axum::Router;
use axum::extract::ConnectInfo;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper_util::rt::TokioIo;
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use std::future::Future;
use std::io;
use std::net::SocketAddr;
use std::pin::{Pin, pin};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::task::{Context, Poll};
use std::time::Duration;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinSet;
use tower_http::timeout::RequestBodyTimeoutLayer;

/// How long the server waits on its clients.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timeouts {
    /// From the first byte of a request head to its end: a client that sends a head slower than
    /// this is cut off.
    pub header: Duration,
    /// How long a connection may stay open without starting a request, once opened and after
    /// each response. It does not bound a request being answered, such as a live feed.
    pub idle: Duration,
    /// How long a request body may stall between two pieces: a client that sends a head and
    /// then holds back its body is answered 400 and cut off. A slow but steady upload is not.
    pub body: Duration,
    /// After shutdown begins, how long requests in flight may take to finish; then the
    /// connections still open are dropped so that the process can exit.
    pub shutdown: Duration,
}

impl Default for Timeouts {
    /// 10 s for a head (a person's browser sends one in milliseconds), 60 s idle (long enough
    /// for a browser to reuse its connections between clicks), 30 s of silence within a body
    /// (a phone on a weak signal still sends something every few seconds), 10 s to finish at
    /// shutdown.
    fn default() -> Self {
        Self {
            header: Duration::from_secs(10),
            idle: Duration::from_secs(60),
            body: Duration::from_secs(30),
            shutdown: Duration::from_secs(10),
        }
    }
}

/// Serves `router` on `listener` until `shutdown` completes, then lets the requests in flight
/// finish for up to [`Timeouts::shutdown`] and drops the connections still open.
///
/// `axum::serve` waits on clients without limit: one that sent half a request head kept its
/// connection, and after SIGTERM kept the process alive and the data folder locked.
///
/// Handlers get the client's address as `ConnectInfo<SocketAddr>`, as with
/// `into_make_service_with_connect_info`.
pub async fn serve(
    listener: TcpListener,
    router: Router,
    timeouts: Timeouts,
    shutdown: impl Future<Output = ()>,
) {
    let router = router.layer(RequestBodyTimeoutLayer::new(timeouts.body));
    let graceful = GracefulShutdown::new();
    let mut connections = JoinSet::new();
    let mut shutdown = pin!(shutdown);
    loop {
        tokio::select! {
            () = &mut shutdown => break,
            // Reaps finished connections, so that the set holds only open ones.
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
            accepted = listener.accept() => match accepted {
                Ok((stream, remote)) => {
                    let conn = graceful.watch(connection(stream, remote, router.clone(), timeouts));
                    connections.spawn(async move {
                        if let Err(error) = conn.await {
                            tracing::debug!(%remote, %error, "a connection ended with an error");
                        }
                    });
                }
                Err(error) => accept_failed(error).await,
            },
        }
    }
    // New clients are refused at once rather than left waiting in the backlog.
    drop(listener);
    if tokio::time::timeout(timeouts.shutdown, graceful.shutdown())
        .await
        .is_err()
    {
        while connections.try_join_next().is_some() {}
        tracing::warn!(
            connections = connections.len(),
            deadline_seconds = timeouts.shutdown.as_secs_f64(),
            "the shutdown deadline passed: dropping the connections still open"
        );
    }
    // Aborting drops each connection, closing its socket and cancelling its handler.
    connections.shutdown().await;
}

/// One connection: HTTP/1.1 (as `axum::serve` speaks without its `http2` feature), with the
/// client's address for the handlers.
fn connection(
    stream: TcpStream,
    remote: SocketAddr,
    router: Router,
    timeouts: Timeouts,
) -> http1::Connection<TokioIo<CountingReads>, TowerToHyperService<WithClientAddr>> {
    let reads = Arc::new(AtomicU64::new(0));
    http1::Builder::new()
        .timer(HeadTimer {
            reads: reads.clone(),
            header: timeouts.header,
        })
        // hyper arms this timer whenever it waits for a request head, so it bounds idle time;
        // `HeadTimer` gives the head itself `timeouts.header` from its first byte.
        .header_read_timeout(timeouts.idle)
        .serve_connection(
            TokioIo::new(CountingReads { stream, reads }),
            TowerToHyperService::new(WithClientAddr { router, remote }),
        )
}

/// The router, given the client's address as `ConnectInfo<SocketAddr>` with each request (as
/// `into_make_service_with_connect_info` does; the throttles key on it).
#[derive(Clone)]
struct WithClientAddr {
    router: Router,
    remote: SocketAddr,
}

impl tower::Service<hyper::Request<Incoming>> for WithClientAddr {
    type Response = axum::response::Response;
    type Error = std::convert::Infallible;
    type Future = <Router as tower::Service<hyper::Request<Incoming>>>::Future;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        tower::Service::<hyper::Request<Incoming>>::poll_ready(&mut self.router, cx)
    }

    fn call(&mut self, mut request: hyper::Request<Incoming>) -> Self::Future {
        request.extensions_mut().insert(ConnectInfo(self.remote));
        self.router.call(request)
    }
}

/// What `axum::serve` does: a client that hung up before being accepted is no matter; anything
/// else (such as too many open files) is logged and retried a second later rather than spun on.
async fn accept_failed(error: io::Error) {
    use io::ErrorKind::{ConnectionAborted, ConnectionRefused, ConnectionReset};
    if matches!(
        error.kind(),
        ConnectionRefused | ConnectionAborted | ConnectionReset
    ) {
        return;
    }
    tracing::error!(%error, "accepting a connection failed; retrying in a second");
    tokio::time::sleep(Duration::from_secs(1)).await;
}

/// A client's TCP stream that counts the reads which brought bytes, so that [`HeadTimer`] can
/// tell an idle connection from one in the middle of a head.
struct CountingReads {
    stream: TcpStream,
    reads: Arc<AtomicU64>,
}

impl AsyncRead for CountingReads {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let before = buf.filled().len();
        let polled = Pin::new(&mut self.stream).poll_read(cx, buf);
        if buf.filled().len() > before {
            self.reads.fetch_add(1, Ordering::Relaxed);
        }
        polled
    }
}

impl AsyncWrite for CountingReads {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.stream).poll_write(cx, buf)
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.stream).poll_write_vectored(cx, bufs)
    }

    fn is_write_vectored(&self) -> bool {
        self.stream.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_shutdown(cx)
    }
}

/// hyper's timer for one connection. hyper has a single timeout for a request head, armed when
/// the connection opens and after each response, so alone it cannot allow a minute of
/// keep-alive and still cut off a half-sent head in seconds. Given the idle timeout, each wait
/// lasts that long while no byte comes, and ends `header` after the head's first bytes.
struct HeadTimer {
    reads: Arc<AtomicU64>,
    header: Duration,
}

impl hyper::rt::Timer for HeadTimer {
    /// A plain sleep: hyper asks for none on a server's HTTP/1 connection, but should it ever,
    /// it will not be for a head.
    fn sleep(&self, duration: Duration) -> Pin<Box<dyn hyper::rt::Sleep>> {
        Box::pin(HeadWait {
            sleep: Box::pin(tokio::time::sleep(duration)),
            reads: self.reads.clone(),
            reads_when_armed: 0,
            header: self.header,
            head_begun: true,
        })
    }

    fn sleep_until(&self, deadline: std::time::Instant) -> Pin<Box<dyn hyper::rt::Sleep>> {
        Box::pin(HeadWait {
            sleep: Box::pin(tokio::time::sleep_until(deadline.into())),
            reads: self.reads.clone(),
            reads_when_armed: self.reads.load(Ordering::Relaxed),
            header: self.header,
            head_begun: false,
        })
    }
}

/// One wait of [`HeadTimer`].
struct HeadWait {
    sleep: Pin<Box<tokio::time::Sleep>>,
    reads: Arc<AtomicU64>,
    reads_when_armed: u64,
    header: Duration,
    head_begun: bool,
}

impl Future for HeadWait {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if !self.head_begun && self.reads.load(Ordering::Relaxed) != self.reads_when_armed {
            // hyper polls its timer right after a read that left the head unfinished, so the
            // head began just now.
            self.head_begun = true;
            let deadline = tokio::time::Instant::now() + self.header;
            self.sleep.as_mut().reset(deadline);
        }
        self.sleep.as_mut().poll(cx)
    }
}

impl hyper::rt::Sleep for HeadWait {}
