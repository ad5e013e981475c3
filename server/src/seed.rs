//! First-start content: the founding tenants and the 2017 plan, recorded as events exactly
//! once.

use crate::store::{AppendRequest, EventStore, ExpectedVersion, Metadata, NewEvent, StoreError};
use antikor_shared::plan::{MeasureAdded, PlanAdopted};
use antikor_shared::tenant::TenantRegistered;
use uuid::Uuid;

/// Namespace of Antikor's deterministic event ids (UUID v5).
const SEED_NAMESPACE: Uuid = Uuid::from_u128(0x6a1e_0c3b_8d5e_4f7a_9b21_5c4d_3e2f_1a0b);

/// Records the regional administration and the 14 municipalities, once.
///
/// Each registration has an id derived from the tenant's slug, so on every later start the
/// log recognises the append as a retry and writes nothing.
pub async fn register_tenants(store: &dyn EventStore) -> Result<usize, StoreError> {
    let mut written = 0;
    let stream = crate::streams::tenant();
    for (tenant, registration) in antikor_migrations::seed::tenants() {
        let id = Uuid::new_v5(
            &SEED_NAMESPACE,
            format!("TenantRegistered:{tenant}").as_bytes(),
        );
        let request = AppendRequest {
            tenant,
            stream: stream.clone(),
            expected: ExpectedVersion::NoStream,
            events: vec![NewEvent::from_domain::<TenantRegistered>(id, &registration)],
            metadata: Metadata::system(),
        };
        match store.append(request).await {
            Ok(outcome) => written += usize::from(outcome.written),
            Err(crate::store::AppendError::Store(e)) => return Err(e),
            Err(e) => return Err(StoreError::Io(format!("seeding tenants: {e}"))),
        }
    }
    if written > 0 {
        tracing::info!(tenants = written, "founding tenants registered");
    }
    Ok(written)
}

/// Records the 2017 plan (adopted, then its 18 measures) in one append, once.
pub async fn adopt_plan_2017(store: &dyn EventStore) -> Result<bool, StoreError> {
    let plan = antikor_migrations::plan::plan_2017();
    let id = |what: &str| Uuid::new_v5(&SEED_NAMESPACE, format!("plan-2017:{what}").as_bytes());
    let mut events = vec![NewEvent::from_domain(
        id("PlanAdopted"),
        &PlanAdopted {
            year: plan.year,
            title: plan.title.clone(),
            sections: plan.sections.clone(),
            based_on: None,
        },
    )];
    events.extend(plan.measures.iter().map(|measure| {
        NewEvent::from_domain(
            id(&format!("MeasureAdded:{}", measure.key)),
            &MeasureAdded {
                year: plan.year,
                measure: measure.clone(),
            },
        )
    }));
    let request = AppendRequest {
        tenant: antikor_shared::ids::regional_tenant(),
        stream: crate::streams::plan(plan.year),
        expected: ExpectedVersion::NoStream,
        events,
        metadata: Metadata::system(),
    };
    match store.append(request).await {
        Ok(outcome) => {
            if outcome.written {
                tracing::info!(measures = plan.measures.len(), "the 2017 plan recorded");
            }
            Ok(outcome.written)
        }
        Err(crate::store::AppendError::Store(e)) => Err(e),
        Err(e) => Err(StoreError::Io(format!("seeding the 2017 plan: {e}"))),
    }
}
