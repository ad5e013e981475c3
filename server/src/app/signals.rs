//! The signals register as callers may reach it. Individual signals only through a
//! [`SignalDesk`] (the tenant's officers) or, for one's own signal, the reference and receipt
//! code; everyone else gets statistics with small cells suppressed.

use super::App;
use crate::access::{ReadScope, SignalDesk, TenantWrite};
use crate::auth::throttle::{AttemptKind, Refusal};
use crate::codec::{UPCASTERS, decoded_set};
use crate::domain::signals::{
    self as domain, ChannelAggregate, IntakeListsAggregate, Sealer, SignalAggregate, SignalCommand,
    SignalContext, SignalRejection,
};
use crate::exports::{CsvTable, date};
use crate::projections::signals::RegisterKey;
use crate::projections::signals::{self as views, SignalEntry};
use crate::streams;
use crate::util::errors::{AppError, AppResult};
use crate::util::paging::PageRequest;
use crate::vault::SignalKey;
use antikor_shared::account::Role;
use antikor_shared::api::Page;
use antikor_shared::events::SignalEvent;
use antikor_shared::i18n::Lang;
use antikor_shared::signal::{
    AttachmentInfo, AttachmentRecord, Channel, ChannelObligation, FileSignal, IntakeLists,
    IntakeListsSet, LinkedRisk, LinkedSignal, MAX_ATTACHMENTS, MessageKind, NewAttachment,
    RECEIPT_FIELD, ReceiptVerifier, RecordChannel, RecordSignal, Reporter, ReporterAccess,
    ReporterView, SetIntakeLists, SignalAccount, SignalAnalysis, SignalDetail, SignalIdentity,
    SignalMessage, SignalOfficer, SignalReceipt, SignalRow, SignalStatistics, SignalStatus,
    SignalStep,
};
use antikor_shared::text::date_bg;
use antikor_shared::{ProvinceCode, RecordedEvent, TenantId};
use antikor_shared::{msg, tr};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use chrono::{Datelike, NaiveDate};
use rand::RngCore;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Arc, PoisonError};
use std::time::SystemTime;
use uuid::Uuid;

/// Who the log names as the actor of what a reporter does through the public form.
pub const REPORTER_ACTOR: &str = "reporter";

/// The letters of a receipt code: Crockford's base32 (no I, L, O, U, so nothing is misread).
const CODE_ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// Characters of a receipt code: 20 × 5 = 100 bits of randomness.
const CODE_CHARS: usize = 20;

/// A new receipt code, grouped by four for reading aloud: `K7QX-M2PA-9D4H-TT3E-WB6R`.
fn new_receipt_code() -> String {
    let mut bytes = [0u8; CODE_CHARS];
    rand::rng().fill_bytes(&mut bytes);
    let chars: Vec<char> = bytes
        .iter()
        .map(|b| CODE_ALPHABET[(b & 31) as usize] as char)
        .collect();
    chars
        .chunks(4)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("-")
}

/// A receipt code as typed, in the form that was hashed: upper case, without separators, and
/// the letters people confuse read as the digits they look like.
fn normalize_code(code: &str) -> String {
    code.chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| match c.to_ascii_uppercase() {
            'O' => '0',
            'I' | 'L' => '1',
            other => other,
        })
        .collect()
}

/// How many answers of the public statistics are kept at most.
const STATISTICS_CACHED: usize = 64;

/// The public statistics computed for one state of the signals book: by (year, today).
#[derive(Debug, Default)]
pub(crate) struct StatisticsCache {
    /// The book's generation and the number of registrations the answers were computed from
    /// (a tenant registered or moved to another province changes who is counted where).
    book: (u64, u64),
    answers: HashMap<(Option<ProvinceCode>, Option<i32>, NaiveDate, Lang), SignalStatistics>,
}

fn no_signal() -> AppError {
    AppError::NotFound(msg!("requests-no-such-signal"))
}

fn wrong_code() -> AppError {
    AppError::NotFound(msg!("requests-wrong-receipt-code"))
}

fn opened<T>(result: anyhow::Result<T>) -> Option<T> {
    result
        .inspect_err(|error| tracing::error!(%error, "a sealed field did not open"))
        .ok()
}

/// One attachment, decoded and checked, before it is sealed.
struct CheckedAttachment {
    name: String,
    media_type: &'static str,
    bytes: Vec<u8>,
}

