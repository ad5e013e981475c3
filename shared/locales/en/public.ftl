# English: the public pages: home, council, meetings, contested acts, reporting corruption, public progress, the annual report.
# Every id starts with "public-"; shared/src/i18n.rs says how the catalogue works.

public-acts-count = { $count ->
    [one] { $count } act
   *[other] { $count } acts
}

## Home page
public-home-title = Antikor
public-home-intro = Antikor is the system in which { $served } keep and report on their progress with the plan for preventing and countering corruption. Every change is recorded as an event in an unalterable, hash-chained log, so anyone can check who changed what, and when.
public-home-health-heading = State of the log
public-home-status = Status
public-home-status-ok = Working normally
public-home-status-damaged = Read-only: the log is damaged and failed verification
public-home-status-unknown = Unknown status
public-home-institutions = Institutions
public-home-event-count = Events in the audit trail
public-home-last-event = Latest event
public-home-no-event = none
public-home-event-number = No. { $position }
public-home-hash = hash
public-home-server-version = Server version: { $version }
public-home-damage-reason = Reason: { $reason }
public-home-damage-range = Events No. { $first }–{ $last } are missing or damaged
public-home-damage-one = Event No. { $first } is missing or damaged
public-home-damage-last-good = { $missing }; the last one verified is No. { $last_good }.
public-home-damage-none-good = { $missing }; no event passed verification.
public-home-verify-heading = Verifying the log
public-home-verify-lead = After every write the server signs a checkpoint of the log: its name, the number of events and the root of their Merkle tree (RFC 6962). Whoever saves it can later prove that nothing recorded up to then has been altered, deleted or replaced.
public-home-checkpoint-heading = Current checkpoint
public-home-checkpoint-size = Number of events in it (the second line): { $count }
public-home-copy-checkpoint = Copy the checkpoint
public-home-copy-checkpoint-failed = Copying failed; select the text and copy it.
public-home-key-heading = Verification key
public-home-key = Key
public-home-fingerprint = Fingerprint
public-home-copy-key = Copy the key
public-home-copy-key-failed = Copying failed; select the key and copy it.
public-home-links-heading = Explore the data
public-home-card-plan = Action plan
public-home-card-plan-text = The year's measures with their deadlines, responsible bodies and indicators.
public-home-card-progress = Progress
public-home-card-progress-text = How far each institution has come on each measure.
public-home-card-meetings = Meetings
public-home-card-meetings-text = Public sessions and meetings, with their minutes and decisions.
public-home-card-contested-acts = Contested acts
public-home-card-contested-acts-text = Municipal council decisions and mayors' orders that were returned or challenged in court.
public-home-card-council = Council and contacts
public-home-card-council-text = The council's secretariat and the anti-corruption experts.
public-home-card-report-corruption = Report corruption
public-home-card-report-corruption-text = How to report corruption and how the law protects you.
public-home-card-survey = Staff survey
public-home-card-survey-text = The anonymous survey on corruption risk: answer with a one-time code, no login needed.
public-home-card-tenants = Institutions
public-home-card-tenants-text = The regional administration and the municipalities, with the number of events each has recorded.
public-home-card-audit = Audit trail
public-home-card-audit-text = Every event, newest first, with filters and live updates.

