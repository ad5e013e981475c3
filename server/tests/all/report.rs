//! The annual report: what each reader finds in it (notes and every activity within their
//! reach, levels and public records elsewhere), one institution's report, the past, and the
//! Word document read back.

use crate::support::{Session, TestApp};
use antikor_shared::i18n::Lang;
use antikor_shared::report::AnnualReport;
use axum::http::{Method, StatusCode, header};
use serde_json::{Value, json};

const NOTE: &str = "Проведени три обучения на служителите в общинската администрация";
const EVIDENCE: &str = "https://petrich.bg/obuchenia-2017";
const SECRET_DECISION: &str = "Вътрешно решение за проверка на отдел Устройство на територията";

/// Petrich reports on measure I.1 with a note and evidence, and holds a public meeting and a
/// training; Bansko holds a meeting that is not public.
async fn a_year_of_work(app: &TestApp) -> u64 {
    let petrich = app.login("petrich.officer").await;
    let report = json!({"level": "completed", "note": NOTE,
        "evidence": [{"kind": "link", "value": EVIDENCE}],
        "reported_for": "2017-12-15", "expected_version": 0});
    let (status, row) = app
        .call(
            Some(&petrich),
            Method::PUT,
            "/api/progress/2017/I.1",
            Some(report),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{row}");
    let before = app.state.head().position;
    record(
        app,
        &petrich,
        meeting(
            "Среща „отворени врати“ в Петрич",
            "Решение за публикуване",
            true,
        ),
    )
    .await;
    record(
        app,
        &petrich,
        json!({"kind": "training", "date": "2017-04-20", "topic": "Конфликт на интереси",
            "participants": 25, "measures": ["I.1"]}),
    )
    .await;
    let bansko = app.login("bansko.officer").await;
    record(
        app,
        &bansko,
        meeting("Работна среща в Банско", SECRET_DECISION, false),
    )
    .await;
    before
}

fn meeting(title: &str, decisions: &str, public: bool) -> Value {
    json!({"kind": "meeting", "date": "2017-05-12", "meeting_kind": "open_doors",
        "title": title, "participants": 40, "organisations": [],
        "agenda": "Прозрачност", "decisions": decisions, "protocol": "Протокол",
        "public": public, "measures": ["II.2"]})
}

async fn record(app: &TestApp, session: &Session, activity: Value) {
    let (status, body) = app.post_as(session, "/api/activities", activity).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
}

async fn report_as(app: &TestApp, session: Option<&Session>, query: &str) -> AnnualReport {
    let uri = format!("/api/report/2017{query}");
    let (status, body) = app.call(session, Method::GET, &uri, None).await;
    assert_eq!(status, StatusCode::OK, "{uri}: {body}");
    serde_json::from_value(body).unwrap()
}

/// Petrich's entry on measure I.1.
fn petrich_on_i1(report: &AnnualReport) -> &antikor_shared::report::InstitutionLevel {
    report
        .sections
        .iter()
        .flat_map(|s| &s.measures)
        .find(|m| m.measure.key == "I.1")
        .unwrap()
        .levels
        .iter()
        .find(|l| l.tenant.as_str() == "petrich")
        .unwrap()
}

/// The titles (or topics) of the activities of one kind the report lists.
fn listed(report: &AnnualReport, kind: antikor_shared::activity::ActivityKind) -> Vec<String> {
    let list = report.activities.iter().find(|l| l.kind == kind).unwrap();
    let table = report.activity_table(list, Lang::Bg);
    table.rows.iter().map(|r| r.join(" | ")).collect()
}

#[tokio::test]
async fn the_region_reads_every_note_and_activity_and_a_visitor_the_public_record() {
    use antikor_shared::activity::ActivityKind::{Meeting, Training};
    let app = TestApp::start_demo().await;
    a_year_of_work(&app).await;

    let regional = app.login("oblast.sekretar").await;
    let full = report_as(&app, Some(&regional), "").await;
    assert_eq!(full.province.as_str(), "BLG");
    assert!(full.institutions.len() >= 14, "{:?}", full.institutions);
    assert!(full.institutions.iter().all(|i| i.detailed));
    let entry = petrich_on_i1(&full);
    let detail = entry
        .detail
        .as_ref()
        .expect("the region reads Petrich's note");
    assert_eq!(detail.note, NOTE);
    assert_eq!(
        antikor_shared::report::evidence_text(&detail.evidence[0]),
        EVIDENCE
    );
    let meetings = listed(&full, Meeting);
    assert_eq!(meetings.len(), 2, "{meetings:?}");
    assert!(meetings.iter().any(|m| m.contains(SECRET_DECISION)));
    assert_eq!(listed(&full, Training).len(), 1);
    // Who has not reported: everyone but Petrich, by name.
    let silent: Vec<&str> = full.not_reported().map(|i| i.tenant.as_str()).collect();
    assert!(
        !silent.contains(&"petrich") && silent.contains(&"bansko"),
        "{silent:?}"
    );
    // The CSV of the measures holds the note on Petrich's row.
    let measures = full.measures_table(Lang::Bg);
    assert!(
        measures
            .rows
            .iter()
            .any(|r| r.contains(&"Община Петрич".to_owned()) && r.contains(&NOTE.to_owned())),
        "{:?}",
        measures.rows.first()
    );

    // A visitor: levels, the public meeting, no note, no training, no private meeting.
    let public = report_as(&app, None, "").await;
    assert!(public.institutions.iter().all(|i| !i.detailed));
    let entry = petrich_on_i1(&public);
    assert_eq!(
        entry.level,
        Some(antikor_shared::progress::CompletionLevel::Completed)
    );
    assert!(entry.detail.is_none());
    let text = serde_json::to_string(&public).unwrap();
    assert!(
        !text.contains(NOTE) && !text.contains(SECRET_DECISION),
        "{text}"
    );
    assert_eq!(listed(&public, Meeting).len(), 1);
    assert!(listed(&public, Training).is_empty());
    assert_eq!(
        public
            .activities
            .iter()
            .find(|l| l.kind == Training)
            .unwrap()
            .total,
        0
    );
    // ...but the counts of what was done are public, as on the progress page.
    let petrich = public
        .institutions
        .iter()
        .find(|i| i.tenant.as_str() == "petrich")
        .unwrap();
    assert_eq!(petrich.activities.iter().map(|k| k.count).sum::<u32>(), 2);

    // Bansko's officer: Bansko's own record in full, Petrich's as the public sees it.
    let bansko = app.login("bansko.officer").await;
    let theirs = report_as(&app, Some(&bansko), "").await;
    assert!(petrich_on_i1(&theirs).detail.is_none());
    let meetings = listed(&theirs, Meeting);
    assert_eq!(
        meetings.len(),
        2,
        "their own private one and Petrich's public one"
    );
    assert!(listed(&theirs, Training).is_empty());
}

#[tokio::test]
async fn one_institutions_report_holds_it_alone_and_the_past_holds_what_was_reported_then() {
    let app = TestApp::start_demo().await;
    let before = a_year_of_work(&app).await;
    let regional = app.login("oblast.sekretar").await;

    let petrich = report_as(&app, Some(&regional), "?tenant=petrich").await;
    assert_eq!(petrich.institution.as_ref().unwrap().as_str(), "petrich");
    assert_eq!(petrich.institutions.len(), 1);
    assert!(
        petrich.title(Lang::Bg).ends_with("Община Петрич"),
        "{}",
        petrich.title(Lang::Bg)
    );
    let meetings = petrich.activities.iter().find(|l| l.items.len() == 1);
    assert!(meetings.is_some());
    assert!(
        petrich
            .activities
            .iter()
            .flat_map(|l| &l.items)
            .all(|a| a.tenant.as_str() == "petrich")
    );

    // Before Petrich's activities, its report on I.1 already stood; before that, nothing.
    let then = report_as(
        &app,
        Some(&regional),
        &format!("?tenant=petrich&as_of={before}"),
    )
    .await;
    assert!(then.activities.iter().all(|l| l.total == 0));
    assert!(petrich_on_i1(&then).detail.is_some());
    let earlier = report_as(
        &app,
        Some(&regional),
        &format!("?tenant=petrich&as_of={}", before - 1),
    )
    .await;
    assert_eq!(petrich_on_i1(&earlier).level, None);

    for (query, status) in [
        ("?tenant=burgas", StatusCode::NOT_FOUND),
        ("?tenant=nyama-takava", StatusCode::NOT_FOUND),
        ("?tenant=Не!", StatusCode::BAD_REQUEST),
        ("?province=XXX", StatusCode::NOT_FOUND),
    ] {
        let (got, body) = app
            .call(
                Some(&regional),
                Method::GET,
                &format!("/api/report/2017{query}"),
                None,
            )
            .await;
        assert_eq!(got, status, "{query}: {body}");
        assert!(
            body["error"].as_str().is_some_and(|e| !e.is_empty()),
            "{body}"
        );
    }
    let (status, body) = app.get("/api/report/2016").await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{body}");
    // Replaying the past costs work: visitors read the report as it is now.
    let (status, body) = app.get(&format!("/api/report/2017?as_of={before}")).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "{body}");
}

