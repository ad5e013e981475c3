//! Lists read a page at a time: what a list has loaded ([`PageState`]), its handle on a page
//! ([`Paged`]) and the view that shows it with "Покажи още" ([`PagedList`]).

use crate::api::{self, ApiError, Page, PageAt};
use crate::components::{ErrorMessages, Loading};
use leptos::error::Errors;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

/// One request for a page: which loading of the list it belongs to (every start over is a new
/// one) and the cursor it asks after (`None`: the first page).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ticket {
    generation: u64,
    after: Option<String>,
}

impl Ticket {
    /// What to ask the server for.
    fn page_at(&self) -> PageAt {
        match &self.after {
            None => PageAt::first(),
            Some(after) => PageAt::next(Some(after.clone())),
        }
    }

    /// Whether it asks for the first page: a new list, not more of the one shown.
    fn is_first(&self) -> bool {
        self.after.is_none()
    }
}

/// What a list shows in place of its items, or that it shows them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Phase {
    /// Nothing to show yet: the first page is on its way.
    Loading,
    /// The first page could not be read, for this reason.
    Failed(ApiError),
    /// The items are shown: those loaded so far, or the previous filters' while the first page
    /// of the new ones loads (as a `Transition` keeps its content).
    Shown,
}

/// The pages of one list loaded so far, and the request in flight. Pure, so that the rules
/// (append in order, start over on new filters, drop answers nobody waits for) are tested on
/// the host; [`Paged`] runs the requests.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageState<T> {
    /// The current loading; an answer to an older one is stale.
    generation: u64,
    /// The loading whose items `items` are; `None` before any page came.
    shown: Option<u64>,
    /// The items of the pages loaded, in the list's order.
    items: Vec<T>,
    /// The cursor of the page after the last one loaded; `None` when it was the last.
    next: Option<String>,
    /// How many items the whole list holds, as the last page said.
    total: u64,
    /// The one request awaited; any other answer is dropped.
    pending: Option<Ticket>,
    /// The last request that failed, and why, if nothing has been asked since.
    failure: Option<(Ticket, ApiError)>,
}

impl<T> Default for PageState<T> {
    fn default() -> Self {
        Self {
            generation: 0,
            shown: None,
            items: Vec::new(),
            next: None,
            total: 0,
            pending: None,
            failure: None,
        }
    }
}

impl<T> PageState<T> {
    /// Starts the list over (new filters, or a change to reload after): the first page is
    /// asked for, and whatever was asked before is no longer awaited. The items shown stay
    /// until the first page replaces them.
    pub fn start(&mut self) -> Ticket {
        self.generation += 1;
        self.failure = None;
        let ticket = Ticket {
            generation: self.generation,
            after: None,
        };
        self.pending = Some(ticket.clone());
        ticket
    }

    /// Starts the list over with filters that cannot be asked for (a malformed address):
    /// nothing is requested, and the list shows `error`.
    pub fn refuse(&mut self, error: ApiError) {
        let ticket = self.start();
        self.pending = None;
        self.failure = Some((ticket, error));
    }

    /// The request for the next page, if there is one and nothing else is awaited (a second
    /// click while a page loads asks nothing more).
    pub fn more(&mut self) -> Option<Ticket> {
        if self.pending.is_some() || !self.has_more() {
            return None;
        }
        self.failure = None;
        let ticket = Ticket {
            generation: self.generation,
            after: self.next.clone(),
        };
        self.pending = Some(ticket.clone());
        Some(ticket)
    }

    /// The failed request again, if the last request failed.
    pub fn retry(&mut self) -> Option<Ticket> {
        let (ticket, _) = self.failure.take()?;
        self.pending = Some(ticket.clone());
        Some(ticket)
    }

    /// Takes the server's answer to `ticket`: a first page replaces the items, a next page
    /// is appended. An answer nobody waits for any more (filters changed, the list was started
    /// over) is dropped; the result says whether this one was taken.
    pub fn receive(&mut self, ticket: &Ticket, answer: Result<Page<T>, ApiError>) -> bool {
        if self.pending.as_ref() != Some(ticket) {
            return false;
        }
        self.pending = None;
        match answer {
            Ok(page) => {
                if ticket.is_first() {
                    self.items = page.items;
                } else {
                    self.items.extend(page.items);
                }
                self.shown = Some(ticket.generation);
                self.next = page.next;
                self.total = page.total;
            }
            Err(error) => self.failure = Some((ticket.clone(), error)),
        }
        true
    }

