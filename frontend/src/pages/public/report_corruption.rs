//! `/report-corruption`: the brochure of measure IV.2 on how to report corruption.

use crate::api::{self, ApiError};
use crate::components::{Loaded, set_title};
use antikor_shared::ids::regional_tenant;
use leptos::prelude::*;
use leptos_router::components::A;

/// `/report-corruption`: the brochure of measure IV.2.
#[component]
pub fn ReportCorruptionPage() -> impl IntoView {
    set_title("Как да подадете сигнал за корупция");
    let contacts = LocalResource::new(|| async { api::tenant_contacts(&regional_tenant()).await });
    let retry = Callback::new(move |()| contacts.refetch());
    let secretariat = move || {
        Suspend::new(async move {
            let list = contacts.await?.map(|r| r.contacts).unwrap_or_default();
            if list.is_empty() {
                return Ok::<_, ApiError>(
                    view! {
                        <p id="report-contacts" class="notice notice--info" data-count="0">
                            "Секретариатът все още не е публикувал свои телефони и адреси в системата. "
                            "Дотогава можете да подадете сигнал лично или по пощата до Областна администрация "
                            "Благоевград, както и чрез експертите на общините, посочени на страницата "
                            <A href="/council">"„Съвет“"</A>
                            "."
                        </p>
                    }
                    .into_any(),
                );
            }
            let count = list.len();
            let items = list
                .into_iter()
                .map(|c| {
                    let mail = format!("mailto:{}", c.email);
                    let tel = format!("tel:{}", c.phone.replace(' ', ""));
                    view! {
                        <li>
                            <strong>{c.name}</strong>
                            {format!(", {}", c.position)}
                            <br />
                            "Телефон: "
                            <a href=tel>{c.phone}</a>
                            " · Електронна поща: "
                            <a href=mail>{c.email}</a>
                        </li>
                    }
                })
                .collect_view();
            Ok(view! { <ul id="report-contacts" class="row-list" data-count=count.to_string()>{items}</ul> }.into_any())
        })
    };
    view! {
        <article class="brochure">
            <h1>"Как да подадете сигнал за корупция"</h1>
            <p class="lead">
                "Областният обществен съвет за превенция и противодействие на корупцията — Благоевград "
                "насърчава всеки, който е станал свидетел на корупция в държавна или общинска институция, "
                "да подаде сигнал. Така съветът научава къде е рискът и насочва мерките си натам."
            </p>
            <section aria-labelledby="council-heading">
                <h2 id="council-heading">"Съветът"</h2>
                <p>
                    "Съветът обединява усилията на областната администрация, общините и териториалните звена "
                    "на държавната власт в областта за превенция и противодействие на корупцията. Председател "
                    "е областният управител; секретариатът е в Областна администрация Благоевград. Всяка година "
                    "съветът приема план за действие, а изпълнението му се отчита публично: "
                    <A href="/plan">"планът"</A>
                    ", "
                    <A href="/progress">"изпълнението"</A>
                    ", "
                    <A href="/meetings">"заседанията"</A>
                    " и "
                    <A href="/council">"съставът и контактите"</A>
                    "."
                </p>
            </section>
            <section aria-labelledby="channels-heading">
                <h2 id="channels-heading">"Начини за подаване на сигнал"</h2>
                <ul id="report-channels" class="channels">
                    <li>
                        <strong>"По електронна поща"</strong>
                        " — до секретариата на съвета (адресите са по-долу) или до експерта на вашата община."
                    </li>
                    <li>
                        <strong>"По телефона"</strong>
                        " — устният сигнал се записва от служителя, а вие потвърждавате записа."
                    </li>
                    <li>
                        <strong>"По пощата"</strong>
                        " — с писмо до Областна администрация Благоевград, на вниманието на секретаря на съвета."
                    </li>
                    <li>
                        <strong>"Лично"</strong>
                        " — в Областна администрация Благоевград или в общинската администрация; служителят "
                        "записва сигнала, а вие потвърждавате записа."
                    </li>
                    <li>
                        <strong>"Онлайн формуляр"</strong>
                        " — "
                        <A href="/signal" attr:id="report-signal-form">"подайте сигнал"</A>
                        " до която и да е институция в областта, анонимно или с име. Ще получите номер и код, с които "
                        <A href="/signal/track" attr:id="report-signal-track">"проследявате сигнала"</A>
                        " и четете отговорите, без да разкривате кои сте. "
                        <A href="/signals/statistics">"Статистиката на сигналите"</A>
                        " е публична."
                    </li>
                </ul>
                <h3>"Контакти на секретариата"</h3>
                <Loaded retry>{secretariat}</Loaded>
                <p>
                    "Експертите на всяка община са на страницата "
                    <A href="/council">"„Съвет и контакти“"</A>
                    "."
                </p>
            </section>
            <section aria-labelledby="protections-heading">
                <h2 id="protections-heading">"Какво ви гарантира законът"</h2>
                <div id="report-protections">
                    <p>
                        "Ако сигнализирате за нарушение по "
                        <em>"Закона за защита на лицата, подаващи сигнали или публично оповестяващи информация за нарушения"</em>
                        " (в сила от 04.05.2023 г., въвежда Директива (ЕС) 2019/1937):"
                    </p>
                    <ul>
                        <li>"получаването на сигнала се потвърждава в срок от 7 дни;"</li>
                        <li>"в срок до 3 месеца от потвърждението получавате обратна информация за предприетите действия;"</li>
                        <li>
                            "сигналът получава уникален идентификационен номер (УИН), издаван от Комисията за защита на личните данни;"
                        </li>
                        <li>
                            "самоличността ви и тази на лицето, за което сигнализирате, се пазят в тайна; регистърът на "
                            "сигналите не е публичен и до него имат достъп само определените служители;"
                        </li>
                        <li>
                            "анонимните сигнали и сигналите за нарушения отпреди повече от 2 години се регистрират, "
                            "но по тях може да не бъде образувано производство."
                        </li>
                    </ul>
                    <p>
                        "Другите сигнали за корупция се разглеждат по общия административен ред, а когато въпросът е "
                        "извън правомощията на администрацията, се препращат по компетентност — на прокуратурата, на "
                        "антикорупционната комисия или на друг компетентен орган."
                    </p>
                </div>
            </section>
        </article>
    }
}
