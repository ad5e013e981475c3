# English: the domain's refusals: why a command is refused (server/src/domain).
# Every id starts with "rules-"; shared/src/i18n.rs says how the catalogue works.


## The fields people fill in, as the refusals name them: `{ rules-field }` in a message, with
## `field` set to the field's key (`Field::key` in server/src/domain/fields.rs).
rules-field = { $field ->
    [unit] Unit
    [activity] Activity
    [name] Name
    [contact] Contact details
    [what-happened] What happened
    [where] Where
    [when] When
    [concerned] Person concerned
    [uin] UIN
    [message] Message
    [forwarded-to] Forwarded to
    [outgoing-number] Outgoing reference number
    [action] Action
    [feedback] Feedback
    [reasons] Reasons
    [basis] Basis
    [date] Date
    [title] Title
    [agenda] Agenda
    [topic] Topic
    [media-channel] Media outlet or channel
    [summary] Content
    [period-end] End of the period
    [checking-body] Inspecting body
    [action-date] Date of the action
    [act-number] Number of the act
    [grounds] Grounds
    [council-revote] New vote
    [court-case] Court case
    [court-outcome] Outcome of the case
    [published-on] Date of publication
    [correction-reason] Reason for the correction
    [email] Email
    [position] Position
    [phone] Phone
    [file-name] File name
    [process-or-unit] Process or unit
    [risk-description] Description of the risk
    [causes] Causes
    [review-due] Review due
    [inherent-risk] Inherent risk
    [residual-risk] Residual risk
    [controls] Existing controls
    [acceptance-reason] Justification for accepting the risk
    [planned-measures] Planned measures
    [measures-due] Deadline for the measures
    [review-date] Date of the review
    [findings] Findings
    [next-review] Next review
    [close-reason] Reason for closing
    [link] Link
    [document] Document
    [as-of] As of
    [answer-option] Answer option
    [question] Question
    [number] No.
    [measure] Measure
    [indicator] Indicator
    [result] Result
    [reason] Reason
    [responsible] Responsible
   *[other] { $field }
}

## Texts people type, in every form.
rules-field-empty = Fill in the field “{ rules-field }”.
rules-field-too-long = The field “{ rules-field }” takes up to { $max ->
    [one] { $max } character
   *[other] { $max } characters
}.
rules-field-date-in-future = “{ rules-field }” ({ $date }) is in the future.
rules-files-at-once = Attach from 1 to { $max ->
    [one] { $max } file
   *[other] { $max } files
} at a time.

## The plan and its measures.
rules-no-plan-for-year = There is no plan for { $year }.
rules-plan-exists = The plan for { $year } has already been adopted.
rules-plan-not-later = The new plan must be for a year after { $year }.
rules-no-such-measure = There is no measure “{ $key }” in the plan.
rules-no-such-section = There is no section “{ $section }” in the plan.
rules-measure-withdrawn = Measure “{ $key }” has been withdrawn and can no longer be changed.
rules-measure-changed = Measure “{ $key }” has been changed in the meantime (it is now at version { $actual }, and you read version { $expected }). Reload it.
rules-measure-unchanged = Nothing differs from the measure's current text.
rules-plan-field-required = The field “{ rules-field }” is required (up to { $max ->
    [one] { $max } character
   *[other] { $max } characters
}).
rules-deadline-outside-year = The deadline must fall within { $year }.
rules-measure-not-in-plan = Measure “{ $key }” is not in the year's plan (or has been withdrawn).
rules-measure-not-in-plan-of-year = Measure “{ $key }” is not in the plan for { $year }.

