//! Figures for a national log: a start, a rebuild, a verification, the disk and the busiest pages.
//!
//! Every province's regional administration and municipalities (293 tenants) with their staff
//! and a 2017 plan each, then `BENCH_EVENTS` events in all (default 10,000,000) of the real
//! mix, appended by 64 concurrent writers, spread uniformly over the tenants (see [`MIX`]).
//! Then: the write rate, the disk per event, resident memory, a cold start, the rate of a
//! full rebuild of the read models and of `antikor verify`, and p50/p99 of the dashboard, the
//! region view and the audit page at a fixed 2,000 requests/s.
//!
//! `cargo bench -p antikor-server --bench national` (BENCH_EVENTS; BENCH_DIR, where the data
//! folder goes, default the system's temporary folder). The binary runs itself three times,
//! with `NATIONAL_PHASE` (`write`, `resume`, `walk`) and `NATIONAL_DATA`: once to install the
//! country and fill the log (writing snapshots as a server does), once to start cold from the
//! snapshot and serve the pages, once to start cold without it and rebuild; the first process
//! walks the folder for its size in between and runs `antikor verify` at the end.
//! `NATIONAL_PHASE=rebuild` on a filled folder (`NATIONAL_DATA`) times only full rebuilds of
//! the read models, `NATIONAL_RUNS` of them (default 3), for work on the fold.
#![allow(missing_docs)]

use antikor_server::projections::ReadModels;
use antikor_server::store::{ExpectedVersion, NewEvent, SledStore, StoreOptions};
use antikor_server::{App, AppState, Config, cli, streams};
use antikor_shared::account::{
    AccountCreated, AccountDisabled, AccountEnabled, LoggedOut, LoginFailed, LoginFailure,
    LoginSucceeded, PasswordChangeKind, PasswordChanged, Role, RoleGranted,
};
use antikor_shared::activity::{
    ActAction, ActContested, ActKind, Activity, ActivityCorrected, ContestedActFollowedUp,
    DeclarationsChecked, MediaActivityCarriedOut, MediaKind, MeetingHeld, MeetingKind,
    TrainingHeld,
};
use antikor_shared::events::ActivityEvent;
use antikor_shared::progress::{CompletionLevel, Evidence, ProgressReported};
use antikor_shared::signal::{
    AttachmentRecord, Category, Channel, DEFAULT_ACTIVITIES, DEFAULT_UNITS, Outcome,
    ReceiptVerifier, Regime, Sealed, SignalAcknowledged, SignalAssigned, SignalClassified,
    SignalClosed, SignalFeedbackGiven, SignalFiled, SignalFollowedUp, SignalForwarded,
    SignalIdentityViewed, SignalLinked, SignalMessageSent, SignalReporterReplied,
};
use antikor_shared::tenant::RegisterTenant;
use antikor_shared::{TenantId, Username};
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use base64::Engine;
use chrono::{Datelike, Days, NaiveDate};
use futures::StreamExt;
use rand::rngs::SmallRng;
use rand::{Rng, RngCore, SeedableRng};
use std::collections::{BTreeMap, VecDeque};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tower::ServiceExt;
use uuid::Uuid;

mod common;
#[path = "common/http.rs"]
mod http;
use common::{TENANTS, request};
use http::{Session, at_fixed_rate, get, ms, percentile};

/// The bench accounts' password (the policy refuses one that holds the username).
const PASSWORD: &str = "national-bench-kestrel-2017";

/// Concurrent writers of the fill, as in `--bench reads`.
const WRITERS: u64 = 64;

/// Staff accounts each tenant gets in the fill (besides the bench's own logins), whose logins,
/// password changes, roles and suspensions make up the security and account events.
const STAFF: usize = 8;

/// Signal cases each writer keeps open: it files a new one only when one closes.
const OPEN: usize = 8;

/// The national body, beside the 293 tenants of the provinces.
const NATIONAL: &str = "kpk";

/// What the fill writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Security,
    Progress,
    Activity,
    Signal,
    Risk,
    Account,
}

/// The mix of the fill, as shares of its events. Assumed, not measured: a country's log is
/// mostly its security log and its progress reports.
///
/// - 40 % the security log: logins 45 %, logouts 40 %, refused logins 15 % (a tenth of those
///   for unknown names, in a regional administration, without the name), 8 at a time in one
///   tenant's `security` stream;
/// - 30 % progress reports: 1–4 at a time on one measure of the 2017 plan (its real keys, `I.1`
///   to `VI.x`), of a random level, with a note and often a link or a document;
/// - 17 % activities, one stream each: meetings, trainings, media work and declaration checks
///   in every tenant, contested acts (half of them followed up) in the regional
///   administrations; one in ten corrected in the same append;
/// - 11 % signal lifecycles, one append per step, interleaved with everything else: filed,
///   acknowledged, assigned and classified, followed up 1–3 times, messages both ways (3 in
///   10), forwarded (outside competence, or 1 in 10), identities opened (1 in 20), linked to
///   the tenant's signal filed before (1 in 30), feedback, closed; every writer keeps 8 cases
///   open (512 in all, at every stage), which stay open at the end. Their sealed fields are random bytes of a real
///   sealed field's size (nonce, text of a plausible length, tag): sealing each under a new
///   vault key is what makes the real filing slow (see `--bench signals`), and no read model
///   opens them;
/// - 1 % the corruption-risk registers: a risk entered and rated in one append, with its
///   response planned (1 in 2), a review (3 in 10) and a document attached (1 in 10);
/// - 1 % accounts: the staff accounts created (8 per tenant), then passwords changed (6 in
///   10), roles granted (2 in 10), accounts disabled or enabled again (2 in 10).
///
/// Every append picks its tenant uniformly among the 293.
const MIX: [(Kind, &str, f64); 6] = [
    (Kind::Security, "security log", 0.40),
    (Kind::Progress, "progress reports", 0.30),
    (Kind::Activity, "activities", 0.17),
    (Kind::Signal, "signal lifecycles", 0.11),
    (Kind::Risk, "risk registers", 0.01),
    (Kind::Account, "accounts", 0.01),
];

/// One of the country's 293 tenants, as the fill writes to it.
struct Place {
    slug: TenantId,
    /// Its official code, the prefix of its signals' register numbers.
    code: String,
    province_name: &'static str,
    /// Its municipalities, for a regional administration (whose acts it contests).
    municipalities: Vec<TenantId>,
    /// The bench account that logs in there (an officer, or regional staff).
    user: Username,
}

impl Place {
    fn regional(&self) -> bool {
        !self.municipalities.is_empty()
    }

    /// The `n`th staff account of the fill (from 1).
    fn staff(&self, n: usize) -> Username {
        Username::parse(format!("{}.staff{n}", self.slug)).unwrap()
    }
}

