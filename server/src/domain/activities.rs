//! Activities and the expert contacts as aggregates: an activity recorded, corrected and
//! followed up (contested acts), each checked against the plan of its year; and the list of
//! experts to contact, replaced as a whole.

use crate::domain::Aggregate;
use crate::domain::fields::{Field, optional, text};
use crate::domain::plan::Plan;
use crate::domain::work::{WorkRejection, bad, check_files, not_future};
use antikor_shared::activity::{
    ActAction, Activity, ActivityCorrected, ActivityFilesAttached, ContestedActFollowedUp,
    ExpertContact, ExpertContactsUpdated,
};
use antikor_shared::events::{ActivityEvent, ContactsEvent};
use antikor_shared::files::FileRef;
use antikor_shared::msg;
use chrono::{Datelike, NaiveDate};

/// What the checks of an activity need to know besides the activity.
#[derive(Debug, Clone)]
pub struct ActivityContext {
    /// The plan of the activity's year, if there is one.
    pub plan: Option<Plan>,
    /// Today (no activity is recorded ahead of time).
    pub today: NaiveDate,
    /// Whether the recording tenant is the regional administration.
    pub regional: bool,
    /// The municipalities' slugs (a contested act names one).
    pub municipalities: Vec<String>,
}

/// The plan's measures a record names, trimmed, sorted and each checked to be in force in
/// the plan of `year`.
pub(crate) fn check_measures(
    measures: &[String],
    plan: Option<&Plan>,
    year: i32,
) -> Result<Vec<String>, WorkRejection> {
    let mut keys: Vec<String> = measures.iter().map(|k| k.trim().to_owned()).collect();
    keys.sort();
    keys.dedup();
    for key in &keys {
        let known = plan.is_some_and(|p| {
            p.measures
                .iter()
                .any(|m| m.measure.key == *key && m.withdrawn.is_none())
        });
        if !known {
            return Err(WorkRejection::BadField(msg!(
                "rules-measure-not-in-plan-of-year",
                key = key.as_str(),
                year = year.to_string()
            )));
        }
    }
    Ok(keys)
}

/// Days the regional governor has to take a council's act to the administrative court, from
/// receiving it (Закон за администрацията, чл. 32, ал. 2).
pub const COURT_LIMIT_DAYS: i64 = 14;

