//! The one rule every CSV export follows, in the browser and on the server: a cell a
//! spreadsheet would run as a formula is defused.

use std::borrow::Cow;

/// Text that a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, tab or carriage return
/// first) gets a leading apostrophe; numbers (digits with `.`, `,`, `-` and spaces) are kept.
/// Notes, names and accounts are typed by users and citizens, and the file is opened by others,
/// so no cell may ever run as a formula in their spreadsheet.
pub fn defuse(value: &str) -> Cow<'_, str> {
    let numeric = !value.is_empty()
        && value
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '-' | ' '));
    if !numeric && value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{value}"))
    } else {
        Cow::Borrowed(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_defused_but_numbers_kept() {
        assert_eq!(defuse("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(defuse("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(defuse("+359 73 881 200"), "'+359 73 881 200");
        assert_eq!(defuse("\tcmd"), "'\tcmd");
        assert_eq!(defuse("-5"), "-5");
        assert_eq!(defuse("42"), "42");
        assert_eq!(defuse(""), "");
        assert_eq!(defuse("Община Банско"), "Община Банско");
    }
}
