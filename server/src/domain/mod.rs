//! Domain logic as pure functions: `decide(state, command) -> events` and `apply(state, event)`.
//!
//! Each aggregate implements [`Aggregate`]; `App::execute` (in `crate::app`) is the one path
//! that loads a stream, decides, appends and answers, and the read models fold the same
//! events with the same `apply`.

pub mod accounts;
pub mod activities;
pub mod clocks;
pub mod fields;
pub mod plan;
pub mod progress;
pub mod risks;
pub mod signals;
pub mod suppression;
pub mod surveys;
pub mod tenants;
pub mod work;

use crate::util::errors::AppError;
use antikor_shared::events::EventSet;

/// An aggregate: what its stream's events leave ([`apply`](Self::apply)) and which events a
/// command makes of that ([`decide`](Self::decide)). Pure: no storage, no clock, no caller;
/// who may issue a command is settled before, by the caller's scope (see `crate::access`).
pub trait Aggregate {
    /// The events of its stream.
    type Event: EventSet;
    /// What the events leave; `Default` is the state of a stream that does not exist yet.
    type State: Default + Clone + Send + Sync + 'static;
    /// What someone asks for. `Clone`, because a command that lost a race is decided again
    /// on the newer state.
    type Command: Clone + Send;
    /// What a decision needs besides the state: facts from outside the stream.
    type Context: Send + Sync;
    /// Why a command was refused; its message is for the person.
    type Rejection: Into<AppError> + std::fmt::Debug;

    /// The events `command` produces from `state`, or why it is refused.
    fn decide(
        state: &Self::State,
        command: Self::Command,
        context: &Self::Context,
    ) -> Result<Vec<Self::Event>, Self::Rejection>;

    /// The state after one more event.
    fn apply(state: Self::State, event: &Self::Event) -> Self::State;

    /// Why a command decided on version `read` of the stream, which is now at `actual`, is
    /// refused, in the aggregate's own words; `None` leaves the log's generic conflict.
    fn stale(context: &Self::Context, read: u64, actual: u64) -> Option<Self::Rejection> {
        let _ = (context, read, actual);
        None
    }

    /// The state a sequence of events leaves.
    fn fold<'a>(events: impl IntoIterator<Item = &'a Self::Event>) -> Self::State {
        events.into_iter().fold(Self::State::default(), Self::apply)
    }
}

#[cfg(test)]
pub(crate) mod testing {
    //! Given these events, when this command: then these events, or this rejection.

    use super::Aggregate;

    /// An aggregate's state after `events`, ready for a command.
    pub struct Given<A: Aggregate> {
        state: A::State,
    }

    /// The state that `events` leave.
    pub fn given<A: Aggregate>(events: impl IntoIterator<Item = A::Event>) -> Given<A> {
        let events: Vec<A::Event> = events.into_iter().collect();
        Given {
            state: A::fold(&events),
        }
    }

    impl<A: Aggregate> Given<A> {
        /// What `command` yields, with `context`.
        pub fn when(
            &self,
            command: A::Command,
            context: &A::Context,
        ) -> Result<Vec<A::Event>, A::Rejection> {
            A::decide(&self.state, command, context)
        }

        /// The state itself, for tests of `apply`.
        pub fn state(&self) -> &A::State {
            &self.state
        }
    }
}
