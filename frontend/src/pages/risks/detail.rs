//! `/risks/{id}`: one risk of the register with everything recorded about it, its reviews, the
//! link to its history, and for its institution's writers the forms that change it.

use super::forms::{AssessForm, CloseForm, ReviewForm, RiskCtx, TreatForm};
use super::{RatingBadge, review_overdue, year_text};
use crate::access::can_record;
use crate::api::{self, ApiError};
use crate::components::{Loaded, file_item, set_title};
use crate::controls::{ViewParams, today};
use crate::directory::use_people;
use crate::form::FormError;
use crate::format::{date_bg, date_time, utc_exact};
use crate::pages::activities::use_names;
use crate::pages::audit::Filters;
use crate::pages::signals::detail::is_signal_id;
use crate::session::use_session;
use crate::upload::FileUpload;
use antikor_shared::files::FileRef;
use antikor_shared::risk::{Rating, RiskRecord};
use antikor_shared::streams;
use antikor_shared::wire::code;
use chrono::NaiveDate;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

/// `/risks/{id}`.
#[component]
pub fn RiskPage() -> impl IntoView {
    set_title(&t!("risks-risk-title"));
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id")).unwrap_or_default());
    let record = LocalResource::new(move || {
        let id = id.get();
        async move {
            // A risk's id is a UUID, as a signal's: anything else is refused before asking.
            if !is_signal_id(&id) {
                return Err(ApiError::Invalid(t!("risks-invalid-id")));
            }
            api::risk(&id).await
        }
    });
    let retry = Callback::new(move |()| record.refetch());
    let body = move || {
        Suspend::new(async move {
            let r = record.await?;
            set_title(&t!("risks-risk-heading", code = r.code()));
            Ok::<_, ApiError>(view! { <Risk initial=r /> })
        })
    };
    view! { <Loaded retry>{body}</Loaded> }
}

/// The risk as loaded: what is recorded, then the forms, then the reviews.
#[component]
fn Risk(initial: RiskRecord) -> impl IntoView {
    let me = use_session().user_untracked();
    // Changes are the institution's own, and not for read-only roles.
    let may_change = me
        .as_ref()
        .is_some_and(|u| can_record(u.role) && u.tenant == initial.tenant);
    let own = me.as_ref().is_some_and(|u| u.tenant == initial.tenant);
    let register = ViewParams {
        tenant: (!own).then(|| initial.tenant.clone()),
        year: Some(initial.identified.year),
        ..ViewParams::default()
    }
    .href("/risks");
    let ctx = RiskCtx {
        record: RwSignal::new(initial),
    };
    let record = ctx.record;
    let open = move || record.with(|r| r.closed.is_none());
    let assessed = move || record.with(|r| r.assessment.is_some());
    let overview = move || record.with(|r| view! { <Overview risk=r.clone() show_tenant=!own /> });
    let reviews = move || record.with(|r| view! { <Reviews risk=r.clone() /> });
    let files = move || {
        record.with(|r| {
            if r.files.is_empty() {
                view! { <p id="risk-files-none" class="muted">{t!("risks-files-none")}</p> }
                    .into_any()
            } else {
                let items = r.files.iter().map(file_item).collect_view();
                view! { <ul id="risk-files" class="evidence">{items}</ul> }.into_any()
            }
        })
    };
    let attach = may_change.then(|| {
        view! {
            <Show when=open>
                <RiskFilesUpload record />
            </Show>
        }
    });
    let forms = may_change.then(|| {
        view! {
            <section aria-labelledby="risk-steps-heading" class="risk-steps">
                <h2 id="risk-steps-heading">{t!("risks-steps-heading")}</h2>
                <Show
                    when=open
                    fallback=|| view! { <p class="muted">{t!("risks-closed-no-changes")}</p> }
                >
                    <AssessForm ctx />
                    <Show when=assessed>
                        <TreatForm ctx />
                        <ReviewForm ctx />
                    </Show>
                    <CloseForm ctx />
                </Show>
            </section>
        }
    });
    view! {
        <p class="breadcrumb">
            <A href=register attr:id="risk-register-link">{t!("risks-register-title")}</A>
        </p>
        {overview}
        {forms}
        <section aria-labelledby="risk-files-heading">
            <h2 id="risk-files-heading">{t!("risks-files-heading")}</h2>
            {files}
            {attach}
        </section>
        {reviews}
    }
}

