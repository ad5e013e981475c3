# English: what the API answers beyond the domain's rules: access, sessions, files, exports, the log.
# Every id starts with "requests-"; shared/src/i18n.rs says how the catalogue works.

## Who may do what, and records out of reach.
requests-role-forbids = Your role does not allow this action.
requests-no-tenant-named = There is no institution “{ $tenant }”.
requests-no-tenant-in-province = There is no institution “{ $tenant }” in the province.
requests-no-such-tenant = There is no such institution.
requests-tenant-not-listed = There is no such institution in the list.
requests-choose-tenant = Choose an institution.
requests-no-province-named = There is no province with the code “{ $code }”.
requests-register-own-province = You can register the municipalities and territorial units of the province { $province }; regional administrations and central authorities are registered by the national administrator.
requests-register-tenants-admins-only = Institutions are registered by the administrators of the Regional Administration and at national level.
requests-signals-officers-only = The register of signals is open only to the institution's signals officers.
requests-whole-log-central-auditors = The log also holds institutions outside your province: a copy of the whole log is downloaded by the auditors of a central authority.
requests-whole-log-auditors-only = Only auditors can download a copy of the whole log.
requests-past-needs-login = Viewing a past moment requires logging in.
requests-record-busy = Other users are changing this record right now. Try again.

## Accounts.
requests-no-such-account = There is no such account.
requests-role-not-yours-to-grant = You cannot give the role “{ $role ->
        [officer] Officer
        [tenant_admin] Institution administrator
        [regional] Council secretariat
        [regional_admin] Regional Administration administrator
        [auditor] Auditor
        [national] National level
       *[national_admin] National administrator
    }”.
requests-username-invalid = A username has 1 to 64 lowercase Latin letters, digits and . - _ and starts with a letter or a digit.
requests-own-role = You cannot change the role of your own account.
requests-own-disable = You cannot disable your own account.
requests-own-enable = You cannot enable your own account.
requests-own-password = Change your own password on the “Change password” page.

## Logging in and too many attempts.
requests-username-missing = Enter a username.
requests-account-disabled = The account is disabled. Contact your institution's administrator.
requests-wrong-credentials = Wrong username or password.
requests-wrong-current-password = The current password is wrong.
requests-too-many-logins = Too many failed login attempts. Try again in { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    }.
requests-too-many-receipt-tries = Too many failed attempts with this number or from this address. Try again in { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    }.
requests-attempts-being-checked = Earlier attempts are still being checked. Try again in a second.

## Activities and who recorded them.
requests-no-such-record = There is no such record.
requests-follow-up-of-act = Follow-up to the contested act
requests-antikor = Antikor

## The register of corruption risks.
requests-no-such-risk = There is no such risk in the register.

## Evidence files.
requests-no-such-file = There is no such file.
requests-uploads-too-many = You uploaded many files in a short time. Try again in a little while.
requests-file-name-missing = Give the file's name (up to 200 characters).
requests-file-name-parameter = Give the file's name (name).
requests-file-empty = The file “{ $name }” is empty.
requests-file-too-large = The file “{ $name }” is larger than { $megabytes } MB.
requests-file-type = The file “{ $name }” is not a PDF, an image (JPEG, PNG) or a Word, Excel, PowerPoint or OpenDocument document.
requests-file-not-uploaded = The file “{ $name }” was not uploaded: upload it again.

## The event log, its proofs and the audit trail.
requests-bad-moment = “{ $raw }” is not a position or a moment. Example: 120 or 2026-11-26T12:00:00Z.
requests-no-event-number = There is no event No. { $position }.
requests-no-event-at = There is no event at position { $position }.
requests-log-size = The log has { $events ->
        [one] { $events } event
       *[other] { $events } events
    }; the size must be from 1 to { $events }.
