//! `/signal`: the public form for a corruption signal, without login, and its one-time receipt.

use super::{Draft, DraftFields, error_text};
use crate::api;
use crate::components::{CopyButton, focus_by_id, set_title};
use crate::directory::{tenant_options, use_directory};
use crate::form::{FormError, SubmitButton, use_submit_explained};
use crate::format::{date_bg, href_with_query};
use antikor_shared::TenantId;
use antikor_shared::signal::{FileSignal, NewAttachment, SignalReceipt};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

/// `/signal`; `?tenant=bansko` preselects the institution, so a municipality's site can link
/// to its own form.
#[component]
pub fn SignalFormPage() -> impl IntoView {
    set_title("Подаване на сигнал");
    let query = use_query_map();
    let tenants = use_directory();
    let tenant = RwSignal::new(
        query
            .with_untracked(|q| q.get("tenant"))
            .unwrap_or_default(),
    );
    let draft = Draft::default();
    let files = RwSignal::new(Vec::<NewAttachment>::new());
    let reading = RwSignal::new(0usize);
    let form = use_submit_explained(error_text);
    let receipt = RwSignal::new(None::<SignalReceipt>);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        if !form.begin(&ev) {
            return;
        }
        if reading.get_untracked() > 0 {
            return form.fail("Изчакайте файловете да се прочетат.".to_owned());
        }
        let Ok(tenant) = TenantId::parse(tenant.get_untracked()) else {
            return form.fail("Изберете институцията, до която подавате сигнала.".to_owned());
        };
        let checked = match draft.values().check() {
            Ok(c) => c,
            Err(text) => {
                return form.fail(text);
            }
        };
        let body = FileSignal {
            tenant,
            reporter: checked.reporter,
            account: checked.account,
            concerned: checked.concerned,
            unit: checked.unit,
            activity: checked.activity,
            category: checked.category,
            attachments: files.get_untracked(),
        };
        form.send(async move { api::signals::file(&body).await }, move |r| {
            receipt.try_set(Some(r));
            // The receipt replaces the form; move the reader to it.
            // After the next frame, once the new section is on the page.
            request_animation_frame(|| focus_by_id("signal-receipt"));
        });
    };

    let options = move || {
        let chosen = tenant.get();
        tenant_options(tenants, move |id| id.as_str() == chosen)
    };
    let tenants_failed = move || {
        tenants.get().and_then(Result::err).map(|e| {
            view! {
                <div class="notice notice--error" role="alert">
                    <p>{e.to_string()}</p>
                    <button type="button" class="button" on:click=move |_| tenants.refetch()>
                        "Зареди отново"
                    </button>
                </div>
            }
        })
    };

    let form = move || {
        view! {
            <Confidentiality />
            <form id="signal-form" class="form-card signal-form" on:submit=submit novalidate autocomplete="off">
                <div class="field">
                    <label for="signal-tenant">"До коя институция е сигналът"</label>
                    <select id="signal-tenant" on:change=move |ev| tenant.set(event_target_value(&ev))>
                        <option value="" prop:selected=move || tenant.with(String::is_empty)>
                            "Изберете…"
                        </option>
                        {options}
                    </select>
                </div>
                {tenants_failed}
                <DraftFields draft files reading prefix="signal" tenant=tenant />
                <FormError id="signal-error" error=form.error() />
                <SubmitButton id="signal-submit" form text="Изпрати сигнала" waiting=Signal::derive(move || reading.get() > 0) />
            </form>
            <p>
                "Вече сте подали сигнал? "
                <A href="/signal/track">"Проследете го с номера и кода си"</A>
                "."
            </p>
        }
    };

    view! {
        <h1>"Подаване на сигнал за корупция"</h1>
        {move || match receipt.get() {
            Some(r) => view! { <Receipt receipt=r /> }.into_any(),
            None => form().into_any(),
        }}
    }
}

/// What happens to what the citizen writes, said before they write it.
#[component]
fn Confidentiality() -> impl IntoView {
    view! {
        <div id="signal-confidentiality" class="notice notice--info">
            <p>
                <strong>"Можете да подадете сигнала анонимно. "</strong>
                "Тогава не въвеждайте име и данни за връзка. След изпращането получавате номер и код, "
                "с които проследявате сигнала и четете отговорите на институцията, без да разкривате кои сте."
            </p>
            <p>
                "Ако посочите име, то, данните ви за връзка, засегнатото лице, описанието и приложенията "
                "се съхраняват криптирани. Виждат ги само определените служители на институцията, до която "
                "е сигналът; всяко отваряне на самоличността ви се записва. Областната администрация и "
                "обществото виждат само обобщена статистика."
            </p>
            <p>
                "Сигналите по Закона за защита на лицата, подаващи сигнали или публично оповестяващи "
                "информация за нарушения, се потвърждават до 7 дни, а обратна информация се дава до 3 месеца "
                "от потвърждението. Анонимните сигнали се регистрират, но законът може да не изисква "
                "проверка по тях. Повече за начините и гаранциите: "
                <A href="/report-corruption">"„Как да подадете сигнал“"</A>
                "."
            </p>
        </div>
    }
}

/// The number and the receipt code, shown this once: the server keeps only a hash of the code.
#[component]
fn Receipt(receipt: SignalReceipt) -> impl IntoView {
    let track = href_with_query(
        "/signal/track",
        [("reference", Some(receipt.reference.clone()))],
    );
    let code = receipt.receipt_code.clone().unwrap_or_default();
    let copy_text = format!(
        "Сигнал № {}\nКод за проследяване: {code}",
        receipt.reference
    );
    view! {
        <section id="signal-receipt" class="receipt" tabindex="-1" aria-labelledby="receipt-heading">
            <h2 id="receipt-heading">"Сигналът е изпратен"</h2>
            <dl class="receipt__values">
                <dt>"Номер на сигнала"</dt>
                <dd id="receipt-reference" class="receipt__value">{receipt.reference.clone()}</dd>
                <dt>"Код за проследяване"</dt>
                <dd id="receipt-code" class="receipt__value">{code}</dd>
            </dl>
            <div class="notice notice--warn" role="alert">
                <p>
                    <strong>"Запишете номера и кода сега. "</strong>
                    "Кодът се показва само веднъж. Институцията не го знае и не може да го възстанови: "
                    "без него няма да можете да проследите сигнала и да прочетете отговорите."
                </p>
            </div>
            <CopyButton
                id="receipt-copy"
                text=copy_text
                label="Копирай номера и кода"
                failed="Копирането не успя; препишете номера и кода."
            />
            <p>
                {format!(
                    "Получаването на сигнала трябва да бъде потвърдено до {} г.",
                    date_bg(receipt.acknowledgment_due)
                )}
            </p>
            <p>
                <a id="receipt-track" href=track>"Проследяване на сигнала"</a>
            </p>
        </section>
    }
}
