//! Figures for the signals register: what filing through the public form costs (receipt-code
//! hash, a new key fsynced in the vault, the event fsynced in the log), alone and with
//! concurrent reporters; what a reporter's lookup costs; and how the register, the statistics
//! and the start-up replay scale with many signals.
//!
//! `cargo bench -p antikor-server --bench signals` (BENCH_SIGNALS, default 20,000).
#![allow(missing_docs)]

use antikor_server::store::{ExpectedVersion, NewEvent};
use antikor_server::util::paging::PageRequest;
use antikor_server::{App, Config};
use antikor_shared::TenantId;
use antikor_shared::i18n::Lang;
use antikor_shared::signal::{
    Category, Channel, FileSignal, ReporterAccess, Sealed, SignalAccount, SignalFiled,
};
use std::net::IpAddr;
use std::time::{Duration, Instant};
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

fn signal(tenant: &str) -> FileSignal {
    FileSignal {
        tenant: TenantId::parse(tenant).unwrap(),
        reporter: None,
        account: SignalAccount {
            what: "Служител иска пари за разрешително.".into(),
            place: "Общината".into(),
            when: "вчера".into(),
        },
        concerned: None,
        unit: Some("Устройство на територията".into()),
        activity: None,
        category: Category::Bribery,
        attachments: vec![],
    }
}

#[tokio::main]
async fn main() {
    let many: usize = std::env::var("BENCH_SIGNALS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(20_000);
    let dir = tempfile::tempdir().unwrap();
    let config = Config {
        public_signals_per_hour: 1_000_000,
        ..Config::new(dir.path(), dir.path().join("no-frontend"))
    };
    let (app, stop) = App::start(&config).await.unwrap();
    let from: IpAddr = [192, 0, 2, 1].into();

    let mut filing = Vec::new();
    let mut receipts = Vec::new();
    for _ in 0..30 {
        let t = Instant::now();
        receipts.push(
            app.file_public_signal(from, signal("bansko"))
                .await
                .unwrap(),
        );
        filing.push(t.elapsed());
    }
    println!(
        "public filing, one reporter:       p50 {:>6.1} ms  p90 {:>6.1} ms",
        ms(percentile(&mut filing, 0.5)),
        ms(percentile(&mut filing, 0.9))
    );

    let concurrent = 16;
    let t = Instant::now();
    let tasks: Vec<_> = (0..concurrent * 4)
        .map(|i| {
            let app = app.clone();
            tokio::spawn(async move {
                app.file_public_signal(from, signal(TENANTS[1 + i % (TENANTS.len() - 1)]))
                    .await
                    .unwrap()
            })
        })
        .collect();
    for task in tasks {
        task.await.unwrap();
    }
    println!(
        "public filing, {concurrent} at a time:        {:>6.1} signals/s",
        (concurrent * 4) as f64 / t.elapsed().as_secs_f64()
    );

    let mut lookups = Vec::new();
    for r in receipts.iter().take(20) {
        let access = ReporterAccess {
            reference: r.reference.clone(),
            code: r.receipt_code.clone().unwrap(),
        };
        let t = Instant::now();
        app.reporter_view(from, &access, Lang::Bg).await.unwrap();
        lookups.push(t.elapsed());
    }
    println!(
        "reporter lookup with the code:     p50 {:>6.1} ms",
        ms(percentile(&mut lookups, 0.5))
    );

    // Many signals, appended straight to the log (their sealed fields are placeholders: the
    // register and the statistics read only the clear ones).
    let log = app.system_log().clone();
    let t = Instant::now();
    let sealed = Sealed {
        sealed_v1: "AAAA".into(),
    };
    let mut appends = Vec::new();
    for i in 0..many {
        let tenant = TENANTS[1 + i % (TENANTS.len() - 1)];
        let filed = SignalFiled {
            reference: format!("X-{i}"),
            received: chrono::NaiveDate::from_ymd_opt(
                2024 + (i % 3) as i32,
                1 + (i % 12) as u32,
                1,
            )
            .unwrap(),
            channel: Channel::Email,
            anonymous: true,
            reporter: None,
            account: sealed.clone(),
            concerned: None,
            category: Category::ALL[i % Category::ALL.len()],
            unit: Some(format!("Звено {}", i % 9)),
            activity: None,
            confirmed_by_reporter: None,
            receipt_hash: None,
            attachments: vec![],
        };
        let log = log.clone();
        appends.push(tokio::spawn(async move {
            let mut request = request(
                tenant,
                format!("signal-{}", Uuid::new_v4()),
                vec![NewEvent::from_domain(Uuid::new_v4(), &filed)],
            );
            request.expected = ExpectedVersion::NoStream;
            log.append(request).await.unwrap()
        }));
        if appends.len() >= 256 {
            for a in appends.drain(..) {
                a.await.unwrap();
            }
        }
    }
    for a in appends {
        a.await.unwrap();
    }
    println!(
        "{many} more signals appended:     {:>6.1} s",
        t.elapsed().as_secs_f64()
    );

    let rounds = 20;
    let models = app.system_models();
    let t = Instant::now();
    for _ in 0..rounds {
        std::hint::black_box(antikor_server::projections::signals::statistics(
            &models.signals,
            &models.tenant_list(),
            None,
            app.clock.today(),
            Lang::Bg,
        ));
    }
    println!(
        "statistics over {:>6} signals, computed: {:>6.2} ms",
        many + 30 + concurrent * 4,
        ms(t.elapsed()) / rounds as f64
    );
    drop(models);
    // The first visitor after a change computes it; those after get it as it is.
    app.signal_statistics(None, None, Lang::Bg).unwrap();
    let t = Instant::now();
    for _ in 0..rounds {
        std::hint::black_box(app.signal_statistics(None, None, Lang::Bg).unwrap());
    }
    println!(
        "statistics as visitors get them between changes: {:>6.3} ms",
        ms(t.elapsed()) / rounds as f64
    );
    let models = app.system_models();
    let bansko = TenantId::parse("bansko").unwrap();
    let today = chrono::Utc::now().date_naive();
    for (what, limit) in [("a page of", 50), ("all of", usize::MAX)] {
        let t = Instant::now();
        let mut rows = 0;
        for _ in 0..rounds {
            let page = models
                .signals
                .register(&bansko, None, &PageRequest::first(limit))
                .map(|s| antikor_server::projections::signals::row(s, today));
            rows = page.items.len();
            std::hint::black_box(page);
        }
        println!(
            "{what:>9} one tenant's register ({rows:>5} rows): {:>6.2} ms",
            ms(t.elapsed()) / rounds as f64
        );
    }
    drop(models);

    stop.close_store().await.unwrap();
    drop((log, app, stop));
    let t = Instant::now();
    let (app, stop) = App::start(&config).await.unwrap();
    println!(
        "start-up (verify + replay):        {:>6.2} s",
        t.elapsed().as_secs_f64()
    );
    stop.close_store().await.unwrap();
    drop(app);
}
