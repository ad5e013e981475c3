//! `/plan`: the year's plan in its own columns, as of a day, and its upkeep by regional staff.

use crate::api::{self, ApiError};
use crate::components::{FormError, Loaded, PanelFormEnd, set_title};
use crate::controls::{
    AsOfBanner, AsOfPicker, ViewParams, YearSelect, resolve_year, use_view_params,
};
use crate::csv::ExportTable;
use crate::session::use_session;
use antikor_shared::account::Role;
use antikor_shared::plan::{Deadline, PlanMeasure, YearMonth};
use antikor_shared::views::{
    AddMeasure, MeasureView, PlanView, StartPlan, UpdateMeasure, WithdrawMeasure,
};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::NavigateOptions;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

/// Whether a role keeps the plan (the server checks it again).
pub fn can_edit_plan(role: Role) -> bool {
    matches!(role, Role::Regional | Role::RegionalAdmin)
}

/// A measure's form: every field as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MeasureDraft {
    /// Section numeral (new measures only).
    pub section: String,
    /// Number as printed (new measures only).
    pub number: String,
    /// Text.
    pub text: String,
    /// First month, `YYYY-MM`.
    pub from: String,
    /// Last month, `YYYY-MM`; empty for a single month.
    pub to: String,
    /// Responsible positions, one per line.
    pub responsible: String,
    /// Indicator.
    pub indicator: String,
    /// Expected result.
    pub expected_result: String,
}

fn month(text: &str) -> Result<YearMonth, String> {
    let bad = || format!("„{text}“ не е месец. Пример: 2017-12.");
    let (y, m) = text.trim().split_once('-').ok_or_else(bad)?;
    let year = y.parse().map_err(|_| bad())?;
    let month = m.parse().map_err(|_| bad())?;
    YearMonth::new(year, month).map_err(|_| bad())
}

fn required(value: &str, label: &str) -> Result<String, String> {
    let value = value.trim();
    if value.is_empty() {
        Err(format!("Попълнете „{label}“."))
    } else {
        Ok(value.to_owned())
    }
}

impl MeasureDraft {
    /// The form of an existing measure.
    pub fn of(measure: &PlanMeasure) -> Self {
        let deadline = measure.deadline;
        Self {
            section: measure.section.clone(),
            number: measure.number_in_source.clone(),
            text: measure.text.clone(),
            from: deadline.from().to_string(),
            to: if deadline.is_single_month() {
                String::new()
            } else {
                deadline.to().to_string()
            },
            responsible: measure.responsible.join("\n"),
            indicator: measure.indicator.clone(),
            expected_result: measure.expected_result.clone(),
        }
    }

    fn deadline(&self) -> Result<Deadline, String> {
        let from = month(&self.from)?;
        if self.to.trim().is_empty() {
            return Ok(Deadline::month(from));
        }
        Deadline::range(from, month(&self.to)?)
            .map_err(|_| "Крайният месец е преди началния.".to_owned())
    }

    fn responsible(&self) -> Vec<String> {
        self.responsible
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect()
    }

    /// The body of `POST /api/plans/{year}/measures`.
    pub fn to_add(&self) -> Result<AddMeasure, String> {
        let responsible = self.responsible();
        if responsible.is_empty() {
            return Err("Посочете поне един отговорник.".to_owned());
        }
        Ok(AddMeasure {
            section: required(&self.section, "Раздел")?,
            number: required(&self.number, "№")?,
            text: required(&self.text, "Мярка")?,
            deadline: self.deadline()?,
            responsible,
            indicator: required(&self.indicator, "Индикатор")?,
            expected_result: required(&self.expected_result, "Резултат")?,
        })
    }

