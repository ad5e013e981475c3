//! Enum values in forms, addresses and `data-*` attributes by their wire names, as serde spells them.

use serde::Serialize;
use serde::de::DeserializeOwned;

/// A value's wire name (`in_progress`), the same the API uses, so none is written by hand.
pub fn code<T: Serialize>(value: T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// The value a wire name stands for; `None` for a name the type does not know.
pub fn from_code<T: DeserializeOwned>(code: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(code.to_owned())).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::account::Role;
    use crate::activity::{ActAction, ActivityKind, MeetingKind};

    #[test]
    fn codes_round_trip_through_serde() {
        assert_eq!(code(Role::TenantAdmin), "tenant_admin");
        assert_eq!(code(ActivityKind::DeclarationCheck), "declaration_check");
        assert_eq!(code(ActAction::ContestedInCourt), "contested_in_court");
        for kind in MeetingKind::ALL {
            assert_eq!(from_code::<MeetingKind>(&code(kind)), Some(kind));
        }
        assert_eq!(from_code::<Role>("root"), None);
    }
}
