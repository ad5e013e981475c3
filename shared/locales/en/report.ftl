# English: the annual report's tables, captions and texts as the report page and the API show them.
# Every id starts with "report-"; shared/src/i18n.rs says how the catalogue works.

## A measure's terms ($deadline, $responsible, $indicator: texts of the plan)
report-measure-terms = Deadline: { $deadline } · Responsible: { $responsible } · Indicator: { $indicator }
report-measure-withdrawn = Withdrawn: { $reason }

## Column names shared by several tables
report-column-institution = Institution
report-column-date = Date
report-column-kind = Type
report-column-topic = Topic
report-column-participants = Participants
report-column-measures = Measures

## The institutions' table ($year: a text)
report-institutions-caption = Implementation and activities by institution, { $year }
report-column-not-reported = Not reported
report-column-overdue = Overdue

## The measures' table ($year: a text)
report-measures-caption = The measures of the { $year } plan by institution
report-column-section = Section
report-column-measure = Measure
report-column-text = Text
report-column-deadline = Deadline
report-column-level = Level of implementation
report-column-what-was-done = What was done
report-column-evidence = Evidence
report-column-as-of = As of

## The activities' tables ($kind: the kind's name; $year: a text; $shown, $total: numbers)
report-activities-caption = { $kind }, { $year }
report-activities-caption-latest = { $kind }, { $year }: the latest { $shown } of { $total }
report-column-decisions = Decisions
report-column-channel = Media outlet or channel
report-column-content = Content
report-column-period = Period
report-column-checking-body = Checking body
report-column-declarations-checked = Declarations checked
report-column-irregularities-found = Irregularities found
report-column-referrals = Referrals to a competent authority
report-column-act = Act
report-column-municipality = Municipality
report-column-action = Action taken
report-column-grounds = Grounds
report-column-outcome = Outcome

## A contested act ($kind, $action: labels; $number, $revote, $case, $outcome: texts; $date: dd.mm.yyyy)
report-act = { $kind } No. { $number } of { $date }
report-act-action = { $action } on { $date }
report-act-revote = Reconsideration: { $revote }
report-act-court-case = Case { $case }
report-act-court-outcome = Court ruling: { $outcome }
report-act-case-pending = The case is pending
report-act-awaited = Pending

## The risk registers' table ($year: a text)
report-risks-caption = Corruption risk registers for { $year } (measure VI.1): open risks by residual level
report-risks-no-register = No register
report-column-risks-open = Open
report-column-risks-high = High
report-column-risks-medium = Medium
report-column-risks-low = Low
report-column-risks-unassessed = Not assessed
report-column-risks-untreated = No treatment measures
report-column-risks-overdue-reviews = Overdue reviews
report-column-risks-closed = Closed

## The signals' tables ($year: a text; $total, $done, $due: counts as the statistics show them; $rate: a number)
report-signals-caption = Corruption signals received in { $year } (total: { $total }; counts below 3 are not shown)
report-cells-of = { $done } of { $due }
report-rate = { $rate }%
report-column-received = Received
report-column-acknowledged-in-time = Acknowledged within 7 days
report-column-on-time-rate = % on time
report-column-feedback-in-time = Feedback within 3 months
report-categories-caption = Signals by category, { $year }
report-column-category = Category
report-column-count = Count
