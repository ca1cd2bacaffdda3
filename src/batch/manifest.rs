//! The manifest: what each leaflet was built from and what it became, so the next run can
//! prove a PDF up to date instead of rebuilding it.

pub use super::files::{FileRecord, hex};
use crate::pdf::Target;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

pub const MANIFEST: &str = ".leaflet-manifest.json";

/// One leaflet's line in the manifest: what it was built from and what it became.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// The leaflet file as it was named on the command line, for people.
    pub source: String,
    /// The leaflet file's absolute path, to tell when it is gone whatever folder the tool
    /// is run from.
    #[serde(default)]
    pub origin: String,
    /// Hash of every input; empty after a failed build, so the next run tries again.
    pub inputs: String,
    /// The shared entries the leaflet used (`route:105`), so an unchanged leaflet can be
    /// checked without parsing it again.
    #[serde(default)]
    pub uses: Vec<String>,
    /// A hash of each part of the inputs (`style`, `text`, every entry in `uses`), so a
    /// rebuild can say which part changed.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub parts: BTreeMap<String, String>,
    /// `office` or `print`.
    #[serde(default)]
    pub target: String,
    /// Every output file of the leaflet, its own PDF first: one unit, rebuilt together.
    #[serde(default)]
    pub files: Vec<FileRecord>,
    pub title: String,
    pub revised: String,
    pub authors: String,
    pub route: String,
    pub pages: usize,
    /// Content hash of the leaflet's own PDF.
    pub sha256: String,
    /// Document control, for the index and for `check`'s version warning.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<u32>,
    /// The leaflet's language tag (nl-BE, fr-BE, en-GB); empty in manifests from before.
    #[serde(default)]
    pub lang: String,
    /// Hash of the printed text without version and date (`model::control::text_hash`).
    #[serde(default)]
    pub text: String,
    /// The file on disk is not what the leaflet makes today: its last build failed, or two
    /// leaflets claim its name. Kept on disk (a failed build never costs the last good
    /// PDF) but never listed in the index as current.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub stale: bool,
}

#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Manifest {
    pub tool: String,
    pub leaflets: BTreeMap<String, Entry>,
    /// Leaflets whose file is gone while their PDF is left (without `--prune`): kept here
    /// so they are reported on every run, and never listed in the index.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub gone: BTreeSet<String>,
}

impl Manifest {
    /// The manifest in `out`, or an empty one: a missing or damaged manifest only costs a
    /// rebuild, since nothing is trusted without it.
    ///
    /// A manifest whose seal does not match its text was edited by hand or damaged: its
    /// hashes may not be those of the files, and the index made from them would lie to the
    /// print shop, so it is not trusted either.
    pub fn load(out: &Path) -> Manifest {
        Self::load_trusted(out).unwrap_or_default()
    }

    /// The manifest in `out` when there is one to trust; `None` when it is missing,
    /// damaged or edited by hand (then what the folder holds must be learnt from the
    /// files, see [`recover`](super::recover)).
    pub fn load_trusted(out: &Path) -> Option<Manifest> {
        std::fs::read(out.join(MANIFEST))
            .ok()
            // The seal is one more field to serde, and ignored there.
            .filter(|b| sealed(b))
            .and_then(|b| serde_json::from_slice(&b).ok())
    }

    /// The manifest as JSON, sealed: its last field is the CRC-32 of the text before it.
    ///
    /// The seal guards against damage and hand edits, not against an attacker (who could
    /// compute any seal): a CRC catches every edit of up to 32 bits in a row and misses
    /// others once in four billion, and costs a hundredth of SHA-256 on every run.
    pub fn to_json(&self) -> Vec<u8> {
        let mut body = serde_json::to_vec_pretty(self).expect("manifest serialises");
        let seal = format!("{:08x}", crc32fast::hash(&body));
        // The body ends in `\n}`; the seal goes inside it, as one more field.
        body.truncate(body.len() - 2);
        body.extend_from_slice(SEAL_FIELD);
        body.extend_from_slice(seal.as_bytes());
        body.extend_from_slice(b"\"\n}");
        body
    }
}

/// A CRC-32 in hex.
const SEAL_HEX_LEN: usize = 8;

/// What comes between the manifest's text and its seal.
const SEAL_FIELD: &[u8] = b",\n  \"seal\": \"";

/// Whether the manifest's seal matches its text. False for a manifest without a seal
/// (written by hand, or by an older version: that costs one rebuild).
fn sealed(bytes: &[u8]) -> bool {
    // `,\n  "seal": "<8 hex>"\n}` closes a sealed manifest.
    let tail_len = SEAL_FIELD.len() + SEAL_HEX_LEN + 3;
    let Some(split) = bytes.len().checked_sub(tail_len) else {
        return false;
    };
    let (body, tail) = bytes.split_at(split);
    let Some(seal) = tail
        .strip_prefix(SEAL_FIELD)
        .and_then(|t| t.strip_suffix(b"\"\n}"))
    else {
        return false;
    };
    let mut h = crc32fast::Hasher::new();
    h.update(body);
    h.update(b"\n}");
    format!("{:08x}", h.finalize()).as_bytes() == seal
}

pub fn target_name(target: Target) -> &'static str {
    match target {
        Target::Office => "office",
        Target::Print { .. } => "print",
    }
}

/// A hash of everything the tool itself contributes: its sources, fonts and dependencies (via
/// build.rs), its version and the output target.
pub fn tool_fingerprint(target: Target) -> String {
    let mut h = Sha256::new();
    h.update(env!("CARGO_PKG_VERSION"));
    h.update(env!("LEAFLET_BUILD_HASH"));
    h.update(format!("{target:?}"));
    hex(&h.finalize())
}

/// Feeds a length-prefixed value, so that no two different input lists hash alike.
pub fn feed(h: &mut Sha256, bytes: &[u8]) {
    h.update((bytes.len() as u64).to_le_bytes());
    h.update(bytes);
}

#[cfg(test)]
mod seal_tests {
    use super::*;

    fn manifest() -> Manifest {
        let mut m = Manifest {
            tool: "t".into(),
            ..Manifest::default()
        };
        m.gone.insert("weg.pdf".into());
        m
    }

    #[test]
    fn a_sealed_manifest_reads_back_as_written() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(MANIFEST), manifest().to_json()).unwrap();
        let back = Manifest::load(dir.path());
        assert_eq!(back.tool, "t");
        assert_eq!(back.gone, manifest().gone);
        // Still JSON for people and scripts.
        let v: serde_json::Value = serde_json::from_slice(&manifest().to_json()).unwrap();
        assert_eq!(v["seal"].as_str().unwrap().len(), SEAL_HEX_LEN);
    }

    #[test]
    fn an_edited_or_unsealed_manifest_is_not_trusted() {
        let json = manifest().to_json();
        assert!(sealed(&json));
        let edited = String::from_utf8(json.clone())
            .unwrap()
            .replace("weg", "wag");
        assert!(!sealed(edited.as_bytes()));
        let plain = serde_json::to_vec_pretty(&manifest()).unwrap();
        assert!(!sealed(&plain));
        assert!(!sealed(b""));
        assert!(!sealed(&json[1..]));
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(MANIFEST), edited).unwrap();
        assert_eq!(Manifest::load(dir.path()).tool, "");
    }
}
