//! Public pages: meetings, contested acts, the council's contacts, how to report corruption.

use crate::access::can_record;
use crate::activity_draft::{act_action_label, act_kind_label, days_to_action};
use crate::api::{self, ApiError};
use crate::components::{Loaded, set_title};
use crate::controls::{YearSelect, use_view_params};
use crate::csv::ExportTable;
use crate::format::date_bg;
use crate::pages::activities::use_names;
use crate::session::use_session;
use antikor_shared::activity::{ActContested, Activity, MeetingHeld};
use antikor_shared::ids::regional_tenant;
use antikor_shared::views::{ActivityRecord, TenantContacts};
use leptos::prelude::*;
use leptos_router::components::A;

/// A public list (meetings, contested acts) of the year the address asks for, or every year.
fn use_public_list<F, Fut>(
    fetch: F,
) -> (
    Memo<crate::controls::ViewParams>,
    LocalResource<Result<Vec<ActivityRecord>, ApiError>>,
)
where
    F: Fn(Option<i32>) -> Fut + Copy + 'static,
    Fut: std::future::Future<Output = Result<Vec<ActivityRecord>, ApiError>> + 'static,
{
    let params = use_view_params();
    let chosen = Memo::new(move |_| params.get().unwrap_or_default());
    let list = LocalResource::new(move || {
        let asked = params.get();
        async move { fetch(asked?.year).await }
    });
    (chosen, list)
}

fn meeting_of(record: &ActivityRecord) -> Option<&MeetingHeld> {
    match &record.activity {
        Activity::Meeting(m) => Some(m),
        _ => None,
    }
}

fn act_of(record: &ActivityRecord) -> Option<&ActContested> {
    match &record.activity {
        Activity::ContestedAct(a) => Some(a),
        _ => None,
    }
}

/// `/meetings`: public meetings of every institution, with protocols and decisions.
#[component]
pub fn MeetingsPage() -> impl IntoView {
    set_title("Заседания");
    let (chosen, list) = use_public_list(api::public_meetings);
    let names = use_names();
    let shown = Signal::derive(move || chosen.get().year);
    let retry = Callback::new(move |()| list.refetch());
    let table = move || {
        Suspend::new(async move {
            let records = list.await?;
            let meetings: Vec<(ActivityRecord, MeetingHeld)> = records
                .iter()
                .filter_map(|r| meeting_of(r).map(|m| (r.clone(), m.clone())))
                .collect();
            let csv_rows = meetings.clone();
            let csv = Callback::new(move |()| {
                let n = names.get_untracked();
                let mut rows = vec![
                    [
                        "Дата",
                        "Институция",
                        "Вид",
                        "Наименование",
                        "Участници",
                        "Организации",
                        "Дневен ред",
                        "Решения",
                        "Протокол",
                        "Мерки",
                    ]
                    .map(str::to_owned)
                    .to_vec(),
                ];
                for (r, m) in &csv_rows {
                    rows.push(vec![
                        date_bg(m.date),
                        n.of(r.tenant.as_str()),
                        m.meeting_kind.label_bg().to_owned(),
                        m.title.clone(),
                        m.participants.to_string(),
                        m.organisations.join("; "),
                        m.agenda.clone(),
                        m.decisions.clone(),
                        m.protocol.clone(),
                        m.measures.join(", "),
                    ]);
                }
                rows
            });
            let count = meetings.len();
            let rows = meetings
                .into_iter()
                .map(|(r, m)| {
                    let tenant = r.tenant.to_string();
                    let name = {
                        let tenant = tenant.clone();
                        move || names.get().of(&tenant)
                    };
                    let protocol = (!m.protocol.is_empty()).then(|| {
                        view! {
                            <details class="protocol">
                                <summary>"Протокол"</summary>
                                <p class="pre-line">{m.protocol.clone()}</p>
                            </details>
                        }
                    });
                    view! {
                        <tr class="meeting-row" data-id=r.id.to_string() data-tenant=tenant>
                            <td class="nowrap">{date_bg(m.date)}</td>
                            <td>{name}</td>
                            <td>
                                <strong>{m.title.clone()}</strong>
                                <br />
                                <span class="muted small">{m.meeting_kind.label_bg()}</span>
                            </td>
                            <td>
                                {format!("{} участници", m.participants)}
                                {(!m.organisations.is_empty()).then(|| view! {
                                    <br />
                                    <span class="small">{m.organisations.join(", ")}</span>
                                })}
                            </td>
                            <td class="pre-line">{m.agenda.clone()}</td>
                            <td class="pre-line">{m.decisions.clone()}</td>
                            <td>{protocol}</td>
                        </tr>
                    }
                })
                .collect_view();
            Ok::<_, ApiError>(view! {
                <ExportTable id="meetings-table" filename="zasedania.csv" rows=csv tools=view! { <span class="muted">{format!("{count} заседания и срещи")}</span> }.into_any()>
                    <caption class="visually-hidden">"Публични заседания и срещи, най-новите първи"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Дата"</th>
                            <th scope="col">"Институция"</th>
                            <th scope="col">"Заседание"</th>
                            <th scope="col">"Участници"</th>
                            <th scope="col">"Дневен ред"</th>
                            <th scope="col">"Решения"</th>
                            <th scope="col">"Протокол"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {(count == 0).then(|| view! {
                            <tr class="empty-row"><td colspan="7">"Няма публикувани заседания за избрания период."</td></tr>
                        })}
                        {rows}
                    </tbody>
                </ExportTable>
            })
        })
    };
    view! {
        <h1>"Заседания и срещи"</h1>
        <p class="lead">
            "Заседанията на съвета, откритите заседания с граждани, неправителствени организации и медии "
            "и срещите „отворени врати“, с дневния ред, взетите решения и протоколите (мерки II.1, II.2, IV.1 и V.3)."
        </p>
        <div class="filters">
            <YearSelect path="/meetings" params=chosen shown all_years=true />
        </div>
        <Loaded retry>{table}</Loaded>
    }
}

