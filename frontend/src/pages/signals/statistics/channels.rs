//! The internal-channel part of the statistics page: who must run one, the decisions, and the
//! intake lists that signals may name.

use super::obliged_text;
use crate::api::{self, ApiError};
use crate::components::{Loaded, shown_name};
use crate::csv::ExportTable;
use crate::form::{InputField, NoticeView, SubmitButton, TextAreaField, use_submit_explained};
use crate::format::thousands;
use crate::pages::signals::{error_text, records_channel};
use crate::session::use_session;
use antikor_shared::signal::{ChannelObligation, RecordChannel, SetIntakeLists};
use leptos::prelude::*;

/// Which institutions must run an internal whistleblowing channel, and the form with which
/// an institution records its own decision.
#[component]
pub(super) fn Channels() -> impl IntoView {
    let session = use_session();
    let channels = LocalResource::new(api::signals::channels);
    let retry = Callback::new(move |()| channels.refetch());
    let may_record = move || session.role().is_some_and(records_channel);
    let list = move || {
        Suspend::new(async move {
            let list = channels.await?;
            Ok::<_, ApiError>(view! { <ChannelTable list /> })
        })
    };
    view! {
        <section aria-labelledby="channels-heading">
            <h2 id="channels-heading">{t!("citizen-channels-heading")}</h2>
            <p>
                {t!("citizen-channels-threshold")}
            </p>
            <Loaded retry>{list}</Loaded>
            <Show when=may_record>
                <ChannelForm on_saved=retry />
            </Show>
        </section>
    }
}

