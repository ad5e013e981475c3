# English: the institutions' work: dashboard, activities, the plan, progress reports, contacts, the region view, reminders.
# Every id starts with "work-"; shared/src/i18n.rs says how the catalogue works.


## Dashboard
work-dashboard-title = Dashboard
work-dashboard-progress-heading = Progress by measure
work-dashboard-no-plan-not-adopted = The province has not adopted an action plan yet. Once the Regional Administration adopts one, progress on its measures will be shown here.
work-dashboard-no-plan-national = Your institution is not part of a province and does not report on an action plan: each province has a plan of its own.
work-dashboard-no-plan-see-region = Progress on the provinces' plans is shown in the
work-dashboard-no-plan-region-link = Regional view
work-dashboard-no-plan-see-progress = Progress on the provinces' plans is shown on the page
work-dashboard-no-plan-progress-link = “Plan progress”
work-dashboard-tenant-plan = { $tenant }, plan for { $year }
work-dashboard-levels-label = Measures by level of completion
work-dashboard-overdue-summary = Overdue: { $overdue }. Due within 30 days: { $due_soon }. As assessed on { $date }.
work-dashboard-overdue-heading = Overdue measures
work-dashboard-overdue-none = No measures are overdue.
work-dashboard-due-soon-heading = Due in the next 30 days
work-dashboard-due-soon-none = No measures are due soon.
work-dashboard-row-deadline = Deadline: { $deadline }; { $level }
work-dashboard-sections-heading = By section of the plan
work-dashboard-sections-caption = { $tenant }: measures by section, { $year }
work-dashboard-activities-heading = Activities in { $year }
work-dashboard-all-activities = All activities
work-dashboard-latest-heading = Latest changes
work-dashboard-latest-none = No changes yet.
work-dashboard-kinds-caption = Activities by type, { $year }
work-dashboard-kinds-kind = Type
work-dashboard-kinds-kind-csv = Type of activity
work-dashboard-kinds-chart = Chart
work-dashboard-kinds-count = Number
work-dashboard-risks-heading = Corruption risks, { $year }
work-dashboard-risks-none = No risks are entered in the register for { $year }.
work-dashboard-risks-link = Go to the risk register
work-dashboard-risks-overdue = Review overdue: { $count ->
        [one] { $count } risk
       *[other] { $count } risks
    }.
work-dashboard-risks-open = Open: { $count ->
        [one] { $count } risk
       *[other] { $count } risks
    }; with a high residual risk: { $high }, medium: { $medium }, low: { $low }.
work-dashboard-risks-unassessed = Not yet assessed: { $unassessed }; assessed, without measures: { $untreated }.
work-dashboard-risks-closed = Closed: { $closed }.

## Dashboard: the progress table and its report form
work-progress-column-measure = Measure
work-progress-column-number = No.
work-progress-column-text = Text
work-progress-column-deadline = Deadline
work-progress-column-level = Level
work-progress-column-note = Note
work-progress-column-evidence = Evidence
work-progress-column-reported-for = As of
work-progress-column-reported-by = Reported by
work-progress-column-overdue = Overdue
work-progress-column-notes = Note and evidence
work-progress-column-report = Report
work-progress-yes = yes
work-progress-no = no
work-progress-hint-report = Choose “Report” next to a measure to report its progress.
work-progress-read-only = View only.
work-progress-caption = Progress by measure, { $year }
work-progress-files = Files
work-progress-remove-file = Remove “{ $name }”
work-progress-reloaded = The row has been reloaded with the latest report; review it and send yours again if needed.
work-progress-measure-gone = The measure is no longer in the plan.
work-progress-date-field = the date
work-progress-level-missing = Choose a level of completion.
work-progress-files-uploading = Wait until the files have uploaded.
work-progress-reported = As of { $date }, reported by { $by } (version { $version })
work-progress-report = Report
work-progress-saved = The report has been saved.
work-progress-evidence-label = Evidence (one per line: a web address, or a document with its number and date)
work-progress-save = Save
work-progress-cancel = Cancel
work-progress-overdue-badge = overdue
work-progress-due-soon-badge = due soon
work-progress-history = History