/// `/contested-acts`: the register of council decisions and mayors' orders the governor
/// returned or took to court.
#[component]
pub fn ContestedActsPage() -> impl IntoView {
    set_title("Оспорени актове");
    let (chosen, list) = use_public_list(api::public_contested_acts);
    let names = use_names();
    let shown = Signal::derive(move || chosen.get().year);
    let retry = Callback::new(move |()| list.refetch());
    let table = move || {
        Suspend::new(async move {
            let records = list.await?;
            let acts: Vec<(ActivityRecord, ActContested)> = records
                .iter()
                .filter_map(|r| act_of(r).map(|a| (r.clone(), a.clone())))
                .collect();
            let csv_rows = acts.clone();
            let csv = Callback::new(move |()| {
                let n = names.get_untracked();
                let mut rows = vec![
                    [
                        "Вид акт",
                        "Номер",
                        "Дата на акта",
                        "Община",
                        "Получен",
                        "Действие",
                        "Дата на действието",
                        "Дни след получаването",
                        "Мотиви",
                        "Ново гласуване",
                        "Съдебно дело",
                        "Изход от делото",
                        "Публикуван",
                    ]
                    .map(str::to_owned)
                    .to_vec(),
                ];
                for (_, a) in &csv_rows {
                    rows.push(vec![
                        act_kind_label(a.act_kind).to_owned(),
                        a.act_number.clone(),
                        date_bg(a.act_date),
                        n.of(&a.municipality),
                        date_bg(a.received_on),
                        act_action_label(a.action).to_owned(),
                        date_bg(a.action_on),
                        days_to_action(a).to_string(),
                        a.grounds.clone(),
                        a.council_revote.clone().unwrap_or_default(),
                        a.court_case.clone().unwrap_or_default(),
                        a.court_outcome.clone().unwrap_or_default(),
                        a.published_on.map(date_bg).unwrap_or_default(),
                    ]);
                }
                rows
            });
            let count = acts.len();
            let rows = acts
                .into_iter()
                .map(|(r, a)| {
                    let municipality = a.municipality.clone();
                    let name = move || names.get().of(&municipality);
                    let days = days_to_action(&a);
                    view! {
                        <tr class="act-row" data-id=r.id.to_string() data-municipality=a.municipality.clone()>
                            <td>
                                <strong>{format!("№ {}", a.act_number)}</strong>
                                {format!(" от {}", date_bg(a.act_date))}
                                <br />
                                <span class="muted small">{act_kind_label(a.act_kind)}</span>
                            </td>
                            <td>{name}</td>
                            <td class="nowrap">{date_bg(a.received_on)}</td>
                            <td>
                                {act_action_label(a.action)}
                                <br />
                                <span class="small">
                                    {format!("на {} ({days} дни след получаването)", date_bg(a.action_on))}
                                </span>
                            </td>
                            <td class="pre-line">{a.grounds.clone()}</td>
                            <td class="pre-line">{a.council_revote.clone().unwrap_or_else(|| "—".to_owned())}</td>
                            <td>
                                {a.court_case.clone().map(|c| format!("Дело № {c}")).unwrap_or_else(|| "—".to_owned())}
                                {a.court_outcome.clone().map(|o| view! { <br /> <span class="small pre-line">{o}</span> })}
                            </td>
                            <td class="nowrap">{a.published_on.map(date_bg).unwrap_or_else(|| "—".to_owned())}</td>
                        </tr>
                    }
                })
                .collect_view();
            Ok::<_, ApiError>(view! {
                <ExportTable id="contested-acts-table" filename="osporeni-aktove.csv" rows=csv tools=view! { <span class="muted">{format!("{count} акта")}</span> }.into_any()>
                    <caption class="visually-hidden">"Регистър на оспорените и върнатите актове, най-новите първи"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Акт"</th>
                            <th scope="col">"Община"</th>
                            <th scope="col">"Получен"</th>
                            <th scope="col">"Действие"</th>
                            <th scope="col">"Мотиви"</th>
                            <th scope="col">"Ново гласуване"</th>
                            <th scope="col">"Съдебно дело"</th>
                            <th scope="col">"Публикуван"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {(count == 0).then(|| view! {
                            <tr class="empty-row"><td colspan="8">"Няма оспорени актове за избрания период."</td></tr>
                        })}
                        {rows}
                    </tbody>
                </ExportTable>
            })
        })
    };
    view! {
        <h1>"Регистър на оспорените актове"</h1>
        <p class="lead">
            "Решенията на общинските съвети и заповедите на кметовете, които областният управител е върнал "
            "за ново обсъждане или е оспорил пред административния съд (мярка I.3). Според чл. 45, ал. 4 от "
            "Закона за местното самоуправление и местната администрация върнатото решение се връща до 7 дни "
            "от получаването му, а общинският съвет го обсъжда отново до 14 дни."
        </p>
        <div class="filters">
            <YearSelect path="/contested-acts" params=chosen shown all_years=true />
        </div>
        <Loaded retry>{table}</Loaded>
    }
}

