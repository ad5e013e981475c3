//! Validated identifiers of tenants and event streams.

use compact_str::CompactString;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Why a string was refused as an identifier.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{kind} „{value}“ is not valid: {rule}")]
pub struct InvalidId {
    /// Which kind of identifier was being parsed.
    pub kind: &'static str,
    /// The refused input (cut to a readable length).
    pub value: String,
    /// The rule it broke, for the person who typed it.
    pub rule: &'static str,
}

/// Whether `value` is a valid identifier. Every rule allows ASCII only, so the bytes are
/// checked, not decoded characters, and all of them without stopping at the first refused
/// one, which lets the compiler check many at once: a replay checks two identifiers of every
/// record.
#[inline]
fn check(
    kind: &'static str,
    value: &str,
    max: usize,
    allowed: fn(u8) -> bool,
    rule: &'static str,
) -> Result<(), InvalidId> {
    let ok = !value.is_empty()
        && value.len() <= max
        && value.bytes().fold(true, |ok, c| ok & allowed(c))
        && value.as_bytes()[0].is_ascii_alphanumeric();
    if ok {
        Ok(())
    } else {
        Err(InvalidId {
            kind,
            value: value.chars().take(80).collect(),
            rule,
        })
    }
}

macro_rules! string_id {
    ($(#[$doc:meta])* $name:ident, $kind:literal, $max:expr, $allowed:expr, $rule:literal, $pattern:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
        #[serde(try_from = "CompactString")]
        pub struct $name(CompactString);

        // By hand, to write the text as it is held: the derive's `into` would copy it first.
        impl Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(&self.0)
            }
        }

        // Written out, since the derive cannot give a newtype a pattern: the document must
        // state the very rule `parse` applies (a test checks the two agree).
        #[cfg(feature = "openapi")]
        impl utoipa::PartialSchema for $name {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                utoipa::openapi::ObjectBuilder::new()
                    .schema_type(utoipa::openapi::schema::Type::String)
                    .description(Some(concat!("A ", $kind, " id: ", $rule, ".")))
                    .min_length(Some(1))
                    .max_length(Some($max))
                    .pattern(Some($pattern))
                    .into()
            }
        }

        #[cfg(feature = "openapi")]
        impl utoipa::ToSchema for $name {}

        impl $name {
            /// Parses and validates an identifier.
            pub fn parse(value: impl Into<CompactString>) -> Result<Self, InvalidId> {
                let value = value.into();
                check($kind, &value, $max, $allowed, $rule)?;
                Ok(Self(value))
            }

            /// The identifier as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl TryFrom<String> for $name {
            type Error = InvalidId;
            fn try_from(value: String) -> Result<Self, InvalidId> {
                Self::parse(value)
            }
        }

        impl TryFrom<CompactString> for $name {
            type Error = InvalidId;
            fn try_from(value: CompactString) -> Result<Self, InvalidId> {
                Self::parse(value)
            }
        }

        impl From<$name> for String {
            fn from(id: $name) -> String {
                id.0.into_string()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        // Sound because the derived `Hash`/`Eq` of a one-field newtype over `CompactString`
        // agree with `str`'s (it hashes and compares as its text): maps keyed by ids can be
        // searched with a `&str`, without allocating.
        impl std::borrow::Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        impl std::str::FromStr for $name {
            type Err = InvalidId;
            fn from_str(s: &str) -> Result<Self, InvalidId> {
                Self::parse(s)
            }
        }
    };
}

string_id!(
    /// A tenant's slug: the regional administration (`oblast`) or a municipality (`bansko`, …).
    TenantId,
    "tenant",
    40,
    |c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'-',
    "use 1–40 lowercase Latin letters, digits and hyphens",
    "^[a-z0-9][a-z0-9-]*$"
);

string_id!(
    /// One entity's stream of events inside a tenant, e.g. `tenant` or `measure-I.3`.
    StreamId,
    "stream",
    128,
    |c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'.' | b':'),
    "use 1–128 Latin letters, digits and - _ . :",
    "^[A-Za-z0-9][A-Za-z0-9_.:-]*$"
);

string_id!(
    /// A login name, unique across Antikor, e.g. `ivanova` or `bansko.officer`.
    Username,
    "username",
    64,
    |c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, b'.' | b'-' | b'_'),
    "use 1–64 lowercase Latin letters, digits and . - _, starting with a letter or digit",
    "^[a-z0-9][a-z0-9._-]*$"
);

string_id!(
    /// A province's (област) three-letter NSI code, e.g. `BLG`; the prefix of its
    /// municipalities' codes (`BLG03`). Sofia is two: the province `SFO` and the capital `SOF`.
    ProvinceCode,
    "province",
    3,
    |c| c.is_ascii_uppercase(),
    "use the province's three capital Latin letters, e.g. BLG",
    "^[A-Z]{1,3}$"
);

/// The tenant of the regional administration, which keeps the plan.
pub fn regional_tenant() -> TenantId {
    TenantId(CompactString::const_new("oblast"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tenant_ids_are_lowercase_slugs() {
        assert!(TenantId::parse("gotse-delchev").is_ok());
        for bad in ["", "Bansko", "-x", "a b", "банско", &"x".repeat(41)] {
            assert!(TenantId::parse(bad).is_err(), "{bad:?} must be refused");
        }
    }

    #[test]
    fn stream_ids_allow_measure_numbers() {
        assert!(StreamId::parse("measure-I.3").is_ok());
        assert!(StreamId::parse("signal:0f3a").is_ok());
        assert!(StreamId::parse(".hidden").is_err());
    }

    #[test]
    fn usernames_are_lowercase() {
        assert!(Username::parse("bansko.officer").is_ok());
        for bad in ["", "Ivan", "ivan petrov", "иван", "_x", &"x".repeat(65)] {
            assert!(Username::parse(bad).is_err(), "{bad:?} must be refused");
        }
    }

    #[test]
    fn ids_refuse_invalid_json() {
        assert!(serde_json::from_str::<TenantId>("\"Not Valid\"").is_err());
        let id: TenantId = serde_json::from_str("\"bansko\"").unwrap();
        assert_eq!(id.as_str(), "bansko");
    }

    #[test]
    fn ids_are_written_as_their_text_inline_or_not() {
        let long = format!("signal-{}", "0".repeat(36));
        for text in ["bansko", long.as_str()] {
            let id = StreamId::parse(text).unwrap();
            let json = serde_json::to_string(&id).unwrap();
            assert_eq!(json, format!("\"{text}\""));
            assert_eq!(serde_json::from_str::<StreamId>(&json).unwrap(), id);
            assert_eq!(String::from(id), text);
        }
    }
}
