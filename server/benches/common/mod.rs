//! What the benchmarks share: the tenants' slugs and an append request of the bench.

use antikor_server::store::{AppendRequest, ExpectedVersion, Metadata, NewEvent};
use antikor_shared::{StreamId, TenantId};
use uuid::Uuid;

/// An append to `tenant`'s `stream`, whatever the stream holds, by `bench`.
pub fn request(tenant: &str, stream: String, events: Vec<NewEvent>) -> AppendRequest {
    AppendRequest {
        tenant: TenantId::parse(tenant).unwrap(),
        stream: StreamId::parse(stream).unwrap(),
        expected: ExpectedVersion::Any,
        events,
        metadata: Metadata {
            actor: "bench".into(),
            correlation_id: Uuid::new_v4(),
            causation_id: None,
        },
    }
}

/// The founding tenants, the regional administration first.
pub const TENANTS: [&str; 15] = [
    "oblast",
    "bansko",
    "belitsa",
    "blagoevgrad",
    "gotse-delchev",
    "garmen",
    "kresna",
    "petrich",
    "razlog",
    "sandanski",
    "satovcha",
    "simitli",
    "strumyani",
    "hadzhidimovo",
    "yakoruda",
];
