//! Evidence files as callers store, attach and read them: an upload is judged by its bytes and
//! kept under its hash; a record names it; a download is allowed to whoever may read one of
//! the records it is attached to (anyone, for a public meeting's protocol). An upload no record
//! names within a day is swept.

use super::App;
use crate::access::{ReadScope, TenantWrite};
use crate::domain::activities::{ActivityAggregate, ActivityCommand};
use crate::domain::risks::{RiskAggregate, RiskCommand};
use crate::files::Stored;
use crate::projections::files::Owner;
use crate::streams;
use crate::util::errors::{AppError, AppResult};
use antikor_shared::files::{FileRef, MAX_FILE_BYTES, media_type_of};
use antikor_shared::msg;
use antikor_shared::progress::Evidence;
use antikor_shared::risk::RiskRecord;
use antikor_shared::views::ActivityRecord;
use uuid::Uuid;

/// How long an uploaded file waits for a record to name it before the sweep removes it: the
/// form it was uploaded from is filled in meanwhile.
pub const UNATTACHED_FILE_HOURS: i64 = 24;

fn no_file() -> AppError {
    AppError::NotFound(msg!("requests-no-such-file"))
}

impl App {
    /// Stores an uploaded file, judged by its bytes (PDF, images, office documents, up to
    /// 10 MB), and answers how a record names it. Writers only; the file is of no one until a
    /// record names it.
    pub async fn upload_file(
        &self,
        scope: &TenantWrite,
        name: &str,
        bytes: Vec<u8>,
    ) -> AppResult<FileRef> {
        if self.uploads.check_key(&scope.actor().to_owned()).is_err() {
            return Err(AppError::TooManyRequests {
                message: msg!("requests-uploads-too-many"),
                retry_after: 60,
            });
        }
        let name = name.trim();
        if name.is_empty() || name.chars().count() > 200 {
            return Err(AppError::BadRequest(msg!("requests-file-name-missing")));
        }
        if bytes.is_empty() {
            return Err(AppError::BadRequest(msg!(
                "requests-file-empty",
                name = name
            )));
        }
        if bytes.len() > MAX_FILE_BYTES {
            return Err(AppError::BadRequest(msg!(
                "requests-file-too-large",
                name = name,
                megabytes = MAX_FILE_BYTES / (1024 * 1024)
            )));
        }
        let media_type = media_type_of(name, &bytes)
            .ok_or_else(|| AppError::BadRequest(msg!("requests-file-type", name = name)))?;
        let store = self.files.clone();
        let size = bytes.len() as u64;
        // A file uploaded again takes a new time: not while the sweep judges the old one.
        let _attaching = self.attaching.read().await;
        let now = self.clock.now().into();
        let sha256 = tokio::task::spawn_blocking(move || store.put(&bytes, now))
            .await
            .map_err(|e| AppError::Internal(e.into()))?
            .map_err(|e| AppError::Internal(e.context("storing an evidence file")))?;
        Ok(FileRef {
            sha256,
            name: name.to_owned(),
            media_type: media_type.to_owned(),
            bytes: size,
        })
    }

    /// The files a command names, each found whole in the store, with the size and type its
    /// bytes have (whatever the request said).
    pub(crate) fn stored_files(&self, files: Vec<FileRef>) -> AppResult<Vec<FileRef>> {
        let now = self.clock.now().into();
        files
            .into_iter()
            .map(|f| {
                let missing =
                    || AppError::BadRequest(msg!("requests-file-not-uploaded", name = &f.name));
                self.files.touch(&f.sha256, now)?;
                let bytes = match self.files.get(&f.sha256)? {
                    Stored::Whole(bytes) => bytes,
                    Stored::Missing | Stored::Damaged => return Err(missing()),
                };
                let media_type = media_type_of(&f.name, &bytes).ok_or_else(missing)?;
                Ok(FileRef {
                    media_type: media_type.to_owned(),
                    bytes: bytes.len() as u64,
                    ..f
                })
            })
            .collect()
    }

    /// A progress report's evidence with its files checked against the store.
    pub(crate) fn stored_evidence(&self, evidence: Vec<Evidence>) -> AppResult<Vec<Evidence>> {
        evidence
            .into_iter()
            .map(|e| match e {
                Evidence::File(f) => Ok(Evidence::File(self.stored_files(vec![f])?.remove(0))),
                other => Ok(other),
            })
            .collect()
    }