/// Attaching documents to the risk: each file uploaded is attached at once, and the page then
/// shows the risk as the server answers it.
#[component]
fn RiskFilesUpload(record: RwSignal<RiskRecord>) -> impl IntoView {
    let error = RwSignal::new(None::<String>);
    let uploaded = Callback::new(move |file: FileRef| {
        let id = record.with_untracked(|r| r.id.to_string());
        error.set(None);
        spawn_local(async move {
            match api::attach_risk_files(&id, vec![file]).await {
                Ok(fresh) => {
                    record.try_set(fresh);
                }
                Err(e) => {
                    error.try_set(Some(e.to_string()));
                }
            }
        });
    });
    view! {
        <FileUpload id="risk-file" uploaded />
        <FormError id="risk-file-error" error=error />
    }
}

/// A labelled value of the overview, left out when there is none.
fn field(label: String, id: &'static str, value: Option<String>) -> Option<impl IntoView> {
    value.map(|v| {
        view! {
            <dt>{label}</dt>
            <dd id=id class="pre-line">{v}</dd>
        }
    })
}

/// As [`field`], for the record's own words (what the institution wrote), marked as
/// Bulgarian.
fn recorded_field(label: String, id: &'static str, value: Option<String>) -> Option<impl IntoView> {
    value.map(|v| {
        view! {
            <dt>{label}</dt>
            <dd id=id class="pre-line" lang="bg">{v}</dd>
        }
    })
}

/// The risk's heading, "Risk Р-2017-01": its code (a Cyrillic "Р" and the register's numbers)
/// is an identifier in Bulgarian, marked as such.
fn risk_heading(code: &str) -> impl IntoView + use<> {
    // The message's words around the code, wherever the language puts it.
    const MARK: &str = "\u{E000}";
    let heading = t!("risks-risk-heading", code = MARK);
    let (before, after) = heading
        .split_once(MARK)
        .map_or((heading.clone(), String::new()), |(b, a)| {
            (b.to_owned(), a.to_owned())
        });
    view! { {before} <span lang="bg">{code.to_owned()}</span> {after} }
}

/// A day as the risk's page writes it: "15.12.2025 г.".
fn date_text(day: NaiveDate) -> String {
    t!("risks-date", date = date_bg(day))
}

/// A rating with its band, or that there is none yet.
fn rating_view(rating: Option<Rating>) -> AnyView {
    rating.map_or_else(
        || view! { <span class="muted">{t!("risks-not-assessed")}</span> }.into_any(),
        |rating| view! { <RatingBadge rating /> }.into_any(),
    )
}

