//! The only code that touches hookcli's own local test key pairs: one per
//! key-pair algorithm, created on first use, kept where only the user can
//! read it (file 0600 in a directory 0700), and reused, so an app configured
//! once with its verification key keeps working.
//!
//! Location: `HOOKCLI_KEYS` (a directory), else `<data dir>/hookcli/keys`
//! next to the event store's default (`~/.local/share/hookcli/keys` on
//! Linux). The private key never leaves its file but to sign.

use crate::provider::keypair::{self, LOCAL_KEY_LABEL};
use crate::provider::{Algorithm, SignKey, VerifyKey};
use crate::secret::Secret;
use anyhow::Context as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};

/// Where the keys live: `HOOKCLI_KEYS`, else the default.
pub fn dir() -> PathBuf {
    match std::env::var_os("HOOKCLI_KEYS") {
        Some(v) if !v.is_empty() => PathBuf::from(v),
        _ => default_dir(),
    }
}

/// `<data dir>/hookcli/keys`, or `./.hookcli/keys` when the platform has no
/// data directory.
pub fn default_dir() -> PathBuf {
    dirs::data_dir()
        .map(|d| d.join("hookcli"))
        .unwrap_or_else(|| PathBuf::from(".hookcli"))
        .join("keys")
}

/// hookcli's local test key pair for one algorithm.
#[derive(Clone)]
pub struct LocalKey {
    pub algorithm: Algorithm,
    pub path: PathBuf,
    /// Whether this run created it.
    pub created: bool,
    key: SignKey,
}

impl LocalKey {
    /// The private key, as a secret signing code reads (PKCS#8 PEM).
    pub fn private(&self) -> Secret {
        Secret::new(
            keypair::private_pem(&self.key).expect("a key pair"),
            LOCAL_KEY_LABEL,
        )
    }

    /// The verification key, as an app is configured with it.
    pub fn public(&self) -> Secret {
        Secret::new(self.public_text(), LOCAL_KEY_LABEL)
    }

    pub fn verify_key(&self) -> VerifyKey {
        self.key.verify_key()
    }

    pub fn public_text(&self) -> String {
        keypair::public_text(&self.verify_key()).expect("a key pair")
    }
}

impl std::fmt::Debug for LocalKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "LocalKey({} at {})",
            self.algorithm.id(),
            self.path.display()
        )
    }
}

/// The local key of `algorithm` in `dir`: read, or created when missing.
/// Two processes creating it at once end with the same key: the file
/// appears whole or not at all, and whoever comes second reads the first's.
pub fn load_or_create(dir: &Path, algorithm: Algorithm) -> anyhow::Result<LocalKey> {
    let path = dir.join(format!("{}.pem", algorithm.id()));
    if let Some(key) = read(&path, algorithm)? {
        return Ok(LocalKey {
            algorithm,
            path,
            created: false,
            key,
        });
    }
    private_dir(dir)?;
    let key = loop {
        if let Some(key) = keypair::from_random(algorithm, &rand::random()) {
            break key;
        }
    };
    let pem = keypair::private_pem(&key)
        .with_context(|| format!("{} has no key pair", algorithm.name()))?;
    // tempfile creates its files 0600.
    let mut file = tempfile::Builder::new()
        .prefix(".new-key-")
        .tempfile_in(dir)
        .with_context(|| format!("cannot create a key file in {}", dir.display()))?;
    file.write_all(pem.as_bytes())
        .and_then(|()| file.as_file().sync_all())
        .with_context(|| format!("cannot write a key file in {}", dir.display()))?;
    match file.persist_noclobber(&path) {
        Ok(_) => Ok(LocalKey {
            algorithm,
            path,
            created: true,
            key,
        }),
        Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => {
            let key = read(&path, algorithm)?
                .with_context(|| format!("{} vanished while being read", path.display()))?;
            Ok(LocalKey {
                algorithm,
                path,
                created: false,
                key,
            })
        }
        Err(e) => Err(e.error).with_context(|| format!("cannot create {}", path.display())),
    }
}

/// The key in `path`, `None` when there is no file.
fn read(path: &Path, algorithm: Algorithm) -> anyhow::Result<Option<SignKey>> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e).with_context(|| format!("cannot read {}", path.display())),
    };
    let key = keypair::read_private(algorithm, &text).map_err(|e| {
        anyhow::anyhow!(
            "{} {}: delete it and hookcli makes a new one (apps configured with the old \
             verification key then need the new one)",
            path.display(),
            e.reason
        )
    })?;
    Ok(Some(key))
}

/// Creates `dir` (and its parents) readable by the user alone.
fn private_dir(dir: &Path) -> anyhow::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt as _;
        builder.mode(0o700);
    }
    builder
        .create(dir)
        .with_context(|| format!("cannot create {}", dir.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_is_created_once_privately_and_reused() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("a/keys");
        let first = load_or_create(&dir, Algorithm::EcdsaP256).unwrap();
        assert!(first.created);
        let again = load_or_create(&dir, Algorithm::EcdsaP256).unwrap();
        assert!(!again.created);
        assert_eq!(again.public_text(), first.public_text());
        assert!(first.public_text().starts_with("MFkw"));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode(&first.path), 0o600);
            assert_eq!(mode(&dir), 0o700);
        }
        // The private key is never shown by Debug or a secret's Display.
        assert!(!format!("{first:?} {}", first.private()).contains("PRIVATE"));
        let ed = load_or_create(&dir, Algorithm::Ed25519).unwrap();
        assert_ne!(ed.path, first.path);
    }

    #[test]
    fn a_damaged_key_file_is_an_error_that_says_what_to_do() {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::write(tmp.path().join("ecdsa-p256.pem"), "junk").unwrap();
        let err = load_or_create(tmp.path(), Algorithm::EcdsaP256).unwrap_err();
        assert!(err.to_string().contains("delete it"), "{err}");
    }
}
