//! Complementary suppression, as a pure function: which further counts a published table must
//! withhold so that no count shown as "< 3" (nor a withheld one) can be worked out from the
//! sums the table lets a reader write down.

use crate::domain::clocks::{SMALLEST_SHOWN, cell};
use antikor_shared::signal::Cell;

/// A bound a reader cannot put a number on.
const UNBOUNDED: u64 = u64::MAX;

/// The counts of a table and the sums among them that a reader knows hold.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Table {
    values: Vec<u64>,
    published: Vec<bool>,
    guarded: Vec<bool>,
    lines: Vec<(usize, Vec<usize>)>,
}

/// `a + b`, where either may be unbounded.
fn add(a: u64, b: u64) -> u64 {
    if a == UNBOUNDED || b == UNBOUNDED {
        UNBOUNDED
    } else {
        a.saturating_add(b)
    }
}

impl Table {
    /// A count the table prints; answers its index.
    pub fn count(&mut self, value: u64) -> usize {
        self.push(value, true, (1..SMALLEST_SHOWN).contains(&value))
    }

    /// A count the table never prints but a reader can reason about (e.g. the late
    /// acknowledgments: those due less those in time). `guarded`: a small one must not be
    /// recoverable either.
    pub fn unpublished(&mut self, value: u64, guarded: bool) -> usize {
        self.push(
            value,
            false,
            guarded && (1..SMALLEST_SHOWN).contains(&value),
        )
    }

    fn push(&mut self, value: u64, published: bool, guarded: bool) -> usize {
        self.values.push(value);
        self.published.push(published);
        self.guarded.push(guarded);
        self.values.len() - 1
    }

    /// That `parts` add up to `total`.
    pub fn line(&mut self, total: usize, parts: Vec<usize>) {
        debug_assert_eq!(
            self.values[total],
            parts.iter().map(|p| self.values[*p]).sum::<u64>(),
            "a line must add up"
        );
        self.lines.push((total, parts));
    }

    /// What a reader knows of each count from what is shown: the least and the most it can
    /// be, narrowed through every line until nothing changes.
    fn bounds(&self, shown: &[Cell]) -> Vec<(u64, u64)> {
        let mut b: Vec<(u64, u64)> = shown
            .iter()
            .zip(&self.published)
            .map(|(cell, published)| match (published, cell) {
                (false, _) => (0, UNBOUNDED),
                (true, Cell::Zero) => (0, 0),
                (true, Cell::Exact(n)) => (*n, *n),
                (true, Cell::FewerThanThree) => (1, SMALLEST_SHOWN - 1),
                // Any count may be withheld, a zero or a "< 3" too: it tells nothing.
                (true, Cell::Withheld) => (0, UNBOUNDED),
            })
            .collect();
        // Each pass only narrows, and the true counts always stay inside: it ends.
        loop {
            let before = b.clone();
            for (total, parts) in &self.lines {
                let low: u64 = parts.iter().map(|p| b[*p].0).sum();
                let high = parts.iter().map(|p| b[*p].1).fold(0, add);
                b[*total] = (b[*total].0.max(low), b[*total].1.min(high));
                for p in parts {
                    let others_low = low - b[*p].0;
                    let others_high = parts
                        .iter()
                        .filter(|q| *q != p)
                        .map(|q| b[*q].1)
                        .fold(0, add);
                    let (t_low, t_high) = b[*total];
                    let at_least = if others_high == UNBOUNDED {
                        0
                    } else {
                        t_low.saturating_sub(others_high)
                    };
                    let at_most = if t_high == UNBOUNDED {
                        UNBOUNDED
                    } else {
                        t_high.saturating_sub(others_low)
                    };
                    b[*p] = (b[*p].0.max(at_least), b[*p].1.min(at_most));
                }
            }
            if b == before {
                return b;
            }
        }
    }

    /// Whether a count must keep more than one possible value.
    fn protected(&self, i: usize, shown: &[Cell]) -> bool {
        self.guarded[i] || matches!(shown[i], Cell::Withheld)
    }