    /// Removes the evidence files that no record attaches and that were uploaded more than
    /// [`UNATTACHED_FILE_HOURS`] ago (a form is filled in the meantime), with temporary files
    /// of uploads interrupted as long ago. Returns how many files went and their bytes.
    /// Nothing is removed while the log refuses writes: it then holds only the history up to
    /// the damage, and the files of the records after it are still evidence.
    pub async fn sweep_unattached_files(&self) -> AppResult<(usize, u64)> {
        if self.store.refusal().is_some() {
            return Ok((0, 0));
        }
        let _attaching = self.attaching.write().await;
        let attached: std::collections::HashSet<String> = self
            .models_unscoped()
            .files
            .hashes()
            .map(str::to_owned)
            .collect();
        let before = self.clock.now() - chrono::TimeDelta::hours(UNATTACHED_FILE_HOURS);
        let store = self.files.clone();
        let swept = tokio::task::spawn_blocking(move || {
            store.sweep(|sha256| attached.contains(sha256), before.into())
        })
        .await
        .map_err(|e| AppError::Internal(e.into()))?
        .map_err(|e| AppError::Internal(e.context("sweeping files")))?;
        if swept.0 > 0 {
            tracing::info!(
                files = swept.0,
                bytes = swept.1,
                "removed uploaded files that no record attached"
            );
        }
        Ok(swept)
    }

    /// A stored file, when `reader` may read a record it is attached to, or one of those
    /// records is public (`reader`: `None` for a visitor). 404 otherwise, as if it did not
    /// exist; a file found damaged is never served.
    pub fn evidence_file(
        &self,
        reader: Option<&ReadScope>,
        sha256: &str,
    ) -> AppResult<(FileRef, Vec<u8>)> {
        let file = {
            let models = self.models_unscoped();
            let uses = models.files.get(sha256).ok_or_else(no_file)?;
            let allowed = uses.owners.iter().any(|(tenant, owner)| {
                reader.is_some_and(|r| r.covers(tenant))
                    || matches!(owner, Owner::Activity(id)
                        if models.work.of(tenant).is_some_and(|w| w.is_public(*id)))
            });
            if !allowed {
                return Err(no_file());
            }
            uses.file.clone()
        };
        match self.files.get(sha256)? {
            Stored::Whole(bytes) => Ok((file, bytes)),
            Stored::Missing => Err(AppError::Internal(anyhow::anyhow!(
                "the evidence file {sha256} is attached to a record but missing from the store"
            ))),
            Stored::Damaged => Err(AppError::Internal(anyhow::anyhow!(
                "the evidence file {sha256} is damaged: its bytes no longer match its hash"
            ))),
        }
    }

    /// Attaches stored files to an activity of the caller's tenant.
    pub async fn attach_activity_files(
        &self,
        scope: &TenantWrite,
        id: Uuid,
        files: Vec<FileRef>,
        lang: antikor_shared::i18n::Lang,
    ) -> AppResult<ActivityRecord> {
        let _attaching = self.attaching.read().await;
        let files = self.stored_files(files)?;
        let context = crate::domain::activities::ActivityContext {
            plan: None,
            today: self.clock.today(),
            regional: false,
            municipalities: Vec::new(),
        };
        let command = ActivityCommand::AttachFiles(files);
        self.execute::<ActivityAggregate>(scope, streams::activity(id), None, command, &context)
            .await?;
        let upto = self.models_unscoped().position;
        self.activity_as_of(scope.tenant(), id, upto, lang)?
            .ok_or_else(|| AppError::NotFound(msg!("requests-no-such-record")))
    }

    /// Attaches stored files to a risk of the caller's tenant.
    pub async fn attach_risk_files(
        &self,
        scope: &TenantWrite,
        id: Uuid,
        files: Vec<FileRef>,
        exact: bool,
    ) -> AppResult<RiskRecord> {
        let _attaching = self.attaching.read().await;
        let files = self.stored_files(files)?;
        let year = self
            .models_unscoped()
            .risks
            .get(scope.tenant(), id)
            .map(|r| r.identified.year)
            .ok_or_else(|| AppError::NotFound(msg!("requests-no-such-risk")))?;
        let context = self.risk_context(scope, year);
        // Attaching commutes with every other change: no version to name.
        let command = RiskCommand::AttachFiles(files);
        self.execute::<RiskAggregate>(scope, streams::risk(id), None, command, &context)
            .await?;
        self.written_risk(scope.tenant(), id, exact)
    }
}
