# Bulgarian: the public pages: home, council, meetings, contested acts, reporting corruption, public progress, the annual report.
# Every id starts with "public-"; shared/src/i18n.rs says how the catalogue works.

public-acts-count = { $count ->
    [one] { $count } акт
   *[other] { $count } акта
}