fn check_attachments(list: Vec<NewAttachment>) -> AppResult<Vec<CheckedAttachment>> {
    if list.len() > MAX_ATTACHMENTS {
        return Err(AppError::BadRequest(msg!(
            "requests-attachments-too-many",
            max = MAX_ATTACHMENTS
        )));
    }
    list.into_iter()
        .map(|a| {
            let name: String = a.name.trim().chars().take(200).collect();
            let name = if name.is_empty() {
                "файл".to_owned()
            } else {
                name
            };
            let bytes = STANDARD.decode(a.content_base64.trim()).map_err(|_| {
                AppError::BadRequest(msg!("requests-attachment-garbled", name = &name))
            })?;
            let media_type = domain::attachment_type(&name, &bytes)?;
            Ok(CheckedAttachment {
                name,
                media_type,
                bytes,
            })
        })
        .collect()
}

impl App {
    /// Files a signal from the public form: anyone, a few per hour from one address.
    pub async fn file_public_signal(
        &self,
        from: IpAddr,
        body: FileSignal,
    ) -> AppResult<SignalReceipt> {
        if self.public_form.check_key(&from).is_err() {
            return Err(AppError::TooManyRequests {
                message: msg!("requests-public-form-too-many"),
                retry_after: 3600,
            });
        }
        if !self.has_tenant(&body.tenant) {
            return Err(AppError::BadRequest(msg!("requests-choose-signal-tenant")));
        }
        let record = RecordSignal {
            channel: Channel::WebForm,
            received: self.clock.today(),
            confirmed_by_reporter: false,
            reporter: body.reporter,
            account: body.account,
            concerned: body.concerned,
            unit: body.unit,
            activity: body.activity,
            category: body.category,
            attachments: body.attachments,
        };
        self.file(body.tenant, REPORTER_ACTOR, record, true).await
    }

    /// Records a signal an officer received by e-mail, phone, post or in person.
    pub async fn record_signal(
        &self,
        desk: &SignalDesk,
        body: RecordSignal,
    ) -> AppResult<SignalReceipt> {
        if body.channel == Channel::WebForm {
            return Err(AppError::BadRequest(msg!("requests-web-form-is-reporters")));
        }
        self.file(desk.tenant().clone(), desk.write().actor(), body, false)
            .await
    }

    /// Files a signal for `tenant` as `actor`; `with_code` gives the reporter a receipt code.
    async fn file(
        &self,
        tenant: TenantId,
        actor: &str,
        mut record: RecordSignal,
        with_code: bool,
    ) -> AppResult<SignalReceipt> {
        let today = self.clock.today();
        let attachments = check_attachments(std::mem::take(&mut record.attachments))?;
        let lists = self.models_unscoped().signals.lists(&tenant);
        let intake = domain::check_intake(record, &lists, today)?;
        let code = with_code.then(new_receipt_code);
        let receipt_hash = match &code {
            Some(c) => Some(self.auth.passwords.hash(normalize_code(c)).await?),
            None => None,
        };
        let id = Uuid::new_v4();
        let vault = self.vault.clone();
        let key = tokio::task::spawn_blocking(move || vault.create_key(id))
            .await
            .map_err(anyhow::Error::from)??;
        let mut records = Vec::with_capacity(attachments.len());
        for (number, a) in (1u32..).zip(attachments) {
            let stored = key.encrypt_attachment(number, &a.bytes);
            records.push(AttachmentRecord {
                number,
                name: key.seal_text(&format!("attachment-name-{number}"), &a.name),
                media_type: a.media_type.to_owned(),
                bytes: a.bytes.len() as u64,
                ciphertext_sha256: hex::encode(Sha256::digest(&stored)),
            });
            let vault = self.vault.clone();
            tokio::task::spawn_blocking(move || vault.put_attachment(id, number, &stored))
                .await
                .map_err(anyhow::Error::from)??;
        }
        let received = intake.received;
        let scope = TenantWrite::system(tenant.clone(), actor);
        // One filing at a time, so that two signals never get the same register number.
        let _numbering = self.signal_numbering.lock().await;
        let reference = {
            let models = self.models_unscoped();
            let code = models
                .tenants
                .get(&tenant)
                .and_then(|t| t.registration.as_ref())
                .map_or_else(|| tenant.to_string(), |(r, _)| r.official_code.clone());
            models
                .signals
                .next_reference(&tenant, &code, received.year())
        };
        let command = SignalCommand::File {
            intake,
            reference: reference.clone(),
            receipt_hash,
            attachments: records,
        };
        let context = self.signal_context(id, Some(Arc::new(key)));
        if let Err(e) = self
            .execute::<SignalAggregate>(&scope, streams::signal(id), None, command, &context)
            .await
        {
            // Nothing refers to the key: do not leave it (or the files) behind.
            let vault = self.vault.clone();
            let _ = tokio::task::spawn_blocking(move || vault.destroy(id)).await;
            return Err(e);
        }
        Ok(SignalReceipt {
            id,
            reference,
            receipt_code: code,
            acknowledgment_due: crate::domain::clocks::acknowledgment_due(received),
        })
    }

