//! Proves in the browser that a shown event is in the signed log, with `antikor_shared::tlog`.
//!
//! The steps are pure: [`open_log`] checks the checkpoint's signature with the log's key, and
//! [`check_event`] recomputes the event's leaf from what the page shows and checks the server's
//! inclusion proof against the checkpoint's root. The page only fetches the three texts.

use antikor_shared::RecordedEvent;
use antikor_shared::api::InclusionProof;
use antikor_shared::tlog::{
    self, CheckpointError, ProofError, VerifiedCheckpoint, VerifierKey, check_inclusion,
    from_base64, leaf_hash, leaf_of_event, open_checkpoint, to_base64,
};

/// Why the browser did not confirm that the event is in the log; `Display` is the text the
/// page shows, in its language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotVerified {
    /// A part of the log needed for the check could not be fetched.
    Missing {
        /// Which part.
        part: LogPart,
        /// The server's or the network's reason.
        reason: String,
    },
    /// The server's key is not a log key.
    Key,
    /// The checkpoint is not a signed checkpoint, or not signed by the log's key.
    Checkpoint(String),
    /// The newest checkpoint covers fewer events than the event's position.
    OlderCheckpoint {
        /// The event's position.
        position: u64,
        /// The checkpoint's size.
        size: u64,
    },
    /// The event as shown cannot be encoded as a leaf.
    Leaf,
    /// The proof is for another event or another tree size than the one asked for.
    WrongProof {
        /// The event's position.
        position: u64,
        /// The checkpoint's size.
        size: u64,
        /// The position the proof names.
        proof_position: u64,
        /// The size the proof names.
        proof_size: u64,
    },
    /// A hash of the proof is not a base64 SHA-256 hash.
    MalformedProof,
    /// The leaf the server proves is not the leaf of the event the page shows.
    LeafMismatch,
    /// The audit path does not lead from the event's leaf to the checkpoint's root.
    NotIncluded {
        /// The event's position.
        position: u64,
        /// The checkpoint's size.
        size: u64,
    },
}

/// A part of the log the browser fetches to check an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogPart {
    /// The log's verifier key.
    Key,
    /// The newest signed checkpoint.
    Checkpoint,
    /// The server's proof that the event is in the log.
    Proof,
}

