//! The served OpenAPI document against itself and against the server's own parsing rules.

use crate::support::TestApp;
use antikor_shared::{StreamId, TenantId, Username};
use serde_json::Value;
use std::collections::BTreeSet;

async fn document() -> Value {
    let app = TestApp::start().await;
    let (_, doc) = app.get("/api/openapi.json").await;
    doc
}

/// Every operation of the document as `(METHOD path, operation)`.
fn operations(doc: &Value) -> Vec<(String, &Value)> {
    let mut all = Vec::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, operation) in item.as_object().unwrap() {
            all.push((format!("{} {path}", method.to_uppercase()), operation));
        }
    }
    all
}

#[tokio::test]
async fn every_operation_documents_the_answers_of_its_extractors() {
    let doc = document().await;
    let mut ids = BTreeSet::new();
    for (name, op) in operations(&doc) {
        let documents = |status: &str| op["responses"].get(status).is_some();
        assert!(
            ids.insert(op["operationId"].as_str().unwrap().to_owned()),
            "{name}: operationId not unique"
        );
        let takes_input = op.get("requestBody").is_some()
            || op["parameters"].as_array().is_some_and(|p| !p.is_empty());
        if takes_input {
            assert!(documents("400"), "{name} takes input but documents no 400");
        }
        if op.get("requestBody").is_some() {
            assert!(documents("413"), "{name} takes a body but documents no 413");
        }
        let security = op["security"].as_array().cloned().unwrap_or_default();
        let needs_session =
            !security.is_empty() && security.iter().all(|r| r.get("session").is_some());
        if needs_session {
            assert!(
                documents("401"),
                "{name} needs a session but documents no 401"
            );
        }
        if !name.starts_with("GET ") {
            for requirement in security.iter().filter(|r| r.get("session").is_some()) {
                assert!(
                    requirement.get("csrf").is_some(),
                    "{name} changes something with a session but needs no CSRF token"
                );
                assert!(
                    documents("403"),
                    "{name} documents no 403 for the CSRF check"
                );
            }
        }
        if let Some(throttled) = op["responses"].get("429") {
            assert!(
                throttled["headers"].get("Retry-After").is_some(),
                "{name}: 429 without Retry-After"
            );
        }
        for parameter in op["parameters"].as_array().into_iter().flatten() {
            assert_ne!(
                parameter["in"], "header",
                "{name}: credentials belong to the security schemes"
            );
        }
    }
    assert!(ids.len() >= 60, "{ids:?}");
    // Routes that need no login say so, and those that need one say that.
    let ops: Vec<_> = operations(&doc);
    let find = |name: &str| ops.iter().find(|(n, _)| n == name).unwrap().1;
    assert!(find("GET /api/health").get("security").is_none());
    assert_eq!(
        find("GET /api/tenants")["security"][0],
        serde_json::json!({})
    );
    assert!(
        find("GET /api/signals")["security"][0]
            .get("session")
            .is_some()
    );
}

/// Walks every schema object of the document.
fn schemas<'a>(value: &'a Value, out: &mut Vec<&'a Value>) {
    match value {
        Value::Object(map) => {
            if map.contains_key("type") {
                out.push(value);
            }
            map.values().for_each(|v| schemas(v, out));
        }
        Value::Array(items) => items.iter().for_each(|v| schemas(v, out)),
        _ => {}
    }
}

#[tokio::test]
async fn unsigned_integers_are_documented_with_their_whole_range() {
    let doc = document().await;
    let mut all = Vec::new();
    schemas(&doc, &mut all);
    let integers: Vec<_> = all
        .into_iter()
        .filter(|s| {
            s["type"] == "integer"
                || s["type"]
                    .as_array()
                    .is_some_and(|t| t.contains(&"integer".into()))
        })
        .collect();
    assert!(integers.len() > 50);
    for s in integers {
        if s.get("minimum").is_some() {
            assert!(s.get("maximum").is_some(), "bounded below only: {s}");
        }
        if s["maximum"].as_u64() > Some(i32::MAX as u64) {
            assert_ne!(s["format"], "int32", "{s}");
        }
        if s["maximum"].as_u64() > Some(i64::MAX as u64) {
            assert!(s.get("format").is_none(), "{s}");
        }
    }
    let staff = &doc["components"]["schemas"]["RecordChannel"]["properties"]["staff"];
    assert_eq!(staff["maximum"], u32::MAX, "{staff}");
}

/// Whether `pattern` matches `value` as JSON Schema means it: anywhere in the string.
fn matches(pattern: &str, value: &str) -> bool {
    regex::Regex::new(pattern).unwrap().is_match(value)
}

#[tokio::test]
async fn identifier_schemas_state_the_rules_their_parsers_apply() {
    let doc = document().await;
    let schemas = &doc["components"]["schemas"];
    let samples = [
        "bansko",
        "gotse-delchev",
        "measure-I.3",
        "signal:0f3a",
        "bansko.officer",
        "a_b",
        "9",
        "",
        "-x",
        ".hidden",
        "_x",
        "Bansko",
        "a b",
        "банско",
        "x\n",
        "a/b",
        "a:b",
    ];
    let long = [
        "x".repeat(40),
        "x".repeat(41),
        "x".repeat(64),
        "x".repeat(65),
        "x".repeat(128),
        "x".repeat(129),
    ];
    type Parse = fn(&str) -> bool;
    let kinds: [(&str, Parse); 3] = [
        ("TenantId", |s| TenantId::parse(s).is_ok()),
        ("StreamId", |s| StreamId::parse(s).is_ok()),
        ("Username", |s| Username::parse(s).is_ok()),
    ];
    for (name, parse) in kinds {
        let schema = &schemas[name];
        let pattern = schema["pattern"]
            .as_str()
            .unwrap_or_else(|| panic!("{name} has no pattern"));
        let max = schema["maxLength"].as_u64().unwrap() as usize;
        assert_eq!(schema["minLength"], 1, "{name}");
        for value in samples
            .iter()
            .copied()
            .chain(long.iter().map(String::as_str))
        {
            let documented = matches(pattern, value) && (1..=max).contains(&value.chars().count());
            assert_eq!(
                documented,
                parse(value),
                "{name} {value:?}: the document and the parser disagree"
            );
        }
    }
    // A login name must hold something besides white space, as the server trims it.
    let login = &schemas["LoginRequest"]["properties"]["username"];
    let pattern = login["pattern"].as_str().unwrap();
    for c in (0..=0x3000u32).filter_map(char::from_u32) {
        let value = format!("{c}{c}");
        assert_eq!(
            matches(pattern, &value),
            !value.trim().is_empty(),
            "{c:?}: the pattern and `trim` disagree"
        );
    }
}

#[tokio::test]
async fn as_of_is_documented_in_its_three_forms() {
    let doc = document().await;
    let ops = operations(&doc);
    let (_, tenants) = ops.iter().find(|(n, _)| n == "GET /api/tenants").unwrap();
    let as_of = tenants["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "as_of")
        .unwrap();
    let forms = as_of["schema"]["anyOf"].as_array().unwrap();
    assert_eq!(forms.len(), 3, "{as_of}");
    assert!(forms.iter().any(|f| f["format"] == "date-time"));
}
