//! The home page: what Antikor is, the log's health and a few counts.

use crate::api::{self, ApiError};
use crate::components::{Loaded, set_title};
use crate::format::{short_hash, thousands};
use leptos::prelude::*;
use leptos_router::components::A;

/// `/`.
#[component]
pub fn HomePage() -> impl IntoView {
    set_title("");
    let health = LocalResource::new(api::health);
    let tenants = LocalResource::new(api::tenants);
    let retry = Callback::new(move |()| {
        health.refetch();
        tenants.refetch();
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
                <p class="muted small">"Версия на сървъра: " {health.version}</p>
            })
        })
    };

    view! {
        <section class="intro">
            <h1>"Антикор"</h1>
            <p class="lead">
                "Антикор е системата, в която Областната администрация Благоевград и 14-те общини в областта "
                "водят и отчитат изпълнението на плана за превенция и противодействие на корупцията. "
                "Всяка промяна се записва като събитие в неизменяем, верижно хеширан дневник, "
                "така че всеки може да провери кой, какво и кога е променил."
            </p>
        </section>
        <section aria-labelledby="health-heading">
            <h2 id="health-heading">"Състояние на дневника"</h2>
            <Loaded retry>{status}</Loaded>
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
