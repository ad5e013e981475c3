//! Checks of the texts people type, shared by every aggregate: trimmed, required or optional,
//! up to a length, refused with one wording that names the field.

/// A text that failed its check; the message names the field, in Bulgarian. Each aggregate's
/// rejection turns it into its own "bad field" case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadText(pub String);

/// A required text of up to `max` characters, trimmed.
pub fn text(value: &str, field: &str, max: usize) -> Result<String, BadText> {
    let value = value.trim();
    if value.is_empty() {
        return Err(BadText(format!("Попълнете полето „{field}“.")));
    }
    if value.chars().count() > max {
        return Err(BadText(format!("Полето „{field}“ е до {max} знака.")));
    }
    Ok(value.to_owned())
}

/// An optional text of up to `max` characters, trimmed (empty counts as none).
pub fn optional(value: Option<&str>, field: &str, max: usize) -> Result<Option<String>, BadText> {
    match value.map(str::trim) {
        None | Some("") => Ok(None),
        Some(v) => text(v, field, max).map(Some),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_are_trimmed_required_and_bounded_in_characters_not_bytes() {
        assert_eq!(text("  Заседание ", "Заглавие", 9), Ok("Заседание".into()));
        assert_eq!(
            text(" ", "Заглавие", 9),
            Err(BadText("Попълнете полето „Заглавие“.".into()))
        );
        assert_eq!(
            text("Заседания", "Заглавие", 8),
            Err(BadText("Полето „Заглавие“ е до 8 знака.".into()))
        );
        assert_eq!(optional(Some("  "), "Бележка", 5), Ok(None));
        assert_eq!(optional(None, "Бележка", 5), Ok(None));
        assert!(optional(Some("прекалено"), "Бележка", 5).is_err());
    }
}
