//! The real `antikor` binary as an operator runs it: the first account from the command line,
//! start, health, login, a second server on the same folder, graceful stop, `verify` on what it
//! left, and the limits on how long it waits on clients.

use antikor_e2e::{Server, antikor_bin, api_login, create_user};
use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::Command;
use std::time::{Duration, Instant};

#[tokio::test]
async fn serves_stops_on_sigterm_and_leaves_a_verifiable_log() {
    let data = tempfile::tempdir().unwrap();
    // Without --demo no account exists; the first regional admin comes from the command line.
    let first = [
        "--tenant",
        "oblast",
        "--role",
        "regional_admin",
        "--username",
        "first.admin",
    ];
    let weak = create_user(data.path(), &first, "password1234");
    assert!(!weak.status.success(), "a common password is refused");
    let created = create_user(data.path(), &first, "пролетта идва в пирин");
    assert!(
        created.status.success(),
        "{}",
        String::from_utf8_lossy(&created.stderr)
    );
    assert!(String::from_utf8_lossy(&created.stdout).contains("created first.admin"));

    let mut server = Server::start(data.path(), &data.path().join("no-frontend")).unwrap();
    let http = reqwest::Client::new();
    let cookie = api_login(
        &http,
        &server.base_url,
        "first.admin",
        "пролетта идва в пирин",
    )
    .await
    .cookie;
    let health: serde_json::Value = reqwest::get(format!("{}/api/health", server.base_url))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        (health["status"].as_str(), health["head_position"].as_u64()),
        (Some("ok"), Some(37)),
        "15 tenants, the 2017 plan (19 events), the account, the login"
    );

    // A second server on the same folder fails at once, saying why.
    let started = Instant::now();
    let second = Command::new(antikor_bin())
        .args(["serve", "--listen", "127.0.0.1:0", "--data"])
        .arg(data.path())
        .env("ANTIKOR_LOG", "error")
        .output()
        .unwrap();
    assert!(!second.status.success());
    assert!(started.elapsed() < Duration::from_secs(5));
    let stderr = String::from_utf8_lossy(&second.stderr);
    assert!(
        stderr.contains("in use by another Antikor process"),
        "{stderr}"
    );

    // While a live feed is open, SIGTERM still stops the server promptly and cleanly.
    let live = http
        .get(format!("{}/api/audit/live", server.base_url))
        .header("cookie", &cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(live.headers()["content-type"], "text/event-stream");
    assert!(
        server.terminate(Duration::from_secs(10)).unwrap(),
        "exit status 0 after SIGTERM"
    );

    let verify = Command::new(antikor_bin())
        .args(["verify", "--data"])
        .arg(data.path())
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&verify.stdout);
    assert!(
        verify.status.success() && out.starts_with("intact: 37 events"),
        "{out}"
    );
    assert!(
        out.contains(health["head_hash"].as_str().unwrap()),
        "the head the server showed is the one verified"
    );
}

#[test]
fn verify_refuses_a_folder_without_a_log() {
    let empty = tempfile::tempdir().unwrap();
    let out = Command::new(antikor_bin())
        .args(["verify", "--data"])
        .arg(empty.path())
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no event log in"));
}

/// Opens a raw connection to `server`.
fn connect(server: &Server) -> TcpStream {
    let address = server.base_url.trim_start_matches("http://");
    TcpStream::connect(address).unwrap()
}

/// Sends the start of a request head and never its end, as a slow or hostile client does.
fn send_half_a_head(conn: &mut TcpStream) {
    conn.write_all(b"GET /api/health HTTP/1.1\r\nHost: x\r\n")
        .unwrap();
}

/// Sends a whole request on a kept-alive connection and reads its whole response.
fn get_health(conn: &mut TcpStream) -> String {
    conn.write_all(b"GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n")
        .unwrap();
    conn.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    let mut response = Vec::new();
    let mut chunk = [0; 4096];
    loop {
        let n = conn.read(&mut chunk).expect("the response arrives");
        assert!(
            n > 0,
            "the server closed the connection instead of answering"
        );
        response.extend_from_slice(&chunk[..n]);
        let text = String::from_utf8_lossy(&response);
        if let Some((head, body)) = text.split_once("\r\n\r\n") {
            let length: usize = head
                .lines()
                .find_map(|l| l.strip_prefix("content-length: "))
                .expect("a length")
                .parse()
                .unwrap();
            if body.len() >= length {
                return text.into_owned();
            }
        }
    }
}

