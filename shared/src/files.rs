//! Evidence files: documents attached to progress reports, activities and risks, kept apart
//! from the log under their SHA-256, which the events carry.

use serde::{Deserialize, Serialize};

/// The largest file accepted.
pub const MAX_FILE_BYTES: usize = 10 * 1024 * 1024;

/// The most files one attachment adds.
pub const MAX_FILES_AT_ONCE: usize = 10;

/// A stored file as a record names it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FileRef {
    /// SHA-256 of its bytes, lowercase hex: where the store keeps it.
    pub sha256: String,
    /// Its name as uploaded.
    pub name: String,
    /// Its type, as judged by its bytes.
    pub media_type: String,
    /// Its size.
    pub bytes: u64,
}

impl FileRef {
    /// Whether `sha256` is a well-formed hash (64 lowercase hex digits): anything else names
    /// no file and must never reach a path.
    pub fn valid_hash(sha256: &str) -> bool {
        sha256.len() == 64
            && sha256
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    }

    /// Its size for people: "1,2 MB", "340 KB".
    pub fn size_label(&self) -> String {
        let kb = self.bytes.div_ceil(1024);
        if kb < 1024 {
            format!("{kb} KB")
        } else {
            let tenths = (self.bytes * 10).div_ceil(1024 * 1024);
            format!("{},{} MB", tenths / 10, tenths % 10)
        }
    }
}

/// `POST /api/activities/{id}/files`, `POST /api/risks/{id}/files`: files uploaded before
/// (`POST /api/files`) to attach to a record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AttachFiles {
    /// The files, as the upload answered them.
    pub files: Vec<FileRef>,
}

/// The types accepted, judged by a file's first bytes (and, where the bytes leave it open,
/// its name's extension): PDF, images, and office documents. `None` for anything else.
pub fn media_type_of(name: &str, bytes: &[u8]) -> Option<&'static str> {
    let extension = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    if bytes.starts_with(b"%PDF-") {
        return Some("application/pdf");
    }
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return Some("image/jpeg");
    }
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Some("image/png");
    }
    if bytes.starts_with(b"PK\x03\x04") {
        // OpenDocument names its type in a first, stored entry called `mimetype`.
        if bytes.get(30..38) == Some(b"mimetype") {
            let declared = bytes.get(38..bytes.len().min(38 + 80)).unwrap_or_default();
            for (prefix, media_type) in [
                (
                    &b"application/vnd.oasis.opendocument.text"[..],
                    "application/vnd.oasis.opendocument.text",
                ),
                (
                    b"application/vnd.oasis.opendocument.spreadsheet",
                    "application/vnd.oasis.opendocument.spreadsheet",
                ),
            ] {
                if declared.starts_with(prefix) {
                    return Some(media_type);
                }
            }
            return None;
        }
        // Office Open XML lists its parts in `[Content_Types].xml` and keeps the document
        // under `word/`, `xl/` or `ppt/`.
        let has = |needle: &[u8]| memchr::memmem::find(bytes, needle).is_some();
        if has(b"[Content_Types].xml") {
            if has(b"word/") {
                return Some(
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                );
            }
            if has(b"xl/") {
                return Some("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            }
            if has(b"ppt/") {
                return Some(
                    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
                );
            }
        }
        return None;
    }
    // The older binary office formats share one container; the name tells which it is.
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return match extension.as_str() {
            "doc" => Some("application/msword"),
            "xls" => Some("application/vnd.ms-excel"),
            "ppt" => Some("application/vnd.ms-powerpoint"),
            _ => None,
        };
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_are_judged_by_the_bytes_not_the_name() {
        assert_eq!(
            media_type_of("protokol.txt", b"%PDF-1.7 ..."),
            Some("application/pdf")
        );
        assert_eq!(media_type_of("protokol.pdf", b"MZ\x90\x00"), None);
        let docx = b"PK\x03\x04....[Content_Types].xml....word/document.xml";
        assert_eq!(
            media_type_of("списък.docx", docx),
            Some("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        );
        assert_eq!(media_type_of("archive.zip", b"PK\x03\x04 plain zip"), None);
        let mut odt = b"PK\x03\x04".to_vec();
        odt.extend_from_slice(&[0; 26]);
        odt.extend_from_slice(b"mimetypeapplication/vnd.oasis.opendocument.text");
        assert_eq!(
            media_type_of("a.odt", &odt),
            Some("application/vnd.oasis.opendocument.text")
        );
        let ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0];
        assert_eq!(media_type_of("стар.doc", &ole), Some("application/msword"));
        assert_eq!(media_type_of("стар.exe", &ole), None);
    }

    #[test]
    fn only_hashes_name_files() {
        assert!(FileRef::valid_hash(&"a".repeat(64)));
        assert!(!FileRef::valid_hash("../../etc/passwd"));
        assert!(!FileRef::valid_hash(&"A".repeat(64)));
    }
}