    /// What the list shows: its items, or why not.
    pub fn phase(&self) -> Phase {
        match &self.failure {
            Some((ticket, error)) if ticket.is_first() => Phase::Failed(error.clone()),
            _ if self.shown.is_none() => Phase::Loading,
            _ => Phase::Shown,
        }
    }

    /// The items loaded, in the list's order.
    pub fn items(&self) -> &[T] {
        &self.items
    }

    /// How many items the whole list holds.
    pub fn total(&self) -> u64 {
        self.total
    }

    /// Which loading the items belong to; rows are keyed by it, so a list started over
    /// builds its rows anew.
    pub fn shown_generation(&self) -> u64 {
        self.shown.unwrap_or(0)
    }

    /// Whether a next page can be asked for: the items are the current filters' and the last
    /// page said there is more.
    pub fn has_more(&self) -> bool {
        self.shown == Some(self.generation) && self.next.is_some()
    }

    /// Whether a request is awaited.
    pub fn busy(&self) -> bool {
        self.pending.is_some()
    }

    /// Whether a next page is on its way.
    pub fn loading_more(&self) -> bool {
        self.pending.as_ref().is_some_and(|t| !t.is_first())
    }

    /// Why the last next page could not be read, while nothing else has been asked.
    pub fn more_failure(&self) -> Option<&ApiError> {
        self.failure
            .as_ref()
            .filter(|(ticket, _)| !ticket.is_first())
            .map(|(_, error)| error)
    }
}

/// "Показани 50 от 120": how much of the list is on the page.
pub fn shown_text(shown: usize, total: u64) -> String {
    t!("shell-paging-shown", shown = shown, total = total)
}

/// A page request bound to the filters it was made for.
type Loader<T> = Rc<dyn Fn(PageAt) -> Pin<Box<dyn Future<Output = Result<Page<T>, ApiError>>>>>;

/// A list read a page at a time, on a page: it reads the first page for the current filters,
/// starts over when they change, and appends the next page on [`Paged::more`]. A copyable
/// handle, shared by the table, its rows and the page's forms (which call [`Paged::reload`]
/// after a change).
pub struct Paged<T: Send + Sync + 'static> {
    state: RwSignal<PageState<T>>,
    /// Asks for a page with the current filters; `None` while they cannot be asked for.
    loader: StoredValue<Option<Loader<T>>, LocalStorage>,
}

impl<T: Send + Sync + 'static> Clone for Paged<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Paged<T> {}