/// The lines of a textarea as list entries: trimmed, blanks dropped.
fn entries(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

/// An officer or the tenant's admin keeps the lists of units and activities that signals to
/// their institution may name; only these names appear in the statistics.
#[component]
pub(super) fn IntakeListsSection() -> impl IntoView {
    let session = use_session();
    let may_record = move || session.role().is_some_and(records_channel);
    view! {
        <Show when=may_record>
            <IntakeListsForm />
        </Show>
    }
}

/// The form of [`IntakeListsSection`]: one entry a line.
#[component]
fn IntakeListsForm() -> impl IntoView {
    let session = use_session();
    let own = session
        .user_untracked()
        .map(|u| u.tenant.to_string())
        .unwrap_or_default();
    let units = RwSignal::new(String::new());
    let activities = RwSignal::new(String::new());
    let form = use_submit_explained(error_text);
    let current = LocalResource::new(move || {
        let own = own.clone();
        async move { api::signals::lists(&own).await }
    });
    Effect::new(move |_| {
        if let Some(Ok(lists)) = current.get() {
            units.set(lists.units.join("\n"));
            activities.set(lists.activities.join("\n"));
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        if !form.begin(&ev) {
            return;
        }
        let body = SetIntakeLists {
            units: entries(&units.get_untracked()),
            activities: entries(&activities.get_untracked()),
        };
        form.send(
            async move { api::signals::set_lists(&body).await },
            move |saved| {
                units.try_set(saved.units.join("\n"));
                activities.try_set(saved.activities.join("\n"));
                form.succeed(t!("citizen-channels-lists-saved"));
            },
        );
    };
    view! {
        <section aria-labelledby="intake-lists-heading">
            <h2 id="intake-lists-heading">{t!("citizen-channels-lists-heading")}</h2>
            <p>
                {t!("citizen-channels-lists-lead")}
            </p>
            <form id="intake-lists-form" class="form-card action-form" on:submit=submit novalidate>
                <div class="form-grid">
                    <TextAreaField id="intake-lists-units" label=t!("citizen-channels-units") value=units rows=8 />
                    <TextAreaField id="intake-lists-activities" label=t!("citizen-channels-activities") value=activities rows=8 />
                </div>
                <NoticeView id="intake-lists-result" notice=form.outcome() />
                <SubmitButton id="intake-lists-save" form text=t!("citizen-channels-lists-save") />
            </form>
        </section>
    }
}

/// What a recorded decision counted: inhabitants, staff, or both.
fn counted(c: &ChannelObligation) -> String {
    c.recorded
        .as_ref()
        .map(|r| {
            let people = r
                .population
                .map(|p| t!("citizen-channels-inhabitants", count = p));
            let staff = r.staff.map(|s| t!("citizen-channels-employees", count = s));
            [people, staff]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(", ")
        })
        .unwrap_or_default()
}

/// The institutions and their recorded decisions.
#[component]
fn ChannelTable(list: Vec<ChannelObligation>) -> impl IntoView {
    let csv_list = list.clone();
    let csv = Callback::new(move |()| {
        let mut out = vec![vec![
            t!("citizen-channels-institution"),
            t!("citizen-channels-population"),
            t!("citizen-channels-obliged"),
            t!("citizen-channels-assessed-by"),
            t!("citizen-channels-basis"),
        ]];
        out.extend(csv_list.iter().map(|c| {
            vec![
                c.name.get(crate::i18n::lang()).to_owned(),
                c.population_2011.map(|p| p.to_string()).unwrap_or_default(),
                obliged_text(c.recorded.as_ref().map(|r| r.obliged)),
                counted(c),
                c.recorded
                    .as_ref()
                    .map(|r| r.note.clone())
                    .unwrap_or_default(),
            ]
        }));
        out
    });
    let rows = list
        .into_iter()
        .map(|c| {
            let obliged = c.recorded.as_ref().map(|r| r.obliged);
            let counted = counted(&c);
            let (name, mark) = shown_name(&c.name);
            view! {
                <tr data-tenant=c.tenant.to_string() data-obliged=obliged.map(|o| o.to_string())>
                    <th scope="row" lang=mark>{name}</th>
                    <td class="num">{c.population_2011.map(|p| thousands(u64::from(p)))}</td>
                    <td>{obliged_text(obliged)}</td>
                    <td>{counted}</td>
                    <td>{c.recorded.map(|r| r.note)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <ExportTable id="channels-table" filename="vatreshen-kanal.csv" rows=csv>
            <caption id="channels-table-caption">{t!("citizen-channels-caption")}</caption>
            <thead>
                <tr>
                    <th scope="col">{t!("citizen-channels-institution")}</th>
                    <th scope="col" class="num">{t!("citizen-channels-population")}</th>
                    <th scope="col">{t!("citizen-channels-obliged")}</th>
                    <th scope="col">{t!("citizen-channels-assessed-by")}</th>
                    <th scope="col">{t!("citizen-channels-basis")}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </ExportTable>
    }
}

/// An officer or the tenant's admin records whether their institution must run the channel;
/// the server decides it from the counts.
#[component]
fn ChannelForm(on_saved: Callback<()>) -> impl IntoView {
    let population = RwSignal::new(String::new());
    let staff = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    let form = use_submit_explained(error_text);
    let count = |text: &str| -> Result<Option<u32>, String> {
        let t = text.trim().replace([' ', '\u{2009}'], "");
        if t.is_empty() {
            return Ok(None);
        }
        t.parse()
            .map(Some)
            .map_err(|_| t!("citizen-channels-not-whole-number", text = text))
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        if !form.begin(&ev) {
            return;
        }
        let body = match (
            count(&population.get_untracked()),
            count(&staff.get_untracked()),
        ) {
            (Ok(population), Ok(staff)) => RecordChannel {
                population,
                staff,
                note: note.get_untracked().trim().to_owned(),
            },
            (Err(e), _) | (_, Err(e)) => return form.fail(e),
        };
        form.send(
            async move { api::signals::record_channel(&body).await },
            move |saved| {
                let obliged = saved.recorded.map(|r| r.obliged);
                form.succeed(t!(
                    "citizen-channels-saved",
                    institution = saved.name.get(crate::i18n::lang()),
                    obliged = obliged_text(obliged)
                ));
                on_saved.run(());
            },
        );
    };
    view! {
        <form id="channel-form" class="form-card action-form" on:submit=submit novalidate>
            <h3 class="action-form__title">{t!("citizen-channels-form-title")}</h3>
            <div class="form-grid">
                <InputField id="channel-population" label=t!("citizen-channels-inhabitants-field") value=population inputmode="numeric" />
                <InputField id="channel-staff" label=t!("citizen-channels-employees-field") value=staff inputmode="numeric" />
            </div>
            <TextAreaField id="channel-note" label=t!("citizen-channels-basis-field") value=note rows=2 maxlength=2000 class="field--wide" />
            <NoticeView id="channel-result" notice=form.outcome() />
            <SubmitButton id="channel-save" form text=t!("citizen-channels-save") />
        </form>
    }
}
