//! E-mail about what waits: each user's choice and the record of what was sent (never its
//! content), in the stream `notifications-{username}` of the user's tenant.

use crate::Username;
use crate::i18n::Lang;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// How a user is told by e-mail of what waits for them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Delivery {
    /// No e-mail.
    #[default]
    Off,
    /// One message a day, in the morning, when something waits.
    Digest,
    /// The daily message, and, for the register's officers, one as soon as a signal arrives.
    Immediate,
}

impl Delivery {
    /// Every choice, in the order the form lists them.
    pub const ALL: [Delivery; 3] = [Delivery::Off, Delivery::Digest, Delivery::Immediate];

    /// The choice in `lang`.
    pub fn label(self, lang: Lang) -> String {
        match self {
            Self::Off => crate::tr!(lang, "labels-delivery-off"),
            Self::Digest => crate::tr!(lang, "labels-delivery-digest"),
            Self::Immediate => crate::tr!(lang, "labels-delivery-immediate"),
        }
    }
}

/// The longest e-mail address accepted (RFC 5321's limit of a path).
pub const MAX_EMAIL_LEN: usize = 254;

/// Whether `email` looks like an address a relay accepts: one `@` with text on both sides, a
/// dot in the domain, no spaces or angle brackets (which would break a message's header).
pub fn email_is_valid(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    email.len() <= MAX_EMAIL_LEN
        && !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains('@')
        && !email
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | ',' | ';'))
}

/// `NotificationsChosen` v1: a user chose how, and at which address, they are told of what
/// waits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NotificationsChosen {
    /// The user.
    pub username: Username,
    /// Where to write (none: nowhere).
    pub email: Option<String>,
    /// How often.
    pub delivery: Delivery,
}

/// What a message was about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum NotificationKind {
    /// The day's message: how many things wait.
    Digest,
    /// Signals arrived in the register.
    NewSignals,
}

/// `NotificationSent` v1: a message went to the user's address. It records that, and how
/// many things it counted, never what it said.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NotificationSent {
    /// To whom.
    pub username: Username,
    /// What about.
    pub kind: NotificationKind,
    /// How many things it counted.
    pub items: u64,
    /// For new signals: the log position of the newest signal it counted, so the next message
    /// counts only later ones.
    pub up_to: u64,
    /// The day (Sofia's) it was sent for: one day's message a day.
    pub on: NaiveDate,
}

/// `GET`/`PUT /api/session/notifications`: the caller's choice.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NotificationSettings {
    /// Where to write (none: nowhere).
    pub email: Option<String>,
    /// How often.
    pub delivery: Delivery,
    /// Whether this server sends e-mail at all (it has a relay).
    #[serde(default)]
    pub mail_configured: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_a_relay_takes_and_those_it_does_not() {
        for good in ["ivanova@bansko.bg", "a.b+c@obshtina.example.org"] {
            assert!(email_is_valid(good), "{good}");
        }
        for bad in [
            "",
            "ivanova",
            "@bansko.bg",
            "ivanova@",
            "ivanova@bansko",
            "ivanova@.bg",
            "ivan ova@bansko.bg",
            "a@b@c.bg",
            "x@y.bg>\r\nBcc: all@z.bg",
        ] {
            assert!(!email_is_valid(bad), "{bad}");
        }
    }

    #[test]
    fn delivery_labels_tell_values_apart_in_both_languages() {
        crate::i18n::assert_distinct_labels(Delivery::ALL, |value, lang| value.label(lang));
    }
}