/// Checks an activity and returns it cleaned (trimmed texts, sorted measure keys).
pub fn check_activity(
    activity: Activity,
    ctx: &ActivityContext,
) -> Result<Activity, WorkRejection> {
    let year = activity.date().year();
    Ok(match activity {
        Activity::Meeting(mut m) => {
            not_future(m.date, ctx.today, Field::Date)?;
            m.title = text(&m.title, Field::Title, 300)?;
            m.agenda = text(&m.agenda, Field::Agenda, 10_000)?;
            m.decisions = m.decisions.trim().to_owned();
            m.protocol = m.protocol.trim().to_owned();
            if m.decisions.chars().count() > 20_000 || m.protocol.chars().count() > 50_000 {
                return Err(bad(msg!("rules-meeting-texts-too-long")));
            }
            if m.participants == 0 || m.participants > 100_000 {
                return Err(bad(msg!("rules-participants-count")));
            }
            m.organisations = m
                .organisations
                .iter()
                .map(|o| o.trim().to_owned())
                .filter(|o| !o.is_empty())
                .collect();
            if m.organisations.len() > 200 {
                return Err(bad(msg!("rules-organisations-at-most")));
            }
            m.measures = check_measures(&m.measures, ctx.plan.as_ref(), year)?;
            Activity::Meeting(m)
        }
        Activity::Training(mut t) => {
            not_future(t.date, ctx.today, Field::Date)?;
            t.topic = text(&t.topic, Field::Topic, 500)?;
            if t.participants == 0 || t.participants > 100_000 {
                return Err(bad(msg!("rules-participants-count")));
            }
            t.measures = check_measures(&t.measures, ctx.plan.as_ref(), year)?;
            Activity::Training(t)
        }
        Activity::Media(mut m) => {
            not_future(m.date, ctx.today, Field::Date)?;
            m.channel = text(&m.channel, Field::MediaChannel, 300)?;
            m.summary = text(&m.summary, Field::Summary, 4000)?;
            m.measures = check_measures(&m.measures, ctx.plan.as_ref(), year)?;
            Activity::Media(m)
        }
        Activity::DeclarationCheck(mut d) => {
            not_future(d.period_to, ctx.today, Field::PeriodEnd)?;
            if d.period_from > d.period_to {
                return Err(WorkRejection::BadDate(msg!("rules-period-start-after-end")));
            }
            d.checking_body = text(&d.checking_body, Field::CheckingBody, 300)?;
            if d.irregularities_found > d.declarations_checked
                || d.referrals > d.declarations_checked
            {
                return Err(bad(msg!("rules-declaration-counts")));
            }
            d.measures = check_measures(&d.measures, ctx.plan.as_ref(), year)?;
            Activity::DeclarationCheck(d)
        }
        Activity::ContestedAct(mut a) => {
            if !ctx.regional {
                return Err(WorkRejection::NotRegional);
            }
            not_future(a.action_on, ctx.today, Field::ActionDate)?;
            if !ctx.municipalities.contains(&a.municipality) {
                return Err(bad(msg!(
                    "rules-no-such-municipality",
                    municipality = a.municipality.as_str()
                )));
            }
            if a.act_date > a.received_on || a.received_on > a.action_on {
                return Err(WorkRejection::BadDate(msg!("rules-act-dates-order")));
            }
            if a.action == ActAction::Returned && (a.action_on - a.received_on).num_days() > 7 {
                return Err(WorkRejection::BadDate(msg!("rules-act-return-limit")));
            }
            a.act_number = text(&a.act_number, Field::ActNumber, 100)?;
            a.grounds = text(&a.grounds, Field::Grounds, 10_000)?;
            a.council_revote = optional(a.council_revote.as_deref(), Field::CouncilRevote, 4000)?;
            // A re-adopted act's limit runs from the receipt of the new act, which the record
            // names only in the revote's text: then the dates given say nothing of the limit.
            if a.action == ActAction::ContestedInCourt
                && a.council_revote.is_none()
                && (a.action_on - a.received_on).num_days() > COURT_LIMIT_DAYS
            {
                return Err(WorkRejection::BadDate(msg!(
                    "rules-act-court-limit",
                    limit = COURT_LIMIT_DAYS,
                    days = (a.action_on - a.received_on).num_days()
                )));
            }
            a.court_case = optional(a.court_case.as_deref(), Field::CourtCase, 200)?;
            a.court_outcome = optional(a.court_outcome.as_deref(), Field::CourtOutcome, 4000)?;
            if let Some(published) = a.published_on {
                not_future(published, ctx.today, Field::PublishedOn)?;
            }
            a.measures = check_measures(&a.measures, ctx.plan.as_ref(), year)?;
            Activity::ContestedAct(a)
        }
    })
}

/// A correction of a recorded activity.
pub fn decide_correction(
    current: &Activity,
    corrected: Activity,
    reason: &str,
    ctx: &ActivityContext,
) -> Result<ActivityCorrected, WorkRejection> {
    if current.kind() != corrected.kind() {
        return Err(WorkRejection::KindChanged);
    }
    Ok(ActivityCorrected {
        activity: check_activity(corrected, ctx)?,
        reason: text(reason, Field::CorrectionReason, 1000)?,
    })
}

/// A follow-up of a contested act.
pub fn decide_follow_up(
    current: &Activity,
    follow_up: ContestedActFollowedUp,
    today: NaiveDate,
) -> Result<ContestedActFollowedUp, WorkRejection> {
    if !matches!(current, Activity::ContestedAct(_)) {
        return Err(WorkRejection::NotAContestedAct);
    }
    let follow_up = ContestedActFollowedUp {
        council_revote: optional(
            follow_up.council_revote.as_deref(),
            Field::CouncilRevote,
            4000,
        )?,
        court_case: optional(follow_up.court_case.as_deref(), Field::CourtCase, 200)?,
        court_outcome: optional(
            follow_up.court_outcome.as_deref(),
            Field::CourtOutcome,
            4000,
        )?,
        published_on: follow_up.published_on,
    };
    if let Some(published) = follow_up.published_on {
        not_future(published, today, Field::PublishedOn)?;
    }
    if follow_up == ContestedActFollowedUp::default() {
        return Err(bad(msg!("rules-follow-up-empty")));
    }
    Ok(follow_up)
}