/// Waits up to `limit` for the server to close `conn` and says how long it took, or `None`
/// when it is still open: a bounded wait, so that a server which never closes fails the test
/// rather than hanging it.
fn closed_within(conn: &mut TcpStream, limit: Duration) -> Option<Duration> {
    let started = Instant::now();
    let mut chunk = [0; 4096];
    loop {
        let left = limit.checked_sub(started.elapsed())?;
        conn.set_read_timeout(Some(left.max(Duration::from_millis(1))))
            .unwrap();
        match conn.read(&mut chunk) {
            Ok(0) => return Some(started.elapsed()),
            Ok(_) => continue,
            Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset => {
                return Some(started.elapsed());
            }
            Err(e)
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                ) =>
            {
                return None;
            }
            Err(e) => panic!("reading: {e}"),
        }
    }
}

#[test]
fn a_half_sent_request_head_is_cut_off_after_the_header_timeout() {
    let data = tempfile::tempdir().unwrap();
    let server = Server::start_with(
        data.path(),
        &data.path().join("no-frontend"),
        &["--header-timeout-seconds", "1"],
    )
    .unwrap();
    let mut conn = connect(&server);
    send_half_a_head(&mut conn);
    let closed = closed_within(&mut conn, Duration::from_secs(5))
        .expect("a half-sent head is not held beyond the header timeout");
    assert!(closed >= Duration::from_millis(900), "{closed:?}");
    // The server itself goes on serving.
    assert!(get_health(&mut connect(&server)).starts_with("HTTP/1.1 200"));
}

#[test]
fn an_idle_connection_is_kept_past_the_header_timeout_and_closed_after_the_idle_one() {
    let data = tempfile::tempdir().unwrap();
    let server = Server::start_with(
        data.path(),
        &data.path().join("no-frontend"),
        &[
            "--header-timeout-seconds",
            "1",
            "--idle-timeout-seconds",
            "3",
        ],
    )
    .unwrap();
    let opened = Instant::now();
    let mut silent = connect(&server);
    let mut kept_alive = connect(&server);
    assert!(get_health(&mut kept_alive).starts_with("HTTP/1.1 200"));
    // Idle for longer than a head may take: the connection is still there for the next request.
    std::thread::sleep(Duration::from_secs(2));
    assert!(get_health(&mut kept_alive).starts_with("HTTP/1.1 200"));
    let answered = Instant::now();
    closed_within(&mut kept_alive, Duration::from_secs(6))
        .expect("an idle connection is closed after the idle timeout");
    let idle = answered.elapsed();
    assert!(idle >= Duration::from_millis(2500), "{idle:?}");
    // A connection that never sends a byte gets the same idle time, not the header timeout.
    closed_within(&mut silent, Duration::from_secs(6)).expect("a silent connection is closed");
    let silent_for = opened.elapsed();
    assert!(
        (Duration::from_millis(2900)..Duration::from_secs(6)).contains(&silent_for),
        "{silent_for:?}"
    );
}

#[test]
fn sigterm_drops_a_connection_still_open_at_the_deadline_and_releases_the_folder() {
    let data = tempfile::tempdir().unwrap();
    let assets = data.path().join("no-frontend");
    let mut server = Server::start_with(
        data.path(),
        &assets,
        &[
            "--header-timeout-seconds",
            "30",
            "--shutdown-timeout-seconds",
            "1",
        ],
    )
    .unwrap();
    let mut conn = connect(&server);
    send_half_a_head(&mut conn);
    // Let the server read the half head, so that the connection is mid-request at SIGTERM.
    std::thread::sleep(Duration::from_millis(200));
    let sent = Instant::now();
    assert!(
        server.terminate(Duration::from_secs(5)).unwrap(),
        "exit status 0 after SIGTERM"
    );
    let stopped = sent.elapsed();
    assert!(stopped >= Duration::from_millis(900), "{stopped:?}");
    assert!(
        closed_within(&mut conn, Duration::from_secs(1)).is_some(),
        "the connection was dropped"
    );
    // The data folder's lock went with the process.
    let again = Server::start(data.path(), &assets).unwrap();
    assert!(get_health(&mut connect(&again)).starts_with("HTTP/1.1 200"));
}