    /// A page of a tenant's register, newest first, optionally of one status.
    pub fn signal_register(
        &self,
        desk: &SignalDesk,
        status: Option<SignalStatus>,
        request: &PageRequest<RegisterKey>,
    ) -> Page<SignalRow> {
        let today = self.clock.today();
        let models = self.models_unscoped();
        models
            .signals
            .register(desk.tenant(), status, request)
            .map(|s| views::row(s, today))
    }

    /// Where a tenant's signals concentrate, labelled in `lang`.
    pub fn signal_analysis(&self, desk: &SignalDesk, lang: Lang) -> SignalAnalysis {
        views::analysis(&self.models_unscoped().signals, desk.tenant(), lang)
    }

    /// The register as suppressed statistics (public). Every visitor asks the same few
    /// questions (a year, today), and the answer changes only with the signals or the day: it
    /// is computed once per change, not once per request, so that no anonymous rate makes the
    /// server walk every register over and over.
    ///
    /// `province` narrows it to one province's tenants (404 for a code the directory does not
    /// know); the suppression works on what is shown, so a province's cells are suppressed as
    /// the country's are. Its lines are labelled in `lang`.
    pub fn signal_statistics(
        &self,
        year: Option<i32>,
        province: Option<&str>,
        lang: Lang,
    ) -> AppResult<SignalStatistics> {
        let models = self.models_unscoped();
        let scope = ReadScope::public().within(province, &models)?;
        let province = scope.province().cloned();
        let today = self.clock.today();
        let book = (models.signals.generation(), models.registrations);
        let mut cache = self
            .statistics
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if cache.book != book {
            *cache = StatisticsCache {
                book,
                answers: HashMap::new(),
            };
        }
        let key = (province, year, today, lang);
        if let Some(answer) = cache.answers.get(&key) {
            return Ok(answer.clone());
        }
        let tenants: Vec<_> = models
            .tenant_list()
            .into_iter()
            .filter(|t| scope.covers(&t.id))
            .collect();
        let answer = views::statistics(&models.signals, &tenants, year, today, lang);
        // Years asked for are few; a visitor asking every year there is gets them computed,
        // but cannot make the cache grow without bound.
        if cache.answers.len() >= STATISTICS_CACHED {
            cache.answers.clear();
        }
        cache.answers.insert(key, answer.clone());
        Ok(answer)
    }

    fn signal_state(&self, desk: &SignalDesk, id: Uuid) -> AppResult<SignalEntry> {
        self.models_unscoped()
            .signals
            .get(desk.tenant(), id)
            .cloned()
            .ok_or_else(no_signal)
    }

    async fn signal_key(&self, id: Uuid) -> AppResult<Option<SignalKey>> {
        let vault = self.vault.clone();
        Ok(tokio::task::spawn_blocking(move || vault.key(id))
            .await
            .map_err(anyhow::Error::from)??)
    }

    fn signal_events(&self, tenant: &TenantId, id: Uuid) -> AppResult<Vec<RecordedEvent>> {
        Ok(self
            .store
            .read_stream(tenant, &streams::signal(id), 1, usize::MAX)?)
    }

    /// A signal as its officers see it, identities sealed, its history told in `lang`.
    pub async fn signal_detail(
        &self,
        desk: &SignalDesk,
        id: Uuid,
        lang: Lang,
    ) -> AppResult<SignalDetail> {
        let key = self.signal_key(id).await?;
        self.detail_of(desk, id, key.as_ref(), lang)
    }

    /// [`Self::signal_detail`] with the signal's key at hand (`None`: destroyed).
    fn detail_of(
        &self,
        desk: &SignalDesk,
        id: Uuid,
        key: Option<&SignalKey>,
        lang: Lang,
    ) -> AppResult<SignalDetail> {
        let state = self.signal_state(desk, id)?;
        let events = self.signal_events(desk.tenant(), id)?;
        let today = self.clock.today();
        let models = self.models_unscoped();
        let reference_of = |other: Uuid| {
            models
                .signals
                .get(desk.tenant(), other)
                .map(|s| s.case.filed.reference.clone())
                .unwrap_or_default()
        };
        let history = events
            .iter()
            .filter_map(|e| {
                let event = decoded_set::<SignalEvent>(&UPCASTERS, e)?;
                let (summary, text) = describe(&event, key, &reference_of, lang);
                Some(SignalStep {
                    position: e.position,
                    at: e.recorded_at,
                    actor: e.actor.clone(),
                    event_type: e.event_type.clone(),
                    summary,
                    text,
                })
            })
            .collect();
        let filed = &state.case.filed;
        Ok(SignalDetail {
            row: views::row(&state, today),
            account: key
                .and_then(|k| opened(k.open_json::<SignalAccount>("account", &filed.account))),
            has_reporter: filed.reporter.is_some(),
            has_concerned: filed.concerned.is_some(),
            confirmed_by_reporter: filed.confirmed_by_reporter,
            attachments: filed
                .attachments
                .iter()
                .map(|a| AttachmentInfo {
                    number: a.number,
                    name: key.and_then(|k| {
                        opened(k.open_text(&format!("attachment-name-{}", a.number), &a.name))
                    }),
                    media_type: a.media_type.clone(),
                    bytes: a.bytes,
                })
                .collect(),
            links: state
                .case
                .links
                .iter()
                .map(|other| LinkedSignal {
                    id: *other,
                    reference: reference_of(*other),
                })
                .collect(),
            risks: state
                .case
                .risks
                .iter()
                .filter_map(|id| models.risks.get(desk.tenant(), *id))
                .map(|r| LinkedRisk {
                    id: r.id,
                    code: r.code(),
                    description: r.identified.description.clone(),
                })
                .collect(),
            history,
        })
    }

