//! The interface's words in Bulgarian and English: one Fluent message catalogue, with plurals.
//!
//! Every text a person reads — pages, labels of the domain's values, the server's error
//! messages — is a message in `shared/locales/{bg,en}/*.ftl`, looked up by its id with
//! [`tr!`](crate::tr). [Project Fluent](https://projectfluent.org) chooses a message's variant
//! by the plural category of a count (CLDR's rules for Bulgarian and English, through
//! `fluent-bundle`), so "1 акт" / "5 акта" and "1 act" / "5 acts" are written once each, by
//! the translator, in the catalogue:
//!
//! ```ftl
//! acts-count = { $count ->
//!     [one] { $count } акт
//!    *[other] { $count } акта
//! }
//! ```
//!
//! The catalogue is compiled into the server (the `catalogue` feature) and parsed on first
//! use; the browser fetches its page's language alone at start and [`install`]s it.
//! Tests hold both languages to the same ids and variables, and every id the code names to the
//! catalogue (`catalogue_is_complete` in this module's tests).

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::sync::OnceLock;

/// A language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Bulgarian: the official language, and the default.
    #[default]
    Bg,
    /// English: the second language (foreign residents, EU reporting).
    En,
}

impl Lang {
    /// Every language, the default first.
    pub const ALL: [Lang; 2] = [Lang::Bg, Lang::En];

    /// The BCP 47 tag: `bg`, `en`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Bg => "bg",
            Lang::En => "en",
        }
    }

    /// The language a tag names (`en`, `en-GB`, `BG`), or `None` for one Antikor does not speak.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?;
        Lang::ALL
            .into_iter()
            .find(|lang| primary.eq_ignore_ascii_case(lang.tag()))
    }

    /// The language an HTTP `Accept-Language` header prefers among those Antikor speaks
    /// (highest `q`, the first of equals), Bulgarian when it names none of them.
    pub fn from_accept_language(header: &str) -> Lang {
        let mut best: Option<(Lang, f32)> = None;
        for range in header.split(',') {
            let mut parts = range.split(';');
            let Some(lang) = parts.next().and_then(Lang::from_tag) else {
                continue;
            };
            let q = parts
                .find_map(|p| p.trim().strip_prefix("q="))
                .map_or(Some(1.0), |q| q.trim().parse::<f32>().ok())
                .unwrap_or(0.0);
            if q > 0.0 && best.is_none_or(|(_, b)| q > b) {
                best = Some((lang, q));
            }
        }
        best.map_or_else(Lang::default, |(lang, _)| lang)
    }

    /// The language's own name, as the switch offers it: "Български", "English".
    pub fn own_name(self) -> &'static str {
        match self {
            Lang::Bg => "Български",
            Lang::En => "English",
        }
    }
}

/// The cookie in which the browser app tells the server the language of its pages: requests
/// the app cannot give headers to (the live feed's `EventSource`, downloads by link) carry the
/// browser's own `Accept-Language`, which need not be the page's.
pub const LANG_COOKIE: &str = "antikor_lang";

impl Lang {
    /// The language a request asks for: the app's cookie ([`LANG_COOKIE`]) if it names one,
    /// else `Accept-Language` (Bulgarian when neither does).
    pub fn of_request(cookie: Option<&str>, accept_language: Option<&str>) -> Lang {
        cookie
            .into_iter()
            .flat_map(|header| header.split(';'))
            .find_map(|pair| {
                let (name, value) = pair.trim().split_once('=')?;
                (name == LANG_COOKIE)
                    .then(|| Lang::from_tag(value))
                    .flatten()
            })
            .unwrap_or_else(|| {
                accept_language.map_or_else(Lang::default, Lang::from_accept_language)
            })
    }
}