/// The text of a DOCX file, read back by `docx-rs`'s own reader.
fn docx_text(bytes: &[u8]) -> String {
    docx_rs::read_docx(bytes)
        .expect("the report opens as a Word document")
        .json()
}

#[tokio::test]
async fn the_word_document_opens_and_holds_the_notes_for_those_who_may_read_them() {
    let app = TestApp::start_demo().await;
    a_year_of_work(&app).await;
    let regional = app.login("oblast.sekretar").await;
    let request = |session: Option<&Session>| {
        let mut r = axum::http::Request::get("/api/report/2017/docx");
        if let Some(s) = session {
            r = r.header(header::COOKIE, &s.cookie);
        }
        r.body(axum::body::Body::empty()).unwrap()
    };
    let (status, headers, bytes) = app.send(request(Some(&regional))).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        headers[header::CONTENT_TYPE],
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    );
    assert!(
        headers[header::CONTENT_DISPOSITION]
            .to_str()
            .unwrap()
            .contains("godishen-otchet-2017.docx")
    );
    let text = docx_text(&bytes);
    for expected in [
        NOTE,
        EVIDENCE,
        SECRET_DECISION,
        "Годишен отчет за изпълнението на плана за 2017 г.",
        "Институции без отчет",
        "Община Банско",
        "Сигнали за корупция",
    ] {
        assert!(text.contains(expected), "the document lacks {expected}");
    }
    // A visitor's copy has the levels and none of the notes.
    let (status, _, bytes) = app.send(request(None)).await;
    assert_eq!(status, StatusCode::OK);
    let text = docx_text(&bytes);
    assert!(text.contains("Изпълнена") && text.contains("Община Петрич"));
    assert!(!text.contains(NOTE) && !text.contains(SECRET_DECISION));
}