    /// Opens the sealed identities of a signal for an officer; the opening is recorded first,
    /// so nothing is shown that the log does not know was shown.
    pub async fn open_signal_identity(
        &self,
        desk: &SignalDesk,
        id: Uuid,
    ) -> AppResult<SignalIdentity> {
        let state = self.signal_state(desk, id)?;
        let Some(key) = self.signal_key(id).await? else {
            return Err(SignalRejection::Destroyed.into());
        };
        let filed = &state.case.filed;
        let fields: Vec<String> = [
            filed.reporter.as_ref().map(|_| "reporter"),
            filed.concerned.as_ref().map(|_| "concerned"),
        ]
        .into_iter()
        .flatten()
        .map(str::to_owned)
        .collect();
        if fields.is_empty() {
            return Ok(SignalIdentity {
                reporter: None,
                concerned: None,
            });
        }
        self.record_opening(desk, id, fields).await?;
        Ok(SignalIdentity {
            reporter: match &filed.reporter {
                Some(r) => Some(key.open_json::<Reporter>("reporter", r)?),
                None => None,
            },
            concerned: match &filed.concerned {
                Some(c) => Some(key.open_text("concerned", c)?),
                None => None,
            },
        })
    }

    /// An attachment's name, type and bytes, after checking them against the log's hash.
    pub async fn signal_attachment(
        &self,
        desk: &SignalDesk,
        id: Uuid,
        number: u32,
    ) -> AppResult<(String, String, Vec<u8>)> {
        let state = self.signal_state(desk, id)?;
        let record = state
            .case
            .filed
            .attachments
            .iter()
            .find(|a| a.number == number)
            .ok_or_else(|| AppError::NotFound(msg!("requests-no-such-attachment")))?;
        let Some(key) = self.signal_key(id).await? else {
            return Err(SignalRejection::Destroyed.into());
        };
        let vault = self.vault.clone();
        let stored = tokio::task::spawn_blocking(move || vault.attachment(id, number))
            .await
            .map_err(anyhow::Error::from)??
            .ok_or_else(|| anyhow::anyhow!("attachment {number} of signal {id} is missing"))?;
        if hex::encode(Sha256::digest(&stored)) != record.ciphertext_sha256 {
            return Err(anyhow::anyhow!(
                "attachment {number} of signal {id} does not match its hash"
            )
            .into());
        }
        let name = key.open_text(&format!("attachment-name-{number}"), &record.name)?;
        let bytes = key.decrypt_attachment(number, &stored)?;
        // A file can name a person as surely as the reporter field: its opening is recorded
        // before it is handed out, like an identity's.
        self.record_opening(desk, id, vec![format!("attachment-{number}")])
            .await?;
        Ok((name, record.media_type.clone(), bytes))
    }

    /// What a decision on signal `id` needs: today in Sofia and the signal's key, if any.
    fn signal_context(&self, id: Uuid, key: Option<Arc<SignalKey>>) -> SignalContext {
        SignalContext {
            id,
            today: self.clock.today(),
            sealer: key.map(|k| k as Arc<dyn Sealer + Send + Sync>),
        }
    }

    /// Records that sealed fields of a signal are opened, before anything is shown.
    async fn record_opening(
        &self,
        desk: &SignalDesk,
        id: Uuid,
        fields: Vec<String>,
    ) -> AppResult<()> {
        let context = self.signal_context(id, None);
        let command = SignalCommand::RecordOpening { fields };
        self.execute::<SignalAggregate>(desk.write(), streams::signal(id), None, command, &context)
            .await?;
        Ok(())
    }

