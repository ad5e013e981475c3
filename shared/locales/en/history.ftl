# English: a record's history and the descriptions of events, as the audit pages show them.
# Every id starts with "history-"; shared/src/i18n.rs says how the catalogue works.

## Quoting ($text: a title or a file's name)
history-quoted = “{ $text }”

## Refusals of a comparison or a history
history-choose-institution = Choose an institution.
history-moments-reversed = The first moment is after the second.
history-too-many-events = There are more than { $max ->
        [one] { $max } event
       *[other] { $max } events
    } between the two moments: choose a shorter period.
history-journal-not-a-record = This is a log of events (logins, keys), not a record: see the audit trail.
history-no-such-record = There is no such record, or you have no access to it.

## Records' names ($reference, $code, $key, $year: texts)
history-record-signal = Signal { $reference }
history-record-signal-unknown = Signal
history-record-risk = Risk { $code }
history-record-risk-unknown = Risk
history-record-activity-unknown = Activity
history-plan-measure = Measure { $key } ({ $year })
history-meeting-name = { $kind } “{ $title }”
history-training-name = Training session “{ $topic }”
history-media-appearance-name = Media appearance in { $channel } on { $date }
history-media-campaign-name = Information campaign in { $channel } on { $date }
history-declarations-check-name = Declaration check for { $from } – { $to }
history-act-council-decision = municipal council decision no. { $number } of { $date }
history-act-mayor-order = mayor's order no. { $number } of { $date }
history-contested-decision-name = Contested { $act }
history-contested-order-name = Contested { $act }

## Events that cannot be described ($event_type: the stored type's name)
history-event-unknown = Event { $event_type }
history-event-unreadable = Event { $event_type } (cannot be read)

## Events: institutions and accounts
history-tenant-registered = Institution { $name } registered ({ $kind }, code { $code })
history-account-created = Account { $username } created – { $name } ({ $role })
history-role-granted = Account { $username }: role { $previous } → { $role }
history-account-disabled = Account { $username } deactivated: { $reason }
history-account-enabled = Account { $username } reactivated
history-password-changed = { $username } changed their password
history-password-reset = An administrator set a new password for account { $username }
history-notifications-chosen = { $username } chose e-mail notifications to { $email }: { $delivery }
history-notifications-stopped = { $username } turned off e-mail notifications
history-digest-sent = Daily e-mail sent to { $username } ({ $items ->
        [one] { $items } item
       *[other] { $items } items
    })
history-new-signals-mail-sent = New-signal e-mail sent to { $username } ({ $items ->
        [one] { $items } item
       *[other] { $items } items
    })
history-logged-in = Login by { $username }
history-logged-out = Logout by { $username }
history-login-failed = Failed login ({ $who }): { $reason }
history-login-failed-blocked = Failed login ({ $who }): { $reason }; logins blocked until { $until }
history-login-unknown-username = unknown username
history-login-failure-unknown-account = no such account
history-login-failure-wrong-password = wrong password
history-login-failure-account-disabled = the account is deactivated

## Events: the plan and its progress ($year, $base, $key, $measure: texts)
history-plan-adopted = Plan for { $year } adopted: “{ $title }”
history-plan-adopted-based-on = Plan for { $year } adopted: “{ $title }” (based on the plan for { $base })
history-measure-added = Measure { $key } added to the plan for { $year }
history-measure-updated = Measure { $key } ({ $year }) changed
history-measure-updated-fields = Measure { $key } ({ $year }) changed: { $fields }
history-measure-withdrawn = Measure { $key } ({ $year }) withdrawn: { $reason }
history-progress-reported = { $tenant } reported on measure { $measure } ({ $year }): { $level }
history-progress-reported-changed = { $tenant } reported on measure { $measure } ({ $year }): { $before } → { $level }
history-progress-reported-unchanged = { $tenant } reported on measure { $measure } ({ $year }): { $level } (level unchanged)

