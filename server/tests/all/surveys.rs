//! The anonymous staff survey over HTTP: the region's questionnaire and its versions, a
//! tenant's opening and codes, answers once per code with no identity, results only from the
//! threshold up, free texts only for the tenant's officers, and nothing in the log that ties
//! a code to an answer.

use crate::support::{Session, TestApp};
use antikor_shared::survey::{
    ANONYMOUS, Answer, IssuedCodes, QuestionnaireView, RegionSurvey, SurveyResults, SurveyStatus,
    default_questionnaire, issue_hash, normalize_code, spend_hash,
};
use axum::http::{Method, StatusCode};
use chrono::{Datelike, Days, NaiveDate};
use serde_json::{Value, json};

fn today(app: &TestApp) -> NaiveDate {
    antikor_server::clock::sofia_date(app.state.clock.now())
}

/// The region's default questionnaire of this year published and the officer's institution's
/// survey opened (each once, whoever did it first), then `codes` codes handed out.
pub async fn opened(app: &TestApp, officer: &Session, codes: u32) -> Vec<String> {
    let year = today(app).year();
    let regional = app.login("oblast.sekretar").await;
    let view: QuestionnaireView = app
        .read_as(&regional, &format!("/api/questionnaires/{year}"))
        .await;
    if view.published.is_none() {
        let draft = view.draft;
        let (status, body) = app
            .post_as(
                &regional,
                &format!("/api/questionnaires/{year}"),
                json!({"expected_version": 0, "title": draft.title, "intro": draft.intro,
                    "questions": draft.questions, "min_answers": draft.min_answers}),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
    }
    let survey: SurveyStatus = app.read_as(officer, &format!("/api/surveys/{year}")).await;
    if survey.opened.is_none() {
        let closes_on = today(app) + Days::new(30);
        let (status, body) = app
            .post_as(
                officer,
                &format!("/api/surveys/{year}"),
                json!({"closes_on": closes_on}),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
    }
    let (status, body) = app
        .post_as(
            officer,
            &format!("/api/surveys/{year}/codes"),
            json!({"count": codes}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let issued: IssuedCodes = serde_json::from_value(body).unwrap();
    assert_eq!(issued.codes.len(), codes as usize);
    issued.codes
}

/// A closed answer.
pub fn choice(question: &str, c: u8) -> Answer {
    Answer {
        question: question.into(),
        choice: Some(c),
        text: None,
    }
}

/// Bansko's results of this year, as `session` reads them.
async fn results(app: &TestApp, session: &Session) -> SurveyResults {
    let year = today(app).year();
    app.read_as(
        session,
        &format!("/api/surveys/{year}/results?tenant=bansko"),
    )
    .await
}

/// Answers `tenant`'s survey of this year with `code`, as a respondent (no login).
pub async fn answer(
    app: &TestApp,
    tenant: &str,
    code: &str,
    answers: &[Answer],
) -> (StatusCode, Value) {
    let year = today(app).year();
    app.call(
        None,
        Method::POST,
        "/api/public/survey/answers",
        Some(json!({"tenant": tenant, "year": year, "code": code, "answers": answers})),
    )
    .await
}

#[tokio::test]
async fn results_show_from_the_threshold_up_and_free_texts_only_to_the_officers() {
    let app = TestApp::start_demo().await;
    let year = today(&app).year();
    let officer = app.login("bansko.officer").await;
    let codes = opened(&app, &officer, 7).await;

    // A code opens the questionnaire; a made-up one does not.
    let (status, form) = app
        .call(
            None,
            Method::POST,
            "/api/public/survey/form",
            Some(json!({"tenant": "bansko", "year": year, "code": codes[0].to_lowercase()})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{form}");
    assert_eq!(form["questionnaire"]["version"], 1);
    let (status, _) = answer(&app, "bansko", "AAAA-BBBB-CCCC-DDDD", &[choice("q1", 0)]).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    // Another tenant's survey does not take this tenant's code.
    let (status, _) = answer(&app, "petrich", &codes[0], &[choice("q1", 0)]).await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    for (n, code) in codes.iter().take(4).enumerate() {
        let text = Answer {
            question: "q6".into(),
            choice: None,
            text: Some(format!("Разрешенията за строеж {n}")),
        };
        let (status, body) = answer(&app, "bansko", code, &[choice("q1", 1), text]).await;
        assert_eq!(status, StatusCode::NO_CONTENT, "{body}");
    }
    let four = results(&app, &officer).await;
    assert_eq!(four.respondents, 4);
    assert_eq!(four.questions, None, "недостатъчно отговори");
    // The same code twice counts once.
    let (status, body) = answer(&app, "bansko", &codes[0], &[choice("q1", 0)]).await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    let (status, body) = answer(&app, "bansko", &codes[4], &[choice("q1", 0)]).await;
    assert_eq!(status, StatusCode::NO_CONTENT, "{body}");

    let five = results(&app, &officer).await;
    let questions = five.questions.expect("five answered");
    let q1 = &questions[0];
    assert_eq!(
        q1.counts.iter().map(|c| c.count).collect::<Vec<_>>(),
        [1, 4, 0]
    );
    let q6 = questions.iter().find(|q| q.question.key == "q6").unwrap();
    assert_eq!(q6.texts.as_ref().map(Vec::len), Some(4));
    // The region reads the figures, never the texts.
    let regional = app.login("oblast.sekretar").await;
    let theirs = results(&app, &regional).await;
    let q6 = theirs
        .questions
        .unwrap()
        .into_iter()
        .find(|q| q.question.key == "q6")
        .unwrap();
    assert_eq!(q6.texts, None);

    // Petrich has two answers: not shown, and not part of the combined results.
    let petrich = app.login("petrich.officer").await;
    let theirs = opened(&app, &petrich, 2).await;
    for code in &theirs {
        let (status, _) = answer(&app, "petrich", code, &[choice("q1", 2)]).await;
        assert_eq!(status, StatusCode::NO_CONTENT);
    }
    let region: RegionSurvey = app
        .read_as(&regional, &format!("/api/region/surveys/{year}"))
        .await;
    let row = |slug: &str| {
        region
            .tenants
            .iter()
            .find(|t| t.tenant.as_str() == slug)
            .unwrap()
    };
    assert!(row("bansko").shown && row("bansko").respondents == Some(5));
    assert!(!row("petrich").shown && row("petrich").respondents.is_none());
    assert_eq!(region.combined.respondents, 5);
    let combined = region.combined.questions.unwrap();
    assert_eq!(combined[0].counts[2].count, 0, "petrich's answers stay out");
    assert!(combined.iter().all(|q| q.texts.is_none()));
    let (status, _) = app
        .get_as(&officer, &format!("/api/region/surveys/{year}"))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn nothing_recorded_ties_a_code_or_a_person_to_an_answer() {
    let app = TestApp::start_demo().await;
    let officer = app.login("bansko.officer").await;
    let codes = opened(&app, &officer, 3).await;
    let code = normalize_code(&codes[1]).unwrap();
    let (status, _) = answer(&app, "bansko", &codes[1], &[choice("q2", 0)]).await;
    assert_eq!(status, StatusCode::NO_CONTENT);

    let mut events = Vec::new();
    app.state
        .system_log()
        .replay(u64::MAX, &mut |e| events.push(e))
        .unwrap();
    let issued: Vec<String> = codes
        .iter()
        .map(|c| issue_hash(&normalize_code(c).unwrap()))
        .collect();
    let mut answers = 0;
    for e in &events {
        let payload = e.payload.get();
        // No code is kept anywhere, in any form people type it.
        for c in &codes {
            assert!(
                !payload.contains(c.as_str()) && !payload.contains(&normalize_code(c).unwrap())
            );
        }
        if e.event_type == "SurveyAnswered" {
            answers += 1;
            assert_eq!(e.actor, ANONYMOUS);
            assert!(payload.contains(&spend_hash(&code)));
            // The answer names no issued code, so nothing says which one was used.
            for hash in &issued {
                assert!(!payload.contains(hash.as_str()), "{payload}");
            }
            assert!(!payload.contains("bansko.officer"));
        }
        if e.event_type == "SurveyCodesIssued" {
            assert!(!payload.contains(&spend_hash(&code)));
        }
    }
    assert_eq!(answers, 1);
    // The stored files hold no code either.
    let dir = app.shut_down().await;
    let stored = crate::support::stored_text(dir.path());
    for c in &codes {
        assert!(!stored.contains(c.as_str()) && !stored.contains(&normalize_code(c).unwrap()));
    }
}

#[tokio::test]
async fn a_published_version_never_changes_and_the_threshold_only_rises() {
    let app = TestApp::start_demo().await;
    let year = today(&app).year();
    let officer = app.login("bansko.officer").await;
    let _ = opened(&app, &officer, 1).await;
    let regional = app.login("oblast.sekretar").await;
    let mut draft = default_questionnaire(year);
    draft.min_answers = 3;
    let publish = |draft: &antikor_shared::survey::QuestionnairePublished, version: u64| {
        json!({"expected_version": version, "title": draft.title, "intro": draft.intro,
            "questions": draft.questions, "min_answers": draft.min_answers})
    };
    let uri = format!("/api/questionnaires/{year}");
    let (status, body) = app.post_as(&regional, &uri, publish(&draft, 1)).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    draft.min_answers = 8;
    draft.title = "Втора версия".into();
    let (status, body) = app.post_as(&regional, &uri, publish(&draft, 0)).await;
    assert_eq!(status, StatusCode::CONFLICT, "a stale version: {body}");
    let (status, body) = app.post_as(&regional, &uri, publish(&draft, 1)).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    assert_eq!(body["published"]["version"], 2);
    // Bansko opened version 1 and keeps it.
    let status: SurveyStatus = app.read_as(&officer, &format!("/api/surveys/{year}")).await;
    assert_eq!(status.opened.unwrap().version, 1);
    assert_eq!(status.questionnaire.unwrap().version, 2);
    // Officers do not edit the questionnaire.
    let (status, _) = app.post_as(&officer, &uri, publish(&draft, 2)).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn one_code_sent_many_times_at_once_answers_once() {
    let app = TestApp::start_demo().await;
    let officer = app.login("bansko.officer").await;
    let codes = opened(&app, &officer, 1).await;
    let sent = (0..8u8).map(|n| {
        let app = &app;
        let code = codes[0].clone();
        async move { answer(app, "bansko", &code, &[choice("q1", n % 3)]).await.0 }
    });
    let statuses = futures::future::join_all(sent).await;
    assert_eq!(
        statuses
            .iter()
            .filter(|s| **s == StatusCode::NO_CONTENT)
            .count(),
        1,
        "{statuses:?}"
    );
    assert!(
        statuses
            .iter()
            .all(|s| [StatusCode::NO_CONTENT, StatusCode::CONFLICT].contains(s)),
        "{statuses:?}"
    );
    let status: SurveyStatus = app
        .read_as(&officer, &format!("/api/surveys/{}", today(&app).year()))
        .await;
    assert_eq!(status.answered, 1);
}