/// A value a message puts in its text, or chooses its plural form by.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg<'a> {
    /// A text, put in as it is.
    Text(Cow<'a, str>),
    /// A number: written with the language's digit grouping, and chooses plural variants.
    Number(f64),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(text: &'a str) -> Self {
        Arg::Text(Cow::Borrowed(text))
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(text: &'a String) -> Self {
        Arg::Text(Cow::Borrowed(text))
    }
}

impl From<String> for Arg<'_> {
    fn from(text: String) -> Self {
        Arg::Text(Cow::Owned(text))
    }
}

macro_rules! number_args {
    ($($t:ty),*) => {
        $(impl From<$t> for Arg<'_> {
            #[allow(clippy::cast_precision_loss, reason = "counts in the interface are far below 2^53")]
            fn from(n: $t) -> Self {
                Arg::Number(n as f64)
            }
        })*
    };
}
number_args!(u8, u16, u32, u64, usize, i32, i64, f64);

impl Arg<'_> {
    /// The same value, owning its text: for a [`Text`] kept until its reader is known.
    pub fn into_owned(self) -> Arg<'static> {
        match self {
            Arg::Text(text) => Arg::Text(Cow::Owned(text.into_owned())),
            Arg::Number(n) => Arg::Number(n),
        }
    }
}

/// A text for a person, written only once it is known who reads it: what the server's errors
/// carry until the request's language is known (see [`msg!`](crate::msg)).
#[derive(Debug, Clone, PartialEq)]
pub enum Text {
    /// A message of the catalogue, and its variables.
    Message {
        /// The message's id.
        id: &'static str,
        /// Its variables' values.
        args: Vec<(&'static str, Arg<'static>)>,
    },
    /// A text in Bulgarian only, not yet in the catalogue: shown as it is in every language.
    Bulgarian(String),
}

impl Text {
    /// The text in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        match self {
            Text::Message { id, args } => text_with(lang, id, args),
            Text::Bulgarian(text) => text.clone(),
        }
    }
}

/// In Bulgarian, the default language (logs, and messages kept in Bulgarian).
impl std::fmt::Display for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.render(Lang::Bg))
    }
}

impl From<String> for Text {
    fn from(text: String) -> Self {
        Text::Bulgarian(text)
    }
}

impl From<&str> for Text {
    fn from(text: &str) -> Self {
        Text::Bulgarian(text.to_owned())
    }
}

/// A [`Text`] of the catalogue, written later in its reader's language: `msg!("id")` or
/// `msg!("id", name = value)`.
#[macro_export]
macro_rules! msg {
    ($id:literal) => {
        $crate::i18n::Text::Message { id: $id, args: Vec::new() }
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::Text::Message {
            id: $id,
            args: vec![$((stringify!($name), $crate::i18n::Arg::from($value).into_owned())),+],
        }
    };
}

/// Looks a message up: `tr!(lang, "id")`, or with arguments `tr!(lang, "id", count = n)`.
///
/// The id must be a literal, so that the catalogue's tests can find every id in use.
#[macro_export]
macro_rules! tr {
    ($lang:expr, $id:literal) => {
        $crate::i18n::text($lang, $id)
    };
    ($lang:expr, $id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::text_with(
            $lang,
            $id,
            &[$((stringify!($name), $crate::i18n::Arg::from($value))),+],
        )
    };
}

/// The message `id` in `lang`, without arguments.
pub fn text(lang: Lang, id: &str) -> String {
    text_with(lang, id, &[])
}

