//! What waits for a user's action (the bell in the header), through a [`ReminderScope`].

use super::App;
use crate::access::ReminderScope;
use crate::util::errors::AppResult;
use antikor_shared::reminders::Reminders;

impl App {
    /// What waits for the caller today.
    pub async fn reminders(&self, scope: &ReminderScope) -> AppResult<Reminders> {
        let (tenant, wanted) = (scope.tenant().clone(), scope.wanted());
        self.at(None, move |m, today| m.reminders(&tenant, wanted, today))
            .await
    }
}