## Events: activities
history-meeting-recorded = { $tenant } recorded a meeting: { $kind } “{ $title }” on { $date } ({ $participants ->
        [one] { $participants } participant
       *[other] { $participants } participants
    })
history-training-recorded = { $tenant } recorded a training session “{ $topic }” on { $date } ({ $participants ->
        [one] { $participants } participant
       *[other] { $participants } participants
    })
history-media-appearance-recorded = { $tenant } recorded a media appearance in { $channel } on { $date }
history-media-campaign-recorded = { $tenant } recorded an information campaign in { $channel } on { $date }
history-declarations-checked = { $tenant } recorded a check of { $declarations ->
        [one] { $declarations } declaration
       *[other] { $declarations } declarations
    } for { $from } – { $to }: { $irregularities ->
        [one] { $irregularities } irregularity
       *[other] { $irregularities } irregularities
    }
history-act-returned = { $tenant } returned the { $act } for reconsideration ({ $municipality })
history-act-contested-in-court = { $tenant } contested the { $act } in court ({ $municipality })
history-activity-corrected = Record { $record } corrected: { $reason }
history-act-followed-up = Follow-up on { $record }: { $details }
history-follow-up-revote = new council decision: { $decision }
history-follow-up-court-case = case no. { $case }
history-follow-up-court-outcome = outcome: { $outcome }
history-follow-up-published = published on { $date }
history-contacts-updated = { $tenant } updated the experts' contacts ({ $count ->
        [one] { $count } contact
       *[other] { $count } contacts
    })
history-files-attached = Files attached to { $record }: { $files }

## Events: the risk register
history-rating = likelihood { $likelihood } × impact { $impact } = { $score } ({ $band })
history-risk-identified = { $tenant } entered a risk in the register for { $year } ({ $area }): { $description }
history-risk-assessed = { $record } assessed: inherent risk { $inherent }, residual { $residual }
history-risk-treatment-planned = { $record }: response “{ $response }”, { $actions }
history-risk-reviewed = { $record } reviewed as of { $date }: { $rating }; next review by { $next }
history-risk-closed = { $record } closed: { $reason }

## Events: the staff survey ($year, $version: texts)
history-questionnaire-published = { $tenant } published the staff survey for { $year }, version { $version } ({ $questions ->
        [one] { $questions } question
       *[other] { $questions } questions
    })
history-survey-opened = { $tenant } opened the staff survey for { $year } (version { $version }) until { $date }
history-survey-codes-issued = { $tenant } issued { $count ->
        [one] { $count } access code
       *[other] { $count } access codes
    } for the survey
history-survey-answered = Anonymous answer to the survey of { $tenant }

## Events: signals
history-signal-filed = Signal { $reference } received ({ $channel }, { $category }) on { $date }
history-signal-filed-anonymous = Anonymous signal { $reference } received ({ $channel }, { $category }) on { $date }
history-signal-acknowledged = { $record }: receipt acknowledged on { $date }
history-signal-assigned = { $record }: assigned to { $to }
history-signal-classified = { $record }: classified – { $regime }; { $category }
history-signal-forwarded = { $record }: forwarded to { $to } under outgoing no. { $number } of { $date }
history-signal-followed-up = { $record }: follow-up action on { $date }
history-signal-feedback-given = { $record }: feedback given on { $date }
history-signal-message-sent = { $record }: message to the reporter
history-signal-reporter-replied = { $record }: message from the reporter
history-signal-closed = { $record }: closed on { $date } – { $outcome }
history-signal-linked = { $record }: linked to another signal
history-signal-risks-linked = { $record }: linked to { $count ->
        [one] { $count } risk
       *[other] { $count } risks
    } in the risk register
