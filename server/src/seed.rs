//! First-start content: the founding tenants, recorded as events exactly once.

use crate::store::{AppendRequest, EventStore, ExpectedVersion, Metadata, NewEvent, StoreError};
use antikor_shared::StreamId;
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
    let stream = StreamId::parse("tenant").expect("valid stream id");
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