/// A new expert contact list.
pub fn decide_contacts(
    contacts: Vec<ExpertContact>,
) -> Result<ExpertContactsUpdated, WorkRejection> {
    if contacts.len() > 50 {
        return Err(bad(msg!("rules-contacts-at-most")));
    }
    let contacts = contacts
        .into_iter()
        .map(|c| {
            let email = text(&c.email, Field::Email, 200)?;
            if !email.contains('@') {
                return Err(bad(msg!("rules-not-an-email", email = email.as_str())));
            }
            Ok(ExpertContact {
                name: text(&c.name, Field::Name, 200)?,
                position: text(&c.position, Field::Position, 200)?,
                phone: text(&c.phone, Field::Phone, 50)?,
                email,
            })
        })
        .collect::<Result<_, _>>()?;
    Ok(ExpertContactsUpdated { contacts })
}

/// One recorded activity (its `activity-{id}` stream): recorded, corrected, followed up.
#[derive(Debug, Clone, Copy)]
pub struct ActivityAggregate;

/// What is done with an activity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ActivityCommand {
    /// Record a new activity.
    Record(Activity),
    /// Replace the record with a corrected one of the same kind, saying why.
    Correct {
        /// The activity as it should read.
        activity: Activity,
        /// Why.
        reason: String,
    },
    /// Record what became of a contested act.
    FollowUp(ContestedActFollowedUp),
    /// Attach stored files (found in the store by the caller).
    AttachFiles(Vec<FileRef>),
}

/// The event that records `activity`.
fn recording(activity: Activity) -> ActivityEvent {
    match activity {
        Activity::Meeting(e) => ActivityEvent::MeetingHeld(e),
        Activity::Training(e) => ActivityEvent::TrainingHeld(e),
        Activity::Media(e) => ActivityEvent::MediaActivityCarriedOut(e),
        Activity::DeclarationCheck(e) => ActivityEvent::DeclarationsChecked(e),
        Activity::ContestedAct(e) => ActivityEvent::ActContested(e),
    }
}

/// The activity an event records, when it records one (not a correction or a follow-up).
/// Takes the event, so that a replay, which places 1.8 M activities at national scale, copies
/// none of them.
pub fn recorded(event: ActivityEvent) -> Option<Activity> {
    Some(match event {
        ActivityEvent::MeetingHeld(e) => Activity::Meeting(e),
        ActivityEvent::TrainingHeld(e) => Activity::Training(e),
        ActivityEvent::MediaActivityCarriedOut(e) => Activity::Media(e),
        ActivityEvent::DeclarationsChecked(e) => Activity::DeclarationCheck(e),
        ActivityEvent::ActContested(e) => Activity::ContestedAct(e),
        ActivityEvent::Corrected(_)
        | ActivityEvent::FollowedUp(_)
        | ActivityEvent::FilesAttached(_) => return None,
    })
}

/// Folds a correction or a follow-up into an activity as recorded (a correction of another
/// kind, or a follow-up of anything but a contested act, changes nothing).
pub fn amend(activity: &mut Activity, event: &ActivityEvent) {
    match event {
        ActivityEvent::Corrected(e) if activity.kind() == e.activity.kind() => {
            *activity = e.activity.clone();
        }
        ActivityEvent::FollowedUp(e) => {
            if let Activity::ContestedAct(act) = activity {
                follow_up(act, e);
            }
        }
        _ => {}
    }
}

/// The fields a follow-up fills in; those it leaves empty keep what they said.
fn follow_up(act: &mut antikor_shared::activity::ActContested, e: &ContestedActFollowedUp) {
    if e.council_revote.is_some() {
        act.council_revote.clone_from(&e.council_revote);
    }
    if e.court_case.is_some() {
        act.court_case.clone_from(&e.court_case);
    }
    if e.court_outcome.is_some() {
        act.court_outcome.clone_from(&e.court_outcome);
    }
    if e.published_on.is_some() {
        act.published_on = e.published_on;
    }
}