    /// Takes one step of a signal's handling, decided on the version the officer read, and
    /// returns the signal as it is then (its history told in `lang`).
    pub async fn act_on_signal(
        &self,
        desk: &SignalDesk,
        id: Uuid,
        expected_version: u64,
        command: SignalCommand,
        lang: Lang,
    ) -> AppResult<SignalDetail> {
        // The desk's own signal, or 404 before anything is read of it: the vault holds every
        // tenant's keys, and none is opened for a case another tenant keeps.
        if self
            .models_unscoped()
            .signals
            .get(desk.tenant(), id)
            .is_none()
        {
            return Err(no_signal());
        }
        let key = self.signal_key(id).await?.map(Arc::new);
        let context = self.signal_context(id, key.clone());
        let stream = streams::signal(id);
        self.execute::<SignalAggregate>(
            desk.write(),
            stream,
            Some(expected_version),
            command,
            &context,
        )
        .await?;
        self.detail_of(desk, id, key.as_deref(), lang)
    }

    /// The command that links a signal to another of the desk's register, found by its number.
    pub fn link_command(
        &self,
        desk: &SignalDesk,
        id: Uuid,
        reference: &str,
    ) -> AppResult<SignalCommand> {
        let other = self.signal_by_reference(desk, reference)?;
        let linked_back = self
            .models_unscoped()
            .signals
            .get(desk.tenant(), other)
            .is_some_and(|s| s.case.links.contains(&id));
        Ok(SignalCommand::Link { other, linked_back })
    }

    /// The command that relates a signal to risks of the desk's tenant's register: each must be
    /// an open risk there, or one the signal is already related to (a risk closed since stays
    /// until the officer takes it off).
    pub fn link_risks_command(
        &self,
        desk: &SignalDesk,
        id: Uuid,
        risks: Vec<Uuid>,
    ) -> SignalCommand {
        let models = self.models_unscoped();
        let linked = models
            .signals
            .get(desk.tenant(), id)
            .map(|s| s.case.risks.clone())
            .unwrap_or_default();
        let known = risks.iter().all(|r| {
            models
                .risks
                .get(desk.tenant(), *r)
                .is_some_and(|risk| risk.closed.is_none() || linked.contains(r))
        });
        SignalCommand::LinkRisks {
            risks: risks.into_iter().collect(),
            known,
        }
    }

    /// The active officers of the desk's tenant, whom a signal can be assigned to, by name.
    pub fn signal_officers(&self, desk: &SignalDesk) -> Vec<SignalOfficer> {
        let models = self.models_unscoped();
        let mut officers: Vec<SignalOfficer> = models
            .accounts
            .iter()
            .filter(|e| {
                !e.account.disabled
                    && e.account.role == Role::Officer
                    && e.account.tenant == *desk.tenant()
            })
            .map(|e| SignalOfficer {
                username: e.account.username.clone(),
                display_name: e.account.display_name.clone(),
            })
            .collect();
        officers.sort_by(|a, b| a.display_name.cmp(&b.display_name));
        officers
    }

    /// Resolves an assignee: whether they are an active officer of the desk's tenant.
    pub fn is_signal_officer(&self, desk: &SignalDesk, username: &str) -> bool {
        self.models_unscoped()
            .accounts
            .get(username)
            .is_some_and(|e| {
                !e.account.disabled
                    && e.account.role == Role::Officer
                    && e.account.tenant == *desk.tenant()
            })
    }

    /// Resolves a register number within the desk's tenant.
    pub fn signal_by_reference(&self, desk: &SignalDesk, reference: &str) -> AppResult<Uuid> {
        self.models_unscoped()
            .signals
            .by_reference(reference)
            .filter(|(t, _)| *t == desk.tenant())
            .map(|(_, s)| s.id)
            .ok_or_else(|| {
                AppError::NotFound(msg!(
                    "requests-no-signal-numbered",
                    reference = reference.trim()
                ))
            })
    }

    /// The reporter's signal, when the reference and receipt code match. Failures are
    /// throttled per signal and per address, and an unknown reference costs as much as a
    /// wrong code.
    async fn reporter_signal(
        &self,
        from: IpAddr,
        access: &ReporterAccess,
    ) -> AppResult<(TenantId, SignalEntry)> {
        let reference = access.reference.trim().to_uppercase();
        let attempt = self
            .receipts
            .begin(&reference, from, SystemTime::now())
            .map_err(too_many_tries)?;
        let found = self
            .models_unscoped()
            .signals
            .by_reference(&reference)
            .map(|(t, s)| (t.clone(), s.clone()));
        let stored = match found
            .as_ref()
            .and_then(|(_, s)| s.case.filed.receipt_hash.as_ref())
        {
            Some(ReceiptVerifier::Clear(phc)) => Some(phc.clone()),
            Some(ReceiptVerifier::Sealed(sealed)) => {
                let id = found.as_ref().map(|(_, s)| s.id).unwrap_or_default();
                self.signal_key(id)
                    .await?
                    .and_then(|key| opened(key.open_text(RECEIPT_FIELD, sealed)))
            }
            None => None,
        };
        let matches = self
            .auth
            .passwords
            .verify(normalize_code(&access.code), stored)
            .await?;
        match found {
            Some(found) if matches => {
                attempt.succeeded();
                Ok(found)
            }
            _ => match attempt.failed() {
                Some(wait) => Err(too_many_tries(Refusal::Blocked(wait))),
                None => Err(wrong_code()),
            },
        }
    }