## Activities, contested acts and the expert contacts.
rules-contested-acts-regional = Contested acts are recorded by the Regional Administration.
rules-correction-same-kind = A correction must be of the same kind of activity.
rules-follow-up-contested-only = Follow-up actions are recorded for contested acts only.
rules-no-such-record = No such record.
rules-record-exists = The record has already been entered.
rules-record-changed = The record has been changed in the meantime. Reload it and make the correction again.
rules-meeting-texts-too-long = The decisions take up to 20,000 characters, the minutes up to 50,000.
rules-participants-count = Enter the number of participants.
rules-organisations-at-most = List at most 200 organisations.
rules-period-start-after-end = The start of the period is after its end.
rules-declaration-counts = The irregularities found and the referrals to competent authorities cannot outnumber the declarations checked.
rules-no-such-municipality = There is no municipality “{ $municipality }”.
rules-act-dates-order = The dates must follow the order: act, receipt, action.
rules-act-return-limit = An act may be returned for reconsideration within 7 days of its receipt (Art. 45(4) of the Local Self-Government and Local Administration Act); after that, only a challenge in court remains.
rules-act-court-limit = The Regional Governor may challenge the act before the administrative court within { $limit ->
    [one] { $limit } day
   *[other] { $limit } days
} of receiving it (Art. 32(2) of the Administration Act); here { $days ->
    [one] { $days } day has
   *[other] { $days } days have
} passed. If the act was adopted again after being returned, the time limit runs from the receipt of the new act: describe it under “New vote”.
rules-follow-up-empty = Fill in at least one field.
rules-contacts-at-most = The list holds up to 50 people.
rules-not-an-email = “{ $email }” is not an email address.