impl<T: Clone + Send + Sync + 'static> Paged<T> {
    /// A list of what `fetch` reads for the filters `filters` gives. `filters` is tracked: when
    /// its value changes, the list starts over; an `Err` is shown instead of the list.
    pub fn new<Q, F, Fut>(filters: impl Fn() -> Result<Q, ApiError> + 'static, fetch: F) -> Self
    where
        Q: Clone + PartialEq + 'static,
        F: Fn(Q, PageAt) -> Fut + 'static,
        Fut: Future<Output = Result<Page<T>, ApiError>> + 'static,
    {
        let list = Self {
            state: RwSignal::new(PageState::default()),
            loader: StoredValue::new_local(None),
        };
        let fetch = Rc::new(fetch);
        Effect::new(move |before: Option<Result<Q, ApiError>>| {
            let now = filters();
            // The same filters read again (another query value changed) are no new list.
            if before.as_ref() == Some(&now) {
                return now;
            }
            match now.clone() {
                Ok(filters) => {
                    let fetch = Rc::clone(&fetch);
                    let loader: Loader<T> = Rc::new(move |at| Box::pin(fetch(filters.clone(), at)));
                    list.loader.set_value(Some(loader));
                    list.reload();
                }
                Err(error) => {
                    list.loader.set_value(None);
                    list.state.update(|s| s.refuse(error));
                }
            }
            now
        });
        list
    }

    /// Reads the list again from its first page: after a change the page made.
    pub fn reload(self) {
        self.step(|s| Some(s.start()));
    }

    /// Reads the next page and appends it, unless a page is on its way or none is left.
    pub fn more(self) {
        self.step(PageState::more);
    }

    /// Asks again for the page that could not be read.
    pub fn retry(self) {
        self.step(PageState::retry);
    }

    /// Every item of the list with the current filters, read page by page: for a file of the
    /// whole list, which the page shows only in part.
    pub fn load_all(self) -> impl Future<Output = Result<Vec<T>, ApiError>> {
        let loader = self.loader();
        async move {
            let loader =
                loader.ok_or_else(|| ApiError::Invalid(t!("shell-paging-not-readable")))?;
            api::all_pages(|at| loader(at)).await
        }
    }

    /// How many items the whole list holds.
    pub fn total(self) -> Signal<u64> {
        let state = self.state;
        Memo::new(move |_| state.with(PageState::total)).into()
    }

    /// How many items are loaded.
    pub fn count(self) -> Signal<usize> {
        let state = self.state;
        Memo::new(move |_| state.with(|s| s.items().len())).into()
    }

    /// The rows of the loaded items, `row` making each. A row is made once: the next page adds
    /// rows and leaves those shown (and their open forms) alone; a list started over makes
    /// them all anew.
    pub fn rows<V: IntoView + 'static>(
        self,
        row: impl Fn(T) -> V + Clone + Send + 'static,
    ) -> impl IntoView {
        let state = self.state;
        // Which items there are changes only with the loading and the count; the busy flags
        // changing leave the rows as they are.
        let shape = Memo::new(move |_| state.with(|s| (s.shown_generation(), s.items().len())));
        let each = move || {
            let (generation, _) = shape.get();
            state.with_untracked(|s| {
                s.items()
                    .iter()
                    .cloned()
                    .enumerate()
                    .map(|(i, item)| ((generation, i), item))
                    .collect::<Vec<_>>()
            })
        };
        view! {
            <For each key=|(key, _)| *key children=move |(_, item)| row(item) />
        }
    }

    fn loader(self) -> Option<Loader<T>> {
        self.loader.try_get_value().flatten()
    }

    /// Takes `step` and sends the request it makes, if any: nothing while the filters cannot
    /// be asked for. The answer is taken only if still awaited then.
    fn step(self, step: impl FnOnce(&mut PageState<T>) -> Option<Ticket>) {
        let Some(loader) = self.loader() else {
            return;
        };
        let Some(Some(ticket)) = self.state.try_update(step) else {
            return;
        };
        // Making the request reads nothing reactive, and must not subscribe the effect that
        // may be running this to whatever it might read.
        let request = untrack(|| loader(ticket.page_at()));
        let state = self.state;
        spawn_local(async move {
            let answer = request.await;
            // The page may have been left meanwhile: then there is no state to update.
            state.try_update(|s| s.receive(&ticket, answer));
        });
    }
}

/// What [`ErrorMessages`] shows for one error.
fn caught(error: ApiError) -> ArcRwSignal<Errors> {
    let mut errors = Errors::default();
    errors.insert_with_default_key(error);
    ArcRwSignal::new(errors)
}

