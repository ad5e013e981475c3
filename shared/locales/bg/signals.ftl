# Bulgarian: the officers' signal register, intake, a signal's detail and steps, analysis and statistics.
# Every id starts with "signals-"; shared/src/i18n.rs says how the catalogue works.