impl Aggregate for ActivityAggregate {
    type Event = ActivityEvent;
    /// The activity as it stands.
    type State = Option<Activity>;
    type Command = ActivityCommand;
    type Context = ActivityContext;
    type Rejection = WorkRejection;

    fn decide(
        current: &Option<Activity>,
        command: ActivityCommand,
        ctx: &ActivityContext,
    ) -> Result<Vec<ActivityEvent>, WorkRejection> {
        let event = match (current, command) {
            (None, ActivityCommand::Record(activity)) => recording(check_activity(activity, ctx)?),
            (Some(_), ActivityCommand::Record(_)) => {
                return Err(WorkRejection::Stale(msg!("rules-record-exists")));
            }
            (None, _) => return Err(WorkRejection::NoActivity),
            (Some(current), ActivityCommand::Correct { activity, reason }) => {
                ActivityEvent::Corrected(decide_correction(current, activity, &reason, ctx)?)
            }
            (Some(current), ActivityCommand::FollowUp(follow_up)) => {
                ActivityEvent::FollowedUp(decide_follow_up(current, follow_up, ctx.today)?)
            }
            (Some(_), ActivityCommand::AttachFiles(files)) => {
                ActivityEvent::FilesAttached(ActivityFilesAttached {
                    files: check_files(files)?,
                })
            }
        };
        Ok(vec![event])
    }

    fn apply(current: Option<Activity>, event: &ActivityEvent) -> Option<Activity> {
        match current {
            None => recorded(event.clone()),
            Some(mut activity) => {
                amend(&mut activity, event);
                Some(activity)
            }
        }
    }

    fn stale(_ctx: &ActivityContext, _read: u64, _actual: u64) -> Option<WorkRejection> {
        Some(WorkRejection::Stale(msg!("rules-record-changed")))
    }
}

/// A tenant's list of experts to contact (its `contacts` stream), replaced as a whole.
#[derive(Debug, Clone, Copy)]
pub struct ContactsAggregate;

impl Aggregate for ContactsAggregate {
    type Event = ContactsEvent;
    /// Nothing: a new list does not depend on the old one.
    type State = ();
    type Command = Vec<ExpertContact>;
    type Context = ();
    type Rejection = WorkRejection;

    fn decide(
        _: &(),
        contacts: Vec<ExpertContact>,
        _: &(),
    ) -> Result<Vec<ContactsEvent>, WorkRejection> {
        Ok(vec![ContactsEvent::Updated(decide_contacts(contacts)?)])
    }

    fn apply(_: (), _: &ContactsEvent) {}
}

#[cfg(test)]
mod tests {
    //! Given the plan and what is recorded, when a command arrives, then this event or this
    //! rejection.
    use super::*;
    use crate::domain::work::testing::{day, plan};
    use antikor_shared::activity::{
        ActContested, ActKind, DeclarationsChecked, MeetingHeld, MeetingKind,
    };
    use antikor_shared::i18n::Lang;

    fn ctx(plan: &Plan, regional: bool) -> ActivityContext {
        ActivityContext {
            plan: Some(plan.clone()),
            today: day(2017, 12, 31),
            regional,
            municipalities: vec![],
        }
    }

    fn meeting(measures: &[&str]) -> Activity {
        Activity::Meeting(MeetingHeld {
            date: day(2017, 5, 10),
            meeting_kind: MeetingKind::OpenSession,
            title: " Разширено заседание ".into(),
            participants: 25,
            organisations: vec!["Радио Благоевград".into(), " ".into()],
            agenda: "Сигнали за корупция".into(),
            decisions: "Приема доклада".into(),
            protocol: "Протокол №1".into(),
            public: true,
            measures: measures.iter().map(|s| s.to_string()).collect(),
        })
    }

