# English: labels of the domain's values (roles, categories, levels, kinds).
# Every id starts with "labels-"; shared/src/i18n.rs says how the catalogue works.

## Role
labels-role-officer = Officer
labels-role-tenant-admin = Institution administrator
labels-role-regional = Council secretariat
labels-role-regional-admin = Regional Administration administrator
labels-role-auditor = Auditor
labels-role-national = National level
labels-role-national-admin = National administrator

## TenantKind
labels-tenant-kind-regional-administration = Regional Administration
labels-tenant-kind-municipality = Municipality
labels-tenant-kind-territorial-unit = Territorial unit
labels-tenant-kind-national-body = Central authority

## Channel
labels-channel-web-form = Web form
labels-channel-email = E-mail
labels-channel-phone = Telephone
labels-channel-post = Post
labels-channel-in-person = In person

## Category
labels-category-bribery = Bribery
labels-category-conflict-of-interest = Conflict of interest
labels-category-public-procurement = Public procurement
labels-category-abuse-of-office = Abuse of office
labels-category-misuse-of-funds = Misuse of public funds or property
labels-category-administrative-services = Administrative services
labels-category-other = Other

## Regime
labels-regime-whistleblower = Whistleblower Protection Act (protection of reporting persons)
labels-regime-general = General corruption signal
labels-regime-outside-competence = Outside our competence

## Outcome
labels-outcome-substantiated = Substantiated
labels-outcome-unsubstantiated = Unsubstantiated
labels-outcome-forwarded = Forwarded to the competent authority
labels-outcome-no-proceedings = No proceedings opened

## SignalStatus
labels-signal-status-received = Received
labels-signal-status-acknowledged = Receipt acknowledged
labels-signal-status-in-progress = Under examination
labels-signal-status-feedback-given = Feedback given
labels-signal-status-closed = Closed

## Clock
labels-clock-running = Running
labels-clock-due-soon = Due soon
labels-clock-overdue = Overdue
labels-clock-met = On time
labels-clock-met-late = Late

## Cell (a count of the public statistics)
labels-cell-fewer-than-three = < 3
labels-cell-withheld = withheld

## Intake lists (OTHER_OR_UNNAMED)
labels-intake-other-or-unnamed = Other / not specified

## CompletionLevel
labels-completion-level-not-started = Not started
labels-completion-level-limited = Limited progress
labels-completion-level-substantial = Substantial progress
labels-completion-level-completed = Completed
labels-completion-level-none = Not reported

## ReminderKind
labels-reminder-kind-acknowledge = Acknowledge a signal
labels-reminder-kind-feedback = Feedback on a signal
labels-reminder-kind-measure = Plan measure
labels-reminder-kind-revote = Act returned for reconsideration
labels-reminder-kind-risk-review = Risk review
labels-reminder-kind-survey-closing = Staff survey closing

## Delivery
labels-delivery-off = No e-mail
labels-delivery-digest = One e-mail a day
labels-delivery-immediate = At once for a new signal, and one e-mail a day

## Band
labels-band-low = Low
labels-band-medium = Medium
labels-band-high = High

## RiskArea
labels-risk-area-procurement = Public procurement
labels-risk-area-construction = Spatial planning and construction
labels-risk-area-property = Property management and disposal
labels-risk-area-taxes-and-fees = Local taxes and fees
labels-risk-area-permits = Permits, licences and registrations
labels-risk-area-social-services = Social services and assistance
labels-risk-area-human-resources = Human resources
labels-risk-area-finance = Budget and financial management
labels-risk-area-inspections = Inspection and control
labels-risk-area-services = Administrative services
labels-risk-area-other = Other

## RiskResponse
labels-risk-response-limit = Treat
labels-risk-response-transfer = Transfer
labels-risk-response-accept = Tolerate
labels-risk-response-terminate = Terminate

## RiskStatus
labels-risk-status-identified = Identified
labels-risk-status-assessed = Assessed
labels-risk-status-treated = Under treatment
labels-risk-status-closed = Closed