/// Everything the register holds about the risk.
#[component]
fn Overview(risk: RiskRecord, show_tenant: bool) -> impl IntoView {
    let r = risk;
    let status = r.status();
    let names = use_names();
    let tenant = show_tenant.then(|| {
        let slug = r.tenant.to_string();
        view! {
            <dt>{t!("risks-field-institution")}</dt>
            <dd id="risk-tenant">{move || names.get().of(&slug)}</dd>
        }
    });
    let owner = r.identified.owner.clone();
    let recorded_by = r.recorded_by.clone();
    let overdue = review_overdue(&r, today());
    let assessment = r.assessment.clone();
    let treatment = r.treatment.clone();
    let actions_label = if treatment
        .as_ref()
        .is_some_and(|t| t.response == antikor_shared::risk::RiskResponse::Accept)
    {
        t!("risks-field-acceptance-reason")
    } else {
        t!("risks-field-planned-measures")
    };
    view! {
        <h1
            id="risk-heading"
            data-id=r.id.to_string()
            data-status=code(status)
            data-version=r.version.to_string()
        >
            {risk_heading(&r.code())}
        </h1>
        <p>
            <A attr:id="risk-trail" href=Filters::record_history_href(&r.tenant, streams::risk(r.id))>
                {t!("risks-record-history")}
            </A>
        </p>
        <dl id="risk-overview" class="fields">
            {tenant}
            <dt>{t!("risks-field-status")}</dt>
            <dd id="risk-status">{status.label(crate::i18n::lang())}</dd>
            <dt>{t!("risks-field-year")}</dt>
            <dd>{year_text(r.identified.year)}</dd>
            <dt>{t!("risks-field-area")}</dt>
            <dd id="risk-area">{r.identified.area.label(crate::i18n::lang())}</dd>
            <dt>{t!("risks-field-unit")}</dt>
            <dd id="risk-unit" lang="bg">{r.identified.unit.clone()}</dd>
            <dt>{t!("risks-field-description")}</dt>
            <dd id="risk-description" class="pre-line" lang="bg">{r.identified.description.clone()}</dd>
            <dt>{t!("risks-field-causes")}</dt>
            <dd id="risk-causes" class="pre-line" lang="bg">{r.identified.causes.clone()}</dd>
            <dt>{t!("risks-field-owner")}</dt>
            <dd id="risk-owner">{move || use_people().name(&owner)}</dd>
            <dt>{t!("risks-field-review-on")}</dt>
            <dd id="risk-review-on">
                {date_text(r.identified.review_on)}
                {overdue.then(|| view! { " " <span class="badge badge--warn">{t!("risks-overdue-badge")}</span> })}
            </dd>
            <dt>{t!("risks-field-inherent")}</dt>
            <dd id="risk-inherent">{rating_view(r.inherent())}</dd>
            {recorded_field(t!("risks-field-controls"), "risk-controls", assessment.map(|a| a.controls).filter(|c| !c.is_empty()))}
            <dt>{t!("risks-field-residual")}</dt>
            <dd id="risk-residual">{rating_view(r.residual())}</dd>
            {field(t!("risks-field-response"), "risk-response", treatment.as_ref().map(|t| t.response.label(crate::i18n::lang()).to_owned()))}
            {recorded_field(actions_label, "risk-actions", treatment.as_ref().map(|t| t.actions.clone()))}
            {field(
                t!("risks-field-plan-measures"),
                "risk-measures",
                treatment.as_ref().filter(|t| !t.measures.is_empty()).map(|t| t.measures.join(", ")),
            )}
            {field(
                t!("risks-field-due-on"),
                "risk-due-on",
                treatment.as_ref().and_then(|t| t.due_on).map(date_text),
            )}
            {field(t!("risks-field-signals"), "risk-signals", r.signals.map(|n| n.label(crate::i18n::lang())))}
            {recorded_field(t!("risks-field-close-reason"), "risk-closed", r.closed.as_ref().map(|c| c.reason.clone()))}
            <dt>{t!("risks-field-recorded")}</dt>
            <dd>
                <time datetime=utc_exact(r.recorded_at)>{date_time(r.recorded_at)}</time>
                ", "
                {move || use_people().name(&recorded_by)}
            </dd>
        </dl>
    }
}

/// The risk's reviews, oldest first.
#[component]
fn Reviews(risk: RiskRecord) -> impl IntoView {
    let body = if risk.reviews.is_empty() {
        view! { <p id="risk-reviews-none" class="muted">{t!("risks-reviews-none")}</p> }.into_any()
    } else {
        let items = risk
            .reviews
            .into_iter()
            .map(|entry| {
                let by = entry.by.clone();
                let review = entry.review;
                view! {
                    <li data-reviewed-on=review.reviewed_on.to_string()>
                        <p>
                            <strong>{date_text(review.reviewed_on)}</strong>
                            {format!(" · {} ", t!("risks-review-residual"))}
                            <RatingBadge rating=review.residual />
                            <span class="muted small">
                                " · "
                                {move || use_people().name(&by)}
                                {format!(" · {}", t!("risks-review-next", date = date_bg(review.next_review_on)))}
                            </span>
                        </p>
                        <p class="pre-line">{review.note}</p>
                    </li>
                }
            })
            .collect_view();
        view! { <ol id="risk-reviews" class="row-list">{items}</ol> }.into_any()
    };
    view! {
        <section aria-labelledby="risk-reviews-heading">
            <h2 id="risk-reviews-heading">{t!("risks-reviews-heading")}</h2>
            {body}
        </section>
    }
}