    /// The body of `POST /api/plans/{year}/measures/{key}`: only what differs from `measure`.
    pub fn changes(&self, measure: &PlanMeasure, revision: u64) -> Result<UpdateMeasure, String> {
        let text = required(&self.text, "Мярка")?;
        let indicator = required(&self.indicator, "Индикатор")?;
        let expected_result = required(&self.expected_result, "Резултат")?;
        let responsible = self.responsible();
        if responsible.is_empty() {
            return Err("Посочете поне един отговорник.".to_owned());
        }
        let deadline = self.deadline()?;
        let update = UpdateMeasure {
            expected_revision: revision,
            text: (text != measure.text).then_some(text),
            deadline: (deadline != measure.deadline).then_some(deadline),
            responsible: (responsible != measure.responsible).then_some(responsible),
            indicator: (indicator != measure.indicator).then_some(indicator),
            expected_result: (expected_result != measure.expected_result)
                .then_some(expected_result),
        };
        let unchanged = UpdateMeasure {
            expected_revision: revision,
            ..UpdateMeasure::default()
        };
        if update == unchanged {
            return Err("Няма промени за записване.".to_owned());
        }
        Ok(update)
    }
}

/// The plan's own columns in CSV, its section first; the annual report uses them too.
pub const PLAN_CSV_COLUMNS: [&str; 7] = [
    "Раздел",
    "№",
    "Мярка",
    "Срок",
    "Отговорник",
    "Индикатор за оценка на изпълнението",
    "Резултат",
];

/// A measure's cells under [`PLAN_CSV_COLUMNS`].
pub fn plan_csv_cells(measure: &PlanMeasure) -> Vec<String> {
    vec![
        measure.section.clone(),
        measure.number_in_source.clone(),
        measure.text.clone(),
        measure.deadline_in_source.clone(),
        measure.responsible.join("; "),
        measure.indicator.clone(),
        measure.expected_result.clone(),
    ]
}

/// The plan as CSV, in the plan's own columns, and whether a measure was withdrawn.
fn plan_csv(plan: &PlanView) -> Vec<Vec<String>> {
    let mut header = PLAN_CSV_COLUMNS.map(str::to_owned).to_vec();
    header.push("Оттеглена".to_owned());
    let mut rows = vec![header];
    rows.extend(plan.measures.iter().map(|m| {
        let mut row = plan_csv_cells(&m.measure);
        row.push(m.withdrawn.clone().unwrap_or_default());
        row
    }));
    rows
}

/// A message over the plan: what a change did, or why it did not.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Notice {
    text: String,
    error: bool,
}

/// `/plan`.
#[component]
pub fn PlanPage() -> impl IntoView {
    set_title("План за действие");
    let session = use_session();
    let logged_in = Memo::new(move |_| session.role().is_some());
    let editor = Memo::new(move |_| session.role().is_some_and(can_edit_plan));
    let params = use_view_params();
    let chosen = Memo::new(move |_| params.get().unwrap_or_default());
    let plan = LocalResource::new(move || {
        let asked = params.get();
        async move {
            let asked = asked?;
            let year = resolve_year(asked.year).await?;
            api::plan(year, asked.as_of_api().as_deref()).await
        }
    });
    let shown = Signal::derive(move || {
        chosen
            .get()
            .year
            .or_else(|| plan.get().and_then(Result::ok).map(|p| p.year))
    });
    let notice = RwSignal::new(None::<Notice>);
    let changed = Callback::new(move |n: Notice| {
        notice.set(Some(n));
        plan.refetch();
    });
    let retry = Callback::new(move |()| plan.refetch());
    let body = move || {
        Suspend::new(async move {
            let plan = plan.await?;
            let editing = editor.get_untracked() && chosen.get_untracked().as_of.is_none();
            Ok::<_, ApiError>(view! {
                <PlanTable plan=plan.clone() editing changed />
                {editing.then(|| view! {
                    <AddMeasureForm plan=plan.clone() changed />
                    <StartPlanForm plan=plan.clone() />
                })}
            })
        })
    };
    view! {
        <h1>"План за действие"</h1>
        <p class="lead">
            "Мерките на Областния обществен съвет за превенция и противодействие на корупцията "
            "с техните срокове, отговорници, индикатори и очаквани резултати."
        </p>
        <div class="filters">
            <YearSelect path="/plan" params=chosen shown />
            <Show when=move || logged_in.get()>
                <AsOfPicker path="/plan" params=chosen />
            </Show>
        </div>
        <AsOfBanner path="/plan" params=chosen position=Signal::derive(|| None) />
        {move || {
            notice
                .get()
                .map(|n| {
                    let class = if n.error { "notice notice--error" } else { "notice notice--ok" };
                    view! {
                        <p id="plan-notice" class=class role=if n.error { "alert" } else { "status" }>
                            {n.text}
                        </p>
                    }
                })
        }}
        <Loaded retry keep_shown=true>{body}</Loaded>
    }
}