/// The message `id` in `lang`, its variables filled from `args`.
///
/// A message missing from `lang` is taken from Bulgarian, and one missing from both shows as
/// its id: a visible slip rather than a blank or a panic (the tests keep both from happening).
pub fn text_with(lang: Lang, id: &str, args: &[(&str, Arg<'_>)]) -> String {
    let found = [lang, Lang::Bg].into_iter().find_map(|lang| {
        let bundle = bundle_of(lang)?;
        Some((bundle, bundle.get_message(id)?.value()?))
    });
    let Some((bundle, pattern)) = found else {
        return id.to_owned();
    };
    let args = (!args.is_empty()).then(|| {
        let mut fluent = FluentArgs::with_capacity(args.len());
        for (name, value) in args {
            match value {
                Arg::Text(text) => fluent.set(*name, FluentValue::from(text.as_ref())),
                Arg::Number(n) => fluent.set(*name, FluentValue::from(*n)),
            }
        }
        fluent
    });
    let mut errors = Vec::new();
    bundle
        .format_pattern(pattern, args.as_ref(), &mut errors)
        .into_owned()
}

/// Writes a whole number with the language's digit groups: `12 345` (a thin space) in
/// Bulgarian, `12,345` in English.
pub fn number(lang: Lang, n: u64) -> String {
    let digits = n.to_string();
    let separator = match lang {
        Lang::Bg => '\u{2009}',
        Lang::En => ',',
    };
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

/// The catalogue's files: `(area, Bulgarian, English)`, each area a part of the interface.
#[cfg(feature = "catalogue")]
macro_rules! areas {
    ($($area:literal),* $(,)?) => {
        &[$((
            $area,
            include_str!(concat!("../locales/bg/", $area, ".ftl")),
            include_str!(concat!("../locales/en/", $area, ".ftl")),
        )),*]
    };
}

/// Every file of the catalogue, by area. Compiled in with the `catalogue` feature (the
/// server, the tools, the tests); the browser is sent its page's language alone and
/// [`install`]s it.
#[cfg(feature = "catalogue")]
pub const FILES: &[(&str, &str, &str)] = areas!(
    "shell", "labels", "server", "rules", "requests", "history", "forms", "report", "public",
    "citizen", "signals", "work", "risks", "survey", "admin", "audit",
);

type Bundle = FluentBundle<FluentResource>;

/// One bundle per language, in [`Lang::ALL`]'s order, each made on first use.
static BUNDLES: [OnceLock<Bundle>; 2] = [OnceLock::new(), OnceLock::new()];

/// Gives `lang` its messages from `source`, the text of a whole language's catalogue: how the
/// browser, which fetches only its page's language (a third of what both would weigh in the
/// wasm), fills in what the server has compiled in. The first source a language gets stays;
/// returns whether this one was taken.
pub fn install(lang: Lang, source: String) -> bool {
    BUNDLES[lang as usize].set(bundle(lang, [source])).is_ok()
}

/// The bundle of `lang`: compiled in, or as [`install`]ed (none yet: every message shows as
/// its id).
fn bundle_of(lang: Lang) -> Option<&'static Bundle> {
    let cell = &BUNDLES[lang as usize];
    #[cfg(feature = "catalogue")]
    return Some(cell.get_or_init(|| {
        bundle(
            lang,
            FILES.iter().map(|(_, bg, en)| {
                match lang {
                    Lang::Bg => *bg,
                    Lang::En => *en,
                }
                .to_owned()
            }),
        )
    }));
    #[cfg(not(feature = "catalogue"))]
    cell.get()
}

/// A language's bundle of `sources`. Errors in the files are the tests' to report: here a
/// message that does not parse is left out, and the others still work.
fn bundle(lang: Lang, sources: impl IntoIterator<Item = String>) -> Bundle {
    let id = lang.tag().parse().expect("a valid language tag");
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Bidi isolation marks around every variable would only clutter two left-to-right
    // languages' texts (and the tests' comparisons).
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(match lang {
        Lang::Bg => |value, _| format_number(Lang::Bg, value),
        Lang::En => |value, _| format_number(Lang::En, value),
    }));
    for source in sources {
        let resource = FluentResource::try_new(source).unwrap_or_else(|(r, _)| r);
        let _ = bundle.add_resource(resource);
    }
    bundle
}

/// Whole numbers in the language's digit groups; fractions with its decimal mark.
fn format_number(lang: Lang, value: &FluentValue) -> Option<String> {
    let FluentValue::Number(n) = value else {
        return None;
    };
    if n.value.fract() == 0.0 && n.value.abs() < 9e15 {
        #[expect(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "a whole number below 2^53, checked above"
        )]
        let whole = number(lang, n.value.abs() as u64);
        return Some(if n.value < 0.0 {
            format!("-{whole}")
        } else {
            whole
        });
    }
    let text = n.value.to_string();
    Some(match lang {
        Lang::Bg => text.replace('.', ","),
        Lang::En => text,
    })
}

