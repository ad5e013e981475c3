//! The corruption-risk register as callers see and keep it: a tenant's register of a year
//! (through a [`TenantRead`]), one risk (a [`ReadScope`]), the tenants side by side (the
//! combined view), and the commands of the caller's own tenant (a [`TenantWrite`]).

use super::App;
use crate::access::{ReadScope, TenantRead, TenantWrite};
use crate::domain::clocks::cell;
use crate::domain::risks::{RiskAggregate, RiskCommand, RiskContext};
use crate::exports::CsvTable;
use crate::projections::ReadModels;
use crate::streams;
use crate::util::errors::{AppError, AppResult};
use crate::util::paging::PageRequest;
use antikor_shared::api::Page;
use antikor_shared::i18n::Lang;
use antikor_shared::risk::{
    AreaRisks, RegionRiskRow, RegionRisks, RiskArea, RiskIdentified, RiskRecord, RiskSummary,
    TOP_PER_AREA, TopRisk,
};
use antikor_shared::signal::Cell;
use antikor_shared::text::date_bg;
use antikor_shared::{ProvinceCode, TenantId};
use chrono::Datelike;
use std::collections::BTreeMap;
use uuid::Uuid;

/// The columns of the register's CSV file.
pub const RISK_COLUMNS: &[&str] = &[
    "Код",
    "Област на дейност",
    "Процес или звено",
    "Описание",
    "Причини",
    "Собственик",
    "Присъщ риск (В×В)",
    "Съществуващи контроли",
    "Остатъчен риск (В×В)",
    "Ниво",
    "Отговор",
    "Планирани мерки",
    "Мерки от плана",
    "Срок на мерките",
    "Срок за преглед",
    "Прегледи",
    "Състояние",
];

/// A risk with its count of related signals: exact when `exact` (the reader keeps the
/// tenant's signals register), otherwise with small counts suppressed.
fn with_signals(models: &ReadModels, risk: &RiskRecord, exact: bool) -> RiskRecord {
    let n = u64::from(models.risks.signals_of(&risk.tenant, risk.id));
    RiskRecord {
        signals: Some(if exact && n > 0 {
            Cell::Exact(n)
        } else {
            cell(n)
        }),
        ..risk.clone()
    }
}

fn no_risk() -> AppError {
    AppError::NotFound(antikor_shared::msg!("requests-no-such-risk"))
}

/// A rating as a cell: "4×5 = 20".
fn rating_cell(rating: Option<antikor_shared::risk::Rating>) -> String {
    rating.map_or_else(String::new, |r| {
        format!("{}×{} = {}", r.likelihood, r.impact, r.score())
    })
}

impl App {
    /// The year a register request means: the one asked, else the newest year of the tenant's
    /// register, else this year.
    pub fn risk_year(&self, tenant: &TenantId, year: Option<i32>) -> i32 {
        year.unwrap_or_else(|| {
            self.models_unscoped()
                .risks
                .of(tenant)
                .and_then(|r| r.years().next())
                .unwrap_or_else(|| self.clock.today().year())
        })
    }

    /// A page of a tenant's register of one year, in the register's order.
    pub fn risks(
        &self,
        scope: &TenantRead,
        year: i32,
        request: &PageRequest<u32>,
        exact: bool,
    ) -> AppResult<Page<RiskRecord>> {
        let models = self.models_unscoped();
        let page = models
            .risks
            .of(scope.tenant())
            .map(|r| r.page(year, request))
            .unwrap_or(Page {
                items: Vec::new(),
                next: None,
                total: 0,
            });
        Ok(page.map(|r| with_signals(&models, &r, exact)))
    }

    /// A tenant's register of one year in figures: heat maps, bands, what needs attention.
    pub fn risk_summary(&self, scope: &TenantRead, year: i32) -> RiskSummary {
        let today = self.clock.today();
        self.models_unscoped()
            .risks
            .summary(scope.tenant(), year, today)
    }