impl std::fmt::Display for NotVerified {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self {
            Self::Missing { part, reason } => match part {
                LogPart::Key => t!("shell-proof-missing-key", reason = reason),
                LogPart::Checkpoint => t!("shell-proof-missing-checkpoint", reason = reason),
                LogPart::Proof => t!("shell-proof-missing-proof", reason = reason),
            },
            Self::Key => t!("shell-proof-key"),
            Self::Checkpoint(why) => t!("shell-proof-checkpoint", reason = why),
            Self::OlderCheckpoint { position, size } => t!(
                "shell-proof-older-checkpoint",
                size = *size,
                position = *position
            ),
            Self::Leaf => t!("shell-proof-leaf"),
            Self::WrongProof {
                position,
                size,
                proof_position,
                proof_size,
            } => t!(
                "shell-proof-wrong-proof",
                proof_position = *proof_position,
                proof_size = *proof_size,
                position = *position,
                size = *size
            ),
            Self::MalformedProof => t!("shell-proof-malformed"),
            Self::LeafMismatch => t!("shell-proof-leaf-mismatch"),
            Self::NotIncluded { position, size } => t!(
                "shell-proof-not-included",
                position = *position,
                size = *size
            ),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for NotVerified {}

/// A checkpoint whose signature by the log's key checked out.
#[derive(Debug, Clone)]
pub struct OpenedLog {
    key: VerifierKey,
    checkpoint: VerifiedCheckpoint,
}

impl OpenedLog {
    /// The number of events the checkpoint covers.
    pub fn size(&self) -> u64 {
        self.checkpoint.head.size
    }
}

/// Parses the log's verifier key and opens the signed checkpoint with it.
pub fn open_log(key: &str, checkpoint: &str) -> Result<OpenedLog, NotVerified> {
    let key = VerifierKey::parse(key).map_err(|_| NotVerified::Key)?;
    let checkpoint = open_checkpoint(checkpoint, &key).map_err(|e| {
        NotVerified::Checkpoint(match e {
            CheckpointError::Malformed(_) => t!("shell-proof-checkpoint-malformed"),
            CheckpointError::Signature(_) => t!(
                "shell-proof-checkpoint-signature",
                name = key.name(),
                fingerprint = key.fingerprint()
            ),
            CheckpointError::WrongOrigin { expected, found } => t!(
                "shell-proof-checkpoint-origin",
                found = found,
                expected = expected
            ),
        })
    })?;
    Ok(OpenedLog { key, checkpoint })
}

/// What the browser proved: the event is in the log of `size` events with root `root`, as
/// signed by the key `origin` (`fingerprint`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Included {
    /// The log's name, from its checkpoint.
    pub origin: String,
    /// The log key's 8-hex-digit fingerprint.
    pub fingerprint: String,
    /// The checkpoint's tree size.
    pub size: u64,
    /// The checkpoint's root, base64.
    pub root: String,
    /// The event's leaf hash, base64.
    pub leaf_hash: String,
    /// Names of the witnesses that cosigned the checkpoint (their signatures not checked here).
    pub witnesses: Vec<String>,
}

impl Included {
    /// The sentence the page shows.
    pub fn sentence(&self) -> String {
        t!(
            "shell-proof-verified",
            size = self.size,
            origin = &self.origin,
            fingerprint = &self.fingerprint
        )
    }
}

/// Checks that `event`, as the page shows it, is in the log `log` signed: recomputes its leaf,
/// compares it with the leaf the server proves, and checks the audit path against the
/// checkpoint's root. `proof` must be for the event's position and the checkpoint's size.
pub fn check_event(
    event: &RecordedEvent,
    log: &OpenedLog,
    proof: &InclusionProof,
) -> Result<Included, NotVerified> {
    let head = &log.checkpoint.head;
    let (position, size) = (event.position, head.size);
    if position > size {
        return Err(NotVerified::OlderCheckpoint { position, size });
    }
    if proof.position != position || proof.size != size {
        return Err(NotVerified::WrongProof {
            position,
            size,
            proof_position: proof.position,
            proof_size: proof.size,
        });
    }
    let leaf = leaf_hash(&leaf_of_event(event).map_err(|_| NotVerified::Leaf)?);
    let proved = from_base64(&proof.leaf_hash).map_err(|_| NotVerified::MalformedProof)?;
    if proved != leaf {
        return Err(NotVerified::LeafMismatch);
    }
    let path = proof
        .path
        .iter()
        .map(|h| from_base64(h))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|_| NotVerified::MalformedProof)?;
    check_inclusion(leaf, position, size, head.root, &path).map_err(|e| match e {
        ProofError::OutOfRange(_) => NotVerified::OlderCheckpoint { position, size },
        ProofError::Malformed(_) => NotVerified::MalformedProof,
        ProofError::Mismatch(_) => NotVerified::NotIncluded { position, size },
    })?;
    Ok(Included {
        origin: head.origin.clone(),
        fingerprint: log.key.fingerprint(),
        size,
        root: to_base64(&head.root),
        leaf_hash: tlog::to_base64(&leaf),
        witnesses: log.checkpoint.other_signers.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use antikor_shared::tlog::{Hash, SigningKey, WitnessSigner};
    use sha2::{Digest, Sha256};

    fn signer() -> SigningKey {
        SigningKey::from_seed("test/log", [7; 32]).unwrap()
    }

    fn event(position: u64, actor: &str) -> RecordedEvent {
        serde_json::from_value(serde_json::json!({
            "position": position, "tenant": "bansko", "stream": "tenant", "version": position,
            "id": format!("00000000-0000-0000-0000-00000000000{position}"),
            "event_type": "TenantRegistered", "schema_version": 1,
            "recorded_at": "2025-01-01T10:00:00.123456Z", "actor": actor,
            "correlation_id": "00000000-0000-0000-0000-0000000000aa", "causation_id": null,
            "payload": {"name": "Банско", "sealed": {"bytes": 3, "sha256": "ab"}},
            "hash": "ab"
        }))
        .unwrap()
    }

    fn leaf(event: &RecordedEvent) -> Hash {
        leaf_hash(&leaf_of_event(event).unwrap())
    }

    /// RFC 6962 interior node: `SHA-256(0x01 ‖ left ‖ right)`.
    fn node(left: Hash, right: Hash) -> Hash {
        let mut sha = Sha256::new();
        sha.update([1u8]);
        sha.update(left.0);
        sha.update(right.0);
        Hash(sha.finalize().into())
    }

    fn proof(position: u64, size: u64, leaf: Hash, path: &[Hash]) -> InclusionProof {
        InclusionProof {
            position,
            size,
            leaf_hash: to_base64(&leaf),
            path: path.iter().map(to_base64).collect(),
        }
    }

    fn opened(size: u64, root: Hash) -> OpenedLog {
        let key = signer();
        open_log(key.verifier().as_str(), &key.sign(size, root)).unwrap()
    }

    #[test]
    fn an_event_in_a_log_of_one_checks_out() {
        let shown = event(1, "system");
        // A log of one event: its root is the leaf hash, and the path is empty.
        let log = opened(1, leaf(&shown));
        let included = check_event(&shown, &log, &proof(1, 1, leaf(&shown), &[])).unwrap();
        assert_eq!(included.size, 1);
        assert_eq!(included.origin, "test/log");
        assert_eq!(included.fingerprint, signer().verifier().fingerprint());
        assert_eq!(included.root, to_base64(&leaf(&shown)));
        assert!(included.witnesses.is_empty());
        assert_eq!(
            included.sentence(),
            format!(
                "Проверено: събитието е в дневника с размер 1, подписан от test/log ({}).",
                included.fingerprint
            )
        );
    }

    #[test]
    fn both_events_of_a_log_of_two_check_out() {
        let (first, second) = (event(1, "system"), event(2, "odit"));
        let root = node(leaf(&first), leaf(&second));
        let log = opened(2, root);
        check_event(&first, &log, &proof(1, 2, leaf(&first), &[leaf(&second)])).unwrap();
        check_event(&second, &log, &proof(2, 2, leaf(&second), &[leaf(&first)])).unwrap();
        // A path for the wrong side does not lead to the root.
        assert_eq!(
            check_event(&first, &log, &proof(1, 2, leaf(&first), &[leaf(&first)])),
            Err(NotVerified::NotIncluded {
                position: 1,
                size: 2
            })
        );
    }

    #[test]
    fn a_tampered_event_is_not_the_logged_leaf() {
        let (first, second) = (event(1, "system"), event(2, "odit"));
        let log = opened(2, node(leaf(&first), leaf(&second)));
        let genuine = proof(2, 2, leaf(&second), &[leaf(&first)]);

        // The page shows another actor than the log holds: the recomputed leaf differs.
        let tampered = event(2, "someone.else");
        assert_eq!(
            check_event(&tampered, &log, &genuine),
            Err(NotVerified::LeafMismatch)
        );
        // A server that proves the tampered leaf instead has no path to the signed root.
        let forged = proof(2, 2, leaf(&tampered), &[leaf(&first)]);
        assert_eq!(
            check_event(&tampered, &log, &forged),
            Err(NotVerified::NotIncluded {
                position: 2,
                size: 2
            })
        );
        // Nor does a changed sibling.
        let changed = proof(2, 2, leaf(&second), &[leaf(&tampered)]);
        assert!(matches!(
            check_event(&second, &log, &changed),
            Err(NotVerified::NotIncluded { .. })
        ));
        // Nor a proof for another size or position than was asked.
        assert!(matches!(
            check_event(&second, &log, &proof(2, 3, leaf(&second), &[leaf(&first)])),
            Err(NotVerified::WrongProof { proof_size: 3, .. })
        ));
        let mut garbled = genuine.clone();
        garbled.path = vec!["not base64!".to_owned()];
        assert_eq!(
            check_event(&second, &log, &garbled),
            Err(NotVerified::MalformedProof)
        );
    }

    #[test]
    fn a_checkpoint_older_than_the_event_proves_nothing() {
        let first = event(1, "system");
        let log = opened(1, leaf(&first));
        let later = event(2, "odit");
        assert_eq!(
            check_event(&later, &log, &proof(2, 1, leaf(&later), &[])),
            Err(NotVerified::OlderCheckpoint {
                position: 2,
                size: 1
            })
        );
    }

    #[test]
    fn only_the_logs_own_signature_opens_a_checkpoint() {
        let root = leaf(&event(1, "system"));
        let other = SigningKey::from_seed("test/log", [8; 32]).unwrap();
        let Err(NotVerified::Checkpoint(why)) =
            open_log(signer().verifier().as_str(), &other.sign(1, root))
        else {
            panic!("another key's signature was accepted");
        };
        assert!(why.contains("не е подписана"), "{why}");

        let foreign = SigningKey::from_seed("other/log", [7; 32]).unwrap();
        assert!(matches!(
            open_log(signer().verifier().as_str(), &foreign.sign(1, root)),
            Err(NotVerified::Checkpoint(_))
        ));

        // A changed size breaks the signature.
        let signed = signer().sign(1, root);
        let altered = signed.replacen("\n1\n", "\n2\n", 1);
        assert!(matches!(
            open_log(signer().verifier().as_str(), &altered),
            Err(NotVerified::Checkpoint(_))
        ));
        assert_eq!(
            open_log("not a key", &signed).unwrap_err(),
            NotVerified::Key
        );
    }

    #[test]
    fn witnesses_that_cosigned_are_named() {
        let shown = event(1, "system");
        let signed = signer().sign(1, leaf(&shown));
        let witness = WitnessSigner::from_seed("witness.example/w1", [9; 32]).unwrap();
        let text = tlog::note_text(&signed).unwrap();
        let cosigned = format!("{signed}{}", witness.cosign(&text, 1_700_000_000));
        let log = open_log(signer().verifier().as_str(), &cosigned).unwrap();
        let included = check_event(&shown, &log, &proof(1, 1, leaf(&shown), &[])).unwrap();
        assert_eq!(included.witnesses, ["witness.example/w1"]);
    }
}
