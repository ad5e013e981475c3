# English: the page shell: header, navigation, footer, session, shared components and forms.
# Every id starts with "shell-"; shared/src/i18n.rs says how the catalogue works.

## The header and footer.
shell-brand = Antikor
shell-subtitle = Preventing and countering corruption
shell-subtitle-country = Public councils for preventing and countering corruption
shell-subtitle-province = Regional Public Council for Preventing and Countering Corruption — { $province }
shell-skip-to-main = Skip to main content
shell-footer = Antikor { $version } · { $served } Every change is recorded in an unalterable, hash-chained audit trail.
shell-language-switch = Change the language: Bulgarian
shell-login = Log in
shell-logout = Log out
shell-change-password = Change password

## The navigation.
shell-nav-label = Main navigation
shell-nav-menu = Menu
shell-nav-public = Public information
shell-nav-work = Work
shell-nav-admin = Oversight and administration
shell-nav-home = Home
shell-nav-plan = Plan
shell-nav-progress = Progress
shell-nav-meetings = Meetings
shell-nav-contested-acts = Contested acts
shell-nav-council = Council
shell-nav-report-corruption = Report corruption
shell-nav-signal-statistics = Signal statistics
shell-nav-tenants = Institutions
shell-nav-dashboard = Dashboard
shell-nav-activities = Activities
shell-nav-risks = Risks
shell-nav-signals = Signals
shell-nav-survey = Survey
shell-nav-region = Regional view
shell-nav-audit = Audit trail
shell-nav-accounts = Accounts

## Page title, loading and errors (components).
shell-document-title = { $page } — Antikor
shell-loading = Loading…
shell-unexpected-error = Unexpected error: { $error }
shell-retry = Try again
shell-copied = Copied.

## Forms: buttons, conflicts, dates and times.
shell-cancel = Cancel
shell-reload-page = Reload the page.
shell-date-format = dd.mm.yyyy
shell-time-format = hh:mm
shell-typed-as = Format: { $format }
# $what: what the field asks for, e.g. "the date received".
shell-date-error = Enter { $what } as { shell-date-format }, for example 15.12.2017.

## Tables: the CSV export.
shell-csv-download = Download CSV
shell-csv-not-saved = This browser could not create the file.
shell-csv-not-built = The file could not be put together: { $error }

## Evidence files: the upload picker.
shell-file-attach = Attach a file…
shell-file-upload-help = A PDF, an image or an office document, up to { $megabytes } MB; up to { $count ->
    [one] { $count } file
   *[other] { $count } files
} at a time.
shell-files-too-many = Choose up to { $count ->
    [one] { $count } file
   *[other] { $count } files
} at a time.
shell-file-uploading = Uploading the file…
shell-file-empty = “{ $name }” is empty.
shell-file-too-large = “{ $name }” is larger than { $megabytes } MB.
shell-file-not-uploaded = “{ $name }”: { $error }

## The browser's check that an event is in the signed log.
shell-proof-missing-key = The browser did not receive the log's verification key: { $reason }
shell-proof-missing-checkpoint = The browser did not receive a signed checkpoint: { $reason }
shell-proof-missing-proof = The browser did not receive the proof that the event is in the log: { $reason }
shell-proof-key = The verification key the server gave is not an Ed25519 log key.
shell-proof-checkpoint = The checkpoint failed the signature check: { $reason }
shell-proof-checkpoint-malformed = the text is not a signed checkpoint.
shell-proof-checkpoint-signature = it is not signed with the log's key { $name } ({ $fingerprint }).
shell-proof-checkpoint-origin = it belongs to the log “{ $found }”, not to “{ $expected }”.
shell-proof-older-checkpoint = The checkpoint covers { $size ->
    [one] { $size } event
   *[other] { $size } events
} and is older than event no. { $position }; try again in a moment.
shell-proof-leaf = The event shown cannot be encoded as a log entry.
shell-proof-wrong-proof = The server's proof is for event no. { $proof_position } in a log of size { $proof_size }, not for no. { $position } in a log of size { $size }.
shell-proof-malformed = The server's proof is not in a valid form.
shell-proof-leaf-mismatch = The event shown does not match the one recorded in the log: the entry's hash computed in the browser differs from the one in the proof.
shell-proof-not-included = The proof does not lead to the checkpoint's root: event no. { $position } is not proven to be in the log of size { $size }.
shell-proof-verified = Verified: the event is in the log of size { $size }, signed by { $origin } ({ $fingerprint }).

