//! E-mail about what waits, through an SMTP relay: each morning a message to whoever chose one,
//! and to the register's officers who asked, one as soon as a signal arrives.
//!
//! A message says only that something waits (how many, of which kind) and links to the app:
//! never a signal's content, never even its register number. The log is the outbox: what is due
//! is worked out from the read models on every round, and a message counts as sent once its
//! `NotificationSent` is recorded. A relay that fails is tried again on a later round (waiting
//! longer after each failure), and a request never waits for the relay: the sending runs on a
//! task of its own.

use crate::app::App;
use crate::projections::ReadModels;
use crate::projections::reminders::Wanted;
use crate::streams;
use antikor_shared::account::Role;
use antikor_shared::i18n::Lang;
use antikor_shared::notifications::{Delivery, NotificationKind, NotificationSent};
use antikor_shared::reminders::ReminderKind;
use antikor_shared::{TenantId, Username};
use chrono::{DateTime, NaiveDate, Timelike, Utc};
use lettre::message::header::{ContentTransferEncoding, ContentType};
use lettre::message::{Body, Mailbox};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use std::collections::BTreeMap;
use std::sync::Weak;
use std::time::{Duration, Instant};
use tokio::sync::watch;

/// How the server sends e-mail.
#[derive(Debug, Clone)]
pub struct MailConfig {
    /// The relay, as `smtp://host:port` (plain, for a relay on the same network),
    /// `smtp://user:password@host:587?tls=required` (STARTTLS) or `smtps://host` (TLS).
    pub smtp_url: String,
    /// The sender, e.g. `Антикор <antikor@example.bg>`.
    pub from: String,
    /// The address people open the app at (the messages link to it), e.g.
    /// `https://antikor.example.bg`.
    pub link_base: String,
    /// How often the server looks for what to send.
    pub every: Duration,
    /// The hour of the day (Sofia) from which the day's message goes.
    pub digest_hour: u32,
    /// How long to wait after the relay's first failure; each further one doubles it, up to
    /// an hour.
    pub retry_after: Duration,
}

impl MailConfig {
    /// A relay and a sender, with the usual rhythm: a look every minute, the day's message
    /// from 7 o'clock, a first retry after a minute.
    pub fn new(smtp_url: String, from: String, link_base: String) -> Self {
        Self {
            smtp_url,
            from,
            link_base,
            every: Duration::from_secs(60),
            digest_hour: 7,
            retry_after: Duration::from_secs(60),
        }
    }
}

/// The relay and the sender, checked at start-up.
#[derive(Clone)]
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
    config: MailConfig,
}

impl Mailer {
    /// Reads the relay's address and the sender; a wrong one stops the start with a reason.
    pub fn new(config: MailConfig) -> anyhow::Result<Self> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(&config.smtp_url)
            .map_err(|e| anyhow::anyhow!("the SMTP relay's address is not usable: {e}"))?
            .timeout(Some(Duration::from_secs(20)))
            .build();
        let from = config
            .from
            .parse()
            .map_err(|e| anyhow::anyhow!("the sender's address is not usable: {e}"))?;
        Ok(Self {
            transport,
            from,
            config,
        })
    }

    async fn send(&self, letter: &Letter) -> anyhow::Result<()> {
        let message = Message::builder()
            .from(self.from.clone())
            .to(Mailbox::new(
                Some(letter.name.clone()),
                letter.email.parse()?,
            ))
            .subject(letter.subject.clone())
            .header(ContentType::TEXT_PLAIN)
            // Base64 whatever the text: one encoding for every reader of the message.
            .body(
                Body::new_with_encoding(letter.body.clone(), ContentTransferEncoding::Base64)
                    .map_err(|_| anyhow::anyhow!("the message's text cannot be encoded"))?,
            )?;
        self.transport.send(message).await?;
        Ok(())
    }
}

