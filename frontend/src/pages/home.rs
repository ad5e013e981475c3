//! The home page: what Antikor is, the log's health, its signed checkpoint and a few counts.

use crate::api::{self, ApiError};
use crate::components::{CopyButton, Loaded, set_title};
use crate::directory::{provinces, use_country, use_directory, use_site_scope};
use crate::format::{short_hash, thousands};
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
                "ok" => ("status status--ok", "Работи нормално"),
                "damaged" => (
                    "status status--warn",
                    "Само за четене: дневникът е повреден и не премина проверката",
                ),
                _ => ("status status--warn", "Неизвестно състояние"),
            };
            let damage = health.damage.as_ref().map(|damage| {
                view! {
                    <div class="notice notice--warn" data-testid="damage">
                        <p>
                            <strong>{damage_text(damage)}</strong>
                        </p>
                        <p class="small">"Причина: " {damage.reason.clone()}</p>
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
                        <dt>"Състояние"</dt>
                        <dd>
                            <span class=status_class data-testid="health-status">
                                {status_text}
                            </span>
                        </dd>
                    </div>
                    <div class="stats__item">
                        <dt>"Институции"</dt>
                        <dd class="stats__number" data-testid="tenant-count">
                            {thousands(tenants.len() as u64)}
                        </dd>
                    </div>
                    <div class="stats__item">
                        <dt>"Събития в одитната следа"</dt>
                        // Positions run 1, 2, 3, … without gaps, so the head is the count.
                        <dd class="stats__number" data-testid="event-count">
                            {thousands(health.head_position)}
                        </dd>
                    </div>
                    <div class="stats__item">
                        <dt>"Последно събитие"</dt>
                        <dd data-testid="head">
                            {if health.head_position == 0 {
                                view! { <span>"няма"</span> }.into_any()
                            } else {
                                let href = format!("/audit/{}", health.head_position);
                                view! {
                                    <A href=href>"№ " {health.head_position.to_string()}</A>
                                }
                                    .into_any()
                            }} <br /> <span class="muted">"хеш "</span>
                            <code class="hash" title=health.head_hash.clone()>
                                {head_hash}
                            </code>
                        </dd>
                    </div>
                </dl>
                {damage}
                <p class="muted small">"Версия на сървъра: " {health.version}</p>
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
            <h1>"Антикор"</h1>
            <p class="lead" id="home-intro">
                "Антикор е системата, в която "
                {served}
                " водят и отчитат изпълнението на плана за превенция и противодействие на корупцията. "
                "Всяка промяна се записва като събитие в неизменяем, верижно хеширан дневник, "
                "така че всеки може да провери кой, какво и кога е променил."
            </p>
        </section>
        <section aria-labelledby="health-heading">
            <h2 id="health-heading">"Състояние на дневника"</h2>
            <Loaded retry>{status}</Loaded>
        </section>
        <section aria-labelledby="verify-heading">
            <h2 id="verify-heading">"Проверка на дневника"</h2>
            <p class="lead">
                "След всеки запис сървърът подписва контролна точка на дневника: името му, броя на "
                "събитията и корена на тяхното Merkle дърво (RFC 6962). Който я запази, може по-късно "
                "да докаже, че записаното дотогава не е променено, изтрито или подменено."
            </p>
            <Loaded retry=retry_log>{log}</Loaded>
            <HowToVerify />
        </section>
        <section aria-labelledby="links-heading">
            <h2 id="links-heading">"Към данните"</h2>
            <ul class="cards">
                <li class="card">
                    <A href="/plan">"План за действие"</A>
                    <p>"Мерките за годината с техните срокове, отговорници и индикатори."</p>
                </li>
                <li class="card">
                    <A href="/progress">"Изпълнение"</A>
                    <p>"Докъде е стигнала всяка институция по всяка мярка."</p>
                </li>
                <li class="card">
                    <A href="/meetings">"Заседания"</A>
                    <p>"Публичните заседания и срещи с протоколите и решенията им."</p>
                </li>
                <li class="card">
                    <A href="/contested-acts">"Оспорени актове"</A>
                    <p>"Върнатите и оспорените решения на общинските съвети и заповеди на кметове."</p>
                </li>
                <li class="card">
                    <A href="/council">"Съвет и контакти"</A>
                    <p>"Секретариатът на съвета и експертите по противодействие на корупцията."</p>
                </li>
                <li class="card">
                    <A href="/report-corruption">"Подайте сигнал"</A>
                    <p>"Как да сигнализирате за корупция и какво ви гарантира законът."</p>
                </li>
                <li class="card">
                    <A href="/anketa" attr:id="home-survey-link">"Анкета за служители"</A>
                    <p>"Анонимната анкета за корупционния риск: отговаря се с еднократен код, без вход."</p>
                </li>
                <li class="card">
                    <A href="/tenants">"Институции"</A>
                    <p>"Областната администрация и общините, с броя на събитията им."</p>
                </li>
                <li class="card">
                    <A href="/audit">"Одитна следа"</A>
                    <p>"Всички събития, най-новите първи, с филтри и обновяване на живо."</p>
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
                    <p class="muted small">
                        "Брой събития в нея (вторият ред): " {thousands(size)}
                    </p>
                }
            });
            view! {
                <pre class="payload" data-testid="checkpoint">{text.clone()}</pre>
                {size}
                <CopyButton
                    id="checkpoint-copy"
                    text
                    label="Копирай контролната точка"
                    failed="Копирането не успя; маркирайте текста и го копирайте."
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
        <h3>"Текуща контролна точка"</h3>
        {checkpoint}
        <h3>"Ключ за проверка"</h3>
        <dl class="fields">
            <dt>"Ключ"</dt>
            <dd>
                <code class="hash--full select-all" data-testid="log-key">
                    {key.clone()}
                </code>
            </dd>
            <dt>"Отпечатък"</dt>
            <dd>
                <code data-testid="log-key-fingerprint">{fingerprint}</code>
            </dd>
        </dl>
        <CopyButton
            id="log-key-copy"
            text=key
            label="Копирай ключа"
            failed="Копирането не успя; маркирайте ключа и го копирайте."
        />
    }
}