/// The country as the NSI lists it, with each tenant's bench account.
fn places() -> Vec<Place> {
    let country = antikor_migrations::country::country();
    let mut places = Vec::new();
    for province in country.provinces() {
        let municipalities: Vec<_> = country.municipalities_of(&province.code).collect();
        let admin = province.administration_slug();
        places.push(Place {
            user: Username::parse(format!("{admin}.regional")).unwrap(),
            slug: admin,
            code: province.nuts3.to_owned(),
            province_name: province.name_bg,
            municipalities: municipalities.iter().map(|m| m.slug.clone()).collect(),
        });
        for m in municipalities {
            places.push(Place {
                user: Username::parse(format!("{}.officer", m.slug)).unwrap(),
                slug: m.slug.clone(),
                code: m.nsi_code.to_owned(),
                province_name: province.name_bg,
                municipalities: Vec::new(),
            });
        }
    }
    places
}

/// A line of `/proc/self/status` in MiB (`VmRSS`, `VmHWM`).
fn status_mib(field: &str) -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix(field))
        .and_then(|v| v.trim().trim_end_matches(" kB").trim().parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

/// The CPU time this process has used (user and system), from `/proc/self/stat`, whose
/// clock ticks are 1/100 s on Linux: what a page costs whatever else runs on the machine.
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // The fields after the command name, which is in parentheses and may hold spaces.
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .map_or("", |(_, rest)| rest)
        .split_whitespace()
        .collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    // utime and stime are the 14th and 15th fields; the name was the 2nd.
    (ticks(11) + ticks(12)) / 100.0
}

/// What this process used from a moment on: time, CPU time and reads that reached the
/// disk (those the page cache did not serve), which tell work from waiting.
struct Usage {
    wall: Instant,
    cpu: f64,
    read: u64,
}

impl Usage {
    fn start() -> Self {
        Self {
            wall: Instant::now(),
            cpu: cpu_seconds(),
            read: disk_reads(),
        }
    }

    /// The seconds since the start.
    fn elapsed(&self) -> f64 {
        self.wall.elapsed().as_secs_f64()
    }

    /// The time, CPU time and disk reads since the start, for a figure's line.
    fn report(&self) -> String {
        format!(
            "{:.2} s, CPU {:.1} s, {:.0} MB read from the disk",
            self.elapsed(),
            cpu_seconds() - self.cpu,
            (disk_reads() - self.read) as f64 / 1e6
        )
    }
}

/// The bytes this process has had read from storage (`read_bytes` of `/proc/self/io`).
fn disk_reads() -> u64 {
    let io = std::fs::read_to_string("/proc/self/io").unwrap_or_default();
    io.lines()
        .find_map(|l| l.strip_prefix("read_bytes:"))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(0)
}

/// The bytes of every file under `dir`, as they take space on disk (sparse files count what
/// is allocated).
fn disk_bytes(dir: &Path) -> u64 {
    use std::os::unix::fs::MetadataExt;
    std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|entry| match entry.metadata() {
            Ok(m) if m.is_dir() => disk_bytes(&entry.path()),
            Ok(m) => m.blocks() * 512,
            Err(_) => 0,
        })
        .sum()
}

/// A day of `year`, at random.
fn day_of(rng: &mut SmallRng, year: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, 1, 1).unwrap() + Days::new(rng.random_range(0..365))
}

/// A sealed field of `clear` bytes as the vault writes it: base64 of a 24-byte nonce, the
/// ciphertext and a 16-byte tag. Random bytes, so that it takes the room a real one does.
fn sealed(rng: &mut SmallRng, clear: usize) -> Sealed {
    let mut bytes = vec![0u8; 24 + clear + 16];
    rng.fill_bytes(&mut bytes);
    Sealed {
        sealed_v1: base64::engine::general_purpose::STANDARD.encode(bytes),
    }
}

/// The Bulgarian text of a progress note, of a plausible length.
fn note(rng: &mut SmallRng, measure: &str) -> String {
    const DONE: [&str; 4] = [
        "Проведено заседание на съвета с участието на граждани и медии",
        "Публикуван е отчет на интернет страницата на институцията",
        "Извършена е проверка на декларациите по чл. 35 ЗПКОНПИ",
        "Организирано е обучение на служителите по конфликт на интереси",
    ];
    format!(
        "{} по мярка {measure}; {} участници, документите са в деловодството под № {}.",
        DONE[rng.random_range(0..DONE.len())],
        rng.random_range(3..60),
        rng.random_range(100..9999)
    )
}

/// A meeting, training, media work or declaration check of `place` (any tenant), in 2016–2018.
fn activity(rng: &mut SmallRng, place: &Place, measures: &[String]) -> Activity {
    let year = 2016 + rng.random_range(0..3);
    let date = day_of(rng, year);
    let measures = (0..rng.random_range(1..3))
        .map(|_| measures[rng.random_range(0..measures.len())].clone())
        .collect();
    let n = rng.random_range(1..500);
    match rng.random_range(0..4) {
        0 => Activity::Meeting(MeetingHeld {
            date,
            meeting_kind: MeetingKind::ALL[rng.random_range(0..MeetingKind::ALL.len())],
            title: format!("Заседание № {n} на обществения съвет"),
            participants: rng.random_range(5..40),
            organisations: vec![
                "Областна администрация".into(),
                format!("Община {}", place.province_name),
            ],
            agenda: "Анализ на сигналите и на регистъра на корупционните рискове".into(),
            decisions: "Приема анализа и възлага проверка на две процедури.".into(),
            protocol: format!("Протокол № {n} е публикуван."),
            public: rng.random_bool(0.1),
            measures,
        }),
        1 => Activity::Training(TrainingHeld {
            date,
            topic: format!("Конфликт на интереси и сигнали за корупция, обучение № {n}"),
            participants: rng.random_range(8..60),
            measures,
        }),
        2 => Activity::Media(MediaActivityCarriedOut {
            date,
            media_kind: if rng.random_bool(0.7) {
                MediaKind::Appearance
            } else {
                MediaKind::Campaign
            },
            channel: format!("Радио {}", place.province_name),
            summary: format!("Интервю № {n} за приемната за сигнали и за плана за действие"),
            measures,
        }),
        _ => Activity::DeclarationCheck(DeclarationsChecked {
            period_from: date.with_day(1).unwrap(),
            period_to: date,
            checking_body: "Комисия по чл. 72 ЗПКОНПИ".into(),
            declarations_checked: rng.random_range(10..200),
            irregularities_found: rng.random_range(0..4),
            referrals: rng.random_range(0..2),
            measures,
        }),
    }
}

