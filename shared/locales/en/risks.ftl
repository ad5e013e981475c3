# English: the corruption-risk register.
# Every id starts with "risks-"; shared/src/i18n.rs says how the catalogue works.