/// The regional administration's list (the council's secretariat) and the others, in order.
fn split_contacts(list: Vec<TenantContacts>) -> (Option<TenantContacts>, Vec<TenantContacts>) {
    let oblast = regional_tenant();
    let mut regional = None;
    let mut others = Vec::new();
    for t in list {
        if t.tenant == oblast {
            regional = Some(t);
        } else {
            others.push(t);
        }
    }
    (regional, others)
}

/// A table of experts; one row per person, and a row for an institution without a list.
#[component]
fn ContactsTable(
    lists: Vec<TenantContacts>,
    id: &'static str,
    #[prop(into)] caption: String,
    with_tenant: bool,
) -> impl IntoView {
    let csv_lists = lists.clone();
    let csv = Callback::new(move |()| {
        let mut rows = vec![
            [
                "Институция",
                "Име",
                "Длъжност",
                "Телефон",
                "Електронна поща",
            ]
            .map(str::to_owned)
            .to_vec(),
        ];
        for t in &csv_lists {
            for c in &t.contacts {
                rows.push(vec![
                    t.name_bg.clone(),
                    c.name.clone(),
                    c.position.clone(),
                    c.phone.clone(),
                    c.email.clone(),
                ]);
            }
        }
        rows
    });
    let columns = if with_tenant { "5" } else { "4" };
    let rows = lists
        .iter()
        .map(|t| {
            let tenant = t.tenant.to_string();
            if t.contacts.is_empty() {
                return view! {
                    <tr class="contact-row contact-row--empty" data-tenant=tenant>
                        {with_tenant.then(|| view! { <th scope="row">{t.name_bg.clone()}</th> })}
                        <td colspan=if with_tenant { "4" } else { columns }  class="muted">
                            "Все още не са посочени експерти."
                        </td>
                    </tr>
                }
                .into_any();
            }
            t.contacts
                .iter()
                .map(|c| {
                    let mail = format!("mailto:{}", c.email);
                    let tel = format!("tel:{}", c.phone.replace(' ', ""));
                    view! {
                        <tr class="contact-row" data-tenant=tenant.clone()>
                            {with_tenant.then(|| view! { <th scope="row">{t.name_bg.clone()}</th> })}
                            <td>{c.name.clone()}</td>
                            <td>{c.position.clone()}</td>
                            <td class="nowrap"><a href=tel>{c.phone.clone()}</a></td>
                            <td><a href=mail>{c.email.clone()}</a></td>
                        </tr>
                    }
                })
                .collect_view()
                .into_any()
        })
        .collect_view();
    view! {
        <ExportTable id=id filename=format!("{id}.csv") rows=csv>
            <caption>{caption}</caption>
            <thead>
                <tr>
                    {with_tenant.then(|| view! { <th scope="col">"Институция"</th> })}
                    <th scope="col">"Име"</th>
                    <th scope="col">"Длъжност"</th>
                    <th scope="col">"Телефон"</th>
                    <th scope="col">"Електронна поща"</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </ExportTable>
    }
}

