//! The home page: what Antikor is, the log's health, its signed checkpoint and a few counts.

use crate::api::{self, ApiError};
use crate::components::{CopyButton, Loaded, set_title};
use crate::directory::{provinces, use_country, use_directory, use_site_scope};
use crate::format::short_hash;
use crate::provinces::served_by;
use antikor_shared::api::Damage;
use leptos::prelude::*;
use leptos_router::components::A;

/// `/`.
#[component]
pub fn HomePage() -> impl IntoView {
    set_title("");
    let health = LocalResource::new(api::health);
    let tenants = use_directory();
    let (scope, country) = (use_site_scope(), use_country());
    let served = move || served_by(scope.get(), &provinces(country));
    let retry = Callback::new(move |()| {
        health.refetch();
        tenants.refetch();
    });
    let checkpoint = LocalResource::new(api::log_checkpoint);
    let key = LocalResource::new(api::log_key);
    let retry_log = Callback::new(move |()| {
        checkpoint.refetch();
        key.refetch();
    });

    let status = move || {
        Suspend::new(async move {
            let health = health.await?;
            let tenants = tenants.await?;
            let (status_class, status_text) = match health.status.as_str() {
                "ok" => ("status status--ok", t!("public-home-status-ok")),
                "damaged" => ("status status--warn", t!("public-home-status-damaged")),
                _ => ("status status--warn", t!("public-home-status-unknown")),
            };
            let damage = health.damage.as_ref().map(|damage| {
                view! {
                    <div class="notice notice--warn" data-testid="damage">
                        <p>
                            <strong>{damage_text(damage)}</strong>
                        </p>
                        <p class="small">
                            {t!("public-home-damage-reason", reason = damage.reason.as_str())}
                        </p>
                    </div>
                }
            });
            let head_hash = if health.head_hash.is_empty() {
                "—".to_owned()
            } else {
                short_hash(&health.head_hash).to_owned()
            };
            Ok::<_, ApiError>(view! {
                <dl class="stats" data-testid="health">
                    <div class="stats__item">
                        <dt>{t!("public-home-status")}</dt>
                        <dd>
                            <span class=status_class data-testid="health-status">
                                {status_text}
                            </span>
                        </dd>
                    </div>
                    <div class="stats__item">
                        <dt>{t!("public-home-institutions")}</dt>
                        <dd class="stats__number" data-testid="tenant-count">
                            {crate::format::thousands(tenants.len() as u64)}
                        </dd>
                    </div>
                    <div class="stats__item">
                        <dt>{t!("public-home-event-count")}</dt>
                        // Positions run 1, 2, 3, … without gaps, so the head is the count.
                        <dd class="stats__number" data-testid="event-count">
                            {crate::format::thousands(health.head_position)}
                        </dd>
                    </div>
                    <div class="stats__item">
                        <dt>{t!("public-home-last-event")}</dt>
                        <dd data-testid="head">
                            {if health.head_position == 0 {
                                view! { <span>{t!("public-home-no-event")}</span> }.into_any()
                            } else {
                                let href = format!("/audit/{}", health.head_position);
                                view! {
                                    <A href=href>
                                        {t!(
                                            "public-home-event-number",
                                            position = health.head_position.to_string(),
                                        )}
                                    </A>
                                }
                                    .into_any()
                            }} <br /> <span class="muted">{t!("public-home-hash")} " "</span>
                            <code class="hash" title=health.head_hash.clone()>
                                {head_hash}
                            </code>
                        </dd>
                    </div>
                </dl>
                {damage}
                <p class="muted small">
                    {t!("public-home-server-version", version = health.version)}
                </p>
            })
        })
    };

    let log = move || {
        Suspend::new(async move {
            let key = key.await?;
            let checkpoint = match checkpoint.await {
                Ok(text) => Ok(text),
                // A damaged log signs nothing, and the server says why.
                Err(ApiError::Server {
                    status: 503,
                    message,
                    ..
                }) => Err(message),
                Err(e) => return Err(e),
            };
            Ok::<_, ApiError>(view! { <SignedCheckpoint checkpoint key /> })
        })
    };

    view! {
        <section class="intro">
            <h1>{t!("public-home-title")}</h1>
            <p class="lead" id="home-intro">
                {move || t!("public-home-intro", served = served())}
            </p>
        </section>
        <section aria-labelledby="health-heading">
            <h2 id="health-heading">{t!("public-home-health-heading")}</h2>
            <Loaded retry>{status}</Loaded>
        </section>
        <section aria-labelledby="verify-heading">
            <h2 id="verify-heading">{t!("public-home-verify-heading")}</h2>
            <p class="lead">{t!("public-home-verify-lead")}</p>
            <Loaded retry=retry_log>{log}</Loaded>
            <HowToVerify />
        </section>
        <section aria-labelledby="links-heading">
            <h2 id="links-heading">{t!("public-home-links-heading")}</h2>
            <ul class="cards">
                <li class="card">
                    <A href="/plan">{t!("public-home-card-plan")}</A>
                    <p>{t!("public-home-card-plan-text")}</p>
                </li>
                <li class="card">
                    <A href="/progress">{t!("public-home-card-progress")}</A>
                    <p>{t!("public-home-card-progress-text")}</p>
                </li>
                <li class="card">
                    <A href="/meetings">{t!("public-home-card-meetings")}</A>
                    <p>{t!("public-home-card-meetings-text")}</p>
                </li>
                <li class="card">
                    <A href="/contested-acts">{t!("public-home-card-contested-acts")}</A>
                    <p>{t!("public-home-card-contested-acts-text")}</p>
                </li>
                <li class="card">
                    <A href="/council">{t!("public-home-card-council")}</A>
                    <p>{t!("public-home-card-council-text")}</p>
                </li>
                <li class="card">
                    <A href="/report-corruption">{t!("public-home-card-report-corruption")}</A>
                    <p>{t!("public-home-card-report-corruption-text")}</p>
                </li>
                <li class="card">
                    <A href="/anketa" attr:id="home-survey-link">{t!("public-home-card-survey")}</A>
                    <p>{t!("public-home-card-survey-text")}</p>
                </li>
                <li class="card">
                    <A href="/tenants">{t!("public-home-card-tenants")}</A>
                    <p>{t!("public-home-card-tenants-text")}</p>
                </li>
                <li class="card">
                    <A href="/audit">{t!("public-home-card-audit")}</A>
                    <p>{t!("public-home-card-audit-text")}</p>
                </li>
            </ul>
        </section>
    }
}

