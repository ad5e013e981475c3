# English: the officers' signal register, intake, a signal's detail and steps, analysis and statistics.
# Every id starts with "signals-"; shared/src/i18n.rs says how the catalogue works.


## Shared by the signals' pages.
signals-register-title = Register of signals
signals-choose = Choose…
signals-status = Status
signals-received = Received
signals-channel = Channel
signals-category = Type
signals-regime = Regime
signals-unit = Unit
signals-activity = Activity
signals-assigned-to = Officer responsible
signals-acknowledgment = Acknowledgment
signals-feedback = Feedback
signals-anonymous = anonymous
signals-what = What
signals-where = Where
signals-when = When
signals-description = Description
signals-date = Date
signals-save = Save
signals-message-to-reporter = Message to the reporter
signals-related-risks = Related corruption risks
signals-from-the-list = From the institution's list.
signals-uin-value = UIN { $uin }
signals-on-date = { $date }
signals-closed-on = { $date }, { $outcome }
signals-error-too-large = { $files ->
    [one] The submission is too large: attachments are limited to { $files } file of up to { $megabytes } MB.
   *[other] The submission is too large: attachments are limited to { $files } files of up to { $megabytes } MB each.
}
signals-error-too-many-attempts = Too many attempts from your address. Please wait a few minutes and try again.
signals-clock-due = due { $date }
signals-clock-done = , done on { $date }

## The reporter's part of a signal form (the officer's intake and the public form).
signals-draft-name-missing = Give your name, or choose to report anonymously.
signals-draft-what-missing = Describe what happened.
signals-draft-category-missing = Choose the type of wrongdoing.
signals-draft-who = Who is reporting
signals-draft-anonymous = Anonymously — no name or contact details
signals-draft-named = With a name and contact details
signals-draft-name = Full name
signals-draft-contact = How we can contact you (optional)
signals-draft-contact-help = An address, e-mail address or phone number.
signals-draft-what-happened = What happened
signals-draft-when-help = A date or a period, as far as you know it.
signals-draft-category = Type of wrongdoing
signals-draft-unit = Unit (optional)
signals-draft-unit-help = From the institution's list. If nothing fits, leave “Not specified” and say so in the description.
signals-draft-activity = Activity (optional)
signals-draft-activity-help = For example “public procurement”, if it is on the list.
signals-draft-concerned = Person concerned (optional)
signals-draft-concerned-help = Their name and position are kept sealed, as yours are.
signals-draft-not-specified = Not specified

## The register of signals.
signals-register-lead = The signals your institution has received. The register is not public: only the staff designated to receive signals can see it. The identities of the reporter and of the person concerned are opened separately, and every opening is recorded.
signals-register-new = New signal (by post, phone or in person)
signals-register-analysis = Analysis: where signals concentrate
signals-register-csv = The register as CSV
signals-register-all = All
signals-register-due = Deadlines
signals-register-overdue = Overdue
signals-register-due-soon = Due soon
signals-register-after-acknowledgment = after acknowledgment
signals-register-empty = No signals match these filters.
signals-register-caption = Signals: { $count }
signals-register-number = Number
signals-register-category-regime = Type and regime
signals-register-acknowledgment-term = (7 days)
signals-register-feedback-term = (3 months)

## The dashboard's signals with deadlines.
signals-due-heading = Signals with deadlines
signals-due-none = No signals with an overdue or approaching deadline.

## The analysis of signals.
signals-analysis-title = Analysis of signals
signals-analysis-heading = Where signals concentrate
signals-analysis-lead = Your institution's signals by unit, activity and type, per quarter (measure IV.3), so that measures can be aimed where the risk is greatest. The counts here are exact; outside the institution, people see only the
signals-analysis-lead-link = aggregate statistics
signals-analysis-empty = No signals yet.
signals-analysis-by-unit = By unit
signals-analysis-by-activity = By activity
signals-analysis-by-category = By type
signals-analysis-total = Total
signals-analysis-no-data = No data.

## A new signal, recorded by an officer.
signals-intake-title = New signal
signals-intake-files-reading = Please wait until the files have been read.
signals-intake-channel-missing = Choose how the signal was received.
signals-intake-received-what = the date of receipt
signals-intake-received-future = The date of receipt cannot be in the future.
signals-intake-oral-unconfirmed = An oral signal is recorded once the reporter has confirmed the written record. Tick the confirmation.
signals-intake-lead = Record a signal received by e-mail, phone, post or in person. Signals sent through the online form enter the register by themselves. The identity, the description and the attachments are stored encrypted.
signals-intake-channel = How it was received
signals-intake-received = Date of receipt
signals-intake-confirmed = The reporter confirmed the record of the oral signal
signals-intake-submit = Record the signal

