//! What the pages everyone opens cost on a log full of recorded work: the public progress page
//! (every tenant side by side) and the public meetings, anonymous, through the real router, and
//! a tenant's dashboard from the read models, after activities of every kind, over three
//! years, in every tenant, a tenth of them corrected (some to another year).
//!
//! `cargo bench -p antikor-server --bench reads` (BENCH_ACTIVITIES, default 200,000).
#![allow(missing_docs)]

use antikor_server::store::NewEvent;
use antikor_server::{App, Config, streams};
use antikor_shared::TenantId;
use antikor_shared::activity::{
    Activity, ActivityCorrected, DeclarationsChecked, MediaActivityCarriedOut, MediaKind,
    MeetingHeld, MeetingKind, TrainingHeld,
};
use antikor_shared::events::{ActivityEvent, EventSet};
use chrono::{Datelike, NaiveDate};
use serde_json::value::RawValue;
use std::time::{Duration, Instant};
use uuid::Uuid;

mod common;
#[path = "common/http.rs"]
mod http;
use common::{TENANTS, request};
use http::{at_fixed_rate, body, get, ms, percentile};

/// The `i`th activity: a meeting, training, media work or declaration check, in 2016–2018.
fn activity(i: u64) -> Activity {
    let date = NaiveDate::from_ymd_opt(
        2016 + (i % 3) as i32,
        1 + (i % 12) as u32,
        1 + (i % 28) as u32,
    )
    .unwrap();
    let measures = vec![format!("II.{}", 1 + i % 7)];
    match i % 4 {
        0 => Activity::Meeting(MeetingHeld {
            date,
            meeting_kind: MeetingKind::CouncilSession,
            title: format!("Заседание № {i}"),
            participants: 9,
            organisations: vec!["Областна администрация".into()],
            agenda: "Анализ на сигналите и на регистъра на корупционните рискове".into(),
            decisions: "Приема анализа.".into(),
            protocol: "Протоколът е приет.".into(),
            public: i.is_multiple_of(400),
            measures,
        }),
        1 => Activity::Training(TrainingHeld {
            date,
            topic: format!("Конфликт на интереси, обучение № {i}"),
            participants: 25,
            measures,
        }),
        2 => Activity::Media(MediaActivityCarriedOut {
            date,
            media_kind: MediaKind::Appearance,
            channel: "Радио Благоевград".into(),
            summary: format!("Интервю № {i} за приемната за сигнали"),
            measures,
        }),
        _ => Activity::DeclarationCheck(DeclarationsChecked {
            period_from: date.with_day(1).unwrap(),
            period_to: date,
            checking_body: "Комисия по чл. 72 ЗПКОНПИ".into(),
            declarations_checked: 40,
            irregularities_found: (i % 3) as u32,
            referrals: 0,
            measures,
        }),
    }
}

fn new_event(e: &ActivityEvent) -> NewEvent {
    NewEvent {
        id: Uuid::new_v4(),
        event_type: e.event_type().name().into(),
        schema_version: e.event_type().schema_version(),
        payload: RawValue::from_string(e.to_json()).unwrap(),
    }
}

fn recorded(activity: Activity) -> ActivityEvent {
    match activity {
        Activity::Meeting(a) => ActivityEvent::MeetingHeld(a),
        Activity::Training(a) => ActivityEvent::TrainingHeld(a),
        Activity::Media(a) => ActivityEvent::MediaActivityCarriedOut(a),
        Activity::DeclarationCheck(a) => ActivityEvent::DeclarationsChecked(a),
        Activity::ContestedAct(a) => ActivityEvent::ActContested(a),
    }
}

/// The JSON a GET answers.
async fn get_json(router: &axum::Router, uri: &str, cookie: Option<&str>) -> serde_json::Value {
    serde_json::from_slice(&body(router, uri, cookie).await).unwrap()
}

