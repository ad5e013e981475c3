# English: what citizens use: filing a signal, tracking it with the receipt code, the public signal statistics, answering the staff survey.
# Every id starts with "citizen-"; shared/src/i18n.rs says how the catalogue works.

