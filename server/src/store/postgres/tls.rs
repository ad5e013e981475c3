//! TLS to the database. An address that asks for it (`sslmode=require`) gets it, with the
//! server's certificate verified against the root certificates libpq would trust: the file
//! `PGSSLROOTCERT` names, else `~/.postgresql/root.crt`, else the Mozilla roots. Any other
//! `sslmode` (the default `prefer` too) connects in the clear rather than trust a certificate
//! it cannot check.

use super::StoreError;
use rustls::pki_types::CertificateDer;
use rustls::pki_types::pem::PemObject;
use std::path::PathBuf;
use std::sync::Arc;
use tokio_postgres::config::SslMode;
use tokio_postgres_rustls::MakeRustlsConnect;

/// The connector for `config`'s connections; turns any `sslmode` but `require` into `disable`.
pub(super) fn connector(
    config: &mut tokio_postgres::Config,
) -> Result<MakeRustlsConnect, StoreError> {
    let refused = |e: String| StoreError::Io(format!("TLS to the database: {e}"));
    let mut roots = rustls::RootCertStore::empty();
    if config.get_ssl_mode() == SslMode::Require {
        match root_file() {
            Some(path) => {
                let certificates = CertificateDer::pem_file_iter(&path)
                    .map_err(|e| refused(format!("{}: {e}", path.display())))?;
                for certificate in certificates {
                    let certificate =
                        certificate.map_err(|e| refused(format!("{}: {e}", path.display())))?;
                    roots
                        .add(certificate)
                        .map_err(|e| refused(format!("{}: {e}", path.display())))?;
                }
            }
            None => roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned()),
        }
    } else {
        config.ssl_mode(SslMode::Disable);
    }
    let tls = rustls::ClientConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .map_err(|e| refused(e.to_string()))?
    .with_root_certificates(roots)
    .with_no_client_auth();
    Ok(MakeRustlsConnect::new(tls))
}

/// The file of root certificates libpq reads, when there is one.
fn root_file() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("PGSSLROOTCERT") {
        return Some(PathBuf::from(path));
    }
    let path = PathBuf::from(std::env::var_os("HOME")?).join(".postgresql/root.crt");
    path.exists().then_some(path)
}