/// A message due to one user, and what its record will say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Letter {
    /// To whom, and in which tenant their stream is.
    pub username: Username,
    /// Their tenant.
    pub tenant: TenantId,
    /// Their name.
    pub name: String,
    /// Their address.
    pub email: String,
    /// What about.
    pub kind: NotificationKind,
    /// How many things it counts.
    pub items: u64,
    /// For new signals: the newest one's position.
    pub up_to: u64,
    /// The day (Sofia's) it is sent for.
    pub on: NaiveDate,
    /// The subject line.
    pub subject: String,
    /// The text.
    pub body: String,
}

/// What is due to be sent at `now`: for every enabled account with an address and a choice,
/// the day's message once the hour has come (when something waits), and for officers who
/// asked, a message about signals filed since the last one.
pub fn due(models: &ReadModels, now: DateTime<Utc>, config: &MailConfig) -> Vec<Letter> {
    let local = crate::clock::sofia_time(now);
    let today = local.date_naive();
    let link = config.link_base.trim_end_matches('/');
    let mut letters = Vec::new();
    for entry in models.accounts.iter() {
        let (account, n) = (&entry.account, &entry.notifications);
        let Some(email) = n.email.clone() else {
            continue;
        };
        if n.delivery == Delivery::Off || account.disabled {
            continue;
        }
        let letter = |kind, items, up_to, subject: String, body: String| Letter {
            username: account.username.clone(),
            tenant: account.tenant.clone(),
            name: account.display_name.clone(),
            email: email.clone(),
            kind,
            items,
            up_to,
            on: today,
            subject,
            body,
        };
        if n.delivery == Delivery::Immediate && account.role == Role::Officer {
            let (count, up_to) = models
                .signals
                .filed_after(&account.tenant, n.signals_seen_up_to);
            if count > 0 {
                let (subject, body) =
                    new_signals(count, &models.tenant_name(&account.tenant).bg, link);
                letters.push(letter(
                    NotificationKind::NewSignals,
                    count,
                    up_to,
                    subject,
                    body,
                ));
            }
        }
        if local.hour() >= config.digest_hour && n.last_digest.is_none_or(|d| d < today) {
            let waiting =
                models.reminders(&account.tenant, Wanted::of(account.role), today, Lang::Bg);
            if waiting.total > 0 {
                let mut kinds: BTreeMap<ReminderKind, u64> = BTreeMap::new();
                // The list holds the first hundred; the day's message counts what it shows.
                for r in &waiting.items {
                    *kinds.entry(r.kind).or_default() += 1;
                }
                let (subject, body) = digest(
                    &account.display_name,
                    waiting.total,
                    waiting.overdue,
                    &kinds,
                    link,
                );
                letters.push(letter(
                    NotificationKind::Digest,
                    waiting.total,
                    0,
                    subject,
                    body,
                ));
            }
        }
    }
    letters
}

/// The message about new signals: how many, where to read them, nothing of them.
fn new_signals(count: u64, tenant_name: &str, link: &str) -> (String, String) {
    let what = if count == 1 {
        "нов сигнал".to_owned()
    } else {
        format!("{count} нови сигнала")
    };
    let subject = format!("Антикор: {what} в регистъра");
    let body = format!(
        "В регистъра на сигналите на {tenant_name} постъпи {what}.\n\n\
         Прочетете го в Антикор: {link}/signals\n\n\
         Писмото не съдържа данни от сигналите. Известията се настройват на {link}/reminders\n"
    );
    (subject, body)
}

/// The day's message: counts by kind and a link.
fn digest(
    name: &str,
    total: u64,
    overdue: u64,
    kinds: &BTreeMap<ReminderKind, u64>,
    link: &str,
) -> (String, String) {
    let things = if total == 1 {
        "1 задача чака".to_owned()
    } else {
        format!("{total} задачи чакат")
    };
    let late = match overdue {
        0 => String::new(),
        1 => " (1 просрочена)".to_owned(),
        n => format!(" ({n} просрочени)"),
    };
    let lines: String = kinds
        .iter()
        .map(|(kind, n)| format!("- {}: {n}\n", kind.label(Lang::Bg)))
        .collect();
    let subject = format!("Антикор: {things} действие{late}");
    let body = format!(
        "Здравейте, {name},\n\nВ Антикор {things} действие от вас{late}:\n{lines}\n\
         Вижте ги: {link}/reminders\n\n\
         Писмото не съдържа данни от сигналите. Известията се настройват на {link}/reminders\n"
    );
    (subject, body)
}