## Home page: how to check the log
public-verify-heading = How to verify
public-verify-save = Save the checkpoint to a file (
public-verify-save-download = download it
public-verify-save-rest = or copy it), together with the verification key.
public-verify-offline = Later, on the machine that holds the data and with the server stopped, run
public-verify-offline-rest = (DIR is the data folder, FILE the saved checkpoint, KEY the key or a file containing it). The command confirms that the log extends the checkpoint, or points out the first mismatch.
public-verify-consistency = Without access to the data, compare with a newer checkpoint:
public-verify-consistency-rest = proves that the log of B events extends the one of A events (A and B are the second lines of the two checkpoints). The proof is checked against their roots according to RFC 6962.
public-verify-inclusion = That a given event is in the log is proved by
public-verify-inclusion-rest = (P is the event's number, S the number of events in the checkpoint). You need to be logged in and have access to the event.

## Contested acts
public-acts-page-title = Contested acts
public-acts-heading = Register of contested acts
public-acts-lead = Decisions of municipal councils and mayors' orders that the Regional Governor has returned for reconsideration or challenged before the administrative court (measure I.3). Under Article 45(4) of the Local Self-Government and Local Administration Act, a decision is returned within 7 days of its receipt, and the municipal council reconsiders it within 14 days.
public-acts-caption = Register of contested and returned acts, newest first
public-acts-empty = No contested acts for the selected period.
public-acts-col-act = Act
public-acts-col-municipality = Municipality
public-acts-col-received = Received
public-acts-col-action = Action
public-acts-col-grounds = Grounds
public-acts-col-revote = New vote
public-acts-col-court-case = Court case
public-acts-col-published = Published
public-acts-csv-kind = Type of act
public-acts-csv-number = Number
public-acts-csv-act-date = Date of the act
public-acts-csv-action-date = Date of the action
public-acts-csv-days = Days after receipt
public-acts-csv-court-outcome = Outcome of the case
public-acts-act-number = No. { $number }
public-acts-act-date = of { $date }
public-acts-action-on = on { $date } ({ $days ->
    [one] { $days } day
   *[other] { $days } days
} after receipt)
public-acts-court-case = Case No. { $case }

## Meetings
public-meetings-page-title = Meetings
public-meetings-heading = Sessions and meetings
public-meetings-lead = The council's sessions, open sessions with citizens, non-governmental organisations and the media, and open-door meetings, with their agendas, the decisions taken and the minutes (measures II.1, II.2, IV.1 and V.3).
public-meetings-count = { $count ->
    [one] { $count } session or meeting
   *[other] { $count } sessions and meetings
}
public-meetings-caption = Public sessions and meetings, newest first
public-meetings-empty = No sessions published for the selected period.
public-meetings-col-date = Date
public-meetings-col-institution = Institution
public-meetings-col-meeting = Session
public-meetings-col-participants = Participants
public-meetings-col-agenda = Agenda
public-meetings-col-decisions = Decisions
public-meetings-col-protocol = Minutes
public-meetings-csv-kind = Type
public-meetings-csv-title = Title
public-meetings-csv-organisations = Organisations
public-meetings-csv-measures = Measures
public-meetings-participants = { $count ->
    [one] { $count } participant
   *[other] { $count } participants
}

## Council and contacts
public-council-page-title = Council and contacts
public-council-heading = Regional Public Council for Preventing and Countering Corruption
public-council-lead = The council is chaired by the Regional Governor. Its secretariat is at the Blagoevgrad Regional Administration; each municipality appoints experts responsible for countering corruption (measure II.3). Each institution keeps its own list up to date.
public-council-report-link = How to report corruption
public-council-edit-link = Edit your institution's contacts
public-council-secretariat-heading = Secretariat and members
public-council-secretariat-caption = The council's secretariat — Blagoevgrad Regional Administration
public-council-experts-heading = Anti-corruption experts in the municipalities
public-council-experts-caption = Experts responsible for countering corruption, by institution
public-council-no-experts = No experts have been named yet.
public-council-col-institution = Institution
public-council-col-name = Name
public-council-col-position = Position
public-council-col-phone = Phone
public-council-col-email = Email

## How to report corruption
public-report-title = How to report corruption
public-report-lead = The Blagoevgrad Regional Public Council for Preventing and Countering Corruption encourages anyone who has witnessed corruption in a state or municipal institution to report it. This tells the council where the risks lie, so that it can direct its measures there.
public-report-council-heading = The council
public-report-council-text = The council brings together the regional administration, the municipalities and the regional offices of central government bodies in the region in preventing and countering corruption. It is chaired by the Regional Governor; its secretariat is at the Blagoevgrad Regional Administration. Every year the council adopts an action plan, and reports publicly on its implementation:
public-report-council-plan = the plan
public-report-council-progress = its progress
public-report-council-meetings = the meetings
public-report-council-and = and
public-report-council-members = the members and contacts
public-report-channels-heading = Ways to report
public-report-channel-email = By email
public-report-channel-email-text = to the council's secretariat (addresses below) or to your municipality's expert.
public-report-channel-phone = By phone
public-report-channel-phone-text = an official writes down your oral report, and you confirm the record.
public-report-channel-post = By post
public-report-channel-post-text = by letter to the Blagoevgrad Regional Administration, for the attention of the council's secretary.
public-report-channel-in-person = In person
public-report-channel-in-person-text = at the Blagoevgrad Regional Administration or at your municipal administration; an official records your report, and you confirm the record.
public-report-channel-online = Online form
public-report-channel-online-form = file a report
public-report-channel-online-text = with any institution in the region, anonymously or under your name. You will receive a number and a code with which you can
public-report-channel-online-track = track your report
public-report-channel-online-track-text = and read the replies without revealing who you are.
public-report-channel-online-statistics = Signal statistics
public-report-channel-online-statistics-text = are public.
public-report-contacts-heading = Secretariat contacts
public-report-no-contacts = The secretariat has not yet published its phone numbers and addresses here. Until it does, you can report in person or by post to the Blagoevgrad Regional Administration, or through the municipal experts listed under
public-report-no-contacts-link = “Council”
public-report-phone = Phone:
public-report-email = Email:
public-report-experts = Each municipality's experts are listed under
public-report-experts-link = “Council and contacts”
public-report-protections-heading = How the law protects you
public-report-protections-intro = If you report a breach under the
public-report-protections-law = Act on the Protection of Persons Who Report or Publicly Disclose Information on Breaches
public-report-protections-law-note = (in force since 04.05.2023, transposing Directive (EU) 2019/1937):
public-report-protection-acknowledgment = receipt of your report is acknowledged within 7 days;
public-report-protection-feedback = within 3 months of the acknowledgment you receive feedback on the action taken;
public-report-protection-uin = your report is given a unique identification number (UIN), issued by the Commission for Personal Data Protection;
public-report-protection-confidentiality = your identity, and that of the person you report, are kept confidential; the register of signals is not public, and only designated officials have access to it;
public-report-protection-anonymous = anonymous reports, and reports of breaches committed more than 2 years earlier, are registered, but proceedings may not be opened on them.
public-report-protections-other = Other reports of corruption are handled under the general administrative procedure; where the matter lies outside the administration's powers, they are referred to the competent authority — the Prosecutor's Office, the Anti-Corruption Commission or another competent body.

## Progress
public-progress-title = Progress on the plan
public-progress-lead = How far each institution has come on each measure of the region's plan, according to its own reports.
public-progress-as-of-today = As of today ({ $date }).
public-progress-report-link = Printable annual report
public-progress-by-institution = By institution
public-progress-by-section = By section of the plan
public-progress-matrix-caption = Progress on the { $year } plan: measures (columns) by institution (rows); • — an institution that has not filed a single report
public-progress-measure-keys = What the measure numbers mean
public-progress-tenants-caption = Progress by institution, { $year }
public-progress-sections-caption = Progress by section, all institutions, { $year }
public-progress-institution = Institution
public-progress-section = Section
public-progress-section-label = Section { $numeral }
public-progress-measures-by-level = Measures by level
public-progress-completed = Completed
public-progress-percent-completed = % completed
public-progress-overdue = Overdue
public-progress-activities = Activities
public-progress-csv-completed-percent = Completed, %
public-progress-csv-title = Title
public-progress-not-reported-heading = Institutions that have not reported
public-progress-all-reported = Every institution has reported on at least one measure.
public-progress-not-reported = { $count } of { $of } { $count ->
    [one] institutions has
   *[other] institutions have
} not yet filed a single report for { $year }:

## Annual report
public-annual-invalid-year = The address contains an invalid year.
public-annual-title = Annual report
public-annual-title-year = Annual report { $year }
public-annual-print = Print
public-annual-docx = Download for Word (DOCX)
public-annual-institution-select = Report for
public-annual-whole-region = The whole region
public-annual-choose-region = The annual report for { $year } covers the plan of a single region. Choose a region.
public-annual-state = Status as of { $date }, according to the institutions' reports ({ $reported } of { $total } { $reported ->
    [one] has
   *[other] have
} reported on at least one measure).
public-annual-scope-detailed = The notes and evidence of the institutions you have access to are included.
public-annual-scope-public = Public version: progress levels, public meetings and contested acts. The notes and evidence are visible to the staff of the institutions and of the regional administration.
public-annual-contents = Contents
public-annual-part-measures = Implementation of the measures
public-annual-part-institutions = Summary by institution
public-annual-part-not-reported = Institutions that have not reported
public-annual-part-activities = Activities
public-annual-part-signals = Corruption signals
public-annual-part-risks = Corruption risks
public-annual-section-levels = Measures in this section, by institution: completed { $completed }, substantial progress { $substantial }, limited progress { $limited }, not started { $not_started }, not reported { $not_reported }.
public-annual-withdrawn = Withdrawn: { $reason }
public-annual-measure-levels = Implementation of measure { $key } by institution
public-annual-institution = Institution
public-annual-level = Level
public-annual-what-was-done = What was done
public-annual-evidence = Evidence
public-annual-no-activities = None recorded during the year.
public-annual-prepared-by = Prepared by: ………………………………
public-annual-date = Date: ………………………