## Activities
work-activities-title = Activities
work-activities-lead = Meetings, trainings, media appearances and campaigns, checks of declarations and contested acts, each linked to the plan measures it carries out. A mistake is corrected with a new record that gives the reason; the old one stays in the audit trail.
work-activities-column-date = Date
work-activities-column-tenant = Institution
work-activities-column-kind = Type
work-activities-column-description = Description
work-activities-column-measures = Measures
work-activities-column-recorded = Recorded
work-activities-column-actions = Actions
work-activities-filter-kind = Type
work-activities-all-kinds = All types
work-activities-count = { $count ->
        [one] { $count } record
       *[other] { $count } records
    }
work-activities-caption = Activities, newest first
work-activities-none = No activities are recorded for the chosen filters.
work-activities-details = Details
work-activities-corrections = Corrections and follow-up: { $count }
work-activities-history = Record history
work-activities-correct = Correct
work-activities-follow-up = Follow-up
work-activities-files = Files
work-activities-file-attached = “{ $name }” has been attached.
work-activities-files-heading = Attached documents
work-activities-close = Close

## Activities: the fields of an activity
work-activities-choose-municipality = Choose a municipality
work-activities-field-optional = { $label } (optional)
work-activities-publish = Publish the minutes and decisions on the public “Meetings” page
work-activities-no-plan = There is no plan for { $year }: the activity will be recorded without measures.
work-activities-date-first = Enter a date to choose measures from that year's plan.
work-activities-measures-of-year = Measures of the { $year } plan that the activity carries out
work-activities-measures = Plan measures that the activity carries out

## Activities: recording, correcting, following up
work-activities-reloaded = The activity has been reloaded with the latest data; what you typed in the form is kept.
work-activities-gone = The activity is no longer in the list.
work-activities-recorded = Recorded: { $kind }.
work-activities-new = New activity
work-activities-kind = Type of activity
work-activities-record = Record
work-activities-reason-missing = Give the reason for the correction.
work-activities-corrected = The correction has been saved; the previous record stays in the audit trail.
work-activities-correction-heading = Correction: { $kind }
work-activities-correction-reason = Reason for the correction
work-activities-correction-submit = Save the correction
work-activities-published-date-field = the publication date
work-activities-follow-up-empty = Fill in at least one field.
work-activities-followed-up = The follow-up on the act has been saved.
work-activities-follow-up-heading = Follow-up on the contested act
work-activities-follow-up-hint = Fields left empty keep their current value.
work-activities-follow-up-revote = New vote in the municipal council
work-activities-follow-up-case = Court case no.
work-activities-follow-up-published = Published on the website on
work-activities-follow-up-outcome = Outcome of the case
work-activities-follow-up-submit = Save

## Plan
work-plan-title = Action plan
work-plan-lead = The measures of the Regional Public Council for Preventing and Countering Corruption, with their deadlines, responsible officials, indicators and expected results.
work-plan-first-note = Your province has no action plan yet. It can start as a copy of another province's plan: see “The province's first plan” below the table.
work-plan-column-section = Section
work-plan-column-number = No.
work-plan-column-measure = Measure
work-plan-column-deadline = Deadline
work-plan-column-responsible = Responsible
work-plan-column-indicator = Performance indicator
work-plan-column-result = Result
work-plan-column-withdrawn = Withdrawn
work-plan-column-changes = Changes
work-plan-summary = { $measures ->
        [one] { $measures } measure
       *[other] { $measures } measures
    } in { $sections ->
        [one] { $sections } section
       *[other] { $sections } sections
    }.
work-plan-annual-report = Annual report for printing
work-plan-caption = Plan for { $year }
work-plan-edit = Change
work-plan-withdraw = Withdraw
work-plan-withdrawn-note = Withdrawn: { $reason }

