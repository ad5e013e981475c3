# English: the institutions' work: dashboard, activities, the plan, progress reports, contacts, the region view, reminders.
# Every id starts with "work-"; shared/src/i18n.rs says how the catalogue works.