    /// What the reporter sees of their signal, in `lang`.
    pub async fn reporter_view(
        &self,
        from: IpAddr,
        access: &ReporterAccess,
        lang: Lang,
    ) -> AppResult<ReporterView> {
        let (tenant, state) = self.reporter_signal(from, access).await?;
        let key = self.signal_key(state.id).await?;
        self.reporter_view_of(&tenant, &state, key.as_ref(), lang)
    }

    /// The reporter writes back; answers what they see then, in `lang`.
    pub async fn reporter_reply(
        &self,
        from: IpAddr,
        access: &ReporterAccess,
        text: String,
        lang: Lang,
    ) -> AppResult<ReporterView> {
        let (tenant, state) = self.reporter_signal(from, access).await?;
        let Some(key) = self.signal_key(state.id).await?.map(Arc::new) else {
            return Err(SignalRejection::Destroyed.into());
        };
        let context = self.signal_context(state.id, Some(key.clone()));
        let desk = SignalDesk::system(tenant.clone(), REPORTER_ACTOR);
        let command = SignalCommand::ReporterReply { text };
        let stream = streams::signal(state.id);
        // The reporter holds no version: the reply is decided on the newest state.
        self.execute::<SignalAggregate>(desk.write(), stream, None, command, &context)
            .await?;
        let state = self
            .models_unscoped()
            .signals
            .get(&tenant, state.id)
            .cloned()
            .ok_or_else(no_signal)?;
        self.reporter_view_of(&tenant, &state, Some(&*key), lang)
    }

    /// The reporter's view of a signal, with its key at hand (`None`: destroyed).
    fn reporter_view_of(
        &self,
        tenant: &TenantId,
        state: &SignalEntry,
        key: Option<&SignalKey>,
        lang: Lang,
    ) -> AppResult<ReporterView> {
        let open = |field: &str, sealed: &antikor_shared::signal::Sealed| {
            key.and_then(|k| opened(k.open_text(field, sealed)))
        };
        let mut messages = Vec::new();
        for e in self.signal_events(tenant, state.id)? {
            let Some(event) = decoded_set::<SignalEvent>(&UPCASTERS, &e) else {
                continue;
            };
            let (kind, text) = match &event {
                SignalEvent::Acknowledged(a) => (
                    MessageKind::Acknowledgment,
                    match &a.message {
                        Some(m) => open("message", m),
                        None => Some(tr!(lang, "requests-receipt-acknowledged")),
                    },
                ),
                SignalEvent::MessageSent(m) => (MessageKind::Officer, open("message", &m.text)),
                SignalEvent::FeedbackGiven(f) => (MessageKind::Feedback, open("feedback", &f.text)),
                SignalEvent::ReporterReplied(r) => (MessageKind::Reporter, open("reply", &r.text)),
                _ => continue,
            };
            messages.push(SignalMessage {
                at: e.recorded_at,
                kind,
                text,
            });
        }
        Ok(ReporterView {
            reference: state.case.filed.reference.clone(),
            institution: self.tenant_name(tenant),
            received: state.case.filed.received,
            status: state.case.status(),
            acknowledged: state.case.acknowledged,
            feedback_due: state.case.feedback_due(),
            closed: state.case.closed,
            messages,
        })
    }

