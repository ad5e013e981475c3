//! What waits for a user's action (the bell in the header), through a [`ReminderScope`], and
//! the user's choice of e-mail about it (see `crate::mail`).

use super::App;
use crate::access::{Principal, ReminderScope, TenantWrite};
use crate::store::{ExpectedVersion, NewEvent};
use crate::streams;
use crate::util::errors::{AppError, AppResult};
use antikor_shared::events::NotificationEvent;
use antikor_shared::i18n::Lang;
use antikor_shared::notifications::{
    Delivery, NotificationSent, NotificationSettings, NotificationsChosen, email_is_valid,
};
use antikor_shared::reminders::Reminders;
use antikor_shared::{StreamId, TenantId};
use uuid::Uuid;

impl App {
    /// What waits for the caller today, in `lang`.
    pub async fn reminders(&self, scope: &ReminderScope, lang: Lang) -> AppResult<Reminders> {
        let (tenant, wanted) = (scope.tenant().clone(), scope.wanted());
        self.at(None, move |m, today| {
            m.reminders(&tenant, wanted, today, lang)
        })
        .await
    }

    /// How the caller is told by e-mail, and whether this server sends any.
    pub fn notification_settings(&self, principal: &Principal) -> NotificationSettings {
        let models = self.models_unscoped();
        let chosen = models
            .accounts
            .get(principal.username.as_str())
            .map(|entry| entry.notifications.clone())
            .unwrap_or_default();
        NotificationSettings {
            email: chosen.email,
            delivery: chosen.delivery,
            mail_configured: self.mail_configured,
        }
    }

    /// Records the caller's choice of e-mail (their own, so the last choice stands).
    pub async fn choose_notifications(
        &self,
        principal: &Principal,
        body: NotificationSettings,
    ) -> AppResult<NotificationSettings> {
        let email = body
            .email
            .map(|e| e.trim().to_owned())
            .filter(|e| !e.is_empty());
        match &email {
            Some(e) if !email_is_valid(e) => {
                return Err(AppError::BadRequest(antikor_shared::msg!(
                    "requests-email-invalid",
                    email = e
                )));
            }
            None if body.delivery != Delivery::Off => {
                return Err(AppError::BadRequest(antikor_shared::msg!(
                    "requests-email-missing"
                )));
            }
            _ => {}
        }
        let chosen = NotificationEvent::Chosen(NotificationsChosen {
            username: principal.username.clone(),
            email,
            delivery: body.delivery,
        });
        let scope = principal.own_account();
        self.append(
            &scope,
            streams::notifications(&principal.username),
            ExpectedVersion::Any,
            vec![NewEvent::from_set(Uuid::new_v4(), &chosen)],
        )
        .await?;
        Ok(self.notification_settings(principal))
    }

    /// Records that a message went to a user (by the server itself, in the user's tenant).
    pub(crate) async fn record_notification(
        &self,
        tenant: TenantId,
        stream: StreamId,
        sent: NotificationSent,
    ) -> AppResult<()> {
        let scope = TenantWrite::system(tenant, "system");
        let event = NotificationEvent::Sent(sent);
        self.append(
            &scope,
            stream,
            ExpectedVersion::Any,
            vec![NewEvent::from_set(Uuid::new_v4(), &event)],
        )
        .await?;
        Ok(())
    }
}
