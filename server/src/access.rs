//! Who is asking, and what they may reach: the [`Principal`] of a request and the scopes made
//! from it. A handler reads or writes a tenant's data only through a scope, and only a
//! principal (derived from the session, never from a client-supplied tenant id) makes one.

use crate::auth::session::ActiveSession;
use crate::projections::ReadModels;
use crate::projections::reminders::Wanted;
use crate::util::errors::{AppError, AppResult};
use antikor_shared::account::{Role, RoleReach};
use antikor_shared::events::is_confidential;
use antikor_shared::msg;
use antikor_shared::tenant::{TenantKind, TenantRegistered};
use antikor_shared::{ProvinceCode, RecordedEvent, TenantId, Username};
use std::collections::BTreeSet;
use std::sync::Arc;

/// The logged-in account a request comes from, as the log says it is now: a role granted or
/// an account disabled takes effect on the next request (`crate::routes::principal` resolves
/// it from the session).
#[derive(Debug, Clone)]
pub struct Principal {
    /// Login name.
    pub username: Username,
    /// The person's name.
    pub display_name: String,
    /// The tenant the account belongs to.
    pub tenant: TenantId,
    /// Its role.
    pub role: Role,
    /// The session the request came with.
    pub session: ActiveSession,
    /// The tenants the account reads, as the directory stood when the request came.
    pub reach: Reach,
}

/// The tenants an account reads: its own, its province's, or the country's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reach {
    /// One tenant.
    Tenant(TenantId),
    /// The registered tenants of one province.
    Province {
        /// The province.
        code: ProvinceCode,
        /// Its tenants when the request came.
        tenants: Arc<BTreeSet<TenantId>>,
    },
    /// Every tenant.
    All,
}

impl Reach {
    /// How far an account of `role` in `tenant` reads, by the directory in `models`. An
    /// account whose tenant has no province (or is unknown) reads its own tenant only, never
    /// more: doubt narrows.
    pub fn of(role: Role, tenant: &TenantId, models: &ReadModels) -> Self {
        let registration = models
            .tenants
            .get(tenant)
            .and_then(|m| m.registration.as_ref())
            .map(|(r, _)| r);
        let kind = registration.map_or(TenantKind::Municipality, |r| r.kind);
        match role.reach(kind) {
            RoleReach::Country => Self::All,
            RoleReach::Province => match registration.and_then(|r| r.province.as_ref()) {
                Some(code) => Self::province(code.clone(), models),
                None => Self::Tenant(tenant.clone()),
            },
            RoleReach::OwnTenant => Self::Tenant(tenant.clone()),
        }
    }

    fn province(code: ProvinceCode, models: &ReadModels) -> Self {
        let tenants = models.provinces.get(&code).cloned().unwrap_or_default();
        Self::Province { code, tenants }
    }

    fn covers(&self, tenant: &TenantId) -> bool {
        match self {
            Self::Tenant(own) => own == tenant,
            Self::Province { tenants, .. } => tenants.contains(tenant),
            Self::All => true,
        }
    }
}

/// Proof that the caller may read the names and roles of the people whose work its records
/// show: the accounts in its reach, and those whose reach includes its tenant (the region's
/// staff and the national bodies that may act on it).
#[derive(Debug, Clone)]
pub struct PeopleReader {
    tenant: TenantId,
    reach: Reach,
}

impl PeopleReader {
    /// Whether the caller may read who the account of `role` in `tenant` is.
    pub fn sees(&self, tenant: &TenantId, role: Role, models: &ReadModels) -> bool {
        self.reach.covers(tenant) || Reach::of(role, tenant, models).covers(&self.tenant)
    }
}

/// Proof that the caller may read the records of some tenants.
#[derive(Debug, Clone)]
pub struct ReadScope {
    reach: Reach,
    /// Whether the events of signals (sealed, see `crate::vault`) are in sight: for the
    /// tenant's officers and for auditors only. Everyone else sees neither the events nor
    /// their counts.
    signals: bool,
}

impl ReadScope {
    /// Whether the scope reaches a tenant's records.
    pub fn covers(&self, tenant: &TenantId) -> bool {
        self.reach.covers(tenant)
    }

    /// Whether the caller may see one event of the log.
    pub fn sees(&self, event: &RecordedEvent) -> bool {
        self.covers(&event.tenant) && self.sees_type(&event.event_type)
    }

    /// Whether events of this type are in sight (signals' events are not, for most roles).
    pub fn sees_type(&self, event_type: &str) -> bool {
        self.signals || !is_confidential(event_type)
    }