/// The plan's table, section by section; with the change controls for regional staff.
#[component]
fn PlanTable(plan: PlanView, editing: bool, changed: Callback<Notice>) -> impl IntoView {
    let active = plan
        .measures
        .iter()
        .filter(|m| m.withdrawn.is_none())
        .count();
    let year = plan.year;
    let columns = if editing { 7 } else { 6 };
    let sections = plan
        .sections
        .iter()
        .map(|section| {
            let rows = plan
                .measures
                .iter()
                .filter(|m| m.measure.section == section.numeral)
                .map(|m| view! { <MeasureRow measure=m.clone() year editing changed /> })
                .collect_view();
            view! {
                <tbody>
                    <tr class="section-row">
                        <th scope="colgroup" colspan=columns.to_string()>
                            {section.numeral_in_source.clone()}
                            " "
                            {section.title.clone()}
                        </th>
                    </tr>
                    {rows}
                </tbody>
            }
        })
        .collect_view();
    let csv_plan = plan.clone();
    let csv = Callback::new(move |()| plan_csv(&csv_plan));
    view! {
        <h2>{plan.title.clone()}</h2>
        <ExportTable
            id="plan-table"
            class="plan-table"
            filename=format!("plan-{year}.csv")
            rows=csv
            tools=view! {
                <p>
                    {format!("{active} мерки в {} раздела.", plan.sections.len())}
                    " "
                    <A href=format!("/report/{year}")>"Годишен отчет за печат"</A>
                </p>
            }
                .into_any()
        >
            <caption class="visually-hidden">{format!("План за {year} г.")}</caption>
            <thead>
                <tr>
                    <th scope="col">"№"</th>
                    <th scope="col">"Мярка"</th>
                    <th scope="col">"Срок"</th>
                    <th scope="col">"Отговорник"</th>
                    <th scope="col">"Индикатор за оценка на изпълнението"</th>
                    <th scope="col">"Резултат"</th>
                    {editing.then(|| view! { <th scope="col">"Промени"</th> })}
                </tr>
            </thead>
            {sections}
        </ExportTable>
    }
}

/// Which change panel is open under a measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Panel {
    Closed,
    Edit,
    Withdraw,
}

/// One measure, and the panel to change or withdraw it.
#[component]
fn MeasureRow(
    measure: MeasureView,
    year: i32,
    editing: bool,
    changed: Callback<Notice>,
) -> impl IntoView {
    let m = measure.measure.clone();
    let withdrawn = measure.withdrawn.clone();
    let is_withdrawn = withdrawn.is_some();
    let panel = RwSignal::new(Panel::Closed);
    let actions = (editing && !is_withdrawn).then(|| {
        view! {
            <td class="actions">
                <button type="button" class="button button--small measure-edit" on:click=move |_| panel.set(Panel::Edit)>
                    "Промени"
                </button>
                <button type="button" class="button button--small measure-withdraw" on:click=move |_| panel.set(Panel::Withdraw)>
                    "Оттегли"
                </button>
            </td>
        }
    });
    let filler = (editing && is_withdrawn).then(|| view! { <td></td> });
    let key = m.key.clone();
    let form = move || {
        let measure = measure.clone();
        match panel.get() {
            Panel::Closed => ().into_any(),
            Panel::Edit => view! {
                <tr class="measure-panel">
                    <td colspan="7">
                        <EditMeasureForm measure year panel changed />
                    </td>
                </tr>
            }
            .into_any(),
            Panel::Withdraw => view! {
                <tr class="measure-panel">
                    <td colspan="7">
                        <WithdrawForm measure year panel changed />
                    </td>
                </tr>
            }
            .into_any(),
        }
    };
    view! {
        <tr class="measure-row" class:withdrawn=is_withdrawn data-key=key>
            <th scope="row" class="nowrap">{m.number_in_source.clone()}</th>
            <td>
                {m.text.clone()}
                {withdrawn.map(|reason| view! { <p class="withdrawn-note">"Оттеглена: " {reason}</p> })}
            </td>
            <td class="nowrap">{m.deadline_in_source.clone()}</td>
            <td>{m.responsible.join("; ")}</td>
            <td>{m.indicator.clone()}</td>
            <td>{m.expected_result.clone()}</td>
            {actions}
            {filler}
        </tr>
        {form}
    }
}

