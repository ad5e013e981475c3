//! The auditor's own copy of the log: every leaf, a signed checkpoint over them and the key, in
//! one file that `antikor bundle verify` checks with no server and no data folder.
//!
//! The format is JSON Lines. The first line is a header,
//! `{"format":"antikor-bundle/1","keys":["<verifier key>",…],"checkpoint":"<signed note>"}`;
//! then line `p` (counting from 1 after the header) holds the exact leaf bytes of the event at
//! position `p` (canonical JSON never contains a raw newline). The checkpoint covers exactly the
//! leaves in the file.

use crate::store::EventStore;
use crate::store::tree::Frontier;
use antikor_shared::tlog::{self, TreeHead, VerifierKey};
use serde::{Deserialize, Serialize};
use std::io::{BufRead, Write};

/// The format name in a bundle's header.
pub const FORMAT: &str = "antikor-bundle/1";

/// A bundle's first line.
#[derive(Debug, Serialize, Deserialize)]
pub struct Header {
    /// Always [`FORMAT`].
    pub format: String,
    /// The log's verifier keys, newest first.
    pub keys: Vec<String>,
    /// A signed checkpoint of exactly the leaves that follow.
    pub checkpoint: String,
}

/// Writes the bundle of the first `size` events of `store`, whose signed checkpoint is
/// `checkpoint`, to `out`.
pub fn write(
    store: &dyn EventStore,
    size: u64,
    keys: &[VerifierKey],
    checkpoint: &str,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let header = Header {
        format: FORMAT.to_owned(),
        keys: keys.iter().map(ToString::to_string).collect(),
        checkpoint: checkpoint.to_owned(),
    };
    serde_json::to_writer(&mut *out, &header)?;
    out.write_all(b"\n")?;
    for position in 1..=size {
        let leaf = store
            .leaf(position)?
            .ok_or_else(|| anyhow::anyhow!("event {position} cannot be read"))?;
        out.write_all(&leaf)?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(())
}

/// What a bundle proved.
#[derive(Debug)]
pub struct Verified {
    /// The checkpoint the leaves match.
    pub head: TreeHead,
    /// The key that signed it.
    pub key: VerifierKey,
    /// The root at an earlier checkpoint's size, when one was given and it matched.
    pub extends: Option<TreeHead>,
}

/// Checks a bundle: the checkpoint's signature by a key the bundle names (and, with `trusted`,
/// that this is the key), every leaf in order, the root, and that the log extends `older`.
pub fn verify(
    input: &mut dyn BufRead,
    trusted: Option<&VerifierKey>,
    older: Option<&str>,
) -> anyhow::Result<Verified> {
    let mut line = Vec::new();
    input.read_until(b'\n', &mut line)?;
    let header: Header = serde_json::from_slice(&line)
        .map_err(|e| anyhow::anyhow!("the file is not an Antikor bundle ({e})"))?;
    anyhow::ensure!(
        header.format == FORMAT,
        "the bundle's format is „{}“, not {FORMAT}",
        header.format
    );
    let keys: Vec<VerifierKey> = header
        .keys
        .iter()
        .map(|k| VerifierKey::parse(k))
        .collect::<Result<_, _>>()?;
    let candidates: Vec<&VerifierKey> = match trusted {
        Some(trusted) => vec![trusted],
        None => keys.iter().collect(),
    };
    let (key, opened) = candidates
        .iter()
        .find_map(|k| {
            tlog::open_checkpoint(&header.checkpoint, k)
                .ok()
                .map(|c| ((*k).clone(), c))
        })
        .ok_or_else(|| match trusted {
            Some(k) => anyhow::anyhow!(
                "the bundle's checkpoint is not signed by the key {} ({})",
                k.name(),
                k.fingerprint()
            ),
            None => anyhow::anyhow!("the bundle's checkpoint is not signed by any key it names"),
        })?;
    let head = opened.head;
    let older = match older {
        Some(text) => Some(tlog::open_checkpoint(text, &key)?.head),
        None => None,
    };
    if let Some(older) = &older {
        anyhow::ensure!(
            older.size <= head.size,
            "the earlier checkpoint records {} events but the bundle holds {}: the log was rolled back or cut",
            older.size,
            head.size
        );
    }
    let mut frontier = Frontier::default();
    let mut extends = None;
    if older.as_ref().is_some_and(|o| o.size == 0) {
        extends = older.clone();
    }
    loop {
        line.clear();
        if input.read_until(b'\n', &mut line)? == 0 {
            break;
        }
        let leaf = line.strip_suffix(b"\n").unwrap_or(&line);
        let position = frontier.size() + 1;
        let record: tlog::Record<'_> = serde_json::from_slice(leaf)
            .map_err(|e| anyhow::anyhow!("line {position} is not a leaf ({e})"))?;
        anyhow::ensure!(
            record.position == position,
            "line {position} holds the event at position {}",
            record.position
        );
        frontier.push(tlog::leaf_hash(leaf));
        if let Some(older) = &older
            && older.size == frontier.size()
        {
            anyhow::ensure!(
                frontier.root() == older.root,
                "the bundle's first {} events are not the ones of the earlier checkpoint: the history differs (a fork or a rewrite)",
                older.size
            );
            extends = Some(older.clone());
        }
    }
    anyhow::ensure!(
        frontier.size() == head.size,
        "the bundle holds {} events but its checkpoint {}",
        frontier.size(),
        head.size
    );
    anyhow::ensure!(
        frontier.root() == head.root,
        "the leaves do not give the checkpoint's root: the bundle was altered"
    );
    Ok(Verified { head, key, extends })
}
