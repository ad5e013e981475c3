//! Paged lists over HTTP: every page in order with nothing repeated or skipped, while others
//! write between the pages; refusals of bad page requests; the activities' CSV download.

use crate::support::TestApp;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use serde_json::{Value, json};
use std::collections::BTreeSet;

/// A training on `date` (in 2017, so that measure III.2 of the seeded plan exists).
fn training(date: &str, topic: &str) -> Value {
    json!({"kind": "training", "date": date, "topic": topic,
        "participants": 20, "measures": ["III.2"]})
}

/// A meeting on `date`, public or not.
fn meeting(date: &str, public: bool) -> Value {
    json!({"kind": "meeting", "date": date, "meeting_kind": "open_doors",
        "title": "Среща", "participants": 40, "organisations": [],
        "agenda": "Прозрачност", "decisions": "Решение 1", "protocol": "Протокол 1",
        "public": public, "measures": ["II.2"]})
}

/// The day of `n` in 2017, spread over the year (several activities share a day).
fn day(n: usize) -> String {
    format!("2017-{:02}-{:02}", 1 + n % 11, 1 + (n * 7) % 28)
}

/// The list order: newest date first, then the one recorded later.
fn in_list_order(items: &[Value]) -> bool {
    items.windows(2).all(|w| {
        let key = |r: &Value| {
            (
                r["activity"]["date"].as_str().unwrap().to_owned(),
                r["recorded_at"].as_str().unwrap().to_owned(),
            )
        };
        key(&w[0]) >= key(&w[1])
    })
}

#[tokio::test]
async fn pages_hold_every_activity_once_while_new_ones_arrive_between_them() {
    let app = TestApp::start_demo().await;
    let officer = app.login("bansko.officer").await;
    let regional = app.login("oblast.admin").await;
    for n in 0..30 {
        let body = if n % 3 == 0 {
            meeting(&day(n), n % 2 == 0)
        } else {
            training(&day(n), &format!("Обучение {n}"))
        };
        let (status, answer) = app.post_as(&officer, "/api/activities", body).await;
        assert_eq!(status, StatusCode::CREATED, "{answer}");
    }
    let before = app
        .read_all(Some(&regional), "/api/activities?tenant=bansko", 500)
        .await;
    assert!(before.len() >= 30);
    assert!(in_list_order(&before));
    // Page sizes that do and do not divide the list give the same list.
    for limit in [1, 4, 7] {
        let paged = app
            .read_all(Some(&regional), "/api/activities?tenant=bansko", limit)
            .await;
        assert_eq!(paged, before, "limit {limit}");
    }
    for (query, kind) in [("kind=training", "training"), ("kind=meeting", "meeting")] {
        let paged = app
            .read_all(
                Some(&officer),
                &format!("/api/activities?year=2017&{query}"),
                6,
            )
            .await;
        let expected: Vec<&Value> = before
            .iter()
            .filter(|r| r["activity"]["kind"] == kind)
            .filter(|r| r["activity"]["date"].as_str().unwrap().starts_with("2017"))
            .collect();
        assert_eq!(paged.iter().collect::<Vec<_>>(), expected, "{query}");
    }

    // A reader takes the first page; meanwhile the officer records one activity newer than
    // everything and one older than everything shown. The next pages go on from where the
    // first stopped: the newer one is not shown twice, nothing is skipped, the older one
    // appears in its place.
    let (_, first) = app
        .get_as(&regional, "/api/activities?tenant=bansko&limit=5")
        .await;
    let (_, newer) = app
        .post_as(
            &officer,
            "/api/activities",
            training("2017-12-31", "Най-новото"),
        )
        .await;
    let (_, older) = app
        .post_as(
            &officer,
            "/api/activities",
            training("2017-01-01", "Най-старото"),
        )
        .await;
    let mut seen: Vec<Value> = first["items"].as_array().unwrap().clone();
    let mut next = first["next"].as_str().unwrap().to_owned();
    loop {
        let uri = format!("/api/activities?tenant=bansko&limit=5&after={next}");
        let (status, page) = app.get_as(&regional, &uri).await;
        assert_eq!(status, StatusCode::OK, "{page}");
        seen.extend(page["items"].as_array().unwrap().iter().cloned());
        match page["next"].as_str() {
            Some(n) => next = n.to_owned(),
            None => break,
        }
    }
    let ids: Vec<&str> = seen.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids.iter().collect::<BTreeSet<_>>().len(),
        ids.len(),
        "a repeat"
    );
    assert!(!ids.contains(&newer["id"].as_str().unwrap()));
    assert!(ids.contains(&older["id"].as_str().unwrap()));
    assert_eq!(seen.len(), before.len() + 1);
    assert!(in_list_order(&seen));
}

