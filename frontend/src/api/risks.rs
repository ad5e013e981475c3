//! Calls of the corruption-risk register: a tenant's risks of a year and their figures, one
//! risk and its changes, and the registers of the tenants in reach side by side.

use super::{ApiError, Page, PageAt, changing, get_json, province_query, send_json, view_query};
use crate::format::{encode_query_value, href_with_query};
use antikor_shared::TenantId;
use antikor_shared::risk::{
    RegionRisks, RiskAssessed, RiskChange, RiskClosed, RiskIdentified, RiskRecord, RiskReviewed,
    RiskSummary, RiskTreatmentPlanned,
};
use gloo_net::http::Request;
use serde::Serialize;

/// `GET /api/risks`: a page of a tenant's register of one year (`None`s: the caller's own
/// tenant, and the newest year it keeps), in the register's order.
pub async fn risks(
    tenant: Option<&TenantId>,
    year: Option<i32>,
    page: &PageAt,
) -> Result<Page<RiskRecord>, ApiError> {
    let mut query = view_query(tenant, year, None);
    page.add_to(&mut query);
    get_json("/api/risks", &query).await
}

/// `GET /api/risks/summary`: the same register in figures, with the year it is of.
pub async fn risk_summary(
    tenant: Option<&TenantId>,
    year: Option<i32>,
) -> Result<RiskSummary, ApiError> {
    get_json("/api/risks/summary", &view_query(tenant, year, None)).await
}

/// The address of `GET /api/risks/export.csv`: the whole register of the year as a file the
/// server builds, for a plain download link (same origin, so the session cookie goes along).
pub fn risks_csv_url(tenant: Option<&TenantId>, year: Option<i32>) -> String {
    href_with_query(
        "/api/risks/export.csv",
        view_query(tenant, year, None)
            .into_iter()
            .map(|(k, v)| (k, Some(v))),
    )
}

/// `GET /api/risks/{id}`: one risk as the server has it now.
pub async fn risk(id: &str) -> Result<RiskRecord, ApiError> {
    let url = format!("/api/risks/{}", encode_query_value(id));
    get_json(&url, &[]).await
}

/// `POST /api/risks`: enters a risk in the register of the caller's tenant.
pub async fn identify_risk(body: &RiskIdentified) -> Result<RiskRecord, ApiError> {
    send_json(changing(Request::post("/api/risks"))?, body).await
}

/// `POST /api/risks/{id}/{step}`: a change made against the version read; the answer is the
/// risk as it now stands.
async fn change_risk<T: Serialize>(
    id: &str,
    step: &str,
    body: &RiskChange<T>,
) -> Result<RiskRecord, ApiError> {
    let url = format!("/api/risks/{}/{step}", encode_query_value(id));
    send_json(changing(Request::post(&url))?, body).await
}

/// `POST /api/risks/{id}/assessment`: rates the risk before and after its controls.
pub async fn assess_risk(
    id: &str,
    body: &RiskChange<RiskAssessed>,
) -> Result<RiskRecord, ApiError> {
    change_risk(id, "assessment", body).await
}

/// `POST /api/risks/{id}/treatment`: the response chosen and the measures planned.
pub async fn treat_risk(
    id: &str,
    body: &RiskChange<RiskTreatmentPlanned>,
) -> Result<RiskRecord, ApiError> {
    change_risk(id, "treatment", body).await
}

/// `POST /api/risks/{id}/review`: the risk looked at again and rated anew.
pub async fn review_risk(
    id: &str,
    body: &RiskChange<RiskReviewed>,
) -> Result<RiskRecord, ApiError> {
    change_risk(id, "review", body).await
}

/// `POST /api/risks/{id}/closure`: takes the risk out of the register, saying why.
pub async fn close_risk(id: &str, body: &RiskChange<RiskClosed>) -> Result<RiskRecord, ApiError> {
    change_risk(id, "closure", body).await
}

/// `GET /api/region/risks`: the registers of one year of the tenants in the caller's reach
/// (their province, or the country), or of one `province` of it.
pub async fn region_risks(
    year: Option<i32>,
    province: Option<&str>,
) -> Result<RegionRisks, ApiError> {
    let mut query = view_query(None, year, None);
    query.extend(province_query(province));
    get_json("/api/region/risks", &query).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_of_a_register_names_its_tenant_and_year() {
        let bansko = TenantId::parse("bansko").unwrap();
        assert_eq!(
            risks_csv_url(Some(&bansko), Some(2017)),
            "/api/risks/export.csv?tenant=bansko&year=2017"
        );
        assert_eq!(risks_csv_url(None, None), "/api/risks/export.csv");
    }
}