## A signal's case.
signals-case-title = Signal
signals-case-heading = Signal { $reference }
signals-case-date-what = a date
signals-case-bad-address = The address does not contain a valid signal identifier.
signals-case-reloaded = The signal above has been reloaded; what you entered in the form has been kept.
signals-case-steps = Actions on the signal
signals-case-closed-notice = The signal is closed: no further actions can be recorded on it.
signals-case-action-title = Investigation action
signals-case-action-label = What was done
signals-case-action-saved = The action has been recorded.
signals-case-feedback-title = Feedback to the reporter
signals-case-feedback-label = Feedback (the reporter reads it with their code)
signals-case-feedback-saved = The feedback has been recorded.
signals-case-message-label = Message (the reporter reads it with their code)
signals-case-message-saved = The message has been sent.
signals-case-oral-confirmed = (the record was confirmed by the reporter)
signals-case-oral-unconfirmed = (the record was not confirmed by the reporter)
signals-case-feedback-pending = starts after acknowledgment
signals-case-key-destroyed = The retention period has ended and the signal's key has been destroyed: the description, the identities and the attachments can no longer be read.
signals-case-no-attachments = No attachments.
signals-case-attachment-name = Attachment { $number }
signals-case-related-signals = Related signals
signals-case-trail = History of the signal
signals-case-uin = UIN
signals-case-reporter = Reporter
signals-case-reporter-sealed = named (sealed)
signals-case-reporter-none = not given
signals-case-forwarded-to = Forwarded to
signals-case-closed = Closed
signals-case-retention = Personal data kept until
signals-case-attachments = Attachments
signals-case-history = History

## A signal's sealed identities.
signals-identity-heading = Identity
signals-identity-contact = Contact
signals-identity-concerned = Person concerned
signals-identity-concerned-none = not given
signals-identity-hide = Hide
signals-identity-none = There are no sealed personal data to open.
signals-identity-sealed = The names and contact details of the reporter and of the person concerned are sealed.
signals-identity-ask = Show the identity
signals-identity-warning = Opening the identity is recorded in the log. Open it only when the investigation requires it.
signals-identity-open = Show and record
signals-identity-cancel = Cancel

## A signal's steps.
signals-ack-default-message = We confirm that we have received your report. We will inform you of the action taken.
signals-ack-saved = Receipt has been acknowledged.
signals-ack-title = Acknowledgment of receipt
signals-ack-submit = Acknowledge receipt
signals-ack-date = Date of acknowledgment
signals-ack-uin = UIN from the CPDP (optional)
signals-ack-uin-help = For signals under the Whistleblower Protection Act: the number issued by the Commission for Personal Data Protection.
signals-assign-missing = Choose an officer of the institution.
signals-assign-saved = The officer responsible has been recorded.
signals-assign-title = Officer responsible
signals-assign-submit = Assign
signals-assign-to = Signals officer
signals-classify-regime-missing = Choose a regime.
signals-classify-category-missing = Choose a type.
signals-classify-saved = The classification has been recorded.
signals-classify-title = Classification
signals-note-text-missing = Write the text.
signals-forward-missing = Give the authority and the outgoing reference number.
signals-forward-saved = The forwarding has been recorded.
signals-forward-title = Forwarding to the competent authority
signals-forward-to = To (authority)
signals-forward-number = Outgoing reference number
signals-close-outcome-missing = Choose the outcome.
signals-close-reason-missing = Give the reasons.
signals-close-saved = The signal has been closed.
signals-close-title = Closing
signals-close-submit = Close the signal
signals-close-outcome = Outcome
signals-close-reason = Reasons
signals-close-retention-help = The retention period for personal data (5 years) runs from the closing date.
signals-link-missing = Enter the number of the related signal.
signals-link-saved = The link has been recorded.
signals-link-title = Related signal
signals-link-submit = Link
signals-link-reference = Number of the related signal
signals-risks-saved = The risks have been linked.
signals-risks-none = The institution's register has no open risks for recent years.
signals-risks-submit = Save the risks
signals-risks-legend = Risks in the institution's register that the signal concerns
signals-risks-help = A risk shows how many signals concern it: only the institution's staff see the exact number.