/// A paged list: "Зареждане…" until the first page comes, its error with a button to try
/// again, or `children` (the table, whose rows come from [`Paged::rows`]) with "Показани N от
/// TOTAL" and the "Покажи още" button under it. `children` are built once and stay while
/// pages are added or the list reloads.
///
/// Ids: `{id}-paging` (the bar under the list, with `data-shown` and `data-total`),
/// `{id}-shown` (its count) and `{id}-more` (the button, also of class `more`).
#[component]
pub fn PagedList<T>(
    /// The list.
    list: Paged<T>,
    /// What the ids of the controls start with, e.g. `activities`.
    id: &'static str,
    /// The list's table; built again only after an error.
    children: ChildrenFn,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
{
    let state = list.state;
    let phase = Memo::new(move |_| state.with(PageState::phase));
    let retry = Callback::new(move |()| list.retry());
    move || match phase.get() {
        Phase::Loading => view! { <Loading /> }.into_any(),
        Phase::Failed(error) => view! { <ErrorMessages errors=caught(error) retry /> }.into_any(),
        Phase::Shown => view! {
            {children()}
            <PagingBar list id retry />
        }
        .into_any(),
    }
}

/// Under a paged list: how much is shown, the button for more, and the error of the last
/// "more", if it failed.
#[component]
fn PagingBar<T>(list: Paged<T>, id: &'static str, retry: Callback<()>) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
{
    let state = list.state;
    let counts = Memo::new(move |_| state.with(|s| (s.items().len(), s.total())));
    let has_more = Memo::new(move |_| state.with(PageState::has_more));
    let busy = Memo::new(move |_| state.with(PageState::busy));
    let loading_more = Memo::new(move |_| state.with(PageState::loading_more));
    let failed = Memo::new(move |_| state.with(|s| s.more_failure().cloned()));
    view! {
        <div
            class="paging"
            id=format!("{id}-paging")
            data-shown=move || counts.get().0.to_string()
            data-total=move || counts.get().1.to_string()
        >
            // An empty list says so itself; "Показани 0 от 0" would only repeat it.
            <Show when=move || counts.get() != (0, 0)>
                <span id=format!("{id}-shown") class="muted" role="status">
                    {move || {
                        let (shown, total) = counts.get();
                        shown_text(shown, total)
                    }}
                </span>
            </Show>
            <Show when=move || has_more.get()>
                <button
                    type="button"
                    id=format!("{id}-more")
                    class="button more"
                    disabled=move || busy.get()
                    aria-busy=move || loading_more.get().to_string()
                    on:click=move |_| list.more()
                >
                    {t!("shell-paging-more")}
                </button>
            </Show>
            <Show when=move || loading_more.get()>
                <Loading />
            </Show>
            {move || failed.get().map(|error| view! { <ErrorMessages errors=caught(error) retry /> })}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(items: &[u32], next: Option<&str>, total: u64) -> Result<Page<u32>, ApiError> {
        Ok(Page {
            items: items.to_vec(),
            next: next.map(str::to_owned),
            total,
        })
    }

    /// A list whose first page (`1, 2`, of 5) has come.
    fn first_page_in() -> PageState<u32> {
        let mut list = PageState::default();
        let first = list.start();
        assert!(list.receive(&first, page(&[1, 2], Some("2"), 5)));
        list
    }

    #[test]
    fn nothing_is_shown_before_the_first_page() {
        let mut list = PageState::<u32>::default();
        list.start();
        assert_eq!(list.phase(), Phase::Loading);
        assert!(!list.has_more());
        assert!(list.more().is_none(), "no next page before the first");
    }

    #[test]
    fn next_pages_are_appended_in_order_until_the_last() {
        let mut list = first_page_in();
        assert_eq!(list.phase(), Phase::Shown);
        assert_eq!(list.items(), [1, 2]);
        assert_eq!(
            shown_text(list.items().len(), list.total()),
            "Показани 2 от 5"
        );
        assert!(list.has_more());

        let second = list.more().unwrap();
        assert_eq!(second.page_at(), PageAt::next(Some("2".to_owned())));
        assert!(list.loading_more());
        assert!(list.receive(&second, page(&[3, 4], Some("4"), 5)));
        let third = list.more().unwrap();
        assert!(list.receive(&third, page(&[5], None, 5)));
        assert_eq!(list.items(), [1, 2, 3, 4, 5]);
        assert!(!list.has_more());
        assert!(list.more().is_none());
    }

    #[test]
    fn a_second_click_while_a_page_loads_asks_nothing() {
        let mut list = first_page_in();
        let second = list.more().unwrap();
        assert_eq!(list.more(), None);
        assert!(list.receive(&second, page(&[3, 4], Some("4"), 5)));
        // The same answer again (a repeated request) is not appended twice.
        assert!(!list.receive(&second, page(&[3, 4], Some("4"), 5)));
        assert_eq!(list.items(), [1, 2, 3, 4]);
    }

    #[test]
    fn the_first_page_of_old_filters_is_dropped_whenever_it_arrives() {
        // Before the new filters' page: nothing is shown yet.
        let mut list = PageState::default();
        let old = list.start();
        let new = list.start();
        assert!(!list.receive(&old, page(&[1, 2], Some("2"), 5)));
        assert_eq!(list.phase(), Phase::Loading);
        assert!(list.busy());
        assert!(list.receive(&new, page(&[7], None, 1)));
        assert_eq!(list.items(), [7]);

        // After it: the new filters' page stays.
        let mut list = PageState::default();
        let old = list.start();
        let new = list.start();
        assert!(list.receive(&new, page(&[7], None, 1)));
        assert!(!list.receive(&old, page(&[1, 2], Some("2"), 5)));
        assert_eq!(list.items(), [7]);
        assert_eq!(list.total(), 1);
        assert!(!list.has_more());
    }

    #[test]
    fn a_next_page_arriving_after_the_list_started_over_is_dropped() {
        let mut list = first_page_in();
        let more = list.more().unwrap();
        let reload = list.start();
        assert!(!list.receive(&more, page(&[3, 4], Some("4"), 5)));
        assert_eq!(list.items(), [1, 2]);
        assert!(list.receive(&reload, page(&[9, 1], Some("1"), 6)));
        assert_eq!(list.items(), [9, 1], "a first page replaces, never appends");
    }

    #[test]
    fn a_reload_keeps_the_items_shown_until_its_first_page_comes() {
        let mut list = first_page_in();
        let generation = list.shown_generation();
        list.start();
        assert_eq!(list.phase(), Phase::Shown);
        assert_eq!(list.items(), [1, 2]);
        assert!(list.busy());
        assert!(!list.has_more(), "no more of a list being replaced");
        assert!(list.more().is_none());
        assert_eq!(list.shown_generation(), generation);
    }

    #[test]
    fn the_rows_of_a_list_started_over_are_new() {
        let mut list = first_page_in();
        let before = list.shown_generation();
        let more = list.more().unwrap();
        list.receive(&more, page(&[3], None, 3));
        assert_eq!(list.shown_generation(), before, "more keeps the rows");
        let reload = list.start();
        list.receive(&reload, page(&[1], None, 1));
        assert_ne!(list.shown_generation(), before);
    }

    #[test]
    fn a_failed_first_page_is_shown_and_asked_again() {
        let mut list = PageState::default();
        let first = list.start();
        assert!(list.receive(&first, Err(ApiError::Network)));
        assert_eq!(list.phase(), Phase::Failed(ApiError::Network));
        assert_eq!(list.more_failure(), None);
        let again = list.retry().unwrap();
        assert_eq!(again, first);
        assert_eq!(list.phase(), Phase::Loading);
        assert!(list.receive(&again, page(&[1], None, 1)));
        assert_eq!(list.phase(), Phase::Shown);
        assert_eq!(list.retry(), None, "nothing failed");
    }

    #[test]
    fn a_failed_next_page_keeps_the_list_and_asks_the_same_page_again() {
        let mut list = first_page_in();
        let more = list.more().unwrap();
        assert!(list.receive(&more, Err(ApiError::Network)));
        assert_eq!(list.phase(), Phase::Shown);
        assert_eq!(list.more_failure(), Some(&ApiError::Network));
        assert_eq!(list.items(), [1, 2]);
        let again = list.retry().unwrap();
        assert_eq!(again.page_at(), PageAt::next(Some("2".to_owned())));
        assert_eq!(list.more_failure(), None);
        assert!(list.receive(&again, page(&[3], None, 3)));
        assert_eq!(list.items(), [1, 2, 3]);
    }

    #[test]
    fn filters_that_cannot_be_asked_for_show_their_error() {
        let mut list = first_page_in();
        let more = list.more().unwrap();
        let invalid = ApiError::Invalid("Адресът съдържа невалидна година.".to_owned());
        list.refuse(invalid.clone());
        assert_eq!(list.phase(), Phase::Failed(invalid));
        assert!(!list.busy());
        assert!(!list.receive(&more, page(&[3], None, 3)));
        // New filters start over from there.
        let first = list.start();
        assert_eq!(first.page_at(), PageAt::first());
        assert!(list.receive(&first, page(&[4], None, 1)));
        assert_eq!(list.items(), [4]);
    }
}
