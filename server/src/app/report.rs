//! The annual report of a province's plan, or of one institution's part of it, at the reader's
//! reach: every visitor reads the levels, the public meetings, the contested acts and the
//! signals' statistics; a logged-in reader also reads the notes, evidence and every activity of
//! the institutions in their scope. Visitors' reports (and their Word documents) are kept for
//! a few seconds, since anyone may ask for them as often as they like.

use super::App;
use super::log::Moment;
use super::plan::no_plan;
use crate::access::ReadScope;
use crate::projections::report::ReportRequest;
use crate::projections::work::ActivityKey;
use crate::util::errors::{AppError, AppResult};
use antikor_migrations::country::country;
use antikor_shared::i18n::Lang;
use antikor_shared::report::{ActivityList, AnnualReport, LISTED_PER_KIND, ReportActivity};
use antikor_shared::{ProvinceCode, TenantId};
use axum::body::Bytes;
use std::collections::HashMap;
use std::sync::{Arc, PoisonError};
use std::time::{Duration, Instant};

/// How long a visitor's report is served again before it is built anew: a province's report
/// costs milliseconds to build (its Word document a tenth of a second), a public page must not.
const PUBLIC_FRESH: Duration = Duration::from_secs(10);

/// How many visitors' reports are kept at most (one per province, year and institution asked).
const PUBLIC_KEPT: usize = 64;

/// Which report: of a province's plan of a year, of the province or of one institution.
type ReportKey = (ProvinceCode, i32, Option<TenantId>);

/// The reports visitors read lately.
#[derive(Debug, Default)]
pub(crate) struct PublicReports {
    kept: HashMap<ReportKey, PublicReport>,
}

#[derive(Debug)]
struct PublicReport {
    built: Instant,
    report: Arc<AnnualReport>,
    /// Its Word document, once someone asked for it.
    docx: Option<Bytes>,
}

impl PublicReports {
    fn fresh(&self, key: &ReportKey) -> Option<&PublicReport> {
        self.kept
            .get(key)
            .filter(|k| k.built.elapsed() < PUBLIC_FRESH)
    }

    fn keep(&mut self, key: ReportKey, report: Arc<AnnualReport>) {
        if self.kept.len() >= PUBLIC_KEPT {
            self.kept.retain(|_, k| k.built.elapsed() < PUBLIC_FRESH);
            if self.kept.len() >= PUBLIC_KEPT {
                self.kept.clear();
            }
        }
        let built = Instant::now();
        self.kept.insert(
            key,
            PublicReport {
                built,
                report,
                docx: None,
            },
        );
    }
}

/// What a report request asks for and who asks.
#[derive(Debug, Clone)]
pub struct ReportAsk {
    /// The logged-in caller's scope (`None`: a visitor, who reads a report up to
    /// [`PUBLIC_FRESH`] old).
    pub reader: Option<ReadScope>,
    /// The province whose plan it reports on.
    pub province: ProvinceCode,
    /// One institution of the province only (`None`: the whole province).
    pub institution: Option<TenantId>,
    /// The plan's year.
    pub year: i32,
    /// As of this moment (`None`: now).
    pub as_of: Option<Moment>,
}

impl ReportAsk {
    /// The key of a visitor's report of now (`None` for a logged-in reader's or a past
    /// moment's, which are built each time).
    fn visitors_key(&self) -> Option<ReportKey> {
        (self.reader.is_none() && self.as_of.is_none())
            .then(|| (self.province.clone(), self.year, self.institution.clone()))
    }
}

impl App {
    /// The report `ask` names. An institution outside the province answers 404.
    pub async fn annual_report(&self, ask: ReportAsk) -> AppResult<Arc<AnnualReport>> {
        let Some(key) = ask.visitors_key() else {
            return Ok(Arc::new(self.build_report(ask).await?));
        };
        if let Some(kept) = self.public_reports().fresh(&key) {
            return Ok(kept.report.clone());
        }
        let report = Arc::new(self.build_report(ask).await?);
        self.public_reports().keep(key, report.clone());
        Ok(report)
    }

    /// The same report as a Word document's bytes.
    pub async fn annual_report_docx(&self, ask: ReportAsk) -> AppResult<Bytes> {
        let key = ask.visitors_key();
        if let Some(docx) = key
            .as_ref()
            .and_then(|k| self.public_reports().fresh(k)?.docx.clone())
        {
            return Ok(docx);
        }
        let report = self.annual_report(ask).await?;
        let written = report.clone();
        // A province's year is megabytes of XML to zip: off the async workers.
        let docx = Bytes::from(
            tokio::task::spawn_blocking(move || crate::document::annual_report(&written))
                .await
                .map_err(anyhow::Error::from)??,
        );
        if let Some(key) = key {
            // Kept with the report it was written from, not with a newer one built meanwhile.
            if let Some(kept) = self.public_reports().kept.get_mut(&key)
                && Arc::ptr_eq(&kept.report, &report)
            {
                kept.docx = Some(docx.clone());
            }
        }
        Ok(docx)
    }

    fn public_reports(&self) -> std::sync::MutexGuard<'_, PublicReports> {
        self.public_reports
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }

    /// Builds the report [`Self::annual_report`] answers.
    async fn build_report(&self, ask: ReportAsk) -> AppResult<AnnualReport> {
        let ReportAsk {
            reader,
            province,
            institution,
            year,
            as_of,
        } = ask;
        if let Some(t) = &institution
            && self.models_unscoped().province_of(t) != Some(&province)
        {
            return Err(AppError::NotFound(antikor_shared::msg!(
                "requests-no-tenant-in-province",
                tenant = t.to_string()
            )));
        }
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
                records.extend(self.activity_as_of(
                    &listed.tenant,
                    listed.id,
                    report.position,
                    Lang::Bg,
                )?);
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