/// The fields a measure's form shares between adding and changing.
#[component]
fn MeasureFields(draft: RwSignal<MeasureDraft>, prefix: &'static str) -> impl IntoView {
    let field = move |name: &'static str,
                      label: &'static str,
                      get: fn(&MeasureDraft) -> String,
                      set: fn(&mut MeasureDraft, String),
                      textarea: bool| {
        let id = format!("{prefix}-{name}");
        let value = move || draft.with(get);
        let input = move |ev: leptos::ev::Event| {
            let v = event_target_value(&ev);
            draft.update(|d| set(d, v));
        };
        let control = if textarea {
            view! { <textarea id=id.clone() prop:value=value on:input=input rows="3"></textarea> }
                .into_any()
        } else if name.starts_with("deadline") {
            view! { <input id=id.clone() type="month" prop:value=value on:input=input /> }
                .into_any()
        } else {
            view! { <input id=id.clone() type="text" prop:value=value on:input=input /> }.into_any()
        };
        view! {
            <div class="field">
                <label for=id>{label}</label>
                {control}
            </div>
        }
    };
    view! {
        {field("text", "Мярка", |d| d.text.clone(), |d, v| d.text = v, true)}
        <div class="form-grid">
            {field("deadline-from", "Срок (месец)", |d| d.from.clone(), |d, v| d.from = v, false)}
            {field(
                "deadline-to",
                "До месец (за срок, който е период; иначе празно)",
                |d| d.to.clone(),
                |d, v| d.to = v,
                false,
            )}
        </div>
        {field(
            "responsible",
            "Отговорник (по една длъжност на ред)",
            |d| d.responsible.clone(),
            |d, v| d.responsible = v,
            true,
        )}
        {field(
            "indicator",
            "Индикатор за оценка на изпълнението",
            |d| d.indicator.clone(),
            |d, v| d.indicator = v,
            true,
        )}
        {field("result", "Резултат", |d| d.expected_result.clone(), |d, v| d.expected_result = v, true)}
    }
}

/// Sends a plan change and reports the outcome; a conflict reloads the plan.
async fn finish(
    result: Result<PlanView, ApiError>,
    ok: String,
    error: RwSignal<Option<String>>,
    changed: Callback<Notice>,
) -> bool {
    match result {
        Ok(_) => {
            changed.try_run(Notice {
                text: ok,
                error: false,
            });
            true
        }
        Err(e) if e.is_conflict() => {
            changed.try_run(Notice {
                text: format!("{e} Планът е презареден с последните промени."),
                error: true,
            });
            true
        }
        Err(e) => {
            error.try_set(Some(e.to_string()));
            false
        }
    }
}

/// Changes a measure: only the fields that differ are sent, with the revision read.
#[component]
fn EditMeasureForm(
    measure: MeasureView,
    year: i32,
    panel: RwSignal<Panel>,
    changed: Callback<Notice>,
) -> impl IntoView {
    let draft = RwSignal::new(MeasureDraft::of(&measure.measure));
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let key = measure.measure.key.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let body = match draft.with_untracked(|d| d.changes(&measure.measure, measure.revision)) {
            Ok(body) => body,
            Err(text) => {
                error.set(Some(text));
                return;
            }
        };
        let key = measure.measure.key.clone();
        busy.set(true);
        spawn_local(async move {
            let result = api::update_measure(year, &key, &body).await;
            busy.try_set(false);
            if finish(result, format!("Мярка {key} е променена."), error, changed).await
            {
                panel.try_set(Panel::Closed);
            }
        });
    };
    view! {
        <form id="measure-edit-form" class="action-form" data-key=key.clone() on:submit=submit novalidate>
            <h3 class="action-form__title">{format!("Промяна на мярка {key}")}</h3>
            <MeasureFields draft prefix="edit" />
            <PanelFormEnd
                error_id="measure-edit-error"
                error
                submit_id="measure-edit-submit"
                submit="Запази промените"
                busy
                cancel=Callback::new(move |()| panel.set(Panel::Closed))
            />
        </form>
    }
}