/// How anyone can check the log against a checkpoint they saved.
#[component]
fn HowToVerify() -> impl IntoView {
    view! {
        <h3>"Как да проверите"</h3>
        <ol class="steps">
            <li>
                "Запазете контролната точка във файл ("
                <a href="/api/log/checkpoint" download="checkpoint.txt">
                    "изтеглете я"
                </a> " или я копирайте), заедно с ключа за проверка."
            </li>
            <li>
                "По-късно, на машината с данните и при спрян сървър, изпълнете "
                <code>"antikor verify --data DIR --checkpoint FILE --key KEY"</code>
                " (DIR е папката с данни, FILE — запазената контролна точка, KEY — ключът или "
                "файл с него). Командата потвърждава, че дневникът продължава контролната точка, "
                "или посочва първото несъответствие."
            </li>
            <li>
                "Без достъп до данните сравнете с по-нова контролна точка: "
                <code>"GET /api/log/proof/consistency?from=A&to=B"</code>
                " доказва, че дневникът с B събития продължава този с A събития (A и B са вторите "
                "редове на двете точки). Доказателството се проверява по RFC 6962 спрямо корените им."
            </li>
            <li>
                "Че дадено събитие е в дневника, доказва "
                <code>"GET /api/log/proof/inclusion?position=P&size=S"</code>
                " (P е номерът на събитието, S — броят събития в контролната точка). Нужен е вход "
                "в системата и достъп до събитието."
            </li>
        </ol>
    }
}

/// What the damage notice says: which events are missing or damaged, and the last that checked
/// out.
fn damage_text(damage: &Damage) -> String {
    let bad = if damage.expected_size > damage.first_bad_position {
        format!(
            "Липсват или са повредени събития № {}–{}",
            damage.first_bad_position, damage.expected_size
        )
    } else {
        format!(
            "Липсва или е повредено събитие № {}",
            damage.first_bad_position
        )
    };
    if damage.last_good_position == 0 {
        format!("{bad}; нито едно събитие не премина проверката.")
    } else {
        format!(
            "{bad}; последното проверено е № {}.",
            damage.last_good_position
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