requests-log-damaged = The log is damaged from position { $position } ({ $reason }); no checkpoints are signed.
requests-mirror-range = “from” must be from 1 to { $last }, and “limit” from 1 to 10000.
requests-proof-order = “from” cannot be greater than “to”.
requests-proof-position = The position must be from 1 to { $size }, the size of the log the proof is for.
requests-before-or-after = Give either “before” or “after”, not both.
requests-stream-needs-tenant = A filter by stream also needs an institution.
requests-actor-too-long = The actor is a username: up to 64 characters.
requests-period-backwards = The period starts after it ends.

## Plans and their progress.
requests-no-plan-yet = No plan has been adopted yet.
requests-no-plan-for-year = There is no plan for { $year }.
requests-plan-province-ambiguous = Several provinces have plans: say which one (province={ $codes }).
requests-tenant-outside-provinces = The institution is in no province and reports on no plan.
requests-not-regional-administration = Your institution is not a Regional Administration.
requests-year-out-of-range = The year is outside the allowed range.
requests-no-measure = There is no measure “{ $key }”.

## Notifications and reminders.
requests-email-invalid = “{ $email }” is not an e-mail address.
requests-email-missing = Enter the e-mail address at which to receive the notifications.
requests-reminder-signal = Signal No. { $reference }
requests-reminder-survey = Staff survey { $year }: { $answers ->
    [one] { $answers } answer
   *[other] { $answers } answers
}
requests-reminder-survey-short = Staff survey { $year }: { $answers ->
    [one] { $answers } answer
   *[other] { $answers } answers
}, and results show from { $needed }

## Signals: the public form, the reporter's page and the register.
requests-no-such-signal = There is no such signal in the institution's register.
requests-no-signal-numbered = There is no signal numbered “{ $reference }” in the institution's register.
requests-wrong-receipt-code = There is no report with this number and code. Check them (the code has 20 characters) and try again.
requests-public-form-too-many = Many reports have been filed from this address in a short time. Try again in an hour, or file your report by post or in person.
requests-choose-signal-tenant = Choose the institution your report is about.
requests-web-form-is-reporters = Signals from the web form are filed by the reporters themselves.
requests-attachments-too-many = Attach at most { $max ->
        [one] { $max } file
       *[other] { $max } files
    }.
requests-attachment-garbled = The file “{ $name }” was not sent correctly.
requests-no-such-attachment = There is no such attachment.
requests-date-missing = Give a date.
requests-receipt-acknowledged = The receipt of your report has been confirmed.
requests-unclassified = Unclassified
requests-unnamed = (not given)

## Signals: the steps of a signal's history, as its officers read them.
requests-step-filed = Signal received ({ $channel })
requests-step-acknowledged = Receipt acknowledged on { $date }
requests-step-acknowledged-uin = Receipt acknowledged on { $date }, UIN { $uin }
requests-step-assigned = Assigned to { $officer }
requests-step-classified = Classified: { $regime }; { $category }
requests-step-forwarded = Forwarded to { $to } under outgoing No. { $number } of { $date }
requests-step-followed-up = Action taken on { $date }
requests-step-feedback = Feedback given on { $date }
requests-step-message-sent = Message to the reporter
requests-step-reporter-replied = Message from the reporter
requests-step-closed = Closed on { $date }: { $outcome }
requests-step-linked = Linked to signal { $reference }
requests-step-risks-linked = Linked to { $count ->
        [one] { $count } risk
       *[other] { $count } risks
    } of the risk register
requests-step-identity-viewed = Identity opened: { $fields }
requests-identity-reporter = reporter
requests-identity-concerned = person concerned
requests-identity-attachment = attachment { $number }
requests-step-key-destroyed = The personal data were destroyed (the retention period ended on { $date })

## The staff survey.
requests-survey-code-invalid = The code is not valid: check it and try again.
requests-survey-code-spent = This code has already been used: each code is for one answer.
requests-survey-closed = The survey has closed: no more answers are accepted.

## Addresses that are not the API's, and the pages.
requests-no-api-route = There is no such address in the API: { $path }
requests-pages-get-only = Pages are read with GET or HEAD.
requests-interface-not-built = The interface has not been built. Start the server with the command in the README.