/// Withdraws a measure, with a reason; it stays in the plan, marked.
#[component]
fn WithdrawForm(
    measure: MeasureView,
    year: i32,
    panel: RwSignal<Panel>,
    changed: Callback<Notice>,
) -> impl IntoView {
    let reason = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let key = measure.measure.key.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = reason.get_untracked().trim().to_owned();
        if text.is_empty() {
            error.set(Some("Посочете причината за оттеглянето.".to_owned()));
            return;
        }
        let body = WithdrawMeasure {
            expected_revision: measure.revision,
            reason: text,
        };
        let key = measure.measure.key.clone();
        busy.set(true);
        spawn_local(async move {
            let result = api::withdraw_measure(year, &key, &body).await;
            busy.try_set(false);
            if finish(result, format!("Мярка {key} е оттеглена."), error, changed).await
            {
                panel.try_set(Panel::Closed);
            }
        });
    };
    view! {
        <form id="measure-withdraw-form" class="action-form" data-key=key.clone() on:submit=submit novalidate>
            <h3 class="action-form__title">{format!("Оттегляне на мярка {key}")}</h3>
            <p class="muted small">"Мярката остава в историята на плана, отбелязана като оттеглена."</p>
            <div class="field">
                <label for="withdraw-reason">"Причина"</label>
                <textarea id="withdraw-reason" maxlength="1000" bind:value=reason></textarea>
            </div>
            <PanelFormEnd
                error_id="measure-withdraw-error"
                error
                submit_id="measure-withdraw-submit"
                submit="Оттегли мярката"
                busy
                cancel=Callback::new(move |()| panel.set(Panel::Closed))
            />
        </form>
    }
}

/// Adds a measure to the shown year's plan.
#[component]
fn AddMeasureForm(plan: PlanView, changed: Callback<Notice>) -> impl IntoView {
    let year = plan.year;
    let draft = RwSignal::new(MeasureDraft {
        section: plan
            .sections
            .first()
            .map(|s| s.numeral.clone())
            .unwrap_or_default(),
        from: format!("{year}-12"),
        ..MeasureDraft::default()
    });
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let body = match draft.with_untracked(MeasureDraft::to_add) {
            Ok(body) => body,
            Err(text) => {
                error.set(Some(text));
                return;
            }
        };
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            let result = api::add_measure(year, &body).await;
            busy.try_set(false);
            let text = format!("Мярката „{} {}“ е добавена.", body.section, body.number);
            if finish(result, text, error, changed).await {
                draft.try_update(|d| {
                    *d = MeasureDraft {
                        section: d.section.clone(),
                        from: d.from.clone(),
                        ..MeasureDraft::default()
                    }
                });
            }
        });
    };
    let sections = plan
        .sections
        .iter()
        .map(|s| {
            let numeral = s.numeral.clone();
            view! {
                <option value=numeral.clone() prop:selected=move || draft.with(|d| d.section == numeral)>
                    {format!("{}. {}", s.numeral, s.title)}
                </option>
            }
        })
        .collect_view();
    view! {
        <details class="form-card">
            <summary>{format!("Нова мярка в плана за {year} г.")}</summary>
            <form id="measure-add-form" on:submit=submit novalidate>
                <div class="form-grid">
                    <div class="field">
                        <label for="add-section">"Раздел"</label>
                        <select id="add-section" on:change=move |ev| {
                            let v = event_target_value(&ev);
                            draft.update(|d| d.section = v);
                        }>{sections}</select>
                    </div>
                    <div class="field">
                        <label for="add-number">"№ (както ще се изписва, напр. „4.“)"</label>
                        <input
                            id="add-number"
                            type="text"
                            prop:value=move || draft.with(|d| d.number.clone())
                            on:input=move |ev| {
                                let v = event_target_value(&ev);
                                draft.update(|d| d.number = v);
                            }
                        />
                    </div>
                </div>
                <MeasureFields draft prefix="add" />
                <FormError id="measure-add-error" error />
                <button type="submit" id="measure-add-submit" class="button button--primary" disabled=busy>
                    "Добави мярката"
                </button>
            </form>
        </details>
    }
}