    /// One risk, when the scope covers its tenant (otherwise 404, as if it did not exist);
    /// `exact` says whether the reader keeps a tenant's signals register.
    pub fn risk(
        &self,
        scope: &ReadScope,
        id: Uuid,
        exact: impl Fn(&TenantId) -> bool,
    ) -> AppResult<RiskRecord> {
        let models = self.models_unscoped();
        models
            .tenants
            .keys()
            .filter(|t| scope.covers(t))
            .find_map(|t| models.risks.get(t, id))
            .map(|r| with_signals(&models, r, exact(&r.tenant)))
            .ok_or_else(no_risk)
    }

    /// A tenant's register of one year as a CSV file (columns [`RISK_COLUMNS`]).
    pub fn risks_csv(&self, scope: &TenantRead, year: i32) -> AppResult<String> {
        let models = self.models_unscoped();
        let name = |username: &str| {
            models
                .accounts
                .get(username)
                .map_or_else(|| username.to_owned(), |a| a.account.display_name.clone())
        };
        let mut table = CsvTable::new(RISK_COLUMNS)?;
        for risk in models
            .risks
            .of(scope.tenant())
            .into_iter()
            .flat_map(|r| r.of_year(year))
        {
            let assessment = risk.assessment.as_ref();
            let treatment = risk.treatment.as_ref();
            let reviews = risk
                .reviews
                .iter()
                .map(|r| format!("{}: {}", date_bg(r.review.reviewed_on), r.review.note))
                .collect::<Vec<_>>()
                .join("; ");
            table.row([
                risk.code(),
                risk.identified.area.label(Lang::Bg).to_owned(),
                risk.identified.unit.clone(),
                risk.identified.description.clone(),
                risk.identified.causes.clone(),
                name(&risk.identified.owner),
                rating_cell(risk.inherent()),
                assessment.map(|a| a.controls.clone()).unwrap_or_default(),
                rating_cell(risk.residual()),
                risk.band()
                    .map(|b| b.label(Lang::Bg).to_owned())
                    .unwrap_or_default(),
                treatment
                    .map(|t| t.response.label(Lang::Bg).to_owned())
                    .unwrap_or_default(),
                treatment.map(|t| t.actions.clone()).unwrap_or_default(),
                treatment.map(|t| t.measures.join(", ")).unwrap_or_default(),
                crate::exports::date(treatment.and_then(|t| t.due_on)),
                date_bg(risk.identified.review_on),
                reviews,
                risk.status().label(Lang::Bg).to_owned(),
            ])?;
        }
        Ok(table.finish()?)
    }

    /// The registers of a province's tenants in `scope`, side by side, for one year: figures
    /// per tenant, and per area the highest residual risks.
    pub fn region_risks(
        &self,
        scope: &ReadScope,
        province: &ProvinceCode,
        year: i32,
    ) -> RegionRisks {
        let today = self.clock.today();
        let models = self.models_unscoped();
        region_risks(&models, province, year, today, |t| scope.covers(t))
    }

    /// What the checks of a command on the caller's tenant's risk of `year` need to know.
    pub(super) fn risk_context(&self, scope: &TenantWrite, year: i32) -> RiskContext {
        let models = self.models_unscoped();
        RiskContext {
            today: self.clock.today(),
            plan: models
                .province_of(scope.tenant())
                .and_then(|p| models.plans.get(p, year))
                .map(|p| p.plan.clone()),
            owners: models
                .accounts
                .of_tenant(scope.tenant())
                .filter(|a| !a.account.disabled && !a.account.role.is_read_only())
                .map(|a| a.account.username.to_string())
                .collect(),
        }
    }