/// Fails unless `label` names each of `values` in both languages, none of them with another's
/// name: labels that tell values apart, for the shared types' tests.
#[cfg(test)]
pub(crate) fn assert_distinct_labels<T: Copy + std::fmt::Debug>(
    values: impl IntoIterator<Item = T>,
    label: impl Fn(T, Lang) -> String,
) {
    let values: Vec<T> = values.into_iter().collect();
    for lang in Lang::ALL {
        let mut seen = std::collections::BTreeMap::new();
        for value in &values {
            let text = label(*value, lang);
            assert!(!text.trim().is_empty(), "{value:?} has no {lang:?} label");
            if let Some(other) = seen.insert(text.clone(), *value) {
                panic!("{other:?} and {value:?} are both {text:?} in {lang:?}");
            }
        }
    }
}

#[cfg(all(test, feature = "catalogue"))]
mod tests {
    use super::*;
    use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
    use std::collections::{BTreeMap, BTreeSet};
    use std::path::{Path, PathBuf};

    #[test]
    fn accept_language_picks_the_best_spoken_language() {
        assert_eq!(Lang::from_accept_language(""), Lang::Bg);
        assert_eq!(Lang::from_accept_language("en-GB,en;q=0.9"), Lang::En);
        assert_eq!(Lang::from_accept_language("de-DE, en;q=0.5"), Lang::En);
        assert_eq!(Lang::from_accept_language("en;q=0.4, bg;q=0.8"), Lang::Bg);
        assert_eq!(Lang::from_accept_language("fr, de"), Lang::Bg);
        assert_eq!(Lang::from_accept_language("en;q=0"), Lang::Bg);
        assert_eq!(Lang::from_accept_language("*"), Lang::Bg);
        assert_eq!(Lang::from_tag("EN_us"), Some(Lang::En));
    }

    #[test]
    fn the_apps_cookie_outranks_accept_language() {
        let of = Lang::of_request;
        assert_eq!(of(Some("a=1; antikor_lang=en"), Some("bg")), Lang::En);
        assert_eq!(of(Some("antikor_lang=bg"), Some("en-US,en")), Lang::Bg);
        assert_eq!(of(Some("antikor_lang=xx; a=1"), Some("en")), Lang::En);
        assert_eq!(of(Some("other_lang=en"), None), Lang::Bg);
        assert_eq!(of(None, Some("en")), Lang::En);
        assert_eq!(of(None, None), Lang::Bg);
    }

    #[test]
    fn numbers_are_grouped_per_language() {
        assert_eq!(number(Lang::Bg, 1_234_567), "1\u{2009}234\u{2009}567");
        assert_eq!(number(Lang::En, 1_234_567), "1,234,567");
        assert_eq!(number(Lang::En, 999), "999");
    }

    #[test]
    fn a_count_takes_its_plural_form() {
        let acts = |lang, n: u64| tr!(lang, "public-acts-count", count = n);
        assert_eq!(acts(Lang::Bg, 1), "1 акт");
        assert_eq!(acts(Lang::Bg, 5), "5 акта");
        assert_eq!(acts(Lang::Bg, 0), "0 акта");
        assert_eq!(acts(Lang::En, 1), "1 act");
        assert_eq!(acts(Lang::En, 12_000), "12,000 acts");
    }

    #[test]
    fn a_missing_message_shows_its_id() {
        assert_eq!(text(Lang::En, "no-such-message"), "no-such-message");
    }

