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
use axum::body::Body;
use axum::http::{Request, StatusCode};
use chrono::{Datelike, NaiveDate};
use serde_json::value::RawValue;
use std::time::{Duration, Instant};
use tower::ServiceExt;
use uuid::Uuid;

mod common;
use common::{TENANTS, request};

fn percentile(samples: &mut [Duration], p: f64) -> Duration {
    samples.sort_unstable();
    samples[((samples.len() - 1) as f64 * p).round() as usize]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

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

/// Sends `GET uri` through the router, checks it answers 200, and returns the body's size.
async fn get(router: &axum::Router, uri: &str) -> usize {
    let response = router
        .clone()
        .oneshot(Request::get(uri).body(Body::empty()).unwrap())
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK, "{uri}");
    axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .unwrap()
        .len()
}

/// Sends `rate` requests a second (a multiple of 1,000) for `time`: `rate / 1000` at each
/// millisecond (the timer's grain), whether or not the earlier ones were answered. An open
/// loop: a slow answer cannot hold the next requests back and hide the queue it causes.
/// Returns the rate answered, each request's time from its scheduled millisecond to its
/// answer, and how late the timer woke the sender at each millisecond (part of those times).
async fn at_fixed_rate(
    router: &axum::Router,
    uri: &'static str,
    rate: u32,
    time: Duration,
) -> (f64, Vec<Duration>, Vec<Duration>) {
    let per_tick = rate / 1000;
    let ticks = time.as_millis() as u32;
    let start = tokio::time::Instant::now();
    let mut requests = Vec::with_capacity((per_tick * ticks) as usize);
    let mut late = Vec::with_capacity(ticks as usize);
    for tick in 0..ticks {
        let due = start + Duration::from_millis(u64::from(tick));
        tokio::time::sleep_until(due).await;
        late.push(due.elapsed());
        for _ in 0..per_tick {
            let router = router.clone();
            requests.push(tokio::spawn(async move {
                get(&router, uri).await;
                due.elapsed()
            }));
        }
    }
    let mut times = Vec::with_capacity(requests.len());
    for request in requests {
        times.push(request.await.unwrap());
    }
    let rate = times.len() as f64 / start.elapsed().as_secs_f64();
    (rate, times, late)
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

    let router = antikor_server::router::build(app.clone());
    for uri in [
        "/api/public/progress?year=2017",
        "/api/public/meetings?year=2017",
        "/api/public/meetings",
    ] {
        let mut times = Vec::new();
        let mut bytes = 0;
        for _ in 0..200 {
            let t = Instant::now();
            bytes = get(&router, uri).await;
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
            at_fixed_rate(&router, uri, 2000, Duration::from_secs(5)).await;
        println!(
            "GET {uri:<32} at 2,000 requests/s: p50 {:.2} ms  p99 {:.2} ms  ({rate:.0} answered/s; the sender's timer woke p50 {:.2} ms late)",
            ms(percentile(&mut times, 0.5)),
            ms(percentile(&mut times, 0.99)),
            ms(percentile(&mut late, 0.5)),
        );
    }

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