history-signal-identity-viewed = { $record }: viewed { $fields }
history-sealed-reporter = the reporter's details
history-sealed-concerned = the persons concerned
history-sealed-account = the statement of facts
history-signal-key-destroyed = { $record }: the personal data were destroyed (the retention period ended on { $date })
history-internal-channel-obliged = { $tenant } recorded a decision on the internal reporting channel: obliged to maintain a channel
history-internal-channel-not-obliged = { $tenant } recorded a decision on the internal reporting channel: not obliged to maintain a channel
history-intake-lists-set = { $tenant } updated the lists for signals: { $units ->
        [one] { $units } unit
       *[other] { $units } units
    }, { $activities ->
        [one] { $activities } activity
       *[other] { $activities } activities
    }

## Events: keys
history-vault-key-rotated = Vault master key replaced ({ $count ->
        [one] { $count } signal key
       *[other] { $count } signal keys
    } re-encrypted)
history-log-key-replaced = Signing key of the log { $origin } replaced
history-log-key-adopted = Signing key of the log { $origin } adopted

## A record's fields, as its history and a comparison list them
history-field-level = Level of implementation
history-field-note = Note
history-field-evidence = Evidence
history-field-reported-for = Reported as of
history-field-year = Year
history-field-area = Area of activity
history-field-unit = Process or unit
history-field-description = Description
history-field-causes = Causes
history-field-owner = Owner
history-field-inherent-risk = Inherent risk
history-field-existing-controls = Existing controls
history-field-residual-risk = Residual risk
history-field-response = Response
history-field-planned-actions = Planned actions
history-field-plan-measures = Measures of the plan
history-field-actions-due = Actions due by
history-field-review-due = Review due by
history-field-reviews = Reviews
history-field-status = Status
history-field-closing-reason = Reason for closing
history-field-name = Name
history-field-kind = Type
history-field-code = Code
history-field-province = Province
history-field-ekatte = EKATTE code
history-field-population-2011 = Population (2011)
history-field-contacts = Contacts
history-field-obliged = Obliged to maintain a channel
history-field-population = Population
history-field-staff = Staff
history-field-units = Units
history-field-activities = Activities
history-field-display-name = Name
history-field-role = Role
history-field-password-changed = Last password change
history-field-date = Date
history-field-title = Title
history-field-participants = Participants
history-field-organisations = Organisations
history-field-agenda = Agenda
history-field-decisions = Decisions
history-field-protocol = Minutes
history-field-open-to-public = Open to the public
history-field-measures = Measures
history-field-topic = Topic
history-field-media-channel = Media outlet or channel
history-field-content = Content
history-field-period-from = Period from
history-field-period-to = Period to
history-field-checking-body = Inspecting body
history-field-declarations-checked = Declarations checked
history-field-irregularities = Irregularities
history-field-referrals = Referrals to competent authorities
history-field-act = Act
history-field-number = Number
history-field-act-date = Date of the act
history-field-municipality = Municipality
history-field-received-on = Received on
history-field-action = Action
history-field-action-on = Action taken on
history-field-grounds = Grounds
history-field-council-revote = New council decision
history-field-court-case = Court case
history-field-court-outcome = Outcome of the case
history-field-published-on = Published on
history-field-channel = Channel
history-field-category = Category
history-field-regime = Regime
history-field-acknowledged-on = Acknowledged on
history-field-uin = UIN
history-field-assigned-to = Assigned to
history-field-forwarded = Forwarded
history-field-feedback-on = Feedback given on
history-field-closed = Closed
history-field-linked-signals = Linked signals
history-field-personal-data = Personal data
history-field-based-on = Based on the plan for
history-field-sections = Sections
history-field-text = Text
history-field-deadline = Deadline
history-field-responsible = Responsible bodies
history-field-indicator = Indicator
history-field-expected-result = Expected result
history-field-withdrawn = Withdrawn

## A field's values
history-rating-short = { $likelihood }×{ $impact } = { $score } ({ $band })
history-yes = yes
history-no = no
history-account-state-active = active
history-account-state-disabled = deactivated
history-act-action-returned = Returned for reconsideration
history-act-action-contested-in-court = Contested in court
history-forwarded-value = { $to }, outgoing no. { $number }, { $date }
history-personal-data-destroyed = destroyed
