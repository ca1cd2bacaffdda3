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
    pub fn load(out: &Path) -> Manifest {
        std::fs::read(out.join(MANIFEST))
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_default()
    }

    pub fn to_json(&self) -> Vec<u8> {
        serde_json::to_vec_pretty(self).expect("manifest serialises")
    }
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