#[tokio::test]
async fn pages_taken_at_once_by_many_readers_while_writes_land_stay_consistent() {
    let app = TestApp::start_demo().await;
    let officer = app.login("sandanski.officer").await;
    let writes = (0..24).map(|n| {
        let (app, officer) = (&app, &officer);
        async move {
            let (status, _) = app
                .post_as(officer, "/api/activities", training(&day(n), "Обучение"))
                .await;
            assert_eq!(status, StatusCode::CREATED);
        }
    });
    let reads = (0..24).map(|_| {
        let (app, officer) = (&app, &officer);
        async move {
            let (status, page) = app.get_as(officer, "/api/activities?limit=3").await;
            assert_eq!(status, StatusCode::OK);
            let items = page["items"].as_array().unwrap();
            assert!(items.len() <= 3);
            // A page is read from one state: its total covers at least what it shows.
            assert!(page["total"].as_u64().unwrap() >= items.len() as u64);
        }
    });
    futures::future::join(
        futures::future::join_all(writes),
        futures::future::join_all(reads),
    )
    .await;
    let all = app.read_all(Some(&officer), "/api/activities", 5).await;
    let trainings = all
        .iter()
        .filter(|r| r["activity"]["topic"] == "Обучение")
        .count();
    assert_eq!(trainings, 24);
}

#[tokio::test]
async fn public_lists_page_by_year_and_name_no_one() {
    let app = TestApp::start_demo().await;
    let officer = app.login("petrich.officer").await;
    for n in 0..9 {
        let (status, _) = app
            .post_as(&officer, "/api/activities", meeting(&day(n), n != 4))
            .await;
        assert_eq!(status, StatusCode::CREATED);
    }
    let all = app
        .read_all(None, "/api/public/meetings?year=2017", 2)
        .await;
    assert!(all.len() >= 8, "{}", all.len());
    assert!(in_list_order(&all));
    assert!(all.iter().all(|r| r["activity"]["public"] == true));
    assert!(all.iter().all(|r| r["recorded_by"] != "petrich.officer"));
    let (_, one) = app.get("/api/public/meetings?year=2017&limit=500").await;
    assert_eq!(one["items"].as_array().unwrap(), &all);
    assert_eq!(one["next"], Value::Null);
    assert!(
        app.read_all(None, "/api/public/meetings?year=1999", 3)
            .await
            .is_empty()
    );
    let _ = app.read_all(None, "/api/public/contested-acts", 1).await;
}

#[tokio::test]
async fn bad_page_requests_are_refused_in_words() {
    let app = TestApp::start_demo().await;
    let officer = app.login("bansko.officer").await;
    let admin = app.login("oblast.admin").await;
    for uri in [
        "/api/activities?limit=0",
        "/api/activities?limit=501",
        "/api/activities?limit=-3",
        "/api/activities?after=x",
        "/api/activities?after=20170101-1-2",
        "/api/activities?after=20171301-1-2-0123456789abcdef0123456789abcdef",
        "/api/signals?after=nope",
        "/api/signals?limit=100000000000",
        "/api/accounts?after=%20",
        "/api/contacts?after=nowhere",
        "/api/public/meetings?after=2017",
        "/api/public/contested-acts?limit=0",
    ] {
        let caller = if uri.starts_with("/api/accounts") {
            &admin
        } else {
            &officer
        };
        let (status, body) = app.get_as(caller, uri).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{uri}: {body}");
        let message = body["message"].as_str().unwrap();
        assert!(
            message.contains("страница")
                || message.contains("курсор")
                || message.contains("институция")
                || message.contains("параметри"),
            "{uri}: {message}"
        );
    }
}