## The API client's errors.
shell-api-network = The server is not responding. Please try again.
shell-api-unexpected = The server sent an unexpected response (HTTP { $status }).
shell-api-request-not-built = The request could not be put together.
shell-api-session-ended = Your session has ended. Please log in again.

## Passwords.
shell-password-mismatch = The new password and its confirmation do not match.

## Completion levels: the charts and their legend.
shell-level-none = Not reported
shell-level-short-none = No report
shell-level-short-not-started = Not st.
shell-level-short-limited = Limited
shell-level-short-substantial = Subst.
shell-level-short-completed = Done
shell-legend-label = Colour key

## A view's choices: year, institution, province, and the moment shown.
shell-invalid-address-tenant = The address contains an invalid institution.
shell-invalid-address-year = The address contains an invalid year.
shell-invalid-address-as-of = The address contains an invalid date, moment or event number.
shell-invalid-address-province = The address contains an invalid province.
shell-no-plan-yet = No plan has been adopted yet.
# $year: a year, written without digit groups.
shell-year = { $year }
shell-year-label = Year
shell-all-years = All years
shell-tenant-label = Institution
shell-all-tenants = All institutions
shell-province-label = Province
shell-whole-country = Whole country
shell-province-placeholder = — province —
shell-province-choose = Choose a province.
shell-as-of-day-end = the end of { $date }
shell-as-of-instant = { $time }
shell-as-of-event = event no. { $position }
shell-as-of-date = As of date
shell-as-of-time = Time (Sofia time)
shell-as-of-event-label = or event no.
shell-as-of-show = Show
shell-as-of-today = Today
shell-as-of-help = The state at the end of the chosen day, at the chosen time (Sofia time), or just after an event of the log — rebuilt from the log.
shell-as-of-event-invalid = An event number is a whole positive number.
shell-as-of-time-without-date = Choose a date for the time as well.
shell-as-of-date-invalid = Enter a date as { shell-date-format }, for example 15.12.2017.
shell-as-of-date-future = Choose today or a past date.
shell-as-of-time-invalid = Enter a time as { shell-time-format }, for example 14:30.
shell-as-of-instant-future = Choose a moment in the past.
shell-as-of-banner-title = Viewing a past moment.
shell-as-of-banner-shown = Showing the state as of { $moment } (Sofia time)
shell-as-of-banner-position = , up to event no. { $position } of the log
shell-as-of-banner-later = . Later changes are not included.
shell-as-of-banner-now = Back to the current state

## Who made an event, and whom the site serves.
shell-actor-reporter = the reporter
shell-actor-system = Antikor (automatic)
shell-province-coverage = { $province } Province
shell-served-by-province = the Regional Administration of { $province } and the municipalities of the province
shell-served-by-country = the regional administrations and the municipalities

## Paged lists.
shell-paging-shown = Showing { $shown } of { $total }
shell-paging-more = Show more
shell-paging-not-readable = The list cannot be read with these filters.

## The session: expiry, pages that need a login, pages a role may not open.
shell-session-expired = Your session has expired. Please log in again.
shell-session-logged-out = You have logged out.
shell-login-required = This page is available after logging in.
shell-forbidden-title = No access
shell-forbidden-heading = You do not have access to this page
shell-forbidden-text = This page is not available to the role “{ $role }”. If you think you should have access, contact your institution's administrator.
shell-to-home = Go to the home page

## The page not found.
shell-not-found-title = Page not found
shell-not-found-text = The address you opened does not exist in Antikor. Check it, or continue from here:
shell-page-not-loaded-title = The page did not load
shell-page-not-loaded-text = The part of Antikor for this page did not arrive: the connection broke, or Antikor was updated meanwhile. Reload the page.
shell-reload = Reload the page

## The login page.
shell-login-missing = Enter your username and password.
shell-login-to-open-page = Log in to open the page you asked for.
shell-login-username = Username
shell-login-password = Password
shell-login-busy = Logging in…

## The password page.
shell-password-current-missing = Enter your current password.
shell-password-same = The new password must differ from the current one.
shell-password-changed = Your password has been changed. Your sessions on other devices have been ended.
shell-password-hint = Between { $min } and { $max ->
    [one] { $max } character
   *[other] { $max } characters
}. Choose a long phrase you do not use elsewhere; common passwords are refused.
shell-password-current = Current password
shell-password-new = New password
shell-password-confirm = New password again
shell-password-submit = Change password