    /// The register as CSV (see `crate::exports`), in the order of the law's register
    /// fields. Identities stay sealed (opening them is recorded, one signal at a time, in the
    /// case page).
    pub async fn signal_register_csv(&self, desk: &SignalDesk) -> AppResult<String> {
        // One tenant's register: a file of all of it, read at once.
        let rows = self
            .signal_register(desk, None, &PageRequest::first(usize::MAX))
            .items;
        let mut table = CsvTable::new(&[
            "УИН",
            "Входящ номер",
            "Приел сигнала",
            "Дата на получаване",
            "Канал",
            "Засегнато лице",
            "Място",
            "Период",
            "Описание",
            "Свързани сигнали",
            "Потвърждение (срок)",
            "Потвърждение (дата)",
            "Обратна информация (срок)",
            "Обратна информация (дата)",
            "Последващи действия",
            "Препратен до",
            "Резултат",
            "Дата на приключване",
            "Съхранение до",
        ])?;
        for row in rows {
            // A document in Bulgarian, as the register's law has it.
            let detail = self.signal_detail(desk, row.id, Lang::Bg).await?;
            let filed_by = detail
                .history
                .first()
                .map(|s| s.actor.clone())
                .unwrap_or_default();
            let account = detail.account.clone();
            let actions: Vec<String> = detail
                .history
                .iter()
                .filter(|s| s.event_type == "SignalFollowedUp")
                .map(|s| format!("{}: {}", s.summary, s.text.clone().unwrap_or_default()))
                .collect();
            let sealed_or = |present: bool| {
                if !present {
                    String::new()
                } else if row.key_destroyed {
                    "унищожено".into()
                } else {
                    "запечатано (вижте досието)".into()
                }
            };
            table.row([
                row.uin.clone().unwrap_or_default(),
                row.reference.clone(),
                if filed_by == REPORTER_ACTOR {
                    "уеб формуляр".into()
                } else {
                    filed_by
                },
                date(Some(row.received)),
                row.channel.label(Lang::Bg),
                sealed_or(detail.has_concerned),
                account
                    .as_ref()
                    .map(|a| a.place.clone())
                    .unwrap_or_default(),
                account.as_ref().map(|a| a.when.clone()).unwrap_or_default(),
                account.map(|a| a.what).unwrap_or_default(),
                detail
                    .links
                    .iter()
                    .map(|l| l.reference.clone())
                    .collect::<Vec<_>>()
                    .join(", "),
                date(Some(row.acknowledgment.due)),
                date(row.acknowledgment.done),
                date(row.feedback.map(|f| f.due)),
                date(row.feedback.and_then(|f| f.done)),
                actions.join(" | "),
                row.forwarded_to.clone().unwrap_or_default(),
                row.closed
                    .map(|c| c.outcome.label(Lang::Bg).to_owned())
                    .unwrap_or_default(),
                date(row.closed.map(|c| c.on)),
                date(row.retention_until),
            ])?;
        }
        Ok(table.finish()?)
    }

    /// Every tenant's internal-channel decision (public).
    pub fn channel_obligations(&self) -> Vec<ChannelObligation> {
        let models = self.models_unscoped();
        models
            .tenant_list()
            .into_iter()
            .map(|t| ChannelObligation {
                recorded: models.signals.channel(&t.id).cloned(),
                name: t.registration.name(),
                population_2011: t.registration.population_2011,
                tenant: t.id,
            })
            .collect()
    }

    /// A tenant's lists of units and activities, as the forms offer them (public).
    pub fn intake_lists(&self, tenant: &TenantId) -> AppResult<IntakeLists> {
        if !self.has_tenant(tenant) {
            return Err(AppError::NotFound(msg!("requests-no-such-tenant")));
        }
        let models = self.models_unscoped();
        let lists = models.signals.lists(tenant);
        Ok(IntakeLists {
            tenant: tenant.clone(),
            units: lists.units,
            activities: lists.activities,
            recorded: models.signals.lists_recorded(tenant),
        })
    }

    /// Records the caller's tenant's lists of units and activities.
    pub async fn set_intake_lists(
        &self,
        scope: &TenantWrite,
        body: SetIntakeLists,
    ) -> AppResult<IntakeLists> {
        let stream = streams::intake_lists();
        self.execute::<IntakeListsAggregate>(scope, stream, None, body, &())
            .await?;
        self.intake_lists(scope.tenant())
    }

    /// The caller's tenant's current lists, for a command that checks against them.
    pub fn lists_of(&self, desk: &SignalDesk) -> IntakeListsSet {
        self.models_unscoped().signals.lists(desk.tenant())
    }

    /// Records whether the caller's tenant must run an internal channel.
    pub async fn record_channel(
        &self,
        scope: &TenantWrite,
        body: RecordChannel,
    ) -> AppResult<ChannelObligation> {
        let stream = streams::internal_channel();
        self.execute::<ChannelAggregate>(scope, stream, None, body, &())
            .await?;
        self.channel_obligations()
            .into_iter()
            .find(|c| c.tenant == *scope.tenant())
            .ok_or_else(|| AppError::NotFound(msg!("requests-no-such-tenant")))
    }

    /// Destroys the keys of closed signals whose retention period ended by `today`, and
    /// records each destruction. Returns how many it destroyed.
    pub async fn sweep_retention(&self, today: NaiveDate) -> AppResult<usize> {
        let due = self.models_unscoped().signals.retention_ended(today);
        let mut destroyed = 0;
        for (tenant, id, until) in due {
            let vault = self.vault.clone();
            let existed = tokio::task::spawn_blocking(move || vault.destroy(id))
                .await
                .map_err(anyhow::Error::from)??;
            // The key is gone before the event says so: a crash in between leaves a
            // destroyed key that the next sweep records.
            let scope = TenantWrite::system(tenant, "system");
            let command = SignalCommand::RecordKeyDestroyed {
                retention_ended: until,
            };
            let context = self.signal_context(id, None);
            self.execute::<SignalAggregate>(&scope, streams::signal(id), None, command, &context)
                .await?;
            // Another sweep running at once may have destroyed it first: counted once.
            if existed {
                tracing::info!(signal = %id, "retention ended: the signal's key was destroyed");
                destroyed += 1;
            }
        }
        Ok(destroyed)
    }
}

