//! The live feed of newly committed events (`/api/audit/live`, Server-Sent Events).

use antikor_shared::api::AuditEntry;
use send_wrapper::SendWrapper;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{Event, EventSource, MessageEvent};

/// What the feed tells its owner.
pub enum LiveMessage {
    /// The connection is open (again).
    Open,
    /// One newly committed event, in log order, as the audit trail shows it.
    Event(Box<AuditEntry>),
    /// The server dropped events for this client: what is shown may be incomplete.
    Lagged,
    /// The connection broke; `retrying` is false when the browser gave up.
    Broken {
        /// Whether the browser will reconnect by itself.
        retrying: bool,
    },
}

type Listener = Closure<dyn FnMut(Event)>;

/// An open subscription; dropping it closes the connection.
pub struct LiveFeed {
    source: EventSource,
    // Kept so the callbacks live exactly as long as the connection.
    _listeners: Vec<Listener>,
}

impl LiveFeed {
    /// Subscribes to `url` and hands every message to `on_message`.
    pub fn open(url: &str, on_message: impl Fn(LiveMessage) + 'static) -> Option<Self> {
        let source = EventSource::new(url).ok()?;
        let on_message = std::rc::Rc::new(on_message);
        let mut listeners = Vec::new();

        let mut listen = |name: &str, handler: Box<dyn Fn(Event)>| {
            let closure: Listener = Closure::new(move |ev: Event| handler(ev));
            source
                .add_event_listener_with_callback(name, closure.as_ref().unchecked_ref())
                .ok()?;
            listeners.push(closure);
            Some(())
        };

        let f = on_message.clone();
        listen("open", Box::new(move |_| f(LiveMessage::Open)))?;

        let f = on_message.clone();
        listen(
            "event",
            Box::new(move |ev| {
                let data = ev
                    .dyn_ref::<MessageEvent>()
                    .and_then(|m| m.data().as_string());
                // A message that does not parse is skipped: the next reload shows the truth.
                if let Some(event) = data.and_then(|d| serde_json::from_str(&d).ok()) {
                    f(LiveMessage::Event(Box::new(event)));
                }
            }),
        )?;

        let f = on_message.clone();
        listen("lagged", Box::new(move |_| f(LiveMessage::Lagged)))?;

        let f = on_message;
        let probe = source.clone();
        listen(
            "error",
            Box::new(move |_| {
                let retrying = probe.ready_state() != EventSource::CLOSED;
                f(LiveMessage::Broken { retrying });
            }),
        )?;

        Some(Self {
            source,
            _listeners: listeners,
        })
    }

    /// Makes the feed movable into Leptos cleanups, which must be `Send`; the app has one thread.
    pub fn into_send(self) -> SendWrapper<Self> {
        SendWrapper::new(self)
    }
}

impl Drop for LiveFeed {
    fn drop(&mut self) {
        self.source.close();
    }
}
