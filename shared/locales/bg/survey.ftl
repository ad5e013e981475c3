# Bulgarian: the staff survey: questionnaire, opening, codes, results.
# Every id starts with "survey-"; shared/src/i18n.rs says how the catalogue works.

