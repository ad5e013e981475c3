# Bulgarian: accounts, institutions (tenants), login and password.
# Every id starts with "admin-"; shared/src/i18n.rs says how the catalogue works.