    #[test]
    fn a_meeting_is_cleaned_and_linked_to_measures_of_its_year() {
        let plan = plan();
        let Activity::Meeting(m) =
            check_activity(meeting(&["II.1", "V.3", "II.1"]), &ctx(&plan, false)).unwrap()
        else {
            panic!()
        };
        assert_eq!(m.title, "Разширено заседание");
        assert_eq!(m.organisations, vec!["Радио Благоевград"]);
        assert_eq!(m.measures, vec!["II.1", "V.3"]);
        assert!(matches!(
            check_activity(meeting(&["XX.1"]), &ctx(&plan, false)),
            Err(WorkRejection::BadField(_))
        ));
    }

    #[test]
    fn declaration_checks_keep_their_counts_consistent() {
        let plan = plan();
        let check = |checked, found| {
            Activity::DeclarationCheck(DeclarationsChecked {
                period_from: day(2017, 1, 1),
                period_to: day(2017, 6, 30),
                checking_body: "Комисия".into(),
                declarations_checked: checked,
                irregularities_found: found,
                referrals: 0,
                measures: vec!["III.3".into()],
            })
        };
        assert!(check_activity(check(40, 2), &ctx(&plan, false)).is_ok());
        assert!(check_activity(check(1, 2), &ctx(&plan, false)).is_err());
    }

    fn act(action: ActAction, received: NaiveDate, done: NaiveDate) -> Activity {
        Activity::ContestedAct(ActContested {
            act_kind: ActKind::CouncilDecision,
            act_number: "№ 123".into(),
            act_date: day(2017, 3, 1),
            municipality: "bansko".into(),
            received_on: received,
            action,
            action_on: done,
            grounds: "Противоречие със закона".into(),
            council_revote: None,
            court_case: None,
            court_outcome: None,
            published_on: None,
            measures: vec!["I.3".into()],
        })
    }

    #[test]
    fn contested_acts_are_the_regional_administrations_and_keep_the_7_day_rule() {
        let plan = plan();
        let regional = ActivityContext {
            municipalities: vec!["bansko".to_owned()],
            ..ctx(&plan, true)
        };
        let on_time = act(ActAction::Returned, day(2017, 3, 3), day(2017, 3, 10));
        assert!(check_activity(on_time.clone(), &regional).is_ok());
        assert_eq!(
            check_activity(on_time, &ctx(&plan, false)),
            Err(WorkRejection::NotRegional)
        );
        let late = act(ActAction::Returned, day(2017, 3, 3), day(2017, 3, 11));
        assert!(matches!(
            check_activity(late, &regional),
            Err(WorkRejection::BadDate(_))
        ));
        let court = act(
            ActAction::ContestedInCourt,
            day(2017, 3, 3),
            day(2017, 3, 17),
        );
        assert!(check_activity(court, &regional).is_ok());
    }

    #[test]
    fn an_act_goes_to_court_within_14_days_of_receipt_unless_it_was_adopted_again() {
        let plan = plan();
        let regional = ActivityContext {
            municipalities: vec!["bansko".to_owned()],
            ..ctx(&plan, true)
        };
        let received = day(2017, 3, 3);
        let court = |done| act(ActAction::ContestedInCourt, received, done);
        assert!(check_activity(court(day(2017, 3, 17)), &regional).is_ok());
        // 142 days after receipt, as was once accepted without a word.
        let Err(WorkRejection::BadDate(why)) = check_activity(court(day(2017, 7, 23)), &regional)
        else {
            panic!("a contest 142 days late is refused");
        };
        let english = why.render(Lang::En);
        assert!(
            english.contains("within 14 days") && english.contains("here 142 days have passed"),
            "{english}"
        );
        let why = why.to_string();
        assert!(
            why.contains("чл. 32, ал. 2") && why.contains("тук са минали 142 дни"),
            "{why}"
        );
        // Returned, adopted again, then contested: the limit runs from the new act.
        let Activity::ContestedAct(mut again) = court(day(2017, 7, 23)) else {
            unreachable!()
        };
        again.council_revote = Some("Прието повторно на 10.07.2017, получено на 14.07.2017".into());
        assert!(check_activity(Activity::ContestedAct(again), &regional).is_ok());
    }