#[tokio::test]
async fn a_live_feed_outlasts_the_idle_and_header_timeouts() {
    let data = tempfile::tempdir().unwrap();
    let server = Server::start_with(
        data.path(),
        &data.path().join("no-frontend"),
        &[
            "--demo",
            "--header-timeout-seconds",
            "1",
            "--idle-timeout-seconds",
            "2",
        ],
    )
    .unwrap();
    let http = reqwest::Client::new();
    let login = |username: &'static str| {
        http.post(format!("{}/api/session", server.base_url))
            .json(&serde_json::json!({"username": username, "password": antikor_server::demo::DEMO_PASSWORD}))
            .send()
    };
    let cookie = api_login(
        &http,
        &server.base_url,
        "odit",
        antikor_server::demo::DEMO_PASSWORD,
    )
    .await
    .cookie;
    let mut live = http
        .get(format!("{}/api/audit/live", server.base_url))
        .header("cookie", &cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(live.headers()["content-type"], "text/event-stream");
    // Quiet for longer than both timeouts (and short of the 15 s keep-alive comment)...
    assert!(
        tokio::time::timeout(Duration::from_secs(4), live.chunk())
            .await
            .is_err(),
        "the feed stays open while quiet"
    );
    // ...and it still carries the next event.
    assert_eq!(login("oblast.admin").await.unwrap().status(), 200);
    let next = tokio::time::timeout(Duration::from_secs(5), live.chunk())
        .await
        .expect("an event within 5 s")
        .unwrap()
        .expect("the feed is open");
    assert!(
        String::from_utf8_lossy(&next).contains("event:"),
        "{next:?}"
    );
}

#[test]
fn a_sigterm_right_after_listening_still_stops_cleanly() {
    // The signal handlers are installed before "listening" is printed: a SIGTERM sent as soon
    // as a script sees that line once killed the process outright, with the log unclosed.
    let data = tempfile::tempdir().unwrap();
    let assets = data.path().join("no-frontend");
    for _ in 0..5 {
        let mut server = Server::start(data.path(), &assets).unwrap();
        assert!(
            server.terminate(Duration::from_secs(10)).unwrap(),
            "exit status 0 after an early SIGTERM"
        );
    }
}

#[test]
fn a_request_body_held_back_is_answered_and_cut_off_after_the_body_timeout() {
    let data = tempfile::tempdir().unwrap();
    let assets = data.path().join("no-frontend");
    let server = Server::start_with(
        data.path(),
        &assets,
        &[
            "--body-timeout-seconds",
            "1",
            "--header-timeout-seconds",
            "30",
        ],
    )
    .unwrap();
    let mut conn = connect(&server);
    // A whole head promising 200 bytes, then 10 of them and nothing more.
    conn.write_all(
        b"POST /api/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{\"usernam",
    )
    .unwrap();
    let sent = Instant::now();
    conn.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    let mut response = Vec::new();
    let mut chunk = [0; 4096];
    while let Ok(n) = conn.read(&mut chunk) {
        if n == 0 {
            break;
        }
        response.extend_from_slice(&chunk[..n]);
    }
    let took = sent.elapsed();
    let text = String::from_utf8_lossy(&response);
    assert!(text.starts_with("HTTP/1.1 400"), "{text}");
    assert!(text.contains("спряха да пристигат"), "{text}");
    assert!(
        took >= Duration::from_millis(900) && took < Duration::from_secs(4),
        "answered after {took:?}"
    );
    // The server goes on serving others.
    assert!(get_health(&mut connect(&server)).starts_with("HTTP/1.1 200"));
}
