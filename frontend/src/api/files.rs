//! Calls of the evidence files: uploading a file's bytes, and attaching stored files to an
//! activity or a risk.

use super::{ApiError, answer, changing, parsed, send_json};
use crate::format::{encode_query_value, href_with_query};
use antikor_shared::files::{AttachFiles, FileRef};
use antikor_shared::risk::RiskRecord;
use antikor_shared::views::ActivityRecord;
use gloo_net::http::Request;

/// The address a file of `name` is uploaded to.
fn upload_url(name: &str) -> String {
    href_with_query("/api/files", [("name", Some(name.to_owned()))])
}

/// `POST /api/files?name=`: stores the file's bytes, the raw body of the request, and answers
/// how a record names it. The file goes as the body itself: the browser sends its bytes as
/// they are read from the disk, with no copy of a large file held by the page.
pub async fn upload_file(file: &web_sys::File) -> Result<FileRef, ApiError> {
    let request = changing(Request::post(&upload_url(&file.name())))?
        .header("Content-Type", "application/octet-stream")
        .body(file.clone());
    parsed(answer(request).await?)
}

/// `POST /api/activities/{id}/files`: attaches stored files to an activity of the caller's
/// institution; the answer is the activity as it now stands.
pub async fn attach_activity_files(
    id: &str,
    files: Vec<FileRef>,
) -> Result<ActivityRecord, ApiError> {
    let url = format!("/api/activities/{}/files", encode_query_value(id));
    send_json(changing(Request::post(&url))?, &AttachFiles { files }).await
}

/// `POST /api/risks/{id}/files`: attaches stored files to a risk of the caller's institution;
/// the answer is the risk as it now stands.
pub async fn attach_risk_files(id: &str, files: Vec<FileRef>) -> Result<RiskRecord, ApiError> {
    let url = format!("/api/risks/{}/files", encode_query_value(id));
    send_json(changing(Request::post(&url))?, &AttachFiles { files }).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_files_name_goes_into_the_query_encoded() {
        assert_eq!(
            upload_url("Протокол 3.pdf"),
            format!("/api/files?name={}", encode_query_value("Протокол 3.pdf"))
        );
        assert!(!upload_url("a&b.pdf").contains("a&b"));
    }
}
