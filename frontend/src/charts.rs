//! Completion levels as the pages show them (colour class, code, label) and the SVG charts.

use antikor_shared::progress::CompletionLevel;
use antikor_shared::views::LevelCounts;
use leptos::prelude::*;

/// A measure's state in a tenant: a level, or no report yet (`None`), in the scale's order.
pub const STATES: [Option<CompletionLevel>; 5] = [
    None,
    Some(CompletionLevel::NotStarted),
    Some(CompletionLevel::Limited),
    Some(CompletionLevel::Substantial),
    Some(CompletionLevel::Completed),
];

/// The CSS class that colours a state.
pub fn level_class(level: Option<CompletionLevel>) -> &'static str {
    match level {
        None => "level-none",
        Some(CompletionLevel::NotStarted) => "level-not-started",
        Some(CompletionLevel::Limited) => "level-limited",
        Some(CompletionLevel::Substantial) => "level-substantial",
        Some(CompletionLevel::Completed) => "level-completed",
    }
}

/// The wire name of a level (`not_started`), or `none`: the value of `data-level`.
pub fn level_code(level: Option<CompletionLevel>) -> String {
    level.map_or_else(|| "none".to_owned(), antikor_shared::wire::code)
}

/// A state's name, in the page's language.
pub fn level_label(level: Option<CompletionLevel>) -> String {
    level.map_or_else(|| t!("shell-level-none"), |l| l.label(crate::i18n::lang()))
}

/// A state's short name, for narrow column headings (with the full name as `abbr` title).
pub fn level_short(level: Option<CompletionLevel>) -> String {
    match level {
        None => t!("shell-level-short-none"),
        Some(CompletionLevel::NotStarted) => t!("shell-level-short-not-started"),
        Some(CompletionLevel::Limited) => t!("shell-level-short-limited"),
        Some(CompletionLevel::Substantial) => t!("shell-level-short-substantial"),
        Some(CompletionLevel::Completed) => t!("shell-level-short-completed"),
    }
}

/// A column heading for a state's count: the short name, the full one for screen readers.
#[component]
pub fn LevelHeading(
    /// The state.
    level: Option<CompletionLevel>,
) -> impl IntoView {
    view! {
        <th scope="col" class="num">
            <abbr title=level_label(level)>{level_short(level)}</abbr>
        </th>
    }
}

/// How many measures are in a state.
pub fn count_of(counts: &LevelCounts, level: Option<CompletionLevel>) -> u32 {
    match level {
        None => counts.not_reported,
        Some(CompletionLevel::NotStarted) => counts.not_started,
        Some(CompletionLevel::Limited) => counts.limited,
        Some(CompletionLevel::Substantial) => counts.substantial,
        Some(CompletionLevel::Completed) => counts.completed,
    }
}

/// The colours' key. Colour is never the only cue: cells also carry the name as text.
#[component]
pub fn Legend() -> impl IntoView {
    let items = STATES
        .into_iter()
        .map(|level| {
            view! {
                <li>
                    <span class=format!("swatch {}", level_class(level)) aria-hidden="true"></span>
                    {level_label(level)}
                </li>
            }
        })
        .collect_view();
    view! {
        <ul class="legend" aria-label=t!("shell-legend-label")>
            {items}
        </ul>
    }
}

/// The segments of a stacked bar 100 units wide: (state, start, width), empty states left out.
pub fn segments(counts: &LevelCounts) -> Vec<(Option<CompletionLevel>, f64, f64)> {
    let total = f64::from(counts.total());
    if total == 0.0 {
        return Vec::new();
    }
    let mut x = 0.0;
    STATES
        .into_iter()
        .filter_map(|level| {
            let n = count_of(counts, level);
            (n > 0).then(|| {
                let width = f64::from(n) / total * 100.0;
                let start = x;
                x += width;
                (level, start, width)
            })
        })
        .collect()
}

/// A horizontal bar of measures by level, drawn as SVG; `label` names it for screen readers.
#[component]
pub fn LevelBar(
    /// What is counted.
    counts: LevelCounts,
    /// The chart's accessible name.
    #[prop(into)]
    label: String,
    /// An id for tests, if any.
    #[prop(optional)]
    id: Option<&'static str>,
) -> impl IntoView {
    let summary = STATES
        .into_iter()
        .map(|l| format!("{}: {}", level_label(l), count_of(&counts, l)))
        .collect::<Vec<_>>()
        .join(", ");
    let rects = segments(&counts)
        .into_iter()
        .map(|(level, start, width)| {
            let n = count_of(&counts, level);
            view! {
                <rect
                    class=level_class(level)
                    x=format!("{start:.2}")
                    y="0"
                    width=format!("{width:.2}")
                    height="10"
                >
                    <title>{format!("{}: {n}", level_label(level))}</title>
                </rect>
            }
        })
        .collect_view();
    view! {
        <svg
            id=id
            class="levels-bar"
            viewBox="0 0 100 10"
            preserveAspectRatio="none"
            role="img"
            aria-label=format!("{label}. {summary}")
        >
            {rects}
        </svg>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_report_has_its_own_code() {
        assert_eq!(level_code(Some(CompletionLevel::NotStarted)), "not_started");
        assert_eq!(level_code(None), "none");
        assert_eq!(
            antikor_shared::wire::from_code::<CompletionLevel>("none"),
            None
        );
    }

    #[test]
    fn segments_fill_the_bar_in_order() {
        let counts = LevelCounts {
            not_reported: 2,
            not_started: 0,
            limited: 1,
            substantial: 0,
            completed: 1,
        };
        let s = segments(&counts);
        assert_eq!(s.len(), 3);
        assert_eq!(s[0], (None, 0.0, 50.0));
        assert_eq!(s[1], (Some(CompletionLevel::Limited), 50.0, 25.0));
        assert_eq!(s[2], (Some(CompletionLevel::Completed), 75.0, 25.0));
        assert!(segments(&LevelCounts::default()).is_empty());
    }
}
