//! Keyset paging: what a caller asks of a list, the cursors, and pages cut from ordered sources.

use crate::util::errors::{AppError, AppResult};
use antikor_shared::TenantId;
use antikor_shared::api::{MAX_PAGE_SIZE, PAGE_SIZE, Page};
use antikor_shared::msg;
use serde::Deserialize;
use utoipa::IntoParams;

/// Which page of a list (every list endpoint takes these beside its own filters).
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    /// How many items (1 to 500, default 50).
    pub limit: Option<u32>,
    /// The `next` of the previous page: this page starts after the item it names.
    pub after: Option<String>,
}

/// A position in a list that a cursor can name: the list's own sort key, written as text that
/// fits in an address unescaped.
pub trait Cursor: Sized + Ord + Clone {
    /// The cursor's text.
    fn encode(&self) -> String;
    /// The key a cursor's text names; `None` for text no page ever gave out.
    fn decode(text: &str) -> Option<Self>;
}

/// A validated page request of a list ordered by `K`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageRequest<K> {
    /// How many items at most.
    pub limit: usize,
    /// Start after this key (`None`: from the list's start).
    pub after: Option<K>,
}

/// The page size asked for, checked against the bounds every list shares.
pub fn page_size(limit: Option<u32>) -> AppResult<usize> {
    let limit = limit.unwrap_or(PAGE_SIZE);
    if !(1..=MAX_PAGE_SIZE).contains(&limit) {
        return Err(AppError::BadRequest(msg!(
            "server-page-size",
            max = MAX_PAGE_SIZE
        )));
    }
    Ok(limit as usize)
}

impl<K: Cursor> PageRequest<K> {
    /// Checks a caller's query: a page size in bounds, a cursor this list gave out.
    pub fn new(query: &PageQuery) -> AppResult<Self> {
        let limit = page_size(query.limit)?;
        // An empty cursor is a form's empty field: the list's start.
        let after = match query.after.as_deref().filter(|a| !a.is_empty()) {
            None => None,
            Some(text) => Some(
                K::decode(text).ok_or_else(|| AppError::BadRequest(msg!("server-page-cursor")))?,
            ),
        };
        Ok(Self { limit, after })
    }

    /// The first page, as reading code inside the server asks it.
    pub fn first(limit: usize) -> Self {
        Self { limit, after: None }
    }

    /// Cuts the page from `sources`, each already in key order and starting after the cursor
    /// (a range of an ordered index), merged into one order. Reads `limit + 1` items at most,
    /// so that a page costs what it returns however long the list is.
    pub fn cut<T, I>(&self, sources: impl IntoIterator<Item = I>, total: u64) -> Page<T>
    where
        I: Iterator<Item = (K, T)>,
    {
        let mut merged = itertools::kmerge_by(sources, |a: &(K, T), b: &(K, T)| a.0 < b.0);
        let mut items = Vec::with_capacity(self.limit.min(64));
        let mut last = None;
        for (key, item) in merged.by_ref().take(self.limit) {
            items.push(item);
            last = Some(key);
        }
        let next = merged.next().and(last).map(|k| k.encode());
        Page { items, next, total }
    }
}

impl Cursor for TenantId {
    fn encode(&self) -> String {
        self.to_string()
    }

    fn decode(text: &str) -> Option<Self> {
        TenantId::parse(text).ok()
    }
}

/// A number in a list numbered from 1 (a register's entries).
impl Cursor for u32 {
    fn encode(&self) -> String {
        self.to_string()
    }

    fn decode(text: &str) -> Option<Self> {
        text.parse().ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every page of `lists` merged, read the way a client does: cursor after cursor.
    fn read_all(lists: &[Vec<u32>], limit: usize) -> (Vec<u32>, usize) {
        let mut seen = Vec::new();
        let mut pages = 0;
        let mut after: Option<String> = None;
        loop {
            let request = PageRequest::<u32>::new(&PageQuery {
                limit: Some(limit as u32),
                after: after.clone(),
            })
            .unwrap();
            let sources = lists.iter().map(|l| {
                l.iter()
                    .copied()
                    .filter(|k| request.after.is_none_or(|a| *k > a))
                    .map(|k| (k, k))
            });
            let page = request.cut(sources, 0);
            assert!(page.items.len() <= limit);
            pages += 1;
            seen.extend(page.items);
            match page.next {
                Some(next) => after = Some(next),
                None => return (seen, pages),
            }
        }
    }

    #[test]
    fn pages_of_merged_sources_neither_repeat_nor_skip() {
        let lists = vec![
            vec![1, 4, 9, 10, 11],
            vec![],
            vec![2, 3, 5, 12],
            vec![6, 7, 8],
        ];
        for limit in 1..=13 {
            let (seen, pages) = read_all(&lists, limit);
            assert_eq!(seen, (1..=12).collect::<Vec<_>>(), "limit {limit}");
            assert_eq!(pages, 12_usize.div_ceil(limit), "limit {limit}");
        }
        assert_eq!(read_all(&[vec![], vec![]], 5), (vec![], 1));
    }

    #[test]
    fn bad_sizes_and_cursors_are_refused_in_words() {
        for limit in [0, MAX_PAGE_SIZE + 1] {
            let query = PageQuery {
                limit: Some(limit),
                after: None,
            };
            assert!(matches!(
                PageRequest::<u32>::new(&query),
                Err(AppError::BadRequest(m)) if m == msg!("server-page-size", max = MAX_PAGE_SIZE)
            ));
        }
        let query = PageQuery {
            limit: None,
            after: Some("x1".into()),
        };
        assert!(matches!(
            PageRequest::<u32>::new(&query),
            Err(AppError::BadRequest(m)) if m == msg!("server-page-cursor")
        ));
        for query in [
            PageQuery::default(),
            PageQuery {
                limit: None,
                after: Some(String::new()),
            },
        ] {
            assert_eq!(PageRequest::<u32>::new(&query).unwrap().after, None);
        }
        let query = PageQuery::default();
        assert_eq!(
            PageRequest::<u32>::new(&query).unwrap(),
            PageRequest {
                limit: PAGE_SIZE as usize,
                after: None
            }
        );
    }
}
