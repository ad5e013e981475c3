# English: the auditor's pages: the log, a record, comparisons, verification.
# Every id starts with "audit-"; shared/src/i18n.rs says how the catalogue works.

## Shared by the audit pages
audit-title = Audit trail
audit-event-number = No. { $position }
audit-institution = Institution
audit-choose-institution = Choose an institution

## Audit trail page
audit-lead = Every recorded change, newest first. Each event is linked to the one before it by a hash, so any change to the past would break the chain.
audit-compare-link-note = what changed in an institution's records between two dates and times.
audit-scope-notice = You have access only to your own institution's events, so those are shown.
audit-bundle-download = Download the whole log for verification
audit-bundle-verify = Verify the file without the server using
audit-bundle-verify-legend = (FILE is the downloaded file, KEY the verification key from the home page).
audit-live-connecting = Connecting for live updates…
audit-live-open = Live updates: on
audit-live-retrying = Connection lost, reconnecting…
audit-live-closed = Live updates have stopped. Reload the page.

## Audit trail page: the filters
audit-filters = Filters
audit-filter-own-institution = You see only your own institution's events.
audit-filter-all-institutions = All institutions
audit-filter-record = Record
audit-filter-all-records = All records
audit-filter-record-help-first = Choose an institution first. An activity or a signal is chosen from its row in the table.
audit-filter-record-help = An activity or a signal is chosen from its row in the table.
audit-filter-type = Event type
audit-filter-all-types = All types
audit-filter-actor = Performed by
audit-filter-actor-placeholder = username or system
audit-filter-actor-help = Type it and press Enter.
audit-filter-from = From (Sofia time)
audit-filter-to = To
audit-filter-clear = Clear the filters
audit-moment-time = { $label }: time
audit-span-between = Events from no. { $from } to no. { $to }.
audit-span-from = Events from no. { $from } onwards.
audit-span-to = Events up to no. { $to }.
audit-span-inclusive = Inclusive: events at the start and at the end moment are included.

## Audit trail page: the address
audit-address-invalid-tenant = The address contains an invalid institution code.
audit-address-invalid-stream = The address contains an invalid stream.
audit-address-invalid-from = The address contains an invalid start moment.
audit-address-invalid-to = The address contains an invalid end moment.
audit-address-invalid-before = The address contains an invalid “before” cursor.
audit-address-invalid-after = The address contains an invalid “after” cursor.
audit-address-stream-without-tenant = A stream can only be filtered together with an institution.
audit-address-before-and-after = The address contains both “before” and “after”; choose one of them.

## Audit trail page: the events
audit-new-events = { $count ->
    [one] There is { $count } new event.
   *[other] There are { $count } new events.
}
audit-to-newest = Go to the newest
audit-page-summary = { $count ->
    [one] Showing { $count } event
   *[other] Showing { $count } events
}: from no. { $from } to no. { $to }. The latest event in the log is no. { $head }.
audit-search-stopped = A search by who performed the events looks through up to 5,000 events at a time and stopped at no. { $position }. The “← Newer” and “Older →” buttons continue the search.
audit-table-caption = Events in the audit trail, newest first
audit-no-matching-events = No events match the chosen filters.
audit-no-events = No events.
audit-pages = Pages
audit-page-newest = Newest
audit-page-newer = ← Newer
audit-page-older = Older →
audit-record-version = { $stream } · version { $version }
audit-column-position = No.
audit-column-time = Time
audit-column-institution = Institution
audit-column-summary = What happened
audit-column-record = Record
audit-column-stream = Stream
audit-column-version = Version
audit-column-type = Type
audit-column-actor = Performed by
audit-column-username = Username
audit-column-hash = Hash

## Comparing two moments
audit-compare-title = Compare two moments
audit-compare-breadcrumb = comparison
audit-compare-lead = What changed in one institution's records between two moments: which record, which field, what it was and what it became, and through which events.
audit-compare-choose = Choose an institution and both moments.
audit-compare-form = What to compare
audit-compare-from = First moment (Sofia time)
audit-compare-to = Second moment
audit-compare-after-event = after event no. { $position }
audit-compare-summary = After event no. { $from } up to and including no. { $to }: { $count ->
    [one] { $count } record
   *[other] { $count } records
} with changes.
audit-compare-caption = Changes between the two moments
audit-compare-no-changes = No records changed between the two moments.
audit-compare-column-record = Record
audit-compare-column-change = Change
audit-compare-column-field = Field
audit-compare-column-before = Before
audit-compare-column-after = After
audit-compare-column-events = Events

## An event's page
audit-event-title = Event no. { $position }
audit-event-breadcrumb = event no. { $position }
audit-event-missing = Event no. { $position } does not exist in the audit trail.
audit-event-neighbours = Adjacent events
audit-event-position = Position
audit-event-institution = Institution
audit-event-record = Record
audit-event-stream = stream
audit-event-version = Version
audit-event-id = Identifier
audit-event-type = Type
audit-event-schema-version = Schema version
audit-event-recorded-at = Recorded at
audit-event-actor = Performed by
audit-event-correlation = Action (correlation)
audit-event-causation = Caused by (causation)
audit-event-hash = Hash
audit-event-payload = The event's data as recorded (JSON)

## An event's page: what it changed
audit-changes-none = The event changed no fields of the record.
audit-changes-caption = Changed fields
audit-changes-field = Field
audit-changes-before = Before
audit-changes-after = After
audit-changes-heading = What it changed
audit-record-history = History of the record “{ $record }”
audit-version = Version { $version }
audit-compare-around-event = The state just before and just after the event

## An event's page: the check in the log
audit-inclusion-heading = Check in the log
audit-inclusion-explained = Your browser checks by itself, with the same code as the server and the antikor command: it verifies the checkpoint's signature, computes the event's entry from the data shown, and checks the RFC 6962 proof that the entry is in the log.
audit-inclusion-checking = Checking…
audit-inclusion-failed = The check did not pass.
audit-inclusion-retry = Check again
audit-inclusion-witnesses = Witnesses
audit-inclusion-witnesses-note = (they co-signed the checkpoint; their signatures are not checked here)
audit-inclusion-size = Log size
audit-inclusion-root = Root
audit-inclusion-leaf-hash = Hash of the entry
audit-inclusion-fingerprint-before = The key comes from the same server: compare its fingerprint
audit-inclusion-fingerprint-after = with the one you received through another channel.