    /// The tenant a request may be narrowed to: the caller's own when the scope is one
    /// tenant, or the requested one (`None`: every tenant in reach) when the scope is wider.
    /// Asking for a tenant out of reach answers 404, as if it did not exist.
    pub fn narrow(&self, requested: Option<TenantId>) -> AppResult<Option<TenantId>> {
        match (&self.reach, requested) {
            (Reach::Tenant(own), None) => Ok(Some(own.clone())),
            (_, None) => Ok(None),
            (reach, Some(t)) if reach.covers(&t) => Ok(Some(t)),
            (_, Some(t)) => Err(AppError::NotFound(msg!(
                "requests-no-tenant-named",
                tenant = t.to_string()
            ))),
        }
    }

    /// The scope narrowed to one province's tenants (`None`: as it is). A province out of
    /// reach, or one the directory does not know, answers 404.
    pub fn within(self, province: Option<&str>, models: &ReadModels) -> AppResult<Self> {
        let Some(code) = models
            .province_named(province)
            .map_err(AppError::NotFound)?
        else {
            return Ok(self);
        };
        let unknown =
            || AppError::NotFound(msg!("requests-no-province-named", code = code.to_string()));
        let reach = match self.reach {
            Reach::All => Reach::province(code, models),
            Reach::Province { code: own, .. } if own != code => return Err(unknown()),
            Reach::Tenant(_) => return Err(unknown()),
            same => same,
        };
        Ok(Self { reach, ..self })
    }

    /// The province the scope reaches, when it reaches one.
    pub fn province(&self) -> Option<&ProvinceCode> {
        match &self.reach {
            Reach::Province { code, .. } => Some(code),
            Reach::Tenant(_) | Reach::All => None,
        }
    }

    /// The tenants of the province the scope reaches, when it reaches one (for reads that
    /// must pass over the others inside the read, not drop them after).
    pub fn province_tenants(&self) -> Option<Arc<BTreeSet<TenantId>>> {
        match &self.reach {
            Reach::Province { tenants, .. } => Some(tenants.clone()),
            Reach::Tenant(_) | Reach::All => None,
        }
    }

    /// What anyone may read without logging in: every tenant's public records, no signal.
    pub fn public() -> Self {
        Self {
            reach: Reach::All,
            signals: false,
        }
    }

    /// Whether the scope reaches every tenant the directory holds.
    pub fn covers_every_tenant(&self, models: &ReadModels) -> bool {
        models
            .tenants
            .iter()
            .filter(|(_, m)| m.registration.is_some())
            .all(|(id, _)| self.covers(id))
    }
}

/// Proof that the caller may read one tenant's records.
#[derive(Debug, Clone)]
pub struct TenantRead {
    tenant: TenantId,
}

impl TenantRead {
    /// A writer's own tenant: who may write in it may read it.
    pub fn of(write: &TenantWrite) -> Self {
        Self {
            tenant: write.tenant().clone(),
        }
    }

    /// The tenant.
    pub fn tenant(&self) -> &TenantId {
        &self.tenant
    }
}

/// What waits for the caller: in their own tenant, of the kinds their role acts on.
#[derive(Debug, Clone)]
pub struct ReminderScope {
    tenant: TenantId,
    wanted: Wanted,
}

impl ReminderScope {
    /// The caller's tenant.
    pub fn tenant(&self) -> &TenantId {
        &self.tenant
    }

    /// The kinds of reminder the caller is given.
    pub fn wanted(&self) -> Wanted {
        self.wanted
    }
}

/// Proof that the caller may append to one tenant's log; carries who is recorded as actor.
#[derive(Debug, Clone)]
pub struct TenantWrite {
    tenant: TenantId,
    actor: String,
}

impl TenantWrite {
    /// For what the server records by itself or on behalf of someone not yet logged in
    /// (seeding, the command line, the security log of login attempts).
    pub(crate) fn system(tenant: TenantId, actor: impl Into<String>) -> Self {
        Self {
            tenant,
            actor: actor.into(),
        }
    }

    /// The tenant written to.
    pub fn tenant(&self) -> &TenantId {
        &self.tenant
    }

    /// Who the events are recorded as caused by.
    pub fn actor(&self) -> &str {
        &self.actor
    }
}

/// Proof that the caller is an officer of a tenant's signals register: the only way to read
/// an individual signal or open a sealed field.
#[derive(Debug, Clone)]
pub struct SignalDesk {
    write: TenantWrite,
}