## MeetingKind
labels-meeting-kind-council-session = Council session
labels-meeting-kind-open-session = Extended (open) session
labels-meeting-kind-open-doors = Open-door meeting
labels-meeting-kind-joint-session = Joint session

## ActivityKind (plural, for tables)
labels-activity-kind-meeting = Sessions and meetings
labels-activity-kind-training = Training sessions
labels-activity-kind-media = Media appearances and campaigns
labels-activity-kind-declaration-check = Declaration checks
labels-activity-kind-contested-act = Contested acts

## ActivityKind (one record)
labels-activity-kind-meeting-one = Session or meeting
labels-activity-kind-training-one = Training session
labels-activity-kind-media-one = Media appearance or campaign
labels-activity-kind-declaration-check-one = Declaration check
labels-activity-kind-contested-act-one = Contested act

## MediaKind
labels-media-kind-appearance = Media appearance (interview, statement, publication)
labels-media-kind-campaign = Information campaign

## ActKind
labels-act-kind-council-decision = Municipal Council decision
labels-act-kind-mayor-order = Mayor's order

## ActAction
labels-act-action-returned = Returned for reconsideration
labels-act-action-contested-in-court = Contested before the administrative court

## Field (of an activity's form)
labels-field-date = Date
labels-field-meeting-kind = Type of meeting
labels-field-title = Title
labels-field-participants = Number of participants
labels-field-organisations = Organisations represented (one per line)
labels-field-agenda = Agenda
labels-field-decisions = Decisions taken
labels-field-protocol = Minutes
labels-field-topic = Topic
labels-field-media-kind = Type
labels-field-channel = Media outlet or channel
labels-field-summary = Content
labels-field-period-from = Period from
labels-field-period-to = Period to
labels-field-checking-body = Inspecting body
labels-field-declarations-checked = Declarations checked
labels-field-irregularities-found = Irregularities found
labels-field-referrals = Referrals to competent authorities
labels-field-act-kind = Type of act
labels-field-act-number = Number of the act
labels-field-act-date = Date of the act
labels-field-municipality = Municipality
labels-field-received-on = Received by the Regional Administration on
labels-field-action = Action of the Regional Governor
labels-field-action-on = Date of the action
labels-field-grounds = Grounds
labels-field-council-revote = New vote in the Municipal Council
labels-field-court-case = Court case no.
labels-field-court-outcome = Outcome of the case
labels-field-published-on = Published on the website on

## Month (as a plan's deadline names it)
labels-month-january = January
labels-month-february = February
labels-month-march = March
labels-month-april = April
labels-month-may = May
labels-month-june = June
labels-month-july = July
labels-month-august = August
labels-month-september = September
labels-month-october = October
labels-month-november = November
labels-month-december = December

## Deadline ($month: a month's name above; $year, $from, $to: texts)
labels-deadline-month = { $month } { $year }
labels-deadline-range = { $from } – { $to }

## ChangeKind
labels-change-kind-added = Added
labels-change-kind-changed = Changed
labels-change-kind-removed = Removed

## AnnualReport ($year: a text; $institution, $province: names)
labels-report-title = Annual report on the implementation of the { $year } plan
labels-report-title-institution = Annual report on the implementation of the { $year } plan — { $institution }
labels-report-issuer = Regional Public Council for Preventing and Countering Corruption — { $province } Province

## Record (a stream's record, as people name it; $year, $key, $username: texts)
labels-record-account = Account { $username }
labels-record-plan = Plan for { $year }
labels-record-staff-survey = Staff survey for { $year }
labels-record-survey-answers = Staff survey answers for { $year }
labels-record-progress = Report on measure { $key } ({ $year })
labels-record-tenant = Registration of the institution
labels-record-security = Logins and logouts
labels-record-contacts = Experts' contacts
labels-record-internal-channel = Internal reporting channel
labels-record-intake-lists = Lists of units and activities for signals
labels-record-vault = Vault keys
labels-record-log-keys = Log signing keys

## Survey answer (the closed answers of a yes/no question)
labels-survey-answer-yes = Yes
labels-survey-answer-no = No
labels-survey-answer-cannot-say = Cannot say
