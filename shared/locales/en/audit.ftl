# English: the auditor's pages: the log, a record, comparisons, verification.
# Every id starts with "audit-"; shared/src/i18n.rs says how the catalogue works.