fn too_many_tries(refusal: Refusal) -> AppError {
    refusal.into_error(AttemptKind::Receipt)
}

/// A history step in `lang`, with its text unsealed when the key allows.
fn describe(
    event: &SignalEvent,
    key: Option<&SignalKey>,
    reference_of: &dyn Fn(Uuid) -> String,
    lang: Lang,
) -> (String, Option<String>) {
    let open = |field: &str, sealed: &antikor_shared::signal::Sealed| {
        key.and_then(|k| opened(k.open_text(field, sealed)))
    };
    match event {
        SignalEvent::Filed(f) => (
            tr!(lang, "requests-step-filed", channel = f.channel.label(lang)),
            None,
        ),
        SignalEvent::Acknowledged(a) => (
            match &a.uin {
                Some(uin) => tr!(
                    lang,
                    "requests-step-acknowledged-uin",
                    date = date_bg(a.on),
                    uin = uin
                ),
                None => tr!(lang, "requests-step-acknowledged", date = date_bg(a.on)),
            },
            a.message.as_ref().and_then(|m| open("message", m)),
        ),
        SignalEvent::Assigned(a) => (
            tr!(lang, "requests-step-assigned", officer = a.to.to_string()),
            None,
        ),
        SignalEvent::Classified(c) => (
            tr!(
                lang,
                "requests-step-classified",
                regime = c.regime.label(lang),
                category = c.category.label(lang)
            ),
            None,
        ),
        SignalEvent::Forwarded(f) => (
            tr!(
                lang,
                "requests-step-forwarded",
                to = &f.to,
                number = &f.outgoing_number,
                date = date_bg(f.on)
            ),
            None,
        ),
        SignalEvent::FollowedUp(f) => (
            tr!(lang, "requests-step-followed-up", date = date_bg(f.on)),
            open("action", &f.action),
        ),
        SignalEvent::FeedbackGiven(f) => (
            tr!(lang, "requests-step-feedback", date = date_bg(f.on)),
            open("feedback", &f.text),
        ),
        SignalEvent::MessageSent(m) => (
            tr!(lang, "requests-step-message-sent"),
            open("message", &m.text),
        ),
        SignalEvent::ReporterReplied(r) => (
            tr!(lang, "requests-step-reporter-replied"),
            open("reply", &r.text),
        ),
        SignalEvent::Closed(c) => (
            tr!(
                lang,
                "requests-step-closed",
                date = date_bg(c.on),
                outcome = c.outcome.label(lang)
            ),
            open("reason", &c.reason),
        ),
        SignalEvent::Linked(l) => (
            tr!(
                lang,
                "requests-step-linked",
                reference = reference_of(l.other)
            ),
            None,
        ),
        SignalEvent::RisksLinked(l) => (
            tr!(lang, "requests-step-risks-linked", count = l.risks.len()),
            None,
        ),
        SignalEvent::IdentityViewed(v) => (
            tr!(
                lang,
                "requests-step-identity-viewed",
                fields = v
                    .fields
                    .iter()
                    .map(|f| match f.as_str() {
                        "reporter" => tr!(lang, "requests-identity-reporter"),
                        "concerned" => tr!(lang, "requests-identity-concerned"),
                        other => match other.strip_prefix("attachment-") {
                            Some(n) => tr!(lang, "requests-identity-attachment", number = n),
                            None => other.to_owned(),
                        },
                    })
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            None,
        ),
        SignalEvent::KeyDestroyed(k) => (
            tr!(
                lang,
                "requests-step-key-destroyed",
                date = date_bg(k.retention_ended)
            ),
            None,
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn receipt_codes_carry_100_bits_and_read_back_forgivingly() {
        let code = new_receipt_code();
        assert_eq!(code.len(), 24, "{code}");
        assert_eq!(normalize_code(&code).len(), CODE_CHARS);
        assert!(
            normalize_code(&code)
                .bytes()
                .all(|b| CODE_ALPHABET.contains(&b))
        );
        assert_ne!(new_receipt_code(), code);
        assert_eq!(
            normalize_code(" k7qx-m2pa 9d4h-tt3e-wboi "),
            "K7QXM2PA9D4HTT3EWB01"
        );
    }
}
