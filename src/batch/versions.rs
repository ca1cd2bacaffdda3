//! `check`'s version warning: a leaflet whose printed text differs from its last build
//! while its `version` stayed the same. Document control rests on the version: a revised
//! text under the old number means two different leaflets carry one identity.

use super::manifest::Manifest;
use super::options::PRINT_DIR;
use crate::diagnostic::{Diagnostic, locate_key};
use crate::model::Leaflet;
use crate::model::control::text_hash;
use std::path::Path;

/// The manifests of an output folder: its office builds and its print builds.
pub fn manifests(out: &Path) -> Vec<Manifest> {
    vec![Manifest::load(out), Manifest::load(&out.join(PRINT_DIR))]
}

/// A warning at the `version` line when the last build of this leaflet file (found by its
/// absolute path) printed another text under the same version.
pub fn unbumped(
    manifests: &[Manifest],
    path: &Path,
    source: &str,
    leaflet: &Leaflet,
) -> Option<Diagnostic> {
    let version = leaflet.version?;
    let origin = std::fs::canonicalize(path).ok()?.display().to_string();
    let text = text_hash(leaflet);
    // The most recent build wins where office and print disagree: the one with this
    // version, if any, else nothing to compare.
    let last = manifests
        .iter()
        .flat_map(|m| m.leaflets.values())
        .filter(|e| e.origin == origin && !e.text.is_empty())
        .find(|e| e.version == Some(version))?;
    if last.text == text {
        return None;
    }
    let d = Diagnostic::warning(path, crate::t!("version-not-raised", version = version))
        .field("version")
        .hint(crate::t!("version-not-raised-hint", next = version + 1));
    Some(match locate_key(source, "version") {
        Some((l, c)) => d.at(l, c).spanning("version".len()),
        None => d,
    })
}