#[tokio::test]
async fn the_activities_file_holds_every_filtered_activity_and_stays_in_reach() {
    let app = TestApp::start_demo().await;
    let officer = app.login("bansko.officer").await;
    // More than one batch of the download (500 rows), with a formula-like topic.
    for n in 0..510 {
        let topic = if n == 7 {
            "=HYPERLINK(\"x\")".to_owned()
        } else {
            format!("Обучение {n}")
        };
        let (status, answer) = app
            .post_as(&officer, "/api/activities", training(&day(n), &topic))
            .await;
        assert_eq!(status, StatusCode::CREATED, "{answer}");
    }
    let download = |uri: &str, cookie: &str| {
        Request::get(uri)
            .header(header::COOKIE, cookie)
            .body(Body::empty())
            .unwrap()
    };
    let uri = "/api/activities/export.csv?tenant=bansko&kind=training";
    let (status, headers, bytes) = app.send(download(uri, &officer.cookie)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CONTENT_TYPE], "text/csv; charset=utf-8");
    assert!(
        headers[header::CONTENT_DISPOSITION]
            .to_str()
            .unwrap()
            .contains("deinosti.csv")
    );
    let text = String::from_utf8(bytes.to_vec()).unwrap();
    let text = text
        .strip_prefix('\u{feff}')
        .expect("a byte-order mark first");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    assert_eq!(&reader.headers().unwrap()[0], "Дата");
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let listed = app
        .read_all(
            Some(&officer),
            "/api/activities?tenant=bansko&kind=training",
            500,
        )
        .await;
    assert_eq!(rows.len(), listed.len());
    assert!(rows.len() >= 510);
    assert!(
        rows.iter()
            .all(|r| &r[1] == "Община Банско" && &r[2] == "Обучение")
    );
    let formula = rows.iter().find(|r| r[3].contains("HYPERLINK")).unwrap();
    assert!(
        formula[3].starts_with("'="),
        "a formula was not defused: {formula:?}"
    );
    // The rows are the list's rows, in its order.
    for (row, record) in rows.iter().zip(&listed) {
        let date = record["activity"]["date"].as_str().unwrap();
        let (y, rest) = date.split_at(4);
        assert_eq!(row[0], format!("{}.{}.{y}", &rest[4..6], &rest[1..3]));
    }
    // Browsers ask for it compressed: the compressed stream ends as cleanly.
    let mut gzip = download(uri, &officer.cookie);
    gzip.headers_mut()
        .insert(header::ACCEPT_ENCODING, "gzip".parse().unwrap());
    let (status, headers, bytes) = app.send(gzip).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CONTENT_ENCODING], "gzip");
    assert!(bytes.len() > 1000);
    // Another municipality's officer cannot download Bansko's activities.
    let other = app.login("petrich.officer").await;
    let (status, _, _) = app.send(download(uri, &other.cookie)).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _, _) = app
        .send(Request::get(uri).body(Body::empty()).unwrap())
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn years_without_a_calendar_give_empty_pages_not_errors() {
    let app = TestApp::start_demo().await;
    let officer = app.login("bansko.officer").await;
    for year in [i32::MIN, -1, 0, 262_143, i32::MAX] {
        for uri in [
            format!("/api/activities?year={year}"),
            format!("/api/activities/export.csv?year={year}"),
            format!("/api/public/meetings?year={year}"),
            format!("/api/public/contested-acts?year={year}&limit=1"),
        ] {
            let (status, body) = app.get_as(&officer, &uri).await;
            assert_eq!(status, StatusCode::OK, "{uri}: {body}");
            if !uri.contains("csv") {
                assert_eq!(body["items"], json!([]), "{uri}");
                assert_eq!(body["total"], 0, "{uri}");
            }
        }
    }
}