    /// The browser gets each language as one file without its comments (post-build.mjs drops
    /// every line that starts with `#`): that must change no message, nor any of its forms.
    #[test]
    fn a_language_installs_from_its_file_alone() {
        for lang in Lang::ALL {
            let file: Vec<String> = FILES
                .iter()
                .map(|(_, bg, en)| {
                    let source = if lang == Lang::Bg { bg } else { en };
                    source
                        .lines()
                        .filter(|line| !line.starts_with('#'))
                        .collect::<Vec<_>>()
                        .join("\n")
                })
                .collect();
            let alone = bundle(lang, [file.join("\n")]);
            let compiled = bundle_of(lang).expect("compiled in");
            let ids = parse(lang).messages;
            assert!(ids.len() > 1000, "{lang:?} has {} messages", ids.len());
            for (id, (variables, _)) in ids {
                for count in [0.0, 1.0, 2.0, 5.0, 21.0] {
                    let mut args = FluentArgs::new();
                    for name in &variables {
                        args.set(name.clone(), FluentValue::from(count));
                    }
                    let write = |bundle: &Bundle| {
                        let pattern = bundle.get_message(&id).and_then(|m| m.value());
                        pattern.map(|p| {
                            bundle
                                .format_pattern(p, Some(&args), &mut Vec::new())
                                .into_owned()
                        })
                    };
                    assert_eq!(write(&alone), write(compiled), "{lang:?} {id} ({count})");
                }
            }
        }
    }

    /// What one language's files hold: each message's variables, by id, with where it is.
    struct Parsed {
        messages: BTreeMap<String, (BTreeSet<String>, &'static str)>,
        problems: Vec<String>,
    }

    fn parse(lang: Lang) -> Parsed {
        let mut parsed = Parsed {
            messages: BTreeMap::new(),
            problems: Vec::new(),
        };
        for (area, bg, en) in FILES {
            let source = if lang == Lang::Bg { bg } else { en };
            let file = format!("{}/{area}.ftl", lang.tag());
            let resource = fluent_syntax::parser::parse(*source).unwrap_or_else(|(r, errors)| {
                for e in errors {
                    parsed
                        .problems
                        .push(format!("{file}: does not parse: {e:?}"));
                }
                r
            });
            for entry in resource.body {
                match entry {
                    Entry::Message(m) => {
                        let id = m.id.name.to_owned();
                        if !id.starts_with(&format!("{area}-")) {
                            parsed
                                .problems
                                .push(format!("{file}: {id} must start with \"{area}-\""));
                        }
                        if m.value.is_none() {
                            parsed.problems.push(format!("{file}: {id} has no text"));
                        }
                        let mut vars = BTreeSet::new();
                        if let Some(value) = &m.value {
                            variables(value, &mut vars);
                        }
                        if parsed.messages.insert(id.clone(), (vars, area)).is_some() {
                            parsed
                                .problems
                                .push(format!("{file}: {id} is defined twice"));
                        }
                    }
                    Entry::Junk { content } => {
                        parsed
                            .problems
                            .push(format!("{file}: cannot read {content:?}"));
                    }
                    _ => {}
                }
            }
        }
        parsed
    }

    fn variables(pattern: &Pattern<&str>, out: &mut BTreeSet<String>) {
        for element in &pattern.elements {
            if let PatternElement::Placeable { expression } = element {
                expression_variables(expression, out);
            }
        }
    }

    fn expression_variables(expression: &Expression<&str>, out: &mut BTreeSet<String>) {
        match expression {
            Expression::Select { selector, variants } => {
                inline_variables(selector, out);
                for v in variants {
                    variables(&v.value, out);
                }
            }
            Expression::Inline(inline) => inline_variables(inline, out),
        }
    }

    fn inline_variables(inline: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
        match inline {
            InlineExpression::VariableReference { id } => {
                out.insert(id.name.to_owned());
            }
            InlineExpression::Placeable { expression } => expression_variables(expression, out),
            _ => {}
        }
    }