    /// A risk of the caller's tenant as the read models have it after a command.
    pub(super) fn written_risk(
        &self,
        tenant: &TenantId,
        id: Uuid,
        exact: bool,
    ) -> AppResult<RiskRecord> {
        let models = self.models_unscoped();
        models
            .risks
            .get(tenant, id)
            .map(|r| with_signals(&models, r, exact))
            .ok_or_else(no_risk)
    }

    /// Enters a risk in the caller's tenant's register.
    pub async fn identify_risk(
        &self,
        scope: &TenantWrite,
        risk: RiskIdentified,
        exact: bool,
    ) -> AppResult<RiskRecord> {
        let context = self.risk_context(scope, risk.year);
        let id = Uuid::new_v4();
        let command = RiskCommand::Identify(risk);
        self.execute::<RiskAggregate>(scope, streams::risk(id), None, command, &context)
            .await?;
        self.written_risk(scope.tenant(), id, exact)
    }

    /// Rates, treats, reviews or closes a risk of the caller's tenant, as of the version the
    /// caller read.
    pub async fn change_risk(
        &self,
        scope: &TenantWrite,
        id: Uuid,
        expected_version: u64,
        command: RiskCommand,
        exact: bool,
    ) -> AppResult<RiskRecord> {
        let year = self
            .models_unscoped()
            .risks
            .get(scope.tenant(), id)
            .map(|r| r.identified.year)
            .ok_or_else(no_risk)?;
        let context = self.risk_context(scope, year);
        let stream = streams::risk(id);
        self.execute::<RiskAggregate>(scope, stream, Some(expected_version), command, &context)
            .await?;
        self.written_risk(scope.tenant(), id, exact)
    }
}

/// The regional view of the registers (see [`App::region_risks`]).
fn region_risks(
    models: &ReadModels,
    province: &ProvinceCode,
    year: i32,
    today: chrono::NaiveDate,
    include: impl Fn(&TenantId) -> bool,
) -> RegionRisks {
    let mut view = RegionRisks {
        year,
        tenants: Vec::new(),
        without_register: 0,
        untreated: 0,
        areas: Vec::new(),
    };
    let mut areas: BTreeMap<RiskArea, (u32, Vec<TopRisk>)> = BTreeMap::new();
    for tenant in models.tenant_list() {
        if tenant.registration.province.as_ref() != Some(province) || !include(&tenant.id) {
            continue;
        }
        let register = models.risks.of(&tenant.id);
        let summary = models.risks.summary(&tenant.id, year, today);
        if summary.open + summary.closed == 0 {
            view.without_register += 1;
        }
        view.untreated += summary.untreated;
        for risk in register.into_iter().flat_map(|r| r.of_year(year)) {
            if risk.closed.is_some() {
                continue;
            }
            let (open, top) = areas.entry(risk.identified.area).or_default();
            *open += 1;
            if let Some(residual) = risk.residual() {
                top.push(TopRisk {
                    tenant: tenant.id.clone(),
                    name: tenant.registration.name(),
                    id: risk.id,
                    code: risk.code(),
                    unit: risk.identified.unit.clone(),
                    description: risk.identified.description.clone(),
                    residual,
                    response: risk.treatment.as_ref().map(|t| t.response),
                    signals: cell(u64::from(models.risks.signals_of(&tenant.id, risk.id))),
                });
                // The highest first; of equal scores the more likely (harder to dismiss).
                top.sort_by_key(|t| std::cmp::Reverse((t.residual.score(), t.residual.likelihood)));
                top.truncate(TOP_PER_AREA);
            }
        }
        view.tenants.push(RegionRiskRow {
            tenant: tenant.id,
            name: tenant.registration.name(),
            summary,
        });
    }
    view.areas = areas
        .into_iter()
        .map(|(area, (open, top))| AreaRisks { area, open, top })
        .collect();
    let highest = |a: &AreaRisks| a.top.first().map_or(0, |t| t.residual.score());
    view.areas
        .sort_by_key(|a| (std::cmp::Reverse(highest(a)), a.area));
    view
}
