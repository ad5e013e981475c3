//! The annual report of a province's plan, or of one institution's part of it, at the reader's
//! reach: every visitor reads the levels, the public meetings, the contested acts and the
//! signals' statistics; a logged-in reader also reads the notes, evidence and every activity of
//! the institutions in their scope.

use super::App;
use super::log::Moment;
use super::plan::no_plan;
use crate::access::ReadScope;
use crate::projections::report::ReportRequest;
use crate::projections::work::ActivityKey;
use crate::util::errors::{AppError, AppResult};
use antikor_migrations::country::country;
use antikor_shared::report::{ActivityList, AnnualReport, LISTED_PER_KIND, ReportActivity};
use antikor_shared::{ProvinceCode, TenantId};

impl App {
    /// The report on `province`'s plan of `year` (of `institution` only, when given), now or
    /// as of a moment. `reader` is the logged-in caller's scope (`None`: a visitor). An
    /// institution outside the province answers 404.
    pub async fn annual_report(
        &self,
        reader: Option<ReadScope>,
        province: &ProvinceCode,
        institution: Option<TenantId>,
        year: i32,
        as_of: Option<Moment>,
    ) -> AppResult<AnnualReport> {
        if let Some(t) = &institution
            && self.models_unscoped().province_of(t) != Some(province)
        {
            return Err(AppError::NotFound(format!(
                "Няма институция „{t}“ в областта."
            )));
        }
        let province = province.clone();
        let province_name = country()
            .province(province.as_str())
            .map_or_else(|| province.to_string(), |p| p.name_bg.to_owned());
        let (report, listings) = self
            .at(as_of, move |models, today| {
                let detailed = |t: &TenantId| reader.as_ref().is_some_and(|s| s.covers(t));
                let request = ReportRequest {
                    province: &province,
                    province_name,
                    year,
                    institution: institution.as_ref(),
                    detailed: &detailed,
                };
                models.annual_report(&request, today)
            })
            .await?
            .ok_or_else(|| no_plan(year))?;
        let mut report = report;
        for listing in listings {
            let mut records = Vec::with_capacity(listing.listed.len());
            for listed in &listing.listed {
                records.extend(self.activity_as_of(&listed.tenant, listed.id, report.position)?);
            }
            // Two sources (the detailed institutions' lists, the others' public ones) merged:
            // the newest of both, then oldest first, as a report reads.
            records.sort_by_key(ActivityKey::of);
            records.truncate(LISTED_PER_KIND);
            records.reverse();
            report.activities.push(ActivityList {
                kind: listing.kind,
                total: listing.total,
                items: records
                    .into_iter()
                    .map(|r| ReportActivity {
                        tenant: r.tenant,
                        activity: r.activity,
                    })
                    .collect(),
            });
        }
        Ok(report)
    }
}