    /// The activity as recorded: given its recording, folded by the aggregate.
    fn record(activity: Activity) -> Activity {
        crate::domain::testing::given::<ActivityAggregate>([recording(activity)])
            .state()
            .clone()
            .expect("recorded")
    }

    #[test]
    fn a_correction_keeps_the_kind_needs_a_reason_and_the_current_version() {
        let plan = plan();
        let current = record(meeting(&["II.1"]));
        let fixed = meeting(&["II.2"]);
        let corrected =
            decide_correction(&current, fixed.clone(), "грешна мярка", &ctx(&plan, false)).unwrap();
        assert_eq!(corrected.reason, "грешна мярка");
        assert!(matches!(
            ActivityAggregate::stale(&ctx(&plan, false), 0, 1),
            Some(WorkRejection::Stale(_))
        ));
        assert!(matches!(
            decide_correction(&current, fixed, " ", &ctx(&plan, false)),
            Err(WorkRejection::BadField(_))
        ));
        let training = Activity::Training(antikor_shared::activity::TrainingHeld {
            date: day(2017, 5, 1),
            topic: "Антикорупция".into(),
            participants: 10,
            measures: vec![],
        });
        assert_eq!(
            decide_correction(&current, training, "x", &ctx(&plan, false)),
            Err(WorkRejection::KindChanged)
        );
    }

    #[test]
    fn a_follow_up_is_for_contested_acts_and_must_say_something() {
        let act = record(act(
            ActAction::ContestedInCourt,
            day(2017, 3, 3),
            day(2017, 3, 20),
        ));
        let outcome = ContestedActFollowedUp {
            court_outcome: Some("Решението е отменено".into()),
            ..ContestedActFollowedUp::default()
        };
        assert!(decide_follow_up(&act, outcome.clone(), day(2017, 12, 1)).is_ok());
        assert!(
            decide_follow_up(&act, ContestedActFollowedUp::default(), day(2017, 12, 1)).is_err()
        );
        assert_eq!(
            decide_follow_up(&record(meeting(&[])), outcome, day(2017, 12, 1)),
            Err(WorkRejection::NotAContestedAct)
        );
    }

    #[test]
    fn files_are_attached_to_a_recorded_activity_a_handful_at_a_time() {
        let plan = plan();
        let file = |name: &str| FileRef {
            sha256: "ab".repeat(32),
            name: name.into(),
            media_type: "application/pdf".into(),
            bytes: 1200,
        };
        let recorded =
            crate::domain::testing::given::<ActivityAggregate>([recording(meeting(&[]))]);
        let attach = |files| ActivityCommand::AttachFiles(files);
        let events = recorded
            .when(attach(vec![file(" протокол.pdf ")]), &ctx(&plan, false))
            .unwrap();
        let [ActivityEvent::FilesAttached(attached)] = &events[..] else {
            panic!("{events:?}")
        };
        assert_eq!(attached.files[0].name, "протокол.pdf");
        // Attaching leaves the record as it was.
        let after = crate::domain::testing::given::<ActivityAggregate>([
            recording(meeting(&[])),
            events[0].clone(),
        ]);
        assert_eq!(after.state(), recorded.state());
        assert!(recorded.when(attach(vec![]), &ctx(&plan, false)).is_err());
        let many = vec![file("a.pdf"); 11];
        assert!(recorded.when(attach(many), &ctx(&plan, false)).is_err());
        assert!(
            recorded
                .when(attach(vec![file("  ")]), &ctx(&plan, false))
                .is_err()
        );
        assert_eq!(
            crate::domain::testing::given::<ActivityAggregate>([])
                .when(attach(vec![file("a.pdf")]), &ctx(&plan, false)),
            Err(WorkRejection::NoActivity)
        );
    }

    #[test]
    fn contacts_need_a_real_email() {
        let contact = |email: &str| ExpertContact {
            name: "Мария Иванова".into(),
            position: "Главен експерт".into(),
            phone: "073 123 456".into(),
            email: email.into(),
        };
        assert!(decide_contacts(vec![contact("m.ivanova@bansko.bg")]).is_ok());
        assert!(decide_contacts(vec![contact("няма")]).is_err());
    }
}