/// The current signed checkpoint (or why there is none) and the key that checks it.
#[component]
fn SignedCheckpoint(
    /// The checkpoint's text as signed, or the server's reason for signing none.
    checkpoint: Result<String, String>,
    /// The verifier key, `name+fingerprint+base64`.
    key: String,
) -> impl IntoView {
    let fingerprint = key_fingerprint(&key).unwrap_or("—").to_owned();
    let checkpoint = match checkpoint {
        Ok(text) => {
            let size = checkpoint_size(&text).map(|size| {
                view! {
                    <p class="muted small">{t!("public-home-checkpoint-size", count = size)}</p>
                }
            });
            view! {
                <pre class="payload" data-testid="checkpoint">{text.clone()}</pre>
                {size}
                <CopyButton
                    id="checkpoint-copy"
                    text
                    label=t!("public-home-copy-checkpoint")
                    failed=t!("public-home-copy-checkpoint-failed")
                />
            }
            .into_any()
        }
        Err(message) => view! {
            <div class="notice notice--warn" data-testid="checkpoint-unavailable">
                <p>{message}</p>
            </div>
        }
        .into_any(),
    };
    view! {
        <h3>{t!("public-home-checkpoint-heading")}</h3>
        {checkpoint}
        <h3>{t!("public-home-key-heading")}</h3>
        <dl class="fields">
            <dt>{t!("public-home-key")}</dt>
            <dd>
                <code class="hash--full select-all" data-testid="log-key">
                    {key.clone()}
                </code>
            </dd>
            <dt>{t!("public-home-fingerprint")}</dt>
            <dd>
                <code data-testid="log-key-fingerprint">{fingerprint}</code>
            </dd>
        </dl>
        <CopyButton
            id="log-key-copy"
            text=key
            label=t!("public-home-copy-key")
            failed=t!("public-home-copy-key-failed")
        />
    }
}