#[tokio::test]
async fn visitors_read_a_report_kept_a_few_seconds_and_staff_read_it_as_it_is() {
    let app = TestApp::start_demo().await;
    let kept = report_as(&app, None, "?tenant=petrich").await;
    assert_eq!(petrich_on_i1(&kept).level, None);
    a_year_of_work(&app).await;
    // A visitor asking again within seconds gets the report already built...
    let again = report_as(&app, None, "?tenant=petrich").await;
    assert_eq!(again.position, kept.position);
    // ...another report is built for them (another institution, the whole province)...
    let province = report_as(&app, None, "").await;
    assert!(province.position > kept.position);
    // ...and staff always read the newest.
    let regional = app.login("oblast.sekretar").await;
    let now = report_as(&app, Some(&regional), "?tenant=petrich").await;
    assert_eq!(
        petrich_on_i1(&now).level,
        Some(antikor_shared::progress::CompletionLevel::Completed)
    );
}

#[tokio::test]
async fn many_visitors_at_once_while_reports_land_all_read_a_whole_report_and_one_document() {
    let app = TestApp::start_demo().await;
    a_year_of_work(&app).await;
    let petrich = app.login("petrich.officer").await;
    let get = |uri: &'static str| {
        let app = &app;
        async move {
            let (status, _, bytes) = app.fetch(uri, &[]).await;
            assert_eq!(status, StatusCode::OK, "{uri}");
            bytes
        }
    };
    // Visitors ask for the report and its document at once while Petrich reports on II.1,
    // twice: each answer is a whole report, and the documents all open.
    let writes = async {
        for (version, level) in [(0, "limited"), (1, "substantial")] {
            let body = json!({"level": level, "note": "Ход", "evidence": [],
                "reported_for": "2017-11-30", "expected_version": version});
            let (status, row) = app
                .call(
                    Some(&petrich),
                    Method::PUT,
                    "/api/progress/2017/II.1",
                    Some(body),
                )
                .await;
            assert_eq!(status, StatusCode::OK, "{row}");
        }
    };
    let reads = futures::future::join_all((0..24).map(|i| async move {
        if i % 3 == 0 {
            let bytes = get("/api/report/2017/docx").await;
            docx_text(&bytes);
            None
        } else {
            let report: AnnualReport =
                serde_json::from_slice(&get("/api/report/2017").await).unwrap();
            assert!(report.institutions.len() >= 14);
            assert!(report.institutions.iter().all(|i| !i.detailed));
            Some(report.position)
        }
    }));
    let (_, positions) = tokio::join!(writes, reads);
    // Kept for seconds, the reports visitors got are few: at most one per write plus the first.
    let mut built: Vec<u64> = positions.into_iter().flatten().collect();
    built.sort_unstable();
    built.dedup();
    assert!(built.len() <= 3, "{built:?}");
}
