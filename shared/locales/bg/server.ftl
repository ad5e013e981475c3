# Bulgarian: the server's error messages and other texts the API answers with.
# Every id starts with "server-"; shared/src/i18n.rs says how the catalogue works.