/// How anyone can check the log against a checkpoint they saved.
#[component]
fn HowToVerify() -> impl IntoView {
    view! {
        <h3>{t!("public-verify-heading")}</h3>
        <ol class="steps">
            <li>
                {t!("public-verify-save")}
                <a href="/api/log/checkpoint" download="checkpoint.txt">
                    {t!("public-verify-save-download")}
                </a> " " {t!("public-verify-save-rest")}
            </li>
            <li>
                {t!("public-verify-offline")} " "
                <code>"antikor verify --data DIR --checkpoint FILE --key KEY"</code>
                " " {t!("public-verify-offline-rest")}
            </li>
            <li>
                {t!("public-verify-consistency")} " "
                <code>"GET /api/log/proof/consistency?from=A&to=B"</code>
                " " {t!("public-verify-consistency-rest")}
            </li>
            <li>
                {t!("public-verify-inclusion")} " "
                <code>"GET /api/log/proof/inclusion?position=P&size=S"</code>
                " " {t!("public-verify-inclusion-rest")}
            </li>
        </ol>
    }
}

/// What the damage notice says: which events are missing or damaged, and the last that checked
/// out.
fn damage_text(damage: &Damage) -> String {
    // Event numbers are written as they are, without digit groups, like everywhere else.
    let first = damage.first_bad_position.to_string();
    let bad = if damage.expected_size > damage.first_bad_position {
        t!(
            "public-home-damage-range",
            first = first,
            last = damage.expected_size.to_string(),
        )
    } else {
        t!("public-home-damage-one", first = first)
    };
    if damage.last_good_position == 0 {
        t!("public-home-damage-none-good", missing = bad)
    } else {
        t!(
            "public-home-damage-last-good",
            missing = bad,
            last_good = damage.last_good_position.to_string(),
        )
    }
}

/// The fingerprint in a verifier key `name+fingerprint+base64`: 8 hex digits.
fn key_fingerprint(key: &str) -> Option<&str> {
    // The name may not hold a `+`; the base64 after the fingerprint may.
    let fingerprint = key.trim().split('+').nth(1)?;
    (fingerprint.len() == 8 && fingerprint.bytes().all(|b| b.is_ascii_hexdigit()))
        .then_some(fingerprint)
}

/// The tree size a checkpoint states: its second line.
fn checkpoint_size(checkpoint: &str) -> Option<u64> {
    checkpoint.lines().nth(1)?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn damage(last_good: u64, first_bad: u64, expected: u64) -> Damage {
        Damage {
            last_good_position: last_good,
            first_bad_position: first_bad,
            expected_size: expected,
            reason: "test".to_owned(),
        }
    }

    #[test]
    fn damage_names_the_missing_events_and_the_last_good_one() {
        assert_eq!(
            damage_text(&damage(36, 37, 40)),
            "Липсват или са повредени събития № 37–40; последното проверено е № 36."
        );
        assert_eq!(
            damage_text(&damage(36, 37, 37)),
            "Липсва или е повредено събитие № 37; последното проверено е № 36."
        );
        assert_eq!(
            damage_text(&damage(0, 1, 5)),
            "Липсват или са повредени събития № 1–5; нито едно събитие не премина проверката."
        );
    }

    #[test]
    fn fingerprints_come_from_the_key() {
        assert_eq!(
            key_fingerprint("antikor.local/1a2b3c4d+0f1e2d3c+AbC+/de=\n"),
            Some("0f1e2d3c")
        );
        assert_eq!(key_fingerprint("antikor.local+xyz+AAA="), None);
        assert_eq!(key_fingerprint("no key"), None);
    }

    #[test]
    fn the_size_is_the_second_line() {
        let checkpoint = "antikor.local/1a2b3c4d\n37\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n\n— antikor.local/1a2b3c4d 3+ABCD=\n";
        assert_eq!(checkpoint_size(checkpoint), Some(37));
        assert_eq!(checkpoint_size("origin"), None);
    }
}