/// Waits longer after each failure of the relay, and not at all once it works again.
#[derive(Debug, Default)]
struct Backoff {
    failures: u32,
    until: Option<Instant>,
}

impl Backoff {
    fn ready(&self, now: Instant) -> bool {
        self.until.is_none_or(|until| now >= until)
    }

    fn failed(&mut self, now: Instant, first: Duration) {
        self.failures = self.failures.saturating_add(1);
        let wait = first
            .saturating_mul(1 << self.failures.min(12).saturating_sub(1))
            .min(Duration::from_secs(3600));
        self.until = Some(now + wait);
    }

    fn succeeded(&mut self) {
        *self = Self::default();
    }
}

/// Sends what is due on every round until the server stops.
pub async fn deliver(app: Weak<App>, mailer: Mailer, mut stopping: watch::Receiver<bool>) {
    let mut backoff = Backoff::default();
    loop {
        tokio::select! {
            () = tokio::time::sleep(mailer.config.every) => {}
            _ = stopping.changed() => return,
        }
        let Some(app) = app.upgrade() else {
            return;
        };
        if app.read_only() || !app.on_duty() || !backoff.ready(Instant::now()) {
            continue;
        }
        let letters = due(&app.models_unscoped(), app.clock.now(), &mailer.config);
        for letter in letters {
            if let Err(e) = mailer.send(&letter).await {
                tracing::warn!(username = %letter.username, error = %e, "the SMTP relay did not take a message; it is tried again later");
                backoff.failed(Instant::now(), mailer.config.retry_after);
                break;
            }
            backoff.succeeded();
            let sent = NotificationSent {
                username: letter.username.clone(),
                kind: letter.kind,
                items: letter.items,
                up_to: letter.up_to,
                on: letter.on,
            };
            if let Err(e) = app
                .record_notification(
                    letter.tenant,
                    streams::notifications(&letter.username),
                    sent,
                )
                .await
            {
                tracing::error!(username = %letter.username, error = %e, "a message went out but could not be recorded");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_relay_is_tried_again_later_and_later_then_at_once_when_it_works() {
        let (mut b, now, first) = (Backoff::default(), Instant::now(), Duration::from_secs(60));
        assert!(b.ready(now));
        b.failed(now, first);
        assert!(!b.ready(now + Duration::from_secs(59)));
        assert!(b.ready(now + Duration::from_secs(60)));
        b.failed(now, first);
        assert!(!b.ready(now + Duration::from_secs(119)));
        for _ in 0..20 {
            b.failed(now, first);
        }
        assert!(
            b.ready(now + Duration::from_secs(3600)),
            "never more than an hour"
        );
        b.succeeded();
        assert!(b.ready(now));
    }

    #[test]
    fn messages_count_and_link_and_say_nothing_else() {
        let (subject, body) = new_signals(1, "Община Банско", "https://a.bg");
        assert_eq!(subject, "Антикор: нов сигнал в регистъра");
        assert!(body.contains("Община Банско") && body.contains("https://a.bg/signals"));
        assert_eq!(
            new_signals(3, "X", "l").0,
            "Антикор: 3 нови сигнала в регистъра"
        );
        let kinds = BTreeMap::from([(ReminderKind::Acknowledge, 1), (ReminderKind::Measure, 4)]);
        let (subject, body) = digest("Иван", 5, 1, &kinds, "https://a.bg");
        assert_eq!(subject, "Антикор: 5 задачи чакат действие (1 просрочена)");
        assert!(
            body.contains("- Потвърждение на сигнал: 1\n- Мярка от плана: 4\n"),
            "{body}"
        );
        assert_eq!(
            digest("Иван", 1, 0, &kinds, "l").0,
            "Антикор: 1 задача чака действие"
        );
    }
}
