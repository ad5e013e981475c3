//! The served OpenAPI document: what the handlers' annotations say, plus what every operation has in common.
//!
//! The answers that come from the extractors and the layers, not from a handler's own logic
//! (a malformed request, no session, a missing CSRF token, a body over the limit, a log that
//! refuses writes), are added here from each operation's parameters, body and `security`, so
//! that no annotation can forget them.

use serde_json::{Map, Value, json};
use utoipa::openapi::schema::{AnyOfBuilder, KnownFormat, ObjectBuilder, SchemaFormat, Type};

/// The schema of an `as_of` parameter: a log position, an RFC 3339 moment, or empty for now.
pub fn as_of() -> utoipa::openapi::schema::Schema {
    let text = || ObjectBuilder::new().schema_type(Type::String);
    AnyOfBuilder::new()
        .item(
            text()
                .description(Some("A log position"))
                .pattern(Some("^[0-9]{1,19}$")),
        )
        .item(
            text()
                .description(Some("An RFC 3339 moment"))
                .format(Some(SchemaFormat::KnownFormat(KnownFormat::DateTime))),
        )
        .item(text().description(Some("Now")).max_length(Some(0)))
        .build()
        .into()
}

/// The security scheme of the session cookie; handlers that need a login say
/// `security(("session" = []))`, those where it is optional add an empty alternative `()`.
pub const SESSION: &str = "session";

/// The security scheme of the CSRF header, which every change made with a session needs.
/// It is added to the changing operations here rather than in each annotation.
pub const CSRF: &str = "csrf";

/// Operations whose changes are not written to the log, so that a log refusing writes does
/// not refuse them: logging in and out record in the security log only when it can.
const NEVER_UNAVAILABLE: &[(&str, &str)] = &[("post", "/api/session"), ("delete", "/api/session")];

/// The document as served: `api`'s with the common answers and the real integer ranges.
pub fn document(api: &utoipa::openapi::OpenApi) -> Value {
    let mut doc = serde_json::to_value(api).expect("the OpenAPI document serializes");
    widen_unsigned(&mut doc);
    add_security_schemes(&mut doc);
    if let Some(paths) = doc.get_mut("paths").and_then(Value::as_object_mut) {
        for (path, item) in paths.iter_mut() {
            let Some(item) = item.as_object_mut() else {
                continue;
            };
            for (method, operation) in item.iter_mut() {
                if let Some(operation) = operation.as_object_mut() {
                    qualify_operation_id(operation);
                    complete(path, method, operation);
                }
            }
        }
    }
    doc
}

/// utoipa describes `u32` as `int32` and `u64` as `int64`, whose ranges end at 2³¹−1 and
/// 2⁶³−1, while the server takes every value of the unsigned type: the schema says so.
fn widen_unsigned(value: &mut Value) {
    match value {
        Value::Object(map) => {
            // Only unsigned types get a lower bound from utoipa; one set by hand (`minimum = 1`)
            // comes without an upper bound unless it was set too.
            let unsigned = map
                .get("minimum")
                .and_then(Value::as_f64)
                .is_some_and(|m| m >= 0.0)
                && !map.contains_key("maximum")
                && is_integer(map.get("type"));
            match map.get("format").and_then(Value::as_str) {
                Some("int32") if unsigned => {
                    map.insert("format".into(), json!("int64"));
                    map.insert("maximum".into(), json!(u32::MAX));
                }
                // No standard format covers u64; the bounds alone describe it.
                Some("int64") if unsigned => {
                    map.remove("format");
                    map.insert("maximum".into(), json!(u64::MAX));
                }
                _ => {}
            }
            map.values_mut().for_each(widen_unsigned);
        }
        Value::Array(items) => items.iter_mut().for_each(widen_unsigned),
        _ => {}
    }
}

/// Handlers of different modules share names (`list`, `get`): the tag makes the ids unique,
/// as OpenAPI requires.
fn qualify_operation_id(operation: &mut Map<String, Value>) {
    let tag = operation["tags"][0].as_str().map(str::to_owned);
    if let (Some(tag), Some(Value::String(id))) = (tag, operation.get_mut("operationId")) {
        *id = format!("{tag}.{id}");
    }
}

fn is_integer(ty: Option<&Value>) -> bool {
    match ty {
        Some(Value::String(t)) => t == "integer",
        Some(Value::Array(types)) => types.iter().any(|t| t == "integer"),
        _ => false,
    }
}

fn add_security_schemes(doc: &mut Value) {
    let components = doc
        .as_object_mut()
        .expect("the document is an object")
        .entry("components")
        .or_insert_with(|| json!({}));
    let schemes = components
        .as_object_mut()
        .expect("components is an object")
        .entry("securitySchemes")
        .or_insert_with(|| json!({}));
    schemes[SESSION] = json!({
        "type": "apiKey", "in": "cookie", "name": "antikor_session",
        "description": "The session cookie that `POST /api/session` sets (`__Host-antikor_session` behind TLS)."
    });
    schemes[CSRF] = json!({
        "type": "apiKey", "in": "header", "name": "X-CSRF-Token",
        "description": "The session's `csrf_token`, echoed with every request that changes something."
    });
    // The error answers' bodies reference it even where no handler names it.
    components["schemas"]
        .as_object_mut()
        .expect("the document has schemas")
        .entry("ErrorBody")
        .or_insert_with(|| json!({"type": "object"}));
}

fn error(description: &str) -> Value {
    json!({
        "description": description,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorBody"}}}
    })
}

/// Adds the answers that extractors and layers give to `operation`.
fn complete(path: &str, method: &str, operation: &mut Map<String, Value>) {
    let changes = !matches!(method, "get" | "head" | "options" | "trace");
    let has_body = operation.contains_key("requestBody");
    let takes_input = has_body
        || operation
            .get("parameters")
            .and_then(Value::as_array)
            .is_some_and(|p| !p.is_empty());
    let security = operation
        .get("security")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let uses_session = security.iter().any(|r| r.get(SESSION).is_some());
    let needs_session = uses_session && security.iter().all(|r| r.get(SESSION).is_some());
    if uses_session && changes {
        let with_csrf = security
            .into_iter()
            .map(|mut r| {
                if let Some(r) = r.as_object_mut().filter(|r| r.contains_key(SESSION)) {
                    r.insert(CSRF.into(), json!([]));
                }
                r
            })
            .collect();
        operation.insert("security".into(), Value::Array(with_csrf));
    }
    let responses = operation
        .entry("responses")
        .or_insert_with(|| json!({}))
        .as_object_mut()
        .expect("responses is an object");
    let mut add = |status: &str, description: &str| {
        responses
            .entry(status)
            .or_insert_with(|| error(description));
    };
    if takes_input {
        add(
            "400",
            "A malformed path, query or body: not what the schema describes, or a value the server refuses",
        );
    }
    if needs_session {
        add("401", "Not logged in, or the session ended");
    }
    if uses_session && changes {
        add(
            "403",
            "The role does not allow this, or the CSRF token is missing or wrong",
        );
    }
    if has_body {
        add("413", "The body is larger than the operation accepts");
    }
    if changes && !NEVER_UNAVAILABLE.contains(&(method, path)) {
        add(
            "503",
            "The server is stopping, or the log failed verification and refuses writes",
        );
    }
    if let Some(throttled) = responses.get_mut("429").and_then(Value::as_object_mut) {
        throttled.insert(
            "headers".into(),
            json!({"Retry-After": {
                "description": "Seconds until a new attempt may succeed",
                "required": true,
                "schema": {"type": "integer", "minimum": 0, "maximum": u64::MAX}
            }}),
        );
    }
}