## Progress reports.
rules-evidence-at-most = List at most 20 pieces of evidence.
rules-not-a-web-address = “{ $url }” is not a web address (one starts with https:// or http://).
rules-report-before-year = A report on the plan for { $year } cannot be as of a date before the start of the year.
rules-note-too-long = The note takes up to 4,000 characters.
rules-progress-changed = Another report on measure “{ $key }” has been submitted in the meantime. Review it and try again.

## The corruption-risk register.
rules-no-such-risk = There is no such risk in the register.
rules-risk-closed = The risk is closed and can no longer be changed.
rules-risk-exists = The risk has already been entered.
rules-risk-changed = The risk has been changed in the meantime. Reload it and make the change again.
rules-rating-scale = { rules-field }: likelihood and impact range from 1 to 5.
rules-date-within-reach = “{ rules-field }” must fall between the start of { $from } and the end of { $to }.
rules-register-year = The register is for a year from 2000 to { $last }.
rules-owner-not-staff = “{ $owner }” is not a member of the institution's staff: choose the risk owner from the list.
rules-residual-above-inherent = The residual risk (after the existing controls) cannot be higher than the inherent risk.
rules-assess-before-response = Assess the risk first: the response depends on the assessment.
rules-assess-before-review = Assess the risk first: a review revisits the assessment.
rules-next-review-after = The next review must come after the date of this one.

## The staff survey: questionnaires, openings, codes and answers.
rules-survey-not-opened = The institution has not opened a survey for this year.
rules-survey-code-invalid = The code is not valid: check it and try again.
rules-question-key-form = The key of question “{ $key }” consists of lowercase Latin letters, digits and _ (up to 20 characters).
rules-question-key-twice = A question with the key “{ $key }” is given twice.
rules-question-options = Question “{ $key }” has from 2 to { $max ->
    [one] { $max } answer option
   *[other] { $max } different answer options
}.
rules-questionnaire-size = The survey has from 1 to { $max ->
    [one] { $max } question
   *[other] { $max } questions
}.
rules-questionnaire-threshold = Results are shown from at least { $min ->
    [one] { $min } answer
   *[other] { $min } answers
}: the threshold may be raised (up to 1,000), not lowered.
rules-intro-too-long = The introduction takes up to 2,000 characters.
rules-questionnaire-unchanged = Nothing has changed since version { $version } of the survey.
rules-questionnaire-changed = Another version of the survey for { $year } has been published in the meantime. Reload it and try again.
rules-survey-already-open = The survey for { $year } is already open.
rules-survey-not-published = The Regional Administration has not yet published a survey for { $year }.
rules-survey-closing-date = The deadline for answers must fall between today and the end of { $year }.
rules-survey-open-first = Open the survey first.
rules-survey-ended-codes = The survey has ended: no new codes are issued.
rules-codes-per-issue = From 1 to { $max ->
    [one] { $max } code
   *[other] { $max } codes
} are issued at a time.
rules-codes-per-year = At most { $max ->
    [one] { $max } code is
   *[other] { $max } codes are
} issued for one year.
rules-no-such-question = There is no question “{ $key }”.
rules-question-answered-twice = Question “{ $key }” is answered twice.
rules-answer-free-text = The answer to “{ $question }” is free text of up to { $max ->
    [one] { $max } character
   *[other] { $max } characters
}.
rules-answer-choose-one = Choose one of the answers to “{ $question }”.
rules-answer-at-least-one = Answer at least one question.
rules-survey-code-used = This code has already been used: each code is for one answer.
rules-survey-ended-answers = The survey has ended: answers are no longer accepted.

## Registering institutions.
rules-tenant-registered = The institution “{ $slug }” is already registered.
rules-tenant-code-taken = An institution with the code “{ $code }” is already registered.
rules-administration-registered = The Regional Administration of province { $province } is already registered.
rules-unknown-municipality = The NSI list has no municipality with the code “{ $code }”.
rules-unknown-province = The NSI list has no province with the code “{ $code }”.
rules-tenant-name-bg-blank = Fill in the name in Bulgarian (up to 200 characters).
rules-tenant-name-en-blank = Fill in the name in English (up to 200 characters).
rules-tenant-code-blank = Fill in the official code (up to 200 characters).
rules-slug-reserved = The short name “{ $slug }” is reserved for a municipality or a regional administration; choose another.

## Accounts (a role is named by the catalogue's labels-role-…).
rules-username-taken = The username “{ $username }” is taken.
rules-no-such-account = No such account.
rules-display-name = Enter a name (up to 120 characters).
rules-role-does-not-fit = The role “{ $role ->
    [officer] { labels-role-officer }
    [tenant-admin] { labels-role-tenant-admin }
    [regional] { labels-role-regional }
    [regional-admin] { labels-role-regional-admin }
    [auditor] { labels-role-auditor }
    [national] { labels-role-national }
    [national-admin] { labels-role-national-admin }
   *[other] { $role }
}” is not for accounts of this kind of institution.
rules-same-role = The account already has this role.
rules-disable-reason = Give a reason for the deactivation (up to 500 characters).
rules-already-disabled = The account is already deactivated.
rules-not-disabled = The account is active.

## The signals register: intake, the case's steps, the tenant's lists and channel.
rules-signal-changed = The signal has been changed in the meantime by another officer. Review the changes and try again.
rules-signal-closed = The signal is closed; no further actions are recorded on it.
rules-signal-destroyed = The retention period has expired and the signal's personal data have been destroyed.
rules-no-such-signal = There is no such signal in the institution's register.
rules-date-in-future = The date { $date } is in the future.
rules-date-before-receipt = The date { $date } is before the signal was received ({ $earliest }).
rules-date-before-acknowledgment = The date { $date } is before the receipt was acknowledged ({ $earliest }).
rules-choice-no-list = The institution has not set a list for the field “{ rules-field }”: leave it empty and give the details in the signal's description.
rules-choice-from-list = Choose the field “{ rules-field }” from the institution's list. If nothing in it fits, leave the field empty and give the details in the signal's description.
rules-list-entry-repeated = “{ $entry }” appears more than once in the list “{ rules-field }”.
rules-list-too-long = The list “{ rules-field }” holds up to { $max ->
    [one] { $max } entry
   *[other] { $max } entries
}.
rules-receipt-date-in-future = The date of receipt { $date } is in the future.
rules-oral-signal-confirmation = An oral signal is entered once the reporter has confirmed the record (by signing it).
rules-file-empty = The file “{ $name }” is empty.
rules-file-too-large = The file “{ $name }” is larger than { $megabytes } MB.
rules-file-type = The file “{ $name }” is not a PDF, JPEG, PNG or text file. Only these types are accepted.
rules-signal-filed = The signal has already been entered in the register.
rules-already-acknowledged = Receipt was already acknowledged on { $date }.
rules-not-an-officer = “{ $username }” is not an officer of the institution with access to the register.
rules-already-assigned = The signal is already assigned to “{ $username }”.
rules-already-classified = The signal is already classified this way.
rules-acknowledge-first = First acknowledge receipt of the signal.
rules-reporter-without-code = The reporter has no tracking code: contact them in the way they indicated.
rules-not-forwarded = The signal has not been forwarded: first record its forwarding to the competent authority.
rules-link-to-itself = A signal cannot be linked to itself.
rules-already-linked = The signals are already linked.
rules-classify-before-risks = The signal has not been classified: classify it before linking it to risks.
rules-risk-not-open = One of the risks given is not an open risk of the institution's register.
rules-risks-at-most = Link the signal to at most { $max ->
    [one] { $max } risk
   *[other] { $max } risks
}.
rules-risks-already-linked = The signal is already linked to these risks.
rules-population-or-staff = Enter the number of inhabitants or of staff.
