# English: what citizens use: filing a signal, tracking it with the receipt code, the public signal statistics, answering the staff survey.
# Every id starts with "citizen-"; shared/src/i18n.rs says how the catalogue works.

## Shared by the citizen's pages
citizen-choose = Choose…
citizen-year = { $year }
citizen-date = { $date }
citizen-how-to-report = How to report corruption
citizen-how-to-report-quoted = “How to report corruption”
citizen-reference = Report number
citizen-receipt-code = Receipt code

## Filing a report
citizen-report-title = Report corruption
citizen-report-heading = Report corruption
citizen-report-wait-for-files = Please wait until your files have been read.
citizen-report-no-institution = Choose the institution your report is for.
citizen-report-reload = Try again
citizen-report-institution = Which institution is your report for?
citizen-report-submit = Send the report
citizen-report-already-filed = Already filed a report?
citizen-report-track-link = Track it with your report number and receipt code
citizen-report-anonymous = You can report anonymously.
citizen-report-anonymous-how = If you do, leave out your name and contact details. Once you send your report, you get a report number and a receipt code: with them you can follow your report and read the institution's replies without revealing who you are.
citizen-report-who-sees = If you give your name, it is stored encrypted, together with your contact details, the person concerned, the description and the attachments. Only the designated staff of the institution you report to can see them, and every time your identity is viewed, this is recorded. The Regional Administration and the public see only aggregate statistics.
citizen-report-deadlines = Reports under the Whistleblower Protection Act (the Act on the Protection of Persons Who Report or Publicly Disclose Information on Breaches) are acknowledged within 7 days, and feedback is given within 3 months of the acknowledgement. Anonymous reports are registered, but the law may not require them to be investigated. More about the ways to report and your safeguards:

## The receipt of a filed report
citizen-receipt-copy-text =
    Report no. { $reference }
    Receipt code: { $code }
citizen-receipt-heading = Your report has been sent
citizen-receipt-write-down = Write down the report number and the receipt code now.
citizen-receipt-shown-once = The code is shown only this once. The institution does not know it and cannot recover it: without it you will not be able to follow your report or read the replies.
citizen-receipt-copy = Copy the number and code
citizen-receipt-copy-failed = Copying did not work; please write down the number and the code.
citizen-receipt-acknowledgment-due = Receipt of your report must be acknowledged by { $date }.
citizen-receipt-track = Track your report

## Attachments to a report
citizen-attachments-too-many = { $count ->
    [one] You can attach only { $count } file.
   *[other] You can attach up to { $count } files.
}
citizen-attachments-wrong-type = “{ $name }”: only PDF, JPEG, PNG and text files are accepted.
citizen-attachments-unreadable = “{ $name }” could not be read.
citizen-attachments-remove = Remove
citizen-attachments-legend = Attachments (optional)
citizen-attachments-choose = Choose files…
citizen-attachments-help = { $count ->
    [one] One file (PDF, JPEG, PNG or text), up to { $size } MB. Files are stored encrypted.
   *[other] Up to { $count } files (PDF, JPEG, PNG or text), each up to { $size } MB. Files are stored encrypted.
}
citizen-attachments-reading = Reading the files…

## Tracking a report
citizen-track-title = Track your report
citizen-track-kind-acknowledgment = Acknowledgement of receipt
citizen-track-kind-officer = Message from the institution
citizen-track-kind-feedback = Feedback
citizen-track-kind-reporter = Your message
citizen-track-missing = Enter the report number and the receipt code.
citizen-track-not-found = No report matches this number and code. Please check them and try again.
citizen-track-close = Close the report on this screen
citizen-track-lead = Enter the report number and the receipt code you were given when you filed your report. You can then see how far the inquiry has got and read what the institution has written to you, without revealing who you are.
citizen-track-submit = Show my report
citizen-track-no-code = No code? The code is shown only when you file a report and cannot be recovered.
citizen-track-file-new = File a new report
citizen-track-contact = or contact the institution in one of the ways listed on the page
citizen-track-reply-missing = Please write your message.
citizen-track-reply-sent = Your message has been sent.
citizen-track-closed = Closed
citizen-track-closed-on = { $date } — { $outcome }
citizen-track-number = Number
citizen-track-institution = Institution
citizen-track-received = Received
citizen-track-status = Status
citizen-track-acknowledged = Receipt acknowledged
citizen-track-not-yet = Not yet
citizen-track-no-messages = No messages yet.
citizen-track-text-destroyed = The text was deleted when its retention period ended.
citizen-track-case-heading = Your report
citizen-track-messages = Messages
citizen-track-case-closed = This report is closed; you can no longer add messages.
citizen-track-reply = Your reply or further information
citizen-track-reply-submit = Send
citizen-track-feedback = Feedback
citizen-track-feedback-given = given on { $at }
citizen-track-feedback-due = Feedback due by