    /// The cells as published: under 3 shown as "< 3", then, while a reader could still
    /// pin a hidden count down, one more cell of a line through it withheld: a part before
    /// the line's total (which sits in every other breakdown), an exact count before a
    /// "< 3" before a zero, the smallest first.
    pub fn suppress(&self) -> Vec<Cell> {
        let mut shown: Vec<Cell> = self.values.iter().map(|v| cell(*v)).collect();
        let mut hopeless = vec![false; self.values.len()];
        loop {
            let b = self.bounds(&shown);
            let Some(leak) = (0..self.values.len())
                .find(|&i| !hopeless[i] && self.protected(i, &shown) && b[i].0 == b[i].1)
            else {
                return shown;
            };
            let rank = |c: usize| match shown[c] {
                Cell::Exact(_) => 0,
                Cell::FewerThanThree => 1,
                Cell::Zero => 2,
                Cell::Withheld => 3,
            };
            let withholdable = |c: usize| c != leak && self.published[c] && rank(c) < 3;
            let lines: Vec<&(usize, Vec<usize>)> = self
                .lines
                .iter()
                .filter(|(t, parts)| *t == leak || parts.contains(&leak))
                .collect();
            let candidate = lines
                .iter()
                .flat_map(|(t, parts)| {
                    parts
                        .iter()
                        .map(|p| (false, *p))
                        .chain(std::iter::once((true, *t)))
                })
                .filter(|(_, c)| withholdable(*c))
                .min_by_key(|(is_total, c)| (*is_total, rank(*c), self.values[*c], *c));
            match candidate {
                Some((_, c)) => shown[c] = Cell::Withheld,
                // Every cell around it is withheld already, so nothing pins it; kept so
                // that the loop ends whatever the table.
                None => hopeless[leak] = true,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use antikor_shared::i18n::Lang;

    fn table(total: u64, parts: &[u64]) -> (Table, usize, Vec<usize>) {
        let mut t = Table::default();
        let total = t.count(total);
        let parts: Vec<usize> = parts.iter().map(|p| t.count(*p)).collect();
        t.line(total, parts.clone());
        (t, total, parts)
    }

    #[test]
    fn a_lone_small_cell_beside_an_exact_total_takes_a_second_one_with_it() {
        let (t, total, parts) = table(9, &[4, 1, 0, 4]);
        let shown = t.suppress();
        assert_eq!(shown[total], Cell::Exact(9));
        assert_eq!(shown[parts[1]], Cell::FewerThanThree);
        assert_eq!(shown[parts[2]], Cell::Zero);
        assert_eq!(
            [shown[parts[0]], shown[parts[3]]],
            [Cell::Withheld, Cell::Exact(4)],
            "the smallest exact part, the first on a tie"
        );
    }

    #[test]
    fn a_total_of_two_split_one_and_one_keeps_both_ones_unknown() {
        let (t, total, parts) = table(2, &[1, 1, 0]);
        let shown = t.suppress();
        assert_eq!(shown[total], Cell::FewerThanThree);
        assert_eq!(shown[parts[2]], Cell::Zero);
        let mut ones = [shown[parts[0]], shown[parts[1]]];
        ones.sort_by_key(|c| c.label(Lang::Bg));
        assert_eq!(ones, [Cell::FewerThanThree, Cell::Withheld], "{shown:?}");
        // Neither one is pinned down (the zero is shown as it is).
        let b = t.bounds(&shown);
        assert!(parts[..2].iter().all(|p| b[*p].0 < b[*p].1), "{b:?}");
    }

    #[test]
    fn two_small_cells_that_can_only_be_one_each_are_not_enough() {
        // 5 = 3 + a + b with a, b in {1, 2}: a = b = 1.
        let (t, total, parts) = table(5, &[3, 1, 1]);
        let shown = t.suppress();
        assert_ne!(shown[parts[0]], Cell::Exact(3));
        let b = t.bounds(&shown);
        assert!(
            parts
                .iter()
                .chain([&total])
                .all(|p| { !t.protected(*p, &shown) || b[*p].0 < b[*p].1 })
        );
        // 6 = 3 + 1 + 2: a + b = 3 leaves either possible.
        let (t, _, parts) = table(6, &[3, 1, 2]);
        assert_eq!(t.suppress()[parts[0]], Cell::Exact(3));
    }

    #[test]
    fn withholding_in_one_line_is_carried_into_the_lines_that_share_the_cell() {
        // Tenants: 10 = 7 + 1 + 2 + 0 (fine as it is); categories: 10 = 8 + 2; and tenant
        // A's 7 = 6 acknowledged + 1 late (never printed, but small and guarded).
        let mut t = Table::default();
        let total = t.count(10);
        let a = t.count(7);
        let b = t.count(1);
        let c = t.count(2);
        let d = t.count(0);
        t.line(total, vec![a, b, c, d]);
        let x = t.count(8);
        let y = t.count(2);
        t.line(total, vec![x, y]);
        let met = t.count(6);
        let late = t.unpublished(1, true);
        t.line(a, vec![met, late]);
        let shown = t.suppress();
        let bounds = t.bounds(&shown);
        for i in 0..shown.len() {
            assert!(
                !t.protected(i, &shown) || bounds[i].0 < bounds[i].1,
                "cell {i} is pinned: {shown:?} {bounds:?}"
            );
        }
        assert_eq!(shown[x], Cell::Withheld);
        assert_eq!(
            shown[met],
            Cell::Withheld,
            "6 in time of 7 would give 1 late away"
        );
    }
}
