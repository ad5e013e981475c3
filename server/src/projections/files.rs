//! Which records each stored evidence file is attached to: what decides who may download it.

use antikor_shared::events::{ActivityEvent, AnyEvent, ProgressEvent, RiskEvent};
use antikor_shared::files::FileRef;
use antikor_shared::progress::Evidence;
use antikor_shared::{StreamId, TenantId};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// The record a file is attached to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Owner {
    /// A progress report.
    Progress,
    /// An activity.
    Activity(Uuid),
    /// A risk of the register.
    Risk(Uuid),
}

/// A file and the records it is attached to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileUse {
    /// The file as it was first attached.
    pub file: FileRef,
    /// Whose records, and which.
    pub owners: Vec<(TenantId, Owner)>,
}

/// The files an event of `stream` attaches, each with the record it is attached to. The one
/// reading of the log for files: the read model folds it, and a mirror copies what it names.
pub fn attachments<'e>(stream: &StreamId, event: &'e AnyEvent) -> Vec<(Owner, &'e FileRef)> {
    match event {
        AnyEvent::ProgressEvent(ProgressEvent::Reported(report)) => report
            .evidence
            .iter()
            .filter_map(|evidence| match evidence {
                Evidence::File(file) => Some((Owner::Progress, file)),
                _ => None,
            })
            .collect(),
        AnyEvent::RiskEvent(RiskEvent::FilesAttached(attached)) => crate::streams::risk_id(stream)
            .map_or_else(Vec::new, |id| {
                attached
                    .files
                    .iter()
                    .map(|f| (Owner::Risk(id), f))
                    .collect()
            }),
        AnyEvent::ActivityEvent(ActivityEvent::FilesAttached(attached)) => {
            crate::streams::activity_id(stream).map_or_else(Vec::new, |id| {
                attached
                    .files
                    .iter()
                    .map(|f| (Owner::Activity(id), f))
                    .collect()
            })
        }
        _ => Vec::new(),
    }
}

/// Every attached file, by its hash.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileIndex {
    files: foldhash::HashMap<String, FileUse>,
}

impl FileIndex {
    /// Notes that `tenant`'s record `owner` has `file` attached.
    pub fn attached(&mut self, tenant: &TenantId, owner: Owner, file: &FileRef) {
        let entry = self
            .files
            .entry(file.sha256.clone())
            .or_insert_with(|| FileUse {
                file: file.clone(),
                owners: Vec::new(),
            });
        let owner = (tenant.clone(), owner);
        if !entry.owners.contains(&owner) {
            entry.owners.push(owner);
        }
    }

    /// A file's uses, if it is attached anywhere.
    pub fn get(&self, sha256: &str) -> Option<&FileUse> {
        self.files.get(sha256)
    }

    /// The hashes of every attached file.
    pub fn hashes(&self) -> impl Iterator<Item = &str> {
        self.files.keys().map(String::as_str)
    }
}