    /// Every `tr!(…, "id"`, `t!("id"` and `msg!("id"` in the workspace's sources (but the macros' own
    /// modules), with the file it is in.
    fn ids_in_code() -> BTreeMap<String, PathBuf> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let mut ids = BTreeMap::new();
        for dir in ["shared/src", "server/src", "frontend/src"] {
            let mut stack = vec![root.join(dir)];
            while let Some(dir) = stack.pop() {
                for entry in std::fs::read_dir(&dir).expect("a source folder") {
                    let path = entry.expect("a folder entry").path();
                    if path.is_dir() {
                        stack.push(path);
                    } else if path.extension().is_some_and(|e| e == "rs")
                        // Where the macros are defined, and their examples.
                        && path.file_name().is_none_or(|n| n != "i18n.rs")
                    {
                        let code = std::fs::read_to_string(&path).expect("a source file");
                        for id in literal_ids(&code) {
                            ids.entry(id).or_insert_with(|| path.clone());
                        }
                    }
                }
            }
        }
        ids
    }

    /// The ids after `tr!(` (its first argument is the language), `t!(` and `msg!(` in `code`.
    fn literal_ids(code: &str) -> Vec<String> {
        let mut ids = Vec::new();
        for (macro_name, skip_lang) in [("tr!(", true), ("t!(", false), ("msg!(", false)] {
            for (at, _) in code.match_indices(macro_name) {
                let preceded = code[..at].chars().next_back();
                if preceded.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                    continue;
                }
                let mut rest = code[at + macro_name.len()..].trim_start();
                if skip_lang {
                    // The language: any expression up to the first comma outside brackets.
                    let mut depth = 0i32;
                    let Some(comma) = rest.char_indices().find_map(|(i, c)| {
                        match c {
                            '(' | '[' | '{' => depth += 1,
                            ')' | ']' | '}' => depth -= 1,
                            ',' if depth == 0 => return Some(i),
                            _ => {}
                        }
                        None
                    }) else {
                        continue;
                    };
                    rest = rest[comma + 1..].trim_start();
                }
                if let Some(quoted) = rest.strip_prefix('"')
                    && let Some(end) = quoted.find('"')
                {
                    ids.push(quoted[..end].to_owned());
                }
            }
        }
        ids
    }

    #[test]
    fn literal_ids_are_found_in_code() {
        let code =
            r#"tr!(lang, "a-b") t!("c-d", n = 1) tr!(f(x, y), "e") mytr!(l, "no") t!(x) msg!("f")"#;
        assert_eq!(literal_ids(code), ["a-b", "e", "c-d", "f"]);
    }

    /// Both languages hold the same messages with the same variables, every file parses, and
    /// every id the code asks for is there — so no page shows an id, or Bulgarian in English.
    #[test]
    fn catalogue_is_complete() {
        let bg = parse(Lang::Bg);
        let en = parse(Lang::En);
        let mut problems: Vec<String> = bg.problems.into_iter().chain(en.problems).collect();
        for (id, (vars, area)) in &bg.messages {
            match en.messages.get(id) {
                None => problems.push(format!("en/{area}.ftl lacks {id}")),
                Some((en_vars, _)) if en_vars != vars => problems.push(format!(
                    "{id} uses {vars:?} in Bulgarian but {en_vars:?} in English"
                )),
                Some(_) => {}
            }
        }
        for (id, (_, area)) in &en.messages {
            if !bg.messages.contains_key(id) {
                problems.push(format!("bg/{area}.ftl lacks {id}"));
            }
        }
        let used = ids_in_code();
        for (id, path) in &used {
            if !bg.messages.contains_key(id) && !en.messages.contains_key(id) {
                problems.push(format!(
                    "{} asks for {id}, which no file has",
                    path.display()
                ));
            }
        }
        for id in bg.messages.keys() {
            if !used.contains_key(id) {
                problems.push(format!("{id} is in the catalogue but no code asks for it"));
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    /// English pages carry no Bulgarian: an English message with Cyrillic letters is an
    /// untranslated one (names of places and people come from data, not from the catalogue).
    #[test]
    fn english_messages_are_english() {
        let mut problems = Vec::new();
        for (area, _, en) in FILES {
            for line in en.lines() {
                if line.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c))
                    && !line.trim_start().starts_with('#')
                {
                    problems.push(format!("en/{area}.ftl: {line}"));
                }
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }
}