/// `/council`: the council's secretariat (the regional administration's experts) first, then
/// every municipality's experts.
#[component]
pub fn CouncilPage() -> impl IntoView {
    set_title("Съвет и контакти");
    let session = use_session();
    let editor = Memo::new(move |_| session.role().is_some_and(can_record));
    let contacts = LocalResource::new(api::contacts);
    let retry = Callback::new(move |()| contacts.refetch());
    let body = move || {
        Suspend::new(async move {
            let (regional, others) = split_contacts(contacts.await?);
            let regional = regional.map(|r| {
                view! {
                    <ContactsTable
                        lists=vec![r]
                        id="council-table"
                        caption="Секретариат на съвета — Областна администрация Благоевград"
                        with_tenant=false
                    />
                }
            });
            Ok::<_, ApiError>(view! {
                <h2>"Секретариат и състав"</h2>
                {regional}
                <h2>"Експерти по противодействие на корупцията в общините"</h2>
                <ContactsTable
                    lists=others
                    id="contacts-table"
                    caption="Експерти, отговорни за противодействието на корупцията, по институции"
                    with_tenant=true
                />
            })
        })
    };
    view! {
        <h1>"Областен обществен съвет за превенция и противодействие на корупцията"</h1>
        <p class="lead">
            "Председател на съвета е областният управител. Секретариатът е в Областна администрация "
            "Благоевград; всяка община посочва експерти, отговорни за противодействието на корупцията "
            "(мярка II.3). Всяка институция поддържа своя списък сама."
        </p>
        <p>
            <A href="/report-corruption">"Как да подадете сигнал за корупция"</A>
            <Show when=move || editor.get()>
                " · "
                <A href="/contacts/edit" attr:id="contacts-edit-link">"Редактиране на контактите на вашата институция"</A>
            </Show>
        </p>
        <Loaded retry>{body}</Loaded>
    }
}

/// `/report-corruption`: the brochure of measure IV.2.
#[component]
pub fn ReportCorruptionPage() -> impl IntoView {
    set_title("Как да подадете сигнал за корупция");
    let contacts = LocalResource::new(api::contacts);
    let retry = Callback::new(move |()| contacts.refetch());
    let secretariat = move || {
        Suspend::new(async move {
            let (regional, _) = split_contacts(contacts.await?);
            let list = regional.map(|r| r.contacts).unwrap_or_default();
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