## Plan: a measure's form as typed and checked
work-plan-month-invalid = “{ $text }” is not a month. Example: 2017-12.
work-plan-required = Fill in “{ $field }”.
work-plan-field-indicator = Indicator
work-plan-months-reversed = The last month is before the first.
work-plan-responsible-missing = Name at least one responsible official.
work-plan-no-changes = There are no changes to save.

## Plan: changing, withdrawing and adding measures, starting a plan
work-plan-reloaded = The measure has been reloaded with the latest changes; what you typed in the form is kept.
work-plan-measure-gone = The measure is no longer in the plan.
work-plan-form-deadline-from = Deadline (month)
work-plan-form-deadline-to = Until month (for a deadline that is a period; otherwise leave empty)
work-plan-form-responsible = Responsible (one position per line)
work-plan-measure-changed = Measure { $key } has been changed.
work-plan-edit-heading = Change measure { $key }
work-plan-edit-submit = Save the changes
work-plan-withdraw-reason-missing = Give the reason for the withdrawal.
work-plan-measure-withdrawn = Measure { $key } has been withdrawn.
work-plan-withdraw-heading = Withdraw measure { $key }
work-plan-withdraw-hint = The measure stays in the plan's history, marked as withdrawn.
work-plan-withdraw-reason = Reason
work-plan-withdraw-submit = Withdraw the measure
work-plan-measure-added = Measure “{ $section } { $number }” has been added.
work-plan-add-heading = New measure in the { $year } plan
work-plan-add-number = No. (as it will be printed, e.g. “4.”)
work-plan-add-submit = Add the measure
work-plan-year-invalid = Enter a year, e.g. { $example }.
work-plan-year-after = The year must be later than { $year }.
work-plan-year-from = The year must be { $year } or later.
work-plan-start-heading = Next year's plan
work-plan-start-hint = The new plan starts as a copy of the measures in force in the { $year } plan, with their deadlines moved forward by the same number of years.
work-plan-start-year = Year
work-plan-start-submit = Start the plan
work-plan-template-missing = Choose the province whose plan is to serve as the template.
work-plan-first-heading = The province's first plan
work-plan-first-hint = Your province's plan starts as a copy of the measures in force in the chosen province's { $year } plan, with their deadlines moved forward by the same number of years. You then change it as your own.
work-plan-template = Template plan ({ $year })
work-plan-first-year = Year of the plan

## Contacts
work-contacts-title = Experts' contacts
work-contacts-heading = Contacts of the anti-corruption experts
work-contacts-lead = The people in your institution whom citizens and other institutions contact on matters of countering corruption (measure II.3). The list is public: it is shown on the page
work-contacts-council-link = “Council”
work-contacts-lead-official = Give only official phone numbers and addresses.
work-contacts-missing = Your institution is missing from the list of contacts.
work-contacts-row-incomplete = Row { $row }: fill in the name, position, phone and email.
work-contacts-row-email = Row { $row }: “{ $email }” is not an email address.
work-contacts-too-many = The list can hold up to { $count ->
        [one] { $count } person
       *[other] { $count } people
    }.
work-contacts-saved = The list has been saved ({ $count ->
        [one] { $count } person
       *[other] { $count } people
    }).
work-contacts-updated = Last changed:
work-contacts-never = The list has not been filled in yet.
work-contacts-name = Full name
work-contacts-position = Position
work-contacts-phone = Phone
work-contacts-email = Email
work-contacts-remove = Remove
work-contacts-add = Add a person
work-contacts-save = Save the list

## Regional view
work-region-title = Regional view
work-region-lead = All institutions side by side: the level of completion of each measure, overdue measures, activities, and which institutions have not reported anything yet.
work-region-reported = Reported on at least one measure
work-region-reported-of = { $reported } of { $total }
work-region-overdue = Overdue measures (total)
work-region-activities = Activities in { $year }
work-region-assessed-on = Overdue status assessed as of
work-region-date = { $date }
work-region-annual-report = Annual report for printing
work-region-risks-link = Corruption risks by institution
work-region-tenants-heading = By institution: level, overdue measures and activities
work-region-sections-heading = By section of the plan
work-region-sections-caption = Progress by section, all institutions, { $year }