## Signal statistics
citizen-statistics-title = Signal statistics
citizen-statistics-heading = Statistics on corruption signals
citizen-statistics-lead = Signals received by the institutions in Antikor, as counts only. The register of signals is not public: a count below 3 is shown as “< 3” so that no single case can be recognised, and “hidden” stands where a number, together with the total, would give such a small count away. Units and activities come only from the institutions' own lists; everything else is “Other / not specified”.
citizen-statistics-year = Year received
citizen-statistics-all-years = All years
citizen-statistics-period-all = all years
citizen-statistics-total = Signals, { $period }
citizen-statistics-compliance = { $done } of { $due }
citizen-statistics-compliance-share = { $done } of { $due } ({ $rate }%)
citizen-statistics-obliged-yes = yes
citizen-statistics-obliged-no = no
citizen-statistics-obliged-unknown = not recorded
citizen-statistics-by-category = By type
citizen-statistics-category = Type
citizen-statistics-by-status = By status
citizen-statistics-status = Status
citizen-statistics-by-regime = By legal regime
citizen-statistics-regime = Legal regime
citizen-statistics-by-channel = By channel
citizen-statistics-channel = Channel
citizen-statistics-by-unit = By unit
citizen-statistics-unit = Unit
citizen-statistics-by-activity = By activity
citizen-statistics-activity = Activity
citizen-statistics-by-quarter = By quarter of receipt
citizen-statistics-quarter = Quarter
citizen-statistics-count = Count
citizen-statistics-no-data = No data.
citizen-statistics-institution = Institution
citizen-statistics-received = Received
citizen-statistics-acknowledged-in-time = Acknowledged in time
citizen-statistics-acknowledgments-due = Acknowledgements due
citizen-statistics-acknowledged-in-time-share = Acknowledged in time, %
citizen-statistics-feedback-in-time = Feedback in time
citizen-statistics-feedback-due = Feedback due
citizen-statistics-feedback-in-time-share = Feedback in time, %
citizen-statistics-obliged = Required to run an internal channel
citizen-statistics-deadlines = Deadlines: acknowledgement within 7 days of receipt, feedback within 3 months of the acknowledgement. The share is shown once at least 3 were due.
citizen-statistics-by-institution = By institution
citizen-statistics-internal-channel = Internal channel

## Signal statistics: the internal channel and the intake lists
citizen-channels-heading = Internal reporting channel
citizen-channels-threshold = Institutions with fewer than 10,000 inhabitants or fewer than 50 employees are not required to run an internal reporting channel. Population figures are from the 2011 census.
citizen-channels-lists-saved = The lists have been saved.
citizen-channels-lists-heading = Units and activities for signals
citizen-channels-lists-lead = People who file a report choose a unit and an activity only from these lists, and the statistics show only these. Write one per line. Do not write people's names here.
citizen-channels-units = Units
citizen-channels-activities = Activities
citizen-channels-lists-save = Save the lists
citizen-channels-inhabitants = { $count ->
    [one] { $count } inhabitant
   *[other] { $count } inhabitants
}
citizen-channels-employees = { $count ->
    [one] { $count } employee
   *[other] { $count } employees
}
citizen-channels-institution = Institution
citizen-channels-population = Population (2011)
citizen-channels-obliged = Required
citizen-channels-assessed-by = Assessed by
citizen-channels-basis = Basis
citizen-channels-caption = Obligation to run an internal channel
citizen-channels-not-whole-number = “{ $text }” is not a whole number.
citizen-channels-saved = Saved. { $institution }: required to run an internal channel — { $obliged }.
citizen-channels-form-title = Record for your institution
citizen-channels-inhabitants-field = Inhabitants
citizen-channels-employees-field = Employees
citizen-channels-basis-field = Basis (source of the figures)
citizen-channels-save = Save

## Answering the staff survey
citizen-survey-title = Staff survey
citizen-survey-heading = Anonymous staff survey
citizen-survey-thanks = Thank you!
citizen-survey-recorded = Your answers have been recorded anonymously. Your code has now been used and cannot be entered again.
citizen-survey-no-institution = Choose the institution you work for.
citizen-survey-no-code = Enter the code you were given.
citizen-survey-anonymous = The survey is anonymous.
citizen-survey-anonymous-how = Your code lets you answer once and is never linked to your answers: Antikor does not keep the codes and does not know who was given which code. You do not need to log in.
citizen-survey-optional = All questions are optional: you may leave any of them unanswered.
citizen-survey-institution = Institution
citizen-survey-year = Year
citizen-survey-code = Access code
citizen-survey-code-help = 16 characters, for example K7PM-Q2XD-9HTR-W4BN; the hyphens are optional.
citizen-survey-open = Open the survey
citizen-survey-no-answers = Please answer at least one question.
citizen-survey-closes = { $institution } · answers accepted until { $date }
citizen-survey-send = Send your answers
citizen-survey-scale-hint = 1 — not at all, 5 — completely.
citizen-survey-clear = Clear answer
