//! The logged-in user: the session context, the start-up check, expiry, and the page guard.

use crate::access::login_href;
use crate::api;
use crate::components::{Loading, set_title};
use antikor_shared::account::{Role, SessionInfo};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::NavigateOptions;
use leptos_router::components::A;
use leptos_router::hooks::{use_location, use_navigate};

/// Why the login page is shown without having been asked for: a message it shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionNotice {
    /// The server ended the session.
    Expired,
    /// The user logged out.
    LoggedOut,
}

impl SessionNotice {
    /// The message, in the page's language.
    pub fn text(self) -> String {
        match self {
            Self::Expired => t!("shell-session-expired"),
            Self::LoggedOut => t!("shell-session-logged-out"),
        }
    }
}

/// Shown on the login page when the server ended the session.
pub const EXPIRED: SessionNotice = SessionNotice::Expired;

/// Shown on the login page after the user logged out.
pub const LOGGED_OUT: SessionNotice = SessionNotice::LoggedOut;

/// What the app knows about who uses it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Auth {
    /// The start-up `GET /api/session` has not answered yet.
    Checking,
    /// Nobody is logged in.
    Visitor,
    /// Logged in; holds the CSRF token that changing requests must carry.
    User(SessionInfo),
}

impl Auth {
    /// The logged-in user's tenant: `None` while the session is being checked, `Some(None)`
    /// for a visitor.
    pub fn tenant(&self) -> Option<Option<antikor_shared::TenantId>> {
        match self {
            Auth::Checking => None,
            Auth::Visitor => Some(None),
            Auth::User(info) => Some(Some(info.tenant.clone())),
        }
    }

    /// The logged-in user's username; `None` for a visitor or while checking.
    pub fn username(&self) -> Option<String> {
        match self {
            Auth::User(info) => Some(info.username.to_string()),
            _ => None,
        }
    }
}

/// The session context, provided by the app and read with [`use_session`].
#[derive(Debug, Clone, Copy)]
pub struct Session {
    /// Who is logged in.
    pub auth: RwSignal<Auth>,
    /// A message for the login page (session expired, logged out); cleared by a login.
    pub notice: RwSignal<Option<SessionNotice>>,
}

impl Session {
    /// The logged-in user, untracked: for pages that render only for a logged-in user.
    pub fn user_untracked(&self) -> Option<SessionInfo> {
        self.auth.with_untracked(|a| match a {
            Auth::User(info) => Some(info.clone()),
            _ => None,
        })
    }

    /// The logged-in user's role, tracked.
    pub fn role(&self) -> Option<Role> {
        self.auth.with(|a| match a {
            Auth::User(info) => Some(info.role),
            _ => None,
        })
    }

    /// Records a new session: a login or a password change.
    pub fn start(&self, info: SessionInfo) {
        self.notice.try_set(None);
        self.auth.try_set(Auth::User(info));
    }

    /// Forgets the session, leaving `notice` for the login page.
    pub fn end(&self, notice: Option<SessionNotice>) {
        self.notice.try_set(notice);
        self.auth.try_set(Auth::Visitor);
    }
}

/// Creates the session context and asks the server, once, whether a session exists.
pub fn provide_session() -> Session {
    let session = Session {
        auth: RwSignal::new(Auth::Checking),
        notice: RwSignal::new(None),
    };
    provide_context(session);
    spawn_local(async move {
        // 401 is the normal answer for visitors; other failures leave them visitors too, and
        // the pages then show what is wrong with the server.
        let auth = match api::session().await {
            Ok(info) => Auth::User(info),
            Err(_) => Auth::Visitor,
        };
        session.auth.try_set(auth);
    });
    session
}

/// The session context.
pub fn use_session() -> Session {
    expect_context::<Session>()
}

/// The current address (path and query) as the browser shows it.
pub fn current_path() -> String {
    let location = window().location();
    let path = location.pathname().unwrap_or_else(|_| "/".to_owned());
    let search = location.search().unwrap_or_default();
    format!("{path}{search}")
}

/// Watches every API answer: a 401 while logged in means the server ended the session (idle or
/// absolute expiry, password changed elsewhere, account disabled). Renders nothing; it sits
/// inside the router to be able to navigate.
#[component]
pub fn SessionExpiry() -> impl IntoView {
    let session = use_session();
    let navigate = use_navigate();
    api::on_unauthorized(move || {
        // Visitors and the start-up check get 401 as a matter of course.
        if !matches!(session.auth.get_untracked(), Auth::User(_)) {
            return;
        }
        let here = current_path();
        session.end(Some(EXPIRED));
        navigate(&login_href(Some(&here)), NavigateOptions::default());
    });
}

/// Whether the current user may open a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Access {
    Checking,
    Visitor,
    Allowed,
    Denied(Role),
}

/// Shows `children` only to a logged-in user whose role `allow`s it. Visitors are sent to the
/// login page, returning here afterwards; other roles get a message saying why not.
#[component]
pub fn Protected(
    /// Which roles may see the page.
    allow: fn(Role) -> bool,
    /// The page.
    children: ChildrenFn,
) -> impl IntoView {
    let session = use_session();
    let location = use_location();
    let navigate = use_navigate();
    // A memo, so that a new session of the same user (a password change) keeps the page.
    let access = Memo::new(move |_| {
        session.auth.with(|a| match a {
            Auth::Checking => Access::Checking,
            Auth::Visitor => Access::Visitor,
            Auth::User(info) if allow(info.role) => Access::Allowed,
            Auth::User(info) => Access::Denied(info.role),
        })
    });
    let page = location.pathname.get_untracked();
    Effect::new(move |_| {
        // Someone else (logout, expiry) may already have navigated away from this page.
        if access.get() == Access::Visitor && location.pathname.get_untracked() == page {
            let next = current_path();
            navigate(
                &login_href(Some(&next)),
                NavigateOptions {
                    replace: true,
                    ..NavigateOptions::default()
                },
            );
        }
    });
    move || match access.get() {
        Access::Checking => view! { <Loading /> }.into_any(),
        Access::Visitor => {
            let href = login_href(Some(&current_path()));
            view! {
                <div class="notice notice--info" role="status" data-testid="login-required">
                    <p>{t!("shell-login-required")}</p>
                    <p>
                        <a href=href>{t!("shell-login")}</a>
                    </p>
                </div>
            }
            .into_any()
        }
        Access::Allowed => children().into_any(),
        Access::Denied(role) => view! { <Forbidden role /> }.into_any(),
    }
}

/// The message for a page the user's role may not open.
#[component]
fn Forbidden(role: Role) -> impl IntoView {
    set_title(&t!("shell-forbidden-title"));
    view! {
        <section class="notice notice--error" id="forbidden" role="alert">
            <h1>{t!("shell-forbidden-heading")}</h1>
            <p>{t!("shell-forbidden-text", role = role.label(crate::i18n::lang()))}</p>
            <p>
                <A href="/">{t!("shell-to-home")}</A>
            </p>
        </section>
    }
}