impl SignalDesk {
    /// For the reporter, who reaches one signal with its receipt code, and for the server's
    /// own work on signals (the retention sweep).
    pub(crate) fn system(tenant: TenantId, actor: &str) -> Self {
        Self {
            write: TenantWrite::system(tenant, actor),
        }
    }

    /// The register's tenant.
    pub fn tenant(&self) -> &TenantId {
        self.write.tenant()
    }

    /// Permission to append to the register (as the officer).
    pub fn write(&self) -> &TenantWrite {
        &self.write
    }
}

/// Proof that the caller manages accounts: of their own tenant (tenant admin), of every tenant
/// of their province (regional admin) or of the country (national admin).
#[derive(Debug, Clone)]
pub struct AccountAdmin {
    reach: Reach,
    role: Role,
    actor: Username,
}

impl AccountAdmin {
    /// Whether the administrator may give this role (tenant admins: officer or tenant admin;
    /// regional and national admins any role that fits the account's tenant).
    pub fn may_grant(&self, role: Role) -> bool {
        matches!(self.role, Role::RegionalAdmin | Role::NationalAdmin)
            || matches!(role, Role::Officer | Role::TenantAdmin)
    }

    /// Permission to change accounts of `tenant`; a tenant out of reach answers 404.
    pub fn write(&self, tenant: &TenantId) -> AppResult<TenantWrite> {
        if !self.reach.covers(tenant) {
            return Err(AppError::NotFound(msg!("requests-no-such-account")));
        }
        Ok(TenantWrite {
            tenant: tenant.clone(),
            actor: self.actor.to_string(),
        })
    }

    /// Who the administrator is.
    pub fn username(&self) -> &Username {
        &self.actor
    }
}

/// Proof that the caller may register tenants: a regional administrator the municipalities
/// and territorial units of their own province, a national administrator and the command line
/// any tenant.
#[derive(Debug, Clone)]
pub struct TenantRegistrar {
    /// `None`: any tenant anywhere.
    province: Option<ProvinceCode>,
    actor: String,
}

impl TenantRegistrar {
    /// For the command line, run by whoever runs the server.
    pub(crate) fn system(actor: &str) -> Self {
        Self {
            province: None,
            actor: actor.to_owned(),
        }
    }

    /// Permission to write the registration of `tenant`, if it is in the registrar's reach.
    pub fn write(
        &self,
        tenant: &TenantId,
        registration: &TenantRegistered,
    ) -> AppResult<TenantWrite> {
        let Some(own) = &self.province else {
            return Ok(TenantWrite::system(tenant.clone(), self.actor.clone()));
        };
        let kind_allowed = matches!(
            registration.kind,
            TenantKind::Municipality | TenantKind::TerritorialUnit
        );
        if !kind_allowed || registration.province.as_ref() != Some(own) {
            return Err(AppError::Forbidden(msg!(
                "requests-register-own-province",
                province = own.to_string()
            )));
        }
        Ok(TenantWrite::system(tenant.clone(), self.actor.clone()))
    }
}

impl Principal {
    /// Permission to register tenants: regional administrators, in their own province.
    pub fn tenant_registrar(&self) -> AppResult<TenantRegistrar> {
        match (&self.role, &self.reach) {
            (Role::RegionalAdmin, Reach::Province { code, .. }) => Ok(TenantRegistrar {
                province: Some(code.clone()),
                actor: self.username.to_string(),
            }),
            (Role::NationalAdmin, Reach::All) => Ok(TenantRegistrar {
                province: None,
                actor: self.username.to_string(),
            }),
            _ => Err(AppError::Forbidden(msg!(
                "requests-register-tenants-admins-only"
            ))),
        }
    }

    fn reach(&self) -> Reach {
        self.reach.clone()
    }

    /// Whose names and roles the caller may read: any logged-in user, for the people its
    /// histories show.
    pub fn people_reader(&self) -> PeopleReader {
        PeopleReader {
            tenant: self.tenant.clone(),
            reach: self.reach(),
        }
    }

    /// What the caller may read of the log and the read models.
    pub fn read_scope(&self) -> ReadScope {
        ReadScope {
            reach: self.reach(),
            signals: matches!(self.role, Role::Officer | Role::Auditor),
        }
    }

    /// Whether the caller keeps `tenant`'s signals register (is its officer): counts of that
    /// register's signals are then given exactly, to everyone else with small ones suppressed.
    pub fn keeps_signals_of(&self, tenant: &TenantId) -> bool {
        self.role == Role::Officer && self.tenant == *tenant
    }