## Reminders: the bell in the header and the page.
shell-reminders-title = Reminders
shell-reminders-bell-none = No reminders
shell-reminders-bell = { $count ->
    [one] { $count } reminder
   *[other] { $count } reminders
}
shell-reminders-bell-overdue = { $count ->
    [one] { $count } reminder, overdue
   *[other] { $count } reminders, { $overdue } of them overdue
}
shell-reminder-overdue = overdue, the deadline was { $date }
shell-reminder-due = by { $date }
shell-reminders-empty = Nothing is waiting for you to act.
shell-reminders-first = Showing the first { $shown } of { $total }.
shell-reminders-intro = Signals awaiting acknowledgement (from 2 days before the end of the 7-day period) or feedback (from 14 days before the end of the 3-month period), plan measures whose deadline is within 30 days or has passed, returned acts the council must discuss again, risks due for review (from 14 days before the review date) and the staff survey in its last 7 days.
shell-email-missing = Enter an e-mail address.
shell-email-invalid = “{ $email }” is not an e-mail address.
shell-email-saved = Your choice has been saved.
shell-email-heading = E-mail notifications
shell-email-intro = The e-mails only say how many things are waiting and lead here: never the content of a signal.
shell-email-not-configured = The server has no mail server to send with yet: your choice will apply once the administrator sets one up.
shell-email-address = Address
shell-email-how-often = How often
shell-email-submit = Save

## Event types, as the audit trail and the records name them.
shell-event-tenant-registered = Institution registered
shell-event-account-created = Account created
shell-event-role-granted = Role changed
shell-event-account-disabled = Account deactivated
shell-event-account-enabled = Account activated
shell-event-password-changed = Password changed
shell-event-login-succeeded = Successful login
shell-event-login-failed = Failed login
shell-event-logged-out = Logout
shell-event-notifications-chosen = Notifications chosen
shell-event-notification-sent = Notification sent
shell-event-plan-adopted = Plan adopted
shell-event-measure-added = Measure added
shell-event-measure-updated = Measure changed
shell-event-measure-withdrawn = Measure withdrawn
shell-event-progress-reported = Progress reported on a measure
shell-event-meeting-held = Session or meeting held
shell-event-training-held = Training held
shell-event-media-activity-carried-out = Media appearance or campaign
shell-event-declarations-checked = Declarations checked
shell-event-act-contested = Act contested
shell-event-contested-act-followed-up = Follow-up on a contested act
shell-event-activity-corrected = Activity record corrected
shell-event-expert-contacts-updated = Expert contacts updated
shell-event-risk-identified = Risk entered
shell-event-risk-assessed = Risk assessed
shell-event-risk-treatment-planned = Risk treatment planned
shell-event-risk-reviewed = Risk reviewed
shell-event-risk-closed = Risk closed
shell-event-risk-files-attached = Documents attached to a risk
shell-event-activity-files-attached = Documents attached to an activity
shell-event-questionnaire-published = Staff survey questionnaire published
shell-event-survey-opened = Staff survey opened
shell-event-survey-codes-issued = Survey codes issued
shell-event-survey-answered = Anonymous survey answer
shell-event-signal-filed = Signal received
shell-event-signal-acknowledged = Signal receipt acknowledged
shell-event-signal-assigned = Signal assigned
shell-event-signal-classified = Signal classified
shell-event-signal-forwarded = Signal forwarded
shell-event-signal-followed-up = Action on a signal
shell-event-signal-feedback-given = Feedback on a signal
shell-event-signal-message-sent = Message to a signal's reporter
shell-event-signal-reporter-replied = Message from a signal's reporter
shell-event-signal-closed = Signal closed
shell-event-signal-linked = Signals linked
shell-event-signal-risks-linked = Signal linked to risks
shell-event-signal-identity-viewed = Reporter's identity viewed
shell-event-signal-key-destroyed = Personal data of a signal destroyed
shell-event-internal-channel-recorded = Internal channel decision
shell-event-intake-lists-set = Lists of units and activities for signals
shell-event-log-key-adopted = New log signing key
shell-event-vault-key-rotated = Vault master key rotated