#[tokio::main]
async fn main() {
    let total: u64 = std::env::var("BENCH_ACTIVITIES")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(200_000);
    let dir = tempfile::tempdir().unwrap();
    let config = Config::new(dir.path(), dir.path().join("no-frontend"));
    let (app, stop) = App::start(&config).await.unwrap();

    let t = Instant::now();
    let writers = 64;
    let mut tasks = Vec::new();
    for w in 0..writers {
        let app = app.clone();
        tasks.push(tokio::spawn(async move {
            let mut i = w;
            while i < total {
                let tenant = TENANTS[(i % TENANTS.len() as u64) as usize];
                let id = Uuid::new_v4();
                let stream = streams::activity(id).to_string();
                let mut events = vec![new_event(&recorded(activity(i)))];
                if i % 10 == 9 {
                    events.push(new_event(&ActivityEvent::Corrected(ActivityCorrected {
                        activity: activity(i + 4),
                        reason: "Грешна дата".into(),
                    })));
                }
                app.system_log()
                    .append(request(tenant, stream, events))
                    .await
                    .unwrap();
                i += writers;
            }
        }));
    }
    for task in tasks {
        task.await.unwrap();
    }
    println!(
        "recorded {total} activities in {} tenants ({:.1} s)",
        TENANTS.len(),
        t.elapsed().as_secs_f64()
    );

    // Logins read the client's address (for their throttles), as the real server gives it.
    let client = std::net::SocketAddr::from(([127, 0, 0, 1], 4000));
    let router = antikor_server::router::build(app.clone())
        .layer(axum::extract::connect_info::MockConnectInfo(client));
    // A page deep in the year's list: up to the 200th.
    let mut deep = "/api/public/meetings?year=2017".to_owned();
    for _ in 1..200 {
        match get_json(&router, &deep, None).await["next"].as_str() {
            Some(next) => deep = format!("/api/public/meetings?year=2017&after={next}"),
            None => break,
        }
    }
    for uri in [
        "/api/public/progress?year=2017",
        "/api/public/meetings?year=2017",
        "/api/public/meetings",
        deep.as_str(),
        "/api/public/meetings?limit=500",
    ] {
        let mut times = Vec::new();
        let mut bytes = 0;
        for _ in 0..200 {
            let t = Instant::now();
            bytes = get(&router, uri, None).await;
            times.push(t.elapsed());
        }
        println!(
            "GET {uri:<32} (anonymous): p50 {:.2} ms  p99 {:.2} ms  ({} KB)",
            ms(percentile(&mut times, 0.5)),
            ms(percentile(&mut times, 0.99)),
            bytes / 1024
        );
    }
    for uri in [
        "/api/public/progress?year=2017",
        "/api/public/meetings?year=2017",
    ] {
        let (rate, mut times, mut late) =
            at_fixed_rate(&router, uri, None, 2000, Duration::from_secs(5)).await;
        println!(
            "GET {uri:<32} at 2,000 requests/s: p50 {:.2} ms  p99 {:.2} ms  ({rate:.0} answered/s; the sender's timer woke p50 {:.2} ms late)",
            ms(percentile(&mut times, 0.5)),
            ms(percentile(&mut times, 0.99)),
            ms(percentile(&mut late, 0.5)),
        );
    }

    // The lists people page through, logged in: one tenant's, and every tenant's merged.
    antikor_server::demo::create_accounts(&app).await.unwrap();
    let password = antikor_server::demo::DEMO_PASSWORD;
    let officer = http::login(&router, "bansko.officer", password)
        .await
        .cookie;
    let regional = http::login(&router, "oblast.admin", password).await.cookie;
    let lists = [
        ("/api/activities", &officer),
        ("/api/activities?year=2017&kind=training", &officer),
        ("/api/activities", &regional),
        ("/api/activities?year=2017&kind=meeting", &regional),
    ];
    for (uri, cookie) in lists {
        let who = if *cookie == officer {
            "officer"
        } else {
            "regional"
        };
        let mut times = Vec::new();
        let mut deeper = Vec::new();
        let mut bytes = 0;
        let mut after = String::new();
        for _ in 0..200 {
            let t = Instant::now();
            let page = get_json(&router, uri, Some(cookie)).await;
            times.push(t.elapsed());
            bytes = page.to_string().len();
            // The next page of the one read last: each round goes one page deeper.
            let joiner = if uri.contains('?') { '&' } else { '?' };
            let t = Instant::now();
            let next = get_json(
                &router,
                &format!("{uri}{joiner}after={after}"),
                Some(cookie),
            )
            .await;
            deeper.push(t.elapsed());
            after = next["next"].as_str().unwrap_or_default().to_owned();
        }
        let (rate, mut loaded, mut late) =
            at_fixed_rate(&router, uri, Some(cookie), 2000, Duration::from_secs(5)).await;
        println!(
            "GET {uri:<40} ({who}): a page p50 {:.2} ms  p99 {:.2} ms ({} KB); pages 1-200 deep p99 {:.2} ms; at 2,000 requests/s p50 {:.2} ms  p99 {:.2} ms ({rate:.0} answered/s; sent late p50 {:.2} ms)",
            ms(percentile(&mut times, 0.5)),
            ms(percentile(&mut times, 0.99)),
            bytes / 1024,
            ms(percentile(&mut deeper, 0.99)),
            ms(percentile(&mut loaded, 0.5)),
            ms(percentile(&mut loaded, 0.99)),
            ms(percentile(&mut late, 0.5)),
        );
    }
    let t = Instant::now();
    let file = get(
        &router,
        "/api/activities/export.csv?tenant=bansko&year=2017",
        Some(&officer),
    )
    .await;
    println!(
        "GET /api/activities/export.csv?tenant=bansko&year=2017: {} KB in {:.0} ms",
        file / 1024,
        ms(t.elapsed())
    );

    let models = app.system_models();
    let bansko = TenantId::parse("bansko").unwrap();
    let today = NaiveDate::from_ymd_opt(2017, 6, 30).unwrap();
    let mut dashboard = Vec::new();
    for _ in 0..200 {
        let t = Instant::now();
        std::hint::black_box(models.dashboard(&bansko, 2017, today).unwrap());
        dashboard.push(t.elapsed());
    }
    println!(
        "a tenant's dashboard (read models):  p50 {:.2} ms  p99 {:.2} ms",
        ms(percentile(&mut dashboard, 0.5)),
        ms(percentile(&mut dashboard, 0.99))
    );
    drop(router);
    stop.close_store().await.unwrap();
}
