# English: labels of the domain's values (roles, categories, levels, kinds).
# Every id starts with "labels-"; shared/src/i18n.rs says how the catalogue works.

