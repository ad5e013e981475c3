//! Evidence files: uploaded and judged by their bytes, kept once under their SHA-256, attached
//! to activities, risks and progress reports, served to whoever reads the record (anyone, for a
//! public meeting's protocol), and never served damaged.

use crate::support::{Session, TestApp};
use antikor_shared::files::FileRef;
use antikor_shared::views::ActivityRecord;
use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use chrono::TimeDelta;
use serde_json::{Value, json};

pub(crate) async fn upload(
    app: &TestApp,
    session: &Session,
    name: &str,
    bytes: &[u8],
) -> (StatusCode, Value) {
    let request = Request::post(format!("/api/files?name={}", urlencode(name)))
        .header(header::COOKIE, &session.cookie)
        .header("x-csrf-token", &session.csrf)
        .header(header::CONTENT_TYPE, "application/octet-stream")
        .body(Body::from(bytes.to_vec()))
        .unwrap();
    let (status, _, body) = app.send(request).await;
    let body = serde_json::from_slice(&body).unwrap_or(Value::Null);
    (status, body)
}

fn urlencode(name: &str) -> String {
    name.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b".-_".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

pub(crate) async fn download(
    app: &TestApp,
    session: Option<&Session>,
    sha256: &str,
) -> (StatusCode, Vec<u8>) {
    let mut request = Request::get(format!("/api/files/{sha256}"));
    if let Some(s) = session {
        request = request.header(header::COOKIE, &s.cookie);
    }
    let (status, headers, body) = app.send(request.body(Body::empty()).unwrap()).await;
    if status == StatusCode::OK {
        let disposition = headers[header::CONTENT_DISPOSITION].to_str().unwrap();
        assert!(disposition.starts_with("attachment"), "{disposition}");
    }
    (status, body.to_vec())
}

async fn meeting(app: &TestApp, officer: &Session, public: bool) -> ActivityRecord {
    let (status, body) = app
        .post_as(
            officer,
            "/api/activities",
            json!({"kind": "meeting", "date": "2017-03-01", "meeting_kind": "open_doors",
                "title": "Заседание на съвета", "participants": 7, "organisations": [],
                "agenda": "Прозрачност", "decisions": "Решение 1", "protocol": "Протокол 1",
                "public": public, "measures": ["II.2"]}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    serde_json::from_value(body).unwrap()
}

#[tokio::test]
async fn a_protocol_is_uploaded_attached_and_read_by_whoever_reads_its_record() {
    let app = TestApp::start_demo().await;
    let officer = app.login("bansko.officer").await;
    let pdf = b"%PDF-1.7\n% protokol na saveta\n".to_vec();
    let (status, body) = upload(&app, &officer, "Протокол №3.pdf", &pdf).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let file: FileRef = serde_json::from_value(body).unwrap();
    assert_eq!(file.media_type, "application/pdf");
    assert_eq!(file.bytes, pdf.len() as u64);
    // Kept under its hash, written whole.
    let stored = app
        .dir
        .path()
        .join("files")
        .join(&file.sha256[..2])
        .join(&file.sha256);
    assert_eq!(std::fs::read(&stored).unwrap(), pdf);
    // Not a type it takes, whatever the name says.
    let (status, body) = upload(&app, &officer, "протокол.pdf", b"MZ\x90\x00 an exe").await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    // Attached to nothing, it is no one's to read.
    assert_eq!(
        download(&app, Some(&officer), &file.sha256).await.0,
        StatusCode::NOT_FOUND
    );

    let closed = meeting(&app, &officer, false).await;
    let record: ActivityRecord = app
        .write_as(
            &officer,
            &format!("/api/activities/{}/files", closed.id),
            json!({"files": [file]}),
        )
        .await;
    assert_eq!(record.files, std::slice::from_ref(&file));
    assert_eq!(record.version, 2);
    let (status, bytes) = download(&app, Some(&officer), &file.sha256).await;
    assert_eq!((status, bytes), (StatusCode::OK, pdf.clone()));
    let regional = app.login("oblast.sekretar").await;
    assert_eq!(
        download(&app, Some(&regional), &file.sha256).await.0,
        StatusCode::OK
    );
    let other = app.login("petrich.officer").await;
    assert_eq!(
        download(&app, Some(&other), &file.sha256).await.0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        download(&app, None, &file.sha256).await.0,
        StatusCode::NOT_FOUND
    );

    // A public meeting's protocol is everyone's.
    let open = meeting(&app, &officer, true).await;
    let (status, body) = upload(&app, &officer, "publichen.pdf", b"%PDF-1.4 public").await;
    assert_eq!(status, StatusCode::CREATED);
    let public: FileRef = serde_json::from_value(body).unwrap();
    let _: ActivityRecord = app
        .write_as(
            &officer,
            &format!("/api/activities/{}/files", open.id),
            json!({"files": [public]}),
        )
        .await;
    assert_eq!(download(&app, None, &public.sha256).await.0, StatusCode::OK);

    // A file never uploaded cannot be attached.
    let made_up = json!({"sha256": "0".repeat(64), "name": "x.pdf",
        "media_type": "application/pdf", "bytes": 3});
    let (status, body) = app
        .post_as(
            &officer,
            &format!("/api/activities/{}/files", closed.id),
            json!({"files": [made_up]}),
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");

    // A damaged file is reported, not served; uploading it again repairs it.
    let mut damaged = pdf.clone();
    damaged[3] ^= 0x20;
    std::fs::write(&stored, &damaged).unwrap();
    assert_eq!(
        download(&app, Some(&officer), &file.sha256).await.0,
        StatusCode::INTERNAL_SERVER_ERROR
    );
    let (status, _) = upload(&app, &officer, "Протокол №3.pdf", &pdf).await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(download(&app, Some(&officer), &file.sha256).await.1, pdf);
}

/// Uploads `otchet.pdf` and reports progress on measure II.3 with it; returns the upload's
/// answer (the file as records name it).
async fn reported_with_a_file(app: &TestApp, officer: &Session) -> Value {
    let (status, file) = upload(app, officer, "otchet.pdf", b"%PDF-1.7 otchet").await;
    assert_eq!(status, StatusCode::CREATED, "{file}");
    let (status, row) = app
        .call(
            Some(officer),
            Method::PUT,
            "/api/progress/2017/II.3",
            Some(json!({"level": "limited", "note": "Отчет с протокол",
                "evidence": [{"kind": "file", "value": file}],
                "reported_for": "2017-06-30", "expected_version": 0})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{row}");
    file
}

#[tokio::test]
async fn progress_reports_and_risks_carry_files_too() {
    let app = TestApp::start_demo().await;
    let officer = app.login("bansko.officer").await;
    let body = reported_with_a_file(&app, &officer).await;
    let sha256 = body["sha256"].as_str().unwrap();
    assert_eq!(
        download(&app, Some(&officer), sha256).await.0,
        StatusCode::OK
    );

    let (status, risk) = app
        .post_as(
            &officer,
            "/api/risks",
            crate::risks::identified("bansko.officer"),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{risk}");
    let (status, body) = upload(&app, &officer, "analiz.pdf", b"%PDF-1.7 analiz").await;
    assert_eq!(status, StatusCode::CREATED);
    let risk: antikor_shared::risk::RiskRecord = app
        .write_as(
            &officer,
            &format!("/api/risks/{}/files", risk["id"].as_str().unwrap()),
            json!({"files": [body]}),
        )
        .await;
    assert_eq!(risk.files.len(), 1);
    assert_eq!(risk.version, 2);
    let other = app.login("petrich.officer").await;
    assert_eq!(
        download(&app, Some(&other), &risk.files[0].sha256).await.0,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn uploads_alone_cannot_fill_the_disk() {
    let app = TestApp::start_demo().await;
    let officer = app.login("bansko.officer").await;
    let mut statuses = Vec::new();
    for n in 0..31 {
        let pdf = format!("%PDF-1.7 {n}");
        statuses.push(upload(&app, &officer, "a.pdf", pdf.as_bytes()).await.0);
    }
    assert!(
        statuses[..30].iter().all(|s| *s == StatusCode::CREATED),
        "{statuses:?}"
    );
    assert_eq!(statuses[30], StatusCode::TOO_MANY_REQUESTS);
    // Another user is not held back by the first.
    let other = app.login("petrich.officer").await;
    assert_eq!(
        upload(&app, &other, "b.pdf", b"%PDF-1.7 b").await.0,
        StatusCode::CREATED
    );
}

#[tokio::test]
async fn an_upload_no_record_names_is_swept_after_a_day_and_one_a_record_names_never() {
    let app = TestApp::start_demo().await;
    let officer = app.login("bansko.officer").await;
    let named = reported_with_a_file(&app, &officer).await;
    let draft = b"%PDF-1.7 chernova, ne e prilozhena".to_vec();
    let (_, orphan) = upload(&app, &officer, "chernova.pdf", &draft).await;

    // A day to name it in a record.
    app.state.clock.advance(TimeDelta::hours(23));
    assert_eq!(app.state.sweep_unattached_files().await.unwrap(), (0, 0));
    app.state.clock.advance(TimeDelta::hours(2));
    assert_eq!(
        app.state.sweep_unattached_files().await.unwrap(),
        (1, draft.len() as u64)
    );
    let named_hash = named["sha256"].as_str().unwrap();
    assert_eq!(
        download(&app, Some(&officer), named_hash).await.1,
        b"%PDF-1.7 otchet"
    );
    // The swept one is no longer there to attach; uploaded again, it is, for another day.
    let closed = meeting(&app, &officer, false).await;
    let attach = format!("/api/activities/{}/files", closed.id);
    let attached = || {
        let body = json!({"files": [orphan]});
        app.call(Some(&officer), Method::POST, &attach, Some(body))
    };
    let (status, body) = attached().await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    upload(&app, &officer, "chernova.pdf", &draft).await;
    let (status, body) = attached().await;
    assert_eq!(status, StatusCode::OK, "{body}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_sweep_racing_attachments_never_leaves_a_record_naming_a_removed_file() {
    let app = std::sync::Arc::new(TestApp::start_demo().await);
    let officer = app.login("bansko.officer").await;
    let closed = meeting(&app, &officer, false).await;
    let attach = format!("/api/activities/{}/files", closed.id);
    for round in 0..6 {
        let bytes = format!("%PDF-1.7 protokol {round}").into_bytes();
        let (_, file) = upload(&app, &officer, "protokol.pdf", &bytes).await;
        app.state.clock.advance(TimeDelta::hours(25));
        let attempts = (0..8).map(|_| {
            let (app, officer, attach, file) =
                (app.clone(), officer.clone(), attach.clone(), file.clone());
            tokio::spawn(async move {
                let body = json!({"files": [file]});
                app.call(Some(&officer), Method::POST, &attach, Some(body))
                    .await
                    .0
            })
        });
        let attempts: Vec<_> = attempts.collect();
        let sweep = tokio::spawn({
            let app = app.clone();
            async move { app.state.sweep_unattached_files().await.unwrap() }
        });
        let mut attached = false;
        for attempt in attempts {
            let status = attempt.await.unwrap();
            assert!(
                status == StatusCode::OK || status == StatusCode::BAD_REQUEST,
                "{status}"
            );
            attached |= status == StatusCode::OK;
        }
        let (swept, _) = sweep.await.unwrap();
        let sha256 = file["sha256"].as_str().unwrap();
        let (status, served) = download(&app, Some(&officer), sha256).await;
        if attached {
            assert_eq!(
                status,
                StatusCode::OK,
                "round {round}: a record names a removed file"
            );
            assert_eq!(served, bytes);
            assert_eq!(swept, 0, "round {round}");
        } else {
            assert_eq!(swept, 1, "round {round}");
        }
    }
}