    /// Permission to keep the caller's tenant's signals register: officers only, since the
    /// register is confidential (not tenant admins, not the region, not auditors).
    pub fn signal_desk(&self) -> AppResult<SignalDesk> {
        if self.role != Role::Officer {
            return Err(AppError::Forbidden(msg!("requests-signals-officers-only")));
        }
        Ok(SignalDesk {
            write: TenantWrite {
                tenant: self.tenant.clone(),
                actor: self.username.to_string(),
            },
        })
    }

    /// Permission to take a copy of the whole log (the auditor's bundle): auditors only, since
    /// it holds every tenant's events, signals' included (their sealed fields as hashes).
    /// An auditor whose reach is one province takes it only while every registered tenant
    /// is in that province (an installation of one province).
    pub fn whole_log(&self, models: &ReadModels) -> AppResult<ReadScope> {
        let scope = self.read_scope();
        match self.role {
            Role::Auditor if scope.covers_every_tenant(models) => Ok(scope),
            Role::Auditor => Err(AppError::Forbidden(msg!(
                "requests-whole-log-central-auditors"
            ))),
            _ => Err(AppError::Forbidden(msg!(
                "requests-whole-log-auditors-only"
            ))),
        }
    }

    /// Whose accounts the caller may list: administrators their reach, auditors all.
    pub fn account_reader(&self) -> AppResult<ReadScope> {
        match self.role {
            Role::TenantAdmin | Role::RegionalAdmin | Role::NationalAdmin | Role::Auditor => {
                Ok(self.read_scope())
            }
            Role::Officer | Role::Regional | Role::National => Err(forbidden()),
        }
    }

    /// Permission to manage accounts.
    pub fn account_admin(&self) -> AppResult<AccountAdmin> {
        if !self.role.manages_accounts() {
            return Err(forbidden());
        }
        Ok(AccountAdmin {
            reach: self.reach(),
            role: self.role,
            actor: self.username.clone(),
        })
    }

    /// Permission to keep the plan of the caller's province: regional staff, writing in their
    /// regional administration.
    pub fn plan_editor(&self) -> AppResult<TenantWrite> {
        match self.role {
            Role::Regional | Role::RegionalAdmin => Ok(TenantWrite {
                tenant: self.tenant.clone(),
                actor: self.username.to_string(),
            }),
            _ => Err(forbidden()),
        }
    }

    /// Permission to see the tenants in reach side by side (the combined view).
    pub fn region_reader(&self) -> AppResult<ReadScope> {
        if self.role.sees_other_tenants() {
            Ok(self.read_scope())
        } else {
            Err(forbidden())
        }
    }

    /// The one tenant a request is about: the requested one if the caller reaches it (404
    /// otherwise), or the caller's own.
    pub fn one_tenant(&self, requested: Option<TenantId>) -> AppResult<TenantRead> {
        let tenant = self
            .read_scope()
            .narrow(requested)?
            .unwrap_or_else(|| self.tenant.clone());
        Ok(TenantRead { tenant })
    }

    /// What waits for the caller: the signals register's clocks for its officers (no one
    /// else sees the register), the tenant's plan and returned acts for whoever writes for
    /// it; nothing for the roles that only read.
    pub fn reminders(&self) -> ReminderScope {
        ReminderScope {
            tenant: self.tenant.clone(),
            wanted: Wanted::of(self.role),
        }
    }

    /// Permission to change the caller's own account (its password), for every role.
    pub fn own_account(&self) -> TenantWrite {
        TenantWrite {
            tenant: self.tenant.clone(),
            actor: self.username.to_string(),
        }
    }

    /// Permission to record the caller's tenant's internal-channel decision and its lists of units
    /// and activities: its officers and administrators.
    pub fn channel_keeper(&self) -> AppResult<TenantWrite> {
        match self.role {
            Role::Officer | Role::TenantAdmin => Ok(TenantWrite {
                tenant: self.tenant.clone(),
                actor: self.username.to_string(),
            }),
            _ => Err(forbidden()),
        }
    }

    /// Permission to write in the caller's own tenant (refused to read-only roles).
    pub fn own_write(&self) -> AppResult<TenantWrite> {
        if self.role.is_read_only() {
            return Err(forbidden());
        }
        Ok(TenantWrite {
            tenant: self.tenant.clone(),
            actor: self.username.to_string(),
        })
    }
}

fn forbidden() -> AppError {
    AppError::Forbidden(msg!("requests-role-forbids"))
}