/// Text a fuzzer would put in a cursor: real cursors with a character changed, cut or
/// doubled, and pieces of their syntax, numbers out of range, other scripts, escapes.
fn mangled(real: &[String], rng: &mut impl rand::Rng) -> String {
    const PIECES: [&str; 16] = [
        "-",
        ".",
        "~",
        "_",
        "0",
        "99999999",
        "-1",
        "18446744073709551616",
        "20171301",
        "00000000",
        "а",
        "€",
        "%00",
        "%FF",
        "%2E",
        "0123456789abcdef0123456789abcdef",
    ];
    let base = real[rng.random_range(0..real.len())].clone();
    let mut chars: Vec<char> = base.chars().collect();
    match rng.random_range(0..5) {
        0 if !chars.is_empty() => {
            let at = rng.random_range(0..chars.len());
            chars[at] = PIECES[rng.random_range(0..PIECES.len())]
                .chars()
                .next()
                .unwrap();
        }
        1 => chars.truncate(rng.random_range(0..=chars.len())),
        2 => chars.extend(base.chars()),
        3 => {
            let at = rng.random_range(0..=chars.len());
            let piece: Vec<char> = PIECES[rng.random_range(0..PIECES.len())].chars().collect();
            chars.splice(at..at, piece);
        }
        _ => {
            chars = (0..rng.random_range(0..6))
                .flat_map(|_| PIECES[rng.random_range(0..PIECES.len())].chars())
                .collect();
        }
    }
    chars.into_iter().collect()
}

#[tokio::test]
async fn mangled_cursors_and_sizes_are_refused_or_answered_never_a_server_error() {
    use rand::{Rng, SeedableRng};
    let app = TestApp::start_demo().await;
    let officer = app.login("bansko.officer").await;
    let admin = app.login("oblast.admin").await;
    for n in 0..12 {
        let (status, _) = app
            .post_as(&officer, "/api/activities", meeting(&day(n), true))
            .await;
        assert_eq!(status, StatusCode::CREATED);
    }
    let citizen = json!({"tenant": "bansko", "reporter": null, "channel": "web_form",
        "account": {"what": "Подкуп", "place": "", "when": ""}, "concerned": null,
        "unit": null, "activity": null, "category": "bribery", "attachments": []});
    for _ in 0..3 {
        let (status, body) = app
            .call(
                None,
                axum::http::Method::POST,
                "/api/public/signals",
                Some(citizen.clone()),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
    }
    let lists: [(&str, Option<&crate::support::Session>); 6] = [
        ("/api/activities", Some(&officer)),
        ("/api/public/meetings", None),
        ("/api/public/contested-acts", None),
        ("/api/signals", Some(&officer)),
        ("/api/accounts", Some(&admin)),
        ("/api/contacts", None),
    ];
    let mut rng = rand::rngs::StdRng::seed_from_u64(20_261_201);
    for (list, caller) in lists {
        // The real cursors of this list, to mangle.
        let mut real = vec![String::new()];
        let (_, page) = app
            .call(
                caller,
                axum::http::Method::GET,
                &format!("{list}?limit=1"),
                None,
            )
            .await;
        real.extend(page["next"].as_str().map(str::to_owned));
        for _ in 0..150 {
            let cursor = mangled(&real, &mut rng);
            let limit = [
                "",
                "&limit=1",
                "&limit=0",
                "&limit=500",
                "&limit=501",
                "&limit=x",
            ][rng.random_range(0..6)];
            // The cursor goes in as a fuzzer sends it: characters an address may not hold
            // are escaped, the escapes it already holds are left to the server.
            let escaped: String = cursor
                .chars()
                .map(|c| match c {
                    c if c.is_ascii_alphanumeric() || "-._~%".contains(c) => c.to_string(),
                    c => c.to_string().bytes().map(|b| format!("%{b:02X}")).collect(),
                })
                .collect();
            let uri = format!("{list}?after={escaped}{limit}");
            let (status, body) = app.call(caller, axum::http::Method::GET, &uri, None).await;
            assert!(
                status == StatusCode::OK || status == StatusCode::BAD_REQUEST,
                "{uri}: {status} {body}"
            );
            if status == StatusCode::OK {
                assert!(body["items"].is_array(), "{uri}: {body}");
            } else {
                assert!(
                    !body["message"].as_str().unwrap_or_default().is_empty(),
                    "{uri}"
                );
            }
        }
    }
}