/// An act of one of the province's municipalities contested by its regional administration.
fn contested(rng: &mut SmallRng, place: &Place, measures: &[String]) -> ActContested {
    let received_on = day_of(rng, 2017);
    let returned = rng.random_bool(0.6);
    ActContested {
        act_kind: if rng.random_bool(0.8) {
            ActKind::CouncilDecision
        } else {
            ActKind::MayorOrder
        },
        act_number: format!("Решение № {}", rng.random_range(1..900)),
        act_date: received_on - Days::new(rng.random_range(1..10)),
        municipality: place.municipalities[rng.random_range(0..place.municipalities.len())]
            .to_string(),
        received_on,
        action: if returned {
            ActAction::Returned
        } else {
            ActAction::ContestedInCourt
        },
        action_on: received_on + Days::new(rng.random_range(1..if returned { 7 } else { 14 })),
        grounds: "Противоречие с чл. 21 ЗМСМА и с Наредбата за общинската собственост".into(),
        council_revote: None,
        court_case: None,
        court_outcome: None,
        published_on: None,
        measures: vec![measures[rng.random_range(0..measures.len())].clone()],
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

fn event<E: antikor_shared::DomainEvent>(e: &E) -> NewEvent {
    NewEvent::from_domain(Uuid::new_v4(), e)
}

/// One append the fill makes.
struct Append {
    tenant: usize,
    stream: String,
    expected: ExpectedVersion,
    actor: String,
    events: Vec<NewEvent>,
    kind: Kind,
}

/// What the writers share of the signals register.
struct Register {
    /// The next register number (unique across the country).
    numbers: AtomicU64,
    /// Each tenant's signal filed last, which the next may be linked to.
    last: Vec<Mutex<Option<Uuid>>>,
}

/// A signal a writer has filed and not yet closed: the appends of its remaining steps.
struct OpenSignal {
    tenant: usize,
    id: Uuid,
    steps: VecDeque<Vec<NewEvent>>,
}

/// A staff account a writer keeps (tenants are shared out among the writers).
struct Staff {
    tenant: usize,
    username: Username,
    role: Role,
    disabled: bool,
    created: bool,
}

/// One of the concurrent writers of the fill, with what it has written.
struct Writer {
    rng: SmallRng,
    places: Arc<Vec<Place>>,
    measures: Arc<Vec<String>>,
    register: Arc<Register>,
    open: Vec<OpenSignal>,
    staff: Vec<Staff>,
    written: [u64; MIX.len()],
    types: BTreeMap<String, u64>,
    appends: u64,
}

impl Writer {
    fn new(
        w: u64,
        places: Arc<Vec<Place>>,
        measures: Arc<Vec<String>>,
        register: Arc<Register>,
    ) -> Self {
        let mut staff = Vec::new();
        for (tenant, place) in places.iter().enumerate() {
            if tenant as u64 % WRITERS != w {
                continue;
            }
            for n in 1..=STAFF {
                let role = match (place.regional(), n) {
                    (false, 1) => Role::TenantAdmin,
                    (false, _) => Role::Officer,
                    (true, 1) => Role::RegionalAdmin,
                    (true, 2) => Role::Auditor,
                    (true, _) => Role::Regional,
                };
                staff.push(Staff {
                    tenant,
                    username: place.staff(n),
                    role,
                    disabled: false,
                    created: false,
                });
            }
        }
        Self {
            rng: SmallRng::seed_from_u64(w),
            places,
            measures,
            register,
            open: Vec::new(),
            staff,
            written: [0; MIX.len()],
            types: BTreeMap::new(),
            appends: 0,
        }
    }

    /// The next append: of the kind furthest below its share of what this writer wrote.
    fn next(&mut self) -> Append {
        let (k, _) = MIX
            .iter()
            .enumerate()
            .map(|(k, (_, _, share))| (k, self.written[k] as f64 / share))
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .unwrap();
        let tenant = self.rng.random_range(0..self.places.len());
        match MIX[k].0 {
            Kind::Security => self.security(tenant),
            Kind::Progress => self.progress(tenant),
            Kind::Activity => self.activity(tenant),
            Kind::Signal => self.signal(tenant),
            Kind::Risk => self.risk(tenant),
            Kind::Account => self.account(),
        }
    }

    /// Counts an append that was written.
    fn count(&mut self, append: &Append) {
        let k = MIX.iter().position(|m| m.0 == append.kind).unwrap();
        self.written[k] += append.events.len() as u64;
        self.appends += 1;
        for e in &append.events {
            *self.types.entry(e.event_type.clone()).or_default() += 1;
        }
    }

    fn simple(&self, tenant: usize, stream: String, events: Vec<NewEvent>, kind: Kind) -> Append {
        Append {
            tenant,
            stream,
            expected: ExpectedVersion::Any,
            actor: self.places[tenant].user.to_string(),
            events,
            kind,
        }
    }

    /// A user of the tenant: one of its staff, or the bench's account there.
    fn someone(&mut self, tenant: usize) -> Username {
        let n = self.rng.random_range(0..=STAFF);
        let place = &self.places[tenant];
        if n == 0 {
            place.user.clone()
        } else {
            place.staff(n)
        }
    }

    fn security(&mut self, tenant: usize) -> Append {
        let events = (0..8)
            .map(|_| {
                let username = self.someone(tenant);
                let client = format!(
                    "10.{}.{}.{}",
                    self.rng.random_range(0..32),
                    self.rng.random_range(0..256),
                    self.rng.random_range(1..255)
                );
                let roll = self.rng.random::<f64>();
                if roll < 0.45 {
                    event(&LoginSucceeded {
                        username,
                        client: client.into(),
                    })
                } else if roll < 0.85 {
                    event(&LoggedOut { username })
                } else {
                    let unknown = self.places[tenant].regional() && self.rng.random_bool(0.1);
                    event(&LoginFailed {
                        username: (!unknown).then_some(username),
                        client,
                        failure: if unknown {
                            LoginFailure::UnknownAccount
                        } else {
                            LoginFailure::WrongPassword
                        },
                        blocked_until: None,
                    })
                }
            })
            .collect();
        self.simple(tenant, "security".into(), events, Kind::Security)
    }

    fn progress(&mut self, tenant: usize) -> Append {
        let measure = self.measures[self.rng.random_range(0..self.measures.len())].clone();
        let events = (0..self.rng.random_range(1..=4))
            .map(|_| {
                let evidence = match self.rng.random_range(0..3) {
                    0 => vec![Evidence::Link(format!(
                        "https://{}.bg/antikor/2017/{measure}",
                        self.places[tenant].slug
                    ))],
                    1 => vec![Evidence::Document(format!(
                        "Протокол № {}/2017",
                        self.rng.random_range(1..300)
                    ))],
                    _ => Vec::new(),
                };
                event(&ProgressReported {
                    year: 2017,
                    measure: measure.clone(),
                    level: CompletionLevel::ALL[self.rng.random_range(0..4)],
                    note: note(&mut self.rng, &measure),
                    evidence,
                    reported_for: day_of(&mut self.rng, 2017),
                })
            })
            .collect();
        let stream = streams::progress(2017, &measure).unwrap().to_string();
        self.simple(tenant, stream, events, Kind::Progress)
    }

    fn activity(&mut self, tenant: usize) -> Append {
        let place = &self.places[tenant];
        let mut events = Vec::new();
        let rng = &mut self.rng;
        if place.regional() && rng.random_bool(0.25) {
            let act = contested(rng, place, &self.measures);
            events.push(NewEvent::from_set(
                Uuid::new_v4(),
                &ActivityEvent::ActContested(act.clone()),
            ));
            if rng.random_bool(0.5) {
                let follow_up = ContestedActFollowedUp {
                    council_revote: Some("Съветът отмени решението.".into()),
                    court_case: Some(format!("адм. д. № {}/2017", rng.random_range(1..2000))),
                    court_outcome: None,
                    published_on: Some(act.action_on + Days::new(3)),
                };
                events.push(NewEvent::from_set(
                    Uuid::new_v4(),
                    &ActivityEvent::FollowedUp(follow_up),
                ));
            }
        } else {
            let first = activity(rng, place, &self.measures);
            events.push(NewEvent::from_set(Uuid::new_v4(), &recorded(first)));
        }
        if self.rng.random_bool(0.1) {
            // A correction carries the whole record again (here another one of the same tenant,
            // as a mistake of date or count does).
            let corrected = ActivityCorrected {
                activity: activity(&mut self.rng, place, &self.measures),
                reason: "Грешна дата и брой участници".into(),
            };
            events.push(NewEvent::from_set(
                Uuid::new_v4(),
                &ActivityEvent::Corrected(corrected),
            ));
        }
        let stream = streams::activity(Uuid::new_v4()).to_string();
        self.simple(tenant, stream, events, Kind::Activity)
    }

    /// A risk of the tenant's 2017 register, entered and rated, often with its response, at
    /// times reviewed or with a document.
    fn risk(&mut self, tenant: usize) -> Append {
        use antikor_shared::events::RiskEvent;
        use antikor_shared::risk::{
            Rating, RiskArea, RiskAssessed, RiskFilesAttached, RiskIdentified, RiskResponse,
            RiskReviewed, RiskTreatmentPlanned,
        };
        let rng = &mut self.rng;
        let mut rating = || Rating {
            likelihood: rng.random_range(1..=5),
            impact: rng.random_range(1..=5),
        };
        let inherent = rating();
        let residual = Rating {
            likelihood: inherent.likelihood.min(rating().likelihood),
            impact: inherent.impact,
        };
        let area = RiskArea::ALL[self.rng.random_range(0..RiskArea::ALL.len())];
        let owner = self.someone(tenant).to_string();
        let rng = &mut self.rng;
        let mut events = vec![
            RiskEvent::Identified(RiskIdentified {
                year: 2017,
                area,
                unit: "Отдел „Обществени поръчки“".into(),
                description: "Насочване на поръчка към определен изпълнител чрез спецификациите"
                    .into(),
                causes: "Спецификации, написани за един доставчик; един служител ги изготвя".into(),
                owner,
                review_on: day_of(rng, 2017),
            }),
            RiskEvent::Assessed(RiskAssessed {
                inherent,
                controls: "Двама служители преглеждат спецификациите".into(),
                residual,
            }),
        ];
        if rng.random_bool(0.5) {
            events.push(RiskEvent::TreatmentPlanned(RiskTreatmentPlanned {
                response: RiskResponse::ALL[rng.random_range(0..4)],
                actions: "Проектите на спецификациите се публикуват за коментари".into(),
                measures: vec![self.measures[rng.random_range(0..self.measures.len())].clone()],
                due_on: Some(day_of(rng, 2017)),
            }));
        }
        if rng.random_bool(0.3) {
            events.push(RiskEvent::Reviewed(RiskReviewed {
                reviewed_on: day_of(rng, 2017),
                residual,
                note: "Мерките действат".into(),
                next_review_on: NaiveDate::from_ymd_opt(2018, 6, 30).expect("a date"),
            }));
        }
        if rng.random_bool(0.1) {
            let mut sha256 = [0u8; 32];
            rng.fill(&mut sha256);
            events.push(RiskEvent::FilesAttached(RiskFilesAttached {
                files: vec![antikor_shared::files::FileRef {
                    sha256: sha256.iter().map(|b| format!("{b:02x}")).collect(),
                    name: "analiz-na-riska.pdf".into(),
                    media_type: "application/pdf".into(),
                    bytes: rng.random_range(20_000..2_000_000),
                }],
            }));
        }
        let events = events
            .iter()
            .map(|e| NewEvent::from_set(Uuid::new_v4(), e))
            .collect();
        let stream = streams::risk(Uuid::new_v4()).to_string();
        self.simple(tenant, stream, events, Kind::Risk)
    }

    /// Files a new signal or takes an open one a step further, keeping [`OPEN`] open.
    fn signal(&mut self, tenant: usize) -> Append {
        if self.open.len() < OPEN {
            return self.file(tenant);
        }
        let i = self.rng.random_range(0..self.open.len());
        let step = self.open[i].steps.pop_front().unwrap();
        let (tenant, id) = (self.open[i].tenant, self.open[i].id);
        if self.open[i].steps.is_empty() {
            self.open.swap_remove(i);
        }
        let stream = streams::signal(id).to_string();
        self.simple(tenant, stream, step, Kind::Signal)
    }

    /// A new signal's filing, with the steps of its case queued.
    fn file(&mut self, tenant: usize) -> Append {
        let rng = &mut self.rng;
        let place = &self.places[tenant];
        let year = 2023 + rng.random_range(0..3);
        let received = day_of(rng, year);
        let channel = [
            Channel::WebForm,
            Channel::Email,
            Channel::Phone,
            Channel::Post,
            Channel::InPerson,
        ][rng.random_range(0..5)];
        let anonymous = rng.random_bool(0.6);
        let category = Category::ALL[rng.random_range(0..Category::ALL.len())];
        let unit = DEFAULT_UNITS[rng.random_range(0..DEFAULT_UNITS.len())].to_owned();
        let activity = DEFAULT_ACTIVITIES[rng.random_range(0..DEFAULT_ACTIVITIES.len())];
        let number = self.register.numbers.fetch_add(1, Ordering::Relaxed);
        let told = rng.random_range(300..1500);
        let filed = SignalFiled {
            reference: format!("{}-{}-{number:05}", place.code, received.year()),
            received,
            channel,
            anonymous,
            reporter: (!anonymous).then(|| sealed(rng, 120)),
            account: sealed(rng, told),
            concerned: rng.random_bool(0.4).then(|| sealed(rng, 80)),
            category,
            unit: Some(unit.clone()),
            activity: rng.random_bool(0.7).then(|| activity.to_owned()),
            confirmed_by_reporter: matches!(channel, Channel::Phone | Channel::InPerson)
                .then_some(true),
            // An argon2id PHC string is 97 characters.
            receipt_hash: (channel == Channel::WebForm)
                .then(|| ReceiptVerifier::Sealed(sealed(rng, 97))),
            attachments: if rng.random_bool(0.2) {
                let mut hash = [0u8; 32];
                rng.fill_bytes(&mut hash);
                vec![AttachmentRecord {
                    number: 1,
                    name: sealed(rng, 30),
                    media_type: "application/pdf".into(),
                    bytes: rng.random_range(20_000..2_000_000),
                    ciphertext_sha256: hex::encode(hash),
                }]
            } else {
                Vec::new()
            },
        };
        let regime = match rng.random_range(0..10) {
            0..3 => Regime::Whistleblower,
            3..9 => Regime::General,
            _ => Regime::OutsideCompetence,
        };
        let forwarded = regime == Regime::OutsideCompetence || rng.random_bool(0.1);
        let mut on = received;
        let mut later = |rng: &mut SmallRng, days: u64| {
            on = on + Days::new(rng.random_range(1..=days));
            on
        };
        let mut steps: VecDeque<Vec<NewEvent>> = VecDeque::new();
        steps.push_back(vec![event(&SignalAcknowledged {
            on: later(rng, 6),
            uin: (regime == Regime::Whistleblower)
                .then(|| format!("{:010}", rng.random_range(0..10_000_000_000u64))),
            message: rng.random_bool(0.5).then(|| sealed(rng, 200)),
        })]);
        let officer = place.staff(rng.random_range(2..=STAFF));
        steps.push_back(vec![
            event(&SignalAssigned { to: officer }),
            event(&SignalClassified {
                regime,
                category,
                unit: Some(unit),
                activity: Some(activity.to_owned()),
            }),
        ]);
        for _ in 0..rng.random_range(1..=3) {
            steps.push_back(vec![event(&SignalFollowedUp {
                on: later(rng, 20),
                action: sealed(rng, 250),
            })]);
        }
        if rng.random_bool(0.3) {
            steps.push_back(vec![event(&SignalMessageSent {
                text: sealed(rng, 300),
            })]);
            steps.push_back(vec![event(&SignalReporterReplied {
                text: sealed(rng, 400),
            })]);
        }
        if rng.random_bool(0.05) {
            steps.push_back(vec![event(&SignalIdentityViewed {
                fields: vec!["reporter".into(), "concerned".into()],
            })]);
        }
        let id = Uuid::new_v4();
        // Linked to the tenant's signal filed before it (by any writer).
        let previous = self.register.last[tenant].lock().unwrap().replace(id);
        if let Some(other) = previous.filter(|_| rng.random_bool(1.0 / 30.0)) {
            steps.push_back(vec![event(&SignalLinked { other })]);
        }
        if forwarded {
            steps.push_back(vec![event(&SignalForwarded {
                to: format!("Районна прокуратура – {}", place.province_name),
                outgoing_number: format!("{}-{}", place.code, rng.random_range(100..9999)),
                on: later(rng, 10),
            })]);
        }
        steps.push_back(vec![event(&SignalFeedbackGiven {
            on: later(rng, 60),
            text: sealed(rng, 500),
        })]);
        let outcome = if forwarded {
            Outcome::Forwarded
        } else {
            Outcome::ALL[[0, 1, 3][rng.random_range(0..3)]]
        };
        steps.push_back(vec![event(&SignalClosed {
            on: later(rng, 30),
            outcome,
            reason: sealed(rng, 300),
        })]);
        self.open.push(OpenSignal { tenant, id, steps });
        Append {
            expected: ExpectedVersion::NoStream,
            ..self.simple(
                tenant,
                streams::signal(id).to_string(),
                vec![event(&filed)],
                Kind::Signal,
            )
        }
    }

    /// Creates the next of this writer's staff accounts, or changes one.
    fn account(&mut self) -> Append {
        let i = match self.staff.iter().position(|s| !s.created) {
            Some(i) => i,
            None => self.rng.random_range(0..self.staff.len()),
        };
        let roll = self.rng.random_range(0..10);
        let s = &mut self.staff[i];
        let e = if !s.created {
            s.created = true;
            event(&AccountCreated {
                username: s.username.clone(),
                display_name: format!("Служител {}", s.username),
                role: s.role,
            })
        } else if roll < 6 {
            event(&PasswordChanged {
                username: s.username.clone(),
                kind: if roll < 4 {
                    PasswordChangeKind::ByOwner
                } else {
                    PasswordChangeKind::ResetByAdmin
                },
            })
        } else if roll < 8 {
            let previous = s.role;
            s.role = match previous {
                Role::Officer => Role::TenantAdmin,
                Role::TenantAdmin => Role::Officer,
                Role::Regional => Role::RegionalAdmin,
                Role::RegionalAdmin => Role::Regional,
                other => other,
            };
            event(&RoleGranted {
                username: s.username.clone(),
                role: s.role,
                previous,
            })
        } else if s.disabled {
            s.disabled = false;
            event(&AccountEnabled {
                username: s.username.clone(),
            })
        } else {
            s.disabled = true;
            event(&AccountDisabled {
                username: s.username.clone(),
                reason: "Напуснал длъжността".into(),
            })
        };
        let (tenant, stream) = (s.tenant, streams::account(&s.username).to_string());
        self.simple(tenant, stream, vec![e], Kind::Account)
    }
}

/// What the fill wrote, summed over its writers.
#[derive(Default)]
struct Filled {
    written: [u64; MIX.len()],
    types: BTreeMap<String, u64>,
    appends: u64,
}

/// Appends `target` events of the mix with [`WRITERS`] concurrent writers.
async fn fill(app: &AppState, places: Arc<Vec<Place>>, target: u64) -> Filled {
    let measures: Arc<Vec<String>> = Arc::new(
        antikor_migrations::plan::plan_2017()
            .measures
            .into_iter()
            .map(|m| m.key)
            .collect(),
    );
    let reserved = Arc::new(AtomicU64::new(0));
    let register = Arc::new(Register {
        numbers: AtomicU64::new(1),
        last: places.iter().map(|_| Mutex::new(None)).collect(),
    });
    let tasks: Vec<_> = (0..WRITERS)
        .map(|w| {
            let log = app.system_log().clone();
            let mut writer = Writer::new(w, places.clone(), measures.clone(), register.clone());
            let reserved = reserved.clone();
            tokio::spawn(async move {
                loop {
                    let mut append = writer.next();
                    let n = append.events.len() as u64;
                    let from = reserved.fetch_add(n, Ordering::Relaxed);
                    if from >= target {
                        break;
                    }
                    append.events.truncate((target - from).min(n) as usize);
                    writer.count(&append);
                    let mut req = request(
                        writer.places[append.tenant].slug.as_str(),
                        append.stream,
                        append.events,
                    );
                    req.expected = append.expected;
                    req.metadata.actor = append.actor;
                    log.append(req).await.unwrap();
                }
                writer
            })
        })
        .collect();
    let mut filled = Filled::default();
    for task in tasks {
        let writer = task.await.unwrap();
        for (k, n) in writer.written.iter().enumerate() {
            filled.written[k] += n;
        }
        for (t, n) in writer.types {
            *filled.types.entry(t).or_default() += n;
        }
        filled.appends += writer.appends;
    }
    filled
}

/// The router as the server builds it, with the client's address its logins read.
fn router(app: &AppState) -> axum::Router {
    let client = std::net::SocketAddr::from(([127, 0, 0, 1], 4000));
    antikor_server::router::build(app.clone())
        .layer(axum::extract::connect_info::MockConnectInfo(client))
}

/// The country, its accounts and every province's 2017 plan, as a fresh installation would
/// have them before the years of work the fill writes.
async fn install(app: &AppState, places: &[Place]) {
    let mut requests = cli::province_requests(None);
    requests.push(RegisterTenant::NationalBody {
        slug: TenantId::parse(NATIONAL).unwrap(),
        name_bg: "Комисия за противодействие на корупцията".into(),
        name_en: "Anti-Corruption Commission".into(),
        official_code: "UIC-KPK".into(),
    });
    let registered = cli::register_tenants(app, requests).await.unwrap();
    // Blagoevgrad's founding tenants are seeded at the first start, and recognised here.
    assert_eq!(registered.already, TENANTS.len());
    let mut accounts: Vec<(TenantId, Username, Role)> = places
        .iter()
        .map(|p| {
            let role = if p.regional() {
                Role::Regional
            } else {
                Role::Officer
            };
            (p.slug.clone(), p.user.clone(), role)
        })
        .collect();
    let national = TenantId::parse(NATIONAL).unwrap();
    for (name, role) in [
        ("kpk.national", Role::National),
        ("kpk.auditor", Role::Auditor),
    ] {
        accounts.push((national.clone(), Username::parse(name).unwrap(), role));
    }
    let created = accounts.len();
    // Each account's password is hashed with argon2; a few at a time keep both cores busy.
    futures::stream::iter(accounts)
        .map(|(tenant, username, role)| {
            cli::create_user(
                app,
                tenant,
                username.clone(),
                username.to_string(),
                role,
                PASSWORD.into(),
            )
        })
        .buffer_unordered(4)
        .for_each(|created| async move {
            created.unwrap();
        })
        .await;
    // Every province starts its first plan from Blagoevgrad's (seeded), as its regional staff
    // would: logged in, through the API.
    let router = router(app);
    let mut plans = 0;
    for place in places
        .iter()
        .filter(|p| p.regional() && p.slug.as_str() != "oblast")
    {
        let session = http::login(&router, place.user.as_str(), PASSWORD).await;
        let body = serde_json::json!({"year": 2017, "based_on": 2017, "template": "BLG"});
        let response = router
            .clone()
            .oneshot(
                Request::post("/api/plans")
                    .header(header::CONTENT_TYPE, "application/json")
                    .header(header::COOKIE, &session.cookie)
                    .header("x-csrf-token", &session.csrf)
                    .body(Body::from(body.to_string()))
                    .unwrap(),
            )
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::CREATED, "{}", place.slug);
        plans += 1;
    }
    println!(
        "installed: {} tenants registered ({} were seeded), {created} accounts, {plans} plans started from Blagoevgrad's",
        registered.registered.len(),
        registered.already
    );
}

/// The load average, as `/proc/loadavg` gives it: the machine may be shared, and two cores
/// busy with something else change every figure.
fn load() -> String {
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    load.split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The data folder's config (no frontend).
fn config(data: &Path) -> Config {
    Config::new(data, data.join("no-frontend"))
}

/// The first process: installs the country on an empty `data` folder and fills the log to
/// `total` events, printing the write rate, the mix and the memory of the live server.
async fn write(data: &Path, total: u64) {
    let places = Arc::new(places());
    let (app, stop) = App::start(&config(data)).await.unwrap();
    let t = Instant::now();
    install(&app, &places).await;
    let installed = app.head().position;
    println!(
        "installation: {installed} events in {:.1} s",
        t.elapsed().as_secs_f64()
    );

    let target = total.saturating_sub(installed);
    // Group commits: how many appends each fdatasync serves.
    let commits = Arc::new(AtomicU64::new(0));
    let counted = commits.clone();
    app.system_log().on_commit(Box::new(move |_| {
        counted.fetch_add(1, Ordering::Relaxed);
    }));
    let t = Instant::now();
    let watch = {
        let app = app.clone();
        tokio::spawn(async move {
            loop {
                tokio::time::sleep(Duration::from_secs(15)).await;
                eprintln!("… {} events", app.head().position);
            }
        })
    };
    let filled = fill(&app, places.clone(), target).await;
    watch.abort();
    let elapsed = t.elapsed().as_secs_f64();
    let commits = commits.load(Ordering::Relaxed);
    println!(
        "fill: {target} events in {elapsed:.1} s, {:.0} events/s ({:.0} appends/s of {:.1} events on average, {WRITERS} writers; {:.0} commits/s of {:.1} events)",
        target as f64 / elapsed,
        filled.appends as f64 / elapsed,
        target as f64 / filled.appends as f64,
        commits as f64 / elapsed,
        target as f64 / commits as f64
    );
    let shares: Vec<String> = MIX
        .iter()
        .zip(filled.written)
        .map(|((_, name, share), n)| {
            format!(
                "{name} {:.1} % (meant {:.0} %)",
                n as f64 * 100.0 / target as f64,
                share * 100.0
            )
        })
        .collect();
    println!("the mix: {}", shares.join(", "));
    let types: Vec<String> = filled
        .types
        .iter()
        .map(|(t, n)| format!("{t} {n}"))
        .collect();
    println!("by type: {}", types.join(", "));
    println!(
        "RSS after the fill (the live server's process): {:.0} MiB (peak {:.0} MiB)",
        status_mib("VmRSS:"),
        status_mib("VmHWM:")
    );
    // The server wrote snapshots as the log grew; the newest, at the head, is what it writes
    // when it stops.
    let written = app
        .snapshot_if_behind(1)
        .await
        .unwrap()
        .expect("the log grew since the last snapshot");
    println!(
        "snapshot at the head: {:.0} MB ({:.0} bytes per event) in {:.2} s, of which appends waited {:.2} s for the copy",
        written.bytes as f64 / 1e6,
        written.bytes as f64 / written.position as f64,
        written.elapsed.as_secs_f64(),
        written.copied.as_secs_f64()
    );
    stop.close_store().await.unwrap();
}

/// The second process: a start from the snapshot the first wrote, the background check of
/// the history behind it, and the pages under load.
async fn resume(data: &Path) {
    let usage = Usage::start();
    let (app, stop) = App::start(&config(data)).await.unwrap();
    let head = app.head().position;
    let started = usage.elapsed();
    assert_eq!(
        app.resumed_from(),
        head,
        "the start resumed from the snapshot"
    );
    println!(
        "cold start from a snapshot, in a fresh process ({head} events: read the snapshot, check it against the log): {started:.2} s ({}); RSS {:.0} MiB (peak {:.0} MiB)",
        usage.report(),
        status_mib("VmRSS:"),
        status_mib("VmHWM:")
    );
    history_checked(&app).await;
    println!(
        "then, in the background, the history behind the snapshot verified: {:.1} s after the start ({:.0} events/s)",
        usage.elapsed() - started,
        head as f64 / (usage.elapsed() - started).max(1e-3)
    );
    pages(&app).await;
    stop.close_store().await.unwrap();
}

/// The third process: a cold start on the filled folder without its snapshot, a full rebuild
/// of the read models, and then the store's own walk alone.
async fn walk(data: &Path) {
    // Set aside, and put back for whoever uses the folder next.
    let snapshot = antikor_server::snapshot::path(data);
    let aside = data.join("snapshot.aside");
    std::fs::rename(&snapshot, &aside).unwrap();
    let usage = Usage::start();
    let (app, stop) = App::start(&quiet(data)).await.unwrap();
    let head = app.head().position;
    assert_eq!(app.resumed_from(), 0);
    println!(
        "cold start without a snapshot, in a fresh process ({head} events: open, verify the chain, build the store's indexes and the read models): {:.0} events/s ({}); RSS {:.0} MiB (peak {:.0} MiB)",
        head as f64 / usage.elapsed(),
        usage.report(),
        status_mib("VmRSS:"),
        status_mib("VmHWM:")
    );

    println!(
        "full rebuild of the read models (read every record, verify the chain, fold): {}",
        full_rebuild(&app, head)
    );
    // Stopped without writing a snapshot of its own (the one set aside is put back).
    app.system_log().close().await.unwrap();
    drop((app, stop));
    std::fs::rename(&aside, &snapshot).unwrap();
    // The folder unlocks once sled's last handle is gone.
    tokio::time::sleep(Duration::from_millis(300)).await;

    // Where the start's time goes: the store's own walk (verify the chain, build its indexes,
    // check the anchor) without the read models, as in `--bench store`.
    let options = StoreOptions {
        anchor_file: Some(antikor_server::app::anchor_path(data)),
        ..StoreOptions::default()
    };
    let usage = Usage::start();
    let store = SledStore::open(&data.join("log"), options).unwrap();
    println!(
        "of a start, the store's own walk alone (verify, its indexes, the anchor; no read models): {}",
        usage.report()
    );
    store.close_blocking().unwrap();
}

/// Full rebuilds of the read models alone, one after another, on a store started from its
/// snapshot (a start takes seconds, the fold is what is measured).
async fn rebuilds(data: &Path) {
    let runs: u32 = std::env::var("NATIONAL_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(3);
    let (app, stop) = App::start(&quiet(data)).await.unwrap();
    let head = app.head().position;
    // A rebuild measured while the history is checked would share the cores with it.
    history_checked(&app).await;
    for _ in 0..runs {
        println!(
            "full rebuild of the read models: {}",
            full_rebuild(&app, head)
        );
    }
    stop.close_store().await.unwrap();
}

/// The configuration of a process that writes no snapshot of its own, which would run beside
/// what it measures.
fn quiet(data: &Path) -> Config {
    Config {
        snapshot_after: u64::MAX / 4,
        ..config(data)
    }
}

/// Waits until the background check of the history behind a start's snapshot is done.
async fn history_checked(app: &AppState) {
    while !app.history_checked() {
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Folds the read models again from the whole log up to `head`, verifying it; its rate and
/// what it used, for a figure's line.
fn full_rebuild(app: &AppState, head: u64) -> String {
    let usage = Usage::start();
    let (models, report) = ReadModels::replay(app.system_log().as_ref(), head).unwrap();
    let elapsed = usage.elapsed();
    let used = usage.report();
    assert!(report.first_break.is_none());
    assert_eq!(models.position, head);
    drop(models);
    format!("{:.0} events/s ({used})", head as f64 / elapsed)
}

/// p50/p99 of the busiest pages, each at a fixed 2,000 requests/s.
async fn pages(app: &AppState) {
    let places = places();
    let router = router(app);
    let sfo = places
        .iter()
        .find(|p| p.slug.as_str() == "oblast-sfo")
        .expect("Sofia province's regional administration");
    let officer = &sfo.municipalities[0];
    let officer_session = http::login(&router, &format!("{officer}.officer"), PASSWORD).await;
    let regional = http::login(&router, sfo.user.as_str(), PASSWORD).await;
    let national = http::login(&router, "kpk.national", PASSWORD).await;
    let auditor = http::login(&router, "kpk.auditor", PASSWORD).await;
    let officer_who = format!("officer of {officer}");
    let regional_who = format!("regional, SFO: {} tenants", sfo.municipalities.len() + 1);
    let pages: [(&str, &str, &Session); 9] = [
        (&officer_who, "/api/dashboard?year=2017", &officer_session),
        // The bell: every page of every logged-in user asks it.
        (&officer_who, "/api/reminders", &officer_session),
        (&regional_who, "/api/reminders", &regional),
        (&regional_who, "/api/region?year=2017", &regional),
        ("national", "/api/region?year=2017&province=SOF", &national),
        ("national", "/api/region?year=2017&province=SFO", &national),
        ("national auditor", "/api/audit/events?limit=50", &auditor),
        (&regional_who, "/api/audit/events?limit=50", &regional),
        (&officer_who, "/api/audit/events?limit=50", &officer_session),
    ];
    for (who, uri, session) in pages {
        page_under_load(&router, who, uri, session).await;
    }
    comparisons(app, &router, officer.as_str(), &officer_session).await;
    reports(&router, &regional).await;
}

/// p50/p99 of the annual report on the whole log, one request at a time: the regional
/// administration's (every note and activity of its province), a visitor's of the same province
/// (levels and the public record; kept a few seconds once built, so the first request is the
/// one that builds it), and both as Word documents.
async fn reports(router: &axum::Router, regional: &Session) {
    let cookie = Some(regional.cookie.as_str());
    let reports = [
        ("regional, SFO", "/api/report/2017", cookie),
        ("visitor", "/api/report/2017?province=SFO", None),
        ("regional, SFO", "/api/report/2017/docx", cookie),
        ("visitor", "/api/report/2017/docx?province=SFO", None),
    ];
    for (who, uri, cookie) in reports {
        let t = Instant::now();
        let size = get(router, uri, cookie).await;
        let first = t.elapsed();
        let mut times = Vec::new();
        for _ in 0..50 {
            let t = Instant::now();
            get(router, uri, cookie).await;
            times.push(t.elapsed());
        }
        println!(
            "GET {uri} ({who}, one at a time): first {:.2} ms, then p50 {:.2} ms  p99 {:.2} ms ({} KB)",
            ms(first),
            ms(percentile(&mut times, 0.5)),
            ms(percentile(&mut times, 0.99)),
            size / 1024,
        );
    }
}

/// p50/p99 of the auditor's comparisons and record histories on the whole log, one request at
/// a time: a comparison of the officer's tenant over the newest 1 % and 10 % of the log (the
/// records it touches folded from their own events), and its busiest progress record's
/// history.
async fn comparisons(app: &AppState, router: &axum::Router, tenant: &str, session: &Session) {
    let head = app.system_log().head().position;
    let records = body_json(
        router,
        &format!("/api/audit/records?tenant={tenant}"),
        &session.cookie,
    )
    .await;
    let busiest = records
        .as_array()
        .into_iter()
        .flatten()
        .filter(|r| {
            r["stream"]
                .as_str()
                .is_some_and(|s| s.starts_with("progress-"))
        })
        .max_by_key(|r| r["events"].as_u64())
        .map(|r| r["stream"].as_str().unwrap_or_default().to_owned())
        .expect("the officer's tenant reported progress");
    let uris = [
        format!(
            "/api/audit/diff?tenant={tenant}&from={}&to={head}",
            head - head / 100
        ),
        format!(
            "/api/audit/diff?tenant={tenant}&from={}&to={head}",
            head - head / 10
        ),
        format!("/api/audit/history?tenant={tenant}&stream={busiest}"),
    ];
    for uri in uris {
        let mut times = Vec::new();
        let answer = body_json(router, &uri, &session.cookie).await;
        for _ in 0..200 {
            let t = Instant::now();
            get(router, &uri, Some(&session.cookie)).await;
            times.push(t.elapsed());
        }
        let records = answer["records"]
            .as_array()
            .or(answer["versions"].as_array())
            .map_or(0, Vec::len);
        println!(
            "GET {uri} (officer, one at a time): p50 {:.2} ms  p99 {:.2} ms ({records} records or versions)",
            ms(percentile(&mut times, 0.5)),
            ms(percentile(&mut times, 0.99)),
        );
    }
}

/// A GET's JSON body (the GET asserts its 200).
async fn body_json(router: &axum::Router, uri: &str, cookie: &str) -> serde_json::Value {
    let bytes = http::body(router, uri, Some(cookie)).await;
    serde_json::from_slice(&bytes).expect("a JSON answer")
}

/// Runs this binary again as `phase` on `data`, and waits for it.
fn run(phase: &str, data: &Path) {
    let status = std::process::Command::new(std::env::current_exe().unwrap())
        .env("NATIONAL_PHASE", phase)
        .env("NATIONAL_DATA", data)
        .status()
        .unwrap();
    assert!(status.success(), "the {phase} process failed: {status}");
}

/// One page at a fixed 2,000 requests/s for 5 s, after 100 requests one at a time.
async fn page_under_load(router: &axum::Router, who: &str, uri: &str, session: &Session) {
    let mut alone = Vec::new();
    let mut bytes = 0;
    for _ in 0..100 {
        let t = Instant::now();
        bytes = get(router, uri, Some(&session.cookie)).await;
        alone.push(t.elapsed());
    }
    // Over 10,000 requests, so that the clock's 10 ms ticks and the process's own background
    // work (sled's threads) are lost in the average.
    let cpu = cpu_seconds();
    let (rate, mut times, mut late) = at_fixed_rate(
        router,
        uri,
        Some(&session.cookie),
        2000,
        Duration::from_secs(5),
    )
    .await;
    let cpu = (cpu_seconds() - cpu) / times.len() as f64;
    println!(
        "GET {uri:<44} ({who}): at 2,000 requests/s p50 {:.2} ms  p99 {:.2} ms ({rate:.0} answered/s; sent late p50 {:.2} ms; {:.2} ms of CPU each, the sender's included); alone p50 {:.2} ms ({} KB)",
        ms(percentile(&mut times, 0.5)),
        ms(percentile(&mut times, 0.99)),
        ms(percentile(&mut late, 0.5)),
        cpu * 1e3,
        ms(percentile(&mut alone, 0.5)),
        bytes / 1024
    );
}

#[tokio::main]
async fn main() {
    let total: u64 = std::env::var("BENCH_EVENTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000_000);
    if let (Ok(phase), Some(data)) = (
        std::env::var("NATIONAL_PHASE"),
        std::env::var_os("NATIONAL_DATA"),
    ) {
        let data = Path::new(&data);
        match phase.as_str() {
            "write" => write(data, total).await,
            "resume" => resume(data).await,
            "walk" => walk(data).await,
            "rebuild" => rebuilds(data).await,
            other => panic!("no phase {other}"),
        }
        return;
    }

    // Each phase is a process of its own: the memory each prints is its own, and no phase
    // runs on what an earlier one left in the allocator (a 10 M fill leaves gigabytes).
    let base = std::env::var_os("BENCH_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(std::env::temp_dir);
    let dir = tempfile::tempdir_in(base).unwrap();
    let data = dir.path().join("data");
    println!(
        "Antikor national benchmark: {total} events, 293 tenants ({} cores; load average {})",
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        load()
    );
    let bench = Instant::now();
    run("write", &data);

    let folder = disk_bytes(&data);
    let log = disk_bytes(&data.join("log"));
    println!(
        "disk: {:.0} MB, {:.0} bytes per event (the whole data folder, closed; the log folder alone {:.0})",
        folder as f64 / 1e6,
        folder as f64 / total as f64,
        log as f64 / total as f64
    );

    // The fill leaves gigabytes of dirty pages that the kernel writes back for many seconds
    // after it exits: a start measured meanwhile waits on that disk, not on its own work
    // (4.2 s against 2.2 s for the same folder once written back).
    let _ = std::process::Command::new("sync").status();
    run("resume", &data);
    run("walk", &data);

    // What `antikor verify` pays first: a copy of the log folder (sled has no read-only open),
    // its blob files linked.
    let copy = tempfile::tempdir_in(dir.path()).unwrap();
    let usage = Usage::start();
    antikor_server::store::copy_folder_to_check(&data.join("log"), &copy.path().join("log"))
        .unwrap();
    let copying = (usage.elapsed(), usage.report());
    drop(copy);
    let usage = Usage::start();
    let check = cli::verify_copy(&data).unwrap();
    let (elapsed, used) = (usage.elapsed(), usage.report());
    assert!(check.first_break.is_none());
    let events = check.records;
    drop(check);
    println!(
        "antikor verify ({events} events: copy the log folder, open the copy, walk the chain, rebuild the tree, check the anchor): {:.0} events/s ({used}); the copy alone, in a run before it: {}, so the rest runs at about {:.0} events/s",
        events as f64 / elapsed,
        copying.1,
        events as f64 / (elapsed - copying.0).max(1e-3)
    );
    println!(
        "the whole bench took {:.0} s (load average {})",
        bench.elapsed().as_secs_f64(),
        load()
    );
}