/// Starts a later year's plan as a copy of the shown one.
#[component]
fn StartPlanForm(plan: PlanView) -> impl IntoView {
    let navigate = use_navigate();
    let based_on = plan.year;
    let year = RwSignal::new((based_on + 1).to_string());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Ok(new_year) = year.get_untracked().trim().parse::<i32>() else {
            error.set(Some("Въведете година, напр. 2018.".to_owned()));
            return;
        };
        if new_year <= based_on {
            error.set(Some(format!("Годината трябва да е след {based_on}.")));
            return;
        }
        busy.set(true);
        error.set(None);
        let navigate = navigate.clone();
        spawn_local(async move {
            let result = api::start_plan(&StartPlan {
                year: new_year,
                based_on,
            })
            .await;
            busy.try_set(false);
            match result {
                Ok(_) => {
                    let next = ViewParams {
                        year: Some(new_year),
                        ..ViewParams::default()
                    };
                    navigate(&next.href("/plan"), NavigateOptions::default());
                }
                Err(e) => {
                    error.try_set(Some(e.to_string()));
                }
            }
        });
    };
    view! {
        <details class="form-card">
            <summary>"План за следваща година"</summary>
            <form id="plan-start-form" on:submit=submit novalidate>
                <p class="muted small">
                    {format!(
                        "Новият план започва като копие на мерките в сила от плана за {based_on} г., със срокове, преместени със съответния брой години.",
                    )}
                </p>
                <div class="field field--narrow">
                    <label for="plan-start-year">"Година"</label>
                    <input id="plan-start-year" type="number" min=(based_on + 1).to_string() bind:value=year />
                </div>
                <FormError id="plan-start-error" error />
                <button type="submit" id="plan-start-submit" class="button button--primary" disabled=busy>
                    "Започни плана"
                </button>
            </form>
        </details>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn measure() -> PlanMeasure {
        PlanMeasure {
            key: "I.3".into(),
            section: "I".into(),
            number_in_source: "3.".into(),
            text: "Утвърждаване".into(),
            deadline: Deadline::range(
                YearMonth::new(2017, 1).unwrap(),
                YearMonth::new(2017, 12).unwrap(),
            )
            .unwrap(),
            deadline_in_source: "Януари 2017 г. Декември 2017 г.".into(),
            responsible: vec!["Главен секретар".into()],
            indicator: "Публикуване".into(),
            expected_result: "Публичност".into(),
        }
    }

    #[test]
    fn only_changed_fields_are_sent() {
        let m = measure();
        let mut draft = MeasureDraft::of(&m);
        assert_eq!(draft.from, "2017-01");
        assert_eq!(draft.to, "2017-12");
        assert_eq!(
            draft.changes(&m, 1).unwrap_err(),
            "Няма промени за записване."
        );
        draft.responsible = "Главен секретар\n Секретар на ООСППК \n".into();
        draft.to = String::new();
        let update = draft.changes(&m, 4).unwrap();
        assert_eq!(update.expected_revision, 4);
        assert_eq!(update.text, None);
        assert_eq!(update.indicator, None);
        assert_eq!(
            update.responsible.unwrap(),
            ["Главен секретар", "Секретар на ООСППК"]
        );
        assert_eq!(
            update.deadline,
            Some(Deadline::month(YearMonth::new(2017, 1).unwrap()))
        );
    }

    #[test]
    fn a_new_measure_needs_every_field() {
        let mut draft = MeasureDraft {
            section: "II".into(),
            number: "4.".into(),
            text: "Нова мярка".into(),
            from: "2017-13".into(),
            ..MeasureDraft::default()
        };
        assert_eq!(
            draft.to_add().unwrap_err(),
            "Посочете поне един отговорник."
        );
        draft.responsible = "Секретар на ООСППК".into();
        draft.indicator = "Брой".into();
        draft.expected_result = "По-добре".into();
        assert!(draft.to_add().unwrap_err().contains("не е месец"));
        draft.from = "2017-11".into();
        draft.to = "2017-03".into();
        assert_eq!(
            draft.to_add().unwrap_err(),
            "Крайният месец е преди началния."
        );
        draft.to = String::new();
        let add = draft.to_add().unwrap();
        assert_eq!(add.section, "II");
        assert!(add.deadline.is_single_month());
    }
}
